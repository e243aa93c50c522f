# ** with ints and floats: exact integer results, negative exponents to floats, fractional powers, overflow.
for base in (2, -2, 3, 10, -1, 0, 1):
    print(base, [base ** e for e in (0, 1, 2, 3, 10)], [base ** -e if base else "-" for e in (1, 2)])
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3), (-8) ** (1 / 3), 10 ** -2, 2.0 ** -1074, 2.0 ** -1075)
print(1.5 ** 2, (-1.5) ** 3, 0.0 ** 0.0, 1.0 ** float("inf"), float("inf") ** 0, (-1.0) ** float("inf"))
print(2 ** 100, (-2) ** 101, 7 ** 50 % 1000, pow(7, 50, 1000), 3 ** 3 ** 2, (3 ** 3) ** 2, -3 ** 2, (-3) ** 2)
print(type(2 ** 2).__name__, type(2 ** -2).__name__, type(2.0 ** 2).__name__, type((-8) ** (1 / 3)).__name__)
print(10 ** 20 == 1e20, 10 ** 22 == 1e22, 10 ** 23 == 1e23, 2 ** 1023 * 2 == 2 ** 1024)
for expr in (lambda: 10.0 ** 309, lambda: 2 ** 1024 * 1.0, lambda: 0 ** -2, lambda: 0.0 ** -2.0,
             lambda: (-2.0) ** 1e300 if False else (-1e300) ** 1.5, lambda: pow(2, 10000, 0), lambda: 1e200 ** 2):
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)
x = 2
x **= 10
y = 2.0
y **= -2
print(x, y, pow(2, 3) == 2 ** 3, pow(2.0, 3) == 8, pow(-2, 2) == 4)
print(1e308 * 10 == float("inf"), 2 ** 62 + 2 ** 62 == 2 ** 63, (2 ** 64) ** 0.5 == 2 ** 32)
print(2 ** -1074 == 5e-324, 0.5 ** 1075, (1 + 1e-16) ** 1e16)
10.0 ** 400
