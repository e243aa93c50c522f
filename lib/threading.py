"""Thread objects and the synchronization primitives built on _thread.

minipy's own module with the API of CPython 3.11's Lib/threading.py
(written for minipy; CPython's was read for behaviour, messages and reprs
only). The native _thread module (modules/_threadmodule.cpp) gives OS
threads, plain locks and the GIL hand-over; everything here is Python code
that runs under the GIL. Book chapter 10, "Parallelism and Concurrency".

How a Thread lives:
  start()  puts the object in _limbo, asks _thread.start_new_thread to run
           _bootstrap in a new OS thread and waits for its _started event;
  _bootstrap_inner (new thread) records the ident, takes the thread-state
           lock (held for as long as the OS thread lives), moves the object
           from _limbo to _active, sets _started, then run()s it; an
           exception escaping run() goes to excepthook;
  the end  removes the object from _active; the thread-state lock is
           released once the thread state is gone (_thread._set_sentinel),
           which is what join() and is_alive() wait for and look at.
Interpreter exit calls _shutdown(): the threading atexit callbacks run,
then every non-daemon thread is joined through its thread-state lock
(_shutdown_locks holds those locks).

Invariant: _active and _limbo are changed only with _active_limbo_lock
held, and no Python code that could call current_thread() runs while it is
held (a tracing function would otherwise deadlock on it).
"""

import _thread
import sys as _sys
from time import monotonic as _time
from _collections import deque as _deque
from itertools import count as _count
from _weakrefset import WeakSet

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread',
           'enumerate', 'main_thread', 'TIMEOUT_MAX',
           'Event', 'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Thread',
           'Barrier', 'BrokenBarrierError', 'Timer', 'ThreadError',
           'ExceptHookArgs', 'setprofile', 'settrace', 'local', 'stack_size',
           'excepthook', 'gettrace', 'getprofile']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
Lock = _thread.allocate_lock
try:
    get_native_id = _thread.get_native_id
    _HAVE_THREAD_NATIVE_ID = True
    __all__.append('get_native_id')
except AttributeError:
    _HAVE_THREAD_NATIVE_ID = False
try:
    _CRLock = _thread.RLock
except AttributeError:
    _CRLock = None
try:
    stack_size = _thread.stack_size
except AttributeError:
    def stack_size(size=0, /):
        """Return the thread stack size used when creating new threads
        (0: the platform's default); minipy's _thread cannot change it."""
        if size != 0:
            raise ThreadError("setting stack size not supported")
        return 0
# The lock the C level releases when a thread state is deleted; without it
# _bootstrap releases a lock of its own as the thread's last Python action.
_set_sentinel = getattr(_thread, '_set_sentinel', None)
del _thread


# --- tracing and profiling hooks given to every thread started later ---

_profile_hook = None
_trace_hook = None


def setprofile(func):
    """Set a profile function for all threads started from the threading
    module; it is passed to sys.setprofile() in each thread before run()."""
    global _profile_hook
    _profile_hook = func


def getprofile():
    """The profiler function set by threading.setprofile()."""
    return _profile_hook


def settrace(func):
    """Set a trace function for all threads started from the threading
    module; it is passed to sys.settrace() in each thread before run()."""
    global _trace_hook
    _trace_hook = func


def gettrace():
    """The trace function set by threading.settrace()."""
    return _trace_hook


# --- reentrant locks ---

def RLock(*args, **kwargs):
    """A new reentrant lock: the native _thread.RLock when there is one,
    else the Python _RLock below. The thread that acquired it must release
    it, once per acquisition."""
    if _CRLock is None:
        return _PyRLock(*args, **kwargs)
    return _CRLock(*args, **kwargs)


class _RLock:
    """A reentrant lock written in Python over a plain lock: _owner is the
    ident of the owning thread (None when free) and _count how many times
    it acquired the lock; _block is held exactly while _count > 0."""

    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        try:
            owner = _active[owner].name
        except KeyError:
            pass
        state = "locked" if self._block.locked() else "unlocked"
        cls = self.__class__
        return (f"<{state} {cls.__module__}.{cls.__qualname__} object "
                f"owner={owner!r} count={self._count} at {hex(id(self))}>")

    def acquire(self, blocking=True, timeout=-1):
        """Acquire the lock, blocking or not, with an optional timeout;
        True when acquired. The owner acquiring again only counts up."""
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        got = self._block.acquire(blocking, timeout)
        if got:
            self._owner = me
            self._count = 1
        return got

    __enter__ = acquire

    def release(self):
        """Release the lock once; the last release of the owner frees it."""
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    # Condition.wait() releases an RLock completely and restores it after,
    # whatever the recursion depth: these save and restore that state.
    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = None
        self._block.release()
        return state

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _is_owned(self):
        return self._owner == get_ident()

    def _recursion_count(self):
        return self._count if self._owner == get_ident() else 0


