# tuple: packing, immutability, count/index, comparisons, hashing and concatenation errors.
t = (1, "two", 3.0, [4], (5,))
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], t.count(1), t.index("two"), (1,) * 3, () + (1,))
print(tuple("abc"), tuple([1, 2]), tuple(range(3)), tuple({"a": 1}), tuple(), tuple(x for x in "hi"))
t[3].append(40)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(t)
except TypeError as e:
    print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)), (1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,))
print((1, "a") < (1, "b"), (2,) > (1, 99), (1, 2) == [1, 2], (0.0, -0.0) == (-0.0, 0.0))
a, *rest = t
print(a, rest)
x, (y, z) = 1, (2, 3)
print(x, y, z)
attempts = [
    lambda: (1,) + [2],
    lambda: (1, 2).index(3),
    lambda: (1, 2)[5],
    lambda: (1,) < ("a",),
    lambda: tuple(5),
    lambda: (1, 2).count(),
    lambda: (1, 2) * "3",
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
big = tuple(range(100))
print(big[10:15], big[-3:], big[::33], 50 in big, 500 in big, (1, 2, 3).index(3, -1))
nested = ((1, 2), (3, 4))
print({nested: "ok"}[((1, 2), (3, 4))], sorted([(2, "b"), (1, "z"), (2, "a")]))
print(repr((1,)), repr(((),)), str((None, True)), (1, 2).__getitem__(0), tuple.__name__)
empty1, empty2 = (), tuple()
print(empty1 == empty2, len(empty1), bool(empty1), bool((0,)))
t[5]
