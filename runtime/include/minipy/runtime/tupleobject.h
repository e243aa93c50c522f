// tupleobject.h: tuple, an immutable array of references.
// Mirrors CPython 3.11 Include/tupleobject.h and Objects/tupleobject.c. Book chapter 11.
#pragma once

#include <initializer_list>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct TupleObject : VarObject {
    Object* ob_item[1];  // ob_size owned references (all non-null once built)
};

extern TypeObject Tuple_Type;
extern TypeObject TupleIter_Type;

inline bool tuple_check(const Object* op) { return type_fast_subclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS); }
inline bool tuple_check_exact(const Object* op) { return Py_TYPE(op) == &Tuple_Type; }
inline Py_ssize_t tuple_size(const Object* op) { return static_cast<const VarObject*>(op)->ob_size; }
// Borrowed item, no bounds check (PyTuple_GET_ITEM).
inline Object* tuple_item(const Object* op, Py_ssize_t i)
{
    return static_cast<const TupleObject*>(op)->ob_item[i];
}
// PyTuple_SET_ITEM: steals v; only for freshly made tuples.
inline void tuple_set_item(Object* op, Py_ssize_t i, Object* v) { static_cast<TupleObject*>(op)->ob_item[i] = v; }

// A tuple of n null slots to fill with tuple_set_item (the empty tuple is shared).
[[nodiscard]] Ref<> tuple_new(Py_ssize_t n);
[[nodiscard]] Ref<> tuple_pack(std::initializer_list<Object*> items);  // borrows, increfs
[[nodiscard]] Ref<> tuple_from_array(Object* const* items, Py_ssize_t n);
[[nodiscard]] Ref<> tuple_get_slice(Object* t, Py_ssize_t lo, Py_ssize_t hi);

}  // namespace minipy::runtime
