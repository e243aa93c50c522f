# The iterator protocol: __iter__/__next__, exhausted iterators, StopIteration values, iterators of builtins.
class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


c = Countdown(3)
print(list(c), list(c), next(c, "exhausted"))
print([x for x in Countdown(4)], sum(Countdown(10)), max(Countdown(5)), sorted(Countdown(3)))
a, b, *rest = Countdown(5)
print(a, b, rest)


class Reusable:
    def __init__(self, data):
        self.data = data

    def __iter__(self):
        return iter(self.data)


r = Reusable([1, 2])
print(list(r), list(r), 2 in r, 3 in r)
for container in ([1, 2], (1, 2), "ab", {1: 2}, {1}, b"ab", bytearray(b"x"), range(2), {1: 2}.items(), reversed([1])):
    it = iter(container)
    print(type(it).__name__, iter(it) is it, next(it))
li = iter([1, 2, 3])
print(li.__length_hint__(), next(li), li.__length_hint__(), list(li), li.__length_hint__())


def gen():
    yield 1
    return "retval"


g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)


class BadNext:
    def __iter__(self):
        return self

    def __next__(self):
        raise ValueError("next failed")


try:
    for _ in BadNext():
        pass
except ValueError as e:
    print(type(e).__name__, e)


class IterNone:
    def __iter__(self):
        return None


try:
    list(IterNone())
except TypeError as e:
    print(type(e).__name__, e)
lst = [1, 2, 3]
it = iter(lst)
next(it)
lst.insert(0, 0)
print(list(it))
d = {"a": 1}
di = iter(d)
d["b"] = 2
try:
    next(di)
except RuntimeError as e:
    print(type(e).__name__, e)
next(Countdown(0))
