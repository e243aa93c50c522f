// typeobject.cpp: the `type` and `object` types: readying static types
// (C3 MRO, slot inheritance, the type dict with slot wrappers), attribute
// lookup along the MRO with a method cache, and instantiation.
// Mirrors CPython 3.11 Objects/typeobject.c. Book chapter 11.
//
// Read first: type_ready(), then type_lookup(), then the slotdefs table.
//
// Method cache: like CPython's, a direct-mapped table of 4096 entries keyed
// by (tp_version_tag, interned name). A type gets a version tag the first
// time it is looked up (its bases get theirs first); type_modified() drops
// the tag of the type and, through tp_subclasses, of every subclass, so
// their entries can never match again. Tags are never reused.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyhash.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unionobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

TypeObject static_type(const char* name, Py_ssize_t basicsize, Py_ssize_t itemsize, unsigned long flags,
                       const char* doc)
{
    TypeObject t{};
    t.ob_refcnt = 1;
    t.ob_type = &Type_Type;
    t.tp_name = name;
    t.tp_basicsize = basicsize;
    t.tp_itemsize = itemsize;
    t.tp_flags = flags | Py_TPFLAGS_IMMUTABLETYPE;
    t.tp_doc = doc;
    return t;
}

const char* type_short_name(const TypeObject* type)
{
    const char* dot = std::strrchr(type->tp_name, '.');
    return dot ? dot + 1 : type->tp_name;
}

std::string type_qualified_name(TypeObject* type)
{
    if (type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) {
        auto* ht = static_cast<HeapTypeObject*>(type);
        if (ht->ht_qualname) return unicode_to_std(ht->ht_qualname);
    }
    return type_short_name(type);
}

bool type_is_subtype(TypeObject* a, TypeObject* b)
{
    if (a == b) return true;
    if (Object* mro = a->tp_mro) {
        for (Py_ssize_t i = 0, n = tuple_size(mro); i < n; i++)
            if (tuple_item(mro, i) == b) return true;
        return false;
    }
    // Not readied yet: follow tp_base (what CPython's type_is_subtype_base_chain does).
    for (; a; a = a->tp_base)
        if (a == b) return true;
    return b == &BaseObject_Type;
}

// --- The method cache --------------------------------------------------------

// The subclasses recorded in tp_subclasses ({id: id}, see add_subclass), in
// the order they were created.
std::vector<TypeObject*> type_subclass_list(TypeObject* type)
{
    std::vector<TypeObject*> result;
    Object* subclasses = type->tp_subclasses;
    if (!subclasses) return result;
    Py_ssize_t pos = 0;
    Object *key, *value;
    while (dict_next(subclasses, &pos, &key, &value)) {
        int overflow = 0;
        auto addr = static_cast<std::uintptr_t>(long_as_long_long_and_overflow(value, &overflow));
        result.push_back(reinterpret_cast<TypeObject*>(addr));
    }
    return result;
}

namespace {

constexpr unsigned MCACHE_SIZE_EXP = 12;
struct CacheEntry {
    unsigned int version;
    Object* name;   // borrowed: only interned names are cached, and they are immortal
    Object* value;  // borrowed from the type dict; valid while the tag is
};
CacheEntry method_cache[1u << MCACHE_SIZE_EXP];
unsigned int next_version_tag = 1;
MethodCacheStats cache_stats;

unsigned mcache_hash(unsigned version, const Object* name)
{
    auto p = reinterpret_cast<std::uintptr_t>(name);
    return static_cast<unsigned>((version ^ (p >> 3)) & ((1u << MCACHE_SIZE_EXP) - 1));
}

// assign_version_tag: a type's tag is only valid while every base's is, so
// that type_modified on a base (which walks down to its subclasses) is
// enough to invalidate everything that inherited the changed entry.
bool assign_version_tag(TypeObject* type)
{
    if (type_has_feature(type, Py_TPFLAGS_VALID_VERSION_TAG)) return true;
    if (!type_has_feature(type, Py_TPFLAGS_READY)) return false;
    if (next_version_tag == 0) return false;  // out of tags: lookups go uncached
    type->tp_version_tag = next_version_tag++;
    type->tp_flags |= Py_TPFLAGS_VALID_VERSION_TAG;
    for (Py_ssize_t i = 0, n = tuple_size(type->tp_bases); i < n; i++) {
        if (!assign_version_tag(static_cast<TypeObject*>(tuple_item(type->tp_bases, i)))) {
            type->tp_flags &= ~Py_TPFLAGS_VALID_VERSION_TAG;
            type->tp_version_tag = 0;
            return false;
        }
    }
    return true;
}

Object* find_name_in_mro(TypeObject* type, Object* name, int* error)
{
    *error = 0;
    Object* mro = type->tp_mro;
    if (!mro) return nullptr;
    Py_hash_t hash = unicode_hash(name);
    if (hash == -1) {
        *error = -1;
        return nullptr;
    }
    for (Py_ssize_t i = 0, n = tuple_size(mro); i < n; i++) {
        auto* base = static_cast<TypeObject*>(tuple_item(mro, i));
        if (!base->tp_dict) continue;
        Object* res = dict_get_item_known_hash(base->tp_dict, name, hash);
        if (res) return res;
        if (error_occurred()) {
            *error = -1;
            return nullptr;
        }
    }
    return nullptr;
}

}  // namespace

void type_modified(TypeObject* type)
{
    // A type without a valid tag has no cache entries, and neither have its
    // subclasses (assign_version_tag tags bases first), so the walk stops.
    if (!type_has_feature(type, Py_TPFLAGS_VALID_VERSION_TAG)) return;
    for (TypeObject* sub : type_subclass_list(type)) type_modified(sub);
    type->tp_flags &= ~Py_TPFLAGS_VALID_VERSION_TAG;
    type->tp_version_tag = 0;
}

MethodCacheStats method_cache_stats() { return cache_stats; }

Object* type_lookup(TypeObject* type, Object* name)
{
    const bool cacheable = unicode_check_exact(name) && as_unicode(name)->state.interned &&
                           assign_version_tag(type);
    if (cacheable) {
        CacheEntry& e = method_cache[mcache_hash(type->tp_version_tag, name)];
        if (e.version == type->tp_version_tag && e.name == name) {
            cache_stats.hits++;
            return e.value;
        }
    }
    cache_stats.misses++;
    // A failed lookup (e.g. an __eq__ raising on a weird key) is swallowed,
    // as _PyType_Lookup does: callers see "not found".
    Ref<> saved = error_occurred() ? fetch_exception() : nullptr;
    int error;
    Object* res = find_name_in_mro(type, name, &error);
    if (error) {
        error_clear();
        res = nullptr;
    }
    if (saved) restore_exception(std::move(saved));
    // The MRO walk may have run Python code (__eq__/__hash__ of a key) that
    // modified the type: only a still-valid tag may be cached.
    if (cacheable && !error && type_has_feature(type, Py_TPFLAGS_VALID_VERSION_TAG)) {
        CacheEntry& e = method_cache[mcache_hash(type->tp_version_tag, name)];
        e = {type->tp_version_tag, name, res};
    }
    return res;
}

Ref<> lookup_special(Object* obj, Object* name)
{
    Object* descr = type_lookup(Py_TYPE(obj), name);
    if (!descr) return nullptr;
    if (descrgetfunc f = Py_TYPE(descr)->tp_descr_get) return f(descr, obj, Py_TYPE(obj));
    return new_ref(descr);
}

Ref<> lookup_special(Object* obj, const char* name)
{
    Object* key = intern_id(name);
    return key ? lookup_special(obj, key) : nullptr;
}

// --- C3 linearization ----------------------------------------------------------

