// _iomodule.h: what the files of modules/_io/ share: the object layouts of
// the io classes, the module's exception type and the small helpers every
// class uses. Mirrors CPython 3.11 Modules/_io/_iomodule.h. Book chapter
// 12, "The Standard Library".
//
// Design notes
// ------------
// * The hierarchy is CPython's: _IOBase <- _RawIOBase <- FileIO;
//   _IOBase <- _BufferedIOBase <- BytesIO, BufferedReader, BufferedWriter,
//   BufferedRandom, BufferedRWPair; _IOBase <- _TextIOBase <- StringIO,
//   TextIOWrapper. lib/io.py adds the ABCs (io.IOBase ...) on top.
// * Every layout starts with IOBaseObject (instance dict, weak references,
//   the `closed` flag of _IOBase), so a Python class may inherit from any
//   mix of them (io.RawIOBase derives from _RawIOBase and io.IOBase).
//   CPython keeps _IOBase's flag in the dict as `__IOBase_closed`; minipy
//   keeps it in the C field iobase_closed.
// * Objects that own C++ containers (std::string buffers) create them in
//   tp_new and delete them in tp_dealloc; fields are otherwise zeroed by
//   the allocator.
// * The layers talk to each other through Python method calls (a
//   TextIOWrapper may wrap any object with read1/write/...), as CPython's do.
#pragma once

#include <cerrno>
#include <string>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/object.h"
#include "minipy/runtime/pystate.h"

namespace minipy::modules::io {

using runtime::Object;
using runtime::Py_ssize_t;
using runtime::Ref;
using runtime::TypeObject;

// DEFAULT_BUFFER_SIZE.
inline constexpr Py_ssize_t DEFAULT_BUFFER_SIZE = 8 * 1024;

struct IOBaseObject : Object {
    Object* dict;
    Object* weakreflist;
    bool iobase_closed;  // _IOBase's own closed flag (__IOBase_closed)
    bool finalizing;     // set while the finalizer calls close()
};

// FileIO (fileio.cpp).
struct FileIOObject : IOBaseObject {
    int fd;
    bool created, readable, writable, appending;
    signed char seekable;  // -1 until asked
    bool closefd;
    Py_ssize_t blksize;
};

// BytesIO (bytesio.cpp).
struct BytesIOObject : IOBaseObject {
    std::string* buf;
    Py_ssize_t pos;
    Py_ssize_t exports;  // memoryviews from getbuffer() still alive
    bool closed;
};

// StringIO (stringio.cpp).
struct StringIOObject : IOBaseObject {
    std::u32string* buf;
    Py_ssize_t pos;
    bool ok, closed;
    bool readuniversal, readtranslate;
    Object* readnl;           // str or null
    const char* writenl;      // null: no translation on write
    Object* decoder;          // IncrementalNewlineDecoder (newline=None) or null
};

// BufferedReader/Writer/Random (bufferedio.cpp).
// One buffer of buffer_size bytes serves reads and writes, with CPython's
// positions (bufferedio.c): pos is the caller's position in the buffer,
// raw_pos where raw's position falls in it, [0, read_end) the bytes read
// ahead (-1: no read buffer), [write_pos, write_end) the bytes written but
// not yet flushed (write_end -1: none); abs_pos caches raw.tell() (-1
// when unknown).
struct BufferedObject : IOBaseObject {
    Object* raw;
    bool ok, detached, readable, writable, fast_closed_checks;
    Py_ssize_t buffer_size, buffer_mask;
    char* buffer;  // null once closed
    long long pos, raw_pos, read_end, write_pos, write_end, abs_pos;
};

// BufferedRWPair.
struct RWPairObject : IOBaseObject {
    Object* reader;  // BufferedReader
    Object* writer;  // BufferedWriter
};

// The codec layer of a text stream: the incremental decoder of one of the
// built-in codecs (utf-8, ascii, latin-1) with its pending bytes, plus the
// newline layer of IncrementalNewlineDecoder. textio.cpp.
struct TextDecoderState;

// IncrementalNewlineDecoder (textio.cpp).
struct NLDecoderObject : Object {
    Object* decoder;  // an incremental decoder object, or None
    Object* errors;
    bool translate;
    bool pendingcr;
    int seennl;  // SEEN_CR | SEEN_LF | SEEN_CRLF
};

// TextIOWrapper (textio.cpp).
struct TextIOObject : IOBaseObject {
    bool ok, detached;
    Py_ssize_t chunk_size;
    Object* buffer;
    Object* encoding;
    Object* errors;
    int codec;  // textio.cpp's Codec; 0 when there is no built-in codec
    TextDecoderState* dec;  // null when the buffer is not readable
    bool has_encoder;
    Object* encoder;  // the registry's incremental encoder (CODEC_REGISTRY), else null
    Object* readnl;  // str or null (universal)
    bool readuniversal, readtranslate, writetranslate;
    const char* writenl;  // "\n", "\r", "\r\n" or null (os.linesep: "\n" on POSIX)
    bool line_buffering, write_through;
    bool seekable, telling, has_read1, encoding_start_of_stream;
    Object* decoded_chars;  // str or null
    Py_ssize_t decoded_chars_used;
    std::string* pending_bytes;  // encoded text not yet written to buffer
    bool has_snapshot;
    int snapshot_dec_flags;
    Object* snapshot_next_input;  // bytes
    double b2cratio;
};

// The types.
extern TypeObject IOBase_Type;
extern TypeObject RawIOBase_Type;
extern TypeObject BufferedIOBase_Type;
extern TypeObject TextIOBase_Type;
extern TypeObject FileIO_Type;
extern TypeObject BytesIO_Type;
extern TypeObject StringIO_Type;
extern TypeObject BufferedReader_Type;
extern TypeObject BufferedWriter_Type;
extern TypeObject BufferedRandom_Type;
extern TypeObject BufferedRWPair_Type;
extern TypeObject TextIOWrapper_Type;
extern TypeObject NLDecoder_Type;
extern TypeObject BytesIOBuffer_Type;

// io.UnsupportedOperation (a subclass of OSError and ValueError made when
// the module is created; borrowed).
TypeObject* unsupported_operation_type();
// Raises io.UnsupportedOperation(message); returns null.
std::nullptr_t raise_unsupported(const char* message);
// "I/O operation on closed file." (ValueError); returns null.
std::nullptr_t raise_closed();

// An interned str for a method or attribute name, kept for the process.
Object* id(const char* name);

// _PyIOBase_check_closed & co: through the `closed` attribute (which a
// subclass may override). 0 when fine, -1 with the error set.
[[nodiscard]] int iobase_check_closed(Object* self);
[[nodiscard]] int iobase_check_readable(Object* self);
[[nodiscard]] int iobase_check_writable(Object* self);
[[nodiscard]] int iobase_check_seekable(Object* self);
// The shared __dict__ getset and GC support of IOBaseObject.
Ref<> iobase_get_dict(Object* self, void*);
int iobase_set_dict(Object* self, Object* value, void*);
int iobase_traverse_base(Object* self, runtime::visitproc visit, void* arg);
void iobase_clear_base(Object* self);
// _PyIOBase_finalize: calls close() unless already closed; for tp_finalize.
void iobase_finalize(Object* self);
// The tail of every io dealloc: the finalizer (close()), weak references,
// the dict. false when the finalizer resurrected the object (stop there).
[[nodiscard]] bool iobase_dealloc_start(Object* self);

// _Py_convert_optional_to_ssize_t: None -> -1, an int -> its value;
// TypeError "argument should be integer or None, not 'str'".
[[nodiscard]] bool convert_optional_size(Object* arg, Py_ssize_t* out);
// The (pos, whence=0) arguments of BytesIO.seek and StringIO.seek, converted
// as their Argument Clinic wrappers do (pos an index, whence an int).
[[nodiscard]] bool seek_args(Object* const* args, Py_ssize_t nargs, Py_ssize_t* pos, int* whence);
// The encoding of the locale (locale.getencoding(): "UTF-8" under
// C.UTF-8; "utf-8" under the plain C locale, where CPython turns on UTF-8
// mode).
const char* locale_encoding();

// The bytes of a bytes-like object (bytes, bytearray, memoryview, ...),
// appended to *out; false with "a bytes-like object is required" otherwise.
[[nodiscard]] bool get_bytes_like(Object* obj, std::string* out);

// _io.open (used by builtins.open too).
[[nodiscard]] Ref<> io_open(Object* const* args, Py_ssize_t nargs, Object* kwnames);

// Readies every type of the module; -1 on error.
[[nodiscard]] int ready_types();

}  // namespace minipy::modules::io

