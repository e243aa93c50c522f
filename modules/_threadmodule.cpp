// _threadmodule.cpp: the _thread module: starting threads, locks, RLock,
// thread-local data, and the hooks threading.py builds on.
// Mirrors CPython 3.11 Modules/_threadmodule.c. Book chapter 10,
// "Parallelism and Concurrency".
//
// Design notes
// ------------
// * start_new_thread(func, args[, kwargs]) makes the child's ThreadState
//   in the parent (with the GIL), then starts an OS thread
//   (runtime/pythread.h) that binds the state to itself, takes the GIL,
//   calls func(*args, **kwargs), reports an exception as unraisable
//   ("Exception ignored in thread started by: ..."; SystemExit ends the
//   thread silently), clears its state and releases the GIL for good.
//   threading.Thread wraps that with names, join and excepthook.
// * A lock is a runtime ThreadLock plus a `locked` flag kept under the
//   GIL. acquire() first tries without releasing the GIL (cheap when the
//   lock is free), then waits with the GIL released; a signal that
//   interrupts the wait runs the Python handlers (main thread) and the
//   wait resumes with what is left of the timeout (acquire_timed).
// * RLock is a lock with an owner (thread ident) and a count; only the
//   owner may release it. _release_save/_acquire_restore let
//   threading.Condition wait on an RLock held several times.
// * _set_sentinel() returns a lock that the thread state releases when it
//   is cleared, after the thread's last Python code: Thread.join() waits
//   on it (the thread holds it while it lives).
// * _local keeps one dict per thread (ldict), as CPython's does: the
//   thread's state dict (PyThreadState_GetDict) holds, under a key unique
//   to the local object, a _localdummy; the ldict itself is owned by the
//   local's `dummies` dict, keyed by a weak reference to the dummy. So the
//   thread state owns no path to the ldict and a cycle through a local's
//   attributes is garbage the collector can find; when a thread ends, its
//   state dict drops the dummy and the weak reference's callback drops
//   that thread's ldict. Each attribute access points the object's
//   __dict__ slot at the calling thread's ldict, then uses the generic
//   attribute code; the slot lets go of a thread's ldict when the thread
//   ends (CPython has no such slot: it passes the ldict to the generic
//   code).
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <new>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/pythread.h"
#include "minipy/runtime/structseq.h"
#include "minipy/runtime/traceback.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "pytime.h"

