# process.py: where CPython 3.11 has Lib/concurrent/futures/process.py
# (ProcessPoolExecutor). minipy has no multiprocessing, so importing this
# module fails with an ImportError that says so. Book chapter 10.

raise ImportError(
    "concurrent.futures.ProcessPoolExecutor is not available in minipy: it "
    "needs the multiprocessing module, which minipy does not have; use "
    "ThreadPoolExecutor", name=__name__)
