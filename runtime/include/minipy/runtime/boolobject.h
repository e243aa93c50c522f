// boolobject.h: bool, the int subtype with two instances.
// Mirrors CPython 3.11 Include/boolobject.h and Objects/boolobject.c. Book chapter 11.
#pragma once

#include "minipy/runtime/longobject.h"

namespace minipy::runtime {

extern TypeObject Bool_Type;
extern LongObject _Py_FalseStruct;
extern LongObject _Py_TrueStruct;

inline Object* Py_False() { return &_Py_FalseStruct; }
inline Object* Py_True() { return &_Py_TrueStruct; }
inline bool bool_check(const Object* op) { return Py_TYPE(op) == &Bool_Type; }
inline Ref<> bool_from_long(long v) { return new_ref(v ? Py_True() : Py_False()); }

}  // namespace minipy::runtime