namespace minipy::modules {

using namespace runtime;

namespace {

// _thread.error is RuntimeError since 3.3 (ThreadError in threading).
TypeObject* thread_error() { return Exc_RuntimeError; }

// The "unset" timeout: -1 second, which means "wait for ever".
constexpr long long UNSET_TIMEOUT = -SEC_TO_NS;

// _PyDeadline_Init / _PyDeadline_Get: monotonic nanoseconds.
long long monotonic_ns()
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * SEC_TO_NS + ts.tv_nsec;
}

// acquire_timed: timeout in nanoseconds (< 0: for ever, 0: only try).
// Intr means a signal handler raised: its exception is set.
LockStatus acquire_timed(ThreadLock* lock, long long timeout)
{
    // _PyDeadline_Init: saturated, TIMEOUT_MAX is close to the clock's end.
    long long endtime = 0;
    if (timeout > 0 && __builtin_add_overflow(monotonic_ns(), timeout, &endtime)) endtime = LLONG_MAX;
    LockStatus r;
    do {
        long long microseconds = time_as_microseconds_timeout(timeout);
        // A try without giving up the GIL first: most locks are free.
        r = thread_acquire_lock_timed(lock, 0, false);
        if (r == LockStatus::Failure && microseconds != 0) {
            // A signal that arrived since the eval loop last looked would
            // go unnoticed in the wait (its EINTR came before the wait
            // started): its handlers run now. CPython has this window too;
            // under load it was wide enough to hang a Ctrl-C'd Event.wait().
            if (make_pending_calls() < 0) return LockStatus::Intr;
            AllowThreads nogil;
            r = thread_acquire_lock_timed(lock, microseconds, true);
        }
        if (r == LockStatus::Intr) {
            // Run the signal handlers; KeyboardInterrupt and friends end
            // the wait.
            if (make_pending_calls() < 0) return LockStatus::Intr;
            // The handlers took time: what is left of the timeout?
            if (timeout > 0) {
                timeout = endtime - monotonic_ns();
                if (timeout < 0) r = LockStatus::Failure;
            }
        }
    } while (r == LockStatus::Intr);
    return r;
}

// lock_acquire_parse_args: acquire(blocking=True, timeout=-1) into a
// timeout in nanoseconds.
bool acquire_parse_args(Object* const* args, Py_ssize_t nargs, Object* kwnames, long long* timeout)
{
    Object* values[2] = {nullptr, nullptr};
    if (!parse_args_fastkw("acquire", args, nargs, kwnames, {"blocking", "timeout"}, 0, values)) return false;
    int blocking = 1;
    if (values[0]) {
        blocking = object_is_true(values[0]);
        if (blocking < 0) return false;
    }
    *timeout = UNSET_TIMEOUT;
    if (values[1] && !time_from_seconds_object(values[1], timeout)) return false;
    if (!blocking && *timeout != UNSET_TIMEOUT) {
        set_error(Exc_ValueError, "can't specify a timeout for a non-blocking call");
        return false;
    }
    if (*timeout < 0 && *timeout != UNSET_TIMEOUT) {
        set_error(Exc_ValueError, "timeout value must be positive");
        return false;
    }
    if (!blocking) *timeout = 0;
    else if (*timeout != UNSET_TIMEOUT && time_as_microseconds_timeout(*timeout) > PY_TIMEOUT_MAX) {
        set_error(Exc_OverflowError, "timeout value is too large");
        return false;
    }
    return true;
}

// ===========================================================================
// lock (LockType)

struct LockObject : Object {
    ThreadLock* lock_lock;
    Object* in_weakreflist;
    char locked;  // under the GIL: whether lock_lock is held
};

extern TypeObject Lock_Type;

LockObject* L(Object* op) { return static_cast<LockObject*>(op); }

Ref<> new_lock_object()
{
    Ref<LockObject> self = object_new<LockObject>(&Lock_Type);
    if (!self) return nullptr;
    self->in_weakreflist = nullptr;
    self->locked = 0;
    self->lock_lock = thread_allocate_lock();
    if (!self->lock_lock) {
        set_error(thread_error(), "can't allocate lock");
        return nullptr;
    }
    return self;
}

void lock_dealloc(Object* op)
{
    LockObject* self = L(op);
    if (self->in_weakreflist) object_clear_weakrefs(op);
    if (self->lock_lock) {
        // Unlock first: destroying a held semaphore is fine on Linux, but
        // CPython does it for platforms where it is not.
        if (self->locked) thread_release_lock(self->lock_lock);
        thread_free_lock(self->lock_lock);
    }
    object_dealloc_memory(op);
}

Ref<> lock_acquire(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    long long timeout;
    if (!acquire_parse_args(args, nargs, kwnames, &timeout)) return nullptr;
    LockStatus r = acquire_timed(L(self)->lock_lock, timeout);
    if (r == LockStatus::Intr) return nullptr;
    if (r == LockStatus::Acquired) L(self)->locked = 1;
    return bool_from_long(r == LockStatus::Acquired);
}

Ref<> lock_release(Object* self, Object*)
{
    if (!L(self)->locked) return format_error(thread_error(), "release unlocked lock");
    L(self)->locked = 0;
    thread_release_lock(L(self)->lock_lock);
    return none_ref();
}

Ref<> lock_exit(Object* self, Object*) { return lock_release(self, nullptr); }

Ref<> lock_locked(Object* self, Object*) { return bool_from_long(L(self)->locked); }

Ref<> lock_repr(Object* self)
{
    return unicode_from_format("<%s %s object at %p>", L(self)->locked ? "locked" : "unlocked",
                               Py_TYPE(self)->tp_name, static_cast<void*>(self));
}

// _at_fork_reinit: a fresh, unlocked lock (after fork() in the child).
Ref<> lock_at_fork_reinit(Object* self, Object*)
{
    ThreadLock* fresh = thread_allocate_lock();
    if (!fresh) return format_error(thread_error(), "failed to reinitialize lock at fork");
    thread_free_lock(L(self)->lock_lock);
    L(self)->lock_lock = fresh;
    L(self)->locked = 0;
    return none_ref();
}

const char acquire_doc[] =
    "acquire(blocking=True, timeout=-1) -> bool\n"
    "(acquire_lock() is an obsolete synonym)\n\n"
    "Lock the lock. With blocking true (the default), wait until the lock is\n"
    "free, at most timeout seconds when timeout is given and not -1; without\n"
    "blocking, only try. Return whether the lock was acquired.";
const char release_doc[] =
    "release()\n(release_lock() is an obsolete synonym)\n\n"
    "Release the lock, letting a thread waiting in acquire() take it. The\n"
    "lock must be locked, not necessarily by the same thread.";
const char locked_doc[] = "locked() -> bool\n(locked_lock() is an obsolete synonym)\n\nTell whether the lock is locked.";

MethodDef lock_methods[] = {
    method_fastkw("acquire_lock", lock_acquire, acquire_doc),
    method_fastkw("acquire", lock_acquire, acquire_doc),
    method_noargs("release_lock", lock_release, release_doc),
    method_noargs("release", lock_release, release_doc),
    method_noargs("locked_lock", lock_locked, locked_doc),
    method_noargs("locked", lock_locked, locked_doc),
    method_fastkw("__enter__", lock_acquire, acquire_doc),
    method_varargs("__exit__", lock_exit, release_doc),
    method_noargs("_at_fork_reinit", lock_at_fork_reinit),
    {},
};

TypeObject Lock_Type = [] {
    TypeObject t = static_type("_thread.lock", sizeof(LockObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
                               "A lock object is a synchronization primitive. To create a lock,\n"
                               "call threading.Lock(). Methods are:\n\n"
                               "acquire() -- lock the lock, possibly blocking until it can be obtained\n"
                               "release() -- unlock of the lock\n"
                               "locked() -- test whether the lock is currently locked\n\n"
                               "A lock is not owned by the thread that locked it; another thread may\n"
                               "unlock it.  A thread attempting to lock a lock that it has already locked\n"
                               "will block until another thread unlocks it.  Deadlocks may ensue.");
    t.tp_dealloc = lock_dealloc;
    t.tp_repr = lock_repr;
    t.tp_getattro = object_generic_get_attr;
    t.tp_methods = lock_methods;
    t.tp_weaklistoffset = static_cast<Py_ssize_t>(offsetof(LockObject, in_weakreflist));
    return t;
}();

// ===========================================================================
// RLock

struct RLockObject : Object {
    ThreadLock* rlock_lock;
    unsigned long rlock_owner;  // thread ident, meaningful when rlock_count > 0
    unsigned long rlock_count;
    Object* in_weakreflist;
};

extern TypeObject RLock_Type;

RLockObject* R(Object* op) { return static_cast<RLockObject*>(op); }

Ref<> rlock_new(TypeObject* type, Object*, Object*)
{
    Ref<> self = steal_ref(object_alloc_raw(type, 0));
    if (!self) return nullptr;
    RLockObject* r = R(self.get());
    r->in_weakreflist = nullptr;
    r->rlock_owner = 0;
    r->rlock_count = 0;
    r->rlock_lock = thread_allocate_lock();
    if (!r->rlock_lock) return format_error(thread_error(), "can't allocate lock");
    return self;
}

void rlock_dealloc(Object* op)
{
    RLockObject* self = R(op);
    if (self->in_weakreflist) object_clear_weakrefs(op);
    if (self->rlock_lock) {
        if (self->rlock_count > 0) thread_release_lock(self->rlock_lock);
        thread_free_lock(self->rlock_lock);
    }
    object_dealloc_memory(op);
}

Ref<> rlock_acquire(Object* op, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    RLockObject* self = R(op);
    long long timeout;
    if (!acquire_parse_args(args, nargs, kwnames, &timeout)) return nullptr;
    unsigned long tid = thread_get_thread_ident();
    if (self->rlock_count > 0 && tid == self->rlock_owner) {
        unsigned long count = self->rlock_count + 1;
        if (count <= self->rlock_count) return format_error(Exc_OverflowError, "Internal lock count overflowed");
        self->rlock_count = count;
        return bool_from_long(1);
    }
    LockStatus r = acquire_timed(self->rlock_lock, timeout);
    if (r == LockStatus::Acquired) {
        self->rlock_owner = tid;
        self->rlock_count = 1;
    }
    else if (r == LockStatus::Intr) {
        return nullptr;
    }
    return bool_from_long(r == LockStatus::Acquired);
}

Ref<> rlock_release(Object* op, Object*)
{
    RLockObject* self = R(op);
    unsigned long tid = thread_get_thread_ident();
    if (self->rlock_count == 0 || self->rlock_owner != tid)
        return format_error(Exc_RuntimeError, "cannot release un-acquired lock");
    if (--self->rlock_count == 0) {
        self->rlock_owner = 0;
        thread_release_lock(self->rlock_lock);
    }
    return none_ref();
}

Ref<> rlock_acquire_restore(Object* op, Object* state)
{
    RLockObject* self = R(op);
    if (!tuple_check(state) || tuple_size(state) != 2)
        return format_error(Exc_TypeError, "_acquire_restore() argument must be a tuple of 2 ints");
    unsigned long count = static_cast<unsigned long>(long_as_long_long(tuple_item(state, 0)));
    if (error_occurred()) return nullptr;
    unsigned long owner = static_cast<unsigned long>(long_as_long_long(tuple_item(state, 1)));
    if (error_occurred()) return nullptr;
    LockStatus r = thread_acquire_lock_timed(self->rlock_lock, 0, false);
    if (r != LockStatus::Acquired) {
        AllowThreads nogil;
        r = thread_acquire_lock_timed(self->rlock_lock, -1, false);
    }
    if (r != LockStatus::Acquired) return format_error(thread_error(), "couldn't acquire lock");
    self->rlock_owner = owner;
    self->rlock_count = count;
    return none_ref();
}

Ref<> rlock_release_save(Object* op, Object*)
{
    RLockObject* self = R(op);
    if (self->rlock_count == 0) return format_error(Exc_RuntimeError, "cannot release un-acquired lock");
    unsigned long owner = self->rlock_owner;
    unsigned long count = self->rlock_count;
    self->rlock_count = 0;
    self->rlock_owner = 0;
    thread_release_lock(self->rlock_lock);
    Ref<> c = long_from_unsigned(count);
    Ref<> o = long_from_unsigned(owner);
    if (!c || !o) return nullptr;
    return tuple_pack({c.get(), o.get()});
}

Ref<> rlock_recursion_count(Object* op, Object*)
{
    RLockObject* self = R(op);
    unsigned long tid = thread_get_thread_ident();
    return long_from_unsigned(self->rlock_owner == tid ? self->rlock_count : 0UL);
}

Ref<> rlock_is_owned(Object* op, Object*)
{
    RLockObject* self = R(op);
    unsigned long tid = thread_get_thread_ident();
    return bool_from_long(self->rlock_count > 0 && self->rlock_owner == tid);
}

Ref<> rlock_exit(Object* op, Object*) { return rlock_release(op, nullptr); }

Ref<> rlock_at_fork_reinit(Object* op, Object*)
{
    RLockObject* self = R(op);
    ThreadLock* fresh = thread_allocate_lock();
    if (!fresh) return format_error(thread_error(), "failed to reinitialize lock at fork");
    thread_free_lock(self->rlock_lock);
    self->rlock_lock = fresh;
    self->rlock_owner = 0;
    self->rlock_count = 0;
    return none_ref();
}

Ref<> rlock_repr(Object* op)
{
    RLockObject* self = R(op);
    return unicode_from_format("<%s %s object owner=%lu count=%lu at %p>", self->rlock_count ? "locked" : "unlocked",
                               Py_TYPE(op)->tp_name, self->rlock_owner, self->rlock_count, static_cast<void*>(op));
}

const char rlock_acquire_doc[] =
    "acquire(blocking=True, timeout=-1) -> bool\n\n"
    "Lock the lock. The thread that holds it may acquire it again: each\n"
    "acquire() then needs its own release(). Blocking and timeout work as for\n"
    "Lock.acquire(). Return whether the lock was acquired.";
const char rlock_release_doc[] =
    "release()\n\n"
    "Release the lock once; it is free when every acquire() of its owner has\n"
    "been released. Only the owner may release it (RuntimeError otherwise).";

MethodDef rlock_methods[] = {
    method_fastkw("acquire", rlock_acquire, rlock_acquire_doc),
    method_noargs("release", rlock_release, rlock_release_doc),
    method_noargs("_is_owned", rlock_is_owned, "For internal use by `threading.Condition`."),
    method_noargs("_recursion_count", rlock_recursion_count, "For internal use by reentrancy checks."),
    method_o("_acquire_restore", rlock_acquire_restore, "For internal use by `threading.Condition`."),
    method_noargs("_release_save", rlock_release_save, "For internal use by `threading.Condition`."),
    method_noargs("_at_fork_reinit", rlock_at_fork_reinit),
    method_fastkw("__enter__", rlock_acquire, rlock_acquire_doc),
    method_varargs("__exit__", rlock_exit, rlock_release_doc),
    {},
};

TypeObject RLock_Type = [] {
    TypeObject t = static_type("_thread.RLock", sizeof(RLockObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
                               nullptr);
    t.tp_dealloc = rlock_dealloc;
    t.tp_repr = rlock_repr;
    t.tp_getattro = object_generic_get_attr;
    t.tp_methods = rlock_methods;
    t.tp_weaklistoffset = static_cast<Py_ssize_t>(offsetof(RLockObject, in_weakreflist));
    t.tp_new = rlock_new;
    return t;
}();

// ===========================================================================
// _local

struct LocalObject : Object {
    Object* key;          // owned str, unique to this object: its slot in every thread's dict
    Object* args;         // owned: the constructor's arguments, replayed by __init__ in each new thread
    Object* kw;           // owned or null
    Object* dummies;      // owned dict: weakref to a thread's _localdummy -> that thread's ldict
    Object* wr_callback;  // owned: _localdummy_destroyed bound to a weakref to this object
    Object* dict;         // owned: the ldict of the thread that used the object last
    Object* weakreflist;
};

extern TypeObject Local_Type;

LocalObject* LO(Object* op) { return static_cast<LocalObject*>(op); }

// The calling thread's state dict (PyThreadState_GetDict), made on demand.
Object* thread_state_dict()
{
    ThreadState* ts = thread_state_get();
    if (!ts->dict) {
        Ref<> d = dict_new();
        if (!d) return nullptr;
        ts->dict = d.release();
    }
    return ts->dict;
}

// localdummy: what a thread's state dict holds for a local object. It owns
// nothing; its death (the thread's state dict cleared) is what a weak
// reference with the local's wr_callback waits for.
struct LocalDummyObject : Object {
    Object* localdict;  // borrowed: the local's dummies dict owns it
    Object* weakreflist;
};

void localdummy_dealloc(Object* op)
{
    if (static_cast<LocalDummyObject*>(op)->weakreflist) object_clear_weakrefs(op);
    object_dealloc_memory(op);
}

TypeObject LocalDummy_Type = [] {
    TypeObject t = static_type("_thread._localdummy", sizeof(LocalDummyObject), 0, Py_TPFLAGS_DEFAULT,
                               "Thread-local dummy");
    t.tp_dealloc = localdummy_dealloc;
    t.tp_weaklistoffset = static_cast<Py_ssize_t>(offsetof(LocalDummyObject, weakreflist));
    return t;
}();

// _localdummy_destroyed(localweakref, dummyweakref): a thread's dummy died,
// so the local (if it is still alive and not being cleared) forgets that
// thread's ldict.
Ref<> local_dummy_destroyed(Object* localweakref, Object* dummyweakref)
{
    Object* obj = weakref_get_object(localweakref);
    if (obj == Py_None()) return none_ref();
    Ref<> self = new_ref(obj);
    if (Object* dummies = LO(obj)->dummies) {
        if (Object* ldict = dict_get_item_with_error(dummies, dummyweakref)) {
            // The __dict__ slot lets go too if it still shows that thread's
            // ldict, so the values the thread stored die with it.
            if (LO(obj)->dict == ldict) clear_ref(LO(obj)->dict);
            if (dict_del_item(dummies, dummyweakref) < 0) error_write_unraisable(obj);
        }
        else if (error_occurred()) {
            error_write_unraisable(obj);
        }
    }
    return none_ref();
}

MethodDef local_dummy_destroyed_def = method_o("_localdummy_destroyed", local_dummy_destroyed);

// _local_create_dummy: a new ldict for the calling thread, owned by the
// local's dummies (under a weak reference to a new dummy, which the
// thread's state dict owns). Borrowed.
Object* local_create_dummy(Object* op)
{
    LocalObject* self = LO(op);
    Object* tdict = thread_state_dict();
    if (!tdict) return nullptr;
    Ref<> ldict = dict_new();
    Ref<LocalDummyObject> dummy = ldict ? object_new<LocalDummyObject>(&LocalDummy_Type) : nullptr;
    if (!dummy) return nullptr;
    dummy->localdict = ldict.get();
    Ref<> wr = weakref_new_ref(dummy.get(), self->wr_callback);
    // On a failure after the first insertion the dummy dies with `dummy`
    // and its callback takes the ldict out of dummies again.
    if (!wr || dict_set_item(self->dummies, wr.get(), ldict.get()) < 0 ||
        dict_set_item(tdict, self->key, dummy.get()) < 0)
        return nullptr;
    return ldict.get();
}

// _ldict: the calling thread's dict for self, made (and __init__ called
// with the constructor's arguments) on the thread's first use. Borrowed.
Object* local_thread_dict(Object* op, bool* created = nullptr)
{
    LocalObject* self = LO(op);
    Object* tdict = thread_state_dict();
    if (!tdict) return nullptr;
    Object* dummy = dict_get_item_with_error(tdict, self->key);
    Object* ldict;
    if (dummy) {
        ldict = static_cast<LocalDummyObject*>(dummy)->localdict;
    }
    else {
        if (error_occurred()) return nullptr;
        ldict = local_create_dummy(op);
        if (!ldict) return nullptr;
        if (created) *created = true;
    }
    set_ref(self->dict, new_ref(ldict).release());
    return ldict;
}

// The first use of the object in a thread other than its creator's runs
// the class's __init__ there (CPython's _ldict).
Object* local_dict_for_access(Object* op)
{
    bool created = false;
    Object* ldict = local_thread_dict(op, &created);
    if (!ldict || !created) return ldict;
    TypeObject* type = Py_TYPE(op);
    if (type->tp_init != BaseObject_Type.tp_init) {
        Ref<> keep = new_ref(ldict);
        if (type->tp_init(op, LO(op)->args, LO(op)->kw) < 0) {
            // The half-made dict goes away, so the next access retries.
            Ref<> exc = fetch_exception();
            if (Object* tdict = thread_state_get()->dict)
                if (dict_del_item(tdict, LO(op)->key) < 0) error_clear();
            restore_exception(std::move(exc));
            return nullptr;
        }
        return local_thread_dict(op);
    }
    return ldict;
}

Ref<> local_new(TypeObject* type, Object* args, Object* kw)
{
    if (type->tp_init == BaseObject_Type.tp_init) {
        int rc = args ? object_is_true(args) : 0;
        if (rc == 0 && kw) rc = object_is_true(kw);
        if (rc != 0) {
            if (rc > 0) set_error(Exc_TypeError, "Initialization arguments are not supported");
            return nullptr;
        }
    }
    Ref<> self = steal_ref(object_alloc_raw(type, 0));
    if (!self) return nullptr;
    LocalObject* lo = LO(self.get());
    lo->args = new_ref(args).release();
    lo->kw = kw ? new_ref(kw).release() : nullptr;
    lo->key = unicode_from_format("thread.local.%p", static_cast<void*>(self.get())).release();
    if (!lo->key) return nullptr;
    lo->dummies = dict_new().release();
    if (!lo->dummies) return nullptr;
    // The callback holds the local only weakly: the dummies it serves must
    // not keep it alive.
    Ref<> wr = weakref_new_ref(self.get(), nullptr);
    lo->wr_callback = wr ? cfunction_new(&local_dummy_destroyed_def, wr.get()).release() : nullptr;
    if (!lo->wr_callback) return nullptr;
    // The creating thread's dict exists at once; type_call runs __init__
    // on it right after.
    if (!local_thread_dict(self.get())) return nullptr;
    return self;
}

int local_traverse(Object* op, visitproc visit, void* arg)
{
    for (Object* o : {LO(op)->args, LO(op)->kw, LO(op)->dummies, LO(op)->dict})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

// Drop the object's dummy from every thread's state dict (local_clear's
// loop over the thread states).
void local_forget_everywhere(Object* key)
{
    for (ThreadState* ts = interpreter_get()->threads; ts; ts = ts->next) {
        if (!ts->dict || !dict_check(ts->dict)) continue;
        if (dict_get_item_with_error(ts->dict, key)) {
            if (dict_del_item(ts->dict, key) < 0) error_clear();
        }
        else if (error_occurred()) {
            error_clear();
        }
    }
}

int local_clear(Object* op)
{
    LocalObject* self = LO(op);
    clear_ref(self->args);
    clear_ref(self->kw);
    clear_ref(self->dummies);
    clear_ref(self->wr_callback);
    clear_ref(self->dict);
    if (self->key) {
        Ref<> exc = fetch_exception();
        local_forget_everywhere(self->key);
        restore_exception(std::move(exc));
    }
    return 0;
}

void local_dealloc(Object* op)
{
    if (LO(op)->weakreflist) object_clear_weakrefs(op);
    local_clear(op);
    clear_ref(LO(op)->key);
    object_dealloc_memory(op);
}

Ref<> local_getattro(Object* op, Object* name)
{
    Object* ldict = local_dict_for_access(op);
    if (!ldict) return nullptr;
    if (unicode_check(name) && unicode_equal_to_ascii(name, "__dict__")) return new_ref(ldict);
    return object_generic_get_attr(op, name);
}

int local_setattro(Object* op, Object* name, Object* value)
{
    Object* ldict = local_dict_for_access(op);
    if (!ldict) return -1;
    if (unicode_check(name) && unicode_equal_to_ascii(name, "__dict__")) {
        format_error(Exc_AttributeError, "'%.50s' object attribute '%U' is read-only", Py_TYPE(op)->tp_name, name);
        return -1;
    }
    return object_generic_set_attr(op, name, value);
}

TypeObject Local_Type = [] {
    TypeObject t = static_type("_thread._local", sizeof(LocalObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
                               "Thread-local data");
    t.tp_dealloc = local_dealloc;
    t.tp_getattro = local_getattro;
    t.tp_setattro = local_setattro;
    t.tp_traverse = local_traverse;
    t.tp_clear = local_clear;
    t.tp_dictoffset = static_cast<Py_ssize_t>(offsetof(LocalObject, dict));
    t.tp_weaklistoffset = static_cast<Py_ssize_t>(offsetof(LocalObject, weakreflist));
    t.tp_new = local_new;
    return t;
}();

// ===========================================================================
// Starting threads

// struct bootstate: what the new thread needs, made by its parent.
struct BootState {
    ThreadState* ts;
    Object* func;    // owned
    Object* args;    // owned tuple
    Object* kwargs;  // owned dict or null
};

void thread_run(void* arg)
{
    auto* boot = static_cast<BootState*>(arg);
    ThreadState* ts = boot->ts;
    thread_state_bind(ts);
    eval_restore_thread(ts);  // takes the GIL
    ts->interp->threads_count++;
    {
        Ref<> res = object_call(boot->func, boot->args, boot->kwargs);
        if (!res) {
            if (error_matches(Exc_SystemExit)) error_clear();  // ends the thread silently
            else if (unraisable_hook) unraisable_hook("in thread started by", boot->func);
            else error_write_unraisable(boot->func);
        }
    }
    clear_ref(boot->func);
    clear_ref(boot->args);
    clear_ref(boot->kwargs);
    delete boot;
    ts->interp->threads_count--;
    thread_state_clear(ts);
    thread_state_delete_current(ts);  // releases the GIL for good
}

Ref<> thread_start_new(Object*, Object* args)
{
    Py_ssize_t n = tuple_size(args);
    if (n < 2) return format_error(Exc_TypeError, "start_new_thread expected at least 2 arguments, got %zd", n);
    if (n > 3) return format_error(Exc_TypeError, "start_new_thread expected at most 3 arguments, got %zd", n);
    Object* func = tuple_item(args, 0);
    Object* fargs = tuple_item(args, 1);
    Object* kwargs = n == 3 ? tuple_item(args, 2) : nullptr;
    if (!callable_check(func)) return format_error(Exc_TypeError, "first arg must be callable");
    if (!tuple_check(fargs)) return format_error(Exc_TypeError, "2nd arg must be a tuple");
    if (kwargs && !dict_check(kwargs)) return format_error(Exc_TypeError, "optional 3rd arg must be a dictionary");
    ThreadState* ts = thread_state_new(interpreter_get());
    auto* boot = new (std::nothrow) BootState{ts, new_ref(func).release(), new_ref(fargs).release(),
                                              kwargs ? new_ref(kwargs).release() : nullptr};
    if (!boot) {
        thread_state_delete(ts);
        return error_no_memory();
    }
    unsigned long ident = thread_start_new_thread(thread_run, boot);
    if (ident == PYTHREAD_INVALID_THREAD_ID) {
        clear_ref(boot->func);
        clear_ref(boot->args);
        clear_ref(boot->kwargs);
        delete boot;
        thread_state_delete(ts);
        return format_error(thread_error(), "can't start new thread");
    }
    return long_from_unsigned(ident);
}

Ref<> thread_exit(Object*, Object*)
{
    set_error_none(Exc_SystemExit);
    return nullptr;
}

// interrupt_main(signum=SIGINT): as if the signal arrived (PyErr_SetInterruptEx):
// nothing when Python does not handle it (SIG_DFL, SIG_IGN); otherwise its
// C handler runs, here, and the main thread's loop runs the Python handler.
Ref<> thread_interrupt_main(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("interrupt_main", nargs, 0, 1)) return nullptr;
    long signum = SIGINT;
    if (nargs == 1) {
        signum = static_cast<long>(long_as_long_long(args[0]));
        if (signum == -1 && error_occurred()) return nullptr;
    }
    if (signum < 1 || signum >= NSIG) return format_error(Exc_ValueError, "signal number out of range");
    struct sigaction current{};
    if (sigaction(static_cast<int>(signum), nullptr, &current) != 0) return none_ref();
    bool handled_by_python = !(current.sa_flags & SA_SIGINFO) && current.sa_handler != SIG_DFL &&
                             current.sa_handler != SIG_IGN;
    if (handled_by_python) std::raise(static_cast<int>(signum));
    return none_ref();
}

Ref<> thread_allocate_lock_fn(Object*, Object*) { return new_lock_object(); }

Ref<> thread_get_ident(Object*, Object*)
{
    unsigned long ident = thread_get_thread_ident();
    if (ident == PYTHREAD_INVALID_THREAD_ID) return format_error(thread_error(), "no current thread ident");
    return long_from_unsigned(ident);
}

Ref<> thread_get_native_id(Object*, Object*) { return long_from_unsigned(thread_get_thread_native_id()); }

Ref<> thread_count(Object*, Object*) { return long_from_long(interpreter_get()->threads_count); }

Ref<> thread_stack_size(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional_getargs("stack_size", nargs, 0, 1)) return nullptr;
    Py_ssize_t new_size = 0;
    if (nargs == 1) {
        new_size = long_as_ssize_t(args[0]);
        if (new_size == -1 && error_occurred()) return nullptr;
    }
    if (new_size < 0) return format_error(Exc_ValueError, "size must be 0 or a positive value");
    std::size_t old_size = thread_get_stacksize();
    int rc = thread_set_stacksize(static_cast<std::size_t>(new_size));
    if (rc == -1) return format_error(Exc_ValueError, "size not valid: %zd bytes", new_size);
    if (rc == -2) return format_error(thread_error(), "setting stack size not supported");
    return long_from_ssize_t(static_cast<Py_ssize_t>(old_size));
}

// release_sentinel: the thread state's on_delete. data is a weak
// reference to the sentinel lock (the thread must not keep it alive).
void release_sentinel(void* data)
{
    auto* wr = static_cast<Object*>(data);
    Object* obj = weakref_get_object(wr);
    if (obj && obj != Py_None() && Py_TYPE(obj) == &Lock_Type) {
        LockObject* lock = L(obj);
        if (lock->locked) {
            lock->locked = 0;
            thread_release_lock(lock->lock_lock);
        }
    }
    decref(wr);
}

Ref<> thread_set_sentinel(Object*, Object*)
{
    ThreadState* ts = thread_state_get();
    if (ts->on_delete_data) {
        // A second call (after fork() in CPython): the old sentinel is dropped.
        auto* old = static_cast<Object*>(ts->on_delete_data);
        ts->on_delete = nullptr;
        ts->on_delete_data = nullptr;
        decref(old);
    }
    Ref<> lock = new_lock_object();
    if (!lock) return nullptr;
    Ref<> wr = weakref_new_ref(lock.get(), nullptr);
    if (!wr) return nullptr;
    ts->on_delete_data = wr.release();
    ts->on_delete = release_sentinel;
    return lock;
}

// ===========================================================================
// _excepthook and _ExceptHookArgs

const StructSequenceField excepthook_args_fields[] = {
    {"exc_type", "Exception type"},
    {"exc_value", "Exception value"},
    {"exc_traceback", "Exception traceback"},
    {"thread", "Thread"},
    {},
};

const StructSequenceDesc excepthook_args_desc = {
    "_thread._ExceptHookArgs",
    "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.",
    excepthook_args_fields,
    4,
};

TypeObject ExceptHookArgs_Type{};

int write_string(Object* file, const char* text)
{
    Ref<> s = unicode_from_string(text);
    if (!s) return -1;
    Ref<> r = call_method(file, "write", {s.get()});
    return r ? 0 : -1;
}

// thread_excepthook_file: "Exception in thread NAME:", the traceback, a flush.
int excepthook_file(Object* file, Object* exc_value, Object* thread)
{
    if (write_string(file, "Exception in thread ") < 0) return -1;
    Ref<> name;
    if (thread != Py_None() && object_lookup_attr(thread, unicode_intern_from_string("name").get(), &name) < 0)
        return -1;
    Ref<> text = name ? object_str(name.get()) : unicode_from_format("%lu", thread_get_thread_ident());
    if (!text) return -1;
    Ref<> r = call_method(file, "write", {text.get()});
    if (!r || write_string(file, ":\n") < 0) return -1;
    if (exc_value != Py_None() && error_display_hook) {
        if (error_display_hook(file, exc_value) < 0) return -1;
    }
    r = call_method(file, "flush");
    return r ? 0 : -1;
}

Ref<> thread_excepthook(Object*, Object* args)
{
    if (Py_TYPE(args) != &ExceptHookArgs_Type)
        return format_error(Exc_TypeError, "_thread._excepthook argument type must be ExceptHookArgs");
    Object* exc_type = structseq_get_item(args, 0);
    if (exc_type == Exc_SystemExit) return none_ref();  // silently ignored
    Object* exc_value = structseq_get_item(args, 1);
    Object* thread = structseq_get_item(args, 3);
    Object* sysdict = interpreter_get()->sysdict;
    Object* stderr_obj = sysdict ? dict_get_item_string(sysdict, "stderr") : nullptr;
    Ref<> file;
    if (!stderr_obj || stderr_obj == Py_None()) {
        if (thread == Py_None()) return none_ref();
        // sys.stderr is gone (interpreter shutdown): threading kept a copy.
        file = object_get_attr_string(thread, "_stderr");
        if (!file) return nullptr;
        if (file.get() == Py_None()) return none_ref();
    }
    else {
        file = new_ref(stderr_obj);
    }
    if (excepthook_file(file.get(), exc_value, thread) < 0) return nullptr;
    return none_ref();
}

MethodDef thread_methods[] = {
    method_varargs("start_new_thread", thread_start_new,
                   "start_new_thread(function, args[, kwargs])\n(start_new() is an obsolete synonym)\n\n"
                   "Start a new thread that calls function(*args, **kwargs) and ends when it\n"
                   "returns; return its identifier. An exception other than SystemExit is\n"
                   "printed as unraisable."),
    method_varargs("start_new", thread_start_new, "start_new_thread(function, args[, kwargs])"),
    method_noargs("allocate_lock", thread_allocate_lock_fn,
                  "allocate_lock() -> lock object\n(allocate() is an obsolete synonym)\n\nCreate a new lock object."),
    method_noargs("allocate", thread_allocate_lock_fn, "allocate_lock() -> lock object"),
    method_noargs("exit_thread", thread_exit,
                  "exit()\n(exit_thread() is an obsolete synonym)\n\nEnd this thread by raising SystemExit."),
    method_noargs("exit", thread_exit, "exit()\n\nEnd this thread by raising SystemExit."),
    method_fast("interrupt_main", thread_interrupt_main,
                "interrupt_main(signum=signal.SIGINT, /)\n\n"
                "Simulate the arrival of signum in the main thread (KeyboardInterrupt for SIGINT)."),
    method_noargs("get_ident", thread_get_ident,
                  "get_ident() -> integer\n\nA non-zero integer identifying the current thread among running threads."),
    method_noargs("get_native_id", thread_get_native_id,
                  "get_native_id() -> integer\n\nThe thread's id as the operating system knows it."),
    method_noargs("_count", thread_count,
                  "_count() -> integer\n\nThe number of threads started by this module that are still running."),
    method_fast("stack_size", thread_stack_size,
                "stack_size([size]) -> size\n\n"
                "Return the stack size of new threads; with size, set it (0: the system's\n"
                "default, otherwise at least 32768 bytes)."),
    method_noargs("_set_sentinel", thread_set_sentinel,
                  "_set_sentinel() -> lock\n\nA lock released when the thread's state is deleted."),
    method_o("_excepthook", thread_excepthook, "excepthook(exc_type, exc_value, exc_traceback, thread)\n\n"
                                               "Handle uncaught Thread.run() exception."),
    {},
};

}  // namespace

Ref<> thread_module_create()
{
    for (TypeObject* t : {&Lock_Type, &RLock_Type, &Local_Type, &LocalDummy_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return nullptr;
    if (!(ExceptHookArgs_Type.tp_flags & Py_TPFLAGS_READY) &&
        structseq_init_type(&ExceptHookArgs_Type, &excepthook_args_desc) < 0)
        return nullptr;
    Ref<> mod = module_new("_thread");
    if (!mod || module_add_functions(mod.get(), thread_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string(
        "This module provides primitive operations to write multi-threaded programs.\n"
        "The 'threading' module provides a more convenient interface.");
    // TIMEOUT_MAX: PY_TIMEOUT_MAX microseconds in seconds, rounded down.
    Ref<> timeout_max = float_from_double(std::floor(static_cast<double>(PY_TIMEOUT_MAX) * 1e-6));
    if (!doc || !timeout_max || module_add_object(mod.get(), "__doc__", doc.get()) < 0 ||
        module_add_object(mod.get(), "error", thread_error()) < 0 ||
        module_add_object(mod.get(), "LockType", &Lock_Type) < 0 ||
        module_add_object(mod.get(), "RLock", &RLock_Type) < 0 ||
        module_add_object(mod.get(), "_local", &Local_Type) < 0 ||
        module_add_object(mod.get(), "_ExceptHookArgs", &ExceptHookArgs_Type) < 0 ||
        module_add_object(mod.get(), "TIMEOUT_MAX", timeout_max.get()) < 0)
        return nullptr;
    return mod;
}

}  // namespace minipy::modules