namespace {

// mro_implementation: merges the MROs of the bases and the list of bases,
// taking at each step the first head that is in no other list's tail.
Ref<> c3_mro(TypeObject* type)
{
    Object* bases = type->tp_bases;
    Py_ssize_t n = tuple_size(bases);
    // check_duplicates: class C(A, A) has no sensible linearization.
    for (Py_ssize_t i = 0; i < n; i++)
        for (Py_ssize_t j = i + 1; j < n; j++)
            if (tuple_item(bases, i) == tuple_item(bases, j))
                return format_error(Exc_TypeError, "duplicate base class %s",
                                    type_short_name(static_cast<TypeObject*>(tuple_item(bases, i))));
    std::vector<std::vector<Object*>> seqs;
    for (Py_ssize_t i = 0; i < n; i++) {
        auto* base = static_cast<TypeObject*>(tuple_item(bases, i));
        std::vector<Object*> s;
        for (Py_ssize_t j = 0; j < tuple_size(base->tp_mro); j++) s.push_back(tuple_item(base->tp_mro, j));
        seqs.push_back(std::move(s));
    }
    seqs.emplace_back(&static_cast<TupleObject*>(bases)->ob_item[0],
                      &static_cast<TupleObject*>(bases)->ob_item[0] + n);
    std::vector<Object*> result{type};
    std::vector<std::size_t> heads(seqs.size(), 0);
    for (;;) {
        bool empty = true;
        Object* candidate = nullptr;
        for (std::size_t i = 0; i < seqs.size() && !candidate; i++) {
            if (heads[i] >= seqs[i].size()) continue;
            empty = false;
            Object* c = seqs[i][heads[i]];
            bool in_tail = false;
            for (std::size_t j = 0; j < seqs.size() && !in_tail; j++)
                for (std::size_t k = heads[j] + 1; k < seqs[j].size(); k++)
                    if (seqs[j][k] == c) {
                        in_tail = true;
                        break;
                    }
            if (!in_tail) candidate = c;
        }
        if (empty) break;
        if (!candidate) {
            // CPython names the remaining bases; the order is that of the lists.
            std::string names;
            for (std::size_t i = 0; i < seqs.size() - 1; i++) {
                if (heads[i] >= seqs[i].size()) continue;
                if (!names.empty()) names += ", ";
                names += type_short_name(static_cast<TypeObject*>(seqs[i][heads[i]]));
            }
            return format_error(Exc_TypeError,
                                "Cannot create a consistent method resolution\norder (MRO) for bases %s",
                                names.c_str());
        }
        result.push_back(candidate);
        for (std::size_t i = 0; i < seqs.size(); i++)
            if (heads[i] < seqs[i].size() && seqs[i][heads[i]] == candidate) heads[i]++;
    }
    return tuple_from_array(result.data(), static_cast<Py_ssize_t>(result.size()));
}

// --- Slot inheritance ---------------------------------------------------------

constexpr unsigned long SUBCLASS_FLAGS = Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS |
                                         Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_BYTES_SUBCLASS |
                                         Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS |
                                         Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_TYPE_SUBCLASS;

template <class T>
void copy_slot(T& mine, const T& base)
{
    if (!mine) mine = base;
}

void inherit_number(NumberMethods* t, const NumberMethods* b)
{
    // Field by field: a subtype keeps what it defines and takes the rest.
    copy_slot(t->nb_add, b->nb_add);
    copy_slot(t->nb_subtract, b->nb_subtract);
    copy_slot(t->nb_multiply, b->nb_multiply);
    copy_slot(t->nb_remainder, b->nb_remainder);
    copy_slot(t->nb_divmod, b->nb_divmod);
    copy_slot(t->nb_power, b->nb_power);
    copy_slot(t->nb_negative, b->nb_negative);
    copy_slot(t->nb_positive, b->nb_positive);
    copy_slot(t->nb_absolute, b->nb_absolute);
    copy_slot(t->nb_bool, b->nb_bool);
    copy_slot(t->nb_invert, b->nb_invert);
    copy_slot(t->nb_lshift, b->nb_lshift);
    copy_slot(t->nb_rshift, b->nb_rshift);
    copy_slot(t->nb_and, b->nb_and);
    copy_slot(t->nb_xor, b->nb_xor);
    copy_slot(t->nb_or, b->nb_or);
    copy_slot(t->nb_int, b->nb_int);
    copy_slot(t->nb_float, b->nb_float);
    copy_slot(t->nb_inplace_add, b->nb_inplace_add);
    copy_slot(t->nb_inplace_subtract, b->nb_inplace_subtract);
    copy_slot(t->nb_inplace_multiply, b->nb_inplace_multiply);
    copy_slot(t->nb_inplace_remainder, b->nb_inplace_remainder);
    copy_slot(t->nb_inplace_power, b->nb_inplace_power);
    copy_slot(t->nb_inplace_lshift, b->nb_inplace_lshift);
    copy_slot(t->nb_inplace_rshift, b->nb_inplace_rshift);
    copy_slot(t->nb_inplace_and, b->nb_inplace_and);
    copy_slot(t->nb_inplace_xor, b->nb_inplace_xor);
    copy_slot(t->nb_inplace_or, b->nb_inplace_or);
    copy_slot(t->nb_floor_divide, b->nb_floor_divide);
    copy_slot(t->nb_true_divide, b->nb_true_divide);
    copy_slot(t->nb_inplace_floor_divide, b->nb_inplace_floor_divide);
    copy_slot(t->nb_inplace_true_divide, b->nb_inplace_true_divide);
    copy_slot(t->nb_index, b->nb_index);
    copy_slot(t->nb_matrix_multiply, b->nb_matrix_multiply);
    copy_slot(t->nb_inplace_matrix_multiply, b->nb_inplace_matrix_multiply);
}

void inherit_sequence(SequenceMethods* t, const SequenceMethods* b)
{
    copy_slot(t->sq_length, b->sq_length);
    copy_slot(t->sq_concat, b->sq_concat);
    copy_slot(t->sq_repeat, b->sq_repeat);
    copy_slot(t->sq_item, b->sq_item);
    copy_slot(t->sq_ass_item, b->sq_ass_item);
    copy_slot(t->sq_contains, b->sq_contains);
    copy_slot(t->sq_inplace_concat, b->sq_inplace_concat);
    copy_slot(t->sq_inplace_repeat, b->sq_inplace_repeat);
}

void inherit_mapping(MappingMethods* t, const MappingMethods* b)
{
    copy_slot(t->mp_length, b->mp_length);
    copy_slot(t->mp_subscript, b->mp_subscript);
    copy_slot(t->mp_ass_subscript, b->mp_ass_subscript);
}

// inherit_special + inherit_slots, for one base.
void inherit_slots(TypeObject* type, TypeObject* base)
{
    // Sub-tables: a static type without its own table shares the base's;
    // one with a table (heap types always have one) copies missing slots.
    if (base->tp_as_number) {
        if (!type->tp_as_number) type->tp_as_number = base->tp_as_number;
        else if (type->tp_as_number != base->tp_as_number) inherit_number(type->tp_as_number, base->tp_as_number);
    }
    if (base->tp_as_sequence) {
        if (!type->tp_as_sequence) type->tp_as_sequence = base->tp_as_sequence;
        else if (type->tp_as_sequence != base->tp_as_sequence)
            inherit_sequence(type->tp_as_sequence, base->tp_as_sequence);
    }
    if (base->tp_as_mapping) {
        if (!type->tp_as_mapping) type->tp_as_mapping = base->tp_as_mapping;
        else if (type->tp_as_mapping != base->tp_as_mapping)
            inherit_mapping(type->tp_as_mapping, base->tp_as_mapping);
    }
    copy_slot(type->tp_dealloc, base->tp_dealloc);
    copy_slot(type->tp_getattro, base->tp_getattro);
    copy_slot(type->tp_setattro, base->tp_setattro);
    copy_slot(type->tp_repr, base->tp_repr);
    copy_slot(type->tp_str, base->tp_str);
    copy_slot(type->tp_call, base->tp_call);
    // tp_hash and tp_richcompare go together: a type that defines one of
    // them (or __eq__/__hash__ in its dict) inherits neither.
    if (!type->tp_richcompare && !type->tp_hash) {
        bool has_own = false;
        if (type->tp_dict) {
            has_own = dict_get_item_string(type->tp_dict, "__eq__") ||
                      dict_get_item_string(type->tp_dict, "__hash__");
        }
        if (!has_own) {
            type->tp_richcompare = base->tp_richcompare;
            type->tp_hash = base->tp_hash;
        }
    }
    copy_slot(type->tp_iter, base->tp_iter);
    copy_slot(type->tp_iternext, base->tp_iternext);
    copy_slot(type->tp_descr_get, base->tp_descr_get);
    copy_slot(type->tp_descr_set, base->tp_descr_set);
    if (!type->tp_dictoffset) type->tp_dictoffset = base->tp_dictoffset;
    copy_slot(type->tp_init, base->tp_init);
    copy_slot(type->tp_alloc, base->tp_alloc);
    copy_slot(type->tp_is_gc, base->tp_is_gc);
    copy_slot(type->tp_finalize, base->tp_finalize);
    if (type_has_feature(type, Py_TPFLAGS_HAVE_GC) == type_has_feature(base, Py_TPFLAGS_HAVE_GC))
        copy_slot(type->tp_free, base->tp_free);
    // A GC type that adds no references of its own uses its base's
    // traverse/clear (and a non-GC subtype of a GC base becomes GC).
    if (type_has_feature(base, Py_TPFLAGS_HAVE_GC) && !type->tp_traverse && !type->tp_clear) {
        type->tp_flags |= Py_TPFLAGS_HAVE_GC;
        type->tp_traverse = base->tp_traverse;
        type->tp_clear = base->tp_clear;
    }
    // The weak-list field is part of the layout, so only the solid base's
    // position is valid (inherit_special copies it from tp_base alone): a
    // class like `class SM(M, str)` must not take M's offset.
    if (!type->tp_weaklistoffset && base == type->tp_base) type->tp_weaklistoffset = base->tp_weaklistoffset;
    type->tp_flags |= base->tp_flags & (SUBCLASS_FLAGS | Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING);
}

int add_methods(TypeObject* type, MethodDef* meth)
{
    for (; meth && meth->ml_name; meth++) {
        if (dict_get_item_string(type->tp_dict, meth->ml_name) && !(meth->ml_flags & METH_COEXIST)) continue;
        Ref<> descr;
        if (meth->ml_flags & METH_CLASS) descr = descr_new_classmethod(type, meth);
        else if (meth->ml_flags & METH_STATIC) {
            Ref<> f = cfunction_new(meth, nullptr);
            if (!f) return -1;
            descr = staticmethod_new(f.get());
        } else descr = descr_new_method(type, meth);
        if (!descr || dict_set_item_string(type->tp_dict, meth->ml_name, descr.get()) < 0) return -1;
    }
    return 0;
}

int add_members(TypeObject* type, MemberDef* m)
{
    for (; m && m->name; m++) {
        if (dict_get_item_string(type->tp_dict, m->name)) continue;
        Ref<> descr = descr_new_member(type, m);
        if (!descr || dict_set_item_string(type->tp_dict, m->name, descr.get()) < 0) return -1;
    }
    return 0;
}

int add_getset(TypeObject* type, GetSetDef* g)
{
    for (; g && g->name; g++) {
        if (dict_get_item_string(type->tp_dict, g->name)) continue;
        Ref<> descr = descr_new_getset(type, g);
        if (!descr || dict_set_item_string(type->tp_dict, g->name, descr.get()) < 0) return -1;
    }
    return 0;
}

int add_operators(TypeObject* type);  // the slotdefs table, below

}  // namespace

// --- Internal docstrings ---------------------------------------------------------
// A built-in type's or function's tp_doc/ml_doc may begin with its signature,
// "name(sig)\n--\n\n", followed by the docstring proper: __text_signature__
// shows "(sig)" (inspect.signature reads it), __doc__ the rest.

namespace {

constexpr std::string_view signature_end_marker = ")\n--\n\n";

// find_signature + skip_signature: the offsets of "(" and of the text after
// the marker, when doc opens with the last dotted part of name and "(" and
// the marker comes before any blank line.
bool split_internal_doc(const char* name, const char* doc, std::size_t* sig_start, std::size_t* body_start)
{
    if (!doc) return false;
    std::string_view n = name, d = doc;
    if (std::size_t dot = n.rfind('.'); dot != std::string_view::npos) n.remove_prefix(dot + 1);
    if (!d.starts_with(n) || d.size() <= n.size() || d[n.size()] != '(') return false;
    for (std::size_t i = n.size(); i < d.size(); i++) {
        if (d.substr(i).starts_with(signature_end_marker)) {
            *sig_start = n.size();
            *body_start = i + signature_end_marker.size();
            return true;
        }
        if (d[i] == '\n' && i + 1 < d.size() && d[i + 1] == '\n') return false;
    }
    return false;
}

}  // namespace

