# Sets of small ints: iteration order (by hash), growth, removal while iterating, comprehension results.
s = {5, 3, 1, 4, 2}
print(s, list(s), sorted(s, reverse=True))
s.add(0)
s.add(100)
print(s)
s.discard(3)
print(s, len(s))
t = set(range(20, 0, -3))
print(t, min(t), max(t), sum(t))
u = {i * 8 for i in range(10)}
print(u)
v = {-1, -2, 0}
print(sorted(v), v == {0, -1, -2})
evens = {n for n in range(30) if n % 2 == 0}
odds = set(range(1, 30, 2))
print(evens | odds == set(range(30)), evens & odds, len(evens ^ odds))
removed = []
work = set(range(10))
while work:
    removed.append(work.pop())
print(removed)
copy = set(range(5))
for x in list(copy):
    copy.discard(x)
print(copy)
big = set(range(1000))
big -= set(range(0, 1000, 2))
print(len(big), 999 in big, 998 in big, min(big))
b2 = {True, 1, 1.0}
print(b2, {0, False, 0.0, -0.0})
grow = set()
try:
    for x in {1, 2, 3}:
        grow.add(x)
    for y in grow:
        grow.discard(y)
except RuntimeError as e:
    print(type(e).__name__, e)
