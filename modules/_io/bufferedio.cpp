// bufferedio.cpp: _io._BufferedIOBase and the buffered layer over a raw
// stream: BufferedReader, BufferedWriter, BufferedRandom, BufferedRWPair.
// Mirrors CPython 3.11 Modules/_io/bufferedio.c. Book chapter 12.
//
// Design notes
// ------------
// * A buffered object keeps two buffers: rbuf holds bytes read ahead from
//   raw, of which the caller has consumed the first rpos; wbuf holds bytes
//   written by the caller that raw has not seen yet. At most one of them
//   is non-empty: a write first gives back the unread part of rbuf (seeks
//   raw back over it), a read first flushes wbuf. So the logical position
//   is always raw.tell() - (len(rbuf) - rpos) + len(wbuf).
//   (CPython keeps one buffer with read and write windows; raw sees the
//   same sequence of positions and data.)
// * Raw reads go through raw.readinto() and writes through raw.write(),
//   as CPython's do, so a Python RawIOBase subclass that implements only
//   readinto/write works; an exact FileIO is read and written directly.
// * read(n) loops until n bytes or EOF (raw returned 0 bytes); read1()
//   and peek() make at most one raw call. A raw read returning None (no
//   data on a non-blocking stream) ends the read with what there is, or
//   None.
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
Ref<> bufferediobase_write(Object*, Object*) { return raise_unsupported("write"); }
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
    method_o("write", bufferediobase_write),
    {},
};

// --- Buffered objects -----------------------------------------------------------

BufferedObject* BO(Object* op) { return static_cast<BufferedObject*>(op); }

Py_ssize_t unread(BufferedObject* self) { return static_cast<Py_ssize_t>(self->rbuf->size()) - self->rpos; }

