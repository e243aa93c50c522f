# list/tuple comparisons and containment: lexicographic order, == with nested and mixed elements, identity shortcut.
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 9, 9], [] < [0], [[1]] < [[2]], [1, [2]] == [1, [2]])
print((1, 2) == (1, 2), (1, 2) != (1, 2.0), (1,) < (1, 0), ((1, 2), 3) < ((1, 3), 0), (1, "a") < (1, "b"))
print([1, 2] == (1, 2), [1] != (1,), list((1, 2)) == [1, 2], [1.0, True] == [1, 1], [0j] == [0])
nan = float("nan")
row = [nan]
print(row == row, [nan] == [nan], nan in row, row.count(nan), row.index(nan), (nan,) == (nan,))
print(max([[1, 2], [1, 3], [0, 9]]), min([(2, "b"), (2, "a")]), sorted([[2, 1], [1, 5], [1, 2]]))


class Cmp:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        Cmp.calls += 1
        return isinstance(other, Cmp) and self.v == other.v

    def __lt__(self, other):
        Cmp.calls += 1
        return self.v < other.v


a = [Cmp(1), Cmp(2)]
print(a == a, Cmp.calls, [Cmp(1), Cmp(2)] == [Cmp(1), Cmp(2)], Cmp.calls)
Cmp.calls = 0
print([Cmp(1), Cmp(2)] < [Cmp(1), Cmp(3)], Cmp.calls)
print(Cmp(5) in [Cmp(4), Cmp(5)], [Cmp(1)].index(Cmp(1)), [Cmp(1), Cmp(1)].count(Cmp(1)))
for expr in (lambda: [1] < ["a"], lambda: [1, 2] < [1, "a"], lambda: (None,) < (None,),
             lambda: [1] < (1,), lambda: [{}] < [{}]):
    try:
        print(expr())
    except TypeError as e:
        print(type(e).__name__, e)
print([1, None] == [1, None], [None] < [None, 1], (1, 2, 3) > (1, 2), [] == [], () == (), [] == ())
[1, object()] < [1, object()]
