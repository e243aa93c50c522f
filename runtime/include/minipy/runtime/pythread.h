// pythread.h: OS threads and the lock primitive the interpreter builds on.
// Mirrors CPython 3.11 Include/pythread.h, Python/thread.c and
// Python/thread_pthread.h (the POSIX-semaphore branch). Book chapter 10,
// "Parallelism and Concurrency".
//
// Nothing here knows about Python objects or the GIL: these are the
// portable primitives below them. _thread's locks are a ThreadLock plus an
// object header, the GIL is a mutex and a condition variable of its own
// (vm/ceval_gil.cpp), and a thread started here runs plain C++ until its
// function takes the GIL.
#pragma once

#include <cstddef>

namespace minipy::runtime {

// PyLockStatus.
enum class LockStatus { Failure = 0, Acquired = 1, Intr = 2 };

// PY_TIMEOUT_MAX: the longest wait in microseconds a lock accepts
// (LLONG_MAX / 1000, what sem_clockwait's timespec can hold after the
// conversion); _thread.TIMEOUT_MAX is it in seconds, rounded down.
constexpr long long PY_TIMEOUT_MAX = 9223372036854775807LL / 1000;

// PYTHREAD_INVALID_THREAD_ID.
constexpr unsigned long PYTHREAD_INVALID_THREAD_ID = ~0UL;

// PyThread_start_new_thread: runs func(arg) on a new detached OS thread.
// Returns its ident, or PYTHREAD_INVALID_THREAD_ID when it cannot start.
unsigned long thread_start_new_thread(void (*func)(void*), void* arg);
// PyThread_get_thread_ident: pthread_self() as an integer (threading.get_ident()).
unsigned long thread_get_thread_ident();
// PyThread_get_thread_native_id: the kernel's id (gettid), as ps and top show it.
unsigned long thread_get_thread_native_id();
// PyThread_get_stacksize / PyThread_set_stacksize: the stack size of
// threads started from now on (0: the system default). set returns 0, or
// -1 when size is neither 0 nor at least 32 KiB (THREAD_STACK_MIN), or -2
// when the system refuses it.
std::size_t thread_get_stacksize();
int thread_set_stacksize(std::size_t size);

// PyThread_type_lock: a non-recursive lock that any thread may release
// (not only the one that acquired it: threading.Condition and join rely on
// that), hence a semaphore rather than a mutex.
struct ThreadLock;

// PyThread_allocate_lock / PyThread_free_lock. allocate returns null when
// the system has no semaphore left.
ThreadLock* thread_allocate_lock();
void thread_free_lock(ThreadLock* lock);
// PyThread_acquire_lock_timed: microseconds < 0 waits forever, 0 only
// tries. With intr_flag a signal ends the wait with Intr (so that the
// caller can run the handlers); without it the wait goes on.
LockStatus thread_acquire_lock_timed(ThreadLock* lock, long long microseconds, bool intr_flag);
// PyThread_release_lock: the lock must be held (the callers keep a
// `locked` flag of their own under the GIL to check it).
void thread_release_lock(ThreadLock* lock);

}  // namespace minipy::runtime
