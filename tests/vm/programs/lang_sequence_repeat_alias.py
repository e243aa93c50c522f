# Repetition of sequences copies references: the classic [[0]*3]*3
# aliasing, and the comprehension that avoids it.
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid, grid[0] is grid[1])
safe = [[0] * 3 for _ in range(3)]
safe[0][0] = 1
print(safe, safe[0] is safe[1])
row = [[]] * 2
row[0].append("shared")
print(row)
t = ([],) * 2
t[0].append(1)
print(t)
s = "ab" * 2
print(s, [None] * 0, (0,) * 3, bytearray(b"x") * 2)
a = [1, 2]
b = a * 1
print(b == a, b is a)
n = 3
print([0] * n * 2, n * [1] + [2])
