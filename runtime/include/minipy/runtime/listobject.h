// listobject.h: list, a growable array of references.
// Mirrors CPython 3.11 Include/listobject.h and Objects/listobject.c
// (the sort in Objects/listsort.txt). Book chapter 11.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct ListObject : VarObject {
    Object** ob_item;       // owned references 0..ob_size-1
    Py_ssize_t allocated;   // capacity of ob_item
};

extern TypeObject List_Type;
extern TypeObject ListIter_Type;
extern TypeObject ListRevIter_Type;

inline bool list_check(const Object* op) { return type_fast_subclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS); }
inline bool list_check_exact(const Object* op) { return Py_TYPE(op) == &List_Type; }
inline Py_ssize_t list_size(const Object* op) { return static_cast<const VarObject*>(op)->ob_size; }
inline Object* list_item(const Object* op, Py_ssize_t i) { return static_cast<const ListObject*>(op)->ob_item[i]; }
// PyList_SET_ITEM: steals v into a slot created by list_new(n).
inline void list_set_item(Object* op, Py_ssize_t i, Object* v) { static_cast<ListObject*>(op)->ob_item[i] = v; }

[[nodiscard]] Ref<> list_new(Py_ssize_t size);  // size null slots to fill
[[nodiscard]] int list_append(Object* list, Object* item);
[[nodiscard]] int list_insert(Object* list, Py_ssize_t where, Object* item);
[[nodiscard]] int list_extend(Object* list, Object* iterable);
[[nodiscard]] Ref<> list_as_tuple(Object* list);
[[nodiscard]] int list_reverse(Object* list);
// list.sort(key=None, reverse=False): stable and adaptive (timsort's run
// detection, binary insertion for short runs, balanced merges).
[[nodiscard]] int list_sort(Object* list, Object* key = nullptr, bool reverse = false);

}  // namespace minipy::runtime
