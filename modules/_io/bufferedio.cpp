// bufferedio.cpp: _io._BufferedIOBase and the buffered layer over a raw
// stream: BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair.
// Mirrors CPython 3.11 Modules/_io/bufferedio.c. Book chapter 12.
//
// Design notes
// ------------
// * One buffer of buffer_size bytes holds both the read-ahead and the
//   pending writes, with CPython's positions (see BufferedObject in
//   _iomodule.h) and CPython's algorithms step for step, so that mixed
//   reads, writes and seeks on a BufferedRandom leave raw in the same
//   state as CPython's (including 3.11's read1(), which reads raw without
//   flushing pending writes first).
// * Raw reads go through raw.readinto() and writes through raw.write(),
//   as CPython's do, so a Python RawIOBase subclass that implements only
//   readinto/write works; an exact FileIO is read and written directly.
//   A raw call returning None (a non-blocking stream without data) ends
//   a read with what there is, or None.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "_iomodule.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/unicodeobject.h"
#include "../clinic_args.h"

namespace minipy::modules::io {

using namespace runtime;

// --- _BufferedIOBase ----------------------------------------------------------

namespace {

Ref<> bufferediobase_read(Object*, Object* const*, Py_ssize_t) { return raise_unsupported("read"); }
Ref<> bufferediobase_read1(Object*, Object* const*, Py_ssize_t) { return raise_unsupported("read1"); }
Ref<> bufferediobase_write(Object*, Object* const*, Py_ssize_t) { return raise_unsupported("write"); }
Ref<> bufferediobase_detach(Object*, Object*) { return raise_unsupported("detach"); }

// readinto(b) as read(len(b)) copied into b (readinto1 with read1).
Ref<> readinto_generic(Object* self, Object* arg, const char* method)
{
    Py_buffer view;
    if (object_get_buffer(arg, &view, PyBUF_WRITABLE) < 0) return nullptr;
    Ref<> len = long_from_ssize_t(view.len);
    Ref<> data = call_method(self, method, {len.get()});
    if (!data) {
        buffer_release(&view);
        return nullptr;
    }
    if (!bytes_check(data.get())) {
        buffer_release(&view);
        return format_error(Exc_TypeError, "read() should return bytes");
    }
    Py_ssize_t n = bytes_size(data.get());
    if (n > view.len) {
        buffer_release(&view);
        return format_error(Exc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                            view.len, n);
    }
    std::memcpy(view.buf, bytes_as_string(data.get()), static_cast<std::size_t>(n));
    buffer_release(&view);
    return long_from_ssize_t(n);
}

Ref<> bufferediobase_readinto(Object* self, Object* arg) { return readinto_generic(self, arg, "read"); }
Ref<> bufferediobase_readinto1(Object* self, Object* arg) { return readinto_generic(self, arg, "read1"); }

MethodDef bufferediobase_methods[] = {
    method_noargs("detach", bufferediobase_detach),
    method_fast("read", bufferediobase_read),
    method_fast("read1", bufferediobase_read1),
    method_o("readinto", bufferediobase_readinto),
    method_o("readinto1", bufferediobase_readinto1),
    method_fast("write", bufferediobase_write),
    {},
};

// --- Buffered objects -----------------------------------------------------------

BufferedObject* BO(Object* op) { return static_cast<BufferedObject*>(op); }

// The macros of bufferedio.c, as functions.
bool valid_read_buffer(BufferedObject* self) { return self->readable && self->read_end != -1; }
bool valid_write_buffer(BufferedObject* self) { return self->writable && self->write_end != -1; }
void adjust_position(BufferedObject* self, long long new_pos)
{
    self->pos = new_pos;
    if (valid_read_buffer(self) && self->read_end < self->pos) self->read_end = self->pos;
}
long long readahead(BufferedObject* self)
{
    return self->readable && valid_read_buffer(self) ? self->read_end - self->pos : 0;
}
long long raw_offset(BufferedObject* self)
{
    return (valid_read_buffer(self) || valid_write_buffer(self)) && self->raw_pos >= 0 ? self->raw_pos - self->pos : 0;
}
// MINUS_LAST_BLOCK: size rounded down to whole buffers.
Py_ssize_t minus_last_block(BufferedObject* self, Py_ssize_t size)
{
    return self->buffer_mask ? (size & ~self->buffer_mask) : self->buffer_size * (size / self->buffer_size);
}
void reader_reset_buf(BufferedObject* self) { self->read_end = -1; }
void writer_reset_buf(BufferedObject* self)
{
    self->write_pos = 0;
    self->write_end = -1;
}

// CHECK_INITIALIZED: 0 fine, -1 error.
int check_initialized(BufferedObject* self)
{
    if (!self->ok) {
        set_error(Exc_ValueError,
                  self->detached ? "raw stream has been detached" : "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

// buffered_closed: raw.closed (FileIO's flag read directly). 1, 0, -1.
int buffered_closed(BufferedObject* self)
{
    if (Py_TYPE(self->raw) == &FileIO_Type) return static_cast<FileIOObject*>(self->raw)->fd < 0;
    Ref<> res = object_get_attr(self->raw, id("closed"));
    if (!res) return -1;
    return object_is_true(res.get());
}

// IS_CLOSED: 1, 0, -1.
int is_closed(BufferedObject* self) { return !self->buffer ? 1 : buffered_closed(self); }

// CHECK_CLOSED(self, message): closed, with nothing left in the buffer.
int check_closed(BufferedObject* self, const char* message)
{
    int closed = is_closed(self);
    if (closed < 0) return -1;
    if (closed && (!self->buffer || readahead(self) == 0)) {
        set_error(Exc_ValueError, message);
        return -1;
    }
    return 0;
}

// _buffered_raw_tell: raw.tell(), cached in abs_pos; -1 with an error.
long long raw_tell(BufferedObject* self)
{
    Ref<> res = call_method(self->raw, "tell");
    if (!res) return -1;
    long long n = long_as_long_long(res.get());
    if (n == -1 && error_occurred()) return -1;
    if (n < 0) {
        format_error(Exc_OSError, "Raw stream returned invalid position %lld", n);
        return -1;
    }
    self->abs_pos = n;
    return n;
}

long long raw_seek(BufferedObject* self, long long target, int whence)
{
    Ref<> t = long_from_long(target), w = long_from_long(whence);
    Ref<> res = call_method(self->raw, "seek", {t.get(), w.get()});
    if (!res) return -1;
    long long n = long_as_long_long(res.get());
    if (n == -1 && error_occurred()) return -1;
    if (n < 0) {
        format_error(Exc_OSError, "Raw stream returned invalid position %lld", n);
        return -1;
    }
    self->abs_pos = n;
    return n;
}

// What raw.readinto() / raw.write() returned for a request of len bytes:
// the count, -2 for None (nothing available without blocking), -1 with
// OSError when it is out of [0, len].
Py_ssize_t raw_result_length(Object* res, Py_ssize_t len, const char* method)
{
    if (res == Py_None()) return -2;
    Py_ssize_t n = number_as_ssize_t(res, Exc_ValueError);
    if (n == -1 && error_occurred()) return -1;
    if (n < 0 || n > len) {
        format_error(Exc_OSError, "raw %s() returned invalid length %zd (should have been between 0 and %zd)",
                     method, n, len);
        return -1;
    }
    return n;
}

// _bufferedreader_raw_read: one raw.readinto() into [start, start+len):
// the count, 0 at EOF, -2 when raw returned None, -1 on error.
Py_ssize_t raw_read(BufferedObject* self, char* start, Py_ssize_t len)
{
    Py_ssize_t n;
    auto* f = static_cast<FileIOObject*>(self->raw);
    if (Py_TYPE(self->raw) == &FileIO_Type && f->fd >= 0 && f->readable) {
        n = py_read(f->fd, start, static_cast<std::size_t>(len));
        if (n < 0) return n;
    }
    else {
        Ref<> b = bytearray_from_view(std::string(static_cast<std::size_t>(len), '\0'));
        if (!b) return -1;
        Ref<> res = call_method(self->raw, "readinto", {b.get()});
        if (!res) return -1;
        n = raw_result_length(res.get(), len, "readinto");
        if (n < 0) return n;
        std::memcpy(start, bytearray_view(b.get()).data(), static_cast<std::size_t>(n));
    }
    if (n > 0 && self->abs_pos != -1) self->abs_pos += n;
    return n;
}

// _bufferedreader_fill_buffer.
Py_ssize_t fill_buffer(BufferedObject* self)
{
    long long start = valid_read_buffer(self) ? self->read_end : 0;
    Py_ssize_t len = self->buffer_size - static_cast<Py_ssize_t>(start);
    Py_ssize_t n = raw_read(self, self->buffer + start, len);
    if (n <= 0) return n;
    self->read_end = start + n;
    self->raw_pos = start + n;
    return n;
}

// _bufferedwriter_raw_write: one raw.write(): the count, -2 for None, -1.
Py_ssize_t raw_write(BufferedObject* self, const char* start, Py_ssize_t len)
{
    Py_ssize_t n;
    auto* f = static_cast<FileIOObject*>(self->raw);
    if (Py_TYPE(self->raw) == &FileIO_Type && f->fd >= 0 && f->writable) {
        n = py_write(f->fd, start, static_cast<std::size_t>(len));
        if (n < 0) return n;
    }
    else {
        Ref<> chunk = bytes_from_string_and_size(start, len);
        if (!chunk) return -1;
        Ref<> res = call_method(self->raw, "write", {chunk.get()});
        if (!res) return -1;
        n = raw_result_length(res.get(), len, "write");
        if (n < 0) return n;
    }
    if (n > 0 && self->abs_pos != -1) self->abs_pos += n;
    return n;
}

// _bufferedwriter_flush_unlocked: 0 or -1. Afterwards there is no write
// buffer (tell() then relies on raw_pos against pos).
int writer_flush_unlocked(BufferedObject* self)
{
    if (valid_write_buffer(self) && self->write_pos != self->write_end) {
        long long rewind = raw_offset(self) + (self->pos - self->write_pos);
        if (rewind != 0) {
            if (raw_seek(self, -rewind, 1) < 0) return -1;
            self->raw_pos -= rewind;
        }
        while (self->write_pos < self->write_end) {
            Py_ssize_t n = raw_write(self, self->buffer + self->write_pos,
                                     static_cast<Py_ssize_t>(self->write_end - self->write_pos));
            if (n == -1) return -1;
            if (n == -2) {
                set_error(Exc_BlockingIOError, "write could not complete without blocking");
                return -1;
            }
            self->write_pos += n;
            self->raw_pos = self->write_pos;
        }
    }
    writer_reset_buf(self);
    return 0;
}

// buffered_flush_and_rewind_unlocked: the write buffer out, and raw moved
// back to the logical position (the read-ahead is dropped).
int flush_and_rewind(BufferedObject* self)
{
    if (writer_flush_unlocked(self) < 0) return -1;
    if (self->readable) {
        long long n = raw_seek(self, -raw_offset(self), 1);
        reader_reset_buf(self);
        if (n == -1) return -1;
    }
    return 0;
}

Ref<> buffered_tp_new(TypeObject* type, Object*, Object*)
{
    Ref<BufferedObject> self = alloc_instance<BufferedObject>(type);
    if (!self) return nullptr;
    self->abs_pos = -1;
    self->read_end = -1;
    self->write_end = -1;
    return self;
}

void buffered_dealloc(Object* op)
{
    if (!iobase_dealloc_start(op)) return;
    BufferedObject* self = BO(op);
    clear_ref(self->raw);
    delete[] self->buffer;
    self->buffer = nullptr;
    object_dealloc_memory(op);
}

int buffered_traverse(Object* op, visitproc visit, void* arg)
{
    if (int r = visit_all({BO(op)->raw}, visit, arg)) return r;
    return iobase_traverse_base(op, visit, arg);
}

int buffered_clear(Object* op)
{
    BO(op)->ok = false;
    clear_ref(BO(op)->raw);
    iobase_clear_base(op);
    return 0;
}

// __init__(raw, buffer_size=DEFAULT_BUFFER_SIZE) of the three classes.
int buffered_init_common(Object* op, Object* args, Object* kwds, const char* fname, bool readable, bool writable)
{
    BufferedObject* self = BO(op);
    Object* a[2] = {};
    if (!parse_clinic_tuple_kw(fname, args, kwds, {"raw", "buffer_size"}, 2, 1, a)) return -1;
    self->ok = false;
    self->detached = false;
    Object* raw = a[0];
    Py_ssize_t size = DEFAULT_BUFFER_SIZE;
    if (a[1]) {
        if (!index_check(a[1])) {
            format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer", Py_TYPE(a[1])->tp_name);
            return -1;
        }
        size = number_as_ssize_t(a[1], Exc_OverflowError);
        if (size == -1 && error_occurred()) return -1;
    }
    if (readable && writable && iobase_check_seekable(raw) < 0) return -1;
    if (readable && iobase_check_readable(raw) < 0) return -1;
    if (writable && iobase_check_writable(raw) < 0) return -1;
    set_ref(self->raw, new_ref(raw).release());
    self->buffer_size = size;
    self->readable = readable;
    self->writable = writable;
    // _buffered_init
    if (size <= 0) {
        set_error(Exc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    delete[] self->buffer;
    self->buffer = new char[static_cast<std::size_t>(size)];
    self->buffer_mask = (size & (size - 1)) == 0 ? size - 1 : 0;
    if (raw_tell(self) == -1) error_clear();
    reader_reset_buf(self);
    writer_reset_buf(self);
    self->pos = 0;
    self->raw_pos = 0;
    self->fast_closed_checks = Py_TYPE(op) == &BufferedReader_Type && Py_TYPE(raw) == &FileIO_Type;
    self->ok = true;
    return 0;
}

int reader_init(Object* op, Object* args, Object* kwds)
{
    return buffered_init_common(op, args, kwds, "BufferedReader", true, false);
}
int writer_init(Object* op, Object* args, Object* kwds)
{
    return buffered_init_common(op, args, kwds, "BufferedWriter", false, true);
}
int random_init(Object* op, Object* args, Object* kwds)
{
    return buffered_init_common(op, args, kwds, "BufferedRandom", true, true);
}

// A plain Py_ssize_t argument (TypeError for None and non-integers).
bool ssize_arg(Object* arg, Py_ssize_t* out)
{
    if (!index_check(arg)) {
        format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer", Py_TYPE(arg)->tp_name);
        return false;
    }
    *out = number_as_ssize_t(arg, Exc_OverflowError);
    return !(*out == -1 && error_occurred());
}

// _bufferedreader_read_fast: null (no error) when the buffer has too few.
Ref<> read_fast(BufferedObject* self, Py_ssize_t n)
{
    if (n <= readahead(self)) {
        Ref<> res = bytes_from_string_and_size(self->buffer + self->pos, n);
        self->pos += n;
        return res;
    }
    return nullptr;
}

// _bufferedreader_read_generic.
Ref<> read_generic(BufferedObject* self, Py_ssize_t n)
{
    Py_ssize_t current_size = static_cast<Py_ssize_t>(readahead(self));
    if (n <= current_size) return read_fast(self, n);
    std::string out(static_cast<std::size_t>(n), '\0');
    Py_ssize_t remaining = n, written = 0;
    if (current_size > 0) {
        std::memcpy(out.data(), self->buffer + self->pos, static_cast<std::size_t>(current_size));
        remaining -= current_size;
        written += current_size;
        self->pos += current_size;
    }
    if (self->writable && flush_and_rewind(self) < 0) return nullptr;
    reader_reset_buf(self);
    auto finish_short = [&](Py_ssize_t r) -> Ref<> {
        // EOF, or raw would block: what there is, or None.
        if (r == 0 || written > 0) return bytes_from_string_and_size(out.data(), written);
        return none_ref();
    };
    while (remaining > 0) {
        // Whole blocks straight into the result; the last block through the buffer.
        Py_ssize_t r = minus_last_block(self, remaining);
        if (r == 0) break;
        r = raw_read(self, out.data() + written, r);
        if (r == -1) return nullptr;
        if (r == 0 || r == -2) return finish_short(r);
        remaining -= r;
        written += r;
    }
    self->pos = 0;
    self->raw_pos = 0;
    self->read_end = 0;
    // Once the read is satisfied no further read is issued (it could block).
    while (remaining > 0 && self->read_end < self->buffer_size) {
        Py_ssize_t r = fill_buffer(self);
        if (r == -1) return nullptr;
        if (r == 0 || r == -2) return finish_short(r);
        Py_ssize_t take = std::min(remaining, r);
        std::memcpy(out.data() + written, self->buffer + self->pos, static_cast<std::size_t>(take));
        written += take;
        self->pos += take;
        remaining -= take;
    }
    return bytes_from_string_and_size(out.data(), n);
}

// _bufferedreader_read_all.
Ref<> read_all(BufferedObject* self)
{
    Py_ssize_t current_size = static_cast<Py_ssize_t>(readahead(self));
    std::string data;
    if (current_size) {
        data.assign(self->buffer + self->pos, static_cast<std::size_t>(current_size));
        self->pos += current_size;
    }
    if (self->writable && flush_and_rewind(self) < 0) return nullptr;
    reader_reset_buf(self);
    Ref<> readall;
    if (object_lookup_attr(self->raw, id("readall"), &readall) < 0) return nullptr;
    if (readall) {
        Ref<> tmp = call_no_args(readall.get());
        if (!tmp) return nullptr;
        if (tmp.get() != Py_None() && !bytes_check(tmp.get()))
            return format_error(Exc_TypeError, "readall() should return bytes");
        if (current_size == 0) return tmp;
        if (tmp.get() != Py_None()) data.append(bytes_view(tmp.get()));
        return bytes_from_view(data);
    }
    for (;;) {
        Ref<> chunk = call_method(self->raw, "read");
        if (!chunk) return nullptr;
        if (chunk.get() != Py_None() && !bytes_check(chunk.get()))
            return format_error(Exc_TypeError, "read() should return bytes");
        if (chunk.get() == Py_None() || bytes_size(chunk.get()) == 0) {
            if (current_size == 0) return chunk;
            return bytes_from_view(data);
        }
        current_size += bytes_size(chunk.get());
        data.append(bytes_view(chunk.get()));
        if (self->abs_pos != -1) self->abs_pos += bytes_size(chunk.get());
    }
}

Ref<> buffered_read(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BufferedObject* self = BO(op);
    if (!check_positional("read", nargs, 0, 1)) return nullptr;
    Py_ssize_t n = -1;
    if (nargs && !convert_optional_size(args[0], &n)) return nullptr;
    if (check_initialized(self) < 0) return nullptr;
    if (n < -1) return format_error(Exc_ValueError, "read length must be non-negative or -1");
    if (check_closed(self, "read of closed file") < 0) return nullptr;
    if (n == -1) return read_all(self);
    Ref<> res = read_fast(self, n);
    if (res || error_occurred()) return res;
    return read_generic(self, n);
}

// read1(n=-1): buffered bytes if there are any, else one raw read straight
// into the result (3.11 does not flush the write buffer first).
Ref<> buffered_read1(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BufferedObject* self = BO(op);
    if (!check_positional("read1", nargs, 0, 1)) return nullptr;
    Py_ssize_t n = -1;
    if (nargs && !ssize_arg(args[0], &n)) return nullptr;
    if (check_initialized(self) < 0) return nullptr;
    if (n < 0) n = self->buffer_size;
    if (check_closed(self, "read of closed file") < 0) return nullptr;
    if (n == 0) return bytes_from_view("");
    Py_ssize_t have = static_cast<Py_ssize_t>(readahead(self));
    if (have > 0) return read_fast(self, std::min(have, n));
    std::string out(static_cast<std::size_t>(n), '\0');
    reader_reset_buf(self);
    Py_ssize_t r = raw_read(self, out.data(), n);
    if (r == -1) return nullptr;
    if (r == -2) r = 0;
    return bytes_from_string_and_size(out.data(), r);
}

Ref<> buffered_peek(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BufferedObject* self = BO(op);
    if (!check_positional("peek", nargs, 0, 1)) return nullptr;
    Py_ssize_t ignored = 0;
    if (nargs && !ssize_arg(args[0], &ignored)) return nullptr;
    if (check_initialized(self) < 0) return nullptr;
    if (check_closed(self, "peek of closed file") < 0) return nullptr;
    if (self->writable && flush_and_rewind(self) < 0) return nullptr;
    // Either what is buffered or a full buffer, never both: the buffer
    // keeps its block alignment and the position does not move.
    Py_ssize_t have = static_cast<Py_ssize_t>(readahead(self));
    if (have > 0) return bytes_from_string_and_size(self->buffer + self->pos, have);
    reader_reset_buf(self);
    Py_ssize_t r = fill_buffer(self);
    if (r == -1) return nullptr;
    if (r == -2) r = 0;
    self->pos = 0;
    return bytes_from_string_and_size(self->buffer, r);
}

// _buffered_readinto_generic.
Ref<> readinto_impl(Object* op, Object* arg, bool readinto1)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    Py_buffer view;
    if (object_get_buffer(arg, &view, PyBUF_WRITABLE) < 0) return nullptr;
    struct Release {
        Py_buffer* v;
        ~Release() { buffer_release(v); }
    } release{&view};
    if (check_closed(self, "readinto of closed file") < 0) return nullptr;
    char* dest = static_cast<char*>(view.buf);
    Py_ssize_t written = 0;
    Py_ssize_t n = static_cast<Py_ssize_t>(readahead(self));
    if (n > 0) {
        if (n >= view.len) {
            std::memcpy(dest, self->buffer + self->pos, static_cast<std::size_t>(view.len));
            self->pos += view.len;
            return long_from_ssize_t(view.len);
        }
        std::memcpy(dest, self->buffer + self->pos, static_cast<std::size_t>(n));
        self->pos += n;
        written = n;
    }
    if (self->writable && flush_and_rewind(self) < 0) return nullptr;
    reader_reset_buf(self);
    self->pos = 0;
    for (Py_ssize_t remaining = view.len - written; remaining > 0; written += n, remaining -= n) {
        if (remaining > self->buffer_size) n = raw_read(self, dest + written, remaining);
        else if (!(readinto1 && written)) {
            n = fill_buffer(self);
            if (n > 0) {
                if (n > remaining) n = remaining;
                std::memcpy(dest + written, self->buffer + self->pos, static_cast<std::size_t>(n));
                self->pos += n;
                continue;
            }
        }
        else n = 0;
        if (n == 0 || (n == -2 && written > 0)) break;
        if (n < 0) return n == -2 ? none_ref() : nullptr;
        if (readinto1) {
            written += n;
            break;
        }
    }
    return long_from_ssize_t(written);
}

Ref<> buffered_readinto(Object* op, Object* arg) { return readinto_impl(op, arg, false); }
Ref<> buffered_readinto1(Object* op, Object* arg) { return readinto_impl(op, arg, true); }

// _buffered_readline.
Ref<> readline_impl(BufferedObject* self, Py_ssize_t limit)
{
    if (check_closed(self, "readline of closed file") < 0) return nullptr;
    // First, a line inside the buffer.
    Py_ssize_t n = static_cast<Py_ssize_t>(readahead(self));
    if (limit >= 0 && n > limit) n = limit;
    const char* start = self->buffer + self->pos;
    if (const void* s = n > 0 ? std::memchr(start, '\n', static_cast<std::size_t>(n)) : nullptr) {
        Py_ssize_t len = static_cast<const char*>(s) - start + 1;
        self->pos += len;
        return bytes_from_string_and_size(start, len);
    }
    if (n == limit) {
        self->pos += n;
        return bytes_from_string_and_size(start, n);
    }
    // Then more from raw.
    std::string line;
    if (n > 0) {
        line.assign(start, static_cast<std::size_t>(n));
        self->pos += n;
    }
    if (limit >= 0) limit -= n;
    if (self->writable && flush_and_rewind(self) < 0) return nullptr;
    for (;;) {
        reader_reset_buf(self);
        n = fill_buffer(self);
        if (n == -1) return nullptr;
        if (n <= 0) break;
        if (limit >= 0 && n > limit) n = limit;
        const char* b = self->buffer;
        if (const void* s = std::memchr(b, '\n', static_cast<std::size_t>(n))) {
            Py_ssize_t len = static_cast<const char*>(s) - b + 1;
            line.append(b, static_cast<std::size_t>(len));
            self->pos = len;
            break;
        }
        line.append(b, static_cast<std::size_t>(n));
        if (n == limit) {
            self->pos = n;
            break;
        }
        if (limit >= 0) limit -= n;
    }
    return bytes_from_view(line);
}

Ref<> buffered_readline(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BufferedObject* self = BO(op);
    if (!check_positional("readline", nargs, 0, 1)) return nullptr;
    Py_ssize_t limit = -1;
    if (nargs && !convert_optional_size(args[0], &limit)) return nullptr;
    if (check_initialized(self) < 0) return nullptr;
    return readline_impl(self, limit);
}

Ref<> buffered_iternext(Object* op)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    Ref<> line;
    if (Py_TYPE(op) == &BufferedReader_Type || Py_TYPE(op) == &BufferedRandom_Type) line = readline_impl(self, -1);
    else {
        line = call_method(op, "readline");
        if (line && !bytes_check(line.get()))
            return format_error(Exc_OSError, "readline() should have returned a bytes object, not '%.200s'",
                                Py_TYPE(line.get())->tp_name);
    }
    if (!line || object_size(line.get()) == 0) return nullptr;
    return line;
}

// BufferedWriter.write: into the buffer when it fits, else the buffer is
// flushed and the data written through, keeping the tail buffered.
Ref<> buffered_write(Object* op, Object* arg)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    Py_buffer view;
    if (object_get_buffer(arg, &view, PyBUF_SIMPLE) < 0) return nullptr;
    struct Release {
        Py_buffer* v;
        ~Release() { buffer_release(v); }
    } release{&view};
    const char* data = static_cast<const char*>(view.buf);
    Py_ssize_t len = view.len;
    int closed = is_closed(self);
    if (closed != 0) {
        if (closed > 0) set_error(Exc_ValueError, "write to closed file");
        return nullptr;
    }
    if (!valid_read_buffer(self) && !valid_write_buffer(self)) {
        self->pos = 0;
        self->raw_pos = 0;
    }
    Py_ssize_t avail = self->buffer_size - static_cast<Py_ssize_t>(self->pos);
    if (len <= avail) {
        std::memcpy(self->buffer + self->pos, data, static_cast<std::size_t>(len));
        if (!valid_write_buffer(self) || self->write_pos > self->pos) self->write_pos = self->pos;
        adjust_position(self, self->pos + len);
        if (self->pos > self->write_end) self->write_end = self->pos;
        return long_from_ssize_t(len);
    }
    if (writer_flush_unlocked(self) < 0) return nullptr;
    // A read buffer that was filled but not modified leaves raw ahead of
    // the logical position.
    long long offset = raw_offset(self);
    if (offset != 0) {
        if (raw_seek(self, -offset, 1) < 0) return nullptr;
        self->raw_pos -= offset;
    }
    Py_ssize_t remaining = len, written = 0;
    while (remaining > self->buffer_size) {
        Py_ssize_t n = raw_write(self, data + written, len - written);
        if (n == -1) return nullptr;
        if (n == -2) {
            set_error(Exc_BlockingIOError, "write could not complete without blocking");
            return nullptr;
        }
        written += n;
        remaining -= n;
    }
    if (self->readable) reader_reset_buf(self);
    if (remaining > 0) {
        std::memcpy(self->buffer, data + written, static_cast<std::size_t>(remaining));
        written += remaining;
    }
    self->write_pos = 0;
    self->write_end = remaining;
    adjust_position(self, remaining);
    self->raw_pos = 0;
    return long_from_ssize_t(written);
}

// flush() of BufferedWriter and BufferedRandom.
Ref<> buffered_flush(Object* op, Object*)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    if (check_closed(self, "flush of closed file") < 0) return nullptr;
    if (flush_and_rewind(self) < 0) return nullptr;
    return none_ref();
}

// flush() of BufferedReader: raw.flush().
Ref<> buffered_simple_flush(Object* op, Object*)
{
    if (check_initialized(BO(op)) < 0) return nullptr;
    return call_method(BO(op)->raw, "flush");
}

Ref<> buffered_close(Object* op, Object*)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    int closed = buffered_closed(self);
    if (closed < 0) return nullptr;
    if (closed) return none_ref();
    Ref<> exc;
    Ref<> res = call_method(op, "flush");
    if (!res) exc = fetch_exception();
    res = call_method(self->raw, "close");
    delete[] self->buffer;
    self->buffer = nullptr;
    self->read_end = 0;
    self->pos = 0;
    if (exc) {
        chain_exceptions(std::move(exc));
        return nullptr;
    }
    return res;
}

Ref<> buffered_detach(Object* op, Object*)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    Ref<> res = call_method(op, "flush");
    if (!res) return nullptr;
    Ref<> raw = steal_ref(self->raw);
    self->raw = nullptr;
    self->detached = true;
    self->ok = false;
    return raw;
}

Ref<> buffered_tell(Object* op, Object*)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    long long pos = raw_tell(self);
    if (pos == -1) return nullptr;
    pos -= raw_offset(self);
    return long_from_long(pos);
}

