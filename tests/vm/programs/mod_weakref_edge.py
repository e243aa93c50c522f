# Weak references in awkward moments: callbacks dropping the other references,
# references made in __del__ (called, or kept by a resurrection), classes in
# cycles, a raising callback while an exception is handled, suspended
# generators, bound-method callbacks, proxies of proxies.
import weakref, gc, sys
class O:
    pass
# 1: a callback dropping the other references
o = O()
refs = []
def cb(wr):
    refs.clear()
    print("cb cleared", len(refs))
refs.extend(weakref.ref(o, cb) for _ in range(3))
del o
# 2: __del__ making a weakref to self with a callback
class D:
    def __del__(self):
        self.r = weakref.ref(self, lambda wr: print("made in __del__, called"))
        print("__del__ ran")
d = D(); del d
# 3: resurrection in __del__ keeps weakrefs made there alive
keep = []
class P:
    def __del__(self):
        keep.append(weakref.ref(self, lambda wr: print("phoenix ref callback")))
        keep.append(self)
p = P(); del p
print("alive:", keep[0]() is keep[1])
keep.clear()
# 4: weakref to a class in a cycle, collected
def make():
    class K: pass
    return weakref.ref(K, lambda wr: print("class K collected"))
kr = make()
gc.collect()
print("class gone:", kr() is None)
# 5: callback raising while an exception is being handled
o = O()
class Boom:
    def __repr__(self):
        return "<Boom callback>"

    def __call__(self, wr):
        1 / 0


r = weakref.ref(o, Boom())
try:
    raise KeyError("outer")
except KeyError as e:
    del o
    print("still handling", repr(e), sys.exc_info()[0].__name__)
# 6: suspended generator
def g():
    try:
        yield 1
    finally:
        print("generator finally")
it = g(); next(it)
gr = weakref.ref(it, lambda wr: print("generator ref callback"))
del it
# 7: weakref callback that is a bound method of another object
class Watcher:
    def __init__(self): self.seen = []
    def note(self, wr): self.seen.append(wr() is None)
w = Watcher()
objs = [O() for _ in range(5)]
rs = [weakref.ref(x, w.note) for x in objs]
del objs
print(w.seen)
# 8: proxies chained
o = O(); o.v = 3
p1 = weakref.proxy(o)
p2 = weakref.proxy(o)
print(p1.v + p2.v, p1 == p2, p1 is p2)
try:
    weakref.proxy(p1)
except TypeError as e: print(e)
del o
try: p1 + 1
except ReferenceError as e: print(e)
print("done")