_PyRLock = _RLock


# --- condition variables ---

class Condition:
    """A condition variable: threads wait() on it until another thread,
    holding the same lock, notify()s them.

    Each waiting thread blocks on a lock of its own (its "waiter"), which
    it holds before waiting; notify() wakes the oldest waiters by releasing
    their locks. _waiters is only changed with the condition's lock held,
    except that a waiter whose wait timed out removes itself after it has
    taken the lock back.
    """

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # Locks that know how to be released completely (RLock) bring their
        # own save/restore; plain locks use the defaults below.
        for name in ('_release_save', '_acquire_restore', '_is_owned'):
            try:
                setattr(self, name, getattr(lock, name))
            except AttributeError:
                pass
        self._waiters = _deque()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock does not know its owner: if this thread can take it,
        # nobody held it (then give it back).
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        """Release the lock, block until notified or until `timeout`
        seconds have passed, take the lock back. False on a timeout."""
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        notified = False
        try:
            if timeout is None:
                notified = waiter.acquire()
            elif timeout > 0:
                notified = waiter.acquire(True, timeout)
            else:
                notified = waiter.acquire(False)
            return notified
        finally:
            # Even on KeyboardInterrupt the caller gets the lock back.
            self._acquire_restore(saved)
            if not notified:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        """Wait until predicate() is true (checked with the lock held);
        returns the last value of predicate(), false when time ran out."""
        deadline = None
        remaining = timeout
        result = predicate()
        while not result:
            if remaining is not None:
                if deadline is None:
                    deadline = _time() + remaining
                else:
                    remaining = deadline - _time()
                    if remaining <= 0:
                        break
            self.wait(remaining)
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up at most n of the threads waiting on this condition,
        oldest first. The caller must hold the lock."""
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while n > 0 and waiters:
            waiter = waiters.popleft()
            waiter.release()
            n -= 1

    def notify_all(self):
        """Wake up every thread waiting on this condition."""
        self.notify(len(self._waiters))

    def notifyAll(self):
        """Deprecated alias of notify_all()."""
        import warnings
        warnings.warn('notifyAll() is deprecated, use notify_all() instead',
                      DeprecationWarning, stacklevel=2)
        self.notify_all()


# --- semaphores ---

class Semaphore:
    """A counter that acquire() takes down (blocking at zero) and release()
    puts up; the waiting threads are woken in arrival order."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        """Take the counter down by one, waiting while it is zero (not at
        all when blocking is false, at most `timeout` seconds otherwise);
        True when taken."""
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        with self._cond:
            deadline = None
            while self._value == 0:
                if not blocking:
                    return False
                if timeout is not None:
                    if deadline is None:
                        deadline = _time() + timeout
                    remaining = deadline - _time()
                    if remaining <= 0:
                        return False
                    self._cond.wait(remaining)
                else:
                    self._cond.wait()
            self._value -= 1
            return True

    __enter__ = acquire

    def release(self, n=1):
        """Put the counter up by n, waking as many waiting threads."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore whose counter may never go above its initial value:
    releasing it once too often is an error, usually a bug."""

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        """Put the counter up by n; ValueError if that passes the initial
        value (the counter is then unchanged)."""
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


# --- events ---

class Event:
    """A flag that threads can wait for: set() raises it and wakes them
    all, clear() lowers it again."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        state = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {state}>"

    def is_set(self):
        """True when the flag is raised."""
        return self._flag

    def isSet(self):
        """Deprecated alias of is_set()."""
        import warnings
        warnings.warn('isSet() is deprecated, use is_set() instead',
                      DeprecationWarning, stacklevel=2)
        return self.is_set()

    def set(self):
        """Raise the flag and wake every waiting thread."""
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        """Lower the flag: later wait()s block again."""
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        """Block until the flag is raised or `timeout` seconds passed;
        returns the flag (False only on a timeout)."""
        with self._cond:
            flag = self._flag
            if not flag:
                flag = self._cond.wait(timeout)
            return flag


