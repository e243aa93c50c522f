// setobject.cpp: set and frozenset.
// Mirrors CPython 3.11 Objects/setobject.c. Book chapter 11.
//
// The table is an array of (key, hash) entries of size mask + 1, a power of
// two, starting with an 8-entry table inside the object. Probing looks at
// LINEAR_PROBES neighbours of a slot before jumping with the perturbed
// recurrence i = 5*i + 1 + perturb. Deleted entries hold the dummy key (hash
// -1) until a resize. The fill (active + dummy) stays below 60% of the
// table. These details are CPython's, so iteration orders (and reprs) match.
#include "minipy/runtime/setobject.h"

#include <cstring>

#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

constexpr int LINEAR_PROBES = 9;
constexpr int PERTURB_SHIFT = 5;

// The dummy key of deleted entries: a private object, never visible.
Object dummy_struct{1, &BaseObject_Type};
Object* const dummy = &dummy_struct;
Object* empty_frozenset = nullptr;

SetObject* S(Object* o) { return static_cast<SetObject*>(o); }

void set_insert_clean(SetEntry* table, std::size_t mask, Object* key, Py_hash_t hash)
{
    std::size_t perturb = static_cast<std::size_t>(hash);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    for (;;) {
        SetEntry* entry = &table[i];
        if (!entry->key) {
            entry->key = key;
            entry->hash = hash;
            return;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (!entry->key) {
                    entry->key = key;
                    entry->hash = hash;
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int set_table_resize(SetObject* so, Py_ssize_t minused)
{
    std::size_t newsize = PySet_MINSIZE;
    while (newsize <= static_cast<std::size_t>(minused)) newsize <<= 1;
    SetEntry* oldtable = so->table;
    std::size_t oldmask = static_cast<std::size_t>(so->mask);
    bool is_oldtable_malloced = oldtable != so->smalltable;
    SetEntry small_copy[PySet_MINSIZE];
    SetEntry* newtable;
    if (newsize == PySet_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) return 0;  // nothing to compact
            std::memcpy(small_copy, oldtable, sizeof small_copy);
            oldtable = small_copy;
        }
    } else {
        newtable = static_cast<SetEntry*>(memory::mem_malloc(newsize * sizeof(SetEntry)));
        if (!newtable) {
            error_no_memory();
            return -1;
        }
    }
    std::memset(newtable, 0, newsize * sizeof(SetEntry));
    so->mask = static_cast<Py_ssize_t>(newsize - 1);
    so->table = newtable;
    bool had_dummies = so->fill != so->used;
    so->fill = so->used;
    for (std::size_t k = 0; k <= oldmask; k++) {
        SetEntry* entry = &oldtable[k];
        if (entry->key && (!had_dummies || entry->key != dummy))
            set_insert_clean(newtable, newsize - 1, entry->key, entry->hash);
    }
    if (is_oldtable_malloced) memory::mem_free(oldtable);
    return 0;
}

// set_add_entry: steals nothing; the key is increfed when stored.
int set_add_entry(SetObject* so, Object* key, Py_hash_t hash)
{
    incref(key);
restart:
    std::size_t mask = static_cast<std::size_t>(so->mask);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    std::size_t perturb = static_cast<std::size_t>(hash);
    SetEntry* freeslot = nullptr;
    for (;;) {
        SetEntry* entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && !entry->key) {
                if (freeslot) {
                    so->used++;
                    freeslot->key = key;
                    freeslot->hash = hash;
                    return 0;
                }
                so->fill++;
                so->used++;
                entry->key = key;
                entry->hash = hash;
                if (static_cast<std::size_t>(so->fill) * 5 < mask * 3) return 0;
                return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
            }
            if (entry->hash == hash) {
                Object* startkey = entry->key;
                if (startkey == key) {
                    decref(key);
                    return 0;
                }
                if (unicode_check_exact(startkey) && unicode_check_exact(key) && unicode_eq(startkey, key)) {
                    decref(key);
                    return 0;
                }
                SetEntry* table = so->table;
                Ref<> keep = new_ref(startkey);
                int cmp = object_rich_compare_bool(startkey, key, Py_EQ);
                if (cmp > 0) {
                    decref(key);
                    return 0;
                }
                if (cmp < 0) {
                    decref(key);
                    return -1;
                }
                if (table != so->table || entry->key != startkey) goto restart;
                mask = static_cast<std::size_t>(so->mask);
            } else if (entry->hash == -1 && !freeslot) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

SetEntry* set_lookkey(SetObject* so, Object* key, Py_hash_t hash)
{
restart:
    std::size_t mask = static_cast<std::size_t>(so->mask);
    std::size_t i = static_cast<std::size_t>(hash) & mask;
    std::size_t perturb = static_cast<std::size_t>(hash);
    for (;;) {
        SetEntry* entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && !entry->key) return entry;
            if (entry->hash == hash) {
                Object* startkey = entry->key;
                if (startkey == key) return entry;
                if (unicode_check_exact(startkey) && unicode_check_exact(key) && unicode_eq(startkey, key)) return entry;
                SetEntry* table = so->table;
                Ref<> keep = new_ref(startkey);
                int cmp = object_rich_compare_bool(startkey, key, Py_EQ);
                if (cmp < 0) return nullptr;
                if (table != so->table || entry->key != startkey) goto restart;
                if (cmp > 0) return entry;
                mask = static_cast<std::size_t>(so->mask);
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

Py_hash_t key_hash(Object* key)
{
    if (unicode_check_exact(key)) {
        Py_hash_t h = as_unicode(key)->hash;
        if (h != -1) return h;
    }
    return object_hash(key);
}

int set_add_key(SetObject* so, Object* key)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) return -1;
    return set_add_entry(so, key, hash);
}

int set_contains_key(SetObject* so, Object* key)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) return -1;
    SetEntry* entry = set_lookkey(so, key, hash);
    if (!entry) return -1;
    return entry->key != nullptr;
}

int set_discard_key(SetObject* so, Object* key)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) return -1;
    SetEntry* entry = set_lookkey(so, key, hash);
    if (!entry) return -1;
    if (!entry->key) return 0;
    Object* old = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    decref(old);
    return 1;
}

