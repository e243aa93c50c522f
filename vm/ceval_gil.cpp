// ceval_gil.cpp: the global interpreter lock (GIL), the eval breaker,
// pending calls and the hand-off of signals to the main thread.
// Mirrors CPython 3.11 Python/ceval_gil.h (take_gil, drop_gil, the
// FORCE_SWITCHING hand-over) and the pending-call and signal parts of
// Python/ceval.c (COMPUTE_EVAL_BREAKER, eval_frame_handle_pending,
// Py_AddPendingCall, Py_MakePendingCalls). Book chapter 10, "Parallelism
// and Concurrency".
//
// Design notes
// ------------
// * One lock serializes the interpreter: a thread runs bytecode, touches a
//   refcount, allocates or collects only while it holds the GIL. The GIL is
//   a flag (`locked`) guarded by a mutex, with a condition variable (`cond`)
//   on which threads wait for the flag to drop. It is not a plain mutex
//   because the holder must be able to tell waiters apart from nobody and
//   because dropping it must be cheap when no one waits.
// * Waiting with a timeout is what makes threads take turns. A thread that
//   wants the GIL waits on `cond` for the switch interval (5 ms by default,
//   sys.setswitchinterval). If it times out and no switch happened
//   meanwhile (`switch_number` unchanged), it sets gil_drop_request, which
//   also sets the eval breaker. The running thread notices the breaker at
//   its next check (a backward jump, a function entry, after a call), drops
//   the GIL and immediately asks for it again, queueing behind the waiter.
//   A CPU-bound thread therefore keeps the GIL for about one interval when
//   someone else wants it, and for ever when nobody does.
// * FORCE_SWITCHING: dropping the GIL and asking for it again could let
//   the same thread win the race (it is already running; the waiter must
//   first be woken). So a thread that drops the GIL because of a drop
//   request waits on a second condition variable (`switch_cond`) until
//   some other thread has actually taken it (`last_holder` changed).
// * Blocking calls (time.sleep, lock.acquire, reads and writes) release
//   the GIL around the system call (AllowThreads in runtime/pystate.h,
//   CPython's Py_BEGIN_ALLOW_THREADS): a sleeping thread costs the others
//   nothing, which is why I/O-bound threads overlap and CPU-bound ones do
//   not.
// * The eval breaker is one atomic int the loop polls; it is the OR of
//   gil_drop_request, signals_pending and pending_calls_to_do, the last two
//   counted only in the main thread, which alone runs Python signal
//   handlers and pending calls (other threads would spin on them, so the
//   breaker is recomputed for the thread that takes the GIL).
// * Signals: the C handler only sets flags (async-signal-safe); the main
//   thread's loop runs the Python handlers (runtime's
//   run_signal_handlers_hook, or KeyboardInterrupt for SIGINT when the
//   signal module has not installed one) at its next breaker check.
// * Finalization: once Py_FinalizeEx has marked the runtime finalizing,
//   a daemon thread that wakes up and asks for the GIL never gets it: it
//   blocks for good instead (CPython 3.11 calls pthread_exit, which in C++
//   would unwind the thread's stack and run destructors that decref
//   objects without the GIL; CPython 3.14 hangs the thread too).
//
// What relies on the GIL (nothing below is otherwise thread-safe):
// reference counts (plain ints) and the debug total refcount; the object
// allocator (memory/obmalloc.cpp: arenas, pools, free lists, statistics);
// the cycle collector (memory/gcmodule.cpp: generation lists, counts, the
// collecting flag); the method cache and version tags
// (runtime/typeobject.cpp); interned strings and the latin-1 cache
// (runtime/unicodeobject.cpp); dict version counters; the intern_str cache
// (vm/call.cpp); sys.modules and the import machinery; the list of thread
// states (interp->threads). Per-thread state lives in the ThreadState
// (error indicator, exc_info, recursion budget, repr list, thread dict)
// and in thread_local variables (the current ThreadState, the frame data
// stack of vm/frame.cpp).
#include "ceval_gil.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <condition_variable>
#include <mutex>

#include "ceval.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"

