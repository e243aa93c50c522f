// stringio.cpp: _io.StringIO, a text stream over an in-memory buffer of
// code points, with TextIOWrapper's newline handling (newline=None
// translates "\r\n" and "\r" to "\n" as text is written; '' keeps them and
// splits lines on all three; '\r' and '\r\n' turn written "\n" into
// themselves). Mirrors CPython 3.11 Modules/_io/stringio.c. Book chapter 12.
//
// The buffer holds UCS-4 code points (CPython switches between a
// _PyUnicodeWriter accumulator and a UCS-4 array; the observable behaviour
// is the same). Positions are code-point indexes, so tell() is an int and
// seek() takes any earlier tell() value.
#include <string>

#include "_iomodule.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "../clinic_args.h"

namespace minipy::modules::io {

using namespace runtime;

namespace {

StringIOObject* S(Object* op) { return static_cast<StringIOObject*>(op); }

bool check_initialized(StringIOObject* self)
{
    if (!self->ok) {
        set_error(Exc_ValueError, "I/O operation on uninitialized object");
        return false;
    }
    return true;
}

// CHECK_INITIALIZED then CHECK_CLOSED (no final period, as stringio.c).
bool check_open(StringIOObject* self)
{
    if (!check_initialized(self)) return false;
    if (self->closed) {
        set_error(Exc_ValueError, "I/O operation on closed file");
        return false;
    }
    return true;
}

Py_ssize_t length(StringIOObject* self) { return static_cast<Py_ssize_t>(self->buf->size()); }

Ref<> substring(StringIOObject* self, Py_ssize_t start, Py_ssize_t n)
{
    return unicode_from_ucs4(reinterpret_cast<const Py_UCS4*>(self->buf->data()) + start, n);
}

Ref<> stringio_tp_new(TypeObject* type, Object*, Object*)
{
    Ref<StringIOObject> self = alloc_instance<StringIOObject>(type);
    if (!self) return nullptr;
    self->buf = new std::u32string();
    return self;
}

// Writes str at pos after the newline processing: 0 or -1.
int write_str(StringIOObject* self, Object* str)
{
    Ref<> decoded = new_ref(str);
    if (self->decoder) {
        auto* d = static_cast<NLDecoderObject*>(self->decoder);
        decoded = newline_translate(str, &d->pendingcr, &d->seennl, d->translate, true);
        if (!decoded) return -1;
    }
    Py_ssize_t n = unicode_length(decoded.get());
    unsigned kind = unicode_kind(decoded.get());
    const void* data = unicode_data(decoded.get());
    std::u32string text;
    text.reserve(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = unicode_read(kind, data, i);
        if (ch == '\n' && self->writenl) {
            for (const char* p = self->writenl; *p; p++) text.push_back(static_cast<char32_t>(*p));
        }
        else text.push_back(static_cast<char32_t>(ch));
    }
    if (text.empty()) return 0;
    Py_ssize_t end = self->pos + static_cast<Py_ssize_t>(text.size());
    // Writing past the end pads the gap with NUL characters.
    if (end > length(self)) self->buf->resize(static_cast<std::size_t>(end), U'\0');
    self->buf->replace(static_cast<std::size_t>(self->pos), text.size(), text);
    self->pos = end;
    return 0;
}

// StringIO(initial_value='', newline='\n')
int stringio_init(Object* op, Object* args, Object* kwds)
{
    StringIOObject* self = S(op);
    Object* a[2] = {};
    if (!parse_clinic_tuple_kw("StringIO", args, kwds, {"initial_value", "newline"}, 2, 0, a)) return -1;
    Object* value = a[0];
    Object* newline_obj = a[1];
    const char* newline = "\n";
    if (newline_obj) {
        if (newline_obj == Py_None()) newline = nullptr;
        else if (!unicode_check(newline_obj)) {
            format_error(Exc_TypeError, "newline must be str or None, not %.200s", Py_TYPE(newline_obj)->tp_name);
            return -1;
        }
        else {
            newline = unicode_as_utf8(newline_obj);
            if (!newline) return -1;
        }
    }
    if (newline && newline[0] != '\0' && !(newline[0] == '\n' && newline[1] == '\0') &&
        !(newline[0] == '\r' && newline[1] == '\0') && !(newline[0] == '\r' && newline[1] == '\n' && newline[2] == '\0')) {
        format_error(Exc_ValueError, "illegal newline value: %R", newline_obj);
        return -1;
    }
    if (value && value != Py_None() && !unicode_check(value)) {
        format_error(Exc_TypeError, "initial_value must be str or None, not %.200s", Py_TYPE(value)->tp_name);
        return -1;
    }
    self->ok = false;
    clear_ref(self->readnl);
    clear_ref(self->decoder);
    self->writenl = nullptr;
    if (newline) {
        Ref<> nl = unicode_from_string(newline);
        if (!nl) return -1;
        self->readnl = nl.release();
    }
    self->readuniversal = !newline || newline[0] == '\0';
    self->readtranslate = !newline;
    // "\n" and None both write "\n" (os.linesep does not apply to StringIO).
    if (newline && newline[0] == '\r') self->writenl = unicode_as_utf8(self->readnl);
    if (self->readuniversal) {
        Ref<NLDecoderObject> d = alloc_instance<NLDecoderObject>(&NLDecoder_Type);
        if (!d) return -1;
        d->decoder = new_ref(Py_None()).release();
        d->errors = unicode_from_string("strict").release();
        d->translate = self->readtranslate;
        self->decoder = d.release();
    }
    self->buf->clear();
    self->pos = 0;
    self->closed = false;
    self->ok = true;
    if (value && value != Py_None() && unicode_length(value) > 0) {
        if (write_str(self, value) < 0) return -1;
        self->pos = 0;
    }
    return 0;
}

void stringio_dealloc(Object* op)
{
    if (!iobase_dealloc_start(op)) return;
    StringIOObject* self = S(op);
    clear_ref(self->readnl);
    clear_ref(self->decoder);
    delete self->buf;
    self->buf = nullptr;
    object_dealloc_memory(op);
}

int stringio_traverse(Object* op, visitproc visit, void* arg)
{
    if (int r = visit_all({S(op)->decoder}, visit, arg)) return r;
    return iobase_traverse_base(op, visit, arg);
}

int stringio_clear(Object* op)
{
    clear_ref(S(op)->decoder);
    iobase_clear_base(op);
    return 0;
}

Ref<> stringio_getvalue(Object* op, Object*)
{
    StringIOObject* self = S(op);
    if (!check_open(self)) return nullptr;
    return substring(self, 0, length(self));
}

Ref<> stringio_tell(Object* op, Object*)
{
    if (!check_open(S(op))) return nullptr;
    return long_from_ssize_t(S(op)->pos);
}

Ref<> stringio_read(Object* op, Object* const* args, Py_ssize_t nargs)
{
    StringIOObject* self = S(op);
    if (!check_positional("read", nargs, 0, 1)) return nullptr;
    Py_ssize_t size = -1;
    if (nargs && !convert_optional_size(args[0], &size)) return nullptr;
    if (!check_open(self)) return nullptr;
    Py_ssize_t n = length(self) - self->pos;
    if (size < 0 || size > n) size = n < 0 ? 0 : n;
    if (size <= 0) return new_ref(unicode_empty());
    Ref<> res = substring(self, self->pos, size);
    self->pos += size;
    return res;
}

Ref<> readline_impl(StringIOObject* self, Py_ssize_t limit)
{
    if (self->pos >= length(self)) return new_ref(unicode_empty());
    Py_ssize_t start = self->pos;
    Py_ssize_t end = length(self);
    if (limit >= 0 && limit < end - start) end = start + limit;
    Py_ssize_t consumed = 0;
    Py_ssize_t len = find_line_ending(self->readtranslate, self->readuniversal, self->readnl, 4, self->buf->data(),
                                      start, end, &consumed);
    if (len < 0) len = end - start;  // no newline: the rest up to the limit
    self->pos += len;
    return substring(self, start, len);
}

Ref<> stringio_readline(Object* op, Object* const* args, Py_ssize_t nargs)
{
    StringIOObject* self = S(op);
    if (!check_positional("readline", nargs, 0, 1)) return nullptr;
    Py_ssize_t size = -1;
    if (nargs && !convert_optional_size(args[0], &size)) return nullptr;
    if (!check_open(self)) return nullptr;
    return readline_impl(self, size);
}

Ref<> stringio_iternext(Object* op)
{
    StringIOObject* self = S(op);
    if (!check_open(self)) return nullptr;
    Ref<> line;
    if (Py_TYPE(op) == &StringIO_Type) line = readline_impl(self, -1);
    else {
        // A subclass may override readline().
        line = call_method(op, "readline");
        if (line && !unicode_check(line.get()))
            return format_error(Exc_OSError, "readline() should have returned a str object, not '%.200s'",
                                Py_TYPE(line.get())->tp_name);
    }
    if (!line || unicode_length(line.get()) == 0) return nullptr;
    return line;
}

Ref<> stringio_truncate(Object* op, Object* const* args, Py_ssize_t nargs)
{
    StringIOObject* self = S(op);
    if (!check_positional("truncate", nargs, 0, 1)) return nullptr;
    Py_ssize_t size = self->pos;
    if (nargs && args[0] != Py_None()) {
        if (!convert_optional_size(args[0], &size)) return nullptr;
    }
    if (!check_open(self)) return nullptr;
    if (size < 0) return format_error(Exc_ValueError, "Negative size value %zd", size);
    if (size < length(self)) self->buf->resize(static_cast<std::size_t>(size));
    return long_from_ssize_t(size);
}

Ref<> stringio_seek(Object* op, Object* const* args, Py_ssize_t nargs)
{
    StringIOObject* self = S(op);
    Py_ssize_t pos;
    int whence;
    if (!seek_args(args, nargs, &pos, &whence)) return nullptr;
    if (!check_open(self)) return nullptr;
    if (whence != 0 && whence != 1 && whence != 2)
        return format_error(Exc_ValueError, "Invalid whence (%i, should be 0, 1 or 2)", whence);
    if (pos < 0 && whence == 0) return format_error(Exc_ValueError, "Negative seek position %zd", pos);
    if (whence != 0 && pos != 0) return format_error(Exc_OSError, "Can't do nonzero cur-relative seeks");
    if (whence == 1) pos = self->pos;
    else if (whence == 2) pos = length(self);
    self->pos = pos;
    return long_from_ssize_t(pos);
}

Ref<> stringio_write(Object* op, Object* arg)
{
    StringIOObject* self = S(op);
    if (!check_initialized(self)) return nullptr;
    if (!unicode_check(arg))
        return format_error(Exc_TypeError, "string argument expected, got '%s'", Py_TYPE(arg)->tp_name);
    if (!check_open(self)) return nullptr;
    Py_ssize_t size = unicode_length(arg);
    if (size > 0 && write_str(self, arg) < 0) return nullptr;
    return long_from_ssize_t(size);
}

Ref<> stringio_true_if_open(Object* op, Object*)
{
    if (!check_open(S(op))) return nullptr;
    return bool_from_long(1);
}

Ref<> stringio_close(Object* op, Object*)
{
    StringIOObject* self = S(op);
    self->closed = true;
    self->buf->clear();
    self->buf->shrink_to_fit();
    return none_ref();
}

Ref<> stringio_getstate(Object* op, Object*)
{
    StringIOObject* self = S(op);
    if (!check_open(self)) return nullptr;
    Ref<> value = substring(self, 0, length(self));
    Ref<> pos = long_from_ssize_t(self->pos);
    Ref<> dict = self->dict ? dict_copy(self->dict) : none_ref();
    if (!value || !pos || !dict) return nullptr;
    return tuple_pack({value.get(), self->readnl ? self->readnl : Py_None(), pos.get(), dict.get()});
}

Ref<> stringio_get_closed(Object* op, void*)
{
    if (!check_initialized(S(op))) return nullptr;
    return bool_from_long(S(op)->closed);
}

Ref<> stringio_get_line_buffering(Object* op, void*)
{
    if (!check_open(S(op))) return nullptr;
    return bool_from_long(0);
}

Ref<> stringio_get_newlines(Object* op, void*)
{
    StringIOObject* self = S(op);
    if (!check_open(self)) return nullptr;
    if (!self->decoder) return none_ref();
    return newlines_object(static_cast<NLDecoderObject*>(self->decoder)->seennl);
}

MethodDef stringio_methods[] = {
    method_noargs("close", stringio_close),
    method_noargs("getvalue", stringio_getvalue),
    method_fast("read", stringio_read),
    method_fast("readline", stringio_readline),
    method_noargs("tell", stringio_tell),
    method_fast("truncate", stringio_truncate),
    method_fast("seek", stringio_seek),
    method_o("write", stringio_write),
    method_noargs("seekable", stringio_true_if_open),
    method_noargs("readable", stringio_true_if_open),
    method_noargs("writable", stringio_true_if_open),
    method_noargs("__getstate__", stringio_getstate),
    {},
};

GetSetDef stringio_getset[] = {
    {"closed", stringio_get_closed, nullptr, nullptr, nullptr},
    {"newlines", stringio_get_newlines, nullptr, nullptr, nullptr},
    {"line_buffering", stringio_get_line_buffering, nullptr, nullptr, nullptr},
    {},
};

}  // namespace

TypeObject StringIO_Type = [] {
    TypeObject t = static_type("_io.StringIO", sizeof(StringIOObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
                               "Text I/O implementation using an in-memory buffer.");
    t.tp_base = &TextIOBase_Type;
    t.tp_dealloc = stringio_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_setattro = object_generic_set_attr;
    t.tp_traverse = stringio_traverse;
    t.tp_clear = stringio_clear;
    t.tp_iternext = stringio_iternext;
    t.tp_methods = stringio_methods;
    t.tp_getset = stringio_getset;
    t.tp_init = stringio_init;
    t.tp_new = stringio_tp_new;
    return t;
}();

}  // namespace minipy::modules::io
