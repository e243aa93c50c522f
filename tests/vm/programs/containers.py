# Lists, tuples, dicts and sets: building (BUILD_*), subscripts, unpacking
# (UNPACK_SEQUENCE, UNPACK_EX), comprehensions (LIST_APPEND, MAP_ADD,
# SET_ADD) and the iteration builtins.
l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5); l.extend([3, 5]); l.insert(0, 0)
print(l, len(l), l[2], l[-2], l[1:4], l[::3])
l[0] = 100; del l[1]; l[2:4] = ["x", "y", "z"]
print(l, l.pop(), l.index("x"), l.count(5))
print(sorted([5, 2, 8]), sorted([5, 2, 8], reverse=True), list(reversed([1, 2, 3])))
t = (1, 2, 3)
a, b, c = t
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
p, *mid, q = range(6)
print(a, b, c, first, rest, init, last, p, mid, q)
(x, y), z = (1, 2), 3
print(x, y, z)
d = {"one": 1, "two": 2}
d["three"] = 3
del d["one"]
print(d, d.get("two"), d.get("nine", 0), "two" in d, list(d), list(d.values()))
print({**d, "four": 4}, dict(a=1, b=2), dict([("k", "v")]))
print([i * i for i in range(6)], [i for i in range(10) if i % 3 == 0])
print({i: i * 2 for i in range(4)}, {i % 3 for i in range(10)})
print([(i, j) for i in range(3) for j in range(i)])
print(list(zip([1, 2, 3], "ab")), list(enumerate("xyz", 1)))
print(list(map(lambda v: v + 1, [1, 2])), list(filter(None, [0, 1, "", "a"])))
print(any([0, 0, 1]), all([1, 2, 0]), all([]), any([]))
s = {3, 1, 2}
s.add(4); s.discard(1)
print(sorted(s), 2 in s, len(s), sorted(s | {9}), sorted(s & {2, 3}), sorted(s - {2}))
print([*range(3), *"ab"], (*[1, 2],), {*[1, 1, 2]})
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], len(nested))
it = iter([10, 20])
print(next(it), next(it), next(it, "done"))
print(min([4, 2, 8]), max("hello"), min([], default=-1), max([1, 5, 3], key=lambda v: -v))
print(list(range(10, 0, -3)), range(5)[2], len(range(0, 100, 7)))