Ref<> buffered_seek(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BufferedObject* self = BO(op);
    if (!check_positional("seek", nargs, 1, 2)) return nullptr;
    int whence = 0;
    if (nargs > 1) {
        long long w = long_as_long_long(args[1]);
        if (w == -1 && error_occurred()) return nullptr;
        whence = static_cast<int>(w);
    }
    if (check_initialized(self) < 0) return nullptr;
    // SEEK_DATA (3) and SEEK_HOLE (4) go to raw as they are.
    if (whence < 0 || whence > 4) return format_error(Exc_ValueError, "whence value %d unsupported", whence);
    if (check_closed(self, "seek of closed file") < 0) return nullptr;
    if (iobase_check_seekable(self->raw) < 0) return nullptr;
    Object* targetobj = args[0];
    if (!index_check(targetobj))
        return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                            Py_TYPE(targetobj)->tp_name);
    long long target = long_as_long_long(targetobj);
    if (target == -1 && error_occurred()) return nullptr;
    // Inside the buffer: only pos moves.
    if ((whence == 0 || whence == 1) && self->readable) {
        long long current = self->abs_pos != -1 ? self->abs_pos : raw_tell(self);
        if (current == -1) return nullptr;
        long long avail = readahead(self);
        if (avail > 0) {
            long long offset = whence == 0 ? target - (current - raw_offset(self)) : target;
            if (offset >= -self->pos && offset <= avail) {
                self->pos += offset;
                return long_from_long(current - avail + offset);
            }
        }
    }
    if (self->writable && writer_flush_unlocked(self) < 0) return nullptr;
    if (whence == 1) target -= raw_offset(self);
    long long n = raw_seek(self, target, whence);
    if (n == -1) return nullptr;
    self->raw_pos = -1;
    if (self->readable) reader_reset_buf(self);
    return long_from_long(n);
}