// Iteration over active entries (set_next).
bool set_next_entry(SetObject* so, Py_ssize_t* pos, SetEntry** out)
{
    Py_ssize_t i = *pos;
    while (i <= so->mask && (!so->table[i].key || so->table[i].key == dummy)) i++;
    *pos = i + 1;
    if (i > so->mask) return false;
    *out = &so->table[i];
    return true;
}

int set_merge(SetObject* so, SetObject* other)
{
    if (other == so || other->used == 0) return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3)
        if (set_table_resize(so, (so->used + other->used) * 2) < 0) return -1;
    // An empty target with the same table size copies the layout verbatim.
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (Py_ssize_t i = 0; i <= other->mask; i++) {
            if (other->table[i].key) {
                so->table[i].key = new_ref(other->table[i].key).release();
                so->table[i].hash = other->table[i].hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        for (Py_ssize_t i = 0; i <= other->mask; i++) {
            SetEntry& e = other->table[i];
            if (e.key && e.key != dummy) {
                set_insert_clean(so->table, static_cast<std::size_t>(so->mask), new_ref(e.key).release(), e.hash);
                so->fill++;
                so->used++;
            }
        }
        return 0;
    }
    for (Py_ssize_t i = 0; i <= other->mask; i++) {
        SetEntry& e = other->table[i];
        if (e.key && e.key != dummy)
            if (set_add_entry(so, e.key, e.hash) < 0) return -1;
    }
    return 0;
}

int set_update_internal(SetObject* so, Object* other)
{
    if (anyset_check(other)) return set_merge(so, S(other));
    if (dict_check_exact(other)) {
        Py_ssize_t dictsize = dict_size(other);
        if ((so->fill + dictsize) * 5 >= so->mask * 3)
            if (set_table_resize(so, (so->used + dictsize) * 2) < 0) return -1;
        Py_ssize_t pos = 0;
        Object* key;
        while (dict_next(other, &pos, &key, nullptr))
            if (set_add_key(so, key) < 0) return -1;
        return 0;
    }
    return for_each_item(other, [so](Object* key) { return set_add_key(so, key); });
}

