# Class attribute lookups go through the method cache (type version tags):
# every change to a class, or to one of its bases, must be seen at once.
class Base:
    def greet(self):
        return "base"
    kind = "base-kind"

class Mid(Base):
    pass

class Leaf(Mid):
    pass

obj = Leaf()
for _ in range(3):
    print(obj.greet(), obj.kind, Leaf.kind)

# Replace a method on a base: the subclasses see the new one.
Base.greet = lambda self: "patched base"
print(obj.greet())

# Shadow it in the middle class, then remove the shadow again.
Mid.greet = lambda self: "mid"
print(obj.greet(), Base().greet())
del Mid.greet
print(obj.greet())

# Class attributes: set, shadow, delete.
Leaf.kind = "leaf-kind"
print(obj.kind, Mid.kind)
del Leaf.kind
print(obj.kind)
try:
    del Leaf.kind
except AttributeError as e:
    print("AttributeError:", e)

# A new attribute on a base appears on existing instances of subclasses.
print(hasattr(obj, "late"))
Base.late = 42
print(obj.late, Leaf.late)

# Dunder methods added after class creation reach the slots, also for
# subclasses created before the change.
class Num:
    def __init__(self, v):
        self.v = v

class SubNum(Num):
    pass

try:
    Num(1) + Num(2)
except TypeError as e:
    print("TypeError:", e)
Num.__add__ = lambda self, other: Num(self.v + other.v)
print((Num(1) + Num(2)).v, (SubNum(3) + SubNum(4)).v)
Num.__repr__ = lambda self: f"Num({self.v})"
print(repr(Num(5)), repr(SubNum(6)))
SubNum.__repr__ = lambda self: f"SubNum({self.v})"
print(repr(Num(5)), repr(SubNum(6)))
del SubNum.__repr__
print(repr(SubNum(7)))
Num.__len__ = lambda self: self.v
print(len(SubNum(8)), bool(SubNum(0)))
Num.__eq__ = lambda self, other: self.v == other.v
print(SubNum(1) == SubNum(1), SubNum(1) == SubNum(2))

# Methods looked up many times in a loop, with the class changed half-way.
class Counter:
    def step(self):
        return 1

total = 0
c = Counter()
for i in range(100):
    if i == 50:
        Counter.step = lambda self: 10
    total += c.step()
print(total)

# Changing a class's __bases__ is not allowed for builtin-layout mismatches
# but attribute lookup must follow a plain reassignment.
class A:
    x = "A"

class B:
    x = "B"

class C(A):
    pass

print(C().x)
C.__bases__ = (B,)
print(C().x, C.__mro__)

# Metaclass attributes and class attributes.
class Meta(type):
    tag = "meta"

class WithMeta(metaclass=Meta):
    pass

print(WithMeta.tag)
Meta.tag = "meta2"
print(WithMeta.tag)
WithMeta.tag = "own"
print(WithMeta.tag, Meta.tag)
