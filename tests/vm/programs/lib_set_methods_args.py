# set methods with several and unusual arguments: iterables of any kind, generators, dict views, strings.
base = {1, 2, 3, 4}
print(sorted(base.union()), sorted(base.union("5", [6], (7,), {8: 0}, range(9, 10)), key=str))
print(sorted(base.intersection([2, 3, 9], {3: "x", 2: "y"}.keys(), (n for n in range(3, 0, -1)))))
print(sorted(base.difference(), ), sorted(base.difference([1], {2}, (3,))), base.issubset(range(5)), base.issuperset(iter([1, 2])))
print(base.isdisjoint("1234"), base.isdisjoint([4, 5]), sorted(base.symmetric_difference(range(3, 7))))
s = set("hello")
s.update("world", ["!"])
print(sorted(s), len(s))
s.intersection_update("lower", "roll")
print(sorted(s))
s.difference_update()
s.difference_update("o", "x")
print(sorted(s))
t = {1, 2}
t.symmetric_difference_update([2, 3, 3])
print(sorted(t))
print({1, 2} == frozenset({1, 2}), {1, 2}.union(frozenset({3})).__class__.__name__, frozenset({1}).union({2}).__class__.__name__)
print(set().union(*[[1], [2], [1, 3]]), set.intersection(*[{1, 2}, {2, 3}, {2, 4}]))
for call in (lambda: base.union(5), lambda: base.issubset(5), lambda: base.symmetric_difference([1], [2]),
             lambda: base.update([[]]), lambda: base.intersection_update(None), lambda: set.intersection()):
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted(base))
base.remove([1])
