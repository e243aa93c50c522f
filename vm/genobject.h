// genobject.h: generator objects, which own a suspended frame.
// Mirrors CPython 3.11 Include/cpython/genobject.h and Objects/genobject.c.
// Book chapter 8 (generators are frames that outlive one call).
//
// The generator lives in the vm rather than the runtime because it embeds
// an InterpreterFrame (vm/frame.h), as 3.11's PyGenObject embeds its
// _PyInterpreterFrame (gi_iframe).
#pragma once

#include "frame.h"
#include "minipy/runtime/pystate.h"

namespace minipy::vm {

// gi_frame_state (3.11's _framestate).
enum GenFrameState : signed char {
    FRAME_CREATED = -2,
    FRAME_SUSPENDED = -1,
    FRAME_EXECUTING = 0,
    FRAME_COMPLETED = 1,
    FRAME_CLEARED = 4,
};

struct GenObject : runtime::Object {
    Object* gi_weakreflist;
    Object* gi_name;      // owned str
    Object* gi_qualname;  // owned str
    runtime::ErrStackItem gi_exc_state;  // the exception handled inside the generator
    Object* gi_code;      // owned code
    signed char gi_frame_state;
    bool ag_running_async;  // async generators: an asend/athrow is being awaited
    bool ag_closed;         // async generators: aclose() started or it ended
    // The frame, variable-sized (frame_num_slots(gi_code) words), last.
    alignas(InterpreterFrame) Object* gi_iframe[1];
};

extern runtime::TypeObject Gen_Type;
extern runtime::TypeObject Coro_Type;         // `async def` (CO_COROUTINE), same layout as Gen_Type
extern runtime::TypeObject CoroWrapper_Type;  // coroutine.__await__()

inline bool gen_check(const Object* op) { return runtime::Py_TYPE(op) == &Gen_Type; }
inline bool coro_check(const Object* op) { return runtime::Py_TYPE(op) == &Coro_Type; }
extern runtime::TypeObject AsyncGen_Type;     // `async def` with `yield` (CO_ASYNC_GENERATOR)

inline bool async_gen_check(const Object* op) { return runtime::Py_TYPE(op) == &AsyncGen_Type; }

// ASYNC_GEN_WRAP: marks a value yielded by an async generator (as opposed
// to one its awaits pass through). Null on error.
[[nodiscard]] runtime::Ref<> async_gen_value_wrapper_new(Object* value);
inline InterpreterFrame* gen_frame(GenObject* gen) { return reinterpret_cast<InterpreterFrame*>(gen->gi_iframe); }
// _PyFrame_GetGenerator: the generator a generator frame lives in.
inline GenObject* frame_generator(InterpreterFrame* frame)
{
    return reinterpret_cast<GenObject*>(reinterpret_cast<char*>(frame) - offsetof(GenObject, gi_iframe));
}

// RETURN_GENERATOR: a generator for frame's function, taking over frame's
// references (frame keeps none afterwards). Null on error.
[[nodiscard]] runtime::Ref<> gen_new_from_frame(InterpreterFrame* frame);

// PySendResult of PyIter_Send.
enum SendResult { PYGEN_RETURN = 0, PYGEN_ERROR = -1, PYGEN_NEXT = 1 };
// PyIter_Send: sends arg into iter (a generator, or any iterator when arg
// is None). *presult is the yielded or returned value (new reference).
SendResult iter_send(Object* iter, Object* arg, runtime::Ref<>* presult);

// _PyCoro_GetAwaitableIter: the iterator `await o` drives: a coroutine (or
// a generator flagged CO_ITERABLE_COROUTINE) itself, else o.__await__(),
// which must return an iterator. Null with CPython's TypeError otherwise.
[[nodiscard]] runtime::Ref<> coro_get_awaitable_iter(Object* o);
// _PyGen_SetStopIterationValue: raises StopIteration(value), the value kept
// as is even when it is a tuple or an exception.
void set_stop_iteration_value(runtime::Object* value);
// _PyGen_yf: what a suspended generator or coroutine delegates to (null: nothing).
[[nodiscard]] runtime::Ref<> gen_yield_from(Object* gen);

[[nodiscard]] int init_gen_types();

}  // namespace minipy::vm
