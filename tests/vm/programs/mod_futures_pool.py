# concurrent.futures.ThreadPoolExecutor as a job runner: max_workers
# threads at most, results through as_completed and map, exceptions carried
# to result(), thread names from thread_name_prefix, initializer, shutdown
# (wait, cancel_futures), submit after shutdown, and the argument errors.
import concurrent.futures as cf
import threading
import time

# A job runner: 12 jobs on 3 workers, collected as they complete.
active = [0]
peak = [0]
lock = threading.Lock()
names = set()


def job(n):
    with lock:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        names.add(threading.current_thread().name)
    time.sleep(0.002)
    with lock:
        active[0] -= 1
    if n == 7:
        raise ValueError(f'job {n} failed')
    return n * n


with cf.ThreadPoolExecutor(max_workers=3, thread_name_prefix='runner') as pool:
    futures = {pool.submit(job, n): n for n in range(12)}
    results = {}
    errors = {}
    for fut in cf.as_completed(futures):
        n = futures[fut]
        try:
            results[n] = fut.result()
        except ValueError as e:
            errors[n] = str(e)
print(sorted(results.items()))
print(errors)
print(1 <= peak[0] <= 3, sorted(names) == sorted(names & {'runner_0', 'runner_1', 'runner_2'}))

# map keeps the order of its inputs; the first failure raises from the
# iterator.
with cf.ThreadPoolExecutor(4) as pool:
    print(list(pool.map(lambda x, y: x * y, range(10), range(10, 20))))
    print(list(pool.map(str.upper, ['a', 'b'], timeout=60)))
    it = pool.map(lambda x: 1 // x, [1, 2, 0, 4])
    print(next(it), next(it))
    try:
        next(it)
    except ZeroDivisionError as e:
        print('ZeroDivisionError:', e)

# A worker reused: one thread runs every job when they come one at a time.
pool = cf.ThreadPoolExecutor(max_workers=5)
used = set()
for i in range(6):
    pool.submit(lambda: used.add(threading.current_thread().name)).result()
pool.shutdown()
print(len(used), len(pool._threads))
print(sorted(used)[0].startswith('ThreadPoolExecutor-'), sorted(used)[0].endswith('_0'))

# initializer runs once per worker thread.
inits = []
with cf.ThreadPoolExecutor(2, initializer=inits.append, initargs=('init',)) as pool:
    gate = threading.Event()
    fs = [pool.submit(gate.wait, 60) for _ in range(2)]
    gate.set()
    print([f.result() for f in fs])
print(inits)

# shutdown(cancel_futures=True): the jobs not started are cancelled.
pool = cf.ThreadPoolExecutor(1)
release = threading.Event()
started = threading.Event()


def blocker():
    started.set()
    release.wait(60)
    return 'blocker done'


first = pool.submit(blocker)
rest = [pool.submit(job, n) for n in range(5)]
started.wait(60)
threading.Timer(0.05, release.set).start()
pool.shutdown(wait=True, cancel_futures=True)
print(first.result(), [f.cancelled() for f in rest])
try:
    pool.submit(job, 1)
except RuntimeError as e:
    print('RuntimeError:', e)
pool.shutdown()        # again: harmless

# wait() over pool futures.
with cf.ThreadPoolExecutor(4) as pool:
    fs = [pool.submit(job, n) for n in (1, 2, 3)]
    done, not_done = cf.wait(fs)
    print(sorted(f.result() for f in done), not_done)
    slow = pool.submit(time.sleep, 0.2)
    quick = pool.submit(job, 7)
    done, not_done = cf.wait([slow, quick], return_when=cf.FIRST_EXCEPTION)
    print([type(f.exception()).__name__ for f in done], len(not_done) in (0, 1))
    print(slow.result(timeout=60))

# Errors.
for kwargs in ({'max_workers': 0}, {'max_workers': -1}, {'initializer': 5}):
    try:
        cf.ThreadPoolExecutor(**kwargs)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
print(cf.ThreadPoolExecutor()._max_workers >= 5)
print(cf.ThreadPoolExecutor.__module__, issubclass(cf.ThreadPoolExecutor, cf.Executor))
from concurrent.futures.thread import BrokenThreadPool
print(issubclass(BrokenThreadPool, cf.BrokenExecutor))
print(threading.active_count())
