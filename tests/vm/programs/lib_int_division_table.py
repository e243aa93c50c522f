# Floor division and modulo identities over a grid of signs and magnitudes: a == (a // b) * b + a % b.
values = [-7, -3, -1, 0, 1, 3, 7, 10**20 + 3, -(10**20) - 3]
divisors = [-5, -2, -1, 1, 2, 5, 10**10, -(10**10)]
bad = 0
for a in values:
    row = []
    for b in divisors:
        q, r = a // b, a % b
        if q * b + r != a or (r and (r < 0) != (b < 0)) or divmod(a, b) != (q, r):
            bad += 1
        row.append(f"{q}r{r}")
    print(a, " ".join(row[:6]))
print("identity failures:", bad)
fvalues = [-7.5, -0.5, 0.0, 0.5, 7.5]
for a in fvalues:
    print(a, [(a // b, a % b) for b in (-2.0, -0.5, 0.5, 2.0)])
print(-7 // 2, -(7 // 2), int(-7 / 2), -7 % 2, 7 % -2, -0 % 5, 0 % -5, (-10**30) // 7, (-10**30) % 7)
print(5 // True, 5 % True, True // 2, -True % 3, 2**64 // -1, -(2**64) // -1, (2**64) % -3)
try:
    7 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    7 % 0.0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
divmod(10**20, 0)