Ref<> buffered_truncate(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BufferedObject* self = BO(op);
    if (!check_positional("truncate", nargs, 0, 1)) return nullptr;
    if (check_initialized(self) < 0) return nullptr;
    if (check_closed(self, "truncate of closed file") < 0) return nullptr;
    if (!self->writable) return raise_unsupported("truncate");
    if (flush_and_rewind(self) < 0) return nullptr;
    Object* pos = nargs ? args[0] : Py_None();
    Ref<> res = call_method(self->raw, "truncate", {pos});
    if (!res) return nullptr;
    if (raw_tell(self) == -1) error_clear();  // the cached position is stale
    return res;
}

// Methods that forward to raw.
Ref<> forward(Object* op, const char* name)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    return call_method(self->raw, name);
}
Ref<> buffered_seekable(Object* op, Object*) { return forward(op, "seekable"); }
Ref<> buffered_readable(Object* op, Object*) { return forward(op, "readable"); }
Ref<> buffered_writable(Object* op, Object*) { return forward(op, "writable"); }
Ref<> buffered_fileno(Object* op, Object*) { return forward(op, "fileno"); }
Ref<> buffered_isatty(Object* op, Object*) { return forward(op, "isatty"); }

// _dealloc_warn(source): the ResourceWarning of an unclosed file (ignored
// by default; minipy does not emit it).
Ref<> buffered_dealloc_warn(Object*, Object*) { return none_ref(); }

