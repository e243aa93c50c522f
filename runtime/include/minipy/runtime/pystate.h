// pystate.h: the interpreter and thread states.
// Mirrors CPython 3.11 Include/cpython/pystate.h and Python/pystate.c.
// Book chapter 10, "Thread states"; chapter 11 for the error indicator.
//
// The thread state carries the error indicator (curexc_*), the stack of
// exceptions being handled (exc_info, for `except` blocks and __context__),
// the C recursion budget, and per-thread bookkeeping for repr recursion.
// The current thread state is a thread_local pointer; the GIL of issue 9
// decides who may run, this file only says who is running.
#pragma once

#include <string>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct InterpreterState;

// _PyErr_StackItem: one exception being handled (sys.exc_info()).
struct ErrStackItem {
    Object* exc_value = nullptr;  // owned; None or null when nothing is handled
    ErrStackItem* previous_item = nullptr;
};

struct ThreadState {
    InterpreterState* interp = nullptr;
    ThreadState* next = nullptr;
    unsigned long thread_id = 0;

    // The error indicator (PyErr_*). In 3.11 the three are kept apart; minipy
    // normalizes eagerly, so curexc_value is always an exception instance of
    // type curexc_type when set.
    Object* curexc_type = nullptr;
    Object* curexc_value = nullptr;
    Object* curexc_traceback = nullptr;

    // Handled exceptions: exc_info points at the innermost item.
    ErrStackItem exc_state;
    ErrStackItem* exc_info = &exc_state;

    int recursion_limit = 1000;
    int recursion_remaining = 1000;
    bool recursion_headroom = false;  // handling a RecursionError already

    Object* dict = nullptr;  // per-thread dict (PyThreadState_GetDict), owned
    Object* repr_list = nullptr;  // objects inside repr() (Py_ReprEnter), owned
};

struct InterpreterState {
    ThreadState* threads = nullptr;  // all thread states, newest first
    Object* builtins = nullptr;      // the builtins dict (later stages fill it)
    Object* sysdict = nullptr;
    int int_max_str_digits = 4300;  // sys.set_int_max_str_digits
};

// Starts the runtime once (types ready, singletons, main thread state).
// Safe to call again; returns the main thread state.
ThreadState* initialize();
// Tears everything down that finalization can release (debug leak checks).
void finalize();
bool is_initialized();

// What `-X showrefcount` prints at exit: "[N refs, M blocks]" (the debug
// total reference count and the allocator's blocks in use, as a CPython
// debug build does). Empty in release builds, where nothing is counted.
std::string refcount_summary();
// sys.getrefcount(obj) as CPython reports it (the argument's own reference
// from the call is the caller's business).
inline Py_ssize_t get_refcount(Object* op) { return op->ob_refcnt; }

// _PyThreadState_GET: the state of the running thread (never null after
// initialize()).
ThreadState* thread_state_get();
InterpreterState* interpreter_get();
// Makes ts the running thread's state; returns the previous one.
ThreadState* thread_state_swap(ThreadState* ts);
ThreadState* thread_state_new(InterpreterState* interp);
void thread_state_clear(ThreadState* ts);
void thread_state_delete(ThreadState* ts);

}  // namespace minipy::runtime
