// fileio.cpp: _io.FileIO, the raw layer over a POSIX file descriptor:
// open(2) with the flags of a mode string, read/readinto/readall/write as
// single system calls, seek/tell/truncate, and close() that gives the
// descriptor back when it owns it (closefd). Mirrors CPython 3.11
// Modules/_io/fileio.c. Book chapter 12.
//
// A read or write that would block on a non-blocking descriptor returns
// None (EAGAIN), as CPython's does. Reads, writes and open() release the
// GIL and retry after EINTR once the signal handlers ran (blocking_call).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "_iomodule.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/unicodeobject.h"
#include "../clinic_args.h"
#include "../posixmodule.h"

namespace minipy::modules::io {

using namespace runtime;

namespace {

// The result of a read(2)/write(2) made through blocking_call, as
// py_read/py_write return it.
Py_ssize_t fd_io_result(ssize_t n)
{
    if (n >= 0) return n;
    if (error_occurred()) return -1;  // a signal handler raised
    if (errno == EAGAIN) return -2;
    raise_errno(errno);
    return -1;
}

}  // namespace

Py_ssize_t py_read(int fd, void* buf, std::size_t count)
{
    return fd_io_result(blocking_call([&] { return ::read(fd, buf, count); }));
}

Py_ssize_t py_write(int fd, const void* buf, std::size_t count)
{
    return fd_io_result(blocking_call([&] { return ::write(fd, buf, count); }));
}

namespace {

FileIOObject* F(Object* op) { return static_cast<FileIOObject*>(op); }

// "I/O operation on closed file" (no final period: fileio.c's err_closed).
std::nullptr_t err_closed()
{
    set_error(Exc_ValueError, "I/O operation on closed file");
    return nullptr;
}

std::nullptr_t err_mode(const char* action)
{
    std::string msg = std::string("File not open for ") + action;
    return raise_unsupported(msg.c_str());
}

// Closes the descriptor if the object owns it; -1 with OSError.
int internal_close(FileIOObject* self)
{
    int fd = self->fd;
    self->fd = -1;
    if (fd >= 0 && self->closefd) {
        if (::close(fd) < 0) {
            raise_errno(errno);
            return -1;
        }
    }
    return 0;
}

Ref<> fileio_tp_new(TypeObject* type, Object*, Object*)
{
    Ref<FileIOObject> self = alloc_instance<FileIOObject>(type);
    if (!self) return nullptr;
    self->fd = -1;
    self->seekable = -1;
    self->closefd = true;
    self->blksize = 0;
    return self;
}

// FileIO(file, mode='r', closefd=True, opener=None)
int fileio_init(Object* op, Object* args, Object* kwds)
{
    FileIOObject* self = F(op);
    Object* a[4] = {};
    if (!parse_clinic_tuple_kw("FileIO", args, kwds, {"file", "mode", "closefd", "opener"}, 4, 1, a)) return -1;
    if (self->fd >= 0) {
        // __init__ called again: drop the old descriptor first.
        if (self->closefd) {
            if (internal_close(self) < 0) return -1;
        }
        else self->fd = -1;
    }
    Object* nameobj = a[0];
    const char* mode = "r";
    if (a[1]) {
        if (!unicode_check(a[1]))
            return format_error(Exc_TypeError, "FileIO() argument 'mode' must be str, not %.50s",
                                Py_TYPE(a[1])->tp_name),
                   -1;
        mode = unicode_as_utf8(a[1]);
        if (!mode) return -1;
    }
    int closefd = 1;
    if (a[2]) {
        closefd = object_is_true(a[2]);
        if (closefd < 0) return -1;
    }
    Object* opener = a[3] ? a[3] : Py_None();

    int fd = -1;
    Ref<> path;
    if (index_check(nameobj) && !unicode_check(nameobj) && !bytes_check(nameobj)) {
        long long v = long_as_long_long(nameobj);
        if (v == -1 && error_occurred()) return -1;
        if (v < 0) {
            set_error(Exc_ValueError, "negative file descriptor");
            return -1;
        }
        if (v > 0x7fffffff) {
            set_error(Exc_OverflowError, "fd is greater than maximum");
            return -1;
        }
        fd = static_cast<int>(v);
    }
    else {
        path = posix::fspath(nameobj);
        if (!path) return -1;
        std::string_view p = bytes_check(path.get()) ? bytes_view(path.get()) : std::string_view{};
        if (unicode_check(path.get())) {
            Py_ssize_t n = 0;
            const char* s = unicode_as_utf8(path.get(), &n);
            if (!s) return -1;
            p = std::string_view(s, static_cast<std::size_t>(n));
        }
        if (p.find('\0') != std::string_view::npos) {
            set_error(Exc_ValueError, "embedded null byte");
            return -1;
        }
    }

    bool rwa = false, plus = false;
    int flags = 0;
    self->readable = self->writable = self->appending = self->created = false;
    for (const char* s = mode; *s; s++) {
        bool bad = false;
        switch (*s) {
        case 'x':
            bad = rwa;
            rwa = self->created = self->writable = true;
            flags |= O_EXCL | O_CREAT;
            break;
        case 'r':
            bad = rwa;
            rwa = self->readable = true;
            break;
        case 'w':
            bad = rwa;
            rwa = self->writable = true;
            flags |= O_CREAT | O_TRUNC;
            break;
        case 'a':
            bad = rwa;
            rwa = self->writable = self->appending = true;
            flags |= O_APPEND | O_CREAT;
            break;
        case 'b': break;
        case '+':
            bad = plus;
            self->readable = self->writable = plus = true;
            break;
        default: format_error(Exc_ValueError, "invalid mode: %.200s", mode); return -1;
        }
        if (bad) {
            set_error(Exc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
            return -1;
        }
    }
    if (!rwa) {
        set_error(Exc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
        return -1;
    }
    flags |= self->readable && self->writable ? O_RDWR : self->readable ? O_RDONLY : O_WRONLY;
    flags |= O_CLOEXEC;

    bool opened_here = false;
    if (fd >= 0) {
        self->fd = fd;
        self->closefd = closefd != 0;
    }
    else {
        self->closefd = true;
        if (!closefd) {
            set_error(Exc_ValueError, "Cannot use closefd=False with file name");
            return -1;
        }
        if (opener == Py_None()) {
            const char* p = unicode_check(path.get()) ? unicode_as_utf8(path.get()) : bytes_as_string(path.get());
            self->fd = blocking_call([&] { return ::open(p, flags, 0666); });
            if (self->fd < 0) {
                if (!error_occurred()) raise_errno(errno, nameobj);
                return -1;
            }
        }
        else {
            Ref<> flags_obj = long_from_long(flags);
            Ref<> fdobj = call_function_objargs(opener, {nameobj, flags_obj.get()});
            if (!fdobj) return -1;
            if (!long_check(fdobj.get())) {
                set_error(Exc_TypeError, "expected integer from opener");
                return -1;
            }
            long long v = long_as_long_long(fdobj.get());
            if (v == -1 && error_occurred()) return -1;
            if (v < 0) {
                format_error(Exc_ValueError, "opener returned %d", static_cast<int>(v));
                return -1;
            }
            self->fd = static_cast<int>(v);
        }
        opened_here = true;
    }
    auto fail = [&]() {
        if (opened_here) {
            Ref<> exc = fetch_exception();
            ::close(self->fd);
            self->fd = -1;
            restore_exception(std::move(exc));
        }
        return -1;
    };

    self->blksize = DEFAULT_BUFFER_SIZE;
    struct stat st{};
    if (fstat(self->fd, &st) < 0) {
        // An invalid descriptor passed in is reported as EBADF.
        if (errno == EBADF) {
            raise_errno(errno);
            return fail();
        }
    }
    else {
        if (S_ISDIR(st.st_mode)) {
            raise_errno(EISDIR, nameobj);
            return fail();
        }
        if (st.st_blksize > 1) self->blksize = st.st_blksize;
    }
    if (object_set_attr(op, id("name"), nameobj) < 0) return fail();
    if (self->appending) {
        // For consistent behaviour, explicitly seek to the end of file (tell()).
        if (lseek(self->fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
            raise_errno(errno);
            return fail();
        }
    }
    return 0;
}

void fileio_dealloc(Object* op)
{
    if (!iobase_dealloc_start(op)) return;
    object_dealloc_memory(op);
}

int fileio_traverse(Object* op, visitproc visit, void* arg) { return iobase_traverse_base(op, visit, arg); }
int fileio_clear(Object* op)
{
    iobase_clear_base(op);
    return 0;
}

const char* mode_string(FileIOObject* self)
{
    if (self->created) return self->readable ? "xb+" : "xb";
    if (self->appending) return self->readable ? "ab+" : "ab";
    if (self->readable) return self->writable ? "rb+" : "rb";
    return "wb";
}

Ref<> fileio_close(Object* op, Object*)
{
    FileIOObject* self = F(op);
    // _RawIOBase.close(self): flush and the _IOBase flag.
    Ref<> res = call_method_kw(reinterpret_cast<Object*>(&RawIOBase_Type), "close", {op}, {});
    if (!self->closefd) {
        self->fd = -1;
        return res;
    }
    Ref<> exc;
    if (!res) exc = fetch_exception();
    int closed = internal_close(self);
    if (exc) {
        // the flush error, as the close error's context if both failed
        chain_exceptions(std::move(exc));
        return nullptr;
    }
    if (closed < 0) return nullptr;
    return none_ref();
}

Ref<> fileio_read_bytes(FileIOObject* self, Py_ssize_t size)
{
    Ref<> bytes = bytes_from_string_and_size(nullptr, size);
    if (!bytes) return nullptr;
    Py_ssize_t n = py_read(self->fd, bytes_as_string(bytes.get()), static_cast<std::size_t>(size));
    if (n == -2) return none_ref();
    if (n < 0) return nullptr;
    if (n != size) return bytes_from_string_and_size(bytes_as_string(bytes.get()), n);
    return bytes;
}

// readall's loop for streams of unknown size: reads until EOF, growing the
// buffer; data holds what was read already.
Ref<> fileio_readall_loop(FileIOObject* self, std::string data)
{
    std::size_t got = data.size();
    if (data.size() < 8192) data.resize(8192);
    for (;;) {
        if (got == data.size()) data.resize(data.size() + (data.size() >> 3) + 8192);
        Py_ssize_t n = py_read(self->fd, data.data() + got, data.size() - got);
        if (n == -2) {
            if (got) break;
            return none_ref();
        }
        if (n < 0) return nullptr;
        if (n == 0) break;
        got += static_cast<std::size_t>(n);
    }
    return bytes_from_string_and_size(data.data(), static_cast<Py_ssize_t>(got));
}

Ref<> fileio_readall(Object* op, Object*)
{
    FileIOObject* self = F(op);
    if (self->fd < 0) return err_closed();
    // A regular file's remaining size is read straight into the result;
    // one more read confirms the end (the file may have grown).
    struct stat st{};
    off_t pos = lseek(self->fd, 0, SEEK_CUR);
    if (fstat(self->fd, &st) == 0 && pos >= 0 && S_ISREG(st.st_mode) && st.st_size > pos) {
        Py_ssize_t want = static_cast<Py_ssize_t>(st.st_size - pos);
        Ref<> result = bytes_from_string_and_size(nullptr, want);
        if (!result) return nullptr;
        char* dest = bytes_as_string(result.get());
        Py_ssize_t got = 0;
        while (got < want) {
            Py_ssize_t n = py_read(self->fd, dest + got, static_cast<std::size_t>(want - got));
            if (n < 0) return n == -2 ? raise_errno(EAGAIN) : nullptr;  // EAGAIN: never on a regular file
            if (n == 0) break;
            got += n;
        }
        char probe;
        Py_ssize_t more = got == want ? py_read(self->fd, &probe, 1) : 0;
        if (more < 0) return more == -2 ? raise_errno(EAGAIN) : nullptr;
        if (more == 0 && got == want) return result;
        std::string data(dest, static_cast<std::size_t>(got));
        if (more > 0) data.push_back(probe);
        Ref<> rest = fileio_readall_loop(self, std::move(data));
        return rest;
    }
    return fileio_readall_loop(self, std::string());
}

Ref<> fileio_read(Object* op, Object* const* args, Py_ssize_t nargs)
{
    FileIOObject* self = F(op);
    if (self->fd < 0) return err_closed();
    if (!self->readable) return err_mode("reading");
    if (!check_positional("read", nargs, 0, 1)) return nullptr;
    Py_ssize_t size = -1;
    if (nargs && !convert_optional_size(args[0], &size)) return nullptr;
    if (size < 0) return fileio_readall(op, nullptr);
    return fileio_read_bytes(self, size);
}

Ref<> fileio_readinto(Object* op, Object* arg)
{
    FileIOObject* self = F(op);
    if (self->fd < 0) return err_closed();
    if (!self->readable) return err_mode("reading");
    Py_buffer view;
    if (object_get_buffer(arg, &view, PyBUF_WRITABLE) < 0) {
        if (error_matches(Exc_TypeError) || error_matches(Exc_BufferError)) {
            error_clear();
            return format_error(Exc_TypeError, "readinto() argument must be read-write bytes-like object, not %.50s",
                                Py_TYPE(arg)->tp_name);
        }
        return nullptr;
    }
    Py_ssize_t n = py_read(self->fd, view.buf, static_cast<std::size_t>(view.len));
    buffer_release(&view);
    if (n == -2) return none_ref();
    if (n < 0) return nullptr;
    return long_from_ssize_t(n);
}

Ref<> fileio_write(Object* op, Object* arg)
{
    FileIOObject* self = F(op);
    if (self->fd < 0) return err_closed();
    if (!self->writable) return err_mode("writing");
    Py_buffer view;
    if (object_get_buffer(arg, &view, PyBUF_SIMPLE) < 0) return nullptr;
    Py_ssize_t n = py_write(self->fd, view.buf, static_cast<std::size_t>(view.len));
    buffer_release(&view);
    if (n == -2) return none_ref();
    if (n < 0) return nullptr;
    return long_from_ssize_t(n);
}

Ref<> portable_lseek(FileIOObject* self, Object* posobj, int whence, bool suppress_pipe_error)
{
    off_t pos = 0;
    if (posobj) {
        if (!index_check(posobj)) {
            if (Py_TYPE(posobj)->tp_as_number && Py_TYPE(posobj)->tp_as_number->nb_float)
                return format_error(Exc_TypeError, "an integer is required");
            return format_error(Exc_TypeError, "an integer is required");
        }
        long long v = long_as_long_long(posobj);
        if (v == -1 && error_occurred()) return nullptr;
        pos = static_cast<off_t>(v);
    }
    off_t res = lseek(self->fd, pos, whence);
    if (self->seekable < 0) self->seekable = res >= 0;
    if (res < 0) {
        if (suppress_pipe_error && errno == ESPIPE) {
            error_clear();
            return none_ref();
        }
        return raise_errno(errno);
    }
    return long_from_long(static_cast<long long>(res));
}

Ref<> fileio_seek(Object* op, Object* const* args, Py_ssize_t nargs)
{
    FileIOObject* self = F(op);
    if (!check_positional("seek", nargs, 1, 2)) return nullptr;
    int whence = 0;
    if (nargs > 1) {
        long long w = long_as_long_long(args[1]);
        if (w == -1 && error_occurred()) return nullptr;
        whence = static_cast<int>(w);
    }
    if (self->fd < 0) return err_closed();
    return portable_lseek(self, args[0], whence, false);
}

Ref<> fileio_tell(Object* op, Object*)
{
    FileIOObject* self = F(op);
    if (self->fd < 0) return err_closed();
    return portable_lseek(self, nullptr, SEEK_CUR, false);
}

Ref<> fileio_truncate(Object* op, Object* const* args, Py_ssize_t nargs)
{
    FileIOObject* self = F(op);
    if (!check_positional("truncate", nargs, 0, 1)) return nullptr;
    if (self->fd < 0) return err_closed();
    if (!self->writable) return err_mode("writing");
    Ref<> posobj;
    if (nargs == 0 || args[0] == Py_None()) {
        posobj = portable_lseek(self, nullptr, SEEK_CUR, false);
        if (!posobj) return nullptr;
    }
    else posobj = new_ref(args[0]);
    long long pos = long_as_long_long(posobj.get());
    if (pos == -1 && error_occurred()) return nullptr;
    int r;
    do {
        r = ftruncate(self->fd, static_cast<off_t>(pos));
    } while (r < 0 && errno == EINTR);
    if (r < 0) return raise_errno(errno);
    return posobj;
}

Ref<> fileio_seekable(Object* op, Object*)
{
    FileIOObject* self = F(op);
    if (self->fd < 0) return err_closed();
    if (self->seekable < 0) {
        Ref<> pos = portable_lseek(self, nullptr, SEEK_CUR, true);
        if (!pos) return nullptr;
    }
    return bool_from_long(self->seekable);
}

Ref<> fileio_readable(Object* op, Object*)
{
    if (F(op)->fd < 0) return err_closed();
    return bool_from_long(F(op)->readable);
}

Ref<> fileio_writable(Object* op, Object*)
{
    if (F(op)->fd < 0) return err_closed();
    return bool_from_long(F(op)->writable);
}

Ref<> fileio_fileno(Object* op, Object*)
{
    if (F(op)->fd < 0) return err_closed();
    return long_from_long(F(op)->fd);
}

Ref<> fileio_isatty(Object* op, Object*)
{
    if (F(op)->fd < 0) return err_closed();
    return bool_from_long(::isatty(F(op)->fd));
}

// _dealloc_warn(source): the ResourceWarning of an unclosed file (ignored
// by default; minipy does not emit it).
Ref<> fileio_dealloc_warn(Object*, Object*) { return none_ref(); }

Ref<> fileio_repr(Object* op)
{
    FileIOObject* self = F(op);
    const char* tname = Py_TYPE(op)->tp_name;
    if (self->fd < 0) return unicode_from_format("<%s [closed]>", tname);
    Ref<> name;
    if (object_lookup_attr(op, id("name"), &name) < 0) return nullptr;
    const char* closefd = self->closefd ? "True" : "False";
    if (!name) return unicode_from_format("<%s fd=%d mode='%s' closefd=%s>", tname, self->fd, mode_string(self), closefd);
    int status = repr_enter(op);
    if (status != 0) {
        if (status > 0)
            format_error(Exc_RuntimeError, "reentrant call inside %s.__repr__", tname);
        return nullptr;
    }
    Ref<> res = unicode_from_format("<%s name=%R mode='%s' closefd=%s>", tname, name.get(), mode_string(self), closefd);
    repr_leave(op);
    return res;
}

Ref<> fileio_get_closed(Object* op, void*) { return bool_from_long(F(op)->fd < 0); }
Ref<> fileio_get_closefd(Object* op, void*) { return bool_from_long(F(op)->closefd); }
Ref<> fileio_get_mode(Object* op, void*) { return unicode_from_string(mode_string(F(op))); }
Ref<> fileio_get_blksize(Object* op, void*) { return long_from_ssize_t(F(op)->blksize); }
Ref<> fileio_get_finalizing(Object* op, void*) { return bool_from_long(F(op)->finalizing); }

MethodDef fileio_methods[] = {
    method_fast("read", fileio_read),
    method_noargs("readall", fileio_readall),
    method_o("readinto", fileio_readinto),
    method_o("write", fileio_write),
    method_fast("seek", fileio_seek),
    method_noargs("tell", fileio_tell),
    method_fast("truncate", fileio_truncate),
    method_noargs("close", fileio_close),
    method_noargs("seekable", fileio_seekable),
    method_noargs("readable", fileio_readable),
    method_noargs("writable", fileio_writable),
    method_noargs("fileno", fileio_fileno),
    method_noargs("isatty", fileio_isatty),
    method_o("_dealloc_warn", fileio_dealloc_warn),
    {},
};

GetSetDef fileio_getset[] = {
    {"closed", fileio_get_closed, nullptr, "True if the file is closed", nullptr},
    {"closefd", fileio_get_closefd, nullptr, "True if the file descriptor will be closed by close().", nullptr},
    {"mode", fileio_get_mode, nullptr, "String giving the file mode", nullptr},
    {"_blksize", fileio_get_blksize, nullptr, nullptr, nullptr},
    {"_finalizing", fileio_get_finalizing, nullptr, nullptr, nullptr},
    {},
};

}  // namespace

TypeObject FileIO_Type = [] {
    TypeObject t = static_type("_io.FileIO", sizeof(FileIOObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
                               "Open a file.");
    t.tp_base = &RawIOBase_Type;
    t.tp_dealloc = fileio_dealloc;
    t.tp_repr = fileio_repr;
    t.tp_getattro = object_generic_get_attr;
    t.tp_setattro = object_generic_set_attr;
    t.tp_traverse = fileio_traverse;
    t.tp_clear = fileio_clear;
    t.tp_methods = fileio_methods;
    t.tp_getset = fileio_getset;
    t.tp_init = fileio_init;
    t.tp_new = fileio_tp_new;
    return t;
}();

}  // namespace minipy::modules::io