# --- barriers ---

class _Generation:
    """One round of a Barrier: the threads that wait together. A broken
    round stays broken; the threads still in it raise BrokenBarrierError."""
    __slots__ = ('broken',)

    def __init__(self):
        self.broken = False


class Barrier:
    """Lets `parties` threads wait until all of them have arrived, then
    releases them together (the last to arrive runs `action` first).

    The barrier is reusable: each round is a _Generation. The thread that
    completes a round starts the next one and wakes the others, which see
    that their generation is no longer the current one. Breaking the
    barrier (abort, a timeout, a failing action) marks the current round
    broken, which wakes its waiters with BrokenBarrierError and makes later
    wait()s fail at once, until reset() starts a fresh round.
    """

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._generation = _Generation()
        self._count = 0      # threads waiting in the current generation

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Wait for the other parties; returns this thread's arrival index
        in its round (0 to parties-1). Raises BrokenBarrierError when the
        barrier is or becomes broken, or is reset while waiting."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            generation = self._generation
            if generation.broken:
                raise BrokenBarrierError
            index = self._count
            self._count += 1
            if index + 1 == self._parties:
                if self._action:
                    try:
                        self._action()
                    except:
                        self._break()
                        raise
                self._next_generation()
                return index
            released = self._cond.wait_for(
                lambda: generation is not self._generation or generation.broken,
                timeout)
            if not released:
                self._break()
                raise BrokenBarrierError
            if generation.broken:
                raise BrokenBarrierError
            return index

    def _next_generation(self):
        self._generation = _Generation()
        self._count = 0
        self._cond.notify_all()

    def _break(self):
        self._generation.broken = True
        self._cond.notify_all()

    def reset(self):
        """Return the barrier to its empty, unbroken state; threads waiting
        in it get BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                self._generation.broken = True
            self._next_generation()

    def abort(self):
        """Break the barrier: present and future wait()s raise
        BrokenBarrierError until reset()."""
        with self._cond:
            self._break()

    @property
    def parties(self):
        """The number of threads needed to pass the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of threads waiting in the barrier now."""
        if self._generation.broken:
            return 0
        return self._count

    @property
    def broken(self):
        """True when the barrier is broken."""
        return self._generation.broken


class BrokenBarrierError(RuntimeError):
    pass


# --- the thread registry ---

# "Thread-N" and "Dummy-N" share one counter, as in CPython.
_counter = _count(1).__next__


def _newname(name_template):
    return name_template % _counter()


_active_limbo_lock = RLock()
_active = {}    # ident -> Thread, for started threads
_limbo = {}     # Thread -> Thread, between start() and _bootstrap_inner
_dangling = WeakSet()

# The thread-state locks of the running non-daemon threads: _shutdown joins
# them. Locks of threads that ended are dropped now and then.
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()


def _maintain_shutdown_locks():
    finished = [lock for lock in _shutdown_locks if not lock.locked()]
    _shutdown_locks.difference_update(finished)


# --- Thread ---

class Thread:
    """A thread of control: pass a callable as `target` or override run()
    in a subclass, then start() it."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        if _HAVE_THREAD_NATIVE_ID:
            self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        # excepthook writes here when sys.stderr is gone (late in shutdown).
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()
        _dangling.add(self)

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()     # notices a thread that has ended
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        """Run run() in a new thread; at most once per Thread object."""
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        """The thread's activity: calls target(*args, **kwargs). Subclasses
        may override it."""
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # The arguments may refer back to this Thread: drop the cycle.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        # Late in interpreter shutdown a daemon thread can wake up to find
        # modules torn down and fail while reporting an error; such noise
        # is dropped (only for daemon threads, only once sys is gone).
        try:
            self._bootstrap_inner()
        except:
            if self._daemonic and _sys is None:
                return
            raise

    def _set_ident(self):
        self._ident = get_ident()

    if _HAVE_THREAD_NATIVE_ID:
        def _set_native_id(self):
            self._native_id = get_native_id()

    def _set_tstate_lock(self):
        """Take the lock that stays held for as long as this OS thread
        runs: join() and is_alive() watch it."""
        if _set_sentinel is not None:
            self._tstate_lock = _set_sentinel()
        else:
            self._tstate_lock = _allocate_lock()
        self._tstate_lock.acquire()
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()
                _shutdown_locks.add(self._tstate_lock)

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_tstate_lock()
            if _HAVE_THREAD_NATIVE_ID:
                self._set_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            if _trace_hook and hasattr(_sys, 'settrace'):
                _sys.settrace(_trace_hook)
            if _profile_hook and hasattr(_sys, 'setprofile'):
                _sys.setprofile(_profile_hook)
            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()
            if _set_sentinel is None:
                # No C-level sentinel: the thread's Python life ends here.
                lock = self._tstate_lock
                if lock is not None and lock.locked():
                    lock.release()

    def _stop(self):
        # Called once the thread-state lock was seen free (the thread is
        # gone) and by _shutdown for the main thread.
        lock = self._tstate_lock
        if lock is not None:
            assert not lock.locked()
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()

    def _delete(self):
        with _active_limbo_lock:
            del _active[get_ident()]

    def join(self, timeout=None):
        """Wait until the thread ends, or for at most `timeout` seconds
        (then check is_alive() to know which happened)."""
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            # A negative timeout has always meant "do not wait".
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            assert self._is_stopped
            return
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            # Interrupted (Ctrl-C) in acquire() or just after it. CPython
            # 3.11 (bpo-45274) then takes a locked lock to be one this call
            # acquired, releases it and marks the thread stopped; it cannot
            # tell whether the thread itself still holds it, so a join()
            # interrupted while the thread runs leaves is_alive() False.
            # minipy keeps that behaviour.
            if lock.locked():
                lock.release()
                self._stop()
            raise

    @property
    def name(self):
        """The thread's name, for identification only."""
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        """The thread's identifier (get_ident() in it), None before start."""
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    if _HAVE_THREAD_NATIVE_ID:
        @property
        def native_id(self):
            """The OS's id of the thread (get_native_id() in it), None
            before start."""
            assert self._initialized, "Thread.__init__() not called"
            return self._native_id

    def is_alive(self):
        """True from just before run() starts until just after it ends."""
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        """Whether the program may exit while this thread runs; inherited
        from the creating thread, settable only before start()."""
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        """Deprecated: the daemon attribute."""
        import warnings
        warnings.warn('isDaemon() is deprecated, get the daemon attribute instead',
                      DeprecationWarning, stacklevel=2)
        return self.daemon

    def setDaemon(self, daemonic):
        """Deprecated: set the daemon attribute."""
        import warnings
        warnings.warn('setDaemon() is deprecated, set the daemon attribute instead',
                      DeprecationWarning, stacklevel=2)
        self.daemon = daemonic

    def getName(self):
        """Deprecated: the name attribute."""
        import warnings
        warnings.warn('getName() is deprecated, get the name attribute instead',
                      DeprecationWarning, stacklevel=2)
        return self.name

    def setName(self, name):
        """Deprecated: set the name attribute."""
        import warnings
        warnings.warn('setName() is deprecated, set the name attribute instead',
                      DeprecationWarning, stacklevel=2)
        self.name = name


