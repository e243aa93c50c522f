# set and frozenset: every operator, in-place forms, methods, mixed types and errors.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b), sorted(b - a))
print(a < b, {1, 2} < a, a <= a, a < a, a > {1}, a >= b, a == {4, 3, 2, 1}, a != b)
print(sorted(a.union(b, [9])), sorted(a.intersection(b, range(4))), sorted(a.difference([1], (2,))))
print(sorted(a.symmetric_difference(b)), a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}))
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {1, 99}
print(sorted(c))
c.add(5)
c.discard(100)
c.remove(5)
print(sorted(c), c.copy().pop() in (10, 99), len(c))
c.update([7], (8,))
c.intersection_update({7, 8, 10, 99})
c.difference_update({7})
c.symmetric_difference_update({8, 9})
print(sorted(c))
c.clear()
print(c, set(), frozenset(), set("aab") == {"a", "b"}, len(set("mississippi")))
f = frozenset([1, 2, 3])
print(sorted(f | {4}), type(f | {4}).__name__, type({4} | f).__name__, type(f.copy()).__name__, f.copy() is f)
print(f == {1, 2, 3}, hash(f) == hash(frozenset({3, 2, 1})), {f: "key"}[frozenset([1, 2, 3])])
print({frozenset(): 0, frozenset([1]): 1}, sorted(map(sorted, {frozenset({1, 2}), frozenset({2, 1})})))
print(1 in {1.0}, {1, 1.0, True}, {0, False, 0.0} == {0}, {(1, 2), (1, 2)})
attempts = [
    lambda: {1}.remove(2),
    lambda: set().pop(),
    lambda: {1} | [2],
    lambda: {1} < [1],
    lambda: {[1]},
    lambda: set([[]]),
    lambda: f.add(4),
    lambda: {1}.union(5),
    lambda: {1} + {2},
    lambda: hash({1}),
    lambda: {{1}},
    lambda: {1}.update(None),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
print(sorted(x * 2 for x in {3, 1, 2}), {n % 3 for n in range(10)}, set(range(5)) - set(range(0, 5, 2)))
{1, 2}.remove(3)