namespace minipy::vm {

using namespace runtime;

std::atomic<int> eval_breaker{0};

namespace {

// struct _gil_runtime_state.
struct Gil {
    std::atomic<unsigned long> interval{5000};  // microseconds
    // The last thread that held the GIL (or holds it): tells whether a
    // switch really happened. Atomic: drop_gil's FORCE_SWITCHING reads it
    // under switch_mutex while take_gil writes it under mutex.
    std::atomic<ThreadState*> last_holder{nullptr};
    std::atomic<int> locked{-1};  // -1: not created yet, 0 free, 1 held
    unsigned long switch_number = 0;  // switches so far, under mutex
    std::mutex mutex;
    std::condition_variable cond;  // signalled when the GIL is dropped
    std::mutex switch_mutex;
    std::condition_variable switch_cond;  // signalled when a thread took it (FORCE_SWITCHING)
};

// Never destroyed: at exit, daemon threads may still wait on its condition
// variable, and destroying a condition variable with waiters is undefined
// (glibc's can block the exiting thread).
Gil& gil = *new Gil;

// The flags the eval breaker summarizes (_ceval_state, _ceval_runtime_state).
std::atomic<int> gil_drop_request{0};
std::atomic<int> signals_pending{0};
std::atomic<int> pending_calls_to_do{0};

// COMPUTE_EVAL_BREAKER, for the thread calling it (the GIL holder).
void compute_eval_breaker()
{
    bool main = is_main_thread();
    int value = gil_drop_request.load(std::memory_order_relaxed) |
                (main && signals_pending.load(std::memory_order_relaxed)) |
                (main && pending_calls_to_do.load(std::memory_order_relaxed));
    eval_breaker.store(value, std::memory_order_relaxed);
}

void set_gil_drop_request()
{
    gil_drop_request.store(1, std::memory_order_relaxed);
    eval_breaker.store(1, std::memory_order_relaxed);
}

void reset_gil_drop_request()
{
    gil_drop_request.store(0, std::memory_order_relaxed);
    compute_eval_breaker();
}

// tstate_must_exit: a thread other than the finalizing one may no longer run.
bool must_exit(ThreadState* ts)
{
    ThreadState* fin = runtime_finalizing();
    return fin != nullptr && fin != ts;
}

// See the design notes: a daemon thread at exit parks here for good.
[[noreturn]] void hang_thread()
{
    for (;;) ::pause();
}

void drop_gil(ThreadState* ts)
{
    if (gil.locked.load(std::memory_order_relaxed) != 1) {
        std::fprintf(stderr, "Fatal Python error: drop_gil: GIL is not locked\n");
        std::abort();
    }
    // The caller may have swapped thread states; record who really held it.
    if (ts) gil.last_holder.store(ts, std::memory_order_relaxed);
    {
        std::lock_guard<std::mutex> lock(gil.mutex);
        gil.locked.store(0, std::memory_order_relaxed);
        gil.cond.notify_one();
    }
    // FORCE_SWITCHING: a thread dropping the GIL on request waits until
    // another thread has taken it, so that it cannot take it straight back.
    if (ts && gil_drop_request.load(std::memory_order_relaxed)) {
        std::unique_lock<std::mutex> lock(gil.switch_mutex);
        if (gil.last_holder.load(std::memory_order_relaxed) == ts) {
            reset_gil_drop_request();
            // The wait atomically releases switch_mutex, and take_gil
            // changes last_holder under it: the signal cannot be missed.
            gil.switch_cond.wait(lock);
        }
    }
}

void take_gil(ThreadState* ts)
{
    if (must_exit(ts)) hang_thread();
    int saved_errno = errno;
    std::unique_lock<std::mutex> lock(gil.mutex);
    while (gil.locked.load(std::memory_order_relaxed) == 1) {
        unsigned long saved_switchnum = gil.switch_number;
        unsigned long interval = gil.interval.load(std::memory_order_relaxed);
        if (interval < 1) interval = 1;
        bool timed_out = gil.cond.wait_for(lock, std::chrono::microseconds(interval)) == std::cv_status::timeout;
        // Timed out and nobody switched meanwhile: ask the holder to drop it.
        if (timed_out && gil.locked.load(std::memory_order_relaxed) == 1 && gil.switch_number == saved_switchnum) {
            if (must_exit(ts)) {
                lock.unlock();
                hang_thread();
            }
            set_gil_drop_request();
        }
    }
    {
        // last_holder changes under switch_mutex: see drop_gil.
        std::lock_guard<std::mutex> switch_lock(gil.switch_mutex);
        gil.locked.store(1, std::memory_order_relaxed);
        if (gil.last_holder.load(std::memory_order_relaxed) != ts) {
            gil.last_holder.store(ts, std::memory_order_relaxed);
            ++gil.switch_number;
        }
        gil.switch_cond.notify_one();
    }
    if (must_exit(ts)) {
        // Finalization started while we waited: give the GIL back to the
        // finalizing thread and park.
        lock.unlock();
        drop_gil(ts);
        hang_thread();
    }
    // A drop request was for the previous holder; the breaker is recomputed
    // for this thread either way (a signal another thread received must
    // reach the main thread).
    if (gil_drop_request.load(std::memory_order_relaxed)) reset_gil_drop_request();
    else compute_eval_breaker();
    lock.unlock();
    errno = saved_errno;
}

// --- signals and pending calls ----------------------------------------------------

// Py_AddPendingCall's queue (struct _pending_calls): a ring of NPENDINGCALLS.
constexpr int NPENDINGCALLS = 32;
struct PendingCalls {
    std::mutex mutex;
    int first = 0;
    int last = 0;
    struct Call {
        int (*func)(void*);
        void* arg;
    } calls[NPENDINGCALLS];
    bool busy = false;  // make_pending_calls is running (it must not recurse); main thread only
};

PendingCalls pending;

void signal_received()
{
    // SIGNAL_PENDING_SIGNALS(force=1): whoever holds the GIL enters the
    // breaker; compute_eval_breaker then keeps it only for the main thread.
    signals_pending.store(1, std::memory_order_relaxed);
    eval_breaker.store(1, std::memory_order_relaxed);
}

// handle_signals: only the main thread runs Python signal handlers.
int handle_signals()
{
    if (!is_main_thread()) return 0;
    signals_pending.store(0, std::memory_order_relaxed);
    compute_eval_breaker();
    int r = 0;
    // The vm's own SIGINT handler (pylifecycle.cpp) stays installed until a
    // program sets a SIGINT handler through the signal module; until then a
    // Ctrl-C is default_int_handler's KeyboardInterrupt, module or not.
    if (sigint_pending.exchange(false)) {
        set_error_none(Exc_KeyboardInterrupt);
        r = -1;
    }
    else if (run_signal_handlers_hook) {
        r = run_signal_handlers_hook();
    }
    if (r < 0) {
        // Re-arm, so that signals still unhandled are seen at the next check.
        signals_pending.store(1, std::memory_order_relaxed);
        compute_eval_breaker();
    }
    return r;
}

int add_pending_call_impl(int (*func)(void*), void* arg)
{
    {
        std::lock_guard<std::mutex> lock(pending.mutex);
        int j = (pending.last + 1) % NPENDINGCALLS;
        if (j == pending.first) return -1;  // the queue is full
        pending.calls[pending.last] = {func, arg};
        pending.last = j;
    }
    // SIGNAL_PENDING_CALLS: force the breaker; the holder recomputes it.
    pending_calls_to_do.store(1, std::memory_order_relaxed);
    eval_breaker.store(1, std::memory_order_relaxed);
    return 0;
}

// make_pending_calls (the static one of ceval.c): runs the queued calls.
int run_pending_calls()
{
    if (!is_main_thread() || pending.busy) return 0;
    pending.busy = true;
    pending_calls_to_do.store(0, std::memory_order_relaxed);
    compute_eval_breaker();
    int r = 0;
    for (int i = 0; i < NPENDINGCALLS; i++) {
        PendingCalls::Call call{nullptr, nullptr};
        {
            std::lock_guard<std::mutex> lock(pending.mutex);
            if (pending.first != pending.last) {
                call = pending.calls[pending.first];
                pending.first = (pending.first + 1) % NPENDINGCALLS;
            }
        }
        if (!call.func) break;
        if (call.func(call.arg) != 0) {
            r = -1;
            break;
        }
    }
    pending.busy = false;
    if (r < 0) {
        // Calls left behind run at the next check.
        pending_calls_to_do.store(1, std::memory_order_relaxed);
        compute_eval_breaker();
    }
    return r;
}

// Py_MakePendingCalls.
int make_pending_calls_impl()
{
    if (!is_main_thread()) return 0;
    if (handle_signals() != 0) return -1;
    return run_pending_calls();
}

}  // namespace

int handle_eval_breaker()
{
    // Pending signals and calls (main thread only).
    if (signals_pending.load(std::memory_order_relaxed) && handle_signals() != 0) return -1;
    if (pending_calls_to_do.load(std::memory_order_relaxed) && run_pending_calls() != 0) return -1;
    // The GIL drop request: let the waiting thread run, then wait our turn.
    if (gil_drop_request.load(std::memory_order_relaxed)) {
        ThreadState* ts = thread_state_swap(nullptr);
        drop_gil(ts);
        // Other threads run now.
        take_gil(ts);
        thread_state_swap(ts);
    }
    else {
        // Flags this thread cannot serve (a signal for the main thread)
        // must not make it re-enter the breaker at every check.
        compute_eval_breaker();
    }
    return 0;
}

void gil_init()
{
    if (gil.locked.load() != -1) return;
    ThreadState* ts = thread_state_get();
    gil.last_holder.store(ts);
    gil.switch_number = 0;
    gil.locked.store(0);
    take_gil(ts);
    ceval_hooks.take_gil = take_gil;
    ceval_hooks.drop_gil = drop_gil;
    ceval_hooks.make_pending_calls = make_pending_calls_impl;
    ceval_hooks.add_pending_call = add_pending_call_impl;
    ceval_hooks.signal_received = signal_received;
    ceval_hooks.thread_exit = frame_stack_fini;
}

void gil_set_switch_interval(unsigned long microseconds) { gil.interval.store(microseconds); }

unsigned long gil_get_switch_interval() { return gil.interval.load(); }

}  // namespace minipy::vm
