# sum() of floats and mixed numbers: accumulation order, start values, precision vs a naive loop.
vals = [0.1] * 10
print(sum(vals), sum(vals) == 1.0, sum(vals, 0.0), sum(vals, 1), sum(reversed(vals)))
print(sum([1e100, 1.0, -1e100]), sum([1.0, 1e100, -1e100]), sum([1e16, 1.0, 1.0]), sum([1.0, 1.0, 1e16]))
naive = 0.0
for v in vals:
    naive += v
print(naive == sum(vals), naive)
print(sum([1, 2, 3.5]), sum([2**60, 0.5]), sum([0.5, 2**60]), sum([True, 0.5]), sum([], 0.0), type(sum([], 0.0)).__name__)
print(sum(x / 3 for x in range(10)), sum([float("inf"), 1]), sum([float("inf"), float("-inf")]))
print(sum([1j, 0.5]), sum([0.5, 1j]), sum(range(10), 0.0), sum([-0.0]), sum([-0.0], -0.0), sum([], -0.0))
print(sum([10**20, 0.5, -10**20]), sum([10**400, -10**400, 0.5]))
try:
    sum([10**400, 0.5])
except OverflowError as e:
    print(type(e).__name__, e)
try:
    sum([0.5, "x"])
except TypeError as e:
    print(type(e).__name__, e)
sum([1.5], "start")
