# Mixed int/float/complex/bool arithmetic: result types, floor division and modulo signs, comparisons.
pairs = [(7, 2), (-7, 2), (7, -2), (7.0, 2), (-7.5, 2), (7, -2.5), (True, 2), (0, 3), (-0.0, 3)]
for a, b in pairs:
    print(repr(a), repr(b), a / b, a // b, a % b, type(a // b).__name__, a ** 2)
print(1 + 1.0, type(1 + True).__name__, 1 + 1j, type(2 * 1.0).__name__, 10 / 5, type(10 / 5).__name__)
print(2 ** -1, (-2) ** 2, -2 ** 2, 2 ** 0.5 == 2 ** (1 / 2), (-8) ** (1 / 3) == (-8) ** (1 / 3), 0 ** 0)
print(1 == 1.0 == 1 + 0j, 1 < 1.5 < 2, 2**63 > 9.2e18, 2**1000 > 1e300, -(2**1000) < -1e300)
print(9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0, 0.1 + 0.2 == 0.3)
print(int(2.9), int(-2.9), round(2.9), round(-2.9), 7 // 2.0, -7 // 2.0, 7 % -3.0, 1e300 // 1e-300)
print(divmod(-7, 3), divmod(7, -3), divmod(-7.0, 3), -7 % 3, 7 % -3, -0.0 % 5, 5 % -0.5)
print(abs(-7 // 2), -(7 // 2), (-7) // 2, -7 // 2, 3 * 1.1, 1.1 * 3, 0.1 * 3)
print(True / True, False * 3.5, True + 1j, 1 - True, type(True * 1.0).__name__)
print(10**20 / 10**10, 10**20 // 10**10, (10**20 + 1) / 1, 2**53 + 1.0, int(2**53 + 1.0))
for expr in (lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 // 0, lambda: 5 % 0.0, lambda: 0 ** -1,
             lambda: 2 ** 10000 * 1.0, lambda: 1j // 1, lambda: 1 < 1j):
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)
x = 10
x //= 3
x **= 3
x %= 7
x /= 2
print(x, type(x).__name__)
y = 5
y -= 2.5
y *= 2j
print(y)
-7 // 0
