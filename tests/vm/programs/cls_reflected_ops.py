# Operator dispatch between a class and its subclasses: a subclass that
# overrides the reflected method goes first, NotImplemented falls back, and
# comparisons reflect to the subclass first too.
class Base:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return f"Base.__add__({type(other).__name__})"

    def __radd__(self, other):
        return f"Base.__radd__({type(other).__name__})"

    def __lt__(self, other):
        return f"Base.__lt__({type(other).__name__})"

    def __gt__(self, other):
        return f"Base.__gt__({type(other).__name__})"

    def __eq__(self, other):
        return f"Base.__eq__({type(other).__name__})"


class Sub(Base):
    def __radd__(self, other):
        return f"Sub.__radd__({type(other).__name__})"

    def __gt__(self, other):
        return f"Sub.__gt__({type(other).__name__})"

    def __eq__(self, other):
        return f"Sub.__eq__({type(other).__name__})"


class SubNoOverride(Base):
    pass


b, s, n = Base(1), Sub(2), SubNoOverride(3)
print(b + s)   # Sub overrides __radd__: it goes first
print(s + b)
print(b + n)   # no override: the left operand first
print(1 + b, 1 + s)
print(b < s)   # reflected __gt__ of the subclass first
print(s < b)
print(b == s, s == b, b == n)


class Declines(Base):
    def __radd__(self, other):
        return NotImplemented


print(b + Declines(4))


class MyInt(int):
    def __radd__(self, other):
        return f"MyInt.__radd__({other})"

    def __rmul__(self, other):
        return NotImplemented

    def __eq__(self, other):
        return "MyInt.__eq__"

    __hash__ = int.__hash__


print(1 + MyInt(5), MyInt(5) + 1, 2 * MyInt(3), MyInt(3) * 2)
print(1 == MyInt(1), MyInt(1) == 1, {MyInt(7): "seven"}[7])


class MyFloat(float):
    def __rsub__(self, other):
        return "MyFloat.__rsub__"


print(1.5 - MyFloat(1.0), MyFloat(1.0) - 1.5, 3 - MyFloat(1.0))


class MyList(list):
    def __radd__(self, other):
        return MyList(list(other) + list(self))


print([1] + MyList([2]), type([1] + MyList([2])).__name__, MyList([2]) + [1])


class InPlace:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return InPlace(self.v + other)

    def __repr__(self):
        return f"InPlace({self.v})"


x = InPlace(1)
y = x
x += 5
print(x, y, x is y)


class WithIadd(InPlace):
    def __iadd__(self, other):
        self.v += other * 10
        return self


x = WithIadd(1)
y = x
x += 5
print(x, y, x is y)


class Neither:
    pass


try:
    Neither() + Neither()
except TypeError as e:
    print("TypeError:", e)
try:
    Neither() < Neither()
except TypeError as e:
    print("TypeError:", e)
print(Neither() == Neither(), Neither() != Neither())
