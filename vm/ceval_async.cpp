// ceval_async.cpp: the eval loop's context-manager and asynchronous
// protocols: BEFORE_WITH / BEFORE_ASYNC_WITH, GET_AWAITABLE, GET_AITER and
// GET_ANEXT. Mirrors the bodies of those instructions in CPython 3.11
// Python/ceval.c (with _PyCoro_GetAwaitableIter of Objects/genobject.c
// doing the `await` part). Book chapter 8, "The Evaluation Loop".
//
// Each helper looks the dunder up on the type only (lookup_special), as
// the special-method protocol requires, and words its TypeError as 3.11
// does, so that tracebacks match python3.11's.
#include "ceval.h"
#include "genobject.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/typeobject.h"

namespace minipy::vm {

using namespace runtime;

// BEFORE_WITH / BEFORE_ASYNC_WITH: mgr.__enter__() (or __aenter__()) and,
// in *exit_out, mgr.__exit__ (or __aexit__) bound.
Ref<> before_with(Object* mgr, Object** exit_out, bool async)
{
    const char* protocol = async ? "asynchronous context manager protocol" : "context manager protocol";
    Ref<> enter = lookup_special(mgr, async ? intern_str("__aenter__") : intern_str("__enter__"));
    if (!enter) {
        if (!error_occurred())
            format_error(Exc_TypeError, "'%.200s' object does not support the %s", Py_TYPE(mgr)->tp_name, protocol);
        return nullptr;
    }
    Ref<> exit = lookup_special(mgr, async ? intern_str("__aexit__") : intern_str("__exit__"));
    if (!exit) {
        if (!error_occurred())
            format_error(Exc_TypeError, "'%.200s' object does not support the %s (missed %s method)",
                         Py_TYPE(mgr)->tp_name, protocol, async ? "__aexit__" : "__exit__");
        return nullptr;
    }
    Ref<> res = call_no_args(enter.get());
    if (!res) return nullptr;
    *exit_out = exit.release();
    return res;
}

// GET_AWAITABLE: the iterator `await obj` drives. oparg 1 and 2 say the
// object came from __aenter__ / __aexit__, which gets its own message.
Ref<> get_awaitable(Object* obj, int oparg)
{
    Ref<> iter = coro_get_awaitable_iter(obj);
    if (!iter) {
        if ((oparg == 1 || oparg == 2) && error_matches(Exc_TypeError) && !type_lookup(Py_TYPE(obj), intern_str("__await__"))) {
            error_clear();
            format_error(Exc_TypeError, "'async with' received an object from %s that does not implement __await__: %.100s",
                         oparg == 1 ? "__aenter__" : "__aexit__", Py_TYPE(obj)->tp_name);
        }
        return nullptr;
    }
    if (coro_check(iter.get()) && gen_yield_from(iter.get())) {
        // The coroutine is suspended in an await of its own.
        return format_error(Exc_RuntimeError, "coroutine is being awaited already");
    }
    return iter;
}

// GET_AITER: aiter(obj), which must have __anext__.
Ref<> get_aiter(Object* obj)
{
    Ref<> getter = lookup_special(obj, intern_str("__aiter__"));
    if (!getter) {
        if (!error_occurred())
            format_error(Exc_TypeError, "'async for' requires an object with __aiter__ method, got %.100s",
                         Py_TYPE(obj)->tp_name);
        return nullptr;
    }
    Ref<> iter = call_no_args(getter.get());
    if (!iter) return nullptr;
    if (!type_lookup(Py_TYPE(iter.get()), intern_str("__anext__"))) {
        return format_error(Exc_TypeError,
                            "'async for' received an object from __aiter__ that does not implement __anext__: %.100s",
                            Py_TYPE(iter.get())->tp_name);
    }
    return iter;
}

// GET_ANEXT: the awaitable of aiter.__anext__().
Ref<> get_anext(Object* aiter)
{
    Ref<> getter = lookup_special(aiter, intern_str("__anext__"));
    if (!getter) {
        if (!error_occurred())
            format_error(Exc_TypeError, "'async for' requires an iterator with __anext__ method, got %.100s",
                         Py_TYPE(aiter)->tp_name);
        return nullptr;
    }
    Ref<> next_iter = call_no_args(getter.get());
    if (!next_iter) return nullptr;
    Ref<> awaitable = coro_get_awaitable_iter(next_iter.get());
    if (!awaitable) {
        Ref<> cause = fetch_exception();
        format_error(Exc_TypeError, "'async for' received an invalid object from __anext__: %.100s",
                     Py_TYPE(next_iter.get())->tp_name);
        Object* exc = thread_state_get()->curexc_value;
        if (exc && cause) {
            exception_set_context(exc, new_ref(cause.get()));
            exception_set_cause(exc, std::move(cause));
        }
        return nullptr;
    }
    return awaitable;
}

}  // namespace minipy::vm