Ref<> doc_from_internal_doc(const char* name, const char* internal_doc)
{
    std::size_t sig, body = 0;
    if (internal_doc && split_internal_doc(name, internal_doc, &sig, &body)) internal_doc += body;
    if (!internal_doc || !*internal_doc) return none_ref();
    return unicode_from_string(internal_doc);
}

Ref<> text_signature_from_internal_doc(const char* name, const char* internal_doc)
{
    std::size_t sig, body;
    if (!split_internal_doc(name, internal_doc, &sig, &body)) return none_ref();
    // Up to and including the signature's closing ")".
    std::size_t end = body - signature_end_marker.size() + 1;
    return unicode_from_utf8(std::string_view(internal_doc + sig, end - sig));
}

namespace {

// tp_subclasses: {id(subclass): id(subclass)}. CPython stores weak
// references; minipy has none yet (issue 8), so the dict holds only the
// address, and a heap type takes itself out in type_dealloc (remove_subclass)
// before the address can be reused. Static types never go away.
Ref<> subclass_key(TypeObject* type) { return long_from_unsigned(reinterpret_cast<std::uintptr_t>(type)); }

int add_subclass(TypeObject* base, TypeObject* type)
{
    if (!base->tp_subclasses) {
        Ref<> d = dict_new();
        if (!d) return -1;
        base->tp_subclasses = d.release();
    }
    Ref<> key = subclass_key(type);
    if (!key) return -1;
    return dict_set_item(base->tp_subclasses, key.get(), key.get());
}

void remove_subclass(TypeObject* base, TypeObject* type)
{
    if (!base->tp_subclasses) return;
    // Runs from type_dealloc, possibly while an error is pending (a class
    // that failed half-way through type_new), which must survive.
    Ref<> saved = fetch_exception();
    Ref<> key = subclass_key(type);
    if (!key || dict_del_item(base->tp_subclasses, key.get()) < 0) error_clear();
    restore_exception(std::move(saved));
}

}  // namespace

int type_ready(TypeObject* type)
{
    if (type_has_feature(type, Py_TPFLAGS_READY)) return 0;
    if (type_has_feature(type, Py_TPFLAGS_READYING)) {
        format_error(Exc_SystemError, "type %s is being readied twice", type->tp_name);
        return -1;
    }
    type->tp_flags |= Py_TPFLAGS_READYING;
    if (!type->tp_base && type != &BaseObject_Type) type->tp_base = &BaseObject_Type;
    TypeObject* base = type->tp_base;
    if (base && type_ready(base) < 0) return -1;
    if (!type->ob_type && base) type->ob_type = base->ob_type;
    if (!type->tp_bases) {
        Ref<> bases = base ? tuple_pack({base}) : tuple_new(0);
        if (!bases) return -1;
        type->tp_bases = bases.release();
    }
    for (Py_ssize_t i = 0; i < tuple_size(type->tp_bases); i++)
        if (type_ready(static_cast<TypeObject*>(tuple_item(type->tp_bases, i))) < 0) return -1;
    if (!type->tp_dict) {
        Ref<> d = dict_new();
        if (!d) return -1;
        type->tp_dict = d.release();
    }
    // The type's own attributes first, so that inheritance can see them.
    // Heap types get their dunders from the class body, not from wrappers.
    const bool heap = type_has_feature(type, Py_TPFLAGS_HEAPTYPE);
    if ((!heap && add_operators(type) < 0) || add_methods(type, type->tp_methods) < 0 ||
        add_members(type, type->tp_members) < 0 || add_getset(type, type->tp_getset) < 0)
        return -1;
    Ref<> mro = base ? c3_mro(type) : tuple_pack({type});
    if (!mro) return -1;
    type->tp_mro = mro.release();
    // Inherit along the MRO (skipping the type itself), nearest first.
    for (Py_ssize_t i = 1; i < tuple_size(type->tp_mro); i++)
        inherit_slots(type, static_cast<TypeObject*>(tuple_item(type->tp_mro, i)));
    if (base && !type->tp_new && !type_has_feature(type, Py_TPFLAGS_DISALLOW_INSTANTIATION) &&
        type->tp_base == base && base->tp_new && type != &Type_Type)
        type->tp_new = base->tp_new;
    // tp_hash == hash_not_implemented shows as __hash__ = None.
    if (type->tp_hash == hash_not_implemented && !dict_get_item_string(type->tp_dict, "__hash__")) {
        if (dict_set_item_string(type->tp_dict, "__hash__", Py_None()) < 0) return -1;
    }
    if (!dict_get_item_string(type->tp_dict, "__doc__")) {
        Ref<> doc = doc_from_internal_doc(type->tp_name, type->tp_doc);
        if (!doc || dict_set_item_string(type->tp_dict, "__doc__", doc.get()) < 0) return -1;
    }
    for (Py_ssize_t i = 0; i < tuple_size(type->tp_bases); i++)
        if (add_subclass(static_cast<TypeObject*>(tuple_item(type->tp_bases, i)), type) < 0) return -1;
    type->tp_flags = (type->tp_flags & ~Py_TPFLAGS_READYING) | Py_TPFLAGS_READY;
    return 0;
}

// --- Slot wrappers (the slotdefs table) ----------------------------------------
// Each entry exposes a C slot under its dunder name in the type's __dict__,
// so Python code (and super()) can call int.__add__ and friends.

struct WrapperBase {
    const char* name;
    void* (*slot)(TypeObject*);  // where the slot lives in a type
    Ref<> (*wrapper)(Object* self, Object* args, void* wrapped, Object* kwds);
    int op;  // the comparison for rich-compare wrappers
    // "name(signature)\n--\n\ndoc", as CPython's slotdefs: the wrappers'
    // __text_signature__ and __doc__ (runtime/descrobject.cpp).
    const char* doc;
};

namespace {

bool check_args(Object* args, Py_ssize_t n, Object* kwds, const char* name)
{
    if (kwds && dict_size(kwds)) {
        format_error(Exc_TypeError, "wrapper %s() takes no keyword arguments", name);
        return false;
    }
    if (tuple_size(args) != n) {
        format_error(Exc_TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s", tuple_size(args));
        return false;
    }
    return true;
}

Ref<> wrap_unaryfunc(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 0, kwds, "")) return nullptr;
    return reinterpret_cast<unaryfunc>(w)(self);
}
Ref<> wrap_binaryfunc(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 1, kwds, "")) return nullptr;
    return reinterpret_cast<binaryfunc>(w)(self, tuple_item(args, 0));
}
Ref<> wrap_binaryfunc_r(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 1, kwds, "")) return nullptr;
    return reinterpret_cast<binaryfunc>(w)(tuple_item(args, 0), self);
}
Ref<> wrap_ternaryfunc(Object* self, Object* args, void* w, Object* kwds)
{
    Py_ssize_t n = tuple_size(args);
    if (kwds && dict_size(kwds)) return format_error(Exc_TypeError, "wrapper takes no keyword arguments");
    if (n < 1 || n > 2) return format_error(Exc_TypeError, "expected 1 or 2 arguments, got %zd", n);
    return reinterpret_cast<ternaryfunc>(w)(self, tuple_item(args, 0), n == 2 ? tuple_item(args, 1) : Py_None());
}
Ref<> wrap_ternaryfunc_r(Object* self, Object* args, void* w, Object* kwds)
{
    Py_ssize_t n = tuple_size(args);
    if (kwds && dict_size(kwds)) return format_error(Exc_TypeError, "wrapper takes no keyword arguments");
    if (n < 1 || n > 2) return format_error(Exc_TypeError, "expected 1 or 2 arguments, got %zd", n);
    return reinterpret_cast<ternaryfunc>(w)(tuple_item(args, 0), self, n == 2 ? tuple_item(args, 1) : Py_None());
}
Ref<> wrap_inquirypred(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 0, kwds, "")) return nullptr;
    int res = reinterpret_cast<inquiry>(w)(self);
    if (res < 0) return nullptr;
    return bool_from_long(res);
}
Ref<> wrap_lenfunc(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 0, kwds, "")) return nullptr;
    Py_ssize_t res = reinterpret_cast<lenfunc>(w)(self);
    if (res < 0 && error_occurred()) return nullptr;
    return long_from_ssize_t(res);
}
Ref<> wrap_hashfunc(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 0, kwds, "")) return nullptr;
    Py_hash_t res = reinterpret_cast<hashfunc>(w)(self);
    if (res == -1 && error_occurred()) return nullptr;
    return long_from_ssize_t(res);
}
Ref<> wrap_richcmp(Object* self, Object* args, void* w, Object* kwds, int op)
{
    if (!check_args(args, 1, kwds, "")) return nullptr;
    return reinterpret_cast<richcmpfunc>(w)(self, tuple_item(args, 0), op);
}
template <int Op>
Ref<> wrap_richcmp_op(Object* self, Object* args, void* w, Object* kwds)
{
    return wrap_richcmp(self, args, w, kwds, Op);
}
Ref<> wrap_objobjproc(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 1, kwds, "")) return nullptr;
    int res = reinterpret_cast<objobjproc>(w)(self, tuple_item(args, 0));
    if (res < 0) return nullptr;
    return bool_from_long(res);
}
Ref<> wrap_objobjargproc(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 2, kwds, "")) return nullptr;
    if (reinterpret_cast<objobjargproc>(w)(self, tuple_item(args, 0), tuple_item(args, 1)) < 0) return nullptr;
    return none_ref();
}
Ref<> wrap_delitem(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 1, kwds, "")) return nullptr;
    if (reinterpret_cast<objobjargproc>(w)(self, tuple_item(args, 0), nullptr) < 0) return nullptr;
    return none_ref();
}
Ref<> wrap_sq_item(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 1, kwds, "")) return nullptr;
    Py_ssize_t i = number_as_ssize_t(tuple_item(args, 0), Exc_OverflowError);
    if (i == -1 && error_occurred()) return nullptr;
    return reinterpret_cast<ssizeargfunc>(w)(self, i);
}
Ref<> wrap_indexargfunc(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 1, kwds, "")) return nullptr;
    Py_ssize_t i = number_as_ssize_t(tuple_item(args, 0), Exc_OverflowError);
    if (i == -1 && error_occurred()) return nullptr;
    return reinterpret_cast<ssizeargfunc>(w)(self, i);
}
Ref<> wrap_call(Object* self, Object* args, void* w, Object* kwds)
{
    return reinterpret_cast<ternaryfunc>(w)(self, args, kwds);
}
Ref<> wrap_init(Object* self, Object* args, void* w, Object* kwds)
{
    if (reinterpret_cast<initproc>(w)(self, args, kwds) < 0) return nullptr;
    return none_ref();
}
Ref<> wrap_next(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 0, kwds, "")) return nullptr;
    Ref<> res = reinterpret_cast<iternextfunc>(w)(self);
    if (!res && !error_occurred()) set_error_none(Exc_StopIteration);
    return res;
}
Ref<> wrap_setattr(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 2, kwds, "")) return nullptr;
    if (reinterpret_cast<setattrofunc>(w)(self, tuple_item(args, 0), tuple_item(args, 1)) < 0) return nullptr;
    return none_ref();
}
Ref<> wrap_delattr(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 1, kwds, "")) return nullptr;
    if (reinterpret_cast<setattrofunc>(w)(self, tuple_item(args, 0), nullptr) < 0) return nullptr;
    return none_ref();
}
Ref<> wrap_descr_get(Object* self, Object* args, void* w, Object* kwds)
{
    Py_ssize_t n = tuple_size(args);
    if (kwds && dict_size(kwds)) return format_error(Exc_TypeError, "wrapper takes no keyword arguments");
    if (n < 1 || n > 2) return format_error(Exc_TypeError, "expected 1 or 2 arguments, got %zd", n);
    Object* obj = tuple_item(args, 0);
    Object* type = n == 2 ? tuple_item(args, 1) : nullptr;
    if (obj == Py_None()) obj = nullptr;
    if (type == Py_None()) type = nullptr;
    if (!obj && !type) return format_error(Exc_TypeError, "__get__(None, None) is invalid");
    return reinterpret_cast<descrgetfunc>(w)(self, obj, type);
}

