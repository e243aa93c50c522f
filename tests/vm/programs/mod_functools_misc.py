# functools: wraps/update_wrapper, total_ordering, cached_property,
# partialmethod, WRAPPER_ASSIGNMENTS.
import functools
from functools import wraps, update_wrapper, total_ordering, cached_property, partialmethod, partial


def deco(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper


@deco
def documented(a: int) -> str:
    "doc here"
    return str(a)


documented.extra = 1
print(documented.__name__, documented.__doc__, documented.__qualname__, documented.__annotations__,
      documented.__wrapped__.__name__, documented(3))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)


def target():
    pass


target.info = "kept"


def w():
    pass


update_wrapper(w, target, assigned=("__name__",), updated=("__dict__",))
print(w.__name__, w.info, w.__wrapped__ is target, w.__qualname__)


class NoName:
    __call__ = lambda self: None


v = update_wrapper(lambda: None, NoName())
print(v.__name__)


@total_ordering
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __lt__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return self.v < o.v


print(V(1) <= V(2), V(2) >= V(1), V(1) > V(2), V(2) > V(1), V(1) >= V(1), V.__ge__.__name__)
try:
    V(1) >= 3
except TypeError as e:
    print("TypeError:", e)


@total_ordering
class G:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        return self.v == o.v

    def __ge__(self, o):
        return self.v >= o.v


print(G(1) < G(2), G(1) <= G(1), G(3) > G(2), sorted([G(3), G(1), G(2)])[0].v)
try:
    @total_ordering
    class W:
        pass
except ValueError as e:
    print("ValueError:", e)


class Lazy:
    def __init__(self):
        self.count = 0

    @cached_property
    def value(self):
        self.count += 1
        return 42


z = Lazy()
print(z.value, z.value, z.count, "value" in z.__dict__)
del z.value
print(z.value, z.count, Lazy.value.attrname, type(Lazy.value).__name__)


class Slotted:
    __slots__ = ("a",)
    prop = cached_property(lambda self: 1)


try:
    Slotted().prop
except TypeError as e:
    print("TypeError:", e)
try:
    class Twice:
        x = cached_property(lambda self: 1)
        y = x
except (TypeError, RuntimeError) as e:
    print(type(e).__name__)


class Cell:
    def __init__(self):
        self.state = None

    def set_state(self, state, suffix=""):
        self.state = str(state) + suffix

    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False, suffix="!")

    @classmethod
    def build(cls, a, b):
        return (cls.__name__, a, b)

    build_one = partialmethod(build, 1)


c = Cell()
c.set_alive(); print(c.state); c.set_dead(); print(c.state)
print(Cell.build_one(2), c.build_one(3))
print(repr(partialmethod(len, 1)).startswith("functools.partialmethod(<built-in function len>, 1, "))
try:
    partialmethod(3)
except TypeError as e:
    print("TypeError:", e)
print(type(partial(len)).__name__, partial.__module__)
