# threading: Thread names ("Thread-N (target)"), daemon inheritance, start/
# join/is_alive, ident and native_id, repr before start, subclasses, the
# errors of start/join/daemon, current_thread/main_thread/enumerate/
# active_count, get_ident, Timer, local, settrace/setprofile storage,
# stack_size, TIMEOUT_MAX. Output is deterministic: no idents, no timing.
import threading
import _thread

print(threading.TIMEOUT_MAX == _thread.TIMEOUT_MAX, type(threading.TIMEOUT_MAX).__name__)
print(threading.ThreadError is _thread.error, threading.Lock is _thread.allocate_lock)
main = threading.current_thread()
print(main.name, main is threading.main_thread(), main.daemon, main.is_alive())
print(type(main).__name__, main.ident == threading.get_ident() == _thread.get_ident())
print(isinstance(main.native_id, int), main.native_id == threading.get_native_id())
print(threading.active_count(), [t.name for t in threading.enumerate()])


def work(results, key, value=1):
    me = threading.current_thread()
    results[key] = (me.name, me.daemon, me.ident == threading.get_ident(),
                    me.native_id == threading.get_native_id(), value,
                    me is not threading.main_thread())


results = {}
t = threading.Thread(target=work, args=(results, 'a'), kwargs={'value': 7})
print(t.name, t.daemon, t.ident, t.is_alive())
print(repr(t))
t.start()
t.join()
print(t.is_alive(), isinstance(t.ident, int), results['a'])
print(repr(t).startswith("<Thread(Thread-1 (work), stopped "))

# Explicit names, daemon flags, a named callable without __name__.
class Callable:
    def __call__(self):
        pass

for kwargs in ({'name': 'worker'}, {'name': 42}, {'target': Callable()},
               {'target': len, 'args': ((),)}, {'daemon': True}, {}):
    th = threading.Thread(**kwargs)
    print(th.name, th.daemon, repr(th))

t2 = threading.Thread(target=work, args=(results, 'b'), daemon=True)
t2.start()
t2.join()
print(results['b'][:2])

# A thread started by a daemon thread is a daemon too.
def spawn():
    inner = threading.Thread(target=work, args=(results, 'c'))
    results['inner daemon'] = inner.daemon
    inner.start()
    inner.join()

t3 = threading.Thread(target=spawn, daemon=True)
t3.start()
t3.join()
print(results['inner daemon'], results['c'][1])

# Errors.
t4 = threading.Thread(target=work, args=(results, 'd'))
for action in (t4.join, lambda: setattr(t4, 'daemon', True)):
    try:
        action()
        print('ok')
    except RuntimeError as e:
        print('RuntimeError:', e)
t4.start()
for action in (t4.start, lambda: setattr(t4, 'daemon', True)):
    try:
        action()
    except RuntimeError as e:
        print('RuntimeError:', e)
t4.join()
t4.join()     # again: fine
t4.join(0.0)
try:
    main.join()
except RuntimeError as e:
    print('RuntimeError:', e)

class NoInit(threading.Thread):
    def __init__(self):
        pass

for action in ('start', 'join'):
    try:
        getattr(NoInit(), action)()
    except RuntimeError as e:
        print('RuntimeError:', e)
try:
    NoInit().daemon = True
except RuntimeError as e:
    print('RuntimeError:', e)

# Subclasses overriding run().
class Squares(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"squares-{n}")
        self.n = n
        self.out = None

    def run(self):
        self.out = [i * i for i in range(self.n)]

workers = [Squares(n) for n in range(4)]
for w in workers:
    w.start()
for w in workers:
    w.join()
print([(w.name, w.out) for w in workers])

# Names keep counting; the counter is shared with everything unnamed.
print(threading.Thread().name, threading.Thread(target=work).name)
named = threading.Thread()
named.name = 'renamed'
print(named.name, named.getName() if False else named.name)

# enumerate / active_count while threads are blocked.
gate = threading.Event()
started = threading.Semaphore(0)
def blocked():
    started.release()
    gate.wait()

pool = [threading.Thread(target=blocked, name=f"blocked-{i}") for i in range(3)]
for p in pool:
    p.start()
for p in pool:
    started.acquire()
print(threading.active_count(), sorted(t.name for t in threading.enumerate()))
gate.set()
for p in pool:
    p.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])

# Timer and its cancellation.
fired = []
timer = threading.Timer(0.01, fired.append, args=['fired'])
print(timer.name.startswith('Thread-'), timer.interval)
timer.start()
timer.join()
cancelled = threading.Timer(10, fired.append, args=['never'])
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired, cancelled.finished.is_set())

# local: each thread has its own attributes.
data = threading.local()
data.x = 'main'
seen = {}
def use_local(i):
    seen[i] = hasattr(data, 'x')
    data.x = i
    seen[i] = (seen[i], data.x)

ts = [threading.Thread(target=use_local, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(data.x, sorted(seen.items()))

class MyLocal(threading.local):
    initialized = 0
    def __init__(self, start):
        self.value = start
        MyLocal.initialized += 1

ml = MyLocal(10)
def bump():
    ml.value += 5
    seen['ml'] = ml.value
th = threading.Thread(target=bump)
th.start()
th.join()
print(ml.value, seen['ml'], MyLocal.initialized)
try:
    threading.local(1)
except TypeError as e:
    print('TypeError:', e)

# Hooks are stored, not installed in the current thread.
def tracer(frame, event, arg):
    return None
threading.settrace(tracer)
threading.setprofile(tracer)
print(threading.gettrace() is tracer, threading.getprofile() is tracer)
threading.settrace(None)
threading.setprofile(None)
print(threading.gettrace(), threading.getprofile())
print(threading.stack_size())
print(threading.excepthook is threading.__excepthook__)
print(sorted(n for n in threading.__all__))