Ref<> wrap_descr_set(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 2, kwds, "")) return nullptr;
    if (reinterpret_cast<descrsetfunc>(w)(self, tuple_item(args, 0), tuple_item(args, 1)) < 0) return nullptr;
    return none_ref();
}
Ref<> wrap_descr_delete(Object* self, Object* args, void* w, Object* kwds)
{
    if (!check_args(args, 1, kwds, "")) return nullptr;
    if (reinterpret_cast<descrsetfunc>(w)(self, tuple_item(args, 0), nullptr) < 0) return nullptr;
    return none_ref();
}

#define TPSLOT(field) [](TypeObject* t) -> void* { return reinterpret_cast<void*>(t->field); }
#define NBSLOT(field) \
    [](TypeObject* t) -> void* { return t->tp_as_number ? reinterpret_cast<void*>(t->tp_as_number->field) : nullptr; }
#define SQSLOT(field) \
    [](TypeObject* t) -> void* { return t->tp_as_sequence ? reinterpret_cast<void*>(t->tp_as_sequence->field) : nullptr; }
#define MPSLOT(field) \
    [](TypeObject* t) -> void* { return t->tp_as_mapping ? reinterpret_cast<void*>(t->tp_as_mapping->field) : nullptr; }

// The wrappers a type gets for the slots it defines itself (slotdefs[] in
// CPython). Order matters where two names share a slot: the first wins.
const WrapperBase slotdefs[] = {
    {"__getattribute__", TPSLOT(tp_getattro), wrap_binaryfunc, 0,
     "__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name)."},
    {"__setattr__", TPSLOT(tp_setattro), wrap_setattr, 0,
     "__setattr__($self, name, value, /)\n--\n\nImplement setattr(self, name, value)."},
    {"__delattr__", TPSLOT(tp_setattro), wrap_delattr, 0,
     "__delattr__($self, name, /)\n--\n\nImplement delattr(self, name)."},
    {"__repr__", TPSLOT(tp_repr), wrap_unaryfunc, 0,
     "__repr__($self, /)\n--\n\nReturn repr(self)."},
    {"__hash__", TPSLOT(tp_hash), wrap_hashfunc, 0,
     "__hash__($self, /)\n--\n\nReturn hash(self)."},
    {"__call__", TPSLOT(tp_call), wrap_call, 0,
     "__call__($self, /, *args, **kwargs)\n--\n\nCall self as a function."},
    {"__str__", TPSLOT(tp_str), wrap_unaryfunc, 0,
     "__str__($self, /)\n--\n\nReturn str(self)."},
    {"__lt__", TPSLOT(tp_richcompare), wrap_richcmp_op<Py_LT>, Py_LT,
     "__lt__($self, value, /)\n--\n\nReturn self<value."},
    {"__le__", TPSLOT(tp_richcompare), wrap_richcmp_op<Py_LE>, Py_LE,
     "__le__($self, value, /)\n--\n\nReturn self<=value."},
    {"__eq__", TPSLOT(tp_richcompare), wrap_richcmp_op<Py_EQ>, Py_EQ,
     "__eq__($self, value, /)\n--\n\nReturn self==value."},
    {"__ne__", TPSLOT(tp_richcompare), wrap_richcmp_op<Py_NE>, Py_NE,
     "__ne__($self, value, /)\n--\n\nReturn self!=value."},
    {"__gt__", TPSLOT(tp_richcompare), wrap_richcmp_op<Py_GT>, Py_GT,
     "__gt__($self, value, /)\n--\n\nReturn self>value."},
    {"__ge__", TPSLOT(tp_richcompare), wrap_richcmp_op<Py_GE>, Py_GE,
     "__ge__($self, value, /)\n--\n\nReturn self>=value."},
    {"__iter__", TPSLOT(tp_iter), wrap_unaryfunc, 0,
     "__iter__($self, /)\n--\n\nImplement iter(self)."},
    {"__next__", TPSLOT(tp_iternext), wrap_next, 0,
     "__next__($self, /)\n--\n\nImplement next(self)."},
    {"__get__", TPSLOT(tp_descr_get), wrap_descr_get, 0,
     "__get__($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner."},
    {"__set__", TPSLOT(tp_descr_set), wrap_descr_set, 0,
     "__set__($self, instance, value, /)\n--\n\nSet an attribute of instance to value."},
    {"__delete__", TPSLOT(tp_descr_set), wrap_descr_delete, 0,
     "__delete__($self, instance, /)\n--\n\nDelete an attribute of instance."},
    {"__init__", TPSLOT(tp_init), wrap_init, 0,
     "__init__($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature."},
    {"__add__", NBSLOT(nb_add), wrap_binaryfunc, 0,
     "__add__($self, value, /)\n--\n\nReturn self+value."},
    {"__radd__", NBSLOT(nb_add), wrap_binaryfunc_r, 0,
     "__radd__($self, value, /)\n--\n\nReturn value+self."},
    {"__sub__", NBSLOT(nb_subtract), wrap_binaryfunc, 0,
     "__sub__($self, value, /)\n--\n\nReturn self-value."},
    {"__rsub__", NBSLOT(nb_subtract), wrap_binaryfunc_r, 0,
     "__rsub__($self, value, /)\n--\n\nReturn value-self."},
    {"__mul__", NBSLOT(nb_multiply), wrap_binaryfunc, 0,
     "__mul__($self, value, /)\n--\n\nReturn self*value."},
    {"__rmul__", NBSLOT(nb_multiply), wrap_binaryfunc_r, 0,
     "__rmul__($self, value, /)\n--\n\nReturn value*self."},
    {"__mod__", NBSLOT(nb_remainder), wrap_binaryfunc, 0,
     "__mod__($self, value, /)\n--\n\nReturn self%value."},
    {"__rmod__", NBSLOT(nb_remainder), wrap_binaryfunc_r, 0,
     "__rmod__($self, value, /)\n--\n\nReturn value%self."},
    {"__divmod__", NBSLOT(nb_divmod), wrap_binaryfunc, 0,
     "__divmod__($self, value, /)\n--\n\nReturn divmod(self, value)."},
    {"__rdivmod__", NBSLOT(nb_divmod), wrap_binaryfunc_r, 0,
     "__rdivmod__($self, value, /)\n--\n\nReturn divmod(value, self)."},
    {"__pow__", NBSLOT(nb_power), wrap_ternaryfunc, 0,
     "__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."},
    {"__rpow__", NBSLOT(nb_power), wrap_ternaryfunc_r, 0,
     "__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."},
    {"__neg__", NBSLOT(nb_negative), wrap_unaryfunc, 0,
     "__neg__($self, /)\n--\n\n-self"},
    {"__pos__", NBSLOT(nb_positive), wrap_unaryfunc, 0,
     "__pos__($self, /)\n--\n\n+self"},
    {"__abs__", NBSLOT(nb_absolute), wrap_unaryfunc, 0,
     "__abs__($self, /)\n--\n\nabs(self)"},
    {"__bool__", NBSLOT(nb_bool), wrap_inquirypred, 0,
     "__bool__($self, /)\n--\n\nTrue if self else False"},
    {"__invert__", NBSLOT(nb_invert), wrap_unaryfunc, 0,
     "__invert__($self, /)\n--\n\n~self"},
    {"__lshift__", NBSLOT(nb_lshift), wrap_binaryfunc, 0,
     "__lshift__($self, value, /)\n--\n\nReturn self<<value."},
    {"__rlshift__", NBSLOT(nb_lshift), wrap_binaryfunc_r, 0,
     "__rlshift__($self, value, /)\n--\n\nReturn value<<self."},
    {"__rshift__", NBSLOT(nb_rshift), wrap_binaryfunc, 0,
     "__rshift__($self, value, /)\n--\n\nReturn self>>value."},
    {"__rrshift__", NBSLOT(nb_rshift), wrap_binaryfunc_r, 0,
     "__rrshift__($self, value, /)\n--\n\nReturn value>>self."},
    {"__and__", NBSLOT(nb_and), wrap_binaryfunc, 0,
     "__and__($self, value, /)\n--\n\nReturn self&value."},
    {"__rand__", NBSLOT(nb_and), wrap_binaryfunc_r, 0,
     "__rand__($self, value, /)\n--\n\nReturn value&self."},
    {"__xor__", NBSLOT(nb_xor), wrap_binaryfunc, 0,
     "__xor__($self, value, /)\n--\n\nReturn self^value."},
    {"__rxor__", NBSLOT(nb_xor), wrap_binaryfunc_r, 0,
     "__rxor__($self, value, /)\n--\n\nReturn value^self."},
    {"__or__", NBSLOT(nb_or), wrap_binaryfunc, 0,
     "__or__($self, value, /)\n--\n\nReturn self|value."},
    {"__ror__", NBSLOT(nb_or), wrap_binaryfunc_r, 0,
     "__ror__($self, value, /)\n--\n\nReturn value|self."},
    {"__int__", NBSLOT(nb_int), wrap_unaryfunc, 0,
     "__int__($self, /)\n--\n\nint(self)"},
    {"__float__", NBSLOT(nb_float), wrap_unaryfunc, 0,
     "__float__($self, /)\n--\n\nfloat(self)"},
    {"__iadd__", NBSLOT(nb_inplace_add), wrap_binaryfunc, 0,
     "__iadd__($self, value, /)\n--\n\nReturn self+=value."},
    {"__isub__", NBSLOT(nb_inplace_subtract), wrap_binaryfunc, 0,
     "__isub__($self, value, /)\n--\n\nReturn self-=value."},
    {"__imul__", NBSLOT(nb_inplace_multiply), wrap_binaryfunc, 0,
     "__imul__($self, value, /)\n--\n\nReturn self*=value."},
    {"__imod__", NBSLOT(nb_inplace_remainder), wrap_binaryfunc, 0,
     "__imod__($self, value, /)\n--\n\nReturn self%=value."},
    {"__ilshift__", NBSLOT(nb_inplace_lshift), wrap_binaryfunc, 0,
     "__ilshift__($self, value, /)\n--\n\nReturn self<<=value."},
    {"__irshift__", NBSLOT(nb_inplace_rshift), wrap_binaryfunc, 0,
     "__irshift__($self, value, /)\n--\n\nReturn self>>=value."},
    {"__iand__", NBSLOT(nb_inplace_and), wrap_binaryfunc, 0,
     "__iand__($self, value, /)\n--\n\nReturn self&=value."},
    {"__ixor__", NBSLOT(nb_inplace_xor), wrap_binaryfunc, 0,
     "__ixor__($self, value, /)\n--\n\nReturn self^=value."},
    {"__ior__", NBSLOT(nb_inplace_or), wrap_binaryfunc, 0,
     "__ior__($self, value, /)\n--\n\nReturn self|=value."},
    {"__floordiv__", NBSLOT(nb_floor_divide), wrap_binaryfunc, 0,
     "__floordiv__($self, value, /)\n--\n\nReturn self//value."},
    {"__rfloordiv__", NBSLOT(nb_floor_divide), wrap_binaryfunc_r, 0,
     "__rfloordiv__($self, value, /)\n--\n\nReturn value//self."},
    {"__truediv__", NBSLOT(nb_true_divide), wrap_binaryfunc, 0,
     "__truediv__($self, value, /)\n--\n\nReturn self/value."},
    {"__rtruediv__", NBSLOT(nb_true_divide), wrap_binaryfunc_r, 0,
     "__rtruediv__($self, value, /)\n--\n\nReturn value/self."},
    {"__ifloordiv__", NBSLOT(nb_inplace_floor_divide), wrap_binaryfunc, 0,
     "__ifloordiv__($self, value, /)\n--\n\nReturn self//=value."},
    {"__itruediv__", NBSLOT(nb_inplace_true_divide), wrap_binaryfunc, 0,
     "__itruediv__($self, value, /)\n--\n\nReturn self/=value."},
    {"__index__", NBSLOT(nb_index), wrap_unaryfunc, 0,
     "__index__($self, /)\n--\n\nReturn self converted to an integer, if self is suitable for use as an index into a list."},
    {"__matmul__", NBSLOT(nb_matrix_multiply), wrap_binaryfunc, 0,
     "__matmul__($self, value, /)\n--\n\nReturn self@value."},
    {"__rmatmul__", NBSLOT(nb_matrix_multiply), wrap_binaryfunc_r, 0,
     "__rmatmul__($self, value, /)\n--\n\nReturn value@self."},
    {"__imatmul__", NBSLOT(nb_inplace_matrix_multiply), wrap_binaryfunc, 0,
     "__imatmul__($self, value, /)\n--\n\nReturn self@=value."},
    {"__len__", MPSLOT(mp_length), wrap_lenfunc, 0,
     "__len__($self, /)\n--\n\nReturn len(self)."},
    {"__getitem__", MPSLOT(mp_subscript), wrap_binaryfunc, 0,
     "__getitem__($self, key, /)\n--\n\nReturn self[key]."},
    {"__setitem__", MPSLOT(mp_ass_subscript), wrap_objobjargproc, 0,
     "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."},
    {"__delitem__", MPSLOT(mp_ass_subscript), wrap_delitem, 0,
     "__delitem__($self, key, /)\n--\n\nDelete self[key]."},
    {"__len__", SQSLOT(sq_length), wrap_lenfunc, 0,
     "__len__($self, /)\n--\n\nReturn len(self)."},
    {"__add__", SQSLOT(sq_concat), wrap_binaryfunc, 0,
     "__add__($self, value, /)\n--\n\nReturn self+value."},
    {"__mul__", SQSLOT(sq_repeat), wrap_indexargfunc, 0,
     "__mul__($self, value, /)\n--\n\nReturn self*value."},
    {"__rmul__", SQSLOT(sq_repeat), wrap_indexargfunc, 0,
     "__rmul__($self, value, /)\n--\n\nReturn value*self."},
    {"__getitem__", SQSLOT(sq_item), wrap_sq_item, 0,
     "__getitem__($self, key, /)\n--\n\nReturn self[key]."},
    {"__contains__", SQSLOT(sq_contains), wrap_objobjproc, 0,
     "__contains__($self, key, /)\n--\n\nReturn key in self."},
    {"__iadd__", SQSLOT(sq_inplace_concat), wrap_binaryfunc, 0,
     "__iadd__($self, value, /)\n--\n\nImplement self+=value."},
    {"__imul__", SQSLOT(sq_inplace_repeat), wrap_indexargfunc, 0,
     "__imul__($self, value, /)\n--\n\nImplement self*=value."},
};

