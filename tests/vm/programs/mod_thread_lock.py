# _thread's locks: Lock and RLock, their errors, timeouts and reprs.
import _thread


def masked(obj):
    # The repr ends with the object's address: keep what comes before it.
    return repr(obj).rsplit(" at 0x", 1)[0]


lock = _thread.allocate_lock()
print(type(lock).__name__, type(lock) is _thread.LockType, masked(lock))
print(lock.acquire(), lock.locked(), masked(lock))
print(lock.acquire(False), lock.acquire(blocking=False), lock.acquire(timeout=0.01))
print(lock.acquire(True, 0.001), lock.acquire_lock(0))
lock.release()
print(lock.locked(), lock.locked_lock())
for call in (lambda: lock.release(), lambda: lock.release_lock()):
    try:
        call()
    except _thread.error as exc:
        print(type(exc).__name__, exc)
with lock as entered:
    print("inside", entered, lock.locked())
print("outside", lock.locked())
try:
    with lock:
        raise ValueError("released on the way out")
except ValueError as exc:
    print(exc, lock.locked())

bad_arguments = [
    ((False, 1), {}),
    ((), {"timeout": -2}),
    ((), {"timeout": -0.5}),
    ((), {"timeout": 1e300}),
    ((), {"timeout": 10**30}),
    ((), {"timeout": float("nan")}),
    ((), {"timeout": "1"}),
    ((), {"timeout": _thread.TIMEOUT_MAX * 2}),
    ((), {"blocking": True, "spam": 1}),
    ((1, 2, 3), {}),
]
for args, kwargs in bad_arguments:
    try:
        lock.acquire(*args, **kwargs)
    except Exception as exc:
        print(type(exc).__name__, exc)
    else:
        print("acquired", lock.locked())
        lock.release()
print(lock.acquire(False, -1), lock.acquire(True, -1) if not lock.locked() else "held")
lock.release()
print(lock.acquire(timeout=_thread.TIMEOUT_MAX))
lock.release()

try:
    _thread.LockType()
except TypeError as exc:
    print(exc)
print(_thread.TIMEOUT_MAX, _thread.error is RuntimeError)
print(_thread.allocate is not None, type(_thread.allocate()).__name__)

# RLock: owned, counted, released by its owner only.
r = _thread.RLock()
print(masked(r))
print(r.acquire(), r.acquire(), r.acquire(timeout=0), masked(r).replace(str(_thread.get_ident()), "ME"))
print(r._recursion_count(), r._is_owned())
r.release()
r.release()
print(r._recursion_count(), r._is_owned(), masked(r).replace(str(_thread.get_ident()), "ME"))
r.release()
print(r._recursion_count(), r._is_owned(), masked(r))
try:
    r.release()
except RuntimeError as exc:
    print(type(exc).__name__, exc)
with r:
    with r:
        print("nested", r._recursion_count())
print(r._recursion_count())
r.acquire()
r.acquire()
state = r._release_save()
print(state[0], state[1] == _thread.get_ident(), r._is_owned(), r._recursion_count())
try:
    r._release_save()
except RuntimeError as exc:
    print(exc)
r._acquire_restore(state)
print(r._is_owned(), r._recursion_count())
r.release()
r.release()


class MyRLock(_thread.RLock):
    pass


m = MyRLock()
print(masked(m), m.acquire(), m._is_owned())
m.release()

# Another thread cannot take a lock held here; it can release a plain lock.
held = _thread.allocate_lock()
held.acquire()
results = []
done = _thread.allocate_lock()
done.acquire()


def other():
    results.append(held.acquire(timeout=0.05))
    results.append(r.acquire(False))
    held.release()  # any thread may release a plain Lock
    results.append(held.locked())
    try:
        m.release()
    except RuntimeError as exc:
        results.append(str(exc))
    done.release()


r.acquire()
m.acquire()
_thread.start_new_thread(other, ())
done.acquire()
print(results)
r.release()
m.release()