void set_clear_internal(SetObject* so)
{
    SetEntry* table = so->table;
    Py_ssize_t mask = so->mask, fill = so->fill;
    bool malloced = table != so->smalltable;
    SetEntry small_copy[PySet_MINSIZE];
    if (!malloced) {
        std::memcpy(small_copy, table, sizeof small_copy);
        table = small_copy;
    }
    std::memset(so->smalltable, 0, sizeof so->smalltable);
    so->table = so->smalltable;
    so->mask = PySet_MINSIZE - 1;
    so->fill = so->used = 0;
    so->hash = -1;
    for (Py_ssize_t i = 0; i <= mask && fill > 0; i++) {
        if (table[i].key) {
            fill--;
            if (table[i].key != dummy) decref(table[i].key);
        }
    }
    if (malloced) memory::mem_free(table);
}

Ref<> make_new_set(TypeObject* type, Object* iterable)
{
    Ref<> so = steal_ref(object_alloc_raw(type, 0));
    if (!so) return nullptr;
    SetObject* s = S(so.get());
    s->table = s->smalltable;
    s->mask = PySet_MINSIZE - 1;
    s->hash = -1;
    if (iterable && set_update_internal(s, iterable) < 0) return nullptr;
    return so;
}

TypeObject* basetype(Object* so) { return frozenset_check(so) ? &FrozenSet_Type : &Set_Type; }

Ref<> make_new_set_basetype(Object* so, Object* iterable) { return make_new_set(basetype(so), iterable); }

void set_dealloc(Object* op)
{
    SetObject* so = S(op);
    if (so->weakreflist) object_clear_weakrefs(op);
    for (Py_ssize_t i = 0; i <= so->mask; i++)
        if (so->table[i].key && so->table[i].key != dummy) decref(so->table[i].key);
    if (so->table != so->smalltable) memory::mem_free(so->table);
    object_dealloc_memory(op);
}

int set_traverse(Object* op, visitproc visit, void* arg)
{
    Py_ssize_t pos = 0;
    SetEntry* entry;
    while (set_next_entry(S(op), &pos, &entry))
        if (int r = visit(entry->key, arg)) return r;
    return 0;
}

int set_tp_clear(Object* op)
{
    set_clear_internal(S(op));
    return 0;
}

Ref<> set_repr(Object* op)
{
    SetObject* so = S(op);
    bool exact_set = Py_TYPE(op) == &Set_Type;
    const char* name = type_short_name(Py_TYPE(op));
    if (so->used == 0) return unicode_from_format("%s()", name);
    int status = repr_enter(op);
    if (status != 0) return status > 0 ? unicode_from_format("%s(...)", name) : nullptr;
    UnicodeWriter w;
    if (!exact_set) {
        w.write_utf8(name);
        w.write_char('(');
    }
    w.write_char('{');
    Py_ssize_t pos = 0;
    SetEntry* entry;
    bool first = true;
    while (set_next_entry(so, &pos, &entry)) {
        if (!first) w.write_ascii(", ");
        first = false;
        Ref<> key = new_ref(entry->key);
        Ref<> r = object_repr(key.get());
        if (!r) {
            repr_leave(op);
            return nullptr;
        }
        w.write_str(r.get());
    }
    w.write_char('}');
    if (!exact_set) w.write_char(')');
    repr_leave(op);
    return w.finish();
}

Py_ssize_t set_len(Object* op) { return S(op)->used; }

// `x in s`: an unhashable set is looked up as the equal frozenset.
int set_sq_contains(Object* op, Object* key)
{
    int rv = set_contains_key(S(op), key);
    if (rv < 0 && anyset_check(key) && error_matches(Exc_TypeError)) {
        error_clear();
        Ref<> tmp = make_new_set(&FrozenSet_Type, key);
        if (!tmp) return -1;
        rv = set_contains_key(S(op), tmp.get());
    }
    return rv;
}

