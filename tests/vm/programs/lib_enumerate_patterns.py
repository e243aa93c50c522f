# enumerate in practice: start offsets, unpacking nested items, finding indices, and enumerate objects' laziness.
names = ["ann", "bob", "cy"]
for i, name in enumerate(names, start=1):
    print(f"{i}. {name}")
print([i for i, c in enumerate("banana") if c == "a"], dict(enumerate("xyz", 10)))
pairs = [("a", 1), ("b", 2)]
for idx, (key, val) in enumerate(pairs):
    print(idx, key, val)
grid = ["#.#", "..#"]
print([(r, c) for r, row in enumerate(grid) for c, ch in enumerate(row) if ch == "#"])
e = enumerate(iter(names))
print(next(e), list(e), list(e))
e2 = enumerate(names)
print(e2.__next__(), type(e2).__name__, e2.__iter__() is e2, hasattr(e2, "__len__"))
print(list(enumerate([], 5)), list(enumerate("ab", -1)), list(enumerate(range(3), True)))
lines = "first\nsecond\nthird".splitlines()
numbered = "\n".join(f"{n:>3}: {line}" for n, line in enumerate(lines, 1))
print(numbered)
print(max(enumerate([3, 9, 2]), key=lambda t: t[1]), min(enumerate("cab"), key=lambda t: t[1]))
print(list(reversed(list(enumerate("ab")))), sorted(enumerate("cba"), key=lambda t: t[1]))
try:
    enumerate(names, start=1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(enumerate(names))
except TypeError as e:
    print(type(e).__name__, e)
enumerate(names)[0]
