# weakref.ref: calling, sharing of callback-less references, callbacks at
# the moment the last strong reference goes, order of callbacks, __callback__,
# getweakrefcount/getweakrefs, __weakref__, subclasses.
import weakref


class Foo:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Foo(%s)" % self.name


def show(label, *values):
    print(label, *values)


o = Foo("a")
r1 = weakref.ref(o)
r2 = weakref.ref(o)
show("shared", r1 is r2)
show("call", r1() is o)
show("callback none", r1.__callback__)
show("count", weakref.getweakrefcount(o))
show("__weakref__ is head", o.__weakref__ is r1)
r3 = weakref.ref(o, None)
show("None callback shared", r3 is r1)

log = []


def cb(name):
    def callback(wr):
        log.append((name, wr() is None, type(wr).__name__))
    callback.__qualname__ = "callback_" + name
    return callback


c1 = weakref.ref(o, cb("first"))
c2 = weakref.ref(o, cb("second"))
c3 = weakref.ref(o, cb("third"))
show("with callback not shared", c1 is not c2)
show("callback attr", c1.__callback__.__qualname__)
show("count", weakref.getweakrefcount(o))
refs = weakref.getweakrefs(o)
show("getweakrefs order", [r is r1 for r in refs], [r.__callback__.__qualname__ if r.__callback__ else None for r in refs])
print("before del")
del o
print("after del", log)
show("dead call", r1(), c1())
show("dead callback cleared", c1.__callback__)
show("count dead", weakref.getweakrefcount(c1))

# A callback on a reference that dies first is never called.
o = Foo("b")
tmp = weakref.ref(o, lambda wr: print("never"))
del tmp
del o
print("no callback for a dead reference")

# The callback sees the object already gone.
o = Foo("c")
holder = []
r = weakref.ref(o, lambda wr: print("callback: referent is", wr()))
holder.append(r)
o = None
print("after rebinding")

# Callbacks in a function's locals when the frame ends.
def scope():
    x = Foo("local")
    weakref.ref(x)
    keep.append(weakref.ref(x, lambda wr: print("local died")))
    print("leaving scope")


keep = []
scope()
print("after scope")


# Subclass of ref with extra state.
class MyRef(weakref.ref):
    def __new__(cls, ob, callback=None, tag=None):
        return super().__new__(cls, ob, callback)

    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag


o = Foo("d")
m = MyRef(o, None, "tagged")
show("subclass", m.tag, m() is o, m is weakref.ref(o), type(m).__name__)
show("subclass in list", len(weakref.getweakrefs(o)), isinstance(m, weakref.ref))
m2 = MyRef(o, lambda wr: print("subclass callback", wr.tag), "cb")
del o
show("subclass dead", m(), m2())

# Callbacks in the order of CPython's list: newest first.
o = Foo("e")
rs = [weakref.ref(o, (lambda i: lambda wr: print("cb", i))(i)) for i in range(4)]
del o

# A class, a function, a set and a frozenset can be weakly referenced.
class K:
    def meth(self):
        pass


def f():
    pass


s = {1, 2}
fs = frozenset([3])
bound = K().meth
import sys
for obj in (K, f, s, fs, K.meth, bound, f.__code__, len, sys):
    w = weakref.ref(obj)
    print(type(obj).__name__, w() is obj)
del bound, obj, w
fr = weakref.ref(f, lambda wr: print("function died"))
del f
sr = weakref.ref(s, lambda wr: print("set died"))
s = None
g = (i for i in range(3))
gr = weakref.ref(g, lambda wr: print("generator died"))
del g
m = Foo("m").__repr__
mr = weakref.ref(m, lambda wr: print("bound method died"))
del m
bm = [].append
bmr = weakref.ref(bm, lambda wr: print("builtin method died"))
del bm
print("done")
