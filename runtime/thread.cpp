// thread.cpp: OS threads and locks on POSIX (pthreads and semaphores).
// Mirrors CPython 3.11 Python/thread.c and Python/thread_pthread.h with
// USE_SEMAPHORES (the Linux choice). Book chapter 10.
//
// Locks are POSIX semaphores with a count of 0 or 1, as CPython's are on
// Linux: unlike a mutex, a semaphore may be released by a thread other
// than the one that acquired it, and sem_clockwait gives timed waits on the
// monotonic clock that a signal can interrupt (EINTR), which is how a
// Ctrl-C reaches a thread blocked in lock.acquire().
#include <pthread.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <new>

#include "minipy/runtime/pythread.h"

namespace minipy::runtime {

struct ThreadLock {
    sem_t sem;
};

namespace {

// THREAD_STACK_MIN: the smallest stack _thread.stack_size() accepts.
constexpr std::size_t THREAD_STACK_MIN = 0x8000;

// The stack size for new threads (0: the system's default). Read and
// written under the GIL only (from _thread.stack_size and start_new_thread).
std::size_t stacksize = 0;

// pythread_callback: what the new thread runs first. The parent allocated
// it; the child frees it before calling func, so that func may run forever.
struct Bootstrap {
    void (*func)(void*);
    void* arg;
};

void* pythread_wrapper(void* p)
{
    Bootstrap boot = *static_cast<Bootstrap*>(p);
    delete static_cast<Bootstrap*>(p);
    boot.func(boot.arg);
    return nullptr;
}

}  // namespace

unsigned long thread_start_new_thread(void (*func)(void*), void* arg)
{
    pthread_attr_t attrs;
    if (pthread_attr_init(&attrs) != 0) return PYTHREAD_INVALID_THREAD_ID;
    if (stacksize != 0 && pthread_attr_setstacksize(&attrs, stacksize) != 0) {
        pthread_attr_destroy(&attrs);
        return PYTHREAD_INVALID_THREAD_ID;
    }
    // PTHREAD_SCOPE_SYSTEM, as CPython asks for where it exists.
    pthread_attr_setscope(&attrs, PTHREAD_SCOPE_SYSTEM);
    auto* boot = new (std::nothrow) Bootstrap{func, arg};
    if (!boot) {
        pthread_attr_destroy(&attrs);
        return PYTHREAD_INVALID_THREAD_ID;
    }
    pthread_t th;
    int status = pthread_create(&th, &attrs, pythread_wrapper, boot);
    pthread_attr_destroy(&attrs);
    if (status != 0) {
        delete boot;
        return PYTHREAD_INVALID_THREAD_ID;
    }
    // Nobody joins OS threads: threading's join waits on a lock that the
    // thread state releases when the thread ends (_thread._set_sentinel).
    pthread_detach(th);
    return static_cast<unsigned long>(th);
}

unsigned long thread_get_thread_ident() { return static_cast<unsigned long>(pthread_self()); }

unsigned long thread_get_thread_native_id() { return static_cast<unsigned long>(syscall(SYS_gettid)); }

std::size_t thread_get_stacksize() { return stacksize; }

int thread_set_stacksize(std::size_t size)
{
    if (size == 0) {
        stacksize = 0;
        return 0;
    }
    if (size < THREAD_STACK_MIN) return -1;
    // Ask pthreads whether it would take the size (page multiples and
    // limits are its business), as _pythread_pthread_set_stacksize does.
    pthread_attr_t attrs;
    if (pthread_attr_init(&attrs) != 0) return -1;
    int rc = pthread_attr_setstacksize(&attrs, size);
    pthread_attr_destroy(&attrs);
    if (rc != 0) return -1;
    stacksize = size;
    return 0;
}

ThreadLock* thread_allocate_lock()
{
    auto* lock = new (std::nothrow) ThreadLock;
    if (!lock) return nullptr;
    if (sem_init(&lock->sem, 0, 1) != 0) {
        delete lock;
        return nullptr;
    }
    return lock;
}

void thread_free_lock(ThreadLock* lock)
{
    if (!lock) return;
    sem_destroy(&lock->sem);
    delete lock;
}

LockStatus thread_acquire_lock_timed(ThreadLock* lock, long long microseconds, bool intr_flag)
{
    // An absolute deadline, so that a wait restarted after EINTR does not
    // start its timeout afresh.
    struct timespec deadline {};
    if (microseconds > 0) {
        clock_gettime(CLOCK_MONOTONIC, &deadline);
        long long nsec = deadline.tv_nsec + (microseconds % 1000000) * 1000;
        deadline.tv_sec += static_cast<time_t>(microseconds / 1000000 + nsec / 1000000000);
        deadline.tv_nsec = static_cast<long>(nsec % 1000000000);
    }
    int status;
    for (;;) {
        int rc;
        if (microseconds > 0) rc = sem_clockwait(&lock->sem, CLOCK_MONOTONIC, &deadline);
        else if (microseconds == 0) rc = sem_trywait(&lock->sem);
        else rc = sem_wait(&lock->sem);
        status = rc == 0 ? 0 : errno;
        // Retry after a signal unless the caller wants to hear of it.
        if (intr_flag || status != EINTR) break;
    }
    if (status == 0) return LockStatus::Acquired;
    if (intr_flag && status == EINTR) return LockStatus::Intr;
    return LockStatus::Failure;
}

void thread_release_lock(ThreadLock* lock) { sem_post(&lock->sem); }

}  // namespace minipy::runtime
