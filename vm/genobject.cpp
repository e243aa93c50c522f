// genobject.cpp: generators: send, throw, close, iteration, and the frame
// they carry between resumptions.
// Mirrors CPython 3.11 Objects/genobject.c (gen_send_ex2, gen_throw,
// gen_close, _PyGen_Finalize, PyIter_Send) and _PyFrame_Copy of
// Python/frame.c. Book chapter 8.
//
// Calling a generator function runs its frame up to RETURN_GENERATOR (the
// first instruction): the frame's contents move into a new generator object
// and the call returns the generator. Each send/next pushes the value sent
// onto the saved frame's stack and runs the frame as an entry frame of a
// new eval_frame invocation, until YIELD_VALUE (the frame stays, state
// SUSPENDED) or a return/exception (the frame is cleared). While it runs,
// the thread's exc_info points at the generator's own gi_exc_state, so an
// exception handled inside the generator is not seen outside it.
#include "genobject.h"

#include <cstring>
#include <string>

#include "ceval.h"
#include "import.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/opcode.h"
#include "minipy/runtime/traceback.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/warnings.h"
#include "minipy/runtime/weakrefobject.h"

namespace minipy::vm {

using namespace runtime;

// Defined with the other types below; the async generator code refers to them.
extern TypeObject AsyncGenWrappedValue_Type;
extern TypeObject AsyncGenASend_Type;
extern TypeObject AsyncGenAThrow_Type;

namespace {

GenObject* G(Object* op) { return static_cast<GenObject*>(op); }

// The word CPython's messages use for each kind of generator-like object.
const char* gen_kind(GenObject* gen)
{
    if (coro_check(gen)) return "coroutine";
    if (async_gen_check(gen)) return "async generator";
    return "generator";
}


// _PyGen_FetchStopIterationValue: the value of a pending StopIteration
// (None when it has none); false when another exception is pending.
bool fetch_stop_iteration_value(Ref<>* value)
{
    if (!error_occurred()) {
        *value = none_ref();
        return true;
    }
    if (!error_matches(Exc_StopIteration)) return false;
    Ref<> exc = fetch_exception();
    Object* v = static_cast<StopIterationObject*>(exc.get())->value;
    *value = new_ref(v ? v : Py_None());
    return true;
}

void gen_clear_frame(GenObject* gen)
{
    if (gen->gi_frame_state < FRAME_CLEARED) {
        frame_clear(gen_frame(gen));
        gen->gi_frame_state = FRAME_CLEARED;
    }
    clear_ref(gen->gi_exc_state.exc_value);
}

// gen_send_ex2: resumes the generator with arg (or with the pending
// exception when exc is set).
SendResult gen_send_ex2(GenObject* gen, Object* arg, Ref<>* presult, bool exc, bool closing)
{
    ThreadState* ts = thread_state_get();
    if (gen->gi_frame_state == FRAME_CREATED && arg && arg != Py_None()) {
        format_error(Exc_TypeError, "can't send non-None value to a just-started %s", gen_kind(gen));
        return PYGEN_ERROR;
    }
    if (gen->gi_frame_state == FRAME_EXECUTING) {
        format_error(Exc_ValueError, "%s already executing", gen_kind(gen));
        return PYGEN_ERROR;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        // Exhausted: send() gets None back (then StopIteration), next()
        // and throw() end with no value (throw's exception stays set).
        // A coroutine runs once: awaiting it again is an error, except
        // for close(), which is always silent.
        if (coro_check(gen) && !closing) {
            set_error(Exc_RuntimeError, "cannot reuse already awaited coroutine");
        }
        else if (arg && !exc) {
            *presult = none_ref();
            return PYGEN_RETURN;
        }
        return PYGEN_ERROR;
    }
    InterpreterFrame* frame = gen_frame(gen);
    // The value sent becomes the result of the yield expression.
    Object* sent = arg ? arg : Py_None();
    incref(sent);
    frame->localsplus[frame->stacktop++] = sent;

    gen->gi_exc_state.previous_item = ts->exc_info;
    ts->exc_info = &gen->gi_exc_state;
    gen->gi_frame_state = FRAME_EXECUTING;
    Ref<> result = eval_frame(ts, frame, exc);
    if (gen->gi_frame_state == FRAME_EXECUTING) gen->gi_frame_state = FRAME_COMPLETED;
    ts->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = nullptr;

    if (result) {
        if (gen->gi_frame_state == FRAME_SUSPENDED) {
            *presult = std::move(result);
            return PYGEN_NEXT;
        }
        // Returning None to next() is just the end: no value to report.
        if (result.get() == Py_None() && !async_gen_check(gen) && !arg) result.reset();
    }
    else if (error_matches(Exc_StopIteration) ||
             (async_gen_check(gen) && error_matches(Exc_StopAsyncIteration))) {
        // PEP 479: a StopIteration escaping a generator becomes RuntimeError
        // (and StopAsyncIteration escaping an async generator).
        bool async_stop = !error_matches(Exc_StopIteration);
        Ref<> cause = fetch_exception();
        format_error(Exc_RuntimeError, "%s raised %s", gen_kind(gen),
                     async_stop ? "StopAsyncIteration" : "StopIteration");
        Object* rt = ts->curexc_value;
        if (rt) {
            exception_set_context(rt, new_ref(cause.get()));
            exception_set_cause(rt, new_ref(cause.get()));
        }
    }
    gen_clear_frame(gen);
    *presult = std::move(result);
    return *presult ? PYGEN_RETURN : PYGEN_ERROR;
}

// gen_send_ex: the iterator protocol's view (StopIteration at the end).
Ref<> gen_send_ex(GenObject* gen, Object* arg, bool exc, bool closing)
{
    Ref<> result;
    if (gen_send_ex2(gen, arg, &result, exc, closing) == PYGEN_RETURN) {
        if (async_gen_check(gen)) set_error_none(Exc_StopAsyncIteration);
        else if (result.get() == Py_None()) set_error_none(Exc_StopIteration);
        else set_stop_iteration_value(result.get());
        return nullptr;
    }
    return result;
}

Ref<> gen_iternext(Object* self)
{
    Ref<> result;
    if (gen_send_ex2(G(self), nullptr, &result, false, false) == PYGEN_RETURN) {
        if (result.get() != Py_None()) set_stop_iteration_value(result.get());
        return nullptr;
    }
    return result;
}

Ref<> gen_send(Object* self, Object* arg) { return gen_send_ex(G(self), arg, false, false); }

// _PyGen_yf: the sub-iterator a suspended generator is delegating to with
// `yield from` or `await` (new reference), or null. The frame is then
// stopped at the YIELD_VALUE of a SEND loop: the RESUME after it has oparg
// 2 (after yield from) or 3 (after await), and the sub-iterator is the top
// of the value stack.
Ref<> gen_yf(GenObject* gen)
{
    if (gen->gi_frame_state != FRAME_SUSPENDED) return nullptr;
    InterpreterFrame* frame = gen_frame(gen);
    _Py_CODEUNIT next = frame->prev_instr[1];
    if ((next & 0xff) != RESUME || (next >> 8) < 2) return nullptr;
    return new_ref(frame->localsplus[frame->stacktop - 1]);
}

Ref<> gen_close(Object* self, Object*);

// gen_close_iter: closes what a generator delegates to: close() of a
// generator or coroutine, else the iterator's own close method if it has
// one. -1 on error.
int gen_close_iter(Object* yf)
{
    Ref<> retval;
    if (gen_check(yf) || coro_check(yf)) {
        retval = gen_close(yf, nullptr);
    }
    else {
        Ref<> meth;
        if (object_lookup_attr(yf, intern_str("close"), &meth) < 0) error_write_unraisable(yf);
        if (meth) retval = call_no_args(meth.get());
        else return 0;
    }
    return retval ? 0 : -1;
}

// The exception described by throw()'s arguments, set as the error
// indicator; false (with a TypeError set) for bad arguments.
bool set_thrown_exception(Object* typ, Object* val, Object* tb)
{
    if (tb == Py_None()) tb = nullptr;
    if (tb && !traceback_check(tb)) {
        set_error(Exc_TypeError, "throw() third argument must be a traceback object");
        return false;
    }
    if (exception_class_check(typ)) {
        set_error_object(static_cast<TypeObject*>(typ), val && val != Py_None() ? val : nullptr);
    }
    else if (exception_check(typ)) {
        if (val && val != Py_None()) {
            set_error(Exc_TypeError, "instance exception may not have a separate value");
            return false;
        }
        set_error_object(Py_TYPE(typ), typ);
    }
    else {
        format_error(Exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                     Py_TYPE(typ)->tp_name);
        return false;
    }
    if (tb) {
        Object* exc = thread_state_get()->curexc_value;
        if (exc && exception_set_traceback(exc, tb) < 0) return false;
    }
    return true;
}

// _gen_throw: the exception goes first to the sub-iterator the generator
// delegates to (a generator or coroutine directly, anything else through
// its throw method); only when that fails does it surface at the yield
// from / await, where the generator's own handlers see it. GeneratorExit
// closes the sub-iterator instead (close_on_genexit; async generators
// pass false to let awaits run during aclose).
Ref<> gen_throw_impl(GenObject* gen, bool close_on_genexit, Object* typ, Object* val, Object* tb)
{
    Ref<> yf = gen_yf(gen);
    if (yf) {
        InterpreterFrame* frame = gen_frame(gen);
        Ref<> ret;
        if (close_on_genexit && given_exception_matches(typ, Exc_GeneratorExit)) {
            signed char state = gen->gi_frame_state;
            gen->gi_frame_state = FRAME_EXECUTING;
            int err = gen_close_iter(yf.get());
            gen->gi_frame_state = state;
            if (err < 0) return gen_send_ex(gen, Py_None(), true, false);
            if (!set_thrown_exception(typ, val, tb)) return nullptr;
            return gen_send_ex(gen, Py_None(), true, false);
        }
        if (gen_check(yf.get()) || coro_check(yf.get())) {
            signed char state = gen->gi_frame_state;
            gen->gi_frame_state = FRAME_EXECUTING;
            ret = gen_throw_impl(G(yf.get()), close_on_genexit, typ, val, tb);
            gen->gi_frame_state = state;
        }
        else {
            Ref<> meth;
            if (object_lookup_attr(yf.get(), intern_str("throw"), &meth) < 0) return nullptr;
            if (!meth) {
                if (!set_thrown_exception(typ, val, tb)) return nullptr;
                return gen_send_ex(gen, Py_None(), true, false);
            }
            signed char state = gen->gi_frame_state;
            gen->gi_frame_state = FRAME_EXECUTING;
            Object* argv[3] = {typ, val ? val : Py_None(), tb ? tb : Py_None()};
            ret = object_vectorcall(meth.get(), argv, tb ? 3 : val ? 2 : 1, nullptr);
            gen->gi_frame_state = state;
        }
        if (!ret) {
            // The sub-iterator finished (or failed): pop it and leave the
            // SEND loop as SEND does when the sub-iterator returns, at the
            // jump target, with the return value (or the error) in hand.
            Object* popped = frame->localsplus[--frame->stacktop];
            decref(popped);
            _Py_CODEUNIT* send = frame->prev_instr - 1;  // YIELD_VALUE follows SEND
            frame->prev_instr = send + (*send >> 8);
            Ref<> value;
            if (fetch_stop_iteration_value(&value)) return gen_send_ex(gen, value.get(), false, false);
            return gen_send_ex(gen, Py_None(), true, false);
        }
        return ret;
    }
    if (!set_thrown_exception(typ, val, tb)) return nullptr;
    return gen_send_ex(gen, Py_None(), true, false);
}

// gen_throw: raises the exception inside the generator at its yield.
Ref<> gen_throw(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("throw", nargs, 1, 3)) return nullptr;
    return gen_throw_impl(G(self), true, args[0], nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr);
}

// gen_close: GeneratorExit at the yield (after closing what the generator
// delegates to); the generator must not yield again.
Ref<> gen_close(Object* self, Object*)
{
    GenObject* gen = G(self);
    if (gen->gi_frame_state == FRAME_CREATED) {
        gen_clear_frame(gen);
        gen->gi_frame_state = FRAME_COMPLETED;
        return none_ref();
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) return none_ref();
    int err = 0;
    if (Ref<> yf = gen_yf(gen)) {
        signed char state = gen->gi_frame_state;
        gen->gi_frame_state = FRAME_EXECUTING;
        err = gen_close_iter(yf.get());
        gen->gi_frame_state = state;
    }
    if (err == 0) set_error_none(Exc_GeneratorExit);
    Ref<> retval = gen_send_ex(gen, Py_None(), true, true);
    if (retval) {
        return format_error(Exc_RuntimeError, "%s ignored GeneratorExit", gen_kind(gen));
    }
    if (error_matches(Exc_StopIteration) || error_matches(Exc_GeneratorExit)) {
        error_clear();
        return none_ref();
    }
    return nullptr;
}

// _PyErr_WarnUnawaitedCoroutine: "coroutine '...' was never awaited", a
// RuntimeWarning blamed on the code running when the coroutine is dropped.
// warnings._warn_unawaited_coroutine words it when the warnings module can
// be imported (it adds where the coroutine was made, if known); otherwise
// the warning is issued from here.
void warn_unawaited_coroutine(GenObject* coro)
{
    bool warned = false;
    Ref<> name = unicode_from_string("warnings");
    Ref<> warnings = name ? import_module_level(name.get(), nullptr, nullptr, 0) : nullptr;
    Ref<> fn;
    if (warnings && object_lookup_attr(warnings.get(), intern_str("_warn_unawaited_coroutine"), &fn) >= 0 && fn) {
        Ref<> r = call_function_objargs(fn.get(), {coro});
        warned = static_cast<bool>(r);
    }
    if (error_occurred()) error_write_unraisable(coro);
    if (!warned) {
        std::string qualname = coro->gi_qualname ? unicode_to_std(coro->gi_qualname) : "?";
        if (error_warn(Exc_RuntimeWarning, ("coroutine '" + qualname + "' was never awaited").c_str(), 1) < 0)
            error_write_unraisable(coro);
    }
}

// _PyGen_Finalize, the tp_finalize of generators, coroutines and async
// generators (PEP 442): a suspended one is closed, so its finally blocks
// and context managers run; a coroutine that never ran warns instead. The
// collector calls it before breaking a cycle (while the frame is intact),
// gen_dealloc when the last reference goes; either way only once.
void gen_finalize(Object* self)
{
    GenObject* gen = G(self);
    if (gen->gi_frame_state >= FRAME_COMPLETED) return;  // not paused: nothing to close
    Ref<> saved = fetch_exception();
    if (gen->gi_frame_state == FRAME_CREATED && coro_check(self)) {
        warn_unawaited_coroutine(gen);
    }
    else {
        Ref<> r = gen_close(self, nullptr);
        if (!r && error_occurred()) error_write_unraisable(self);
    }
    restore_exception(std::move(saved));
}

void gen_dealloc(Object* self)
{
    GenObject* gen = G(self);
    // Weak references die before the generator is closed (as gen_dealloc).
    if (gen->gi_weakreflist) object_clear_weakrefs(self);
    if (object_call_finalizer_from_dealloc(self) < 0) return;  // resurrected by its finally block
    gen_clear_frame(gen);
    clear_ref(gen->gi_name);
    clear_ref(gen->gi_qualname);
    clear_ref(gen->gi_code);
    object_dealloc_memory(self);
}

int gen_traverse(Object* self, visitproc visit, void* arg)
{
    GenObject* gen = G(self);
    for (Object* o : {gen->gi_name, gen->gi_qualname, gen->gi_code, gen->gi_exc_state.exc_value})
        if (o)
            if (int r = visit(o, arg)) return r;
    if (gen->gi_frame_state < FRAME_CLEARED) {
        // _PyFrame_Traverse: the frame's own references too. Missing one
        // makes its referent look referenced from outside (a function's
        // globals: a module holding a suspended generator would never be
        // collected).
        InterpreterFrame* f = gen_frame(gen);
        for (Object* o : {f->frame_obj, f->f_locals, static_cast<Object*>(f->f_func), static_cast<Object*>(f->f_code)})
            if (o)
                if (int r = visit(o, arg)) return r;
        for (int i = 0; i < f->stacktop; i++)
            if (f->localsplus[i])
                if (int r = visit(f->localsplus[i], arg)) return r;
    }
    return 0;
}

Ref<> gen_repr(Object* self) { return unicode_from_format("<generator object %U at %p>", G(self)->gi_qualname, self); }
Ref<> async_gen_repr(Object* self) { return unicode_from_format("<async_generator object %U at %p>", G(self)->gi_qualname, self); }
Ref<> coro_repr(Object* self) { return unicode_from_format("<coroutine object %U at %p>", G(self)->gi_qualname, self); }

Ref<> gen_get_name(Object* self, void*) { return new_ref(G(self)->gi_name); }
Ref<> gen_get_qualname(Object* self, void*) { return new_ref(G(self)->gi_qualname); }
Ref<> gen_get_code(Object* self, void*) { return new_ref(G(self)->gi_code); }
Ref<> gen_get_running(Object* self, void*) { return bool_from_long(G(self)->gi_frame_state == FRAME_EXECUTING); }
Ref<> gen_get_suspended(Object* self, void*) { return bool_from_long(G(self)->gi_frame_state == FRAME_SUSPENDED); }
// gi_frame / cr_frame / ag_frame: the frame object of the generator's frame
// (a snapshot, see runtime/frameobject.h), or None once it has finished.
Ref<> gen_get_frame(Object* self, void*)
{
    GenObject* gen = G(self);
    if (gen->gi_frame_state >= FRAME_COMPLETED) return none_ref();
    return frame_make_object(gen_frame(gen));
}
// gi_yieldfrom / cr_await: what the object delegates to, or None.
Ref<> gen_get_yieldfrom(Object* self, void*)
{
    Ref<> yf = gen_yf(G(self));
    return yf ? std::move(yf) : none_ref();
}

GetSetDef gen_getsets[] = {
    {"__name__", gen_get_name, nullptr, nullptr, nullptr},
    {"__qualname__", gen_get_qualname, nullptr, nullptr, nullptr},
    {"gi_code", gen_get_code, nullptr, nullptr, nullptr},
    {"gi_frame", gen_get_frame, nullptr, nullptr, nullptr},
    {"gi_running", gen_get_running, nullptr, nullptr, nullptr},
    {"gi_suspended", gen_get_suspended, nullptr, nullptr, nullptr},
    {"gi_yieldfrom", gen_get_yieldfrom, nullptr, nullptr, nullptr},
    {},
};

GetSetDef coro_getsets[] = {
    {"__name__", gen_get_name, nullptr, nullptr, nullptr},
    {"__qualname__", gen_get_qualname, nullptr, nullptr, nullptr},
    {"cr_code", gen_get_code, nullptr, nullptr, nullptr},
    {"cr_frame", gen_get_frame, nullptr, nullptr, nullptr},
    {"cr_running", gen_get_running, nullptr, nullptr, nullptr},
    {"cr_suspended", gen_get_suspended, nullptr, nullptr, nullptr},
    {"cr_await", gen_get_yieldfrom, nullptr, nullptr, nullptr},
    {},
};

Ref<> async_gen_get_running(Object* self, void*) { return bool_from_long(G(self)->ag_running_async); }

GetSetDef async_gen_getsets[] = {
    {"__name__", gen_get_name, nullptr, nullptr, nullptr},
    {"__qualname__", gen_get_qualname, nullptr, nullptr, nullptr},
    {"ag_code", gen_get_code, nullptr, nullptr, nullptr},
    {"ag_frame", gen_get_frame, nullptr, nullptr, nullptr},
    {"ag_running", async_gen_get_running, nullptr, nullptr, nullptr},
    {"ag_suspended", gen_get_suspended, nullptr, nullptr, nullptr},
    {"ag_await", gen_get_yieldfrom, nullptr, nullptr, nullptr},
    {},
};

// --- coroutine_wrapper: what coroutine.__await__() returns -------------------------
// An iterator over the coroutine (PEP 492): next/send/throw/close go to it.

struct CoroWrapper : Object {
    Object* cw_coroutine;  // owned
};

Object* W(Object* self) { return static_cast<CoroWrapper*>(self)->cw_coroutine; }

Ref<> coro_await(Object* self, Object*)
{
    Ref<> wrapper = Ref<>::steal(object_alloc_raw(&CoroWrapper_Type, 0));
    if (!wrapper) return nullptr;
    static_cast<CoroWrapper*>(wrapper.get())->cw_coroutine = new_ref(self).release();
    return wrapper;
}

void coro_wrapper_dealloc(Object* self)
{
    clear_ref(static_cast<CoroWrapper*>(self)->cw_coroutine);
    object_dealloc_memory(self);
}

int coro_wrapper_traverse(Object* self, visitproc visit, void* arg)
{
    Object* coro = W(self);
    return coro ? visit(coro, arg) : 0;
}

Ref<> coro_wrapper_iternext(Object* self) { return gen_send_ex(G(W(self)), Py_None(), false, false); }
Ref<> coro_wrapper_send(Object* self, Object* arg) { return gen_send_ex(G(W(self)), arg, false, false); }
Ref<> coro_wrapper_throw(Object* self, Object* const* args, Py_ssize_t nargs) { return gen_throw(W(self), args, nargs); }
Ref<> coro_wrapper_close(Object* self, Object*) { return gen_close(W(self), nullptr); }

MethodDef coro_wrapper_methods[] = {
    method_o("send", coro_wrapper_send, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."),
    method_fast("throw", coro_wrapper_throw, "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."),
    method_noargs("close", coro_wrapper_close, "close() -> raise GeneratorExit inside coroutine."),
    {},
};

MethodDef gen_methods[] = {
    method_o("send", gen_send, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    method_fast("throw", gen_throw, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    method_noargs("close", gen_close, "close() -> raise GeneratorExit inside generator."),
    {},
};


// --- async generators: the awaitables of asend/athrow/aclose ---------------------
// An async generator's frame yields two kinds of values: those of its own
// `yield` (wrapped by ASYNC_GEN_WRAP) and those its awaits pass through to
// the event loop. The asend/athrow objects are the awaitables __anext__,
// asend, athrow and aclose return: they drive the generator and turn a
// wrapped value into StopIteration(value), i.e. the await's result.

struct AsyncGenWrappedValue : Object {
    Object* agw_val;  // owned
};

void wrapped_value_dealloc(Object* self)
{
    clear_ref(static_cast<AsyncGenWrappedValue*>(self)->agw_val);
    object_dealloc_memory(self);
}

int wrapped_value_traverse(Object* self, visitproc visit, void* arg)
{
    Object* v = static_cast<AsyncGenWrappedValue*>(self)->agw_val;
    return v ? visit(v, arg) : 0;
}

enum AwaitableState { AWAITABLE_STATE_INIT, AWAITABLE_STATE_ITER, AWAITABLE_STATE_CLOSED };

// async_generator_asend and async_generator_athrow share this layout;
// aw_args is asend's value to send, athrow's throw() arguments (a tuple),
// or null for aclose().
struct AsyncGenAwaitable : Object {
    Object* aw_gen;   // owned async generator
    Object* aw_args;  // owned or null
    int aw_state;
};

AsyncGenAwaitable* AW(Object* self) { return static_cast<AsyncGenAwaitable*>(self); }

Ref<> async_gen_awaitable_new(TypeObject* type, Object* gen, Object* args)
{
    Ref<> o = Ref<>::steal(object_alloc_raw(type, 0));
    if (!o) return nullptr;
    AW(o.get())->aw_gen = new_ref(gen).release();
    AW(o.get())->aw_args = args ? new_ref(args).release() : nullptr;
    AW(o.get())->aw_state = AWAITABLE_STATE_INIT;
    return o;
}

void async_gen_awaitable_dealloc(Object* self)
{
    clear_ref(AW(self)->aw_gen);
    clear_ref(AW(self)->aw_args);
    object_dealloc_memory(self);
}

int async_gen_awaitable_traverse(Object* self, visitproc visit, void* arg)
{
    for (Object* o : {AW(self)->aw_gen, AW(self)->aw_args})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

// async_gen_unwrap_value: a wrapped value (the generator's own yield)
// becomes StopIteration(value); the end of the generator becomes
// StopAsyncIteration; what an await yields passes through.
Ref<> async_gen_unwrap_value(GenObject* gen, Ref<> result)
{
    if (!result) {
        if (!error_occurred()) set_error_none(Exc_StopAsyncIteration);
        if (error_matches(Exc_StopAsyncIteration) || error_matches(Exc_GeneratorExit)) gen->ag_closed = true;
        gen->ag_running_async = false;
        return nullptr;
    }
    if (Py_TYPE(result.get()) == &AsyncGenWrappedValue_Type) {
        set_stop_iteration_value(static_cast<AsyncGenWrappedValue*>(result.get())->agw_val);
        gen->ag_running_async = false;
        return nullptr;
    }
    return result;
}

// asend(value).send(arg): the first send delivers asend's value.
Ref<> async_gen_asend_send(Object* self, Object* arg)
{
    AsyncGenAwaitable* o = AW(self);
    GenObject* gen = G(o->aw_gen);
    if (o->aw_state == AWAITABLE_STATE_CLOSED)
        return format_error(Exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (o->aw_state == AWAITABLE_STATE_INIT) {
        if (gen->ag_running_async)
            return format_error(Exc_RuntimeError, "anext(): asynchronous generator is already running");
        if (arg == nullptr || arg == Py_None()) arg = o->aw_args;
        o->aw_state = AWAITABLE_STATE_ITER;
    }
    gen->ag_running_async = true;
    Ref<> result = async_gen_unwrap_value(gen, gen_send_ex(gen, arg, false, false));
    if (!result) o->aw_state = AWAITABLE_STATE_CLOSED;
    return result;
}

Ref<> async_gen_asend_iternext(Object* self) { return async_gen_asend_send(self, nullptr); }

Ref<> async_gen_asend_throw(Object* self, Object* const* args, Py_ssize_t nargs)
{
    AsyncGenAwaitable* o = AW(self);
    if (o->aw_state == AWAITABLE_STATE_CLOSED)
        return format_error(Exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    Ref<> result = async_gen_unwrap_value(G(o->aw_gen), gen_throw(o->aw_gen, args, nargs));
    if (!result) o->aw_state = AWAITABLE_STATE_CLOSED;
    return result;
}

Ref<> async_gen_asend_close(Object* self, Object*)
{
    AW(self)->aw_state = AWAITABLE_STATE_CLOSED;
    return none_ref();
}

// The error that ends an athrow/aclose: for aclose(), the generator
// finishing (StopAsyncIteration or GeneratorExit) is success, reported as
// the awaitable's own StopIteration.
Ref<> async_gen_athrow_check_error(AsyncGenAwaitable* o)
{
    G(o->aw_gen)->ag_running_async = false;
    o->aw_state = AWAITABLE_STATE_CLOSED;
    if (o->aw_args == nullptr && (error_matches(Exc_StopAsyncIteration) || error_matches(Exc_GeneratorExit))) {
        error_clear();
        set_error_none(Exc_StopIteration);
    }
    return nullptr;
}

Ref<> async_gen_athrow_ignored_exit(AsyncGenAwaitable* o)
{
    G(o->aw_gen)->ag_running_async = false;
    o->aw_state = AWAITABLE_STATE_CLOSED;
    return format_error(Exc_RuntimeError, "async generator ignored GeneratorExit");
}

bool is_wrapped_value(const Ref<>& r) { return r && Py_TYPE(r.get()) == &AsyncGenWrappedValue_Type; }

Ref<> async_gen_athrow_send(Object* self, Object* arg)
{
    AsyncGenAwaitable* o = AW(self);
    GenObject* gen = G(o->aw_gen);
    if (o->aw_state == AWAITABLE_STATE_CLOSED)
        return format_error(Exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        o->aw_state = AWAITABLE_STATE_CLOSED;
        set_error_none(Exc_StopIteration);
        return nullptr;
    }
    if (o->aw_state == AWAITABLE_STATE_INIT) {
        if (gen->ag_running_async) {
            o->aw_state = AWAITABLE_STATE_CLOSED;
            return format_error(Exc_RuntimeError, "%s(): asynchronous generator is already running",
                                o->aw_args ? "athrow" : "aclose");
        }
        if (gen->ag_closed) {
            o->aw_state = AWAITABLE_STATE_CLOSED;
            set_error_none(Exc_StopAsyncIteration);
            return nullptr;
        }
        if (arg != Py_None())
            return format_error(Exc_RuntimeError, "can't send non-None value to a just-started coroutine");
        o->aw_state = AWAITABLE_STATE_ITER;
        gen->ag_running_async = true;
        Ref<> retval;
        if (o->aw_args == nullptr) {
            // aclose(): GeneratorExit at the yield, without closing what the
            // generator awaits, so that its cleanup may still await.
            gen->ag_closed = true;
            retval = gen_throw_impl(gen, false, Exc_GeneratorExit, nullptr, nullptr);
            if (is_wrapped_value(retval)) return async_gen_athrow_ignored_exit(o);
        }
        else {
            Object* a = o->aw_args;
            Py_ssize_t n = tuple_size(a);
            // 3.11 checks only now, after marking the generator running,
            // so a bad athrow() leaves it "already running".
            if (!check_positional("athrow", n, 1, 3)) return nullptr;
            retval = async_gen_unwrap_value(gen, gen_throw_impl(gen, false, tuple_item(a, 0),
                                                                n > 1 ? tuple_item(a, 1) : nullptr,
                                                                n > 2 ? tuple_item(a, 2) : nullptr));
        }
        if (!retval) return async_gen_athrow_check_error(o);
        return retval;
    }
    Ref<> retval = gen_send_ex(gen, arg, false, false);
    if (o->aw_args) return async_gen_unwrap_value(gen, std::move(retval));
    if (is_wrapped_value(retval)) return async_gen_athrow_ignored_exit(o);
    if (retval) return retval;
    return async_gen_athrow_check_error(o);
}

Ref<> async_gen_athrow_iternext(Object* self) { return async_gen_athrow_send(self, Py_None()); }

Ref<> async_gen_athrow_throw(Object* self, Object* const* args, Py_ssize_t nargs)
{
    AsyncGenAwaitable* o = AW(self);
    GenObject* gen = G(o->aw_gen);
    if (o->aw_state == AWAITABLE_STATE_CLOSED)
        return format_error(Exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    Ref<> retval = gen_throw(o->aw_gen, args, nargs);
    if (o->aw_args) return async_gen_unwrap_value(gen, std::move(retval));
    if (is_wrapped_value(retval)) return async_gen_athrow_ignored_exit(o);
    if (!retval && (error_matches(Exc_StopAsyncIteration) || error_matches(Exc_GeneratorExit))) {
        error_clear();
        set_error_none(Exc_StopIteration);
    }
    return retval;
}

// am_await of both awaitables: they are their own iterators.
Ref<> async_gen_awaitable_await(Object* self, Object*) { return new_ref(self); }

MethodDef async_gen_asend_methods[] = {
    method_o("send", async_gen_asend_send, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    method_fast("throw", async_gen_asend_throw, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    method_noargs("close", async_gen_asend_close, "close() -> raise GeneratorExit inside generator."),
    method_noargs("__await__", async_gen_awaitable_await, "Return an iterator to be used in await expression."),
    {},
};

MethodDef async_gen_athrow_methods[] = {
    method_o("send", async_gen_athrow_send, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    method_fast("throw", async_gen_athrow_throw, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    method_noargs("close", async_gen_asend_close, "close() -> raise GeneratorExit inside generator."),
    method_noargs("__await__", async_gen_awaitable_await, "Return an iterator to be used in await expression."),
    {},
};

Ref<> async_gen_aiter(Object* self, Object*) { return new_ref(self); }
Ref<> async_gen_anext(Object* self, Object*) { return async_gen_awaitable_new(&AsyncGenASend_Type, self, Py_None()); }
Ref<> async_gen_asend(Object* self, Object* arg) { return async_gen_awaitable_new(&AsyncGenASend_Type, self, arg); }
Ref<> async_gen_aclose(Object* self, Object*) { return async_gen_awaitable_new(&AsyncGenAThrow_Type, self, nullptr); }
Ref<> async_gen_athrow(Object* self, Object* const* args, Py_ssize_t nargs)
{
    // The arguments are checked when the awaitable first runs, as 3.11 does.
    Ref<> t = tuple_from_array(args, nargs);
    if (!t) return nullptr;
    return async_gen_awaitable_new(&AsyncGenAThrow_Type, self, t.get());
}

MethodDef async_gen_methods[] = {
    method_o("asend", async_gen_asend, "asend(v) -> send 'v' in generator."),
    method_fast("athrow", async_gen_athrow, "athrow(typ[,val[,tb]]) -> raise exception in generator."),
    method_noargs("aclose", async_gen_aclose, "aclose() -> raise GeneratorExit inside generator."),
    method_noargs("__aiter__", async_gen_aiter, "Return an awaitable, that resolves in asynchronous iterator."),
    method_noargs("__anext__", async_gen_anext, "Return a value or raise StopAsyncIteration."),
    {},
};

MethodDef coro_methods[] = {
    method_o("send", gen_send, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."),
    method_fast("throw", gen_throw, "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."),
    method_noargs("close", gen_close, "close() -> raise GeneratorExit inside coroutine."),
    method_noargs("__await__", coro_await, "Return an iterator to be used in await expression."),
    {},
};

}  // namespace

void set_stop_iteration_value(Object* value)
{
    Ref<> args = tuple_pack({value});
    if (!args) return;
    Ref<> exc = object_call(Exc_StopIteration, args.get(), nullptr);
    if (!exc) return;
    set_error_object(Exc_StopIteration, exc.get());
}

TypeObject Gen_Type = [] {
    TypeObject t = static_type("generator", offsetof(GenObject, gi_iframe), sizeof(Object*),
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = gen_dealloc;
    t.tp_weaklistoffset = offsetof(GenObject, gi_weakreflist);
    t.tp_repr = gen_repr;
    t.tp_finalize = gen_finalize;
    t.tp_traverse = gen_traverse;
    t.tp_iter = object_self_iter;
    t.tp_iternext = gen_iternext;
    t.tp_methods = gen_methods;
    t.tp_getset = gen_getsets;
    return t;
}();

// Coroutines share the generator's layout and machinery; they are not
// iterators themselves (await goes through __await__ / GET_AWAITABLE).
TypeObject Coro_Type = [] {
    TypeObject t = static_type("coroutine", offsetof(GenObject, gi_iframe), sizeof(Object*),
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = gen_dealloc;
    t.tp_weaklistoffset = offsetof(GenObject, gi_weakreflist);
    t.tp_repr = coro_repr;
    t.tp_finalize = gen_finalize;
    t.tp_traverse = gen_traverse;
    t.tp_methods = coro_methods;
    t.tp_getset = coro_getsets;
    return t;
}();

TypeObject AsyncGen_Type = [] {
    TypeObject t = static_type("async_generator", offsetof(GenObject, gi_iframe), sizeof(Object*),
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = gen_dealloc;
    t.tp_weaklistoffset = offsetof(GenObject, gi_weakreflist);
    t.tp_repr = async_gen_repr;
    t.tp_finalize = gen_finalize;
    t.tp_traverse = gen_traverse;
    t.tp_methods = async_gen_methods;
    t.tp_getset = async_gen_getsets;
    return t;
}();

TypeObject AsyncGenWrappedValue_Type = [] {
    TypeObject t = static_type("async_generator_wrapped_value", sizeof(AsyncGenWrappedValue), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = wrapped_value_dealloc;
    t.tp_traverse = wrapped_value_traverse;
    return t;
}();

static TypeObject make_async_gen_awaitable_type(const char* name, iternextfunc next, MethodDef* methods)
{
    TypeObject t = static_type(name, sizeof(AsyncGenAwaitable), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = async_gen_awaitable_dealloc;
    t.tp_traverse = async_gen_awaitable_traverse;
    t.tp_iter = object_self_iter;
    t.tp_iternext = next;
    t.tp_methods = methods;
    return t;
}

TypeObject AsyncGenASend_Type =
    make_async_gen_awaitable_type("async_generator_asend", async_gen_asend_iternext, async_gen_asend_methods);
TypeObject AsyncGenAThrow_Type =
    make_async_gen_awaitable_type("async_generator_athrow", async_gen_athrow_iternext, async_gen_athrow_methods);

TypeObject CoroWrapper_Type = [] {
    TypeObject t = static_type("coroutine_wrapper", sizeof(CoroWrapper), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
                               nullptr);
    t.tp_dealloc = coro_wrapper_dealloc;
    t.tp_traverse = coro_wrapper_traverse;
    t.tp_iter = object_self_iter;
    t.tp_iternext = coro_wrapper_iternext;
    t.tp_methods = coro_wrapper_methods;
    return t;
}();

Ref<> gen_new_from_frame(InterpreterFrame* frame)
{
    CodeObject* co = frame->f_code;
    std::size_t slots = frame_num_slots(co);
    TypeObject* type = &Gen_Type;
    if (co->co_flags & CO_COROUTINE) type = &Coro_Type;
    else if (co->co_flags & CO_ASYNC_GENERATOR) type = &AsyncGen_Type;
    Object* raw = object_alloc_sized(type, offsetof(GenObject, gi_iframe) + slots * sizeof(Object*));
    if (!raw) return nullptr;
    Ref<GenObject> gen = Ref<GenObject>::steal(static_cast<GenObject*>(raw));
    FunctionObject* func = frame->f_func;
    gen->gi_name = new_ref(func->func_name).release();
    gen->gi_qualname = new_ref(func->func_qualname).release();
    gen->gi_code = new_ref<Object>(co).release();
    gen->gi_frame_state = FRAME_CREATED;
    gen->ag_running_async = false;
    gen->ag_closed = false;
    // _PyFrame_Copy: the header and the live slots move; the references go
    // with them, so the old frame holds none afterwards.
    InterpreterFrame* dest = gen_frame(gen.get());
    std::size_t words = offsetof(InterpreterFrame, localsplus) / sizeof(Object*) + static_cast<std::size_t>(frame->stacktop);
    std::memcpy(static_cast<void*>(dest), static_cast<void*>(frame), words * sizeof(Object*));
    dest->owner = FRAME_OWNED_BY_GENERATOR;
    dest->previous = nullptr;
    frame->stacktop = 0;
    frame->f_func = nullptr;
    frame->f_code = nullptr;
    frame->f_locals = nullptr;
    frame->frame_obj = nullptr;
    return gen;
}

SendResult iter_send(Object* iter, Object* arg, Ref<>* presult)
{
    if (gen_check(iter) || coro_check(iter)) return gen_send_ex2(G(iter), arg, presult, false, false);
    if (arg == Py_None() && Py_TYPE(iter)->tp_iternext) {
        *presult = Py_TYPE(iter)->tp_iternext(iter);
    }
    else {
        *presult = call_method(iter, "send", {arg});
    }
    if (*presult) return PYGEN_NEXT;
    if (fetch_stop_iteration_value(presult)) return PYGEN_RETURN;
    return PYGEN_ERROR;
}

Ref<> gen_yield_from(Object* gen) { return gen_yf(G(gen)); }

Ref<> async_gen_value_wrapper_new(Object* value)
{
    Object* raw = object_alloc_raw(&AsyncGenWrappedValue_Type, 0);
    if (!raw) return nullptr;
    static_cast<AsyncGenWrappedValue*>(raw)->agw_val = new_ref(value).release();
    return steal_ref(raw);
}

// gen_is_coroutine: a generator made awaitable by types.coroutine.
static bool gen_is_coroutine(Object* o)
{
    return gen_check(o) && (static_cast<CodeObject*>(G(o)->gi_code)->co_flags & CO_ITERABLE_COROUTINE);
}

Ref<> coro_get_awaitable_iter(Object* o)
{
    if (coro_check(o) || gen_is_coroutine(o)) return new_ref(o);
    // minipy's types have no am_await slot: __await__ is looked up on the
    // type, as the slot wrapper of a Python class would be.
    Ref<> getter = lookup_special(o, intern_str("__await__"));
    if (!getter) {
        if (!error_occurred())
            format_error(Exc_TypeError, "object %.100s can't be used in 'await' expression", Py_TYPE(o)->tp_name);
        return nullptr;
    }
    Ref<> res = call_no_args(getter.get());
    if (!res) return nullptr;
    if (coro_check(res.get()) || gen_is_coroutine(res.get())) {
        // __await__ must return an iterator, not another awaitable (PEP 492).
        return format_error(Exc_TypeError, "__await__() returned a coroutine");
    }
    if (!iter_check(res.get())) {
        return format_error(Exc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                            Py_TYPE(res.get())->tp_name);
    }
    return res;
}

int init_gen_types()
{
    for (TypeObject* t : {&Gen_Type, &Coro_Type, &CoroWrapper_Type, &AsyncGen_Type, &AsyncGenWrappedValue_Type,
                          &AsyncGenASend_Type, &AsyncGenAThrow_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return -1;
    return 0;
}

}  // namespace minipy::vm
