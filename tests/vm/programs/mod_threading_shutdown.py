# Interpreter exit: the main module ends while non-daemon threads still
# wait; exit waits for them (threading._shutdown). The callbacks of
# threading._register_atexit run first (last registered first), then the
# non-daemon threads are joined (a thread started meanwhile too), then the
# atexit module's handlers run. A daemon thread blocked forever does not
# hold the exit up, and a ThreadPoolExecutor never shut down still
# finishes its queued jobs. Every print is ordered by events, not timing.
import atexit
import threading
import time

atexit.register(print, 'atexit handler: after the non-daemon threads')
release = threading.Event()


def last_threading_callback():
    print('threading atexit 1 (registered first, runs last)')
    release.set()


threading._register_atexit(last_threading_callback)
threading._register_atexit(print, 'threading atexit 2', end=' (runs second)\n')


def slow_worker():
    release.wait()
    time.sleep(0.02)
    print('non-daemon worker finishing')


worker = threading.Thread(target=slow_worker)


def chained():
    worker.join()
    # A thread started while the interpreter exits is waited for too.
    threading.Thread(target=print, args=('thread started late',)).start()


never = threading.Lock()
never.acquire()
threading.Thread(target=never.acquire, daemon=True, name='stuck daemon').start()
worker.start()
threading.Thread(target=chained).start()

import concurrent.futures as cf   # registers the pool's exit callback
pool = cf.ThreadPoolExecutor(2)
gate = threading.Event()
job = pool.submit(lambda: gate.wait() and print('pool job done'))
job2 = pool.submit(str.upper, 'pool job 2 done')
threading._register_atexit(lambda: (gate.set(), job.result(), print(job2.result())))
print('main module done,', threading.active_count() >= 4)
