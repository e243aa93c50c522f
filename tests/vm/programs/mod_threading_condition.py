# threading.Condition: strict turn-taking between threads (ping-pong),
# notify(n) waking exactly n waiters, notify_all, wait_for, wait timeouts,
# a bounded buffer, RLock-based conditions released completely by wait(),
# and the errors on a lock the thread does not hold.
import threading
import time

# Ping-pong: each thread prints only on its turn, so the output order is
# fixed whatever the scheduler does.
cond = threading.Condition()
turn = ['ping']

def player(me, other, rounds):
    for i in range(rounds):
        with cond:
            cond.wait_for(lambda: turn[0] == me)
            print(me, i)
            turn[0] = other
            cond.notify_all()

a = threading.Thread(target=player, args=('ping', 'pong', 5))
b = threading.Thread(target=player, args=('pong', 'ping', 5))
b.start()
a.start()
a.join()
b.join()

# notify(n) wakes exactly n waiters. Each waiter counts itself ready with
# the lock held and then waits, which releases it: once the main thread
# holds the lock and sees 5 ready, all 5 are waiting.
cond = threading.Condition(threading.Lock())
state = {'ready': 0, 'woken': 0}

def waiter():
    with cond:
        state['ready'] += 1
        cond.wait()
        state['woken'] += 1

def wait_until(predicate):
    while True:
        with cond:
            if predicate():
                return
        time.sleep(0.001)

threads = [threading.Thread(target=waiter) for _ in range(5)]
for t in threads:
    t.start()
wait_until(lambda: state['ready'] == 5)
with cond:
    cond.notify(2)
wait_until(lambda: state['woken'] == 2)
time.sleep(0.02)
with cond:
    print('woken after notify(2):', state['woken'])
    cond.notify(0)
    cond.notify_all()
for t in threads:
    t.join()
print('woken after notify_all():', state['woken'])
with cond:
    cond.notify()          # nobody waits: nothing happens
    cond.notify_all()

# Timeouts.
with cond:
    print(cond.wait(0.01), cond.wait(0), cond.wait(-1))
    print(cond.wait_for(lambda: False, timeout=0.01), cond.wait_for(lambda: 'value', 0))
    print(cond.wait_for(lambda: 0, timeout=0))

# A bounded buffer: the producer waits while it is full, the consumer
# while it is empty; nothing is lost, duplicated or reordered.
buf = []
CAP = 3
bcond = threading.Condition()
received = []
high_water = [0]

def producer():
    for i in range(200):
        with bcond:
            bcond.wait_for(lambda: len(buf) < CAP)
            buf.append(i)
            high_water[0] = max(high_water[0], len(buf))
            bcond.notify_all()
    with bcond:
        bcond.wait_for(lambda: len(buf) < CAP)
        buf.append(None)
        bcond.notify_all()

def consumer():
    while True:
        with bcond:
            bcond.wait_for(lambda: buf)
            item = buf.pop(0)
            bcond.notify_all()
        if item is None:
            return
        received.append(item)

pc = [threading.Thread(target=consumer), threading.Thread(target=producer)]
for t in pc:
    t.start()
for t in pc:
    t.join()
print(received == list(range(200)), high_water[0] <= CAP)

# Over an RLock held twice: wait() releases it completely (another thread
# can take it) and restores both levels afterwards.
rcond = threading.Condition(threading.RLock())
log = []

def taker():
    with rcond:
        log.append('taker has the lock')
        rcond.notify()

with rcond:
    with rcond:
        t = threading.Thread(target=taker)
        t.start()
        rcond.wait_for(lambda: log)
        print(log)
    rcond.release()
    try:
        rcond.release()
    except RuntimeError as e:
        print('RuntimeError:', e)
    rcond.acquire()
t.join()

# Errors: waiting or notifying without holding the lock.
for c in (threading.Condition(), threading.Condition(threading.Lock())):
    for action in (c.wait, c.notify, c.notify_all, lambda: c.wait_for(lambda: True)):
        try:
            print(action())
        except RuntimeError as e:
            print('RuntimeError:', e)

# The lock is usable directly through the condition.
c = threading.Condition(threading.Lock())
print(c.acquire(), c.acquire(False), c._lock.locked())
c.release()
print(c.acquire(blocking=False))
c.release()
