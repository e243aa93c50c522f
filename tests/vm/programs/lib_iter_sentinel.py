# iter(callable, sentinel), next() with default, and the iterator protocol errors.
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
lines = iter(["a", "b", "", "c"])
print(list(iter(lines.__next__, "")))
print(next(lines))
it = iter([1])
print(next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 6)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter()
except TypeError as e:
    print(type(e).__name__, e)


class Flaky:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        if self.n == 3:
            raise StopIteration
        return self.n


print(list(iter(Flaky(), object())))
ci = iter(tick, 100)
print(type(ci).__name__, iter(ci) is ci)


class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * i


print(list(OldStyle()), list(iter(OldStyle())), 4 in OldStyle())
si = iter(OldStyle())
print(type(si).__name__)


class BadIter:
    def __iter__(self):
        return 42


try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)


class NotIterable:
    __iter__ = None


try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
next(iter([]))
