"""Execute computations asynchronously using threads or processes.

minipy's own package with the API of CPython 3.11's
Lib/concurrent/futures/ (written for minipy): Future, Executor, wait and
as_completed live in _base.py, ThreadPoolExecutor in thread.py. Book
chapter 10, "Parallelism and Concurrency".

ProcessPoolExecutor is not available: it needs multiprocessing (processes,
pipes, pickling), which minipy does not have; asking for it raises an
ImportError that says so.
"""

from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
)


def __dir__():
    return __all__ + ('__doc__',)


def __getattr__(name):
    # The executors are imported on first use (thread.py starts nothing at
    # import, but it does import queue and weakref).
    global ThreadPoolExecutor
    if name == 'ThreadPoolExecutor':
        from .thread import ThreadPoolExecutor
        return ThreadPoolExecutor
    if name == 'ProcessPoolExecutor':
        # process.py raises the ImportError that explains why not.
        from .process import ProcessPoolExecutor
        return ProcessPoolExecutor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