Py_uhash_t shuffle_bits(Py_uhash_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

Py_hash_t frozenset_hash(Object* op)
{
    SetObject* so = S(op);
    if (so->hash != -1) return so->hash;
    Py_uhash_t hash = 0;
    Py_ssize_t pos = 0;
    SetEntry* entry;
    // XOR of the shuffled hashes of the active entries: order-independent.
    while (set_next_entry(so, &pos, &entry)) hash ^= shuffle_bits(static_cast<Py_uhash_t>(entry->hash));
    hash ^= (static_cast<Py_uhash_t>(so->used) + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == static_cast<Py_uhash_t>(-1)) hash = 590923713UL;
    so->hash = static_cast<Py_hash_t>(hash);
    return so->hash;
}

bool set_issubset_internal(SetObject* so, SetObject* other, int* err)
{
    *err = 0;
    if (so->used > other->used) return false;
    Py_ssize_t pos = 0;
    SetEntry* entry;
    while (set_next_entry(so, &pos, &entry)) {
        Ref<> key = new_ref(entry->key);
        int r = set_contains_key(other, key.get());
        if (r < 0) {
            *err = -1;
            return false;
        }
        if (!r) return false;
    }
    return true;
}

Ref<> set_richcompare(Object* v, Object* w, int op)
{
    if (!anyset_check(w)) return not_implemented_ref();
    SetObject *a = S(v), *b = S(w);
    int err;
    bool r;
    switch (op) {
    case Py_EQ:
    case Py_NE:
        if (a->used != b->used) r = false;
        else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) r = false;
        else r = set_issubset_internal(a, b, &err);
        if (op == Py_NE) r = !r;
        break;
    case Py_LE: r = set_issubset_internal(a, b, &err); break;
    case Py_GE: r = set_issubset_internal(b, a, &err); break;
    case Py_LT: r = a->used < b->used && set_issubset_internal(a, b, &err); break;
    default: r = a->used > b->used && set_issubset_internal(b, a, &err); break;
    }
    if (error_occurred()) return nullptr;
    return bool_from_long(r);
}

// --- Set algebra ---------------------------------------------------------------

Ref<> set_copy_any(Object* so) { return make_new_set_basetype(so, so); }

Ref<> set_intersection(Object* so, Object* other)
{
    Ref<> result = make_new_set_basetype(so, nullptr);
    if (!result) return nullptr;
    if (anyset_check(other)) {
        Object *a = so, *b = other;
        if (S(b)->used > S(a)->used) std::swap(a, b);
        Py_ssize_t pos = 0;
        SetEntry* entry;
        while (set_next_entry(S(b), &pos, &entry)) {
            Ref<> key = new_ref(entry->key);
            int rv = set_contains_key(S(a), key.get());
            if (rv < 0) return nullptr;
            if (rv && set_add_entry(S(result.get()), key.get(), entry->hash) < 0) return nullptr;
        }
        return result;
    }
    int r = for_each_item(other, [&](Object* key) {
        int rv = set_contains_key(S(so), key);
        if (rv <= 0) return rv;
        return set_add_key(S(result.get()), key);
    });
    if (r < 0) return nullptr;
    return result;
}

Ref<> set_difference(Object* so, Object* other)
{
    if (!anyset_check(other) && !dict_check(other)) {
        Ref<> result = set_copy_any(so);
        if (!result) return nullptr;
        if (for_each_item(other, [&](Object* key) { return set_discard_key(S(result.get()), key) < 0 ? -1 : 0; }) < 0)
            return nullptr;
        return result;
    }
    Ref<> result = make_new_set_basetype(so, nullptr);
    if (!result) return nullptr;
    Py_ssize_t pos = 0;
    SetEntry* entry;
    while (set_next_entry(S(so), &pos, &entry)) {
        Ref<> key = new_ref(entry->key);
        int rv = anyset_check(other) ? set_contains_key(S(other), key.get()) : dict_contains(other, key.get());
        if (rv < 0) return nullptr;
        if (!rv && set_add_entry(S(result.get()), key.get(), entry->hash) < 0) return nullptr;
    }
    return result;
}

int set_symmetric_difference_update_internal(SetObject* so, Object* other)
{
    Ref<> otherset = anyset_check(other) ? new_ref(other) : make_new_set_basetype(so, other);
    if (!otherset) return -1;
    Py_ssize_t pos = 0;
    SetEntry* entry;
    while (set_next_entry(S(otherset.get()), &pos, &entry)) {
        Ref<> key = new_ref(entry->key);
        int rv = set_discard_key(so, key.get());
        if (rv < 0) return -1;
        if (rv == 0 && set_add_entry(so, key.get(), entry->hash) < 0) return -1;
    }
    return 0;
}

Ref<> set_symmetric_difference(Object* so, Object* other)
{
    Ref<> otherset = make_new_set_basetype(so, other);
    if (!otherset) return nullptr;
    if (set_symmetric_difference_update_internal(S(otherset.get()), so) < 0) return nullptr;
    return otherset;
}

