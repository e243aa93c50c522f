// bytearrayobject.h: bytearray, a mutable array of 8-bit values.
// Mirrors CPython 3.11 Include/bytearrayobject.h and Objects/bytearrayobject.c.
// Book chapter 11.
#pragma once

#include <string_view>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct ByteArrayObject : VarObject {
    Py_ssize_t ob_alloc;  // bytes allocated in ob_bytes (ob_size used, plus a 0)
    char* ob_bytes;       // mem_malloc'ed buffer, or null when empty
    char* ob_start;       // == ob_bytes (CPython uses it for O(1) deletion at the front)
    Py_ssize_t ob_exports;  // buffer exports (memoryview); resizing is refused while > 0
};

extern TypeObject ByteArray_Type;
extern TypeObject ByteArrayIter_Type;

inline bool bytearray_check(Object* op) { return object_type_check(op, &ByteArray_Type); }
inline Py_ssize_t bytearray_size(const Object* op) { return static_cast<const VarObject*>(op)->ob_size; }
inline std::string_view bytearray_view(Object* op)
{
    auto* b = static_cast<ByteArrayObject*>(op);
    return {b->ob_start ? b->ob_start : "", static_cast<std::size_t>(b->ob_size)};
}

[[nodiscard]] Ref<> bytearray_from_view(std::string_view s);

}  // namespace minipy::runtime
