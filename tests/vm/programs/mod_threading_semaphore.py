# threading.Semaphore and BoundedSemaphore: the counter, blocking and
# non-blocking acquire, timeouts, release(n) waking n threads, a limit on
# concurrency, and the errors.
import threading
import time

s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01), s.acquire(True, 0))
s.release()
print(s.acquire(blocking=False))
s.release(2)
print(s._value)
with s:
    print('inside', s._value)
print(s._value)

for bad in (lambda: threading.Semaphore(-1), lambda: s.release(0),
            lambda: s.acquire(False, 1), lambda: threading.BoundedSemaphore(1).release(),
            lambda: threading.BoundedSemaphore(3).release(-1)):
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)

b = threading.BoundedSemaphore(3)
b.acquire()
b.acquire()
try:
    b.release(3)
except ValueError as e:
    print('ValueError:', e, b._value)
b.release(2)
print(b._value, b._initial_value)

# At most 2 workers inside at once.
limit = threading.BoundedSemaphore(2)
inside = [0]
peak = [0]
guard = threading.Lock()
done = []

def worker(i):
    with limit:
        with guard:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        time.sleep(0.002)
        with guard:
            inside[0] -= 1
            done.append(i)

ts = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(1 <= peak[0] <= 2, inside[0], sorted(done), limit._value)

# release(3) wakes three of the four waiters.
zero = threading.Semaphore(0)
passed = []
waiting = threading.Semaphore(0)

def blocked(i):
    waiting.release()
    zero.acquire()
    with guard:
        passed.append(i)

ts = [threading.Thread(target=blocked, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for _ in ts:
    waiting.acquire()
zero.release(3)
deadline = time.monotonic() + 30
while len(passed) < 3 and time.monotonic() < deadline:
    time.sleep(0.001)
time.sleep(0.02)
print(len(passed))
zero.release()
for t in ts:
    t.join()
print(sorted(passed), zero._value)