#define CHECK_BOTH_SETS(a, b) \
    if (!anyset_check(a) || !anyset_check(b)) return not_implemented_ref();

Ref<> set_or(Object* a, Object* b)
{
    CHECK_BOTH_SETS(a, b);
    Ref<> result = set_copy_any(a);
    if (!result || set_update_internal(S(result.get()), b) < 0) return nullptr;
    return result;
}
Ref<> set_and(Object* a, Object* b)
{
    CHECK_BOTH_SETS(a, b);
    return set_intersection(a, b);
}
Ref<> set_sub(Object* a, Object* b)
{
    CHECK_BOTH_SETS(a, b);
    return set_difference(a, b);
}
Ref<> set_xor(Object* a, Object* b)
{
    CHECK_BOTH_SETS(a, b);
    return set_symmetric_difference(a, b);
}
Ref<> set_ior(Object* a, Object* b)
{
    CHECK_BOTH_SETS(a, b);
    if (set_update_internal(S(a), b) < 0) return nullptr;
    return new_ref(a);
}
Ref<> set_iand(Object* a, Object* b)
{
    CHECK_BOTH_SETS(a, b);
    Ref<> tmp = set_intersection(a, b);
    if (!tmp) return nullptr;
    set_clear_internal(S(a));
    if (set_merge(S(a), S(tmp.get())) < 0) return nullptr;
    return new_ref(a);
}
Ref<> set_isub(Object* a, Object* b)
{
    CHECK_BOTH_SETS(a, b);
    if (a == b) set_clear_internal(S(a));
    else {
        Ref<> keep = new_ref(b);
        Py_ssize_t pos = 0;
        SetEntry* entry;
        while (set_next_entry(S(b), &pos, &entry)) {
            Ref<> key = new_ref(entry->key);
            if (set_discard_key(S(a), key.get()) < 0) return nullptr;
        }
    }
    return new_ref(a);
}
Ref<> set_ixor(Object* a, Object* b)
{
    CHECK_BOTH_SETS(a, b);
    if (a == b) set_clear_internal(S(a));
    else if (set_symmetric_difference_update_internal(S(a), b) < 0) return nullptr;
    return new_ref(a);
}

// --- Methods --------------------------------------------------------------------

Ref<> set_add_method(Object* self, Object* key)
{
    if (set_add_key(S(self), key) < 0) return nullptr;
    return none_ref();
}

Ref<> set_remove_method(Object* self, Object* key)
{
    int rv = set_discard_key(S(self), key);
    if (rv < 0) {
        if (!anyset_check(key) || !error_matches(Exc_TypeError)) return nullptr;
        error_clear();
        Ref<> tmp = make_new_set(&FrozenSet_Type, key);
        if (!tmp) return nullptr;
        rv = set_discard_key(S(self), tmp.get());
        if (rv < 0) return nullptr;
    }
    if (rv == 0) {
        Ref<> args = tuple_pack({key});
        if (args) set_error_object(Exc_KeyError, args.get());
        return nullptr;
    }
    return none_ref();
}

Ref<> set_discard_method(Object* self, Object* key)
{
    int rv = set_discard_key(S(self), key);
    if (rv < 0) {
        if (!anyset_check(key) || !error_matches(Exc_TypeError)) return nullptr;
        error_clear();
        Ref<> tmp = make_new_set(&FrozenSet_Type, key);
        if (!tmp || set_discard_key(S(self), tmp.get()) < 0) return nullptr;
    }
    return none_ref();
}

Ref<> set_pop(Object* self, Object*)
{
    SetObject* so = S(self);
    if (so->used == 0) return format_error(Exc_KeyError, "pop from an empty set");
    // The finger keeps successive pops from rescanning the same prefix.
    SetEntry* entry = so->table + (so->finger & so->mask);
    while (!entry->key || entry->key == dummy) {
        entry++;
        if (entry > so->table + so->mask) entry = so->table;
    }
    Object* key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return steal_ref(key);
}

Ref<> set_clear_method(Object* self, Object*)
{
    set_clear_internal(S(self));
    return none_ref();
}

Ref<> set_copy_method(Object* self, Object*)
{
    if (Py_TYPE(self) == &FrozenSet_Type) return new_ref(self);
    return make_new_set_basetype(self, self);
}

