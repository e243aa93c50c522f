// iobase.cpp: _io._IOBase and _io._RawIOBase, the roots of the io
// hierarchy: the closed flag, close()/flush(), the context manager and
// iterator protocols, readline/readlines/writelines written in terms of
// read/peek/write, and RawIOBase.read/readall written in terms of readinto.
// Mirrors CPython 3.11 Modules/_io/iobase.c. Book chapter 12.
#include <cstring>

#include "_iomodule.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/weakrefobject.h"
#include "../clinic_args.h"

namespace minipy::modules::io {

using namespace runtime;

namespace {

IOBaseObject* B(Object* op) { return static_cast<IOBaseObject*>(op); }

// The `closed` attribute, as a truth value: 1, 0 or -1.
int iobase_is_closed(Object* self)
{
    Ref<> res = object_get_attr(self, id("closed"));
    if (!res) return -1;
    return object_is_true(res.get());
}

}  // namespace

int iobase_check_closed(Object* self)
{
    int closed = iobase_is_closed(self);
    if (closed < 0) return -1;
    if (closed) {
        raise_closed();
        return -1;
    }
    return 0;
}

// _PyIOBase_check_readable and friends: self.readable() must be True,
// else io.UnsupportedOperation("File or stream is not readable.").
static int iobase_check_capability(Object* self, const char* method, const char* message)
{
    Ref<> res = call_method(self, method);
    if (!res) return -1;
    if (res.get() != Py_True()) {
        raise_unsupported(message);
        return -1;
    }
    return 0;
}

int iobase_check_readable(Object* self)
{
    return iobase_check_capability(self, "readable", "File or stream is not readable.");
}
int iobase_check_writable(Object* self)
{
    return iobase_check_capability(self, "writable", "File or stream is not writable.");
}
int iobase_check_seekable(Object* self)
{
    return iobase_check_capability(self, "seekable", "File or stream is not seekable.");
}

Ref<> iobase_get_dict(Object* self, void*)
{
    IOBaseObject* b = B(self);
    if (!b->dict) {
        Ref<> d = dict_new();
        if (!d) return nullptr;
        b->dict = d.release();
    }
    return new_ref(b->dict);
}

int iobase_set_dict(Object* self, Object* value, void*)
{
    if (!value || !dict_check(value)) {
        set_error(Exc_TypeError, value ? "__dict__ must be set to a dictionary" : "cannot delete __dict__");
        return -1;
    }
    set_ref(B(self)->dict, new_ref(value).release());
    return 0;
}

int iobase_traverse_base(Object* self, visitproc visit, void* arg) { return visit_all({B(self)->dict}, visit, arg); }

void iobase_clear_base(Object* self) { clear_ref(B(self)->dict); }

// sys.flags.dev_mode (-X dev, PYTHONDEVMODE).
static bool dev_mode()
{
    Object* sysdict = interpreter_get()->sysdict;
    Object* flags = sysdict ? dict_get_item_string(sysdict, "flags") : nullptr;
    Ref<> mode = flags ? object_get_attr_string(flags, "dev_mode") : nullptr;
    if (!mode) {
        error_clear();
        return false;
    }
    return object_is_true(mode.get()) == 1;
}

void iobase_finalize(Object* self)
{
    // Save the current exception: a finalizer must not clobber it.
    Ref<> saved = fetch_exception();
    // A `closed` that cannot be read means an unusable object (detached,
    // never initialized): leave it alone.
    int closed = iobase_is_closed(self);
    if (closed < 0) error_clear();
    if (closed == 0) {
        B(self)->finalizing = true;
        Ref<> res = call_method(self, "close");
        // CPython's release builds stay silent here (shutdown makes
        // spurious errors likely: sys.stdout on a full disk was already
        // reported by flush_std_files); -X dev reports them.
        if (!res) {
            if (dev_mode()) error_write_unraisable(self);
            else error_clear();
        }
    }
    restore_exception(std::move(saved));
}

bool iobase_dealloc_start(Object* self)
{
    if (object_call_finalizer_from_dealloc(self) < 0) return false;
    if (B(self)->weakreflist) object_clear_weakrefs(self);
    clear_ref(B(self)->dict);
    return true;
}

namespace {

void iobase_dealloc(Object* self)
{
    if (!iobase_dealloc_start(self)) return;
    object_dealloc_memory(self);
}

int iobase_traverse(Object* self, visitproc visit, void* arg) { return iobase_traverse_base(self, visit, arg); }
int iobase_clear(Object* self)
{
    iobase_clear_base(self);
    return 0;
}

Ref<> iobase_unsupported_seek(Object*, Object* const*, Py_ssize_t) { return raise_unsupported("seek"); }
Ref<> iobase_unsupported_truncate(Object*, Object* const*, Py_ssize_t) { return raise_unsupported("truncate"); }
Ref<> iobase_fileno(Object*, Object*) { return raise_unsupported("fileno"); }

Ref<> iobase_tell(Object* self, Object*)
{
    Ref<> zero = long_from_long(0), one = long_from_long(1);
    return call_method(self, "seek", {zero.get(), one.get()});
}

Ref<> iobase_flush(Object* self, Object*)
{
    // Only the flag: a subclass's flush() calls this through super() while
    // its own `closed` may already be True.
    if (B(self)->iobase_closed) return raise_closed();
    return none_ref();
}

Ref<> iobase_close(Object* self, Object*)
{
    // _IOBase's own flag, not the `closed` a subclass may define.
    if (B(self)->iobase_closed) return none_ref();
    Ref<> res = call_method(self, "flush");
    B(self)->iobase_closed = true;  // closed even when flush() failed
    if (!res) return nullptr;
    return none_ref();
}

Ref<> iobase_false(Object*, Object*) { return bool_from_long(0); }

Ref<> iobase_isatty(Object* self, Object*)
{
    if (iobase_check_closed(self) < 0) return nullptr;
    return bool_from_long(0);
}

Ref<> iobase_check_closed_meth(Object* self, Object* const*, Py_ssize_t)
{
    if (iobase_check_closed(self) < 0) return nullptr;
    return none_ref();
}
Ref<> iobase_check_readable_meth(Object* self, Object* const*, Py_ssize_t)
{
    if (iobase_check_readable(self) < 0) return nullptr;
    return bool_from_long(1);  // what readable() returned
}
Ref<> iobase_check_writable_meth(Object* self, Object* const*, Py_ssize_t)
{
    if (iobase_check_writable(self) < 0) return nullptr;
    return bool_from_long(1);  // what writable() returned
}
Ref<> iobase_check_seekable_meth(Object* self, Object* const*, Py_ssize_t)
{
    if (iobase_check_seekable(self) < 0) return nullptr;
    return bool_from_long(1);  // what seekable() returned
}

Ref<> iobase_enter(Object* self, Object*)
{
    if (iobase_check_closed(self) < 0) return nullptr;
    return new_ref(self);
}

Ref<> iobase_exit(Object* self, Object* const*, Py_ssize_t) { return call_method(self, "close"); }

Ref<> iobase_iter(Object* self)
{
    if (iobase_check_closed(self) < 0) return nullptr;
    return new_ref(self);
}

Ref<> iobase_iternext(Object* self)
{
    Ref<> line = call_method(self, "readline");
    if (!line) return nullptr;
    Py_ssize_t n = object_size(line.get());
    if (n < 0) return nullptr;
    if (n == 0) return nullptr;  // StopIteration
    return line;
}

// readline(size=-1): peek() (when the object has it) tells how far to read
// so that most lines come in one read() call.
Ref<> iobase_readline(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("readline", nargs, 0, 1)) return nullptr;
    Py_ssize_t limit = -1;
    if (nargs && !convert_optional_size(args[0], &limit)) return nullptr;
    Ref<> peek;
    if (object_lookup_attr(self, id("peek"), &peek) < 0) return nullptr;
    std::string res;
    while (limit < 0 || static_cast<Py_ssize_t>(res.size()) < limit) {
        Py_ssize_t nreadahead = 1;
        if (peek) {
            Ref<> one = long_from_long(1);
            Ref<> readahead = call_one_arg(peek.get(), one.get());
            if (!readahead) return nullptr;
            if (!bytes_check(readahead.get()))
                return format_error(Exc_OSError, "peek() should have returned a bytes object, not '%.200s'",
                                    Py_TYPE(readahead.get())->tp_name);
            std::string_view ra = bytes_view(readahead.get());
            if (!ra.empty()) {
                std::size_t n = 0;
                while (n < ra.size() && (limit < 0 || static_cast<Py_ssize_t>(res.size() + n) < limit))
                    if (ra[n++] == '\n') break;
                nreadahead = static_cast<Py_ssize_t>(n);
            }
        }
        Ref<> size = long_from_ssize_t(nreadahead);
        Ref<> b = call_method(self, "read", {size.get()});
        if (!b) return nullptr;
        if (b.get() == Py_None()) break;
        if (!bytes_check(b.get()))
            return format_error(Exc_OSError, "read() should have returned a bytes object, not '%.200s'",
                                Py_TYPE(b.get())->tp_name);
        if (bytes_size(b.get()) == 0) break;
        res.append(bytes_view(b.get()));
        if (res.back() == '\n') break;
    }
    return bytes_from_view(res);
}

Ref<> iobase_readlines(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("readlines", nargs, 0, 1)) return nullptr;
    Py_ssize_t hint = -1;
    if (nargs && !convert_optional_size(args[0], &hint)) return nullptr;
    Ref<> result = list_new(0);
    if (!result) return nullptr;
    if (hint <= 0) {
        if (list_extend(result.get(), self) < 0) return nullptr;
        return result;
    }
    Ref<> it = object_get_iter(self);
    if (!it) return nullptr;
    Py_ssize_t length = 0;
    for (;;) {
        Ref<> line = iter_next(it.get());
        if (!line) {
            if (error_occurred()) return nullptr;
            break;
        }
        if (list_append(result.get(), line.get()) < 0) return nullptr;
        Py_ssize_t n = object_size(line.get());
        if (n < 0) return nullptr;
        length += n;
        if (length > hint) break;
    }
    return result;
}

