# Tuples: packing, the one-element comma, immutability vs mutable members,
# comparison, hashing, concatenation and repetition, and tuple unpacking
# in returns.
t = 1, 2, 3
one = 1,
empty = ()
print(t, one, empty, type(one).__name__, len(empty), (1) == 1, (1,) == 1)
print(t + (4,), t * 2, 2 in t, t.index(3), t.count(2), t[::-1])
holder = ([1], "s")
holder[0].append(2)
print(holder)
try:
    holder[1] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    hash(holder)
except TypeError as e:
    print("TypeError:", e)
print(hash((1, "a")) == hash((1, "a")), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,))
print(tuple("abc"), tuple(range(3)), tuple({"k": 1}), tuple(x * x for x in range(3)))

def minmax(values):
    return min(values), max(values)

lo, hi = minmax([3, 1, 4, 1, 5])
print(lo, hi, minmax("hello"))
print((1, (2, (3, (4,)))), len((None,) * 5), ((),) * 2)
a = (1, 2)
b = a
a += (3,)
print(a, b)
print(repr((1.0, "s", None, True)), str(("x",)))
nested = ((1, 2), (3, 4))
print([x for pair in nested for x in pair], dict(nested))
try:
    (1, 2) + [3]
except TypeError as e:
    print("TypeError:", e)
try:
    t.append(4)
except AttributeError as e:
    print("AttributeError:", e)