# --- uncaught exceptions in threads ---

try:
    # The native hook prints with the interpreter's own traceback printer.
    from _thread import (_excepthook as excepthook,
                         _ExceptHookArgs as ExceptHookArgs)
except ImportError:
    from collections import namedtuple as _namedtuple

    _ExceptHookArgs = _namedtuple(
        'ExceptHookArgs', 'exc_type exc_value exc_traceback thread')

    def ExceptHookArgs(args):
        return _ExceptHookArgs(*args)

    def excepthook(args, /):
        """Handle an exception that escaped Thread.run(): print "Exception
        in thread NAME:" and the traceback to sys.stderr (SystemExit is
        ignored silently)."""
        if args.exc_type == SystemExit:
            return
        if _sys is not None and _sys.stderr is not None:
            stderr = _sys.stderr
        elif args.thread is not None:
            stderr = args.thread._stderr
            if stderr is None:
                return
        else:
            return
        if args.thread is not None:
            name = args.thread.name
        else:
            name = get_ident()
        print(f"Exception in thread {name}:", file=stderr, flush=True)
        _print_exception(args.exc_type, args.exc_value, args.exc_traceback,
                         stderr)
        if hasattr(stderr, 'flush'):
            stderr.flush()

    def _print_exception(exc_type, exc_value, exc_tb, file):
        try:
            from traceback import print_exception
        except ImportError:
            print_exception = None
        if print_exception is not None:
            print_exception(exc_type, exc_value, exc_tb, file=file)
            return
        # No traceback module: the entries without their source lines.
        print("Traceback (most recent call last):", file=file)
        tb = exc_tb
        while tb is not None:
            code = tb.tb_frame.f_code
            print(f'  File "{code.co_filename}", line {tb.tb_lineno}, '
                  f'in {code.co_name}', file=file)
            tb = tb.tb_next
        text = str(exc_value)
        qualname = exc_type.__qualname__
        if exc_type.__module__ not in ('builtins', '__main__'):
            qualname = f"{exc_type.__module__}.{qualname}"
        print(f"{qualname}: {text}" if text else qualname, file=file)

