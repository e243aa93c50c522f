# The GIL's switch interval, and what releasing the GIL in blocking calls
# allows: sleeping threads overlap, a waiting lock lets others run.
import _thread
import sys
import time

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(1e-7)
print(sys.getswitchinterval())
for bad in (0, -1.0, "x"):
    try:
        sys.setswitchinterval(bad)
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__, exc)
sys.setswitchinterval(0.005)

# Four threads sleeping 0.5 s take about 0.5 s together, not 2 s (the
# margin leaves room for a loaded machine).
count = 4
lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
left = [count]


def sleeper():
    time.sleep(0.5)
    with lock:
        left[0] -= 1
        if left[0] == 0:
            done.release()


start = time.monotonic()
for _ in range(count):
    _thread.start_new_thread(sleeper, ())
done.acquire()
elapsed = time.monotonic() - start
print("sleeps overlap:", elapsed < 1.5)

# A CPU-bound thread and the main thread take turns: while the main thread
# spins in pure Python, the other one gets the GIL too (the drop request
# forces a switch), so the main thread sees its progress. Without the
# switch this would spin until the safety deadline.
progress = [0]
stop = [False]
finished = _thread.allocate_lock()
finished.acquire()


def spinner():
    while not stop[0]:
        progress[0] += 1
    finished.release()


_thread.start_new_thread(spinner, ())
deadline = time.monotonic() + 60
while progress[0] < 1000 and time.monotonic() < deadline:
    pass
stop[0] = True
finished.acquire()
print("both ran:", progress[0] >= 1000)

# A thread blocked on a lock does not hold the GIL: the main thread runs on.
gate = _thread.allocate_lock()
gate.acquire()
log = []
out = _thread.allocate_lock()
out.acquire()


def waiter():
    log.append("waiting")
    gate.acquire()
    log.append("woken")
    out.release()


_thread.start_new_thread(waiter, ())
while not log:
    time.sleep(0.001)
log.append("main runs while the thread waits")
gate.release()
out.acquire()
print(log)
