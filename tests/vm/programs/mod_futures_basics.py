# concurrent.futures without an executor: a Future's states and methods
# (result/exception/cancel/running/done/add_done_callback, the
# set_running_or_notify_cancel protocol, InvalidStateError), wait() with
# FIRST_COMPLETED / FIRST_EXCEPTION / ALL_COMPLETED and timeouts, and
# as_completed() yielding futures in the order another thread finishes
# them. Reprs are printed without their addresses.
import concurrent.futures as cf
import threading


def state(f):
    # '<Future at 0x... state=...>' without the address
    r = repr(f)
    return r[:r.index(' at ')] + r[r.index(' state='):]


f = cf.Future()
print(state(f), f.running(), f.done(), f.cancelled())
calls = []
f.add_done_callback(lambda fut: calls.append(('first', fut.result())))
f.add_done_callback(lambda fut: calls.append(('second', fut.done())))
try:
    f.result(timeout=0.01)
except cf.TimeoutError as e:
    print('TimeoutError', type(e) is TimeoutError, repr(e))
try:
    f.exception(timeout=0)
except TimeoutError as e:
    print('TimeoutError from exception()')
print(f.set_running_or_notify_cancel(), state(f), f.running(), f.cancel())
f.set_result(42)
print(state(f), f.result(), f.exception(), f.done(), calls)
f.add_done_callback(lambda fut: calls.append(('late', fut.result())))
print(calls[-1])
for action in (lambda: f.set_result(1), lambda: f.set_exception(ValueError())):
    try:
        action()
    except cf.InvalidStateError as e:
        print('InvalidStateError', str(e).split(':')[0], isinstance(e, cf._base.Error))

# An exception result.
f = cf.Future()
f.set_exception(ValueError('bad value'))
print(state(f), repr(f.exception()))
try:
    f.result()
except ValueError as e:
    print('raised', repr(e))

f = cf.Future()
f.set_result(None)
print(state(f))
f = cf.Future()
f.set_result([1, 2])
print(state(f))

# Cancellation.
f = cf.Future()
f.add_done_callback(lambda fut: calls.append(('cancelled', fut.cancelled())))
print(f.cancel(), f.cancel(), state(f), f.cancelled(), f.done(), calls[-1])
for action in (f.result, f.exception):
    try:
        action()
    except cf.CancelledError as e:
        print('CancelledError', repr(e), issubclass(cf.CancelledError, cf._base.Error))
print(f.set_running_or_notify_cancel(), f._state)
try:
    f.set_result(1)
except cf.InvalidStateError as e:
    print('InvalidStateError', str(e).split(':')[0])

# A failing callback is reported, the others still run (the report goes to
# the logging machinery; checked here only for the other callbacks).
f = cf.Future()
f.add_done_callback(lambda fut: calls.append('ok callback'))
f.set_result(1)
print(calls[-1])

# wait() on futures that are already done.
done1, done2, pending = cf.Future(), cf.Future(), cf.Future()
done1.set_result(1)
done2.set_exception(KeyError('k'))
res = cf.wait([done1, pending], timeout=0)
print(type(res).__name__, res._fields, len(res.done), len(res.not_done))
print(len(cf.wait([done1, pending], return_when=cf.FIRST_COMPLETED).done))
print(len(cf.wait([done1, pending], timeout=0.01, return_when=cf.FIRST_EXCEPTION).done))
print(len(cf.wait([done2, pending], return_when=cf.FIRST_EXCEPTION).not_done))
print(len(cf.wait([done1, done2]).done), cf.wait([]))
try:
    cf.wait([pending], return_when='SOMETIMES')
except ValueError as e:
    print('ValueError:', e)
print(cf.wait([done1], return_when='SOMETIMES').done == {done1})
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)

# A thread completes futures in a known order, each after the main thread
# has seen the previous one: as_completed follows that order.
futures = [cf.Future() for _ in range(5)]
order = [3, 0, 4, 1, 2]
step = threading.Semaphore(0)


def finisher():
    for i in order:
        step.acquire()
        futures[i].set_result(i * i)


t = threading.Thread(target=finisher)
t.start()
step.release()
seen = []
for fut in cf.as_completed(futures + futures[:2]):   # duplicates once
    seen.append(fut.result())
    step.release()
t.join()
print(seen)

# Already finished futures come first; a timeout reports what is missing.
a, b, c = cf.Future(), cf.Future(), cf.Future()
a.set_result('a')
it = cf.as_completed([a, b, c], timeout=0.05)
print(next(it).result())
try:
    next(it)
except TimeoutError as e:
    print('TimeoutError:', e)
print(b._waiters, c._waiters)

# wait(FIRST_COMPLETED) returns when another thread finishes one future;
# wait(FIRST_EXCEPTION) as soon as one raises.
x, y = cf.Future(), cf.Future()
t = threading.Thread(target=lambda: y.set_result('y'))
t.start()
done, not_done = cf.wait([x, y], return_when=cf.FIRST_COMPLETED)
t.join()
print([d.result() for d in done], len(not_done))
z = cf.Future()
t = threading.Thread(target=lambda: z.set_exception(OSError('disk')))
t.start()
done, not_done = cf.wait([x, z], timeout=60, return_when=cf.FIRST_EXCEPTION)
t.join()
print([repr(d.exception()) for d in done], len(not_done), x._waiters)
print(cf.Future[int], cf.Executor().shutdown(), cf.Executor().__enter__().__class__.__name__)
try:
    cf.Executor().submit(print)
except NotImplementedError as e:
    print('NotImplementedError', repr(e))
print(issubclass(cf.BrokenExecutor, RuntimeError), cf.TimeoutError is TimeoutError)
