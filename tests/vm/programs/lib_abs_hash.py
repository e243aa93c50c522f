# abs() on numbers and __abs__; hash() consistency across numeric types.
print(abs(-5), abs(5), abs(-0), abs(-2.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-10**40))
print(abs(float("-inf")), abs(float("nan")) != abs(float("nan")))


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5


print(abs(Vec(3, 4)))
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)

# equal numbers hash equal, whatever their type
print(hash(1) == hash(1.0) == hash(True) == hash(1 + 0j))
print(hash(0) == hash(0.0) == hash(-0.0) == hash(False))
print(hash(2**61 - 1), hash(2**61), hash(-1), hash(-2), hash(10**30))
print(hash(1.5) == hash(1.5 + 0j), hash(0.5), hash(-0.5), hash(float("inf")), hash(float("-inf")))
print(hash(complex(1, 0)) == hash(1), hash(complex(0, 1)))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(()), hash((1,)) != hash((2,)))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(hash("abc") == hash("abc"), hash(b"abc") == hash("abc".encode()))
print(type(hash("x")).__name__, hash(None) == hash(None))
d = {1: "int", 1.0: "float", True: "bool"}
print(d)
for unhashable in ([], {}, set(), bytearray(b"x"), ([1],)):
    try:
        hash(unhashable)
    except TypeError as e:
        print(type(e).__name__, e)


class Custom:
    def __hash__(self):
        return 2**70


class BadHash:
    def __hash__(self):
        return "str"


print(hash(Custom()) == hash(2**70))
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)


class EqOnly:
    def __eq__(self, other):
        return True


print(EqOnly.__hash__)
hash(EqOnly())
