"""Futures, executors, wait() and as_completed().

minipy's own module with the API of CPython 3.11's
Lib/concurrent/futures/_base.py (written for minipy). Book chapter 10,
"Parallelism and Concurrency".

A Future moves through these states, always with its _condition held:

    PENDING --set_running_or_notify_cancel()--> RUNNING --set_result()/
    set_exception()--> FINISHED
    PENDING --cancel()--> CANCELLED --set_running_or_notify_cancel()-->
    CANCELLED_AND_NOTIFIED

A cancelled future counts as done for wait() and as_completed() only once
its executor has noticed the cancellation (CANCELLED_AND_NOTIFIED). Those
two functions install a _Waiter on every future they watch; a future that
completes reports to its waiters with its condition held, and a waiter sets
its event when its caller has something to act on.
"""

import collections
import sys
import threading
import time
import types

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_AS_COMPLETED = '_AS_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'                     # cancel() was called
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'   # ... and the executor saw it
FINISHED = 'FINISHED'

_FUTURE_STATES = [PENDING, RUNNING, CANCELLED, CANCELLED_AND_NOTIFIED,
                  FINISHED]

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

_DONE_STATES = (CANCELLED_AND_NOTIFIED, FINISHED)


class Error(Exception):
    """Base class for all future-related exceptions."""
    pass


class CancelledError(Error):
    """The Future was cancelled."""
    pass


# Since 3.11 the builtin TimeoutError (futures.TimeoutError is it).
TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""
    pass


class BrokenExecutor(RuntimeError):
    """Raised when an executor has become non-functional after a severe
    failure."""


def _log(message, exc_info=True, level='critical'):
    """Report a problem as CPython's futures do through the
    "concurrent.futures" logger (at `level`, with the exception being
    handled when exc_info is true), whose last-resort output is the
    message, then the traceback, on stderr."""
    try:
        import logging
    except ImportError:
        logging = None
    if logging is not None:
        getattr(logging.getLogger("concurrent.futures"), level)(message, exc_info=exc_info)
        return
    print(message, file=sys.stderr)
    if not exc_info:
        return
    exc = sys.exc_info()[1]
    try:
        import traceback
    except ImportError:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
    else:
        traceback.print_exception(exc)


class _Waiter:
    """What one call of wait() or as_completed() blocks on.

    `event` is set when the caller should wake: at every completion for
    as_completed and FIRST_COMPLETED, at the first exception for
    FIRST_EXCEPTION, and when every watched future is done otherwise.
    finished_futures collects the futures in the order they completed.
    """

    def __init__(self, return_when, pending):
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished_futures = []
        self.return_when = return_when
        self.pending = pending      # watched futures not finished yet

    def _add(self, future, raised):
        with self.lock:
            self.finished_futures.append(future)
            self.pending -= 1
            if (self.return_when in (_AS_COMPLETED, FIRST_COMPLETED)
                    or self.pending == 0
                    or (raised and self.return_when == FIRST_EXCEPTION)):
                self.event.set()

    def add_result(self, future):
        self._add(future, False)

    def add_exception(self, future):
        self._add(future, True)

    def add_cancelled(self, future):
        self._add(future, False)


class _AcquireFutures:
    """Holds the conditions of many futures at once, always taken in the
    same (id) order so that two callers cannot deadlock."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *args):
        for future in self.futures:
            future._condition.release()


def _remove_waiter(futures, waiter):
    for future in futures:
        with future._condition:
            try:
                future._waiters.remove(waiter)
            except ValueError:
                pass


def as_completed(fs, timeout=None):
    """An iterator over the futures `fs` that yields each one as it
    completes (finished or cancelled), those already done first. A future
    given twice is yielded once. TimeoutError if the iterator is not done
    `timeout` seconds after this call."""
    if timeout is not None:
        end_time = timeout + time.monotonic()
    fs = set(fs)
    total = len(fs)
    with _AcquireFutures(fs):
        finished = [f for f in fs if f._state in _DONE_STATES]
        pending = fs.difference(finished)
        waiter = _Waiter(_AS_COMPLETED, len(pending))
        for f in pending:
            f._waiters.append(waiter)
    try:
        # Drop each future before yielding it, so the caller holds the
        # only reference once it has dropped its own.
        while finished:
            yield finished.pop()
        while pending:
            if timeout is None:
                wait_timeout = None
            else:
                wait_timeout = end_time - time.monotonic()
                if wait_timeout < 0:
                    raise TimeoutError('%d (of %d) futures unfinished'
                                       % (len(pending), total))
            waiter.event.wait(wait_timeout)
            with waiter.lock:
                finished = waiter.finished_futures
                waiter.finished_futures = []
                waiter.event.clear()
            finished.reverse()      # pop() then gives completion order
            while finished:
                f = finished[-1]
                pending.discard(f)
                del f
                yield finished.pop()
    finally:
        _remove_waiter(fs, waiter)


DoneAndNotDoneFutures = collections.namedtuple(
    'DoneAndNotDoneFutures', 'done not_done')


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures `fs` (at most `timeout` seconds) until
    return_when: FIRST_COMPLETED, FIRST_EXCEPTION (or all done when none
    raises) or ALL_COMPLETED. Returns the named 2-tuple of sets
    (done, not_done)."""
    fs = set(fs)
    with _AcquireFutures(fs):
        done = {f for f in fs if f._state in _DONE_STATES}
        not_done = fs - done
        if return_when == FIRST_COMPLETED and done:
            return DoneAndNotDoneFutures(done, not_done)
        if return_when == FIRST_EXCEPTION and done:
            if any(not f.cancelled() and f.exception() is not None
                   for f in done):
                return DoneAndNotDoneFutures(done, not_done)
        if len(done) == len(fs):
            return DoneAndNotDoneFutures(done, not_done)
        if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION,
                               ALL_COMPLETED):
            raise ValueError("Invalid return condition: %r" % return_when)
        waiter = _Waiter(return_when, len(not_done))
        for f in not_done:
            f._waiters.append(waiter)
    waiter.event.wait(timeout)
    _remove_waiter(fs, waiter)
    with waiter.lock:
        done.update(waiter.finished_futures)
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(fut, timeout=None):
    # Cancelling after the fact is harmless for a done future and stops a
    # pending one whose result nobody will take (a timeout, a failure).
    try:
        try:
            return fut.result(timeout)
        finally:
            fut.cancel()
    finally:
        del fut     # the exception's traceback would keep it alive


