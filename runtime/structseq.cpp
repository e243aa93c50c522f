// structseq.cpp: struct sequence types, tuples with named fields made by
// C modules (sys.version_info, sys.float_info, time.struct_time).
// Mirrors CPython 3.11 Objects/structseq.c. Book chapter 11.
//
// Layout: an instance is a tuple block of n_fields items whose ob_size is
// only the visible count, so every tuple slot (len, item, slicing, hash,
// ==) sees the visible prefix, while dealloc and traverse, which belong to
// the struct sequence type, walk all n_fields. Every named field is a
// read-only T_OBJECT member descriptor over its item; the member table
// leaves out unnamed fields, which is why the hidden field i is described
// by tp_members[i - n_unnamed_fields] (CPython's indexing, kept verbatim:
// it is also what repr() and __reduce__ show for os.stat_result).
#include "minipy/runtime/structseq.h"

#include <cstddef>
#include <cstring>
#include <string_view>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

const char* const structseq_unnamed_field = "unnamed field";

namespace {

const char visible_length_key[] = "n_sequence_fields";
const char real_length_key[] = "n_fields";
const char unnamed_fields_key[] = "n_unnamed_fields";

// The sizes recorded in a struct sequence type's dict at creation.
Py_ssize_t type_size(TypeObject* type, const char* key)
{
    Object* v = dict_get_item_string(type->tp_dict, key);
    return v ? long_as_ssize_t(v) : 0;
}
Py_ssize_t visible_size_tp(TypeObject* type) { return type_size(type, visible_length_key); }
Py_ssize_t real_size_tp(TypeObject* type) { return type_size(type, real_length_key); }
Py_ssize_t unnamed_fields_tp(TypeObject* type) { return type_size(type, unnamed_fields_key); }

Object** items(Object* op) { return static_cast<TupleObject*>(op)->ob_item; }

void structseq_dealloc(Object* op)
{
    Py_ssize_t n = real_size_tp(Py_TYPE(op));
    for (Py_ssize_t i = 0; i < n; i++) clear_ref(items(op)[i]);
    object_dealloc_memory(op);
}

int structseq_traverse(Object* op, visitproc visit, void* arg)
{
    Py_ssize_t n = real_size_tp(Py_TYPE(op));
    for (Py_ssize_t i = 0; i < n; i++)
        if (Object* v = items(op)[i])
            if (int r = visit(v, arg)) return r;
    return 0;
}

// structseq.__new__(sequence, dict={}): the visible fields (and possibly
// some hidden ones) from the sequence, the remaining hidden ones by name
// from dict, None when missing. An explicit dict=None is refused, as in
// CPython 3.11 (its clinic default is "no dict", not None).
Ref<> structseq_tp_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* argv[2];
    if (!parse_args_tuple_kw("structseq", args, kwds, {"sequence", "dict"}, 1, argv)) return nullptr;
    Object* dict = argv[1];
    // PySequence_Fast(arg, "constructor requires a sequence").
    Ref<> seq;
    if (tuple_check(argv[0]) || list_check(argv[0])) {
        seq = sequence_tuple(argv[0]);
    } else {
        Ref<> it = object_get_iter(argv[0]);
        if (!it) {
            if (error_matches(Exc_TypeError)) format_error(Exc_TypeError, "constructor requires a sequence");
            return nullptr;
        }
        seq = sequence_tuple(it.get());
    }
    if (!seq) return nullptr;
    if (dict && !dict_check(dict))
        return format_error(Exc_TypeError, "%.500s() takes a dict as second arg, if any", type->tp_name);
    const Py_ssize_t len = tuple_size(seq.get());
    const Py_ssize_t min_len = visible_size_tp(type);
    const Py_ssize_t max_len = real_size_tp(type);
    const Py_ssize_t n_unnamed = unnamed_fields_tp(type);
    if (len < min_len) {
        if (min_len == max_len)
            return format_error(Exc_TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)", type->tp_name,
                                min_len, len);
        return format_error(Exc_TypeError, "%.500s() takes an at least %zd-sequence (%zd-sequence given)",
                            type->tp_name, min_len, len);
    }
    if (len > max_len) {
        if (min_len == max_len)
            return format_error(Exc_TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)", type->tp_name,
                                max_len, len);
        return format_error(Exc_TypeError, "%.500s() takes an at most %zd-sequence (%zd-sequence given)",
                            type->tp_name, max_len, len);
    }
    Ref<> res = structseq_new(type);
    if (!res) return nullptr;
    for (Py_ssize_t i = 0; i < len; i++) {
        structseq_set_item(res.get(), i, new_ref(tuple_item(seq.get(), i)).release());
    }
    for (Py_ssize_t i = len; i < max_len; i++) {
        Object* v = Py_None();
        if (dict) {
            Ref<> key = unicode_from_string(type->tp_members[i - n_unnamed].name);
            if (!key) return nullptr;
            Object* found = dict_get_item_with_error(dict, key.get());
            if (!found && error_occurred()) return nullptr;
            if (found) v = found;
        }
        structseq_set_item(res.get(), i, new_ref(v).release());
    }
    return res;
}

