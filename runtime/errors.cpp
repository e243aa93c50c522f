// errors.cpp: the error indicator on the thread state.
// Mirrors CPython 3.11 Python/errors.c. Book chapter 11.
//
// minipy normalizes at raise time: the indicator always holds an exception
// instance (curexc_value) together with its type, so code that inspects it
// never meets a bare class or an argument tuple. fetch_error/restore_error
// keep 3.11's three-part interface for callers written against it.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/traceback.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

// The exception being handled, used as __context__ of a new one.
Object* topmost_exception(ThreadState* ts)
{
    for (ErrStackItem* item = ts->exc_info; item; item = item->previous_item)
        if (item->exc_value && item->exc_value != Py_None()) return item->exc_value;
    return nullptr;
}

void restore_raw(ThreadState* ts, Object* type, Object* value, Object* tb)
{
    Object* ot = ts->curexc_type;
    Object* ov = ts->curexc_value;
    Object* otb = ts->curexc_traceback;
    ts->curexc_type = type;
    ts->curexc_value = value;
    ts->curexc_traceback = tb;
    xdecref(ot);
    xdecref(ov);
    xdecref(otb);
}

// Builds the instance for raise type(value) (_PyErr_CreateException).
// The call goes straight to the metatype's tp_call, outside the recursion
// limit's count: CPython 3.11 only records (type, value) here and
// instantiates later, so an AttributeError raised at the depth limit (a
// __getattr__ that recurses) must not turn into a RecursionError
// " while calling a Python object".
Ref<> create_exception(TypeObject* type, Object* value)
{
    if (value && exception_check(value) && object_type_check(value, type)) return new_ref(value);
    Ref<> args = !value || value == Py_None() ? tuple_new(0) : tuple_check(value) ? new_ref(value) : tuple_pack({value});
    if (!args) return nullptr;
    ternaryfunc call = Py_TYPE(type)->tp_call;
    if (!call) return format_error(Exc_TypeError, "'%.200s' object is not callable", Py_TYPE(type)->tp_name);
    return call(type, args.get(), nullptr);
}

}  // namespace

void set_error_object(TypeObject* type, Object* value)
{
    ThreadState* ts = thread_state_get();
    if (!exception_class_check(type)) {
        format_error(Exc_SystemError, "_PyErr_SetObject: exception %R is not a BaseException subclass", type);
        return;
    }
    // Chaining: the exception being handled becomes __context__, with
    // cycles broken (as _PyErr_SetObject does) so a chain never loops.
    Ref<> keep_value = new_ref(value);
    Ref<> exc = create_exception(type, value);
    if (!exc) return;  // the error of creating it is now set
    if (!exception_check(exc.get())) {
        format_error(Exc_TypeError, "calling %R should have returned an instance of BaseException, not %s",
                     type, Py_TYPE(exc.get())->tp_name);
        return;
    }
    Object* handled = topmost_exception(ts);
    if (handled && handled != exc.get()) {
        Object* o = handled;
        while (Object* ctx = exception_get_context(o)) {
            if (ctx == exc.get()) {
                exception_set_context(o, nullptr);
                break;
            }
            o = ctx;
        }
        exception_set_context(exc.get(), new_ref(handled));
    }
    Object* tb = exception_get_traceback(exc.get());
    xincref(tb);
    Object* exc_type = Py_TYPE(exc.get());
    incref(exc_type);
    restore_raw(ts, exc_type, exc.release(), tb);
}

void set_error(TypeObject* type, const char* message)
{
    Ref<> msg = unicode_from_string(message);
    if (!msg) return;
    set_error_object(type, msg.get());
}

void set_error_none(TypeObject* type) { set_error_object(type, nullptr); }

std::nullptr_t format_error_v(TypeObject* type, const char* format, va_list va)
{
    error_clear();  // like _PyErr_FormatV: a lost previous error is not chained
    Ref<> msg = unicode_from_format_v(format, va);
    if (msg) set_error_object(type, msg.get());
    return nullptr;
}

std::nullptr_t format_error(TypeObject* type, const char* format, ...)
{
    va_list va;
    va_start(va, format);
    format_error_v(type, format, va);
    va_end(va);
    return nullptr;
}

TypeObject* error_occurred()
{
    ThreadState* ts = thread_state_get();
    return ts ? static_cast<TypeObject*>(ts->curexc_type) : nullptr;
}

bool given_exception_matches(Object* given, Object* exc)
{
    if (!given || !exc) return false;
    if (tuple_check(exc)) {
        for (Py_ssize_t i = 0; i < tuple_size(exc); i++)
            if (given_exception_matches(given, tuple_item(exc, i))) return true;
        return false;
    }
    if (exception_check(given)) given = Py_TYPE(given);
    if (exception_class_check(given) && exception_class_check(exc))
        return type_is_subtype(static_cast<TypeObject*>(given), static_cast<TypeObject*>(exc));
    return given == exc;
}

bool error_matches(TypeObject* exc) { return given_exception_matches(error_occurred(), exc); }

void error_clear() { restore_raw(thread_state_get(), nullptr, nullptr, nullptr); }

