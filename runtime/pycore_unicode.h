// pycore_unicode.h: runtime-private character helpers (unicodectype.cpp).
// Mirrors the private part of CPython 3.11 Include/cpython/unicodeobject.h
// (_PyUnicode_ToLowerFull & co.). Book chapter 11.
#pragma once

#include "minipy/runtime/unicodeobject.h"

namespace minipy::runtime {

// Full case mappings: write up to 3 code points to out, return the count.
int unicode_to_lower_full(Py_UCS4 ch, Py_UCS4* out);
int unicode_to_upper_full(Py_UCS4 ch, Py_UCS4* out);
int unicode_to_title_full(Py_UCS4 ch, Py_UCS4* out);
int unicode_to_folded_full(Py_UCS4 ch, Py_UCS4* out);
bool unicode_islower_char(Py_UCS4 ch);
bool unicode_isupper_char(Py_UCS4 ch);
bool unicode_istitle_char(Py_UCS4 ch);
bool unicode_iscased(Py_UCS4 ch);
bool unicode_iscaseignorable(Py_UCS4 ch);
bool unicode_isxid_start(Py_UCS4 ch);
bool unicode_isxid_continue(Py_UCS4 ch);

}  // namespace minipy::runtime