class Future:
    """The result of an asynchronous computation."""

    def __init__(self):
        """Initializes the future. Should not be called by clients."""
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                _log('exception calling callback for %r' % (self,), level='error')

    def __repr__(self):
        with self._condition:
            name = self.__class__.__name__
            state = _STATE_TO_DESCRIPTION_MAP[self._state]
            if self._state == FINISHED:
                if self._exception:
                    return '<%s at %#x state=%s raised %s>' % (
                        name, id(self), state,
                        self._exception.__class__.__name__)
                return '<%s at %#x state=%s returned %s>' % (
                    name, id(self), state, self._result.__class__.__name__)
            return '<%s at %#x state=%s>' % (name, id(self), state)

    def cancel(self):
        """Cancel the future unless it is running or done; True if it is
        cancelled now."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        """True if the future was cancelled."""
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        """True while the call is being executed."""
        with self._condition:
            return self._state == RUNNING

    def done(self):
        """True if the future was cancelled or finished executing."""
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def __get_result(self):
        if self._exception:
            try:
                raise self._exception
            finally:
                self = None     # the traceback would keep the future alive
        return self._result

    def add_done_callback(self, fn):
        """Call fn(future) when the future completes or is cancelled (now,
        if it already is), in the thread that completes it; callbacks run
        in the order they were added."""
        with self._condition:
            if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _log('exception calling callback for %r' % (self,), level='error')

    def _wait_done(self, timeout):
        """With the condition held: wait until done or the timeout, then
        raise CancelledError or TimeoutError unless it finished."""
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        if self._state == FINISHED:
            return
        self._condition.wait(timeout)
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        if self._state != FINISHED:
            raise TimeoutError()

    def result(self, timeout=None):
        """The call's return value, waiting at most `timeout` seconds for
        it; raises the call's exception, CancelledError or TimeoutError."""
        try:
            with self._condition:
                self._wait_done(timeout)
                return self.__get_result()
        finally:
            self = None     # break the cycle through a raised traceback

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned), waiting at
        most `timeout` seconds; CancelledError or TimeoutError otherwise."""
        with self._condition:
            self._wait_done(timeout)
            return self._exception

    # The executor's side.

    def set_running_or_notify_cancel(self):
        """Called by an executor before running the call: False (and the
        waiters are told) if the future was cancelled, else it becomes
        RUNNING and True is returned."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.add_cancelled(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            _log('Future %s in unexpected state: %s' % (id(self), self._state),
                 exc_info=False)
            raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        """Called by an executor: the call returned `result`."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        """Called by an executor: the call raised `exception`."""
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    __class_getitem__ = classmethod(types.GenericAlias)


class Executor:
    """This is an abstract base class for concrete asynchronous executors."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); returns its Future."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), with the calls made concurrently (all
        submitted now); results come in order. TimeoutError if they are
        not all there `timeout` seconds after this call; the first call
        that raised raises again here. chunksize is for process pools."""
        if timeout is not None:
            end_time = timeout + time.monotonic()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        # A generator inside, so that everything is submitted before the
        # first result is asked for.
        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    # pop() so that no reference to a used future remains.
                    if timeout is None:
                        yield _result_or_cancel(fs.pop())
                    else:
                        yield _result_or_cancel(fs.pop(),
                                                end_time - time.monotonic())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Free the executor's resources once the pending calls are done;
        with wait, only return then. cancel_futures cancels the calls not
        started yet. Safe to call more than once."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