#undef TPSLOT
#undef NBSLOT
#undef SQSLOT
#undef MPSLOT

// tp_new_wrapper: T.__new__(S, *args, **kwds), a builtin bound to T that
// calls T's tp_new for a subtype S of T.
Ref<> tp_new_wrapper(Object* self, Object* args, Object* kwds)
{
    auto* type = static_cast<TypeObject*>(self);
    if (tuple_size(args) < 1) return format_error(Exc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
    Object* arg0 = tuple_item(args, 0);
    if (!type_check(arg0))
        return format_error(Exc_TypeError, "%s.__new__(X): X is not a type object (%s)", type->tp_name,
                            Py_TYPE(arg0)->tp_name);
    auto* subtype = static_cast<TypeObject*>(arg0);
    if (!type_is_subtype(subtype, type))
        return format_error(Exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type->tp_name,
                            subtype->tp_name, subtype->tp_name, type->tp_name);
    // object.__new__(dict) would build a dict without its C layout: the
    // nearest static base of the subtype must use this very tp_new.
    TypeObject* staticbase = subtype;
    while (staticbase && type_has_feature(staticbase, Py_TPFLAGS_HEAPTYPE)) staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new)
        return format_error(Exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type->tp_name,
                            subtype->tp_name, staticbase->tp_name);
    Ref<> rest = tuple_get_slice(args, 1, tuple_size(args));
    if (!rest) return nullptr;
    return type->tp_new(subtype, rest.get(), kwds);
}

MethodDef tp_new_methoddef = method_varkw("__new__", tp_new_wrapper,
                                          "Create and return a new object.  See help(type) for accurate signature.");

int add_tp_new_wrapper(TypeObject* type)
{
    Ref<> func = cfunction_new(&tp_new_methoddef, type);
    if (!func) return -1;
    return dict_set_item_string(type->tp_dict, "__new__", func.get());
}

// add_operators: a wrapper for each slot the type defines and its base
// (when it has one readied) does not share, unless the dict already names it.
int add_operators(TypeObject* type)
{
    for (const WrapperBase& p : slotdefs) {
        void* ptr = p.slot(type);
        if (!ptr) continue;
        if (dict_get_item_string(type->tp_dict, p.name)) continue;
        // Slots shared with the base (static sub-tables copied before
        // ready) are found through the base's dict instead.
        if (type->tp_base && type->tp_base != type && p.slot(type->tp_base) == ptr) continue;
        if (ptr == reinterpret_cast<void*>(&hash_not_implemented)) {
            if (dict_set_item_string(type->tp_dict, p.name, Py_None()) < 0) return -1;
            continue;
        }
        Ref<> descr = descr_new_wrapper(type, &p, ptr);
        if (!descr || dict_set_item_string(type->tp_dict, p.name, descr.get()) < 0) return -1;
    }
    if (type->tp_new && !dict_get_item_string(type->tp_dict, "__new__")) return add_tp_new_wrapper(type);
    return 0;
}

}  // namespace

Ref<> wrapperbase_call(const WrapperBase* base, Object* self, Object* args, void* wrapped, Object* kwds)
{
    return base->wrapper(self, args, wrapped, kwds);
}
const char* wrapperbase_name(const WrapperBase* base) { return base->name; }
const char* wrapperbase_doc(const WrapperBase* base) { return base->doc; }

// --- type ------------------------------------------------------------------

