# 16 threads each add 1 to a shared counter many times under a Lock (and
# under an RLock taken twice, and through a Semaphore(1)): the total is
# exact. Lock and RLock basics: acquire/release/locked, timeouts, the
# errors of releasing what is not held.
import sys
import threading

THREADS = 16
PER_THREAD = int(sys.argv[1]) if len(sys.argv) > 1 else 5000

counter = [0]
lock = threading.Lock()


def add_locked():
    for _ in range(PER_THREAD):
        with lock:
            counter[0] += 1


rlock = threading.RLock()


def add_rlocked():
    for _ in range(PER_THREAD // 2):
        with rlock:
            with rlock:
                counter[0] += 1


sem = threading.Semaphore(1)


def add_semaphore():
    for _ in range(PER_THREAD // 5):
        sem.acquire()
        try:
            counter[0] += 1
        finally:
            sem.release()


for target, per in ((add_locked, PER_THREAD), (add_rlocked, PER_THREAD // 2),
                    (add_semaphore, PER_THREAD // 5)):
    counter[0] = 0
    threads = [threading.Thread(target=target) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(target.__name__, counter[0], counter[0] == THREADS * per)

# Lock basics.
print(lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False),
      lock.acquire(True, 0.01), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
for action in (lock.release, lambda: lock.acquire(False, 1), lambda: lock.acquire(timeout=-2)):
    try:
        action()
    except (RuntimeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
print(lock.acquire(timeout=-1), lock.locked())
lock.release()

# A lock released by another thread than the one that took it.
handoff = threading.Lock()
handoff.acquire()
t = threading.Thread(target=handoff.release)
t.start()
t.join()
print(handoff.locked())

# RLock: owned by one thread, counted.
r = threading.RLock()
print(r.acquire(), r.acquire(), r._is_owned(), r._recursion_count())
r.release()
r.release()
print(r._is_owned(), r._recursion_count())
try:
    r.release()
except RuntimeError as e:
    print('RuntimeError:', e)
r.acquire()
out = []
t = threading.Thread(target=lambda: out.append((r.acquire(False), r._is_owned())))
t.start()
t.join()
print(out)


def _try(f):
    try:
        f()
        return 'released'
    except RuntimeError as e:
        return 'RuntimeError: ' + str(e)


t = threading.Thread(target=lambda: out.append(_try(r.release)))
t.start()
t.join()
print(out[-1])
r.release()
