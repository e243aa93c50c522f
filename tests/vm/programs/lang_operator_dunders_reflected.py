# Binary operators dispatch: __add__ then the right operand's __radd__,
# a subclass's reflected method tried first, NotImplemented from both
# sides giving TypeError, and in-place falling back to binary.
class Meters:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, (int, float)):
            return Meters(self.v + other)
        return NotImplemented
    def __radd__(self, other):
        print("  __radd__ with", other)
        return self + other
    def __repr__(self):
        return f"Meters({self.v})"

class Kilometers(Meters):
    def __radd__(self, other):
        print("  Kilometers.__radd__ first")
        return Meters(other.v + self.v * 1000)

print(Meters(1) + Meters(2), Meters(1) + 5, 5 + Meters(1), sum([Meters(1), Meters(2)]))
print(Meters(1) + Kilometers(2))
try:
    Meters(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "x" + Meters(1)
except TypeError as e:
    print("TypeError:", e)
m = Meters(3)
m += 4
print(m)

class Vec:
    def __init__(self, *c):
        self.c = c
    def __mul__(self, k):
        return Vec(*(x * k for x in self.c))
    __rmul__ = __mul__
    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self.c, other.c))
    def __neg__(self):
        return Vec(*(-x for x in self.c))
    def __repr__(self):
        return f"Vec{self.c}"

v = Vec(1, 2)
print(v * 3, 3 * v, v @ Vec(3, 4), -v)
try:
    v @ 2
except AttributeError as e:
    print("AttributeError inside __matmul__:", e)