Ref<> set_union_method(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Ref<> result = set_copy_any(self);
    if (!result) return nullptr;
    for (Py_ssize_t i = 0; i < nargs; i++)
        if (set_update_internal(S(result.get()), args[i]) < 0) return nullptr;
    return result;
}

Ref<> set_update_method(Object* self, Object* const* args, Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++)
        if (set_update_internal(S(self), args[i]) < 0) return nullptr;
    return none_ref();
}

Ref<> set_intersection_method(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (nargs == 0) return set_copy_any(self);
    Ref<> result = new_ref(self);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        result = set_intersection(result.get(), args[i]);
        if (!result) return nullptr;
    }
    return result;
}

Ref<> set_difference_method(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (nargs == 0) return set_copy_any(self);
    Ref<> result = set_difference(self, args[0]);
    for (Py_ssize_t i = 1; result && i < nargs; i++) {
        Object* other = args[i];
        if (for_each_item(other, [&](Object* key) { return set_discard_key(S(result.get()), key) < 0 ? -1 : 0; }) < 0)
            return nullptr;
    }
    return result;
}

Ref<> set_symmetric_difference_method(Object* self, Object* other) { return set_symmetric_difference(self, other); }

Ref<> set_issubset(Object* self, Object* other)
{
    Ref<> o = anyset_check(other) ? new_ref(other) : make_new_set(&Set_Type, other);
    if (!o) return nullptr;
    return set_richcompare(self, o.get(), Py_LE);
}

Ref<> set_issuperset(Object* self, Object* other)
{
    Ref<> o = anyset_check(other) ? new_ref(other) : make_new_set(&Set_Type, other);
    if (!o) return nullptr;
    return set_richcompare(self, o.get(), Py_GE);
}

Ref<> set_isdisjoint(Object* self, Object* other)
{
    int found = 0;
    int r = for_each_item(other, [&](Object* key) {
        int rv = set_contains_key(S(self), key);
        if (rv > 0) found = 1;
        return rv < 0 ? -1 : 0;
    });
    if (r < 0) return nullptr;
    return bool_from_long(!found);
}

Ref<> set_contains_method(Object* self, Object* key)
{
    int r = set_sq_contains(self, key);
    if (r < 0) return nullptr;
    return bool_from_long(r);
}

Ref<> set_intersection_update(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Ref<> tmp = set_intersection_method(self, args, nargs);
    if (!tmp) return nullptr;
    set_clear_internal(S(self));
    if (set_merge(S(self), S(tmp.get())) < 0) return nullptr;
    return none_ref();
}

Ref<> set_difference_update(Object* self, Object* const* args, Py_ssize_t nargs)
{
    for (Py_ssize_t i = 0; i < nargs; i++)
        if (for_each_item(args[i], [&](Object* key) { return set_discard_key(S(self), key) < 0 ? -1 : 0; }) < 0)
            return nullptr;
    return none_ref();
}

Ref<> set_symmetric_difference_update(Object* self, Object* other)
{
    if (set_symmetric_difference_update_internal(S(self), other) < 0) return nullptr;
    return none_ref();
}

Ref<> set_sizeof(Object* self, Object*)
{
    Py_ssize_t res = static_cast<Py_ssize_t>(sizeof(SetObject));
    if (S(self)->table != S(self)->smalltable) res += (S(self)->mask + 1) * static_cast<Py_ssize_t>(sizeof(SetEntry));
    return long_from_ssize_t(res);
}

Ref<> set_reduce(Object* self, Object*)
{
    Ref<> keys = sequence_list(self);
    if (!keys) return nullptr;
    Ref<> args = tuple_pack({keys.get()});
    if (!args) return nullptr;
    return tuple_pack({Py_TYPE(self), args.get(), Py_None()});
}

Ref<> setiter_new(Object* so);

