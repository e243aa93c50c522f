"""ThreadPoolExecutor: runs submitted calls on a pool of worker threads.

minipy's own module with the API of CPython 3.11's
Lib/concurrent/futures/thread.py (written for minipy). Book chapter 10,
"Parallelism and Concurrency".

submit() puts a _WorkItem on the executor's SimpleQueue and starts a new
worker thread unless an idle one is available (the idle semaphore counts
workers that finished an item and wait for the next) or max_workers are
running. A worker takes items until it gets None, the wake-up that
shutdown() and the executor's death send; it then passes the None on so
that every other worker wakes too. The workers are non-daemon threads; at
interpreter exit _python_exit (registered with threading._register_atexit,
so it runs before threading joins the non-daemon threads) wakes them all
and waits for them.
"""

from concurrent.futures import _base
import itertools
import queue
import threading
import types
import weakref

# worker thread -> its executor's work queue, for _python_exit.
_threads_queues = weakref.WeakKeyDictionary()
_shutdown = False
# Held while changing _threads_queues or _shutdown, so that no worker is
# started once the interpreter is shutting down.
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for thread, work_queue in items:
        work_queue.put(None)
    for thread, work_queue in items:
        thread.join()


threading._register_atexit(_python_exit)


def _cpu_count():
    try:
        from os import cpu_count
    except ImportError:
        return None
    return cpu_count()


class _WorkItem:
    """One submitted call and the future that receives its outcome."""

    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return      # cancelled before it started
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None     # exc's traceback refers to this frame
        else:
            self.future.set_result(result)

    __class_getitem__ = classmethod(types.GenericAlias)


def _worker(executor_reference, work_queue, initializer, initargs):
    # Holds the executor only through a weak reference (and only briefly),
    # so that an executor nobody refers to can die and stop its workers.
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException:
            _base._log('Exception in initializer:')
            executor = executor_reference()
            if executor is not None:
                executor._initializer_failed()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                del work_item
                executor = executor_reference()
                if executor is not None:
                    executor._idle_semaphore.release()
                del executor
                continue
            executor = executor_reference()
            # The wake-up: leave if the interpreter or the executor is
            # going away or shut down.
            if _shutdown or executor is None or executor._shutdown:
                if executor is not None:
                    executor._shutdown = True
                work_queue.put(None)    # wake the next worker
                return
            del executor
    except BaseException:
        _base._log('Exception in worker')


class BrokenThreadPool(_base.BrokenExecutor):
    """
    Raised when a worker thread in a ThreadPoolExecutor failed initializing.
    """


class ThreadPoolExecutor(_base.Executor):
    """An executor that runs calls on up to max_workers threads."""

    # Numbers the executors whose threads get the default name prefix.
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='',
                 initializer=None, initargs=()):
        """max_workers threads at most (default: the number of CPUs + 4,
        at most 32), named thread_name_prefix + "_N"; each worker calls
        initializer(*initargs) before its first item."""
        if max_workers is None:
            max_workers = min(32, (_cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs); returns its Future."""
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = _base.Future()
            self._work_queue.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # An idle worker will take the item: no new thread.
        if self._idle_semaphore.acquire(timeout=0):
            return

        # When the executor dies, wake its workers so they can leave.
        def weakref_cb(_, q=self._work_queue):
            q.put(None)

        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self,
                                     num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(weakref.ref(self, weakref_cb),
                                       self._work_queue,
                                       self._initializer,
                                       self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            # Every call still waiting fails the same way.
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Stop accepting calls; the workers leave once the queue is done
        (cancel_futures cancels what has not started). With wait, return
        only when every worker has ended."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            # Wakes a worker blocked in get(); it passes the None on.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
