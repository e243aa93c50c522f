# Weak references and the cycle collector: references to cyclic trash are
# cleared before any finalizer runs, callbacks of live weakrefs run once the
# trash is found, and a weakref that is itself trash never calls back.
import gc
import weakref

gc.disable()
gc.collect()


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


def callback(ref):
    print("callback: the reference is dead:", ref() is None)


a, b = Node("a"), Node("b")
a.other, b.other = b, a
ref_a = weakref.ref(a, callback)
ref_b = weakref.ref(b)
del a, b
print("before collect, alive:", ref_a() is not None, ref_b() is not None)
print("collected something:", gc.collect() > 0)
print("after collect, alive:", ref_a() is not None, ref_b() is not None)

# A weakref that lives inside the trash: its callback is not called.
c = Node("c")
c.other = c
c.self_ref = weakref.ref(c, lambda r: print("never printed"))
del c
print("self-referencing trash collected:", gc.collect() > 0)


# Finalizers see the weak references to the trash already cleared.
class Watched:
    registry = {}

    def __init__(self, name):
        self.name = name
        self.me = self
        Watched.registry[name] = weakref.ref(self)

    def __del__(self):
        print("__del__ of", self.name, "sees its weakref dead:", Watched.registry[self.name]() is None)


Watched("w1")
print("watched collected:", gc.collect() > 0)

# A WeakValueDictionary entry disappears when the value's cycle is collected.
d = weakref.WeakValueDictionary()
n = Node("value")
n.other = n
d["k"] = n
del n
print("before:", list(d.keys()))
gc.collect()
print("after:", list(d.keys()))

# weakref.finalize runs when the cycle goes.
m = Node("finalized")
m.other = m
weakref.finalize(m, print, "finalize called")
del m
gc.collect()
print("done")
gc.enable()