# The original hook, for code that replaced excepthook and wants it back.
__excepthook__ = excepthook


def _make_invoke_excepthook():
    """A function that reports the current exception of a thread through
    threading.excepthook, with a fallback to sys.excepthook if the hook
    itself fails. Made when the Thread is created, so that it still works
    late in shutdown when module globals may already be None."""
    old_excepthook = excepthook
    old_sys_excepthook = getattr(_sys, 'excepthook', None)
    if old_excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    sys_exc_info = _sys.exc_info
    local_print = print
    local_sys = _sys

    def invoke_excepthook(thread):
        global excepthook
        try:
            hook = excepthook
            if hook is None:
                hook = old_excepthook
            args = ExceptHookArgs([*sys_exc_info(), thread])
            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            del exc
            if local_sys is not None and local_sys.stderr is not None:
                stderr = local_sys.stderr
            else:
                stderr = thread._stderr
            local_print("Exception in threading.excepthook:",
                        file=stderr, flush=True)
            hook = getattr(local_sys, 'excepthook', None) or old_sys_excepthook
            if hook is not None:
                hook(*sys_exc_info())
        finally:
            # The exception's traceback refers to this frame: drop the cycle.
            args = None

    return invoke_excepthook


# --- Timer ---

class Timer(Thread):
    """A thread that calls function(*args, **kwargs) after `interval`
    seconds, unless cancel() was called first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        """Stop the timer if it has not fired yet."""
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


# --- the main thread and threads not started here ---

class _MainThread(Thread):
    """The thread the interpreter started in."""

    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._set_ident()
        if _HAVE_THREAD_NATIVE_ID:
            self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread started by _thread directly (not through
    Thread.start) when it calls current_thread(). It is a daemon, always
    alive, and cannot be joined."""

    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._set_ident()
        if _HAVE_THREAD_NATIVE_ID:
            self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# --- module-level queries ---

def current_thread():
    """The Thread object of the calling thread (a _DummyThread for a
    thread that the threading module did not start)."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    """Deprecated alias of current_thread()."""
    import warnings
    warnings.warn('currentThread() is deprecated, use current_thread() instead',
                  DeprecationWarning, stacklevel=2)
    return current_thread()


def active_count():
    """The number of Thread objects alive now (started and not ended)."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    """Deprecated alias of active_count()."""
    import warnings
    warnings.warn('activeCount() is deprecated, use active_count() instead',
                  DeprecationWarning, stacklevel=2)
    return active_count()


def _enumerate():
    # Without the lock: for callers that already hold it.
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    """A list of the Thread objects alive now, the main thread and dummy
    threads included."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    """The main Thread object: the thread the interpreter started in."""
    return _main_thread


# --- interpreter shutdown ---

_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    """Register func(*arg, **kwargs) to run when the interpreter exits,
    before the non-daemon threads are joined (last registered, first
    run). concurrent.futures uses it to stop its worker threads."""
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """Called by the interpreter before it finalizes (once the main
    module is done): marks the main thread stopped, runs the threading
    atexit callbacks, then waits for every non-daemon thread to end."""
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return      # already done (or the main thread was forked away)
    _SHUTTING_DOWN = True
    lock = _main_thread._tstate_lock
    assert lock is not None and lock.locked()
    lock.release()
    _main_thread._stop()
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    # Threads may start other threads meanwhile: loop until none is left.
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            # Held until the thread ends; a daemon thread's is not here.
            lock.acquire()
            lock.release()


_main_thread = _MainThread()

try:
    from _thread import _local as local
except ImportError:
    from _threading_local import local