void fetch_error(Ref<>* type, Ref<>* value, Ref<>* traceback)
{
    ThreadState* ts = thread_state_get();
    *type = steal_ref(ts->curexc_type);
    *value = steal_ref(ts->curexc_value);
    *traceback = steal_ref(ts->curexc_traceback);
    ts->curexc_type = ts->curexc_value = ts->curexc_traceback = nullptr;
}

void restore_error(Ref<> type, Ref<> value, Ref<> traceback)
{
    if (type && value && !exception_check(value.get())) {
        // A caller restored 3.11's unnormalized form: normalize now.
        set_error_object(static_cast<TypeObject*>(type.get()), value.get());
        return;
    }
    restore_raw(thread_state_get(), type.release(), value.release(), traceback.release());
}

Ref<> fetch_exception()
{
    Ref<> type, value, tb;
    fetch_error(&type, &value, &tb);
    return value;
}

void restore_exception(Ref<> exc)
{
    if (!exc) {
        error_clear();
        return;
    }
    Ref<> type = new_ref<Object>(Py_TYPE(exc.get()));
    Ref<> tb = new_ref(exception_get_traceback(exc.get()));
    Object* value = exc.release();
    restore_raw(thread_state_get(), type.release(), value, tb.release());
}

void chain_exceptions(Ref<> exc)
{
    if (!exc) return;
    if (error_occurred()) {
        Ref<> err = fetch_exception();
        exception_set_context(err.get(), std::move(exc));
        restore_exception(std::move(err));
    }
    else {
        restore_exception(std::move(exc));
    }
}

std::nullptr_t error_no_memory()
{
    set_error_none(Exc_MemoryError);
    return nullptr;
}

// PyErr_SetFromErrnoWithFilenameObjects: type(errno, strerror[, filename,
// None, filename2]) built by calling the type, so that OSError itself picks
// the errno's subclass (ENOENT -> FileNotFoundError). errno is read first:
// allocating below may change it.
std::nullptr_t set_from_errno_with_filename_objects(TypeObject* type, Object* filename, Object* filename2)
{
    int err = errno;
    Ref<> code = long_from_long(err);
    Ref<> message = unicode_from_string(err ? std::strerror(err) : "Error");
    if (!code || !message) return nullptr;
    Ref<> args;
    if (filename || filename2)
        args = tuple_pack({code.get(), message.get(), filename ? filename : Py_None(), Py_None(),
                           filename2 ? filename2 : Py_None()});
    else
        args = tuple_pack({code.get(), message.get()});
    if (!args) return nullptr;
    Ref<> exc = object_call(type, args.get(), nullptr);
    if (exc) set_error_object(Py_TYPE(exc.get()), exc.get());
    return nullptr;
}

std::nullptr_t set_from_errno(TypeObject* type) { return set_from_errno_with_filename_objects(type, nullptr, nullptr); }

std::nullptr_t set_from_errno_with_filename_object(TypeObject* type, Object* filename)
{
    return set_from_errno_with_filename_objects(type, filename, nullptr);
}

std::nullptr_t error_bad_internal_call()
{
    set_error(Exc_SystemError, "bad argument to internal function");
    return nullptr;
}

UnraisableHook unraisable_hook = nullptr;
ErrorDisplayHook error_display_hook = nullptr;

void error_write_unraisable(Object* where)
{
    if (unraisable_hook) {
        unraisable_hook(nullptr, where);
        return;
    }
    Ref<> exc = fetch_exception();
    if (!exc) return;
    // The full sys.unraisablehook arrives with the sys module; until then
    // print CPython's default form.
    Ref<> where_str = where ? object_repr(where) : nullptr;
    Ref<> msg = object_str(exc.get());
    std::fprintf(stderr, "Exception ignored in: %s\n%s: %s\n",
                 where_str ? unicode_to_std(where_str.get()).c_str() : "None",
                 type_short_name(Py_TYPE(exc.get())), msg ? unicode_to_std(msg.get()).c_str() : "");
    error_clear();
}

Object* get_handled_exception()
{
    return topmost_exception(thread_state_get());
}

Ref<> error_new_exception(const char* name, Object* base, Object* dict)
{
    const char* dot = std::strrchr(name, '.');
    if (!dot) {
        set_error(Exc_SystemError, "PyErr_NewException: name must be module.class");
        return nullptr;
    }
    Ref<> ns = dict ? new_ref(dict) : dict_new();
    if (!ns) return nullptr;
    if (!dict_get_item_string(ns.get(), "__module__")) {
        Ref<> modname = unicode_from_utf8(std::string_view(name, static_cast<std::size_t>(dot - name)));
        if (!modname || dict_set_item_string(ns.get(), "__module__", modname.get()) < 0) return nullptr;
    }
    if (!base) base = Exc_Exception;
    Ref<> bases = tuple_check(base) ? new_ref(base) : tuple_pack({base});
    Ref<> classname = unicode_from_string(dot + 1);
    if (!bases || !classname) return nullptr;
    // type(name, bases, dict), as the C version calls PyObject_CallFunction.
    return call_function_objargs(&Type_Type, {classname.get(), bases.get(), ns.get()});
}

}  // namespace minipy::runtime
