// exceptions.cpp: the built-in exception types, from BaseException down.
// Mirrors CPython 3.11 Objects/exceptions.c. Book chapter 11.
//
// The hierarchy comes from one list (minipy/runtime/exceptions.def). Types
// that add fields (SyntaxError, ImportError, OSError, ...) get their own
// instance layout, __init__ and __str__; their subclasses inherit them
// through type_ready like any static type.
#include <cerrno>
#include <cstring>
#include <string>

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_bytes_methods.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

#define LAYOUT_Base BaseExceptionObject
#define LAYOUT_SyntaxError SyntaxErrorObject
#define LAYOUT_ImportError ImportErrorObject
#define LAYOUT_UnicodeError UnicodeErrorObject
#define LAYOUT_SystemExit SystemExitObject
#define LAYOUT_StopIteration StopIterationObject
#define LAYOUT_OSError OSErrorObject
#define LAYOUT_NameError NameErrorObject
#define LAYOUT_AttributeError AttributeErrorObject
#define LAYOUT_BaseExceptionGroup BaseExceptionGroupObject

constexpr unsigned long EXC_FLAGS = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC;

#define MINIPY_EXC(name, base, layout) TypeObject name##_storage = static_type(#name, sizeof(LAYOUT_##layout), 0, EXC_FLAGS);
#include "minipy/runtime/exceptions.def"
#undef MINIPY_EXC

BaseExceptionObject* E(Object* o) { return static_cast<BaseExceptionObject*>(o); }

// --- BaseException ------------------------------------------------------------

Ref<> BaseException_new(TypeObject* type, Object* args, Object*)
{
    Ref<> self = steal_ref(object_alloc_raw(type, 0));
    if (!self) return nullptr;
    E(self.get())->args = new_ref(args ? args : tuple_new(0).get()).release();
    if (!E(self.get())->args) return nullptr;
    return self;
}

int BaseException_init(Object* self, Object* args, Object* kwds)
{
    if (!check_no_kwargs(Py_TYPE(self)->tp_name, kwds)) return -1;
    set_ref(E(self)->args, new_ref(args).release());
    return 0;
}

int BaseException_clear(Object* op)
{
    BaseExceptionObject* self = E(op);
    clear_ref(self->dict);
    clear_ref(self->args);
    clear_ref(self->notes);
    clear_ref(self->traceback);
    clear_ref(self->cause);
    clear_ref(self->context);
    return 0;
}

