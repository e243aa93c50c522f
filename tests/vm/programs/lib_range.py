# range: indexing, slicing, reversed, containment, len of huge ranges, equality.
r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[2], r.start, r.stop, r.step)
print(r[1:4], r[::-1], r[::2], list(r[::-2]), r[10:], r[-100:100])
print(5 in r, 6 in r, 20 in r, 2.0 in r, "2" in r, r.index(8), r.count(11), r.count(12))
print(list(reversed(range(5))), list(reversed(range(10, 0, -3))), list(range(0)))
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 2, 3) == range(1, 0, 4))
print(range(0, 10, 3) == range(0, 11, 3), range(3) != [0, 1, 2], hash(range(0)) == hash(range(3, 3)))
big = range(0, 10**30, 7)
print(big[10**20], 10**29 in big, big.index(7 * 10**20), big[-1])
try:
    len(big)
except OverflowError as e:
    print(type(e).__name__, e)
print(big.__len__ if False else "skip", len(range(-5)), len(range(5, -5, -2)))
print(range(10)[-11:100], range(-5, 5)[3], bool(range(0)), bool(range(1)))
print(list(range(-2, -10, -2)), list(range(3, 3)), list(range(True, 4)))
for args in ((1, 2, 0), (1.5,), ("1",), ()):
    try:
        range(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for idx in (10, -11, "a", 1.0):
    try:
        print(range(10)[idx])
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    range(3).index(5)
except ValueError as e:
    print(type(e).__name__, e)


class Idx:
    def __index__(self):
        return 4


print(range(Idx()), range(10)[Idx()], Idx() in range(5))
it = iter(range(3))
print(type(it).__name__, next(it), it.__length_hint__(), list(it))
print(type(iter(range(10**20))).__name__, sorted(range(5), reverse=True))
try:
    range(1).start = 0
except AttributeError as e:
    print(type(e).__name__, e)
print(range(10**30)[5:10**29:10**28])
range(5)[5]
