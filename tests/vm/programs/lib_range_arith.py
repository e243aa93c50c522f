# range arithmetic: lengths with negative steps, index/count, equality by value, slicing that yields ranges.
cases = [(0, 10, 3), (10, 0, -3), (-5, 5, 2), (5, -5, -2), (0, 0, 1), (0, 1, 10), (-1, -10, -1), (3, 3, -1)]
for args in cases:
    r = range(*args)
    print(args, len(r), list(r), r[0] if r else None, r[-1] if r else None, bool(r))
r = range(-10, 10, 4)
print(r.index(-2), r.count(2), r.count(3), -2 in r, 3 in r, 10 in r, r[1:-1], r[::-1], r[::3], r[5:1:-1])
print(range(0, 10, 2) == range(0, 9, 2), range(5, 5) == range(9, 2), range(1, 2) == range(1, 3, 5), range(3) == range(0, 3))
print(list(range(10)[2:8][1:4]), range(10)[2:8][1:4], range(100)[::10][::2])
print(sum(range(1, 101)), sum(range(0, 101, 2)), max(range(-5, 5, 3)), min(range(10, 0, -4)))
big = range(-(10**20), 10**20, 10**19)
print(len(big), big[3], big[-1], 0 in big, 10**19 in big, big.index(0), big[::-7])
for args in ((0, 10, 0), (1.0, 5), (1, 5, None)):
    try:
        print(range(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    range(10).index(11)
except ValueError as e:
    print(type(e).__name__, e)
print(range(4).count("x"), [] == list(range(0)), list(range(3)) * 2, tuple(range(3, 0, -1)))
range(10)[::0]
