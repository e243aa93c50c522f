// buffer.h: the buffer protocol (PEP 3118): an exporter (bytes,
// bytearray, memoryview) lends a consumer a view of its memory.
// Mirrors CPython 3.11 Include/cpython/object.h (Py_buffer, PyBufferProcs),
// Include/pybuffer.h (PyBUF_* flags) and the buffer functions of
// Objects/abstract.c. Book chapter 11.
//
// Protocol: object_get_buffer(obj, &view, flags) fills `view` and holds a
// reference to obj in view.obj; the consumer must call buffer_release(&view)
// exactly once when done. While a view is out, the exporter keeps the
// memory in place (bytearray refuses to resize: "Existing exports of data:
// object cannot be re-sized"). `flags` says what the consumer can handle:
// without PyBUF_FORMAT it gets unsigned bytes (format null), without
// PyBUF_ND/PyBUF_STRIDES it needs contiguous memory.
#pragma once

#include <string>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// Py_buffer.
struct Py_buffer {
    void* buf = nullptr;
    Object* obj = nullptr;  // owned: the exporter (null when not from an object)
    Py_ssize_t len = 0;     // bytes: product(shape) * itemsize
    Py_ssize_t itemsize = 0;
    int readonly = 0;
    int ndim = 0;
    const char* format = nullptr;  // struct syntax; null means "B"
    Py_ssize_t* shape = nullptr;
    Py_ssize_t* strides = nullptr;
    Py_ssize_t* suboffsets = nullptr;  // always null in minipy (no PIL-style arrays)
    void* internal = nullptr;
};

// PyBUF_* request flags (3.11 values).
enum : int {
    PyBUF_SIMPLE = 0,
    PyBUF_WRITABLE = 0x0001,
    PyBUF_FORMAT = 0x0004,
    PyBUF_ND = 0x0008,
    PyBUF_STRIDES = 0x0010 | PyBUF_ND,
    PyBUF_C_CONTIGUOUS = 0x0020 | PyBUF_STRIDES,
    PyBUF_F_CONTIGUOUS = 0x0040 | PyBUF_STRIDES,
    PyBUF_ANY_CONTIGUOUS = 0x0080 | PyBUF_STRIDES,
    PyBUF_INDIRECT = 0x0100 | PyBUF_STRIDES,
    PyBUF_CONTIG_RO = PyBUF_ND,
    PyBUF_STRIDED_RO = PyBUF_STRIDES,
    PyBUF_RECORDS_RO = PyBUF_STRIDES | PyBUF_FORMAT,
    PyBUF_FULL_RO = PyBUF_INDIRECT | PyBUF_FORMAT,
    PyBUF_FULL = PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT,
};
inline constexpr int PyBUF_MAX_NDIM = 64;

using getbufferproc = int (*)(Object* exporter, Py_buffer* view, int flags);
using releasebufferproc = void (*)(Object* exporter, Py_buffer* view);

// PyBufferProcs: what TypeObject::tp_as_buffer points to.
struct BufferProcs {
    getbufferproc bf_getbuffer = nullptr;
    releasebufferproc bf_releasebuffer = nullptr;
};

inline BufferProcs* type_buffer_procs(const TypeObject* t) { return static_cast<BufferProcs*>(t->tp_as_buffer); }

// PyObject_CheckBuffer.
inline bool object_check_buffer(const Object* o)
{
    BufferProcs* pb = type_buffer_procs(Py_TYPE(o));
    return pb && pb->bf_getbuffer;
}

// PyObject_GetBuffer: 0, or -1 with TypeError "a bytes-like object is
// required, not 'T'" (or the exporter's BufferError).
[[nodiscard]] int object_get_buffer(Object* o, Py_buffer* view, int flags);
// PyBuffer_Release: gives the view back (the exporter's bf_releasebuffer,
// then the reference to view.obj); safe on an empty view.
void buffer_release(Py_buffer* view);
// PyBuffer_FillInfo: a one-dimensional unsigned-byte view of [buf, buf+len)
// for exporters like bytes. -1 with BufferError "Object is not writable."
// when flags ask for PyBUF_WRITABLE of readonly memory.
[[nodiscard]] int buffer_fill_info(Py_buffer* view, Object* exporter, void* buf, Py_ssize_t len, int readonly,
                                   int flags);
// PyBuffer_IsContiguous: order 'C', 'F' or 'A' (either).
bool buffer_is_contiguous(const Py_buffer* view, char order);
// Appends the bytes of any exporter to *out in C order (a buffer taken and
// given back, as PyBytes_FromObject's PyBuffer_ToContiguous does); false
// with the TypeError "a bytes-like object is required, not 'T'" otherwise.
[[nodiscard]] bool buffer_append_to(Object* o, std::string* out);
// A bytes copy of an exporter's memory; null without an error when o is
// not an exporter (int(mv), float(mv) parse it as they parse bytes).
[[nodiscard]] Ref<> buffer_as_bytes(Object* o);

// The memoryview type (runtime/memoryobject.cpp) and PyMemoryView_FromObject.
extern TypeObject MemoryView_Type;
extern TypeObject ManagedBuffer_Type;
extern TypeObject MemoryIter_Type;
inline bool memoryview_check(const Object* o) { return Py_TYPE(o) == &MemoryView_Type; }
[[nodiscard]] Ref<> memoryview_from_object(Object* o);

}  // namespace minipy::runtime