MethodDef set_methods[] = {
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    method_o("add", set_add_method, "Add an element to a set."),
    method_noargs("clear", set_clear_method, "Remove all elements from this set."),
    method_o("__contains__", set_contains_method, "x.__contains__(y) <==> y in x.", METH_COEXIST),
    method_noargs("copy", set_copy_method, "Return a shallow copy of a set."),
    method_o("discard", set_discard_method, "Remove an element from a set if it is a member."),
    method_fast("difference", set_difference_method, "Return the difference of two or more sets as a new set."),
    method_fast("difference_update", set_difference_update, "Remove all elements of another set from this set."),
    method_fast("intersection", set_intersection_method, "Return the intersection of two sets as a new set."),
    method_fast("intersection_update", set_intersection_update, "Update a set with the intersection of itself and another."),
    method_o("isdisjoint", set_isdisjoint, "Return True if two sets have a null intersection."),
    method_o("issubset", set_issubset, "Report whether another set contains this set."),
    method_o("issuperset", set_issuperset, "Report whether this set contains another set."),
    method_noargs("pop", set_pop, "Remove and return an arbitrary set element."),
    method_noargs("__reduce__", set_reduce, "Return state information for pickling."),
    method_o("remove", set_remove_method, "Remove an element from a set; it must be a member."),
    method_noargs("__sizeof__", set_sizeof, "S.__sizeof__() -> size of S in memory, in bytes"),
    method_o("symmetric_difference", set_symmetric_difference_method, "Return the symmetric difference of two sets as a new set."),
    method_o("symmetric_difference_update", set_symmetric_difference_update, "Update a set with the symmetric difference of itself and another."),
    method_fast("union", set_union_method, "Return the union of sets as a new set."),
    method_fast("update", set_update_method, "Update a set with the union of itself and others."),
    {},
};

MethodDef frozenset_methods[] = {
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    method_o("__contains__", set_contains_method, "x.__contains__(y) <==> y in x.", METH_COEXIST),
    method_noargs("copy", set_copy_method, "Return a shallow copy of a set."),
    method_fast("difference", set_difference_method, "Return the difference of two or more sets as a new set."),
    method_fast("intersection", set_intersection_method, "Return the intersection of two sets as a new set."),
    method_o("isdisjoint", set_isdisjoint, "Return True if two sets have a null intersection."),
    method_o("issubset", set_issubset, "Report whether another set contains this set."),
    method_o("issuperset", set_issuperset, "Report whether this set contains another set."),
    method_noargs("__reduce__", set_reduce, "Return state information for pickling."),
    method_noargs("__sizeof__", set_sizeof, "S.__sizeof__() -> size of S in memory, in bytes"),
    method_o("symmetric_difference", set_symmetric_difference_method, "Return the symmetric difference of two sets as a new set."),
    method_fast("union", set_union_method, "Return the union of sets as a new set."),
    {},
};

Ref<> set_tp_new(TypeObject* type, Object*, Object*) { return make_new_set(type, nullptr); }

int set_init(Object* self, Object* args, Object* kwds)
{
    if (!check_no_kwargs("set", kwds)) return -1;
    if (!check_positional("set", tuple_size(args), 0, 1)) return -1;
    if (S(self)->fill) set_clear_internal(S(self));
    S(self)->hash = -1;
    if (tuple_size(args) == 1) return set_update_internal(S(self), tuple_item(args, 0));
    return 0;
}

Ref<> frozenset_tp_new(TypeObject* type, Object* args, Object* kwds)
{
    if (type == &FrozenSet_Type && !check_no_kwargs("frozenset", kwds)) return nullptr;
    if (!check_positional("frozenset", tuple_size(args), 0, 1)) return nullptr;
    Object* iterable = tuple_size(args) ? tuple_item(args, 0) : nullptr;
    if (type == &FrozenSet_Type) {
        if (iterable && Py_TYPE(iterable) == &FrozenSet_Type) return new_ref(iterable);
        if (!iterable) {
            if (!empty_frozenset) empty_frozenset = make_new_set(&FrozenSet_Type, nullptr).release();
            return new_ref(empty_frozenset);
        }
    }
    return make_new_set(type, iterable);
}

NumberMethods set_as_number = [] {
    NumberMethods nb{};
    nb.nb_subtract = set_sub;
    nb.nb_and = set_and;
    nb.nb_xor = set_xor;
    nb.nb_or = set_or;
    nb.nb_inplace_subtract = set_isub;
    nb.nb_inplace_and = set_iand;
    nb.nb_inplace_xor = set_ixor;
    nb.nb_inplace_or = set_ior;
    return nb;
}();
NumberMethods frozenset_as_number = [] {
    NumberMethods nb{};
    nb.nb_subtract = set_sub;
    nb.nb_and = set_and;
    nb.nb_xor = set_xor;
    nb.nb_or = set_or;
    return nb;
}();
SequenceMethods set_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = set_len;
    sq.sq_contains = set_sq_contains;
    return sq;
}();

