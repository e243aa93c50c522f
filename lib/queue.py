"""Synchronized queues for passing items between threads.

minipy's own module with the API of CPython 3.11's Lib/queue.py (written
for minipy): Queue (first in, first out), LifoQueue, PriorityQueue, the
unbounded SimpleQueue, and the Empty/Full exceptions. Book chapter 10,
"Parallelism and Concurrency".

A Queue guards its items with one lock shared by three conditions:
not_empty (get() waits on it), not_full (put() waits on it when maxsize is
reached) and all_tasks_done (join() waits on it until every item put has
been marked done by task_done()). Subclasses change the order by
overriding the four hooks _init, _qsize, _put and _get, which are always
called with the lock held.
"""

import threading
import types
from _collections import deque
from heapq import heappush, heappop
from time import monotonic as time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue',
           'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass

# CPython defines Empty (and SimpleQueue) in its C module _queue, so
# tracebacks and reprs say "_queue.Empty"; minipy's Python classes give
# the same names (there is no importable _queue module).
Empty.__module__ = '_queue'


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    '''Create a queue object with a given maximum size.

    If maxsize is <= 0, the queue size is infinite.
    '''

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        '''Indicate that a formerly enqueued task is complete: each get()
        of a consumer is followed by one task_done(); join() returns when
        every item put has been done.'''
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        '''Block until every item put in the queue has been got and
        marked done with task_done().'''
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        '''The approximate size of the queue (not reliable!).'''
        with self.mutex:
            return self._qsize()

    def empty(self):
        '''True if the queue is empty now (not reliable!).'''
        with self.mutex:
            return not self._qsize()

    def full(self):
        '''True if the queue is full now (not reliable!).'''
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        '''Put an item into the queue, waiting for a free slot if the queue
        is bounded and full: forever (timeout None), at most `timeout`
        seconds, or not at all (block false); then Full is raised.'''
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                else:
                    _check_timeout(timeout)
                    deadline = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = deadline - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        '''Remove and return an item, waiting for one: forever (timeout
        None), at most `timeout` seconds, or not at all (block false); then
        Empty is raised.'''
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            else:
                _check_timeout(timeout)
                deadline = time() + timeout
                while not self._qsize():
                    remaining = deadline - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        '''put(item, block=False).'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''get(block=False).'''
        return self.get(block=False)

    # The storage hooks, called with the lock held.
    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(types.GenericAlias)


class PriorityQueue(Queue):
    '''A queue that gives the lowest item first (a heap; items are often
    (priority, data) tuples).'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    '''A queue that gives the most recently put item first (a stack).'''

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    '''Simple, unbounded FIFO queue, without task tracking.

    The items are a deque; a semaphore counts them, so get() waits on the
    semaphore and put() never blocks. (CPython's SimpleQueue is the C type
    _queue.SimpleQueue, reentrant even from signal handlers and __del__;
    this Python one is not.)
    '''

    def __init__(self):
        self._queue = deque()
        self._count = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        '''Put the item on the queue; never blocks (block and timeout are
        accepted for compatibility with Queue.put).'''
        self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        '''Remove and return an item, waiting as Queue.get does; Empty
        when none came.'''
        if not block:
            timeout = None      # as CPython: ignored when not blocking
        else:
            _check_timeout(timeout)
        if not self._count.acquire(block, timeout):
            raise Empty
        return self._queue.popleft()

    def put_nowait(self, item):
        '''put(item, block=False).'''
        return self.put(item, block=False)

    def get_nowait(self):
        '''get(False).'''
        return self.get(False)

    def empty(self):
        '''True if the queue is empty now (not reliable!).'''
        return len(self._queue) == 0

    def qsize(self):
        '''The approximate size of the queue (not reliable!).'''
        return len(self._queue)

    __class_getitem__ = classmethod(types.GenericAlias)


SimpleQueue.__module__ = '_queue'     # see Empty
