# Tuples as records: unpacking in loops, sorting by fields, tuple methods, hashing as dict keys.
points = [(3, 4), (-1, 2), (0, 0), (3, -4), (-1, 2)]
print(sorted(points), sorted(points, key=lambda p: p[0] ** 2 + p[1] ** 2), sorted(set(points)))
print(points.count((-1, 2)), points.index((0, 0)), max(points), min(points, key=lambda p: p[1]))
dist = {p: abs(p[0]) + abs(p[1]) for p in points}
print(dist, len(dist))
for i, (x, y) in enumerate(points[:3]):
    print(i, x, y, (x, y) == points[i])
record = ("ada", 1815, ("math", "computing"))
name, year, (first, second) = record
print(name, year, first, second, record[2][1], record[-1][-1][-1], len(record))
xs, ys = zip(*points)
print(xs, ys, sum(xs), tuple(reversed(record)))
pairs = tuple((i, i * i) for i in range(4))
print(pairs, dict(pairs), pairs[1:3], pairs[::-2], pairs + ((9, 81),))
print((1, 2) * 2, 2 * (1,), tuple() * 5, (0,) * 0, ((),) * 2, (1, 2, 3)[1:] + (4,))
nested = ((1, [2]), 3)
nested[0][1].append(4)
print(nested, hash((1, (2, 3))) == hash((1, (2, 3))))
try:
    {nested: 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    x, y = (1, 2, 3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = (1, 2)
except ValueError as e:
    print(type(e).__name__, e)
first, *middle, last = range(6)
print(first, middle, last)
w, z = (1,)
