# threading.Barrier: several rounds with an action, arrival indices, abort,
# reset while threads wait, a timeout that breaks it, an action that
# raises, and the properties (parties, n_waiting, broken).
import threading
import time

def wait_for_waiters(barrier, n):
    deadline = time.monotonic() + 30
    while barrier.n_waiting < n and time.monotonic() < deadline:
        time.sleep(0.001)

actions = []
barrier = threading.Barrier(4, action=lambda: actions.append(len(actions)))
print(barrier.parties, barrier.n_waiting, barrier.broken)
results = []
lock = threading.Lock()

def worker(i):
    for rnd in range(3):
        index = barrier.wait()
        with lock:
            results.append((rnd, index))

ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
for rnd in range(3):
    print(rnd, sorted(i for r, i in results if r == rnd))
print(actions, barrier.n_waiting, barrier.broken)

# Phases: nobody starts phase 2 before everybody has finished phase 1.
phase_log = []
phases = threading.Barrier(3)

def phased(i):
    with lock:
        phase_log.append(('one', i))
    phases.wait()
    with lock:
        phase_log.append(('two', i))

ts = [threading.Thread(target=phased, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([p for p, i in phase_log])

# abort() breaks the waiting threads out, and later waits fail at once.
outcomes = []

def waits(b, timeout=None):
    try:
        b.wait(timeout)
        outcomes.append('passed')
    except threading.BrokenBarrierError as e:
        outcomes.append(type(e).__name__)

b = threading.Barrier(3)
ts = [threading.Thread(target=waits, args=(b,)) for _ in range(2)]
for t in ts:
    t.start()
wait_for_waiters(b, 2)
print('waiting:', b.n_waiting)
b.abort()
for t in ts:
    t.join()
print(outcomes, b.broken, b.n_waiting)
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print('BrokenBarrierError', repr(e), isinstance(e, RuntimeError))
b.reset()
print(b.broken)
outcomes.clear()
ts = [threading.Thread(target=waits, args=(b,)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(outcomes)

# reset() while threads wait: they get BrokenBarrierError, the barrier
# is usable again right away.
outcomes.clear()
b = threading.Barrier(3)
ts = [threading.Thread(target=waits, args=(b,)) for _ in range(2)]
for t in ts:
    t.start()
wait_for_waiters(b, 2)
b.reset()
for t in ts:
    t.join()
print(outcomes, b.broken)
outcomes.clear()
ts = [threading.Thread(target=waits, args=(b,)) for _ in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(outcomes)

# A timeout breaks the barrier for everybody.
outcomes.clear()
b = threading.Barrier(2, timeout=0.02)
waits(b)
print(outcomes, b.broken)
b = threading.Barrier(2)
outcomes.clear()
waits(b, 0.01)
print(outcomes, b.broken)

# The action raises: the thread that ran it gets the exception, the
# others BrokenBarrierError.
def bad_action():
    raise ValueError('action failed')

b = threading.Barrier(2, action=bad_action)
outcomes.clear()
t = threading.Thread(target=waits, args=(b,))
t.start()
wait_for_waiters(b, 1)
try:
    b.wait()
except ValueError as e:
    print('ValueError:', e)
t.join()
print(outcomes, b.broken)

# A single party passes at once.
print(threading.Barrier(1).wait(), threading.Barrier(1, action=lambda: print('action')).wait())
