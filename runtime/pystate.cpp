// pystate.cpp: interpreter and thread states, and runtime start-up.
// Mirrors CPython 3.11 Python/pystate.c (and the object part of
// Python/pylifecycle.c's init sequence). Book chapter 10.
#include <thread>

#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/pyhash.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

InterpreterState main_interp;
ThreadState* main_thread = nullptr;
bool initialized = false;
thread_local ThreadState* current = nullptr;

}  // namespace

ThreadState* initialize()
{
    if (initialized) return main_thread;
    initialized = true;
    hash_secret_init(0, false);
    main_thread = thread_state_new(&main_interp);
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
    ts->next = interp->threads;
    ts->thread_id = static_cast<unsigned long>(std::hash<std::thread::id>{}(std::this_thread::get_id()));
    interp->threads = ts;
    return ts;
}

void thread_state_clear(ThreadState* ts)
{
    clear_ref(ts->curexc_type);
    clear_ref(ts->curexc_value);
    clear_ref(ts->curexc_traceback);
    clear_ref(ts->exc_state.exc_value);
    clear_ref(ts->dict);
    clear_ref(ts->repr_list);
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

}  // namespace minipy::runtime