void reset_rbuf(BufferedObject* self)
{
    self->rbuf->clear();
    self->rpos = 0;
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

// buffered_closed: raw.closed (FileIO's flag read directly).
int raw_closed(BufferedObject* self)
{
    if (Py_TYPE(self->raw) == &FileIO_Type) return static_cast<FileIOObject*>(self->raw)->fd < 0;
    Ref<> res = object_get_attr(self->raw, id("closed"));
    if (!res) return -1;
    return object_is_true(res.get());
}

// CHECK_CLOSED(self, message): closed with nothing left to read.
int check_closed(BufferedObject* self, const char* message)
{
    int closed = raw_closed(self);
    if (closed < 0) return -1;
    if (closed && !(self->readable && unread(self) > 0)) {
        set_error(Exc_ValueError, message);
        return -1;
    }
    return 0;
}

// One raw read of up to n bytes appended to *out: the count, 0 at EOF, -2
// when raw returned None (would block), -1 on error.
Py_ssize_t raw_read(BufferedObject* self, Py_ssize_t n, std::string* out)
{
    if (Py_TYPE(self->raw) == &FileIO_Type) {
        auto* f = static_cast<FileIOObject*>(self->raw);
        if (f->fd >= 0 && f->readable) {
            std::size_t old = out->size();
            out->resize(old + static_cast<std::size_t>(n));
            ssize_t got;
            do {
                got = ::read(f->fd, out->data() + old, static_cast<std::size_t>(n));
            } while (got < 0 && errno == EINTR);
            if (got < 0) {
                int err = errno;
                out->resize(old);
                if (err == EAGAIN) return -2;
                raise_errno(err);
                return -1;
            }
            out->resize(old + static_cast<std::size_t>(got));
            return got;
        }
    }
    Ref<> b = bytearray_from_view(std::string(static_cast<std::size_t>(n), '\0'));
    if (!b) return -1;
    Ref<> res = call_method(self->raw, "readinto", {b.get()});
    if (!res) return -1;
    if (res.get() == Py_None()) return -2;
    Py_ssize_t got = number_as_ssize_t(res.get(), Exc_ValueError);
    if (got == -1 && error_occurred()) return -1;
    if (got < 0 || got > n) {
        format_error(Exc_OSError, "raw readinto() returned invalid length %zd (should have been between 0 and %zd)",
                     got, n);
        return -1;
    }
    out->append(bytearray_view(b.get()).substr(0, static_cast<std::size_t>(got)));
    return got;
}

// Gives data to raw.write() until all of it is written: 0 or -1.
int raw_write_all(BufferedObject* self, std::string_view data)
{
    while (!data.empty()) {
        Py_ssize_t n;
        if (Py_TYPE(self->raw) == &FileIO_Type && static_cast<FileIOObject*>(self->raw)->fd >= 0 &&
            static_cast<FileIOObject*>(self->raw)->writable) {
            ssize_t w;
            do {
                w = ::write(static_cast<FileIOObject*>(self->raw)->fd, data.data(), data.size());
            } while (w < 0 && errno == EINTR);
            if (w < 0) {
                raise_errno(errno);
                return -1;
            }
            n = w;
        }
        else {
            Ref<> chunk = bytes_from_view(data);
            if (!chunk) return -1;
            Ref<> res = call_method(self->raw, "write", {chunk.get()});
            if (!res) return -1;
            if (res.get() == Py_None()) {
                set_error(Exc_BlockingIOError, "write could not complete without blocking");
                return -1;
            }
            n = number_as_ssize_t(res.get(), Exc_ValueError);
            if (n == -1 && error_occurred()) return -1;
            if (n < 0 || n > static_cast<Py_ssize_t>(data.size())) {
                format_error(Exc_OSError, "raw write() returned invalid length %zd (should have been between 0 and %zd)",
                             n, static_cast<Py_ssize_t>(data.size()));
                return -1;
            }
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return 0;
}

// raw.seek(target, whence): the new position, or -1 with an error.
long long raw_seek(BufferedObject* self, long long target, int whence)
{
    Ref<> t = long_from_long(target), w = long_from_long(whence);
    Ref<> res = call_method(self->raw, "seek", {t.get(), w.get()});
    if (!res) return -1;
    long long pos = long_as_long_long(res.get());
    if (pos == -1 && error_occurred()) return -1;
    if (pos < 0) {
        format_error(Exc_OSError, "Raw stream returned invalid position %lld", pos);
        return -1;
    }
    return pos;
}

long long raw_tell(BufferedObject* self)
{
    Ref<> res = call_method(self->raw, "tell");
    if (!res) return -1;
    long long pos = long_as_long_long(res.get());
    if (pos == -1 && error_occurred()) return -1;
    if (pos < 0) {
        format_error(Exc_OSError, "Raw stream returned invalid position %lld", pos);
        return -1;
    }
    return pos;
}

// Writes wbuf out: 0 or -1.
int flush_wbuf(BufferedObject* self)
{
    if (self->wbuf->empty()) return 0;
    std::string data;
    data.swap(*self->wbuf);
    if (raw_write_all(self, data) < 0) {
        // Keep what raw did not take? CPython keeps the unwritten bytes; the
        // common cases (closed pipe, full disk) raise and lose them anyway.
        return -1;
    }
    return 0;
}

// Before a write: gives the unread part of rbuf back to raw (seeks raw
// back over it) so that raw's position is the logical one.
int rewind_rbuf(BufferedObject* self)
{
    Py_ssize_t n = unread(self);
    if (n > 0 && raw_seek(self, -n, 1) < 0) return -1;
    reset_rbuf(self);
    return 0;
}

Ref<> buffered_tp_new(TypeObject* type, Object*, Object*)
{
    Ref<BufferedObject> self = alloc_instance<BufferedObject>(type);
    if (!self) return nullptr;
    self->rbuf = new std::string();
    self->wbuf = new std::string();
    return self;
}

void buffered_dealloc(Object* op)
{
    if (!iobase_dealloc_start(op)) return;
    BufferedObject* self = BO(op);
    clear_ref(self->raw);
    delete self->rbuf;
    delete self->wbuf;
    self->rbuf = self->wbuf = nullptr;
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
    if (size <= 0) {
        set_error(Exc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    set_ref(self->raw, new_ref(raw).release());
    self->buffer_size = size;
    self->readable = readable;
    self->writable = writable;
    reset_rbuf(self);
    self->wbuf->clear();
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

// The size argument of read/read1/peek/readline: None or an int.
bool size_arg(const char* fname, Object* const* args, Py_ssize_t nargs, Py_ssize_t* size)
{
    if (!check_positional(fname, nargs, 0, 1)) return false;
    if (nargs) return convert_optional_size(args[0], size);
    return true;
}

// Everything to EOF (read() / read(-1)).
Ref<> read_all(BufferedObject* self)
{
    std::string data = self->rbuf->substr(static_cast<std::size_t>(self->rpos));
    reset_rbuf(self);
    if (Py_TYPE(self->raw) != &FileIO_Type) {
        Ref<> readall;
        if (object_lookup_attr(self->raw, id("readall"), &readall) < 0) return nullptr;
        if (readall) {
            Ref<> tmp = call_no_args(readall.get());
            if (!tmp) return nullptr;
            if (tmp.get() != Py_None() && !bytes_check(tmp.get()))
                return format_error(Exc_TypeError, "readall() should return bytes");
            if (tmp.get() == Py_None()) {
                if (data.empty()) return tmp;
                return bytes_from_view(data);
            }
            data.append(bytes_view(tmp.get()));
            return bytes_from_view(data);
        }
    }
    for (;;) {
        Py_ssize_t n = raw_read(self, std::max<Py_ssize_t>(self->buffer_size, 64 * 1024), &data);
        if (n == -1) return nullptr;
        if (n == -2) {
            if (data.empty()) return none_ref();
            break;
        }
        if (n == 0) break;
    }
    return bytes_from_view(data);
}

Ref<> buffered_read(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BufferedObject* self = BO(op);
    Py_ssize_t n = -1;
    if (!size_arg("read", args, nargs, &n)) return nullptr;
    if (check_initialized(self) < 0) return nullptr;
    if (n < -1) return format_error(Exc_ValueError, "read length must be non-negative or -1");
    if (check_closed(self, "read of closed file") < 0) return nullptr;
    if (flush_wbuf(self) < 0) return nullptr;
    if (n == -1) return read_all(self);
    Py_ssize_t have = unread(self);
    if (n <= have) {
        Ref<> res = bytes_from_string_and_size(self->rbuf->data() + self->rpos, n);
        self->rpos += n;
        return res;
    }
    std::string data = self->rbuf->substr(static_cast<std::size_t>(self->rpos));
    reset_rbuf(self);
    while (static_cast<Py_ssize_t>(data.size()) < n) {
        Py_ssize_t want = n - static_cast<Py_ssize_t>(data.size());
        // Large remainders go straight into the result; a small one reads a
        // whole buffer and keeps the rest for later.
        if (want >= self->buffer_size) {
            Py_ssize_t r = raw_read(self, want - want % self->buffer_size, &data);
            if (r == -1) return nullptr;
            if (r == -2) {
                if (data.empty()) return none_ref();
                break;
            }
            if (r == 0) break;
            continue;
        }
        Py_ssize_t r = raw_read(self, self->buffer_size, self->rbuf);
        if (r == -1) return nullptr;
        if (r == -2) {
            if (data.empty()) return none_ref();
            break;
        }
        if (r == 0) break;
        Py_ssize_t take = std::min(want, r);
        data.append(*self->rbuf, 0, static_cast<std::size_t>(take));
        self->rpos = take;
    }
    return bytes_from_view(data);
}

Ref<> buffered_read1(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BufferedObject* self = BO(op);
    Py_ssize_t n = -1;
    if (!size_arg("read1", args, nargs, &n)) return nullptr;
    if (check_initialized(self) < 0) return nullptr;
    if (n < 0) n = self->buffer_size;
    if (check_closed(self, "read of closed file") < 0) return nullptr;
    if (n == 0) return bytes_from_view("");
    if (flush_wbuf(self) < 0) return nullptr;
    Py_ssize_t have = unread(self);
    if (have > 0) {
        Py_ssize_t take = std::min(n, have);
        Ref<> res = bytes_from_string_and_size(self->rbuf->data() + self->rpos, take);
        self->rpos += take;
        return res;
    }
    reset_rbuf(self);
    if (n > self->buffer_size) {
        std::string data;
        Py_ssize_t r = raw_read(self, n, &data);
        if (r == -1) return nullptr;
        if (r == -2) return none_ref();
        return bytes_from_view(data);
    }
    Py_ssize_t r = raw_read(self, self->buffer_size, self->rbuf);
    if (r == -1) return nullptr;
    if (r == -2) return none_ref();
    Py_ssize_t take = std::min(n, r);
    Ref<> res = bytes_from_string_and_size(self->rbuf->data(), take);
    self->rpos = take;
    return res;
}

Ref<> buffered_peek(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BufferedObject* self = BO(op);
    if (!check_positional("peek", nargs, 0, 1)) return nullptr;
    if (nargs && !index_check(args[0]))
        return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                            Py_TYPE(args[0])->tp_name);
    if (check_initialized(self) < 0) return nullptr;
    if (check_closed(self, "peek of closed file") < 0) return nullptr;
    if (flush_wbuf(self) < 0) return nullptr;
    if (unread(self) == 0) {
        reset_rbuf(self);
        Py_ssize_t r = raw_read(self, self->buffer_size, self->rbuf);
        if (r == -1) return nullptr;
    }
    return bytes_from_string_and_size(self->rbuf->data() + self->rpos, unread(self));
}

Ref<> buffered_readinto_impl(Object* op, Object* arg, bool one, const char* closed_msg)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    Py_buffer view;
    if (object_get_buffer(arg, &view, PyBUF_WRITABLE) < 0) return nullptr;
    if (check_closed(self, closed_msg) < 0) {
        buffer_release(&view);
        return nullptr;
    }
    Ref<> len = long_from_ssize_t(view.len);
    Object* call_args[1] = {len.get()};
    Ref<> data = one ? buffered_read1(op, call_args, 1) : buffered_read(op, call_args, 1);
    if (!data || data.get() == Py_None()) {
        buffer_release(&view);
        return data;
    }
    Py_ssize_t n = bytes_size(data.get());
    std::memcpy(view.buf, bytes_as_string(data.get()), static_cast<std::size_t>(n));
    buffer_release(&view);
    return long_from_ssize_t(n);
}

Ref<> buffered_readinto(Object* op, Object* arg) { return buffered_readinto_impl(op, arg, false, "readinto of closed file"); }
Ref<> buffered_readinto1(Object* op, Object* arg) { return buffered_readinto_impl(op, arg, true, "readinto of closed file"); }

Ref<> readline_impl(BufferedObject* self, Py_ssize_t limit)
{
    if (check_closed(self, "readline of closed file") < 0) return nullptr;
    if (flush_wbuf(self) < 0) return nullptr;
    std::string line;
    for (;;) {
        Py_ssize_t have = unread(self);
        Py_ssize_t room = limit < 0 ? have : std::min(have, limit - static_cast<Py_ssize_t>(line.size()));
        const char* start = self->rbuf->data() + self->rpos;
        const void* nl = room > 0 ? std::memchr(start, '\n', static_cast<std::size_t>(room)) : nullptr;
        if (nl) {
            Py_ssize_t take = static_cast<const char*>(nl) - start + 1;
            line.append(start, static_cast<std::size_t>(take));
            self->rpos += take;
            break;
        }
        line.append(start, static_cast<std::size_t>(room));
        self->rpos += room;
        if (limit >= 0 && static_cast<Py_ssize_t>(line.size()) >= limit) break;
        reset_rbuf(self);
        Py_ssize_t r = raw_read(self, self->buffer_size, self->rbuf);
        if (r == -1) return nullptr;
        if (r <= 0) break;
    }
    return bytes_from_view(line);
}

Ref<> buffered_readline(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BufferedObject* self = BO(op);
    Py_ssize_t limit = -1;
    if (!size_arg("readline", args, nargs, &limit)) return nullptr;
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

Ref<> buffered_write(Object* op, Object* arg)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    Py_buffer view;
    if (object_get_buffer(arg, &view, PyBUF_SIMPLE) < 0) return nullptr;
    std::string_view data(static_cast<const char*>(view.buf), static_cast<std::size_t>(view.len));
    int closed = raw_closed(self);
    if (closed != 0) {
        buffer_release(&view);
        if (closed > 0) set_error(Exc_ValueError, "write to closed file");
        return nullptr;
    }
    if (self->readable && unread(self) > 0 && rewind_rbuf(self) < 0) {
        buffer_release(&view);
        return nullptr;
    }
    reset_rbuf(self);
    self->wbuf->append(data);
    buffer_release(&view);
    if (static_cast<Py_ssize_t>(self->wbuf->size()) >= self->buffer_size && flush_wbuf(self) < 0) return nullptr;
    return long_from_ssize_t(static_cast<Py_ssize_t>(data.size()));
}

// flush(): wbuf to raw; a BufferedRandom also gives back its read-ahead.
int flush_and_rewind(BufferedObject* self)
{
    if (flush_wbuf(self) < 0) return -1;
    if (self->readable && unread(self) > 0) return rewind_rbuf(self);
    return 0;
}

Ref<> buffered_flush(Object* op, Object*)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    int closed = raw_closed(self);
    if (closed < 0) return nullptr;
    if (closed && self->writable) return format_error(Exc_ValueError, "flush of closed file");
    if (closed) {
        // A reader over a closed raw: CPython checks the same way.
        return format_error(Exc_ValueError, "flush of closed file");
    }
    if (self->writable && flush_and_rewind(self) < 0) return nullptr;
    return none_ref();
}

Ref<> buffered_close(Object* op, Object*)
{
    BufferedObject* self = BO(op);
    if (check_initialized(self) < 0) return nullptr;
    int closed = raw_closed(self);
    if (closed < 0) return nullptr;
    if (closed) return none_ref();
    Ref<> exc;
    Ref<> res = buffered_flush(op, nullptr);
    if (!res) exc = fetch_exception();
    res = call_method(self->raw, "close");
    reset_rbuf(self);
    self->wbuf->clear();
    if (exc) {
        if (!res) {
            Ref<> err = fetch_exception();
            exception_set_context(err.get(), std::move(exc));
            restore_exception(std::move(err));
        }
        else restore_exception(std::move(exc));
        return nullptr;
    }
    return res ? none_ref() : nullptr;
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
    if (pos < 0) return nullptr;
    pos -= unread(self);
    pos += static_cast<long long>(self->wbuf->size());
    if (pos < 0) pos = 0;  // as CPython: "invalid position" cannot happen here
    return long_from_long(pos);
}

Ref<> buffered_seek(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BufferedObject* self = BO(op);
    if (!check_positional("seek", nargs, 1, 2)) return nullptr;
    if (check_initialized(self) < 0) return nullptr;
    Object* targetobj = args[0];
    if (!index_check(targetobj))
        return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                            Py_TYPE(targetobj)->tp_name);
    int whence = 0;
    if (nargs > 1) {
        long long w = long_as_long_long(args[1]);
        if (w == -1 && error_occurred()) return nullptr;
        whence = static_cast<int>(w);
    }
    if (whence < 0 || whence > 2)  // SEEK_HOLE/SEEK_DATA are not supported here
        return format_error(Exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
    if (check_closed(self, "seek of closed file") < 0) return nullptr;
    if (iobase_check_seekable(self->raw) < 0) return nullptr;
    Ref<> tobj = number_index(targetobj);
    if (!tobj) return nullptr;
    long long target = long_as_long_long(tobj.get());
    if (target == -1 && error_occurred()) return nullptr;
    // A seek inside the read-ahead only moves rpos.
    if ((whence == 0 || whence == 1) && self->wbuf->empty() && !self->rbuf->empty()) {
        long long raw_pos = raw_tell(self);
        if (raw_pos < 0) return nullptr;
        long long buf_start = raw_pos - static_cast<long long>(self->rbuf->size());
        long long current = raw_pos - unread(self);
        long long want = whence == 0 ? target : current + target;
        if (want >= buf_start && want <= raw_pos) {
            self->rpos = static_cast<Py_ssize_t>(want - buf_start);
            return long_from_long(want);
        }
    }
    if (flush_wbuf(self) < 0) return nullptr;
    if (whence == 1) target -= unread(self);
    reset_rbuf(self);
    long long pos = raw_seek(self, target, whence);
    if (pos < 0) return nullptr;
    return long_from_long(pos);
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
    return call_method(self->raw, "truncate", {pos});
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
        method_noargs("flush", buffered_flush),                 \
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

MethodDef reader_methods[] = {COMMON_METHODS, READ_METHODS, {}};
MethodDef writer_methods[] = {COMMON_METHODS, method_noargs("writable", buffered_writable),
                              method_o("write", buffered_write), {}};
MethodDef random_methods[] = {COMMON_METHODS, READ_METHODS, method_noargs("writable", buffered_writable),
                              method_o("write", buffered_write), {}};

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
Ref<> rwpair_readinto(Object* op, Object* arg) { return rw_forward(RW(op)->reader, "readinto", &arg, 1); }
Ref<> rwpair_readinto1(Object* op, Object* arg) { return rw_forward(RW(op)->reader, "readinto1", &arg, 1); }
Ref<> rwpair_write(Object* op, Object* arg) { return rw_forward(RW(op)->writer, "write", &arg, 1); }
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
        if (!res) {
            Ref<> err = fetch_exception();
            exception_set_context(err.get(), std::move(exc));
            restore_exception(std::move(err));
        }
        else restore_exception(std::move(exc));
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
    method_o("readinto", rwpair_readinto),
    method_o("readinto1", rwpair_readinto1),
    method_o("write", rwpair_write),
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
