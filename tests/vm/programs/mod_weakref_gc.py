# Weak references and the cycle collector: references to cyclic trash are
# cleared before any __del__ runs, callbacks of live references run during
# gc.collect(), references that are themselves trash get no callback, and
# __del__ ordering against callbacks when the refcount drops to zero.
import gc
import weakref

gc.disable()


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __repr__(self):
        return "Node(%s)" % self.name


class Fin(Node):
    def __del__(self):
        print("__del__", self.name, "sees ref dead:", watch[self.name]() is None)


watch = {}
log = []

# A two-node cycle with a live callback reference to each node.
a, b = Node("a"), Node("b")
a.other, b.other = b, a
ra = weakref.ref(a, lambda wr: log.append("cb a"))
rb = weakref.ref(b, lambda wr: log.append("cb b"))
del a, b
print("before collect", ra() is not None, rb() is not None, log)
n = gc.collect()
print("collected", n >= 2, "log", sorted(log), ra(), rb())

# Finalizers see the weak references to their own object already cleared.
log.clear()
f1, f2 = Fin("f1"), Fin("f2")
f1.other, f2.other = f2, f1
watch["f1"] = weakref.ref(f1)
watch["f2"] = weakref.ref(f2, lambda wr: print("callback f2, referent", wr()))
del f1, f2
print("collecting finalizers")
gc.collect()
print("after", watch["f1"](), watch["f2"]())

# A weak reference that is part of the trash gets no callback.
c = Node("c")
c.other = c
c.selfref = weakref.ref(c, lambda wr: print("never printed"))
del c
gc.collect()
print("trash weakref: no callback")

# A callback whose reference is held by the trash itself is not called,
# one held from outside is.
d = Node("d")
d.other = d
outside = weakref.ref(d, lambda wr: print("outside callback runs"))
d.inside = weakref.ref(d, lambda wr: print("inside callback never runs"))
del d
gc.collect()

# WeakValueDictionary entries whose values were cyclic trash vanish.
cache = weakref.WeakValueDictionary()
for i in range(3):
    x = Node("v%d" % i)
    x.other = x
    cache[i] = x
del x
print("cache before", sorted(cache))
gc.collect()
print("cache after", sorted(cache))

# Without cycles: __del__ runs first, then the callback (subtype_dealloc).
g = Fin("g")
watch["g"] = weakref.ref(g, lambda wr: print("callback g"))
del g

# Resurrection by __del__: the weak reference dies, the object lives on.
saved = []


class Phoenix:
    def __del__(self):
        print("phoenix __del__, ref dead:", pr() is None)
        saved.append(self)


p = Phoenix()
pr = weakref.ref(p, lambda wr: print("phoenix callback"))
del p
print("resurrected", len(saved), pr() is None)
saved.clear()
print("end")
