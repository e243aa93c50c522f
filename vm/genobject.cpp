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

#include "ceval.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/traceback.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

namespace {

GenObject* G(Object* op) { return static_cast<GenObject*>(op); }

// _PyGen_SetStopIterationValue: StopIteration(value), the value kept as is
// even when it is a tuple or an exception.
void set_stop_iteration_value(Object* value)
{
    Ref<> args = tuple_pack({value});
    if (!args) return;
    Ref<> exc = object_call(Exc_StopIteration, args.get(), nullptr);
    if (!exc) return;
    set_error_object(Exc_StopIteration, exc.get());
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
        set_error(Exc_TypeError, "can't send non-None value to a just-started generator");
        return PYGEN_ERROR;
    }
    if (gen->gi_frame_state == FRAME_EXECUTING) {
        set_error(Exc_ValueError, "generator already executing");
        return PYGEN_ERROR;
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) {
        // Exhausted: send() gets None back (then StopIteration), next()
        // and throw() end with no value (throw's exception stays set).
        (void)closing;
        if (arg && !exc) {
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
        if (result.get() == Py_None() && !arg) result.reset();
    }
    else if (error_matches(Exc_StopIteration)) {
        // PEP 479: a StopIteration escaping a generator becomes RuntimeError.
        Ref<> cause = fetch_exception();
        set_error(Exc_RuntimeError, "generator raised StopIteration");
        Object* rt = ts->curexc_value;
        if (rt) exception_set_cause(rt, new_ref(cause.get()));
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
        if (result.get() == Py_None()) set_error_none(Exc_StopIteration);
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

// gen_throw: raises the exception inside the generator at its yield.
Ref<> gen_throw(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("throw", nargs, 1, 3)) return nullptr;
    Object* typ = args[0];
    Object* val = nargs > 1 ? args[1] : nullptr;
    Object* tb = nargs > 2 ? args[2] : nullptr;
    if (tb == Py_None()) tb = nullptr;
    if (tb && !traceback_check(tb)) return format_error(Exc_TypeError, "throw() third argument must be a traceback object");
    if (exception_class_check(typ)) {
        set_error_object(static_cast<TypeObject*>(typ), val);
    }
    else if (exception_check(typ)) {
        if (val && val != Py_None())
            return format_error(Exc_TypeError, "instance exception may not have a separate value");
        set_error_object(Py_TYPE(typ), typ);
    }
    else {
        return format_error(Exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                            Py_TYPE(typ)->tp_name);
    }
    if (tb) {
        Object* exc = thread_state_get()->curexc_value;
        if (exc && exception_set_traceback(exc, tb) < 0) return nullptr;
    }
    return gen_send_ex(G(self), nullptr, true, false);
}

// gen_close: GeneratorExit at the yield; the generator must not yield again.
Ref<> gen_close(Object* self, Object*)
{
    GenObject* gen = G(self);
    if (gen->gi_frame_state == FRAME_CREATED) {
        gen_clear_frame(gen);
        gen->gi_frame_state = FRAME_COMPLETED;
        return none_ref();
    }
    if (gen->gi_frame_state >= FRAME_COMPLETED) return none_ref();
    set_error_none(Exc_GeneratorExit);
    Ref<> retval = gen_send_ex(gen, Py_None(), true, true);
    if (retval) {
        return format_error(Exc_RuntimeError, "generator ignored GeneratorExit");
    }
    if (error_matches(Exc_StopIteration) || error_matches(Exc_GeneratorExit)) {
        error_clear();
        return none_ref();
    }
    return nullptr;
}

void gen_dealloc(Object* self)
{
    GenObject* gen = G(self);
    if (gen->gi_frame_state == FRAME_SUSPENDED) {
        // _PyGen_Finalize: give try/finally blocks their chance.
        incref(self);  // resurrect while closing
        Ref<> saved = fetch_exception();
        Ref<> r = gen_close(self, nullptr);
        if (!r) error_write_unraisable(self);
        restore_exception(std::move(saved));
        if (--self->ob_refcnt > 0) return;  // resurrected for good
#if MINIPY_REF_DEBUG
        --ref_total;
#endif
    }
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
        InterpreterFrame* f = gen_frame(gen);
        for (int i = 0; i < f->stacktop; i++)
            if (f->localsplus[i])
                if (int r = visit(f->localsplus[i], arg)) return r;
    }
    return 0;
}

Ref<> gen_repr(Object* self) { return unicode_from_format("<generator object %U at %p>", G(self)->gi_qualname, self); }

Ref<> gen_get_name(Object* self, void*) { return new_ref(G(self)->gi_name); }
Ref<> gen_get_qualname(Object* self, void*) { return new_ref(G(self)->gi_qualname); }
Ref<> gen_get_code(Object* self, void*) { return new_ref(G(self)->gi_code); }
Ref<> gen_get_running(Object* self, void*) { return bool_from_long(G(self)->gi_frame_state == FRAME_EXECUTING); }
Ref<> gen_get_suspended(Object* self, void*) { return bool_from_long(G(self)->gi_frame_state == FRAME_SUSPENDED); }

GetSetDef gen_getsets[] = {
    {"__name__", gen_get_name, nullptr, nullptr, nullptr},
    {"__qualname__", gen_get_qualname, nullptr, nullptr, nullptr},
    {"gi_code", gen_get_code, nullptr, nullptr, nullptr},
    {"gi_running", gen_get_running, nullptr, nullptr, nullptr},
    {"gi_suspended", gen_get_suspended, nullptr, nullptr, nullptr},
    {},
};

MethodDef gen_methods[] = {
    method_o("send", gen_send, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    method_fast("throw", gen_throw, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    method_noargs("close", gen_close, "close() -> raise GeneratorExit inside generator."),
    {},
};

}  // namespace

TypeObject Gen_Type = [] {
    TypeObject t = static_type("generator", offsetof(GenObject, gi_iframe), sizeof(Object*),
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = gen_dealloc;
    t.tp_repr = gen_repr;
    t.tp_traverse = gen_traverse;
    t.tp_iter = object_self_iter;
    t.tp_iternext = gen_iternext;
    t.tp_methods = gen_methods;
    t.tp_getset = gen_getsets;
    return t;
}();

Ref<> gen_new_from_frame(InterpreterFrame* frame)
{
    CodeObject* co = frame->f_code;
    std::size_t slots = frame_num_slots(co);
    Object* raw = object_alloc_sized(&Gen_Type, offsetof(GenObject, gi_iframe) + slots * sizeof(Object*));
    if (!raw) return nullptr;
    Ref<GenObject> gen = Ref<GenObject>::steal(static_cast<GenObject*>(raw));
    FunctionObject* func = frame->f_func;
    gen->gi_name = new_ref(func->func_name).release();
    gen->gi_qualname = new_ref(func->func_qualname).release();
    gen->gi_code = new_ref<Object>(co).release();
    gen->gi_frame_state = FRAME_CREATED;
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
    if (gen_check(iter)) return gen_send_ex2(G(iter), arg, presult, false, false);
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

int init_gen_types()
{
    if (!(Gen_Type.tp_flags & Py_TPFLAGS_READY) && type_ready(&Gen_Type) < 0) return -1;
    return 0;
}

}  // namespace minipy::vm