// repr: "sys.version_info(major=3, minor=11, ...)", the visible fields only.
Ref<> structseq_repr(Object* op)
{
    TypeObject* type = Py_TYPE(op);
    UnicodeWriter w;
    w.write_utf8(type->tp_name);
    w.write_char('(');
    const Py_ssize_t n = tuple_size(op);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (i > 0) w.write_ascii(", ");
        const char* name = type->tp_members[i].name;
        if (!name)
            return format_error(Exc_SystemError, "In structseq_repr(), member %zd name is NULL for type %.500s", i,
                                type->tp_name);
        Ref<> r = object_repr(items(op)[i]);
        if (!r) return nullptr;
        w.write_utf8(name);
        w.write_char('=');
        w.write_str(r.get());
    }
    w.write_char(')');
    return w.finish();
}

// __reduce__: (type, (visible items, {hidden field name: value})).
Ref<> structseq_reduce(Object* self, Object*)
{
    TypeObject* type = Py_TYPE(self);
    const Py_ssize_t n_visible = tuple_size(self);
    const Py_ssize_t n_fields = real_size_tp(type);
    const Py_ssize_t n_unnamed = unnamed_fields_tp(type);
    Ref<> tup = tuple_from_array(items(self), n_visible);
    Ref<> dict = dict_new();
    if (!tup || !dict) return nullptr;
    for (Py_ssize_t i = n_visible; i < n_fields; i++) {
        Object* v = items(self)[i];
        if (dict_set_item_string(dict.get(), type->tp_members[i - n_unnamed].name, v ? v : Py_None()) < 0)
            return nullptr;
    }
    Ref<> args = tuple_pack({tup.get(), dict.get()});
    if (!args) return nullptr;
    return tuple_pack({type, args.get()});
}

MethodDef structseq_methods[] = {
    method_noargs("__reduce__", structseq_reduce),
    {},
};

