# Shallow copies of lists and dicts: slicing, list(), copy(), * repetition aliasing, nested mutations.
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid, grid[0] is grid[1])
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)
orig = [[1, 2], [3, 4], "s", (5, [6])]
copies = [orig[:], list(orig), orig.copy(), [*orig], orig * 1]
for c in copies:
    print(c == orig, c is orig, c[0] is orig[0], c[3] is orig[3])
orig[0].append(99)
orig[3][1].append(7)
print(copies[0][0], copies[1][3])
orig.append("new")
print(len(orig), [len(c) for c in copies])
d = {"list": [1], "n": 1}
d2 = dict(d)
d3 = d.copy()
d4 = {**d}
d["list"].append(2)
d["n"] = 100
print(d2, d3, d4)
s = {1, 2}
s2 = set(s)
s2.add(3)
print(s, s2)
t = ([1], 2)
t2 = tuple(t)
print(t2 is t, t[0] is t2[0])
row = [None] * 3
table = [row] * 2
table[0][1] = "x"
print(table)
table2 = [list(row) for _ in range(2)]
table2[0][2] = "y"
print(table2, row)
nested = [[[]]] * 2
nested[0][0].append("deep")
print(nested)
empty = [] * 5
print(empty, [[]] * 0, [0] * 3 + [1] * 2)
orig[5]
