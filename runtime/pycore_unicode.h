// pycore_unicode.h: runtime-private character helpers (unicodectype.cpp).
// Mirrors the private part of CPython 3.11 Include/cpython/unicodeobject.h
// (_PyUnicode_ToLowerFull & co.). Book chapter 11.
#pragma once

#include <string>

#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

bool unicode_iscased(Py_UCS4 ch);
bool unicode_iscaseignorable(Py_UCS4 ch);

}  // namespace minipy::runtime
