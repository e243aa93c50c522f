# threading.Event: set/clear/is_set, wait with and without timeouts, many
# threads released by one set(), and a relay where each thread waits for
# the previous one's event, so their prints come in a fixed order.
import threading

e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(0.01))
e.set()
print(e.is_set(), e.wait(), e.wait(0), e.wait(5))
e.clear()
print(e.is_set(), e.wait(timeout=0.01))

# One set() releases every waiter.
go = threading.Event()
arrived = threading.Semaphore(0)
woke = []
lock = threading.Lock()

def waiter(i):
    arrived.release()
    result = go.wait()
    with lock:
        woke.append((i, result))

ts = [threading.Thread(target=waiter, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for _ in ts:
    arrived.acquire()
print(len(woke))
go.set()
for t in ts:
    t.join()
print(sorted(woke))

# A relay: thread i prints after thread i-1 (started in reverse order).
events = [threading.Event() for _ in range(6)]

def runner(i):
    events[i].wait()
    print('runner', i, threading.current_thread().name)
    if i + 1 < len(events):
        events[i + 1].set()

relay = [threading.Thread(target=runner, args=(i,), name=f'relay-{i}') for i in range(6)]
for t in reversed(relay):
    t.start()
events[0].set()
for t in relay:
    t.join()

# wait() with a timeout, then set by another thread before it expires.
late = threading.Event()
t = threading.Thread(target=late.set)
print(late.wait(0.001) in (False, True))
t.start()
print(late.wait(30))
t.join()

# clear() after set(): later waiters block again.
late.clear()
print(late.wait(0.005), late.is_set())