Ref<> buffered_sizeof(Object* op, Object*)
{
    return long_from_ssize_t(static_cast<Py_ssize_t>(sizeof(BufferedObject)) + BO(op)->buffer_size);
}

Ref<> buffered_repr(Object* op)
{
    const char* tname = Py_TYPE(op)->tp_name;
    Ref<> name;
    if (object_lookup_attr(op, id("name"), &name) < 0) {
        // A detached stream raises ValueError: the repr leaves the name out.
        if (!error_matches(Exc_ValueError)) return nullptr;
        error_clear();
    }
    if (!name) return unicode_from_format("<%s>", tname);
    int status = repr_enter(op);
    if (status != 0) {
        if (status > 0) format_error(Exc_RuntimeError, "reentrant call inside %s.__repr__", tname);
        return nullptr;
    }
    Ref<> res = unicode_from_format("<%s name=%R>", tname, name.get());
    repr_leave(op);
    return res;
}

Ref<> buffered_get_raw(Object* op, void*)
{
    if (check_initialized(BO(op)) < 0) return nullptr;
    return new_ref(BO(op)->raw);
}
Ref<> buffered_get_closed(Object* op, void*)
{
    if (check_initialized(BO(op)) < 0) return nullptr;
    return object_get_attr(BO(op)->raw, id("closed"));
}
Ref<> buffered_get_name(Object* op, void*)
{
    if (check_initialized(BO(op)) < 0) return nullptr;
    return object_get_attr(BO(op)->raw, id("name"));
}
Ref<> buffered_get_mode(Object* op, void*)
{
    if (check_initialized(BO(op)) < 0) return nullptr;
    return object_get_attr(BO(op)->raw, id("mode"));
}
Ref<> buffered_get_finalizing(Object* op, void*) { return bool_from_long(BO(op)->finalizing); }

