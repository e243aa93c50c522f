# len(): builtins, __len__ protocol, and the errors for bad __len__ results.
print(len(""), len("\U0001F600"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 2}), len(b"ab"), len(range(10)))
print(len(bytearray(5)), len(frozenset("aab")), len({}.keys()), len(range(0, 100, 7)), len("\r\n"))


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


print(len(Sized(3)), len(Sized(True)), bool(Sized(0)), bool(Sized(2)))


class IndexLen:
    def __index__(self):
        return 7


print(len(Sized(IndexLen())))
for n in (-1, 1.5, "3", 2**63, None):
    try:
        print(len(Sized(n)))
    except Exception as e:
        print(type(e).__name__, e)
for obj in (5, None, iter([]), len, object()):
    try:
        print(len(obj))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    len()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len([], [])
except TypeError as e:
    print(type(e).__name__, e)
len(Sized(-5))