// Fills the type's slots and member table from desc (both creation paths).
int init_type_fields(TypeObject* type, const StructSequenceDesc* desc, unsigned long tp_flags)
{
    Py_ssize_t n_fields = 0, n_unnamed = 0;
    for (const StructSequenceField* f = desc->fields; f->name; f++, n_fields++)
        if (f->name == structseq_unnamed_field) n_unnamed++;
    if (desc->n_in_sequence < 0 || desc->n_in_sequence > n_fields) {
        format_error(Exc_SystemError, "struct sequence %s: n_in_sequence out of range", desc->name);
        return -1;
    }
    // The member table lives as long as the type (for ever).
    auto* members = new MemberDef[static_cast<std::size_t>(n_fields - n_unnamed + 1)];
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n_fields; i++) {
        const StructSequenceField& f = desc->fields[i];
        if (f.name == structseq_unnamed_field) continue;
        members[k++] = MemberDef{f.name, T_OBJECT,
                                 static_cast<Py_ssize_t>(offsetof(TupleObject, ob_item) + sizeof(Object*) * i),
                                 READONLY, f.doc};
    }
    members[k] = MemberDef{};
    type->ob_refcnt = 1;
    type->ob_type = &Type_Type;
    type->tp_name = desc->name;
    type->tp_basicsize = sizeof(TupleObject) - sizeof(Object*);
    type->tp_itemsize = sizeof(Object*);
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE |
                     Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_SEQUENCE | tp_flags;
    type->tp_doc = desc->doc;
    type->tp_base = &Tuple_Type;
    type->tp_dealloc = structseq_dealloc;
    type->tp_repr = structseq_repr;
    type->tp_traverse = structseq_traverse;
    type->tp_methods = structseq_methods;
    type->tp_members = members;
    type->tp_new = (tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION) ? nullptr : structseq_tp_new;
    if (type_ready(type) < 0) return -1;
    // The sizes and __match_args__ (the visible named fields).
    Ref<> visible = long_from_ssize_t(desc->n_in_sequence);
    Ref<> real = long_from_ssize_t(n_fields);
    Ref<> unnamed = long_from_ssize_t(n_unnamed);
    Ref<> match_args = list_new(0);
    if (!visible || !real || !unnamed || !match_args) return -1;
    for (Py_ssize_t i = 0; i < desc->n_in_sequence; i++) {
        if (desc->fields[i].name == structseq_unnamed_field) continue;
        Ref<> s = unicode_from_string(desc->fields[i].name);
        if (!s || list_append(match_args.get(), s.get()) < 0) return -1;
    }
    Ref<> match_tuple = list_as_tuple(match_args.get());
    if (!match_tuple || dict_set_item_string(type->tp_dict, visible_length_key, visible.get()) < 0 ||
        dict_set_item_string(type->tp_dict, real_length_key, real.get()) < 0 ||
        dict_set_item_string(type->tp_dict, unnamed_fields_key, unnamed.get()) < 0 ||
        dict_set_item_string(type->tp_dict, "__match_args__", match_tuple.get()) < 0)
        return -1;
    type_modified(type);
    return 0;
}

// The types made by structseq_new_type, kept reachable for the life of
// the process (they are never deallocated, as static types are not).
std::vector<TypeObject*>* immortal_types = nullptr;

}  // namespace

int structseq_init_type(TypeObject* type, const StructSequenceDesc* desc, unsigned long tp_flags)
{
    if (type_has_feature(type, Py_TPFLAGS_READY)) return 0;
    return init_type_fields(type, desc, tp_flags);
}

Ref<TypeObject> structseq_new_type(const StructSequenceDesc* desc)
{
    auto* type = new TypeObject{};
    if (!immortal_types) immortal_types = new std::vector<TypeObject*>;
    immortal_types->push_back(type);
    if (init_type_fields(type, desc, 0) < 0) return nullptr;
    // A module-level type: its __module__ is the part of the name before the last dot.
    if (const char* dot = std::strrchr(desc->name, '.')) {
        Ref<> mod = unicode_from_utf8(std::string_view(desc->name, static_cast<std::size_t>(dot - desc->name)));
        if (!mod || dict_set_item_string(type->tp_dict, "__module__", mod.get()) < 0) return nullptr;
    }
    return new_ref(type);
}

Ref<> structseq_new(TypeObject* type)
{
    const Py_ssize_t n = real_size_tp(type);
    Ref<> op = steal_ref(object_alloc_raw(type, n));
    if (!op) return nullptr;
    static_cast<TupleObject*>(op.get())->ob_size = visible_size_tp(type);
    return op;
}

}  // namespace minipy::runtime
