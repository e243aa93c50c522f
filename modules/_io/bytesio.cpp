// bytesio.cpp: _io.BytesIO, a binary stream over an in-memory buffer, and
// _io._BytesIOBuffer, the exporter behind getbuffer()'s memoryview. Mirrors
// CPython 3.11 Modules/_io/bytesio.c. Book chapter 12.
//
// Invariant: while a getbuffer() view is alive (exports > 0) the buffer
// never moves or changes size: write(), truncate(), close() and
// __init__() refuse with BufferError, as CPython's check_exports does.
#include <cstring>
#include <string>

#include "_iomodule.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/tupleobject.h"
#include "../clinic_args.h"

namespace minipy::modules::io {

using namespace runtime;

namespace {

BytesIOObject* BIO(Object* op) { return static_cast<BytesIOObject*>(op); }

// _BytesIOBuffer: the exporter of getbuffer()'s memoryview.
struct BytesIOBufferObject : Object {
    Object* source;  // the BytesIO
};

bool check_closed(BytesIOObject* self)
{
    if (self->closed) {
        raise_closed();
        return false;
    }
    return true;
}

bool check_exports(BytesIOObject* self)
{
    if (self->exports > 0) {
        set_error(Exc_BufferError, "Existing exports of data: object cannot be re-sized");
        return false;
    }
    return true;
}

Py_ssize_t buf_size(BytesIOObject* self) { return static_cast<Py_ssize_t>(self->buf->size()); }

Ref<> bytesio_tp_new(TypeObject* type, Object*, Object*)
{
    Ref<BytesIOObject> self = alloc_instance<BytesIOObject>(type);
    if (!self) return nullptr;
    self->buf = new std::string();
    return self;
}

int bytesio_init(Object* op, Object* args, Object* kwds)
{
    BytesIOObject* self = BIO(op);
    Object* a[1] = {};
    if (!parse_clinic_tuple_kw("BytesIO", args, kwds, {"initial_bytes"}, 1, 0, a)) return -1;
    if (!check_exports(self)) return -1;
    std::string data;
    if (a[0] && a[0] != Py_None() && !get_bytes_like(a[0], &data)) return -1;
    *self->buf = std::move(data);
    self->pos = 0;
    self->closed = false;
    return 0;
}

void bytesio_dealloc(Object* op)
{
    if (!iobase_dealloc_start(op)) return;
    delete BIO(op)->buf;
    BIO(op)->buf = nullptr;
    object_dealloc_memory(op);
}

int bytesio_traverse(Object* op, visitproc visit, void* arg) { return iobase_traverse_base(op, visit, arg); }
int bytesio_clear(Object* op)
{
    iobase_clear_base(op);
    return 0;
}

// The next line from pos (with its '\n'), at most size bytes when size >= 0.
std::string_view scan_eol(BytesIOObject* self, Py_ssize_t size)
{
    Py_ssize_t len = buf_size(self) - self->pos;
    if (len <= 0) return {};
    if (size >= 0 && size < len) len = size;
    const char* start = self->buf->data() + self->pos;
    const void* nl = std::memchr(start, '\n', static_cast<std::size_t>(len));
    if (nl) len = static_cast<const char*>(nl) - start + 1;
    return {start, static_cast<std::size_t>(len)};
}

Ref<> bytesio_read(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BytesIOObject* self = BIO(op);
    if (!check_positional("read", nargs, 0, 1)) return nullptr;
    Py_ssize_t size = -1;
    if (nargs && !convert_optional_size(args[0], &size)) return nullptr;
    if (!check_closed(self)) return nullptr;
    Py_ssize_t n = buf_size(self) - self->pos;
    if (size < 0 || size > n) size = n < 0 ? 0 : n;
    Ref<> res = bytes_from_string_and_size(self->buf->data() + (n > 0 ? self->pos : 0), size);
    self->pos += size;
    return res;
}

Ref<> bytesio_readline(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BytesIOObject* self = BIO(op);
    if (!check_positional("readline", nargs, 0, 1)) return nullptr;
    Py_ssize_t size = -1;
    if (nargs && !convert_optional_size(args[0], &size)) return nullptr;
    if (!check_closed(self)) return nullptr;
    std::string_view line = scan_eol(self, size);
    self->pos += static_cast<Py_ssize_t>(line.size());
    return bytes_from_view(line);
}

Ref<> bytesio_readlines(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BytesIOObject* self = BIO(op);
    if (!check_positional("readlines", nargs, 0, 1)) return nullptr;
    Py_ssize_t maxsize = 0;
    if (nargs && args[0] != Py_None()) {
        if (!index_check(args[0]))
            return format_error(Exc_TypeError, "integer argument expected, got '%s'", Py_TYPE(args[0])->tp_name);
        maxsize = number_as_ssize_t(args[0], Exc_OverflowError);
        if (maxsize == -1 && error_occurred()) return nullptr;
    }
    if (!check_closed(self)) return nullptr;
    Ref<> result = list_new(0);
    if (!result) return nullptr;
    Py_ssize_t total = 0;
    for (;;) {
        std::string_view line = scan_eol(self, -1);
        if (line.empty()) break;
        self->pos += static_cast<Py_ssize_t>(line.size());
        Ref<> b = bytes_from_view(line);
        if (!b || list_append(result.get(), b.get()) < 0) return nullptr;
        total += static_cast<Py_ssize_t>(line.size());
        if (maxsize > 0 && total >= maxsize) break;
    }
    return result;
}

Ref<> bytesio_readinto(Object* op, Object* arg)
{
    BytesIOObject* self = BIO(op);
    Py_buffer view;
    if (object_get_buffer(arg, &view, PyBUF_WRITABLE) < 0) return nullptr;
    if (!check_closed(self)) {
        buffer_release(&view);
        return nullptr;
    }
    Py_ssize_t n = buf_size(self) - self->pos;
    if (n < 0) n = 0;
    if (n > view.len) n = view.len;
    if (n) std::memcpy(view.buf, self->buf->data() + self->pos, static_cast<std::size_t>(n));
    self->pos += n;
    buffer_release(&view);
    return long_from_ssize_t(n);
}

Ref<> bytesio_write(Object* op, Object* arg)
{
    BytesIOObject* self = BIO(op);
    if (!check_closed(self) || !check_exports(self)) return nullptr;
    std::string data;
    if (!get_bytes_like(arg, &data)) return nullptr;
    Py_ssize_t n = static_cast<Py_ssize_t>(data.size());
    if (n == 0) return long_from_ssize_t(0);
    Py_ssize_t end = self->pos + n;
    if (end > buf_size(self)) self->buf->resize(static_cast<std::size_t>(end), '\0');  // pads a gap with zeros
    std::memcpy(self->buf->data() + self->pos, data.data(), data.size());
    self->pos = end;
    return long_from_ssize_t(n);
}

Ref<> bytesio_writelines(Object* op, Object* lines)
{
    BytesIOObject* self = BIO(op);
    if (!check_closed(self)) return nullptr;
    Ref<> it = object_get_iter(lines);
    if (!it) return nullptr;
    for (;;) {
        Ref<> line = iter_next(it.get());
        if (!line) break;
        if (!bytesio_write(op, line.get())) return nullptr;
    }
    if (error_occurred()) return nullptr;
    return none_ref();
}

Ref<> bytesio_seek(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BytesIOObject* self = BIO(op);
    Py_ssize_t pos;
    int whence;
    if (!seek_args(args, nargs, &pos, &whence)) return nullptr;
    if (!check_closed(self)) return nullptr;
    if (pos < 0 && whence == 0) return format_error(Exc_ValueError, "negative seek value %zd", pos);
    if (whence == 1) pos += self->pos;
    else if (whence == 2) pos += buf_size(self);
    else if (whence != 0) return format_error(Exc_ValueError, "invalid whence (%i, should be 0, 1 or 2)", whence);
    if (pos < 0) pos = 0;
    self->pos = pos;
    return long_from_ssize_t(pos);
}

Ref<> bytesio_tell(Object* op, Object*)
{
    if (!check_closed(BIO(op))) return nullptr;
    return long_from_ssize_t(BIO(op)->pos);
}

Ref<> bytesio_truncate(Object* op, Object* const* args, Py_ssize_t nargs)
{
    BytesIOObject* self = BIO(op);
    if (!check_positional("truncate", nargs, 0, 1)) return nullptr;
    Py_ssize_t size = self->pos;
    if (nargs && args[0] != Py_None()) {
        if (!convert_optional_size(args[0], &size)) return nullptr;
    }
    if (!check_closed(self) || !check_exports(self)) return nullptr;
    if (size < 0) return format_error(Exc_ValueError, "negative size value %zd", size);
    if (size < buf_size(self)) self->buf->resize(static_cast<std::size_t>(size));
    return long_from_ssize_t(size);
}

Ref<> bytesio_getvalue(Object* op, Object*)
{
    if (!check_closed(BIO(op))) return nullptr;
    return bytes_from_view(*BIO(op)->buf);
}

Ref<> bytesio_getbuffer(Object* op, Object*)
{
    if (!check_closed(BIO(op))) return nullptr;
    Ref<> exporter = alloc_instance<Object>(&BytesIOBuffer_Type);
    if (!exporter) return nullptr;
    static_cast<BytesIOBufferObject*>(exporter.get())->source = new_ref(op).release();
    return memoryview_from_object(exporter.get());
}

Ref<> bytesio_true_if_open(Object* op, Object*)
{
    if (!check_closed(BIO(op))) return nullptr;
    return bool_from_long(1);
}

Ref<> bytesio_isatty(Object* op, Object*)
{
    if (!check_closed(BIO(op))) return nullptr;
    return bool_from_long(0);
}

Ref<> bytesio_flush(Object* op, Object*)
{
    if (!check_closed(BIO(op))) return nullptr;
    return none_ref();
}

Ref<> bytesio_close(Object* op, Object*)
{
    BytesIOObject* self = BIO(op);
    if (!check_exports(self)) return nullptr;
    self->closed = true;
    self->buf->clear();
    self->buf->shrink_to_fit();
    return none_ref();
}

Ref<> bytesio_iternext(Object* op)
{
    BytesIOObject* self = BIO(op);
    if (!check_closed(self)) return nullptr;
    std::string_view line = scan_eol(self, -1);
    if (line.empty()) return nullptr;
    self->pos += static_cast<Py_ssize_t>(line.size());
    return bytes_from_view(line);
}

Ref<> bytesio_getstate(Object* op, Object*)
{
    BytesIOObject* self = BIO(op);
    if (!check_closed(self)) return nullptr;
    Ref<> value = bytes_from_view(*self->buf);
    Ref<> pos = long_from_ssize_t(self->pos);
    Ref<> dict = self->dict ? dict_copy(self->dict) : none_ref();
    if (!value || !pos || !dict) return nullptr;
    return tuple_pack({value.get(), pos.get(), dict.get()});
}

Ref<> bytesio_sizeof(Object* op, Object*)
{
    return long_from_ssize_t(static_cast<Py_ssize_t>(sizeof(BytesIOObject)) +
                             static_cast<Py_ssize_t>(BIO(op)->buf->capacity()));
}

Ref<> bytesio_get_closed(Object* op, void*) { return bool_from_long(BIO(op)->closed); }

MethodDef bytesio_methods[] = {
    method_noargs("readable", bytesio_true_if_open),
    method_noargs("seekable", bytesio_true_if_open),
    method_noargs("writable", bytesio_true_if_open),
    method_noargs("close", bytesio_close),
    method_noargs("flush", bytesio_flush),
    method_noargs("isatty", bytesio_isatty),
    method_noargs("tell", bytesio_tell),
    method_o("write", bytesio_write),
    method_o("writelines", bytesio_writelines),
    method_fast("read1", bytesio_read),
    method_o("readinto", bytesio_readinto),
    method_fast("readline", bytesio_readline),
    method_fast("readlines", bytesio_readlines),
    method_fast("read", bytesio_read),
    method_noargs("getbuffer", bytesio_getbuffer),
    method_noargs("getvalue", bytesio_getvalue),
    method_fast("seek", bytesio_seek),
    method_fast("truncate", bytesio_truncate),
    method_noargs("__getstate__", bytesio_getstate),
    method_noargs("__sizeof__", bytesio_sizeof),
    {},
};

GetSetDef bytesio_getset[] = {
    {"closed", bytesio_get_closed, nullptr, "True if the file is closed.", nullptr},
    {},
};


int biobuf_getbuffer(Object* op, Py_buffer* view, int flags)
{
    BytesIOObject* b = BIO(static_cast<BytesIOBufferObject*>(op)->source);
    if (buffer_fill_info(view, op, b->buf->data(), buf_size(b), 0, flags) < 0) return -1;
    b->exports++;
    return 0;
}

void biobuf_releasebuffer(Object* op, Py_buffer*)
{
    BIO(static_cast<BytesIOBufferObject*>(op)->source)->exports--;
}

BufferProcs biobuf_as_buffer = {biobuf_getbuffer, biobuf_releasebuffer};

void biobuf_dealloc(Object* op)
{
    clear_ref(static_cast<BytesIOBufferObject*>(op)->source);
    object_dealloc_memory(op);
}

int biobuf_traverse(Object* op, visitproc visit, void* arg)
{
    return visit_all({static_cast<BytesIOBufferObject*>(op)->source}, visit, arg);
}

}  // namespace

TypeObject BytesIO_Type = [] {
    TypeObject t = static_type("_io.BytesIO", sizeof(BytesIOObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
                               "Buffered I/O implementation using an in-memory bytes buffer.");
    t.tp_base = &BufferedIOBase_Type;
    t.tp_dealloc = bytesio_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_setattro = object_generic_set_attr;
    t.tp_traverse = bytesio_traverse;
    t.tp_clear = bytesio_clear;
    t.tp_iter = object_self_iter;
    t.tp_iternext = bytesio_iternext;
    t.tp_methods = bytesio_methods;
    t.tp_getset = bytesio_getset;
    t.tp_init = bytesio_init;
    t.tp_new = bytesio_tp_new;
    return t;
}();

TypeObject BytesIOBuffer_Type = [] {
    TypeObject t = static_type("_io._BytesIOBuffer", sizeof(BytesIOBufferObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = biobuf_dealloc;
    t.tp_traverse = biobuf_traverse;
    t.tp_as_buffer = &biobuf_as_buffer;
    return t;
}();

}  // namespace minipy::modules::io
