# _thread._local: attributes per thread, __init__ replayed in each thread,
# subclasses, __dict__, and the errors.
import _thread


def in_thread(func):
    done = _thread.allocate_lock()
    done.acquire()
    box = []

    def body():
        try:
            box.append(func())
        except Exception as exc:
            box.append(f"{type(exc).__name__}: {exc}")
        finally:
            done.release()

    _thread.start_new_thread(body, ())
    done.acquire()
    return box[0]


data = _thread._local()
data.x = 1
data.items = ["main"]
print(data.x, data.__dict__)
print(in_thread(lambda: hasattr(data, "x")))
print(in_thread(lambda: data.__dict__))


def set_in_thread():
    data.x = 2
    data.y = "thread"
    return sorted(data.__dict__.items())


print(in_thread(set_in_thread))
print(data.x, hasattr(data, "y"), sorted(data.__dict__))
del data.items
print(data.__dict__)
try:
    data.__dict__ = {}
except AttributeError as exc:
    print(exc)
try:
    del data.missing
except AttributeError as exc:
    print(type(exc).__name__)
try:
    _thread._local(1, k=2)
except TypeError as exc:
    print(exc)


class Counter(_thread._local):
    created = 0

    def __init__(self, start, step=1):
        Counter.created += 1
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value


c = Counter(10, step=5)
print(c.bump(), c.bump(), Counter.created)
print(in_thread(lambda: (c.value, c.bump(), c.bump())), Counter.created)
print(c.value, Counter.created)
print(isinstance(c, _thread._local), type(c).__name__)


class Fails(_thread._local):
    def __init__(self):
        if _thread.get_ident() != MAIN:
            raise RuntimeError("no init in threads")
        self.ok = True


MAIN = _thread.get_ident()
f = Fails()
print(f.ok)
print(in_thread(lambda: f.ok))


class Slots(_thread._local):
    __slots__ = ("a",)


s = Slots()
s.a = 1
s.b = 2
print(s.a, s.b, in_thread(lambda: hasattr(s, "b")))