// --- set_iterator ---------------------------------------------------------------

struct SetIterObject : Object {
    Object* si_set;  // owned; null when exhausted
    Py_ssize_t si_used;
    Py_ssize_t si_pos;
    Py_ssize_t len;
};

void setiter_dealloc(Object* op)
{
    clear_ref(static_cast<SetIterObject*>(op)->si_set);
    object_dealloc_memory(op);
}
int setiter_traverse(Object* op, visitproc visit, void* arg)
{
    Object* s = static_cast<SetIterObject*>(op)->si_set;
    return s ? visit(s, arg) : 0;
}
Ref<> setiter_iternext(Object* op)
{
    auto* si = static_cast<SetIterObject*>(op);
    if (!si->si_set) return nullptr;
    if (si->si_used != S(si->si_set)->used) {
        set_error(Exc_RuntimeError, "Set changed size during iteration");
        si->si_used = -1;
        return nullptr;
    }
    SetEntry* entry;
    if (!set_next_entry(S(si->si_set), &si->si_pos, &entry)) {
        clear_ref(si->si_set);
        return nullptr;
    }
    si->len--;
    return new_ref(entry->key);
}
Ref<> setiter_len(Object* op, Object*)
{
    auto* si = static_cast<SetIterObject*>(op);
    return long_from_ssize_t(si->si_set && si->si_used == S(si->si_set)->used ? si->len : 0);
}
MethodDef setiter_methods[] = {
    method_noargs("__length_hint__", setiter_len, "Private method returning an estimate of len(list(it))."),
    {},
};

Ref<> setiter_new(Object* so)
{
    Ref<SetIterObject> it = object_new<SetIterObject>(&SetIter_Type);
    if (!it) return nullptr;
    it->si_set = new_ref(so).release();
    it->si_used = S(so)->used;
    it->si_pos = 0;
    it->len = S(so)->used;
    return it;
}

TypeObject set_type_base(const char* name, unsigned long extra)
{
    TypeObject t = static_type(name, sizeof(SetObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | extra);
    t.tp_dealloc = set_dealloc;
    t.tp_weaklistoffset = offsetof(SetObject, weakreflist);
    t.tp_repr = set_repr;
    t.tp_as_sequence = &set_as_sequence;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = set_traverse;
    t.tp_clear = set_tp_clear;
    t.tp_richcompare = set_richcompare;
    t.tp_iter = setiter_new;
    return t;
}

}  // namespace

TypeObject Set_Type = [] {
    TypeObject t = set_type_base("set", Py_TPFLAGS_MATCH_SELF);
    t.tp_doc = "set() -> new empty set object\nset(iterable) -> new set object";
    t.tp_as_number = &set_as_number;
    t.tp_hash = hash_not_implemented;
    t.tp_methods = set_methods;
    t.tp_init = set_init;
    t.tp_new = set_tp_new;
    return t;
}();

TypeObject FrozenSet_Type = [] {
    TypeObject t = set_type_base("frozenset", Py_TPFLAGS_MATCH_SELF);
    t.tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object";
    t.tp_as_number = &frozenset_as_number;
    t.tp_hash = frozenset_hash;
    t.tp_methods = frozenset_methods;
    t.tp_new = frozenset_tp_new;
    return t;
}();

TypeObject SetIter_Type = [] {
    TypeObject t = static_type("set_iterator", sizeof(SetIterObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = setiter_dealloc;
    t.tp_traverse = setiter_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = setiter_iternext;
    t.tp_methods = setiter_methods;
    return t;
}();

Ref<> set_new(Object* iterable) { return make_new_set(&Set_Type, iterable); }
Ref<> frozenset_new(Object* iterable) { return make_new_set(&FrozenSet_Type, iterable); }
int set_add(Object* set, Object* key) { return set_add_key(S(set), key); }
int set_contains(Object* set, Object* key) { return set_contains_key(S(set), key); }
int set_discard(Object* set, Object* key) { return set_discard_key(S(set), key); }
bool set_next(Object* set, Py_ssize_t* pos, Object** key)
{
    SetEntry* entry;
    if (!set_next_entry(S(set), pos, &entry)) return false;
    *key = entry->key;
    return true;
}

void fini_set() { clear_ref(empty_frozenset); }

}  // namespace minipy::runtime