GetSetDef buffered_getset[] = {
    {"raw", buffered_get_raw, nullptr, nullptr, nullptr},
    {"closed", buffered_get_closed, nullptr, nullptr, nullptr},
    {"name", buffered_get_name, nullptr, nullptr, nullptr},
    {"mode", buffered_get_mode, nullptr, nullptr, nullptr},
    {"_finalizing", buffered_get_finalizing, nullptr, nullptr, nullptr},
    {},
};

#define COMMON_METHODS                                          \
    method_noargs("detach", buffered_detach),                   \
        method_noargs("close", buffered_close),                 \
        method_noargs("seekable", buffered_seekable),           \
        method_noargs("fileno", buffered_fileno),               \
        method_noargs("isatty", buffered_isatty),               \
        method_o("_dealloc_warn", buffered_dealloc_warn),       \
        method_fast("seek", buffered_seek),                     \
        method_noargs("tell", buffered_tell),                   \
        method_fast("truncate", buffered_truncate),             \
        method_noargs("__sizeof__", buffered_sizeof)

#define READ_METHODS                                            \
    method_noargs("readable", buffered_readable),               \
        method_fast("read", buffered_read),                     \
        method_fast("peek", buffered_peek),                     \
        method_fast("read1", buffered_read1),                   \
        method_o("readinto", buffered_readinto),                \
        method_o("readinto1", buffered_readinto1),              \
        method_fast("readline", buffered_readline)

