# == versus is: small ints and interned strings are implementation details,
# but identity of singletons and equality protocols are not; __eq__ and
# __ne__ defaults, NotImplemented fallbacks, and reflected comparisons.
class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print(f"  Eq({self.v}).__eq__")
        if isinstance(other, Eq):
            return self.v == other.v
        return NotImplemented

a, b = Eq(1), Eq(1)
print(a == b, a != b, a is b)
print(a == 1, 1 == a, a != "x")

class Ordered:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print(f"  Ordered({self.v}).__lt__")
        return self.v < other.v

x, y = Ordered(1), Ordered(2)
print(x < y, y > x)
try:
    x <= y
except TypeError as e:
    print("TypeError:", e)
print([1, 2] == [1, 2], [1, 2] is [1, 2], (1, [2]) == (1, [2]))

class NoEq:
    pass

n = NoEq()
print(n == n, n != n, n == NoEq(), [n] == [n])
nan = float("nan")
print([nan] == [nan], nan in [nan], (nan,) == (nan,), {nan: 1}.get(nan))
