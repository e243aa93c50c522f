// pystate.cpp: interpreter and thread states, and runtime start-up.
// Mirrors CPython 3.11 Python/pystate.c (and the object part of
// Python/pylifecycle.c's init sequence). Book chapter 10.
#include <atomic>

#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/pyhash.h"
#include "minipy/runtime/pythread.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

InterpreterState main_interp;
ThreadState* main_thread = nullptr;
bool initialized = false;
thread_local ThreadState* current = nullptr;
unsigned long main_ident = 0;
// Written by the finalizing thread with the GIL held, read by threads
// about to take the GIL (without it): hence atomic.
std::atomic<ThreadState*> finalizing{nullptr};

}  // namespace

CevalHooks ceval_hooks;
int (*run_signal_handlers_hook)() = nullptr;

ThreadState* initialize()
{
    if (initialized) return main_thread;
    initialized = true;
    hash_secret_init(0, false);
    main_thread = thread_state_new(&main_interp);
    main_ident = main_thread->thread_id;
    current = main_thread;
    install_gc_hooks();
    init_types();
    return main_thread;
}

void finalize()
{
    if (!initialized) return;
    thread_state_clear(main_thread);
    gc_fini();
    fini_types();
}

bool is_initialized() { return initialized; }

ThreadState* thread_state_get()
{
    return current;
}

InterpreterState* interpreter_get() { return current ? current->interp : &main_interp; }

Object* eval_get_builtin(const char* name)
{
    InterpreterState* interp = interpreter_get();
    Object* value = interp->builtins ? dict_get_item_string(interp->builtins, name) : nullptr;
    if (!value && !error_occurred()) format_error(Exc_AttributeError, "%s", name);
    return value;
}

ThreadState* thread_state_swap(ThreadState* ts)
{
    ThreadState* old = current;
    current = ts;
    return old;
}

ThreadState* thread_state_new(InterpreterState* interp)
{
    // Thread states are plain C++ objects: they are not Python objects and
    // outlive any allocator statistics window.
    auto* ts = new ThreadState;
    ts->interp = interp;
    ts->recursion_limit = interp->recursion_limit;
    ts->recursion_remaining = interp->recursion_limit;
    ts->next = interp->threads;
    thread_state_bind(ts);
    interp->threads = ts;
    return ts;
}

void thread_state_bind(ThreadState* ts)
{
    ts->thread_id = thread_get_thread_ident();
    ts->native_thread_id = thread_get_thread_native_id();
}

void thread_state_clear(ThreadState* ts)
{
    clear_ref(ts->curexc_type);
    clear_ref(ts->curexc_value);
    clear_ref(ts->curexc_traceback);
    clear_ref(ts->exc_state.exc_value);
    clear_ref(ts->dict);
    clear_ref(ts->repr_list);
    // After everything else: whoever waits on the sentinel (Thread.join)
    // may assume the thread's Python state is gone.
    if (ts->on_delete) {
        void (*on_delete)(void*) = ts->on_delete;
        ts->on_delete = nullptr;
        on_delete(ts->on_delete_data);
        ts->on_delete_data = nullptr;
    }
}

void thread_state_delete(ThreadState* ts)
{
    thread_state_clear(ts);
    ThreadState** p = &ts->interp->threads;
    while (*p && *p != ts) p = &(*p)->next;
    if (*p) *p = ts->next;
    if (current == ts) current = nullptr;
    delete ts;
}

void thread_state_delete_current(ThreadState* ts)
{
    if (ceval_hooks.thread_exit) ceval_hooks.thread_exit();
    ThreadState** p = &ts->interp->threads;
    while (*p && *p != ts) p = &(*p)->next;
    if (*p) *p = ts->next;
    current = nullptr;
    // The GIL goes last: until it is dropped no other thread can see the
    // half-unlinked list.
    if (ceval_hooks.drop_gil) ceval_hooks.drop_gil(ts);
    delete ts;
}

unsigned long main_thread_ident() { return main_ident; }

bool is_main_thread() { return thread_get_thread_ident() == main_ident; }

ThreadState* runtime_finalizing() { return finalizing.load(std::memory_order_acquire); }

void runtime_set_finalizing(ThreadState* ts) { finalizing.store(ts, std::memory_order_release); }

// --- the GIL's public half -----------------------------------------------------

ThreadState* eval_save_thread()
{
    ThreadState* ts = thread_state_swap(nullptr);
    if (ceval_hooks.drop_gil) ceval_hooks.drop_gil(ts);
    return ts;
}

void eval_restore_thread(ThreadState* ts)
{
    if (ceval_hooks.take_gil) ceval_hooks.take_gil(ts);
    thread_state_swap(ts);
}

int make_pending_calls() { return ceval_hooks.make_pending_calls ? ceval_hooks.make_pending_calls() : 0; }

int add_pending_call(int (*func)(void*), void* arg)
{
    return ceval_hooks.add_pending_call ? ceval_hooks.add_pending_call(func, arg) : -1;
}

void eval_signal_received()
{
    if (ceval_hooks.signal_received) ceval_hooks.signal_received();
}

}  // namespace minipy::runtime
