# The cycle collector frees cycles through lists, dicts, tuples, instances,
# closures, bound methods, generators' frames and class/instance pairs.
# Counts are printed only where they do not depend on CPython's lazily
# created instance dicts (those cycles are observed through __del__).
import gc

gc.disable()
gc.collect()


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def collect(label, exact=True):
    n = gc.collect()
    print(label, n if exact else n > 0)


def collect_quiet(label):
    gc.collect()  # the count depends on how instance dicts are stored
    print(label)


l = []
l.append(l)
del l
collect("list -> itself:")

d = {}
d["self"] = d
del d
collect("dict -> itself:")

a, b = [], []
a.append(b)
b.append(a)
del a, b
collect("two lists:")

t = (1, 2, [])
t[2].append(t)
del t
collect("tuple <-> list:")

d = {"k": []}
d["k"].append(d)
d["k"].append({"inner": d})
del d
collect("dict -> list -> dicts:")

n = Noisy("instance")
n.__dict__["me"] = n
del n
collect("instance -> itself:", exact=False)

x, y = Noisy("x"), Noisy("y")
x.other, y.other = y, x
del x, y
print("pair dropped, nothing printed yet")
collect("instance pair:", exact=False)


def make_closure():
    obj = Noisy("closure")

    def inner():
        return obj

    obj.fn = inner


make_closure()
collect("closure cycle:", exact=False)


class WithMethod:
    def __init__(self):
        self.bound = self.method

    def method(self):
        pass

    def __del__(self):
        print("  del bound-method owner")


WithMethod()
collect("bound method cycle:", exact=False)


def gen(arg):
    local = arg
    yield local


holder = Noisy("gen local")
g = gen(holder)
holder.gen = g
next(g)
del holder, g
collect_quiet("suspended generator cycle")

holder = Noisy("finished gen")
g = gen(holder)
holder.gen = g
for item in g:
    pass
del holder, g, item
print("finished generator: freed by reference counting")


def make_class():
    class Local:
        def __del__(self):
            print("  del Local instance")

    Local.instance = Local()


make_class()
print("class/instance cycle collected:", gc.collect() > 0)


def frame_cycle():
    f = Noisy("frame local")
    try:
        raise ValueError("x")
    except ValueError as e:
        f.err = e  # exception -> traceback -> frame (keeps its locals) -> f


frame_cycle()
print("traceback/frame cycle collected:", gc.collect() > 0)

print("nothing left:", gc.collect())
gc.enable()
