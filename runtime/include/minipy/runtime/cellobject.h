// cellobject.h: cells, the boxes through which nested functions share a
// variable with the function that defines it.
// Mirrors CPython 3.11 Include/cellobject.h and Objects/cellobject.c.
// Book chapter 8 (MAKE_CELL, LOAD_DEREF, STORE_DEREF).
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct CellObject : Object {
    Object* ob_ref;  // owned; null while the variable is unbound
};

extern TypeObject Cell_Type;

inline bool cell_check(const Object* op) { return Py_TYPE(op) == &Cell_Type; }
// PyCell_New: value may be null (an empty cell).
[[nodiscard]] Ref<> cell_new(Object* value);
// PyCell_GET (borrowed, may be null) and PyCell_SET (takes a new reference).
inline Object* cell_get(Object* cell) { return static_cast<CellObject*>(cell)->ob_ref; }
inline void cell_set(Object* cell, Object* value) { set_ref(static_cast<CellObject*>(cell)->ob_ref, value); }

}  // namespace minipy::runtime
