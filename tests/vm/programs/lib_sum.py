# sum: start values, types, and the str/bytes refusal.
print(sum([]), sum([], 10), sum(range(101)))
print(sum([1.5, 2.5]), sum([0.1] * 10))
print(sum([1, 2], start=100))
print(sum([[1], [2, 3]], []))
print(sum(((1,), (2,)), ()))
print(sum([True, True, False]))
print(sum([1, 2.5, 3]))
print(sum([10**20, 10**20, -1]))
print(sum([1j, 2, 0.5]))
print(sum(x * x for x in range(10)))

for args, kwargs in [
    (("abc",), {}),
    ((["a", "b"], ""), {}),
    (([b"a"], b""), {}),
    (([bytearray(b"a")], bytearray()), {}),
    (([1, "x"],), {}),
    ((5,), {}),
    ((), {}),
]:
    try:
        print(sum(*args, **kwargs))
    except TypeError as e:
        print(type(e).__name__, e)


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __repr__(self):
        return f"Money({self.cents})"


print(sum([Money(5), Money(7)]))
print(sum([Money(1)], Money(100)))
sum([Money(1)], 5)
