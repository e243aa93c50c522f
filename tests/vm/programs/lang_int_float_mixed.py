# Mixed int/float arithmetic: true division always gives float, floor
# division and modulo keep types, comparisons between int and float are
# exact even for huge ints.
print(7 / 2, 6 / 3, type(6 / 3).__name__, 7 // 2, 7.0 // 2, type(7.0 // 2).__name__)
print(7 % 2.5, -7 % 2.5, 2 ** 0.5, 4 ** 0.5, 2 ** -2, type(2 ** 2).__name__)
big = 2 ** 53 + 1
print(big == float(big), big > float(2 ** 53), float(big), int(float(big)))
print(10 ** 20 == 1e20, 10 ** 23 == 1e23, 10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(1 == 1.0, hash(1) == hash(1.0), 0.5 + 1, True + 0.5, round(7 / 3, 4))
print(max(1, 2.0), min(3.0, 3), sorted([3, 1.5, 2, 0.5]), sum([1, 0.5, 0.25]))
print(divmod(7, 2.0), divmod(-7.5, 2), abs(-3), abs(-3.0), pow(2, 0.5) == 2 ** 0.5)
try:
    10 ** 400 * 1.0
except OverflowError as e:
    print("OverflowError:", e)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 / 10 ** 398, (10 ** 400) // 1e300 if False else "skip", 1 / 3 * 3 == 1)