namespace {

Ref<> type_repr(Object* self)
{
    auto* type = static_cast<TypeObject*>(self);
    std::string mod, name = type_qualified_name(type);
    if (type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) {
        Object* m = type->tp_dict ? dict_get_item_string(type->tp_dict, "__module__") : nullptr;
        if (m && unicode_check(m)) mod = unicode_to_std(m);
    } else if (const char* dot = std::strrchr(type->tp_name, '.')) {
        mod.assign(type->tp_name, dot);
    }
    if (!mod.empty() && mod != "builtins") return unicode_from_format("<class '%s.%s'>", mod.c_str(), name.c_str());
    return unicode_from_format("<class '%s'>", name.c_str());
}

Ref<> type_call(Object* self, Object* args, Object* kwds)
{
    auto* type = static_cast<TypeObject*>(self);
    // type(x) is special: it answers the type of x.
    if (type == &Type_Type && tuple_size(args) == 1 && (!kwds || dict_size(kwds) == 0))
        return new_ref<Object>(Py_TYPE(tuple_item(args, 0)));
    if (!type->tp_new)
        return format_error(Exc_TypeError, "cannot create '%s' instances", type->tp_name);
    Ref<> obj = type->tp_new(type, args, kwds);
    if (!obj) return nullptr;
    // __init__ runs only when __new__ returned an instance of the type.
    if (!object_type_check(obj.get(), type)) return obj;
    type = Py_TYPE(obj.get());
    if (type->tp_init && type->tp_init(obj.get(), args, kwds) < 0) return nullptr;
    return obj;
}

// type_getattro: data descriptors on the metatype, then the type's own MRO
// (calling __get__(None, type)), then other metatype attributes.
Ref<> type_getattro(Object* self, Object* name)
{
    auto* type = static_cast<TypeObject*>(self);
    TypeObject* metatype = Py_TYPE(self);
    Ref<> meta_attribute = new_ref(type_lookup(metatype, name));
    descrgetfunc meta_get = nullptr;
    if (meta_attribute) {
        meta_get = Py_TYPE(meta_attribute.get())->tp_descr_get;
        if (meta_get && Py_TYPE(meta_attribute.get())->tp_descr_set)
            return meta_get(meta_attribute.get(), self, metatype);
    }
    if (Object* attribute = type_lookup(type, name)) {
        Ref<> keep = new_ref(attribute);
        if (descrgetfunc local_get = Py_TYPE(attribute)->tp_descr_get) return local_get(attribute, nullptr, self);
        return keep;
    }
    if (meta_get) return meta_get(meta_attribute.get(), self, metatype);
    if (meta_attribute) return meta_attribute;
    return format_error(Exc_AttributeError, "type object '%.50s' has no attribute '%U'", type_short_name(type), name);
}

int type_setattro(Object* self, Object* name, Object* value)
{
    auto* type = static_cast<TypeObject*>(self);
    if (type_has_feature(type, Py_TPFLAGS_IMMUTABLETYPE)) {
        format_error(Exc_TypeError, "cannot set %R attribute of immutable type '%s'", name, type->tp_name);
        return -1;
    }
    // Heap types keep attributes in tp_dict (no instance dict): write there.
    Ref<> descr = new_ref(type_lookup(Py_TYPE(self), name));
    if (descr && Py_TYPE(descr.get())->tp_descr_set)
        return Py_TYPE(descr.get())->tp_descr_set(descr.get(), self, value);
    int res = value ? dict_set_item(type->tp_dict, name, value) : dict_del_item(type->tp_dict, name);
    if (res < 0 && !value && error_matches(Exc_KeyError)) {
        error_clear();
        format_error(Exc_AttributeError, "type object '%.50s' has no attribute '%U'", type_short_name(type), name);
    }
    type_modified(type);
    // A dunder set or deleted on a class updates its slot and the slots of
    // the subclasses that inherit it (update_slot).
    if (res == 0 && is_slot_name(name)) update_slot(type, name);
    return res;
}

void type_dealloc(Object* self)
{
    auto* type = static_cast<TypeObject*>(self);
    if (!type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) {
        std::fprintf(stderr, "Fatal Python error: deallocating static type %s\n", type->tp_name);
        std::abort();
    }
    type_modified(type);
    if (type->tp_bases)
        for (Py_ssize_t i = 0; i < tuple_size(type->tp_bases); i++)
            remove_subclass(static_cast<TypeObject*>(tuple_item(type->tp_bases, i)), type);
    if (type->tp_weaklist) object_clear_weakrefs(self);
    clear_ref(type->tp_subclasses);
    clear_ref(type->tp_dict);
    clear_ref(type->tp_bases);
    clear_ref(type->tp_mro);
    xdecref(type->tp_base);
    auto* ht = static_cast<HeapTypeObject*>(type);
    clear_ref(ht->ht_name);
    clear_ref(ht->ht_qualname);
    clear_ref(ht->ht_slots);
    clear_ref(ht->ht_module);
    object_dealloc_memory(self);
}

int type_traverse(Object* self, visitproc visit, void* arg)
{
    auto* type = static_cast<TypeObject*>(self);
    if (!type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) return 0;
    for (Object* o : {type->tp_dict, type->tp_mro, type->tp_bases, static_cast<Object*>(type->tp_base)})
        if (o) {
            if (int r = visit(o, arg)) return r;
        }
    return 0;
}

// tp_clear for heap types: breaks the cycles every class is part of (its
// MRO holds itself, its dict's descriptors point back at it).
int type_tp_clear(Object* self)
{
    auto* type = static_cast<TypeObject*>(self);
    if (!type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) return 0;
    type_modified(type);
    if (type->tp_dict) dict_clear(type->tp_dict);
    clear_ref(type->tp_mro);
    return 0;
}

int type_is_gc(Object* self) { return type_has_feature(static_cast<TypeObject*>(self), Py_TPFLAGS_HEAPTYPE); }

Ref<> type_get_name(Object* self, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    if (type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) return new_ref(static_cast<HeapTypeObject*>(type)->ht_name);
    return unicode_from_string(type_short_name(type));
}
Ref<> type_get_qualname(Object* self, void*)
{
    return unicode_from_string(type_qualified_name(static_cast<TypeObject*>(self)).c_str());
}
Ref<> type_get_module(Object* self, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    if (type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) {
        if (Object* m = dict_get_item_string(type->tp_dict, "__module__")) return new_ref(m);
        return format_error(Exc_AttributeError, "__module__");
    }
    if (const char* dot = std::strrchr(type->tp_name, '.'))
        return unicode_from_utf8(std::string_view(type->tp_name, static_cast<std::size_t>(dot - type->tp_name)));
    return unicode_intern_from_string("builtins");
}
// check_set_special_type_attr: static types' special attributes are fixed,
// and none of them can be deleted.
bool check_set_special_type_attr(TypeObject* type, Object* value, const char* name)
{
    if (type_has_feature(type, Py_TPFLAGS_IMMUTABLETYPE)) {
        format_error(Exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name, type->tp_name);
        return false;
    }
    if (!value) {
        format_error(Exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", name, type->tp_name);
        return false;
    }
    return true;
}

int type_set_name(Object* self, Object* value, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    if (!check_set_special_type_attr(type, value, "__name__")) return -1;
    if (!unicode_check(value)) {
        format_error(Exc_TypeError, "can only assign string to %s.__name__, not '%s'", type->tp_name,
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    const char* utf8 = unicode_as_utf8(value);
    if (!utf8) return -1;
    if (std::strlen(utf8) != static_cast<std::size_t>(as_unicode(value)->utf8_length)) {
        set_error(Exc_ValueError, "type name must not contain null characters");
        return -1;
    }
    // tp_name points into ht_name's UTF-8 cache: switch both together.
    auto* ht = static_cast<HeapTypeObject*>(type);
    Object* old = ht->ht_name;
    ht->ht_name = new_ref(value).release();
    type->tp_name = utf8;
    decref(old);
    return 0;
}

int type_set_qualname(Object* self, Object* value, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    if (!check_set_special_type_attr(type, value, "__qualname__")) return -1;
    if (!unicode_check(value)) {
        format_error(Exc_TypeError, "can only assign string to %s.__qualname__, not '%s'", type->tp_name,
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    set_ref(static_cast<HeapTypeObject*>(type)->ht_qualname, new_ref(value).release());
    return 0;
}

// __module__ and __doc__ of a class live in its dict.
int type_set_dict_entry(TypeObject* type, Object* value, const char* name)
{
    if (!check_set_special_type_attr(type, value, name)) return -1;
    type_modified(type);
    return dict_set_item(type->tp_dict, intern_id(name), value);
}
int type_set_module(Object* self, Object* value, void*)
{
    return type_set_dict_entry(static_cast<TypeObject*>(self), value, "__module__");
}
int type_set_doc(Object* self, Object* value, void*)
{
    return type_set_dict_entry(static_cast<TypeObject*>(self), value, "__doc__");
}

Ref<> type_get_mro(Object* self, void*) { return new_ref(static_cast<TypeObject*>(self)->tp_mro); }
Ref<> type_get_bases(Object* self, void*) { return new_ref(static_cast<TypeObject*>(self)->tp_bases); }
// mro_hierarchy: a type's MRO and those of its subclasses, recomputed
// after __bases__ changed.
int mro_hierarchy(TypeObject* type)
{
    Ref<> mro = c3_mro(type);
    if (!mro) return -1;
    set_ref(type->tp_mro, mro.release());
    type_modified(type);
    for (TypeObject* sub : type_subclass_list(type))
        if (mro_hierarchy(sub) < 0) return -1;
    return 0;
}

// type.__bases__ = (...): only for heap types, with bases whose instance
// layout is the one the type already has (compatible_for_assignment).
int type_set_bases(Object* self, Object* value, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    const char* name = type->tp_name;
    if (type_has_feature(type, Py_TPFLAGS_IMMUTABLETYPE)) {
        format_error(Exc_TypeError, "cannot set '__bases__' attribute of immutable type '%s'", name);
        return -1;
    }
    if (!value) {
        format_error(Exc_TypeError, "cannot delete '__bases__' attribute of immutable type '%s'", name);
        return -1;
    }
    if (!tuple_check(value)) {
        format_error(Exc_TypeError, "can only assign tuple to %s.__bases__, not %s", name, Py_TYPE(value)->tp_name);
        return -1;
    }
    if (tuple_size(value) == 0) {
        format_error(Exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", name);
        return -1;
    }
    for (Py_ssize_t i = 0; i < tuple_size(value); i++) {
        Object* b = tuple_item(value, i);
        if (!type_check(b)) {
            format_error(Exc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'", name, Py_TYPE(b)->tp_name);
            return -1;
        }
        if (type_is_subtype(static_cast<TypeObject*>(b), type)) {
            set_error(Exc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    TypeObject* new_base = heap_best_base(value);
    if (!new_base) return -1;
    TypeObject* old_base = type->tp_base;
    if (!types_compatible_for_assignment(old_base, new_base, "__bases__")) return -1;
    Ref<> old_bases = steal_ref(type->tp_bases);
    type->tp_bases = new_ref(value).release();
    type->tp_base = static_cast<TypeObject*>(new_ref<Object>(new_base).release());
    if (mro_hierarchy(type) < 0) {
        // Put everything back: the old MRO was consistent.
        set_ref(type->tp_bases, old_bases.release());
        TypeObject* failed = type->tp_base;
        type->tp_base = old_base;
        decref(failed);
        Ref<> saved = fetch_exception();
        if (mro_hierarchy(type) < 0) error_clear();
        restore_exception(std::move(saved));
        return -1;
    }
    for (Py_ssize_t i = 0; i < tuple_size(old_bases.get()); i++)
        remove_subclass(static_cast<TypeObject*>(tuple_item(old_bases.get(), i)), type);
    for (Py_ssize_t i = 0; i < tuple_size(value); i++)
        if (add_subclass(static_cast<TypeObject*>(tuple_item(value, i)), type) < 0) return -1;
    decref(old_base);
    update_all_slots(type);
    return 0;
}

Ref<> type_get_base(Object* self, void*)
{
    TypeObject* b = static_cast<TypeObject*>(self)->tp_base;
    return b ? new_ref<Object>(b) : none_ref();
}
Ref<> type_get_doc(Object* self, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    // A built-in type's doc is its tp_doc, whatever its dict holds under
    // "__doc__" (property's and function's is their instances' member).
    if (!type_has_feature(type, Py_TPFLAGS_HEAPTYPE) && type->tp_doc)
        return doc_from_internal_doc(type->tp_name, type->tp_doc);
    if (Object* d = dict_get_item_string(type->tp_dict, "__doc__")) {
        if (Py_TYPE(d)->tp_descr_get) return Py_TYPE(d)->tp_descr_get(d, nullptr, self);
        return new_ref(d);
    }
    return none_ref();
}
Ref<> type_get_dict(Object* self, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    if (!type->tp_dict) return none_ref();
    return mappingproxy_wrap(type->tp_dict);
}

// type.__abstractmethods__: what abc.ABCMeta (and any metaclass) stores to
// forbid instantiation; setting it sets or clears Py_TPFLAGS_IS_ABSTRACT,
// which object_new checks. `type` itself has no such attribute, although
// the descriptor lives in its dict.
Ref<> type_get_abstractmethods(Object* self, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    Object* mod = type != &Type_Type ? dict_get_item_with_error(type->tp_dict, intern_id("__abstractmethods__")) : nullptr;
    if (mod) return new_ref(mod);
    if (!error_occurred()) set_error(Exc_AttributeError, "__abstractmethods__");
    return nullptr;
}

int type_set_abstractmethods(Object* self, Object* value, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    int abstract = 0, res;
    if (value) {
        abstract = object_is_true(value);
        if (abstract < 0) return -1;
        res = dict_set_item(type->tp_dict, intern_id("__abstractmethods__"), value);
    } else {
        res = dict_del_item(type->tp_dict, intern_id("__abstractmethods__"));
        if (res < 0 && error_matches(Exc_KeyError)) {
            error_clear();
            set_error(Exc_AttributeError, "__abstractmethods__");
        }
    }
    if (res < 0) return -1;
    type_modified(type);
    if (abstract) type->tp_flags |= Py_TPFLAGS_IS_ABSTRACT;
    else type->tp_flags &= ~Py_TPFLAGS_IS_ABSTRACT;
    return 0;
}

// type.__annotations__: a class's own annotations dict, made empty on
// first access when its body had none (classes do not inherit it).
Ref<> type_get_annotations(Object* self, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    if (!type_has_feature(type, Py_TPFLAGS_HEAPTYPE))
        return format_error(Exc_AttributeError, "type object '%s' has no attribute '__annotations__'", type->tp_name);
    Object* annotations = dict_get_item_with_error(type->tp_dict, intern_id("__annotations__"));
    if (annotations) {
        if (descrgetfunc get = Py_TYPE(annotations)->tp_descr_get) return get(annotations, nullptr, self);
        return new_ref(annotations);
    }
    if (error_occurred()) return nullptr;
    Ref<> fresh = dict_new();
    if (!fresh || dict_set_item(type->tp_dict, intern_id("__annotations__"), fresh.get()) < 0) return nullptr;
    type_modified(type);
    return fresh;
}

int type_set_annotations(Object* self, Object* value, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    if (type_has_feature(type, Py_TPFLAGS_IMMUTABLETYPE)) {
        format_error(Exc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'", type->tp_name);
        return -1;
    }
    int res = value ? dict_set_item(type->tp_dict, intern_id("__annotations__"), value)
                    : dict_del_item(type->tp_dict, intern_id("__annotations__"));
    if (res < 0 && !value && error_matches(Exc_KeyError)) {
        error_clear();
        set_error(Exc_AttributeError, "__annotations__");
    }
    type_modified(type);
    return res;
}

Ref<> type_get_text_signature(Object* self, void*)
{
    auto* type = static_cast<TypeObject*>(self);
    return text_signature_from_internal_doc(type->tp_name, type->tp_doc);
}

Ref<> type_get_flags(Object* self, void*)
{
    return long_from_unsigned(static_cast<TypeObject*>(self)->tp_flags);
}

Ref<> type_mro_method(Object* self, Object*)
{
    auto* type = static_cast<TypeObject*>(self);
    if (!type->tp_mro) return format_error(Exc_TypeError, "type not ready");
    return sequence_list(type->tp_mro);
}

Ref<> type_instancecheck(Object* self, Object* inst)
{
    return bool_from_long(object_type_check(inst, static_cast<TypeObject*>(self)));
}
Ref<> type_subclasscheck(Object* self, Object* sub)
{
    if (!type_check(sub)) return format_error(Exc_TypeError, "issubclass() arg 1 must be a class");
    return bool_from_long(type_is_subtype(static_cast<TypeObject*>(sub), static_cast<TypeObject*>(self)));
}

// type.__subclasses__(): the immediate subclasses still alive, in the
// order they were created.
Ref<> type_subclasses(Object* self, Object*)
{
    Ref<> list = list_new(0);
    if (!list) return nullptr;
    for (TypeObject* sub : type_subclass_list(static_cast<TypeObject*>(self)))
        if (list_append(list.get(), sub) < 0) return nullptr;
    return list;
}

// merge_class_dict: the attribute names of a class and all its bases, into
// dict (dir() of a class looks at __dict__ and __bases__, not the MRO, so
// classes that fake either are listed as they claim).
int merge_class_dict(Object* dict, Object* cls)
{
    Ref<> classdict;
    Ref<> name = unicode_from_string("__dict__");
    if (!name || object_lookup_attr(cls, name.get(), &classdict) < 0) return -1;
    if (classdict && dict_update(dict, classdict.get()) < 0) return -1;
    Ref<> bases;
    Ref<> bases_name = unicode_from_string("__bases__");
    if (!bases_name || object_lookup_attr(cls, bases_name.get(), &bases) < 0) return -1;
    if (!bases || !tuple_check(bases.get())) return 0;
    for (Py_ssize_t i = 0; i < tuple_size(bases.get()); i++)
        if (merge_class_dict(dict, tuple_item(bases.get(), i)) < 0) return -1;
    return 0;
}

// type.__dir__: the names of the class and its bases (not the metaclass).
Ref<> type_dir(Object* self, Object*)
{
    Ref<> dict = dict_new();
    if (!dict || merge_class_dict(dict.get(), self) < 0) return nullptr;
    return dict_keys(dict.get());
}

// type.__prepare__(name, bases, **kwds): the namespace a class body runs in.
Ref<> type_prepare(Object*, Object*, Object*) { return dict_new(); }

MemberDef type_members[] = {
    {"__basicsize__", T_PYSSIZET, offsetof(TypeObject, tp_basicsize), READONLY, nullptr},
    {"__itemsize__", T_PYSSIZET, offsetof(TypeObject, tp_itemsize), READONLY, nullptr},
    {"__dictoffset__", T_PYSSIZET, offsetof(TypeObject, tp_dictoffset), READONLY, nullptr},
    {"__weakrefoffset__", T_PYSSIZET, offsetof(TypeObject, tp_weaklistoffset), READONLY, nullptr},
    {},
};

GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, nullptr, nullptr},
    {"__qualname__", type_get_qualname, type_set_qualname, nullptr, nullptr},
    {"__module__", type_get_module, type_set_module, nullptr, nullptr},
    {"__mro__", type_get_mro, nullptr, nullptr, nullptr},
    {"__bases__", type_get_bases, type_set_bases, nullptr, nullptr},
    {"__base__", type_get_base, nullptr, nullptr, nullptr},
    {"__doc__", type_get_doc, type_set_doc, nullptr, nullptr},
    {"__text_signature__", type_get_text_signature, nullptr, nullptr, nullptr},
    {"__flags__", type_get_flags, nullptr, nullptr, nullptr},
    {"__dict__", type_get_dict, nullptr, nullptr, nullptr},
    {"__annotations__", type_get_annotations, type_set_annotations, nullptr, nullptr},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, nullptr, nullptr},
    {},
};

MethodDef type_methods[] = {
    method_noargs("mro", type_mro_method, "Return a type's method resolution order."),
    method_o("__instancecheck__", type_instancecheck, "Check if an object is an instance."),
    method_o("__subclasscheck__", type_subclasscheck, "Check if a class is a subclass."),
    method_noargs("__subclasses__", type_subclasses, "Return a list of immediate subclasses."),
    method_noargs("__dir__", type_dir, "Specialized __dir__ implementation for types."),
    method_varkw("__prepare__", type_prepare,
                 "__prepare__() -> dict\nused to create the namespace for the class statement", METH_CLASS),
    {},
};

// type.__init__: the work is done in __new__; this only checks the
// arguments, and lets type(name, bases, dict, **kwds) through for
// metaclasses whose __init__ calls super().__init__ with keywords.
int type_init(Object*, Object* args, Object* kwds)
{
    const Py_ssize_t nargs = tuple_size(args);
    if (kwds && nargs == 1 && dict_size(kwds)) {
        set_error(Exc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        set_error(Exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

Ref<> type_new(TypeObject* metatype, Object* args, Object* kwds)
{
    // type(x) is answered by type_call; here only type(name, bases, dict).
    if (tuple_size(args) != 1 && tuple_size(args) != 3)
        return format_error(Exc_TypeError, "type() takes 1 or 3 arguments");
    if (tuple_size(args) == 1)
        return format_error(Exc_TypeError, "type.__new__() takes exactly 3 arguments (1 given)");
    return type_new_heap(metatype, args, kwds);
}

}  // namespace

namespace {

// type.__or__/__ror__: int | None makes a types.UnionType (PEP 604).
NumberMethods type_as_number = [] {
    NumberMethods nb{};
    nb.nb_or = union_type_or;
    return nb;
}();

}  // namespace

TypeObject Type_Type = [] {
    TypeObject t = static_type("type", sizeof(HeapTypeObject), sizeof(MemberDef),
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                                   Py_TPFLAGS_TYPE_SUBCLASS,
                               "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type");
    t.tp_dealloc = type_dealloc;
    t.tp_weaklistoffset = offsetof(TypeObject, tp_weaklist);
    t.tp_repr = type_repr;
    t.tp_as_number = &type_as_number;
    t.tp_call = type_call;
    t.tp_getattro = type_getattro;
    t.tp_setattro = type_setattro;
    t.tp_traverse = type_traverse;
    t.tp_clear = type_tp_clear;
    t.tp_is_gc = type_is_gc;
    t.tp_methods = type_methods;
    t.tp_members = type_members;
    t.tp_getset = type_getsets;
    t.tp_base = &BaseObject_Type;
    t.tp_new = type_new;
    t.tp_init = type_init;
    t.tp_dictoffset = offsetof(TypeObject, tp_dict);
    return t;
}();

// --- object ------------------------------------------------------------------

Ref<> object_repr_default(Object* self)
{
    TypeObject* type = Py_TYPE(self);
    Ref<> mod;
    if (type_has_feature(type, Py_TPFLAGS_HEAPTYPE)) {
        Object* m = dict_get_item_string(type->tp_dict, "__module__");
        if (m && unicode_check(m) && !unicode_equal_to_ascii(m, "builtins")) mod = new_ref(m);
    }
    std::string name = type_qualified_name(type);
    if (mod) return unicode_from_format("<%U.%s object at %p>", mod.get(), name.c_str(), self);
    return unicode_from_format("<%s object at %p>", type->tp_name, self);
}

Py_hash_t object_hash_default(Object* self) { return hash_pointer(self); }

namespace {

bool excess_args(Object* args, Object* kwds)
{
    return tuple_size(args) || (kwds && dict_check(kwds) && dict_size(kwds));
}

int object_init(Object* self, Object* args, Object* kwds)
{
    TypeObject* type = Py_TYPE(self);
    if (excess_args(args, kwds)) {
        if (type->tp_init != object_init) {
            set_error(Exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == BaseObject_Type.tp_new) {
            format_error(Exc_TypeError, "%.200s.__init__() takes exactly one argument (the instance to initialize)",
                         type_short_name(type));
            return -1;
        }
    }
    return 0;
}

// "Can't instantiate abstract class A with abstract methods f, g": the
// sorted names of type.__abstractmethods__.
std::nullptr_t abstract_instantiation_error(TypeObject* type)
{
    Ref<> abstract_methods = type_get_abstractmethods(type, nullptr);
    if (!abstract_methods) return nullptr;
    Ref<> sorted = sequence_list(abstract_methods.get());
    if (!sorted || list_sort(sorted.get()) < 0) return nullptr;
    Ref<> comma = unicode_from_string(", ");
    if (!comma) return nullptr;
    Ref<> joined = unicode_join(comma.get(), sorted.get());
    if (!joined) return nullptr;
    return format_error(Exc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U", type->tp_name,
                        list_size(sorted.get()) > 1 ? "s" : "", joined.get());
}

Ref<> object_new(TypeObject* type, Object* args, Object* kwds)
{
    if (excess_args(args, kwds)) {
        if (type->tp_new != BaseObject_Type.tp_new)
            return format_error(Exc_TypeError,
                                "object.__new__() takes exactly one argument (the type to instantiate)");
        if (type->tp_init == BaseObject_Type.tp_init)
            return format_error(Exc_TypeError, "%.200s() takes no arguments", type_short_name(type));
    }
    if (type_has_feature(type, Py_TPFLAGS_IS_ABSTRACT)) return abstract_instantiation_error(type);
    allocfunc alloc = type->tp_alloc ? type->tp_alloc : object_generic_alloc;
    return alloc(type, 0);
}

Ref<> object_str_slot(Object* self) { return object_repr(self); }

Ref<> object_richcompare(Object* self, Object* other, int op)
{
    switch (op) {
    case Py_EQ: return new_ref(self == other ? Py_True() : Py_NotImplemented());
    case Py_NE: {
        // By default != inverts the result of __eq__ unless NotImplemented.
        richcmpfunc eq = Py_TYPE(self)->tp_richcompare;
        if (!eq) return not_implemented_ref();
        Ref<> res = eq(self, other, Py_EQ);
        if (!res || res.get() == Py_NotImplemented()) return res;
        int ok = object_is_true(res.get());
        if (ok < 0) return nullptr;
        return bool_from_long(!ok);
    }
    default: return not_implemented_ref();
    }
}

Ref<> object_get_class(Object* self, void*) { return new_ref<Object>(Py_TYPE(self)); }

// object_set_class: obj.__class__ = C between classes written in Python
// whose instances have the same layout.
int object_set_class(Object* self, Object* value, void*)
{
    if (!value) {
        set_error(Exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!type_check(value)) {
        format_error(Exc_TypeError, "__class__ must be set to a class, not '%s' object", Py_TYPE(value)->tp_name);
        return -1;
    }
    auto* newto = static_cast<TypeObject*>(value);
    TypeObject* oldto = Py_TYPE(self);
    if (type_has_feature(newto, Py_TPFLAGS_IMMUTABLETYPE) || type_has_feature(oldto, Py_TPFLAGS_IMMUTABLETYPE)) {
        set_error(Exc_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (!types_compatible_for_assignment(oldto, newto, "__class__")) return -1;
    // Instances of heap types own a reference to their type.
    incref(newto);
    self->ob_type = newto;
    decref(oldto);
    return 0;
}

Ref<> object_format(Object* self, Object* spec)
{
    if (!unicode_check(spec))
        return format_error(Exc_TypeError, "__format__() argument must be str, not %.200s", Py_TYPE(spec)->tp_name);
    if (unicode_length(spec) > 0)
        return format_error(Exc_TypeError, "unsupported format string passed to %.200s.__format__",
                            Py_TYPE(self)->tp_name);
    return object_str(self);
}

Ref<> object_sizeof(Object* self, Object*)
{
    TypeObject* t = Py_TYPE(self);
    Py_ssize_t size = t->tp_basicsize;
    if (t->tp_itemsize) size += t->tp_itemsize * std::abs(static_cast<VarObject*>(self)->ob_size);
    return long_from_ssize_t(size);
}

// object.__init_subclass__(): the end of every cooperative chain; the
// class statement's keywords must all have been consumed before it.
Ref<> object_init_subclass(Object* cls, Object* args, Object* kwds)
{
    std::string name = type_qualified_name(static_cast<TypeObject*>(cls)) + ".__init_subclass__";
    if (kwds && dict_size(kwds)) return format_error(Exc_TypeError, "%s() takes no keyword arguments", name.c_str());
    if (tuple_size(args))
        return format_error(Exc_TypeError, "%s() takes no arguments (%zd given)", name.c_str(), tuple_size(args));
    return none_ref();
}

// object.__dir__: the instance __dict__, then the names of its class (via
// __class__, which a proxy may fake) and the class's bases.
Ref<> object_dir(Object* self, Object*)
{
    Ref<> dict;
    Ref<> dict_name = unicode_from_string("__dict__");
    if (!dict_name || object_lookup_attr(self, dict_name.get(), &dict) < 0) return nullptr;
    dict = dict && dict_check(dict.get()) ? dict_copy(dict.get()) : dict_new();
    if (!dict) return nullptr;
    Ref<> cls;
    Ref<> class_name = unicode_from_string("__class__");
    if (!class_name || object_lookup_attr(self, class_name.get(), &cls) < 0) return nullptr;
    if (cls && cls.get() != Py_None() && merge_class_dict(dict.get(), cls.get()) < 0) return nullptr;
    return dict_keys(dict.get());
}

// object.__subclasshook__: abstract base classes override it; the default
// has no opinion.
Ref<> object_subclasshook(Object*, Object*) { return not_implemented_ref(); }

GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", nullptr},
    {},
};

MethodDef object_methods[] = {
    method_o("__format__", object_format, "Default object formatter."),
    method_noargs("__sizeof__", object_sizeof, "Size of object in memory, in bytes."),
    method_varkw("__init_subclass__", object_init_subclass,
                 "This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may "
                 "be\noverridden to extend subclasses.\n",
                 METH_CLASS),
    method_noargs("__dir__", object_dir, "Default dir() implementation."),
    method_noargs("__reduce__", object_reduce, "Helper for pickle."),
    method_o("__reduce_ex__", object_reduce_ex, "Helper for pickle."),
    method_noargs("__getstate__", object_getstate, "Helper for pickle."),
    method_varargs("__subclasshook__", object_subclasshook,
                   "Abstract classes can override this to customize issubclass().", METH_CLASS),
    {},
};

}  // namespace

TypeObject BaseObject_Type = [] {
    TypeObject t = static_type("object", sizeof(Object), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
                               "object()\n--\n\nThe base class of the class hierarchy.");
    t.tp_dealloc = object_generic_dealloc;
    t.tp_repr = object_repr_default;
    t.tp_hash = object_hash_default;
    t.tp_str = object_str_slot;
    t.tp_getattro = object_generic_get_attr;
    t.tp_setattro = object_generic_set_attr;
    t.tp_richcompare = object_richcompare;
    t.tp_methods = object_methods;
    t.tp_getset = object_getsets;
    t.tp_init = object_init;
    t.tp_alloc = object_generic_alloc;
    t.tp_new = object_new;
    return t;
}();

void init_object_types()
{
    for (TypeObject* t : {&BaseObject_Type, &Type_Type, &None_Type, &NotImplemented_Type, &Ellipsis_Type}) {
        if (type_ready(t) < 0) {
            std::fprintf(stderr, "Fatal Python error: cannot ready type %s\n", t->tp_name);
            std::abort();
        }
    }
}

}  // namespace minipy::runtime