Ref<> iobase_writelines(Object* self, Object* lines)
{
    if (iobase_check_closed(self) < 0) return nullptr;
    Ref<> it = object_get_iter(lines);
    if (!it) return nullptr;
    for (;;) {
        Ref<> line = iter_next(it.get());
        if (!line) {
            if (error_occurred()) return nullptr;
            break;
        }
        Ref<> res = call_method(self, "write", {line.get()});
        if (!res) return nullptr;
    }
    return none_ref();
}

Ref<> iobase_closed_get(Object* self, void*) { return bool_from_long(B(self)->iobase_closed); }

MethodDef iobase_methods[] = {
    method_fast("seek", iobase_unsupported_seek),
    method_noargs("tell", iobase_tell),
    method_fast("truncate", iobase_unsupported_truncate),
    method_noargs("flush", iobase_flush),
    method_noargs("close", iobase_close),
    method_noargs("seekable", iobase_false),
    method_noargs("readable", iobase_false),
    method_noargs("writable", iobase_false),
    method_fast("_checkClosed", iobase_check_closed_meth),
    method_fast("_checkSeekable", iobase_check_seekable_meth),
    method_fast("_checkReadable", iobase_check_readable_meth),
    method_fast("_checkWritable", iobase_check_writable_meth),
    method_noargs("fileno", iobase_fileno),
    method_noargs("isatty", iobase_isatty),
    method_noargs("__enter__", iobase_enter),
    method_fast("__exit__", iobase_exit),
    method_fast("readline", iobase_readline),
    method_fast("readlines", iobase_readlines),
    method_o("writelines", iobase_writelines),
    {},
};

