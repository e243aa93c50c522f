# _thread.start_new_thread: arguments, results through locks, exceptions
# (unraisable), SystemExit, identities, _count, _set_sentinel, stack_size.
import _thread
import time


def run(func, *args, **kwargs):
    # Starts func in a thread and waits for it through a lock it releases.
    done = _thread.allocate_lock()
    done.acquire()
    box = []

    def body():
        try:
            box.append(func(*args, **kwargs))
        finally:
            done.release()

    _thread.start_new_thread(body, ())
    done.acquire()
    return box


print(run(lambda a, b=0: a * 10 + b, 4, b=2))
print(run(sum, range(1000)))

main_ident = _thread.get_ident()
idents = run(lambda: (_thread.get_ident(), _thread.get_native_id()))[0]
print(idents[0] != main_ident, idents[1] != _thread.get_native_id(), idents[1] > 0)
print(type(main_ident).__name__, main_ident == _thread.get_ident())


started = []


class Boom:
    # A callable with a repr that is the same in every run.
    def __repr__(self):
        return "<Boom>"

    def __call__(self, message):
        started.append(self)
        raise ValueError(message)


class Exit:
    def __repr__(self):
        return "<Exit>"

    def __call__(self):
        started.append(self)
        raise SystemExit(3)


def exit_thread():
    started.append(exit_thread)
    _thread.exit()


def wait_until_no_threads():
    # A thread counts from the moment it runs (before its function starts)
    # until its state is gone: wait for its function to start, then for
    # the count to drop.
    while not started:
        time.sleep(0.001)
    started.clear()
    while _thread._count():
        time.sleep(0.001)


_thread.start_new_thread(Boom(), ("raised in a thread",))
wait_until_no_threads()
_thread.start_new_thread(Exit(), ())
wait_until_no_threads()
_thread.start_new_thread(exit_thread, ())
wait_until_no_threads()
print("after the failing threads")

for args in [(), (print,), (1, ()), (print, []), (print, (), []), (print, (), {}, 4)]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as exc:
        print(exc)

# _count: threads started here and still running.
gate = _thread.allocate_lock()
gate.acquire()
all_parked = _thread.allocate_lock()
all_parked.acquire()
waiting = [0]


def parked():
    waiting[0] += 1
    if waiting[0] == 3:
        all_parked.release()
    gate.acquire()
    gate.release()


print(_thread._count())
for _ in range(3):
    _thread.start_new_thread(parked, ())
all_parked.acquire()
print(_thread._count())
gate.release()
while _thread._count():  # the three are counted already: wait for them to end
    time.sleep(0.001)
print(_thread._count())

# The sentinel: released when the thread's state goes away, after its
# last Python code (threading's join is built on it).
order = []
sentinel = []
ready = _thread.allocate_lock()
ready.acquire()


def with_sentinel():
    lock = _thread._set_sentinel()
    lock.acquire()
    sentinel.append(lock)
    ready.release()
    time.sleep(0.05)
    order.append("thread finished")


_thread.start_new_thread(with_sentinel, ())
ready.acquire()
print(sentinel[0].locked())
sentinel[0].acquire()
order.append("joined")
print(order, sentinel[0].locked())

print(_thread.stack_size())
print(_thread.stack_size(1 << 20))
print(run(lambda: sum(range(10)))[0])
print(_thread.stack_size(0))
for size in (-1, 100, 32767):
    try:
        _thread.stack_size(size)
    except ValueError as exc:
        print(type(exc).__name__, exc)
try:
    _thread.stack_size(1, 2)
except TypeError as exc:
    print(exc)
for signum in (0, 100000):
    try:
        _thread.interrupt_main(signum)
    except ValueError as exc:
        print(exc)
try:
    _thread.exit()
except SystemExit as exc:
    print("exit raises SystemExit", exc.args)

# The recursion limit is the interpreter's: a thread sees the main
# thread's setting, and hits it.
import sys

old_limit = sys.getrecursionlimit()
sys.setrecursionlimit(150)


def deep(n):
    return deep(n + 1)


def probe():
    try:
        deep(0)
    except RecursionError as exc:
        return sys.getrecursionlimit(), str(exc)


print(run(probe))
sys.setrecursionlimit(old_limit)
print(sys.getrecursionlimit())
