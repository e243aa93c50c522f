# The iterator protocol: __iter__/__next__ classes, iter(callable, sentinel),
# the legacy __getitem__ protocol, StopIteration ending for-loops, and
# errors for non-iterables.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(3)), [x for x in Countdown(2)])

class Legacy:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10

print(list(Legacy()), 20 in Legacy(), 99 in Legacy())
values = iter([1, 2, 3, None, 4])
print(list(iter(lambda: next(values), None)))
calls = [0]

def tick():
    calls[0] += 1
    return calls[0]

print(list(iter(tick, 4)))

class Reusable:
    def __iter__(self):
        yield from "ab"

r = Reusable()
print(list(r), list(r), list(zip(r, r)))
it = iter([1, 2])
print(iter(it) is it, next(it), next(it), next(it, "default"))
for bad in [5, None, Countdown]:
    try:
        iter(bad)
    except TypeError as e:
        print("TypeError:", e)

class BadIter:
    def __iter__(self):
        return 42

try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)

class NotIterator:
    pass

try:
    next(NotIterator())
except TypeError as e:
    print("TypeError:", e)
try:
    for x in 3.5:
        pass
except TypeError as e:
    print("TypeError:", e)
a, b, *c = Countdown(5)
print(a, b, c)
print(sorted(Countdown(4)), sum(Countdown(4)), max(Legacy()))
