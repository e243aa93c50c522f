// pystate.h: the interpreter and thread states.
// Mirrors CPython 3.11 Include/cpython/pystate.h and Python/pystate.c.
// Book chapter 10, "Thread states"; chapter 11 for the error indicator.
//
// The thread state carries the error indicator (curexc_*), the stack of
// exceptions being handled (exc_info, for `except` blocks and __context__),
// the C recursion budget, and per-thread bookkeeping for repr recursion.
// The current thread state is a thread_local pointer: every OS thread
// that runs Python code has its own ThreadState (and, in the vm, its own
// frame data stack). The GIL (vm/ceval_gil.cpp) decides which one may run;
// this file says who is running and offers the GIL's public half
// (PyEval_SaveThread/RestoreThread, Py_BEGIN_ALLOW_THREADS, pending calls,
// signals) to the layers below the vm through hooks the vm installs.
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
    unsigned long thread_id = 0;         // PyThread_get_thread_ident() of its thread
    unsigned long native_thread_id = 0;  // the kernel's id (gettid)

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

    // Called by thread_state_clear (with the GIL): _thread._set_sentinel
    // releases threading's "thread is alive" lock through it.
    void (*on_delete)(void*) = nullptr;
    void* on_delete_data = nullptr;
};

struct InterpreterState {
    ThreadState* threads = nullptr;  // all thread states, newest first (changed with the GIL held)
    long threads_count = 0;          // threads started by _thread and still running (_thread._count())
    Object* builtins = nullptr;      // the builtins dict (later stages fill it)
    Object* sysdict = nullptr;
    int int_max_str_digits = 4300;  // sys.set_int_max_str_digits
    // sys.setrecursionlimit: one limit for every thread; each thread state
    // keeps a copy next to its own budget (Py_SetRecursionLimit updates all).
    int recursion_limit = 1000;
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
// Binds ts to the calling OS thread (its ident and native id): a state
// made by a parent thread for a child (_PyThreadState_Prealloc) is bound
// by the child before it takes the GIL.
void thread_state_bind(ThreadState* ts);
// _PyThreadState_DeleteCurrent: the thread's last act. Frees what the vm
// keeps for this OS thread, unlinks and frees ts (cleared already) and
// releases the GIL for good.
void thread_state_delete_current(ThreadState* ts);
// The main thread's ident (_PyRuntime.main_thread): only it runs signal
// handlers and pending calls.
unsigned long main_thread_ident();
bool is_main_thread();
// _PyRuntime._finalizing: the thread state running Py_FinalizeEx, or
// null. Once it is set, another thread that tries to take the GIL never
// returns (it would find the interpreter torn down under it).
ThreadState* runtime_finalizing();
void runtime_set_finalizing(ThreadState* ts);

// --- the GIL's public half (Python/ceval_gil.c) ------------------------------
// The vm implements the GIL and installs these; until it does (a runtime
// used alone, as its unit tests do) there is one thread and the GIL
// operations only swap the current thread state.
struct CevalHooks {
    void (*take_gil)(ThreadState* ts) = nullptr;  // blocks until ts holds the GIL
    void (*drop_gil)(ThreadState* ts) = nullptr;  // ts held it
    int (*make_pending_calls)() = nullptr;         // Py_MakePendingCalls
    int (*add_pending_call)(int (*func)(void*), void* arg) = nullptr;
    void (*signal_received)() = nullptr;  // async-signal-safe
    void (*thread_exit)() = nullptr;      // frees the calling thread's vm state (the data stack)
};
extern CevalHooks ceval_hooks;

// PyEval_SaveThread: releases the GIL and detaches the thread state;
// returns it for eval_restore_thread. Between the two the thread must not
// touch any Python object (no refcount, no allocation, no error).
ThreadState* eval_save_thread();
// PyEval_RestoreThread / PyEval_AcquireThread: takes the GIL (blocking)
// and makes ts current again.
void eval_restore_thread(ThreadState* ts);

// Py_BEGIN_ALLOW_THREADS ... Py_END_ALLOW_THREADS as a scope: release the
// GIL around a blocking system call (sleep, lock wait, read, write,
// select), e.g.
//     { AllowThreads nogil; n = ::read(fd, buf, size); }
// Inside the scope no Python object may be touched.
class AllowThreads {
public:
    AllowThreads() : saved_(eval_save_thread()) {}
    ~AllowThreads() { eval_restore_thread(saved_); }
    AllowThreads(const AllowThreads&) = delete;
    AllowThreads& operator=(const AllowThreads&) = delete;

private:
    ThreadState* saved_;
};

// Py_MakePendingCalls: in the main thread, runs the Python signal handlers
// of signals that arrived and the pending calls; 0, or -1 with the
// handler's exception (KeyboardInterrupt, ...) set. Elsewhere returns 0.
[[nodiscard]] int make_pending_calls();
// Py_AddPendingCall: schedules func(arg) to run in the main thread at its
// next eval-breaker check; callable from any thread, with or without the
// GIL. -1 when the queue is full.
int add_pending_call(int (*func)(void*), void* arg);
// _PyEval_SignalReceived: called from a C signal handler (async-signal-
// safe): asks the main thread's eval loop to run the signal handlers.
void eval_signal_received();
// Modules/signalmodule.c's _PyErr_CheckSignalsTstate, installed by the
// signal module: runs the Python handlers of the signals that arrived; 0,
// or -1 with an error set. Without it, a pending SIGINT becomes
// KeyboardInterrupt (signal.default_int_handler's effect).
extern int (*run_signal_handlers_hook)();

}  // namespace minipy::runtime
