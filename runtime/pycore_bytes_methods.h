// pycore_bytes_methods.h: the bytes methods of bytes_methods.cpp, for
// bytesobject.cpp's method table (bytearray reaches them through bytes).
// Mirrors CPython 3.11 Include/internal/pycore_bytes_methods.h. Book chapter 11.
#pragma once

#include <string_view>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// A bytes or bytearray argument as a view (what CPython gets through the
// buffer protocol); false with "a bytes-like object is required" otherwise.
[[nodiscard]] bool bytes_buffer_view(Object* o, std::string_view* out);

// self is a bytes; each returns a new reference or null with an error set.
[[nodiscard]] Ref<> bytes_isalnum(Object* self, Object*);
[[nodiscard]] Ref<> bytes_isascii(Object* self, Object*);
[[nodiscard]] Ref<> bytes_islower(Object* self, Object*);
[[nodiscard]] Ref<> bytes_isupper(Object* self, Object*);
[[nodiscard]] Ref<> bytes_istitle(Object* self, Object*);
[[nodiscard]] Ref<> bytes_title(Object* self, Object*);
[[nodiscard]] Ref<> bytes_capitalize(Object* self, Object*);
[[nodiscard]] Ref<> bytes_swapcase(Object* self, Object*);
[[nodiscard]] Ref<> bytes_center(Object* self, Object* const* args, Py_ssize_t nargs);
[[nodiscard]] Ref<> bytes_ljust(Object* self, Object* const* args, Py_ssize_t nargs);
[[nodiscard]] Ref<> bytes_rjust(Object* self, Object* const* args, Py_ssize_t nargs);
[[nodiscard]] Ref<> bytes_zfill(Object* self, Object* width);
[[nodiscard]] Ref<> bytes_expandtabs(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames);
[[nodiscard]] Ref<> bytes_removeprefix(Object* self, Object* prefix);
[[nodiscard]] Ref<> bytes_removesuffix(Object* self, Object* suffix);
[[nodiscard]] Ref<> bytes_splitlines(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames);
[[nodiscard]] Ref<> bytes_translate(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames);
// A static method of both bytes and bytearray (self unused).
[[nodiscard]] Ref<> bytes_maketrans(Object*, Object* const* args, Py_ssize_t nargs);

}  // namespace minipy::runtime