int BaseException_traverse(Object* op, visitproc visit, void* arg)
{
    BaseExceptionObject* self = E(op);
    for (Object* o : {self->dict, self->args, self->notes, self->traceback, self->cause, self->context})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

void BaseException_dealloc(Object* op)
{
    Py_TYPE(op)->tp_clear(op);
    object_dealloc_memory(op);
}

Ref<> BaseException_str(Object* op)
{
    Object* args = E(op)->args;
    switch (tuple_size(args)) {
    case 0: return new_ref(unicode_empty());
    case 1: return object_str(tuple_item(args, 0));
    default: return object_str(args);
    }
}

Ref<> BaseException_repr(Object* op)
{
    const char* name = type_short_name(Py_TYPE(op));
    Object* args = E(op)->args;
    if (tuple_size(args) == 1) return unicode_from_format("%s(%R)", name, tuple_item(args, 0));
    return unicode_from_format("%s%R", name, args);
}

Ref<> BaseException_with_traceback(Object* self, Object* tb)
{
    if (exception_set_traceback(self, tb) < 0) return nullptr;
    return new_ref(self);
}

Ref<> BaseException_add_note(Object* self, Object* note)
{
    if (!unicode_check(note))
        return format_error(Exc_TypeError, "note must be a str, not '%s'", Py_TYPE(note)->tp_name);
    Ref<> notes;
    Ref<> name = unicode_intern_from_string("__notes__");
    if (object_lookup_attr(self, name.get(), &notes) < 0) return nullptr;
    if (!notes) {
        notes = list_new(0);
        if (!notes || object_set_attr(self, name.get(), notes.get()) < 0) return nullptr;
    } else if (!list_check(notes.get())) {
        return format_error(Exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    if (list_append(notes.get(), note) < 0) return nullptr;
    return none_ref();
}

Ref<> BaseException_reduce(Object* self, Object*)
{
    Object* dict = E(self)->dict;
    if (dict && dict_size(dict)) return tuple_pack({Py_TYPE(self), E(self)->args, dict});
    return tuple_pack({Py_TYPE(self), E(self)->args});
}

Ref<> get_args(Object* self, void*) { return new_ref(E(self)->args); }
int set_args(Object* self, Object* value, void*)
{
    if (!value) {
        set_error(Exc_TypeError, "args may not be deleted");
        return -1;
    }
    Ref<> seq = sequence_tuple(value);
    if (!seq) return -1;
    set_ref(E(self)->args, seq.release());
    return 0;
}

Ref<> get_traceback(Object* self, void*) { return new_ref(E(self)->traceback ? E(self)->traceback : Py_None()); }
int set_traceback(Object* self, Object* tb, void*)
{
    if (!tb) {
        set_error(Exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    return exception_set_traceback(self, tb);
}

Ref<> get_context(Object* self, void*) { return new_ref(E(self)->context ? E(self)->context : Py_None()); }
int set_context(Object* self, Object* arg, void*)
{
    if (!arg) {
        set_error(Exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (arg == Py_None()) arg = nullptr;
    else if (!exception_check(arg)) {
        set_error(Exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    set_ref(E(self)->context, new_ref(arg).release());
    return 0;
}

Ref<> get_cause(Object* self, void*) { return new_ref(E(self)->cause ? E(self)->cause : Py_None()); }
int set_cause(Object* self, Object* arg, void*)
{
    if (!arg) {
        set_error(Exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (arg == Py_None()) arg = nullptr;
    else if (!exception_check(arg)) {
        set_error(Exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    exception_set_cause(self, new_ref(arg));
    return 0;
}

Ref<> get_dict(Object* self, void*)
{
    if (!E(self)->dict) {
        Ref<> d = dict_new();
        if (!d) return nullptr;
        E(self)->dict = d.release();
    }
    return new_ref(E(self)->dict);
}

// __setstate__(state): the instance dict items of a pickled exception
// (what __reduce__ gave as its third item) become attributes again.
Ref<> BaseException_setstate(Object* self, Object* state)
{
    if (state == Py_None()) return none_ref();
    if (!dict_check(state)) return format_error(Exc_TypeError, "state is not a dictionary");
    Py_ssize_t pos = 0;
    Object *key, *value;
    while (dict_next(state, &pos, &key, &value)) {
        Ref<> k = new_ref(key), v = new_ref(value);
        if (object_set_attr(self, k.get(), v.get()) < 0) return nullptr;
    }
    return none_ref();
}

MethodDef BaseException_methods[] = {
    method_noargs("__reduce__", BaseException_reduce),
    method_o("__setstate__", BaseException_setstate),
    method_o("with_traceback", BaseException_with_traceback,
             "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."),
    method_o("add_note", BaseException_add_note,
             "Exception.add_note(note) --\n    add a note to the exception"),
    {},
};

GetSetDef BaseException_getset[] = {
    {"__dict__", get_dict, nullptr, nullptr, nullptr},
    {"args", get_args, set_args, nullptr, nullptr},
    {"__traceback__", get_traceback, set_traceback, nullptr, nullptr},
    {"__context__", get_context, set_context, "exception context", nullptr},
    {"__cause__", get_cause, set_cause, "exception cause", nullptr},
    {},
};

MemberDef BaseException_members[] = {
    {"__suppress_context__", T_BOOL, offsetof(BaseExceptionObject, suppress_context), 0, nullptr},
    {},
};

// --- Helpers for the subclasses with fields -------------------------------------

template <class T>
int clear_fields(Object* op, std::initializer_list<Object* T::*> fields)
{
    for (auto f : fields) clear_ref(static_cast<T*>(op)->*f);
    return BaseException_clear(op);
}

template <class T>
int traverse_fields(Object* op, visitproc visit, void* arg, std::initializer_list<Object* T::*> fields)
{
    for (auto f : fields)
        if (Object* o = static_cast<T*>(op)->*f)
            if (int r = visit(o, arg)) return r;
    return BaseException_traverse(op, visit, arg);
}

// Reads keyword arguments named in `names` into fields; rejects others.
template <class T>
int init_keywords(Object* self, Object* kwds, std::initializer_list<std::pair<const char*, Object* T::*>> names)
{
    if (!kwds) return 0;
    Py_ssize_t pos = 0;
    Object *k, *v;
    while (dict_next(kwds, &pos, &k, &v)) {
        bool found = false;
        for (auto& [name, field] : names) {
            if (unicode_equal_to_ascii(k, name)) {
                set_ref(static_cast<T*>(self)->*field, new_ref(v).release());
                found = true;
            }
        }
        if (!found) {
            format_error(Exc_TypeError, "'%U' is an invalid keyword argument for %s()", k, type_short_name(Py_TYPE(self)));
            return -1;
        }
    }
    return 0;
}

// --- SyntaxError ----------------------------------------------------------------

#define SYNTAX_FIELDS                                                                                           \
    &SyntaxErrorObject::msg, &SyntaxErrorObject::filename, &SyntaxErrorObject::lineno, &SyntaxErrorObject::offset, \
        &SyntaxErrorObject::text, &SyntaxErrorObject::end_lineno, &SyntaxErrorObject::end_offset,                 \
        &SyntaxErrorObject::print_file_and_line

int SyntaxError_init(Object* op, Object* args, Object* kwds)
{
    if (BaseException_init(op, args, kwds) < 0) return -1;
    auto* self = static_cast<SyntaxErrorObject*>(op);
    Py_ssize_t n = tuple_size(args);
    if (n >= 1) set_ref(self->msg, new_ref(tuple_item(args, 0)).release());
    if (n == 2) {
        Ref<> info = sequence_tuple(tuple_item(args, 1));
        if (!info) return -1;
        Py_ssize_t m = tuple_size(info.get());
        if (m < 4 || m > 6) {
            format_error(Exc_IndexError, "tuple index out of range");
            return -1;
        }
        Object* SyntaxErrorObject::*fields[] = {&SyntaxErrorObject::filename, &SyntaxErrorObject::lineno,
                                                &SyntaxErrorObject::offset, &SyntaxErrorObject::text,
                                                &SyntaxErrorObject::end_lineno, &SyntaxErrorObject::end_offset};
        for (Py_ssize_t i = 0; i < m; i++) set_ref(self->*fields[i], new_ref(tuple_item(info.get(), i)).release());
    }
    return 0;
}

Ref<> SyntaxError_str(Object* op)
{
    auto* self = static_cast<SyntaxErrorObject*>(op);
    Object* msg = self->msg ? self->msg : Py_None();
    // The file name is shown without its directories (my_basename).
    Ref<> filename;
    if (self->filename && unicode_check(self->filename)) {
        Py_ssize_t n = unicode_length(self->filename), start = 0;
        for (Py_ssize_t i = 0; i < n; i++)
            if (unicode_read_char(self->filename, i) == '/') start = i + 1;
        filename = unicode_substring(self->filename, start, n);
        if (!filename) return nullptr;
    }
    bool have_lineno = self->lineno && long_check(self->lineno);
    long long lineno = have_lineno ? long_as_long_long(self->lineno) : 0;
    if (have_lineno && lineno == -1 && error_occurred()) return nullptr;
    if (filename && have_lineno) return unicode_from_format("%S (%U, line %lld)", msg, filename.get(), lineno);
    if (filename) return unicode_from_format("%S (%U)", msg, filename.get());
    if (have_lineno) return unicode_from_format("%S (line %lld)", msg, lineno);
    return object_str(msg);
}

int SyntaxError_clear(Object* op) { return clear_fields<SyntaxErrorObject>(op, {SYNTAX_FIELDS}); }
int SyntaxError_traverse(Object* op, visitproc v, void* a) { return traverse_fields<SyntaxErrorObject>(op, v, a, {SYNTAX_FIELDS}); }

MemberDef SyntaxError_members[] = {
    {"msg", T_OBJECT, offsetof(SyntaxErrorObject, msg), 0, "exception msg"},
    {"filename", T_OBJECT, offsetof(SyntaxErrorObject, filename), 0, "exception filename"},
    {"lineno", T_OBJECT, offsetof(SyntaxErrorObject, lineno), 0, "exception lineno"},
    {"offset", T_OBJECT, offsetof(SyntaxErrorObject, offset), 0, "exception offset"},
    {"text", T_OBJECT, offsetof(SyntaxErrorObject, text), 0, "exception text"},
    {"end_lineno", T_OBJECT, offsetof(SyntaxErrorObject, end_lineno), 0, "exception end lineno"},
    {"end_offset", T_OBJECT, offsetof(SyntaxErrorObject, end_offset), 0, "exception end offset"},
    {"print_file_and_line", T_OBJECT, offsetof(SyntaxErrorObject, print_file_and_line), 0, "exception print_file_and_line"},
    {},
};

// --- ImportError ------------------------------------------------------------------

int ImportError_init(Object* op, Object* args, Object* kwds)
{
    auto* self = static_cast<ImportErrorObject*>(op);
    if (init_keywords<ImportErrorObject>(op, kwds, {{"name", &ImportErrorObject::name}, {"path", &ImportErrorObject::path}}) < 0)
        return -1;
    set_ref(self->args, new_ref(args).release());
    set_ref(self->msg, tuple_size(args) == 1 ? new_ref(tuple_item(args, 0)).release() : nullptr);
    return 0;
}

Ref<> ImportError_str(Object* op)
{
    auto* self = static_cast<ImportErrorObject*>(op);
    if (self->msg && unicode_check(self->msg)) return new_ref(self->msg);
    return BaseException_str(op);
}

int ImportError_clear(Object* op)
{
    return clear_fields<ImportErrorObject>(op, {&ImportErrorObject::msg, &ImportErrorObject::name, &ImportErrorObject::path});
}
int ImportError_traverse(Object* op, visitproc v, void* a)
{
    return traverse_fields<ImportErrorObject>(op, v, a, {&ImportErrorObject::msg, &ImportErrorObject::name, &ImportErrorObject::path});
}

MemberDef ImportError_members[] = {
    {"msg", T_OBJECT, offsetof(ImportErrorObject, msg), 0, "exception message"},
    {"name", T_OBJECT, offsetof(ImportErrorObject, name), 0, "module name"},
    {"path", T_OBJECT, offsetof(ImportErrorObject, path), 0, "module path"},
    {},
};

// --- SystemExit, StopIteration ------------------------------------------------------

int SystemExit_init(Object* op, Object* args, Object* kwds)
{
    if (BaseException_init(op, args, kwds) < 0) return -1;
    Py_ssize_t n = tuple_size(args);
    Object* code = n == 0 ? nullptr : n == 1 ? tuple_item(args, 0) : args;
    set_ref(static_cast<SystemExitObject*>(op)->code, new_ref(code).release());
    return 0;
}
int SystemExit_clear(Object* op) { return clear_fields<SystemExitObject>(op, {&SystemExitObject::code}); }
int SystemExit_traverse(Object* op, visitproc v, void* a) { return traverse_fields<SystemExitObject>(op, v, a, {&SystemExitObject::code}); }
MemberDef SystemExit_members[] = {
    {"code", T_OBJECT, offsetof(SystemExitObject, code), 0, "exception code"},
    {},
};

int StopIteration_init(Object* op, Object* args, Object* kwds)
{
    if (BaseException_init(op, args, kwds) < 0) return -1;
    Object* value = tuple_size(args) > 0 ? tuple_item(args, 0) : Py_None();
    set_ref(static_cast<StopIterationObject*>(op)->value, new_ref(value).release());
    return 0;
}
int StopIteration_clear(Object* op) { return clear_fields<StopIterationObject>(op, {&StopIterationObject::value}); }
int StopIteration_traverse(Object* op, visitproc v, void* a)
{
    return traverse_fields<StopIterationObject>(op, v, a, {&StopIterationObject::value});
}
MemberDef StopIteration_members[] = {
    {"value", T_OBJECT, offsetof(StopIterationObject, value), 0, "generator return value"},
    {},
};

// --- KeyError ------------------------------------------------------------------------

// KeyError shows the repr of a single missing key: KeyError('a') -> "'a'".
Ref<> KeyError_str(Object* op)
{
    Object* args = E(op)->args;
    if (tuple_size(args) == 1) return object_repr(tuple_item(args, 0));
    return BaseException_str(op);
}

// --- NameError, AttributeError ---------------------------------------------------------

int NameError_init(Object* op, Object* args, Object* kwds)
{
    if (init_keywords<NameErrorObject>(op, kwds, {{"name", &NameErrorObject::name}}) < 0) return -1;
    set_ref(E(op)->args, new_ref(args).release());
    return 0;
}
int NameError_clear(Object* op) { return clear_fields<NameErrorObject>(op, {&NameErrorObject::name}); }
int NameError_traverse(Object* op, visitproc v, void* a) { return traverse_fields<NameErrorObject>(op, v, a, {&NameErrorObject::name}); }
MemberDef NameError_members[] = {
    {"name", T_OBJECT, offsetof(NameErrorObject, name), 0, "name"},
    {},
};

int AttributeError_init(Object* op, Object* args, Object* kwds)
{
    if (init_keywords<AttributeErrorObject>(op, kwds, {{"name", &AttributeErrorObject::name}, {"obj", &AttributeErrorObject::obj}}) < 0)
        return -1;
    set_ref(E(op)->args, new_ref(args).release());
    return 0;
}
int AttributeError_clear(Object* op)
{
    return clear_fields<AttributeErrorObject>(op, {&AttributeErrorObject::obj, &AttributeErrorObject::name});
}
int AttributeError_traverse(Object* op, visitproc v, void* a)
{
    return traverse_fields<AttributeErrorObject>(op, v, a, {&AttributeErrorObject::obj, &AttributeErrorObject::name});
}
MemberDef AttributeError_members[] = {
    {"name", T_OBJECT, offsetof(AttributeErrorObject, name), 0, "attribute name"},
    {"obj", T_OBJECT, offsetof(AttributeErrorObject, obj), 0, "object"},
    {},
};

// --- OSError -----------------------------------------------------------------------------

// errno -> subclass, as CPython's errnomap.
TypeObject* oserror_subclass_for(long long err)
{
    switch (err) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return Exc_BlockingIOError;
    case ECHILD: return Exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return Exc_BrokenPipeError;
    case ECONNABORTED: return Exc_ConnectionAbortedError;
    case ECONNREFUSED: return Exc_ConnectionRefusedError;
    case ECONNRESET: return Exc_ConnectionResetError;
    case EEXIST: return Exc_FileExistsError;
    case ENOENT: return Exc_FileNotFoundError;
    case EISDIR: return Exc_IsADirectoryError;
    case ENOTDIR: return Exc_NotADirectoryError;
    case EINTR: return Exc_InterruptedError;
    case EACCES: case EPERM: return Exc_PermissionError;
    case ESRCH: return Exc_ProcessLookupError;
    case ETIMEDOUT: return Exc_TimeoutError;
    default: return nullptr;
    }
}

Ref<> OSError_new(TypeObject* type, Object* args, Object* kwds)
{
    // OSError(errno, ...) becomes the matching subclass when called on OSError itself.
    if (type == Exc_OSError && tuple_size(args) >= 2 && long_check(tuple_item(args, 0))) {
        int overflow;
        long long err = long_as_long_long_and_overflow(tuple_item(args, 0), &overflow);
        if (!overflow)
            if (TypeObject* sub = oserror_subclass_for(err)) type = sub;
    }
    return BaseException_new(type, args, kwds);
}

int OSError_init(Object* op, Object* args, Object* kwds)
{
    if (!check_no_kwargs(Py_TYPE(op)->tp_name, kwds)) return -1;
    auto* self = static_cast<OSErrorObject*>(op);
    Py_ssize_t n = tuple_size(args);
    self->written = -1;
    if (n >= 2 && n <= 5) {
        set_ref(self->myerrno, new_ref(tuple_item(args, 0)).release());
        set_ref(self->strerror, new_ref(tuple_item(args, 1)).release());
        Object* filename = n >= 3 ? tuple_item(args, 2) : nullptr;
        Object* filename2 = n == 5 ? tuple_item(args, 4) : nullptr;
        // A None filename is no filename (nor is filename2 then kept).
        if (filename && filename != Py_None()) {
            // BlockingIOError's third argument may be the number of
            // characters written (PyNumber_Check: anything number-like).
            NumberMethods* nb = Py_TYPE(filename)->tp_as_number;
            if (Py_TYPE(op) == Exc_BlockingIOError && nb && (nb->nb_index || nb->nb_int || nb->nb_float)) {
                self->written = number_as_ssize_t(filename, Exc_ValueError);
                if (self->written == -1 && error_occurred()) return -1;
            } else {
                set_ref(self->filename, new_ref(filename).release());
                if (filename2 && filename2 != Py_None()) set_ref(self->filename2, new_ref(filename2).release());
            }
        }
        // args keeps only (errno, strerror) when a filename was given.
        if (self->filename) {
            Ref<> two = tuple_get_slice(args, 0, 2);
            if (!two) return -1;
            set_ref(self->args, two.release());
            return 0;
        }
    }
    set_ref(self->args, new_ref(args).release());
    return 0;
}

Ref<> OSError_str(Object* op)
{
    auto* self = static_cast<OSErrorObject*>(op);
    if (self->filename) {
        if (self->filename2)
            return unicode_from_format("[Errno %S] %S: %R -> %R", self->myerrno ? self->myerrno : Py_None(),
                                       self->strerror ? self->strerror : Py_None(), self->filename, self->filename2);
        return unicode_from_format("[Errno %S] %S: %R", self->myerrno ? self->myerrno : Py_None(),
                                   self->strerror ? self->strerror : Py_None(), self->filename);
    }
    if (self->myerrno && self->strerror) return unicode_from_format("[Errno %S] %S", self->myerrno, self->strerror);
    return BaseException_str(op);
}

#define OSERROR_FIELDS &OSErrorObject::myerrno, &OSErrorObject::strerror, &OSErrorObject::filename, &OSErrorObject::filename2
int OSError_clear(Object* op) { return clear_fields<OSErrorObject>(op, {OSERROR_FIELDS}); }
int OSError_traverse(Object* op, visitproc v, void* a) { return traverse_fields<OSErrorObject>(op, v, a, {OSERROR_FIELDS}); }

MemberDef OSError_members[] = {
    {"errno", T_OBJECT, offsetof(OSErrorObject, myerrno), 0, "POSIX exception code"},
    {"strerror", T_OBJECT, offsetof(OSErrorObject, strerror), 0, "exception strerror"},
    {"filename", T_OBJECT, offsetof(OSErrorObject, filename), 0, "exception filename"},
    {"filename2", T_OBJECT, offsetof(OSErrorObject, filename2), 0, "second exception filename"},
    {},
};

// BlockingIOError's characters_written lives on every OSError, as in
// CPython, but reads as missing (AttributeError) until it is set.
Ref<> OSError_written_get(Object* op, void*)
{
    auto* self = static_cast<OSErrorObject*>(op);
    if (self->written == -1) return format_error(Exc_AttributeError, "characters_written");
    return long_from_ssize_t(self->written);
}

int OSError_written_set(Object* op, Object* value, void*)
{
    auto* self = static_cast<OSErrorObject*>(op);
    if (!value) {
        if (self->written == -1) {
            set_error(Exc_AttributeError, "characters_written");
            return -1;
        }
        self->written = -1;
        return 0;
    }
    Py_ssize_t n = number_as_ssize_t(value, Exc_ValueError);
    if (n == -1 && error_occurred()) return -1;
    self->written = n;
    return 0;
}

GetSetDef OSError_getset[] = {
    {"characters_written", OSError_written_get, OSError_written_set, nullptr, nullptr},
    {},
};

// --- UnicodeError subclasses ------------------------------------------------------------------

int UnicodeError_init(Object* op, Object* args, Object* kwds)
{
    if (BaseException_init(op, args, kwds) < 0) return -1;
    auto* self = static_cast<UnicodeErrorObject*>(op);
    bool translate = Py_TYPE(op) == Exc_UnicodeTranslateError;
    Py_ssize_t expected = translate ? 4 : 5;
    if (tuple_size(args) != expected) {
        format_error(Exc_TypeError, "function takes exactly %zd arguments (%zd given)", expected, tuple_size(args));
        return -1;
    }
    // PyArg_ParseTuple(args, "UOnnU") (translate: "Onn U"), then the
    // object's type: str to encode, any bytes-like object to decode (kept
    // as a bytes copy).
    bool decode = Py_TYPE(op) == Exc_UnicodeDecodeError;
    auto require_str = [&](Py_ssize_t index) {
        Object* v = tuple_item(args, index);
        if (unicode_check(v)) return true;
        format_error(Exc_TypeError, "argument %zd must be str, not %.50s", index + 1,
                     v == Py_None() ? "None" : Py_TYPE(v)->tp_name);
        return false;
    };
    Py_ssize_t k = 0;
    if (!translate && !require_str(k++)) return -1;
    Py_ssize_t object_index = k++;
    if (!decode && !require_str(object_index)) return -1;
    Py_ssize_t start = number_as_ssize_t(tuple_item(args, k++), nullptr);
    if (start == -1 && error_occurred()) return -1;
    Py_ssize_t end = number_as_ssize_t(tuple_item(args, k++), nullptr);
    if (end == -1 && error_occurred()) return -1;
    if (!require_str(k)) return -1;
    Ref<> object = new_ref(tuple_item(args, object_index));
    if (decode && !bytes_check(object.get())) {
        std::string_view data;
        if (!bytes_buffer_view(object.get(), &data)) return -1;
        object = bytes_from_view(data);
        if (!object) return -1;
    }
    if (!translate) set_ref(self->encoding, new_ref(tuple_item(args, 0)).release());
    set_ref(self->object, object.release());
    self->start = start;
    self->end = end;
    set_ref(self->reason, new_ref(tuple_item(args, k)).release());
    return 0;
}

Ref<> UnicodeError_str(Object* op)
{
    auto* self = static_cast<UnicodeErrorObject*>(op);
    if (!self->object) return new_ref(unicode_empty());
    Ref<> reason = object_str(self->reason);
    if (!reason) return nullptr;
    Ref<> encoding = self->encoding ? object_str(self->encoding) : nullptr;
    if (self->encoding && !encoding) return nullptr;
    bool decode = Py_TYPE(op) == Exc_UnicodeDecodeError;
    Py_ssize_t len = decode ? bytes_size(self->object) : unicode_length(self->object);
    if (self->start < len && self->end == self->start + 1) {
        if (decode) {
            auto byte = static_cast<unsigned char>(bytes_as_string(self->object)[self->start]);
            return unicode_from_format("'%U' codec can't decode byte 0x%02x in position %zd: %U", encoding.get(),
                                       static_cast<unsigned>(byte), self->start, reason.get());
        }
        Py_UCS4 ch = unicode_read_char(self->object, self->start);
        char fmt[16];
        std::snprintf(fmt, sizeof fmt, ch <= 0xFF ? "\\x%02x" : ch <= 0xFFFF ? "\\u%04x" : "\\U%08x", ch);
        if (!encoding)
            return unicode_from_format("can't translate character '%s' in position %zd: %U", fmt, self->start, reason.get());
        return unicode_from_format("'%U' codec can't encode character '%s' in position %zd: %U", encoding.get(), fmt,
                                   self->start, reason.get());
    }
    if (decode)
        return unicode_from_format("'%U' codec can't decode bytes in position %zd-%zd: %U", encoding.get(), self->start,
                                   self->end - 1, reason.get());
    if (!encoding)
        return unicode_from_format("can't translate characters in position %zd-%zd: %U", self->start, self->end - 1,
                                   reason.get());
    return unicode_from_format("'%U' codec can't encode characters in position %zd-%zd: %U", encoding.get(),
                               self->start, self->end - 1, reason.get());
}

#define UNICODE_FIELDS &UnicodeErrorObject::encoding, &UnicodeErrorObject::object, &UnicodeErrorObject::reason
int UnicodeError_clear(Object* op) { return clear_fields<UnicodeErrorObject>(op, {UNICODE_FIELDS}); }
int UnicodeError_traverse(Object* op, visitproc v, void* a) { return traverse_fields<UnicodeErrorObject>(op, v, a, {UNICODE_FIELDS}); }

MemberDef UnicodeError_members[] = {
    {"encoding", T_OBJECT, offsetof(UnicodeErrorObject, encoding), 0, "exception encoding"},
    {"object", T_OBJECT, offsetof(UnicodeErrorObject, object), 0, "exception object"},
    {"start", T_PYSSIZET, offsetof(UnicodeErrorObject, start), 0, "exception start"},
    {"end", T_PYSSIZET, offsetof(UnicodeErrorObject, end), 0, "exception end"},
    {"reason", T_OBJECT, offsetof(UnicodeErrorObject, reason), 0, "exception reason"},
    {},
};

// --- BaseExceptionGroup (PEP 654) ---------------------------------------------------------------

Ref<> BaseExceptionGroup_new(TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs(type->tp_name, kwds)) return nullptr;
    if (tuple_size(args) != 2)
        return format_error(Exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)",
                            tuple_size(args));
    Object* message = tuple_item(args, 0);
    Object* excs = tuple_item(args, 1);
    if (!unicode_check(message))
        return format_error(Exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %.200s",
                            Py_TYPE(message)->tp_name);
    if (!sequence_check(excs)) return format_error(Exc_TypeError, "second argument (exceptions) must be a sequence");
    Ref<> tuple = sequence_tuple(excs);
    if (!tuple) return nullptr;
    Py_ssize_t n = tuple_size(tuple.get());
    if (n == 0) return format_error(Exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
    bool nested_base = false;
    for (Py_ssize_t i = 0; i < n; i++) {
        Object* e = tuple_item(tuple.get(), i);
        if (!exception_check(e))
            return format_error(Exc_ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
        nested_base |= !object_type_check(e, Exc_Exception);
    }
    TypeObject* cls = type;
    if (cls == Exc_BaseExceptionGroup) {
        if (!nested_base) cls = Exc_ExceptionGroup;
    } else if (cls == Exc_ExceptionGroup) {
        if (nested_base) return format_error(Exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (nested_base && type_is_subtype(cls, Exc_Exception)) {
        return format_error(Exc_TypeError, "Cannot nest BaseExceptions in '%.200s'", cls->tp_name);
    }
    Ref<> self = BaseException_new(cls, args, kwds);
    if (!self) return nullptr;
    auto* g = static_cast<BaseExceptionGroupObject*>(self.get());
    g->msg = new_ref(message).release();
    g->excs = tuple.release();
    return self;
}

int BaseExceptionGroup_init(Object* op, Object* args, Object* kwds)
{
    if (!check_no_kwargs(Py_TYPE(op)->tp_name, kwds)) return -1;
    set_ref(E(op)->args, new_ref(args).release());
    return 0;
}

Ref<> BaseExceptionGroup_str(Object* op)
{
    auto* g = static_cast<BaseExceptionGroupObject*>(op);
    Py_ssize_t n = tuple_size(g->excs);
    return unicode_from_format("%S (%zd sub-exception%s)", g->msg, n, n > 1 ? "s" : "");
}

Ref<> BaseExceptionGroup_derive(Object* op, Object* excs)
{
    auto* g = static_cast<BaseExceptionGroupObject*>(op);
    Ref<> args = tuple_pack({g->msg, excs});
    if (!args) return nullptr;
    return object_call(Exc_BaseExceptionGroup, args.get(), nullptr);
}

// Which leaves match: a type, a tuple of types, or a predicate.
int group_match(Object* exc, Object* condition)
{
    if (type_check(condition) || tuple_check(condition)) return object_is_instance(exc, condition);
    Ref<> r = call_one_arg(condition, exc);
    if (!r) return -1;
    return object_is_true(r.get());
}

// Splits a group into (matching, rest) trees, preserving structure
// (exceptiongroup_split_recursive). Null parts mean "nothing there".
int group_split(Object* exc, Object* condition, bool want_rest, Ref<>* match, Ref<>* rest)
{
    int m = group_match(exc, condition);
    if (m < 0) return -1;
    if (m) {
        *match = new_ref(exc);
        return 0;
    }
    if (!object_type_check(exc, Exc_BaseExceptionGroup)) {
        if (want_rest) *rest = new_ref(exc);
        return 0;
    }
    auto* g = static_cast<BaseExceptionGroupObject*>(exc);
    Ref<> match_list = list_new(0), rest_list = list_new(0);
    if (!match_list || !rest_list) return -1;
    for (Py_ssize_t i = 0; i < tuple_size(g->excs); i++) {
        Ref<> sm, sr;
        if (group_split(tuple_item(g->excs, i), condition, want_rest, &sm, &sr) < 0) return -1;
        if (sm && list_append(match_list.get(), sm.get()) < 0) return -1;
        if (sr && list_append(rest_list.get(), sr.get()) < 0) return -1;
    }
    auto derive = [&](Object* list, Ref<>* out) -> int {
        if (list_size(list) == 0) return 0;
        Ref<> d = call_method(exc, "derive", {list});
        if (!d) return -1;
        if (exception_group_copy_metadata(exc, d.get()) < 0) return -1;
        *out = std::move(d);
        return 0;
    };
    if (derive(match_list.get(), match) < 0) return -1;
    if (want_rest && derive(rest_list.get(), rest) < 0) return -1;
    return 0;
}

// get_matcher_type: the condition must be a predicate, an exception class
// or a tuple of exception classes, checked before any leaf is visited.
bool check_matcher(Object* condition)
{
    auto is_exc_class = [](Object* o) {
        return type_check(o) && type_is_subtype(static_cast<TypeObject*>(o), Exc_BaseException);
    };
    if (callable_check(condition) && !type_check(condition)) return true;
    if (is_exc_class(condition)) return true;
    if (tuple_check(condition)) {
        bool ok = true;
        for (Py_ssize_t i = 0; i < tuple_size(condition); i++) ok = ok && is_exc_class(tuple_item(condition, i));
        if (ok) return true;
    }
    set_error(Exc_TypeError, "expected a function, exception type or tuple of exception types");
    return false;
}

Ref<> BaseExceptionGroup_split(Object* op, Object* condition)
{
    if (!check_matcher(condition)) return nullptr;
    Ref<> match, rest;
    if (group_split(op, condition, true, &match, &rest) < 0) return nullptr;
    return tuple_pack({match ? match.get() : Py_None(), rest ? rest.get() : Py_None()});
}

Ref<> BaseExceptionGroup_subgroup(Object* op, Object* condition)
{
    if (!check_matcher(condition)) return nullptr;
    Ref<> match, rest;
    if (group_split(op, condition, false, &match, &rest) < 0) return nullptr;
    return match ? match : none_ref();
}

int BaseExceptionGroup_clear(Object* op)
{
    return clear_fields<BaseExceptionGroupObject>(op, {&BaseExceptionGroupObject::msg, &BaseExceptionGroupObject::excs});
}
int BaseExceptionGroup_traverse(Object* op, visitproc v, void* a)
{
    return traverse_fields<BaseExceptionGroupObject>(op, v, a, {&BaseExceptionGroupObject::msg, &BaseExceptionGroupObject::excs});
}

MemberDef BaseExceptionGroup_members[] = {
    {"message", T_OBJECT, offsetof(BaseExceptionGroupObject, msg), READONLY, "exception message"},
    {"exceptions", T_OBJECT, offsetof(BaseExceptionGroupObject, excs), READONLY, "nested exceptions"},
    {},
};

MethodDef BaseExceptionGroup_methods[] = {
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    method_o("derive", BaseExceptionGroup_derive),
    method_o("split", BaseExceptionGroup_split),
    method_o("subgroup", BaseExceptionGroup_subgroup),
    {},
};

}  // namespace

#define MINIPY_EXC(name, base, layout) TypeObject* const Exc_##name = &name##_storage;
#include "minipy/runtime/exceptions.def"
#undef MINIPY_EXC

// --- The PyException_* accessors -----------------------------------------------------------

Object* exception_get_args(Object* exc) { return E(exc)->args; }
Object* exception_get_context(Object* exc) { return E(exc)->context; }
void exception_set_context(Object* exc, Ref<> context) { set_ref(E(exc)->context, context.release()); }
Object* exception_get_cause(Object* exc) { return E(exc)->cause; }
// The tail of exceptiongroup_subset: a group derived from orig gets its
// traceback, context and cause, and a copy of its __notes__ (a list of the
// same notes, so that the parts can be annotated independently).
int exception_group_copy_metadata(Object* orig, Object* eg)
{
    if (exception_set_traceback(eg, E(orig)->traceback ? E(orig)->traceback : Py_None()) < 0) return -1;
    set_ref(E(eg)->context, E(orig)->context ? new_ref(E(orig)->context).release() : nullptr);
    exception_set_cause(eg, E(orig)->cause ? new_ref(E(orig)->cause) : Ref<>());
    Ref<> notes;
    Object* name = intern_id("__notes__");
    if (object_lookup_attr(orig, name, &notes) < 0) return -1;
    if (notes && sequence_check(notes.get())) {
        Ref<> copy = sequence_list(notes.get());
        if (!copy || object_set_attr(eg, name, copy.get()) < 0) return -1;
    }
    return 0;
}

void exception_set_cause(Object* exc, Ref<> cause)
{
    E(exc)->suppress_context = 1;
    set_ref(E(exc)->cause, cause.release());
}
Object* exception_get_traceback(Object* exc) { return E(exc)->traceback; }
int exception_set_traceback(Object* exc, Object* tb)
{
    if (tb == Py_None()) tb = nullptr;
    else if (std::strcmp(Py_TYPE(tb)->tp_name, "traceback") != 0) {
        set_error(Exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    set_ref(E(exc)->traceback, new_ref(tb).release());
    return 0;
}

Ref<> exception_new(TypeObject* type, Object* args) { return object_call(type, args, nullptr); }

TypeObject* exc_environment_error() { return Exc_OSError; }

void raise_syntax_error(TypeObject* type, const char* msg, const char* filename, Py_ssize_t lineno, Py_ssize_t offset,
                        const char* text, Py_ssize_t end_lineno, Py_ssize_t end_offset)
{
    Ref<> m = unicode_from_string(msg);
    Ref<> f = filename ? unicode_from_string(filename) : none_ref();
    Ref<> l = long_from_ssize_t(lineno), o = long_from_ssize_t(offset);
    Ref<> t = text ? unicode_from_string(text) : none_ref();
    Ref<> el = long_from_ssize_t(end_lineno), eo = long_from_ssize_t(end_offset);
    if (!m || !f || !l || !o || !t || !el || !eo) return;
    Ref<> info = tuple_pack({f.get(), l.get(), o.get(), t.get(), el.get(), eo.get()});
    if (!info) return;
    Ref<> args = tuple_pack({m.get(), info.get()});
    if (args) set_error_object(type, args.get());
}

void init_exception_types()
{
    // Bases from the list; BaseException's base is object.
#define MINIPY_EXC(name, base, layout) name##_storage.tp_base = std::strcmp(#base, "object") == 0 ? &BaseObject_Type : Exc_##base;
#define Exc_object nullptr
#include "minipy/runtime/exceptions.def"
#undef Exc_object
#undef MINIPY_EXC

    TypeObject& base = BaseException_storage;
    base.tp_flags |= Py_TPFLAGS_BASE_EXC_SUBCLASS;
    base.tp_dealloc = BaseException_dealloc;
    base.tp_repr = BaseException_repr;
    base.tp_str = BaseException_str;
    base.tp_getattro = object_generic_get_attr;
    base.tp_setattro = object_generic_set_attr;
    base.tp_traverse = BaseException_traverse;
    base.tp_clear = BaseException_clear;
    base.tp_methods = BaseException_methods;
    base.tp_members = BaseException_members;
    base.tp_getset = BaseException_getset;
    base.tp_dictoffset = offsetof(BaseExceptionObject, dict);
    base.tp_init = BaseException_init;
    base.tp_new = BaseException_new;

    auto special = [](TypeObject* t, initproc init, reprfunc str, inquiry clear, traverseproc traverse, MemberDef* members) {
        t->tp_init = init;
        t->tp_str = str;
        t->tp_clear = clear;
        t->tp_traverse = traverse;
        t->tp_members = members;
    };
    special(Exc_SyntaxError, SyntaxError_init, SyntaxError_str, SyntaxError_clear, SyntaxError_traverse, SyntaxError_members);
    special(Exc_ImportError, ImportError_init, ImportError_str, ImportError_clear, ImportError_traverse, ImportError_members);
    special(Exc_SystemExit, SystemExit_init, nullptr, SystemExit_clear, SystemExit_traverse, SystemExit_members);
    special(Exc_StopIteration, StopIteration_init, nullptr, StopIteration_clear, StopIteration_traverse, StopIteration_members);
    special(Exc_NameError, NameError_init, nullptr, NameError_clear, NameError_traverse, NameError_members);
    special(Exc_AttributeError, AttributeError_init, nullptr, AttributeError_clear, AttributeError_traverse, AttributeError_members);
    special(Exc_OSError, OSError_init, OSError_str, OSError_clear, OSError_traverse, OSError_members);
    Exc_OSError->tp_new = OSError_new;
    Exc_OSError->tp_getset = OSError_getset;
    for (TypeObject* t : {Exc_UnicodeEncodeError, Exc_UnicodeDecodeError, Exc_UnicodeTranslateError})
        special(t, UnicodeError_init, UnicodeError_str, UnicodeError_clear, UnicodeError_traverse, UnicodeError_members);
    Exc_KeyError->tp_str = KeyError_str;
    special(Exc_BaseExceptionGroup, BaseExceptionGroup_init, BaseExceptionGroup_str, BaseExceptionGroup_clear,
            BaseExceptionGroup_traverse, BaseExceptionGroup_members);
    Exc_BaseExceptionGroup->tp_new = BaseExceptionGroup_new;
    Exc_BaseExceptionGroup->tp_methods = BaseExceptionGroup_methods;
    // ExceptionGroup(BaseExceptionGroup, Exception): the one multiple base.
    Exc_ExceptionGroup->tp_bases = tuple_pack({Exc_BaseExceptionGroup, Exc_Exception}).release();

#define MINIPY_EXC(name, base, layout)                                                     \
    if (type_ready(&name##_storage) < 0) {                                                 \
        std::fprintf(stderr, "Fatal Python error: cannot ready exception type %s\n", #name); \
        std::abort();                                                                      \
    }
#include "minipy/runtime/exceptions.def"
#undef MINIPY_EXC
}

}  // namespace minipy::runtime