MethodDef reader_methods[] = {COMMON_METHODS, READ_METHODS, method_noargs("flush", buffered_simple_flush), {}};
MethodDef writer_methods[] = {COMMON_METHODS, method_noargs("writable", buffered_writable),
                              method_o("write", buffered_write), method_noargs("flush", buffered_flush), {}};
MethodDef random_methods[] = {COMMON_METHODS, READ_METHODS, method_noargs("writable", buffered_writable),
                              method_o("write", buffered_write), method_noargs("flush", buffered_flush), {}};

TypeObject buffered_type(const char* name, const char* doc, MethodDef* methods, initproc init, bool iterates)
{
    TypeObject t = static_type(name, sizeof(BufferedObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, doc);
    t.tp_base = &BufferedIOBase_Type;
    t.tp_dealloc = buffered_dealloc;
    t.tp_repr = buffered_repr;
    t.tp_getattro = object_generic_get_attr;
    t.tp_setattro = object_generic_set_attr;
    t.tp_traverse = buffered_traverse;
    t.tp_clear = buffered_clear;
    if (iterates) t.tp_iternext = buffered_iternext;
    t.tp_methods = methods;
    t.tp_getset = buffered_getset;
    t.tp_init = init;
    t.tp_new = buffered_tp_new;
    return t;
}

// --- BufferedRWPair -------------------------------------------------------------

RWPairObject* RW(Object* op) { return static_cast<RWPairObject*>(op); }

Ref<> rwpair_tp_new(TypeObject* type, Object*, Object*) { return alloc_instance<RWPairObject>(type); }

int rwpair_init(Object* op, Object* args, Object* kwds)
{
    RWPairObject* self = RW(op);
    if (!check_no_kwargs("BufferedRWPair", kwds)) return -1;
    Py_ssize_t n = tuple_size(args);
    if (!check_positional_getargs("BufferedRWPair", n, 2, 3)) return -1;
    Object* reader = tuple_item(args, 0);
    Object* writer = tuple_item(args, 1);
    Ref<> size = n > 2 ? new_ref(tuple_item(args, 2)) : long_from_ssize_t(DEFAULT_BUFFER_SIZE);
    if (iobase_check_readable(reader) < 0 || iobase_check_writable(writer) < 0) return -1;
    Ref<> r = call_function_objargs(reinterpret_cast<Object*>(&BufferedReader_Type), {reader, size.get()});
    if (!r) return -1;
    Ref<> w = call_function_objargs(reinterpret_cast<Object*>(&BufferedWriter_Type), {writer, size.get()});
    if (!w) return -1;
    set_ref(self->reader, r.release());
    set_ref(self->writer, w.release());
    return 0;
}

void rwpair_dealloc(Object* op)
{
    if (!iobase_dealloc_start(op)) return;
    clear_ref(RW(op)->reader);
    clear_ref(RW(op)->writer);
    object_dealloc_memory(op);
}

int rwpair_traverse(Object* op, visitproc visit, void* arg)
{
    if (int r = visit_all({RW(op)->reader, RW(op)->writer}, visit, arg)) return r;
    return iobase_traverse_base(op, visit, arg);
}

int rwpair_clear(Object* op)
{
    clear_ref(RW(op)->reader);
    clear_ref(RW(op)->writer);
    iobase_clear_base(op);
    return 0;
}

Ref<> rw_forward(Object* target, const char* name, Object* const* args, Py_ssize_t nargs)
{
    if (!target) {
        set_error(Exc_ValueError, "I/O operation on uninitialized object");
        return nullptr;
    }
    Ref<> meth = object_get_attr(target, id(name));
    if (!meth) return nullptr;
    return object_vectorcall(meth.get(), args, static_cast<std::size_t>(nargs), nullptr);
}

Ref<> rwpair_read(Object* op, Object* const* a, Py_ssize_t n) { return rw_forward(RW(op)->reader, "read", a, n); }
Ref<> rwpair_peek(Object* op, Object* const* a, Py_ssize_t n) { return rw_forward(RW(op)->reader, "peek", a, n); }
Ref<> rwpair_read1(Object* op, Object* const* a, Py_ssize_t n) { return rw_forward(RW(op)->reader, "read1", a, n); }
Ref<> rwpair_readinto(Object* op, Object* const* a, Py_ssize_t n) { return rw_forward(RW(op)->reader, "readinto", a, n); }
Ref<> rwpair_readinto1(Object* op, Object* const* a, Py_ssize_t n) { return rw_forward(RW(op)->reader, "readinto1", a, n); }
Ref<> rwpair_write(Object* op, Object* const* a, Py_ssize_t n) { return rw_forward(RW(op)->writer, "write", a, n); }
Ref<> rwpair_flush(Object* op, Object*) { return rw_forward(RW(op)->writer, "flush", nullptr, 0); }
Ref<> rwpair_readable(Object* op, Object*) { return rw_forward(RW(op)->reader, "readable", nullptr, 0); }
Ref<> rwpair_writable(Object* op, Object*) { return rw_forward(RW(op)->writer, "writable", nullptr, 0); }

Ref<> rwpair_close(Object* op, Object*)
{
    Ref<> exc;
    Ref<> res = rw_forward(RW(op)->writer, "close", nullptr, 0);
    if (!res) exc = fetch_exception();
    res = rw_forward(RW(op)->reader, "close", nullptr, 0);
    if (exc) {
        chain_exceptions(std::move(exc));
        return nullptr;
    }
    return res;
}

Ref<> rwpair_isatty(Object* op, Object*)
{
    Ref<> res = rw_forward(RW(op)->writer, "isatty", nullptr, 0);
    if (!res || res.get() != Py_False()) return res;
    return rw_forward(RW(op)->reader, "isatty", nullptr, 0);
}

Ref<> rwpair_get_closed(Object* op, void*)
{
    if (!RW(op)->writer) {
        set_error(Exc_RuntimeError, "the BufferedRWPair object is being garbage-collected");
        return nullptr;
    }
    return object_get_attr(RW(op)->writer, id("closed"));
}

MethodDef rwpair_methods[] = {
    method_fast("read", rwpair_read),
    method_fast("peek", rwpair_peek),
    method_fast("read1", rwpair_read1),
    method_fast("readinto", rwpair_readinto),
    method_fast("readinto1", rwpair_readinto1),
    method_fast("write", rwpair_write),
    method_noargs("flush", rwpair_flush),
    method_noargs("readable", rwpair_readable),
    method_noargs("writable", rwpair_writable),
    method_noargs("close", rwpair_close),
    method_noargs("isatty", rwpair_isatty),
    {},
};

GetSetDef rwpair_getset[] = {
    {"closed", rwpair_get_closed, nullptr, nullptr, nullptr},
    {},
};

}  // namespace

