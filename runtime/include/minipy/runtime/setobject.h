// setobject.h: set and frozenset, open-addressing hash tables of keys.
// Mirrors CPython 3.11 Include/setobject.h and Objects/setobject.c. Book chapter 11.
//
// Probing is CPython's: a few linear probes (LINEAR_PROBES) around the slot,
// then perturbed jumps; deleted slots hold the dummy key.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

inline constexpr int PySet_MINSIZE = 8;

struct SetEntry {
    Object* key;  // null: unused; dummy: deleted
    Py_hash_t hash;
};

struct SetObject : Object {
    Py_ssize_t fill;  // active + dummy
    Py_ssize_t used;  // active
    Py_ssize_t mask;  // table size - 1
    SetEntry* table;  // points at smalltable or a mem_malloc block
    Py_hash_t hash;   // frozenset only; -1 until computed
    Py_ssize_t finger;
    SetEntry smalltable[PySet_MINSIZE];
    Object* weakreflist;
};

extern TypeObject Set_Type;
extern TypeObject FrozenSet_Type;
extern TypeObject SetIter_Type;

inline bool anyset_check(Object* op)
{
    return object_type_check(op, &Set_Type) || object_type_check(op, &FrozenSet_Type);
}
inline bool frozenset_check(Object* op) { return object_type_check(op, &FrozenSet_Type); }
inline Py_ssize_t set_size(const Object* op) { return static_cast<const SetObject*>(op)->used; }

[[nodiscard]] Ref<> set_new(Object* iterable);        // iterable may be null
[[nodiscard]] Ref<> frozenset_new(Object* iterable);
[[nodiscard]] int set_add(Object* set, Object* key);
[[nodiscard]] int set_contains(Object* set, Object* key);
[[nodiscard]] int set_discard(Object* set, Object* key);  // 1 removed, 0 absent, -1 error
bool set_next(Object* set, Py_ssize_t* pos, Object** key);

}  // namespace minipy::runtime
