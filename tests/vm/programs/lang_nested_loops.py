# Loop control in nested loops: break and continue affect only the
# innermost loop; flags, for/else and exceptions to leave several loops.
grid = [[1, 2, 3], [4, 0, 6], [7, 8, 9]]
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v == 0:
            print("zero at", r, c)
            break
        if v % 2 == 0:
            continue
        print("odd", v)
    else:
        print("row", r, "had no zero")
        continue
    print("after break in row", r)

class Found(Exception):
    pass

try:
    for i in range(10):
        for j in range(10):
            if i * j == 42:
                raise Found((i, j))
except Found as f:
    print("found", f.args[0])

def first_pair(target):
    for i in range(5):
        for j in range(5):
            if i + j == target:
                return i, j
    return None

print(first_pair(7), first_pair(100))
pairs = []
i = 0
while i < 4:
    j = 0
    while True:
        if j > i:
            break
        if (i + j) % 2:
            j += 1
            continue
        pairs.append((i, j))
        j += 1
    i += 1
print(pairs)
count = 0
for a in range(3):
    for b in range(3):
        for c in range(3):
            if c > b:
                break
            count += 1
print(count)
for x in range(3):
    for x in range(10, 12):
        pass
print("loop variable rebound by inner loop:", x)
