# PEP 442 in the cycle collector: __del__ of objects in a cycle runs once,
# before any of them is cleared; a resurrected object survives and its
# __del__ never runs again; gc.is_finalized tells which ran.
import gc

gc.disable()
gc.collect()

saved = []


class Node:
    __slots__ = ("name", "next", "__weakref__")

    def __init__(self, name):
        self.name = name
        self.next = None

    def __del__(self):
        # Every member of the cycle is still intact while finalizers run.
        print("del", self.name, "-> next is", self.next.name if self.next else None)


# A ring of three: all three finalizers run, each sees its neighbour.
a, b, c = Node("a"), Node("b"), Node("c")
a.next, b.next, c.next = b, c, a
del a, b, c
print("ring:", gc.collect())


class Phoenix:
    __slots__ = ("name", "partner", "__weakref__")
    deaths = 0

    def __init__(self, name):
        self.name = name

    def __del__(self):
        Phoenix.deaths += 1
        print("del", self.name, "(death", Phoenix.deaths, ")")
        saved.append(self)  # resurrection


p, q = Phoenix("p"), Phoenix("q")
p.partner, q.partner = q, p
del p, q
# Both finalizers run, the pair is resurrected: nothing is freed.
print("resurrected pair:", gc.collect())
print("saved:", sorted(x.name for x in saved))
print("finalized:", [gc.is_finalized(x) for x in saved])
# Dropped again: their __del__ does not run a second time.
saved.clear()
print("second time:", gc.collect())
print("deaths:", Phoenix.deaths)


# Reference counting calls __del__ once as well, even after resurrection.
class Once:
    def __del__(self):
        print("Once.__del__")
        saved.append(self)


Once()
print("saved once:", len(saved), gc.is_finalized(saved[0]))
saved.clear()
print("dropped again, no second __del__")


# A finalizer that breaks the cycle itself: the objects die by refcount.
class Breaker:
    __slots__ = ("other", "name")

    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("breaker", self.name)
        self.other = None


x, y = Breaker("x"), Breaker("y")
x.other, y.other = y, x
del x, y
print("breakers:", gc.collect())

print("is_finalized of a fresh object:", gc.is_finalized(Node("fresh")))
print("is_finalized of an int:", gc.is_finalized(3))
gc.enable()