namespace minipy::modules::io {
// PyErr_SetFromErrnoWithFilenameObject: OSError(err, strerror(err)[,
// filename]), which OSError turns into the errno's subclass
// (FileNotFoundError ...). filename may be null. Returns null.
std::nullptr_t raise_errno(int err, Object* filename = nullptr);
}  // namespace minipy::modules::io

namespace minipy::modules::io {
// IncrementalNewlineDecoder's newline layer on decoded text (textio.cpp):
// keeps a final '\r' back unless final (so "\r\n" split across two chunks
// is still seen as one newline), records the kinds of newline seen in
// *seennl and, when translate, turns "\r\n" and "\r" into "\n".
inline constexpr int SEEN_CR = 1, SEEN_LF = 2, SEEN_CRLF = 4;
[[nodiscard]] Ref<> newline_translate(Object* output, bool* pendingcr, int* seennl, bool translate, bool final);
// The `newlines` attribute for a set of SEEN_* bits: None, a str or a tuple.
[[nodiscard]] Ref<> newlines_object(int seennl);
// _PyIO_find_line_ending: where the first line of the code points
// [start, end) of data (a str's kind and data) ends. Returns the line's
// length from start, newline included, or -1 when there is no complete
// line; *consumed is then how far the caller may skip (a trailing part of
// a multi-character readnl may still complete).
Py_ssize_t find_line_ending(bool translated, bool universal, Object* readnl, unsigned kind, const void* data,
                            Py_ssize_t start, Py_ssize_t end, Py_ssize_t* consumed);
}  // namespace minipy::modules::io

namespace minipy::modules::io {
// _Py_read/_Py_write's loop: a blocking system call made with the GIL
// released, retried after EINTR once the Python signal handlers have run
// (PEP 475). Returns call()'s result; after a failure errno is the call's,
// unless a signal handler raised (error_occurred() is then set).
template <class F>
auto blocking_call(F call) -> decltype(call())
{
    for (;;) {
        decltype(call()) r;
        int err;
        {
            runtime::AllowThreads nogil;
            r = call();
            err = errno;  // before the GIL's own calls can change it
        }
        errno = err;
        if (r >= 0 || err != EINTR) return r;
        if (runtime::is_main_thread() && runtime::make_pending_calls() < 0) return r;
    }
}

// _Py_read / _Py_write: one read(2) / write(2) on fd through blocking_call.
// The count; -2 when a non-blocking fd is not ready (EAGAIN: the io methods
// return None where CPython clears _Py_read's BlockingIOError); -1 with the
// error set (OSError from errno, or what a signal handler raised).
[[nodiscard]] Py_ssize_t py_read(int fd, void* buf, std::size_t count);
[[nodiscard]] Py_ssize_t py_write(int fd, const void* buf, std::size_t count);
}  // namespace minipy::modules::io
