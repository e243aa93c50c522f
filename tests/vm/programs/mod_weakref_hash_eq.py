# weakref.ref: hash (kept after death, TypeError if never computed), ==
# between live and dead references, repr shapes, errors.
import weakref


class H:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        print("hash called")
        return hash(self.v)

    def __eq__(self, other):
        print("eq called")
        return isinstance(other, H) and self.v == other.v


a = H(1)
b = H(1)
ra = weakref.ref(a)
rb = weakref.ref(b)
print(hash(ra) == hash(1))
print(hash(ra) == hash(1), "(cached)")
print(ra == rb, ra != rb)
print(ra == ra)
print(ra == 1, ra != 1)
del a
print(hash(ra) == hash(1), "after death")
print(ra == rb, ra != rb, ra == ra, ra != ra)
del b
try:
    hash(rb)
except TypeError as e:
    print("TypeError:", e)


class U:
    __hash__ = None


u = U()
ru = weakref.ref(u)
try:
    hash(ru)
except TypeError as e:
    print("TypeError:", e)

for label, call in [
    ("int", lambda: weakref.ref(1)),
    ("list", lambda: weakref.ref([])),
    ("object", lambda: weakref.ref(object())),
    ("None", lambda: weakref.ref(None)),
    ("str", lambda: weakref.ref("s")),
    ("tuple", lambda: weakref.ref(())),
    ("ref", lambda: weakref.ref(ru)),
    ("proxy of int", lambda: weakref.proxy(1)),
    ("no args", lambda: weakref.ref()),
    ("three args", lambda: weakref.ref(u, None, 3)),
    ("keyword", lambda: weakref.ref(u, callback=None)),
    ("call with arg", lambda: ru(1)),
    ("call with kw", lambda: ru(x=1)),
    ("ordering", lambda: ru < ru),
    ("proxy no args", lambda: weakref.proxy()),
    ("proxy three", lambda: weakref.proxy(u, None, 3)),
    ("getweakrefcount no args", lambda: weakref.getweakrefcount()),
]:
    try:
        print(label, call())
    except TypeError as e:
        print(label, "TypeError:", e)


class S:
    __slots__ = ("x",)


class SW:
    __slots__ = ("x", "__weakref__")


for cls in (S, SW):
    try:
        print(cls.__name__, weakref.ref(cls())() is None)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)


class I(int):
    pass


class L(list):
    pass


class E(Exception):
    pass


for cls in (I, L, E, set, frozenset, tuple, dict):
    try:
        x = cls()
        print(cls.__name__, weakref.ref(x)() is x)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)

print(weakref.getweakrefcount(1), weakref.getweakrefs(1))
print(weakref.ref.__name__, weakref.ref.__module__, weakref.ReferenceType is weakref.ref)
print(weakref.ProxyType.__name__, weakref.CallableProxyType.__name__)
print(weakref.ref[int])
r = weakref.ref(u)
print(repr(r).startswith("<weakref at 0x"), "; to 'U' at 0x" in repr(r))
def fn():
    pass
print(repr(weakref.ref(fn)).endswith(" (fn)>"))
del u
print(repr(r).endswith("; dead>"))
import _weakref
d = {"a": r, "b": weakref.ref(fn)}
_weakref._remove_dead_weakref(d, "a")
_weakref._remove_dead_weakref(d, "b")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
try:
    _weakref._remove_dead_weakref([], "a")
except TypeError as e:
    print("TypeError:", e)
try:
    _weakref._remove_dead_weakref({"x": 1}, "x")
except TypeError as e:
    print("TypeError:", e)
print(sorted(n for n in dir(_weakref) if not n.startswith("__")))