GetSetDef iobase_getset[] = {
    {"__dict__", iobase_get_dict, iobase_set_dict, nullptr, nullptr},
    {"closed", iobase_closed_get, nullptr, nullptr, nullptr},
    {},
};

// --- _RawIOBase -------------------------------------------------------------

Ref<> rawiobase_readall(Object* self, Object*)
{
    std::string data;
    bool got_any = false;
    for (;;) {
        Ref<> size = long_from_ssize_t(DEFAULT_BUFFER_SIZE);
        Ref<> chunk = call_method(self, "read", {size.get()});
        if (!chunk) return nullptr;
        if (chunk.get() == Py_None()) {
            if (!got_any) return chunk;  // non-blocking with nothing yet
            break;
        }
        if (!bytes_check(chunk.get())) return format_error(Exc_TypeError, "read() should return bytes");
        got_any = true;
        if (bytes_size(chunk.get()) == 0) break;
        data.append(bytes_view(chunk.get()));
    }
    return bytes_from_view(data);
}

Ref<> rawiobase_read(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("read", nargs, 0, 1)) return nullptr;
    Py_ssize_t n = -1;
    if (nargs && !convert_optional_size(args[0], &n)) return nullptr;
    if (n < 0) return call_method(self, "readall");
    Ref<> b = bytearray_from_view(std::string(static_cast<std::size_t>(n), '\0'));
    if (!b) return nullptr;
    Ref<> res = call_method(self, "readinto", {b.get()});
    if (!res) return nullptr;
    if (res.get() == Py_None()) return res;
    Py_ssize_t got = number_as_ssize_t(res.get(), Exc_ValueError);
    if (got == -1 && error_occurred()) return nullptr;
    std::string_view v = bytearray_view(b.get());
    if (got < 0 || got > static_cast<Py_ssize_t>(v.size()))
        return format_error(Exc_ValueError, "readinto returned %zd outside buffer size %zd", got, n);
    return bytes_from_view(v.substr(0, static_cast<std::size_t>(got)));
}

