# __hash__/__eq__ rules: defining __eq__ disables hashing, __hash__ = None, inheritance, dict/set lookups.
class Plain:
    pass


class EqOnly:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v


class Both(EqOnly):
    def __hash__(self):
        return hash(self.v)


class Child(Both):
    pass


class ChildEq(Both):
    def __eq__(self, other):
        return False


class NoHash:
    __hash__ = None


print(Plain.__hash__ is object.__hash__, EqOnly.__hash__, Both.__hash__ is not None, Child.__hash__ is Both.__hash__)
print(ChildEq.__hash__, NoHash.__hash__)
p = Plain()
print({p: 1}[p], p in {p}, hash(p) == hash(p))
print({Both(1), Both(1), Both(2)}.__len__(), Both(3) in {Both(3)}, {Child(1): "c"}.get(Child(1)))
for obj in (EqOnly(1), ChildEq(1), NoHash(), [1], {1: 1}):
    try:
        hash(obj)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    {EqOnly(1): 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    set([NoHash()])
except TypeError as e:
    print(type(e).__name__, e)


class Collide:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return self.name == other.name


s = {Collide("a"), Collide("b"), Collide("a")}
print(len(s), sorted(c.name for c in s))


class Mutable:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return self.v

    def __eq__(self, other):
        return self.v == other.v


m = Mutable(1)
d = {m: "stored"}
m.v = 2
print(d.get(m), d.get(Mutable(1)), len(d))


class EqCounts:
    calls = 0

    def __hash__(self):
        return 1

    def __eq__(self, other):
        EqCounts.calls += 1
        return self is other


a = EqCounts()
dd = {a: 1}
print(dd[a], EqCounts.calls)
print(hash(-1) == hash(-2), hash(-1))
{ChildEq(1): 1}