TypeObject BufferedIOBase_Type = [] {
    TypeObject t = static_type("_io._BufferedIOBase", sizeof(IOBaseObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
                               "Base class for buffered IO objects.");
    t.tp_base = &IOBase_Type;
    t.tp_methods = bufferediobase_methods;
    return t;
}();

TypeObject BufferedReader_Type = buffered_type("_io.BufferedReader", "Create a new buffered reader using the given readable raw IO object.",
                                               reader_methods, reader_init, true);
TypeObject BufferedWriter_Type = buffered_type("_io.BufferedWriter", "A buffer for a writeable sequential RawIO object.",
                                               writer_methods, writer_init, false);
TypeObject BufferedRandom_Type = buffered_type("_io.BufferedRandom", "A buffered interface to random access streams.",
                                               random_methods, random_init, true);

TypeObject BufferedRWPair_Type = [] {
    TypeObject t = static_type("_io.BufferedRWPair", sizeof(RWPairObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
                               "A buffered reader and writer object together.");
    t.tp_base = &BufferedIOBase_Type;
    t.tp_dealloc = rwpair_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_setattro = object_generic_set_attr;
    t.tp_traverse = rwpair_traverse;
    t.tp_clear = rwpair_clear;
    t.tp_methods = rwpair_methods;
    t.tp_getset = rwpair_getset;
    t.tp_init = rwpair_init;
    t.tp_new = rwpair_tp_new;
    return t;
}();

}  // namespace minipy::modules::io
