// bytesobject.h: bytes, an immutable array of 8-bit values.
// Mirrors CPython 3.11 Include/bytesobject.h, Include/cpython/bytesobject.h
// and Objects/bytesobject.c. Book chapter 11.
#pragma once

#include <string>
#include <string_view>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct BytesObject : VarObject {
    Py_hash_t ob_shash;  // -1 until computed
    char ob_sval[1];     // ob_size bytes plus a terminating 0
};

extern TypeObject Bytes_Type;
extern TypeObject BytesIter_Type;

inline bool bytes_check(const Object* op) { return type_fast_subclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS); }
inline bool bytes_check_exact(const Object* op) { return Py_TYPE(op) == &Bytes_Type; }
inline Py_ssize_t bytes_size(const Object* op) { return static_cast<const VarObject*>(op)->ob_size; }
inline char* bytes_as_string(Object* op) { return static_cast<BytesObject*>(op)->ob_sval; }
inline std::string_view bytes_view(Object* op)
{
    return {bytes_as_string(op), static_cast<std::size_t>(bytes_size(op))};
}

// A bytes object of the given content (data null: uninitialized, to fill).
[[nodiscard]] Ref<> bytes_from_string_and_size(const char* data, Py_ssize_t size);
[[nodiscard]] Ref<> bytes_from_view(std::string_view s);
[[nodiscard]] Ref<> bytes_repr(Object* op, bool smartquotes = true);
[[nodiscard]] Ref<> bytes_concat(Object* a, Object* b);
// v.__bytes__() through the type (null without an error: no __bytes__).
[[nodiscard]] Ref<> bytes_from_dunder(Object* v);
// format % args for bytes and bytearray (_PyBytes_FormatEx): the result's
// bytes in *out, or false with an error set.
[[nodiscard]] bool bytes_printf_format(std::string_view format, Object* args, std::string* out);

}  // namespace minipy::runtime