Ref<> rawiobase_not_implemented(Object*, Object*)
{
    set_error_none(Exc_NotImplementedError);
    return nullptr;
}

MethodDef rawiobase_methods[] = {
    method_fast("read", rawiobase_read),
    method_noargs("readall", rawiobase_readall),
    method_o("readinto", rawiobase_not_implemented),
    method_o("write", rawiobase_not_implemented),
    {},
};

}  // namespace

TypeObject IOBase_Type = [] {
    TypeObject t = static_type("_io._IOBase", sizeof(IOBaseObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
                               "The abstract base class for all I/O classes.");
    t.tp_dealloc = iobase_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_setattro = object_generic_set_attr;
    t.tp_traverse = iobase_traverse;
    t.tp_clear = iobase_clear;
    t.tp_iter = iobase_iter;
    t.tp_iternext = iobase_iternext;
    t.tp_methods = iobase_methods;
    t.tp_getset = iobase_getset;
    t.tp_dictoffset = static_cast<Py_ssize_t>(offsetof(IOBaseObject, dict));
    t.tp_weaklistoffset = static_cast<Py_ssize_t>(offsetof(IOBaseObject, weakreflist));
    t.tp_finalize = iobase_finalize;
    t.tp_new = [](TypeObject* type, Object*, Object*) -> Ref<> { return alloc_instance<Object>(type); };
    return t;
}();

TypeObject RawIOBase_Type = [] {
    TypeObject t = static_type("_io._RawIOBase", sizeof(IOBaseObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, "Base class for raw binary I/O.");
    t.tp_base = &IOBase_Type;
    t.tp_methods = rawiobase_methods;
    return t;
}();

}  // namespace minipy::modules::io
