# Pairing and transposing with zip/map/enumerate: matrix transpose, pairwise, chunking, dict inversion.
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
print(list(zip(*matrix)), [list(col) for col in zip(*matrix)])
print([sum(col) for col in zip(*matrix)], list(map(sum, matrix)), list(map(max, *matrix)))
seq = [3, 8, 2, 9, 4]
print(list(zip(seq, seq[1:])), [b - a for a, b in zip(seq, seq[1:])])
it = iter(range(10))
print(list(zip(*[it] * 3)))
data = list(range(11))
print([data[i:i + 4] for i in range(0, len(data), 4)])
colors = {"red": 1, "green": 2, "blue": 3}
print(dict(zip(colors.values(), colors.keys())), {v: k for k, v in colors.items()})
names, scores = ["a", "b", "c"], [90, 85, 77]
ranked = sorted(zip(scores, names), reverse=True)
print(ranked, [n for _, n in ranked], dict(enumerate(names, start=1)))
print(list(map(lambda p: p[0] * p[1], zip(range(5), range(5, 10)))), list(map(pow, range(4), [2] * 4)))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b, list(zip()), list(zip(*[])), list(zip([], [1])))
print(list(zip(range(3), "abc", strict=True)), any(x == y for x, y in zip("abc", "xbz")))
try:
    list(zip(range(3), "ab", strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip(*matrix, strict=True))[0])
list(zip([1], [1, 2], [1, 2], strict=True))
