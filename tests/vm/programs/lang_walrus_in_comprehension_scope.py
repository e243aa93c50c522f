# := inside nested comprehensions and lambdas binds in the nearest
# function (or module) scope, never the comprehension's own scope.
def nested():
    rows = [[1, 2], [3, 4]]
    flat = [last := v for row in rows for v in row]
    return flat, last

print(nested())

def running_max(values):
    best = float("-inf")
    return [best := max(best, v) for v in values], best

print(running_max([3, 1, 4, 1, 5, 9, 2]))
matrix = [[(cell := r * c) for c in range(3)] for r in range(3)]
print(matrix, cell)

def in_genexpr():
    seen = None
    total = sum(seen := x for x in range(5))
    return total, seen

print(in_genexpr())

def filtering(data):
    return [y for x in data if (y := x * 2) > 4], y

print(filtering([1, 2, 3, 4]))
f = lambda: (z := 10) + z
print(f())
try:
    z
except NameError as e:
    print("NameError:", e)
