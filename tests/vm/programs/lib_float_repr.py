# float repr/str: shortest round-trip, exponents, special values, float() parsing.
values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e15, 1e16, 1.5e16, 123456789012345678.0, 1e-4, 1e-5,
          0.00001234, 5e-324, 1.7976931348623157e308, -0.0, 100.0, 1e22, 1e23, 2.5, 9007199254740993.0]
for v in values:
    print(repr(v), str(v), v == float(repr(v)))
print(float("1.5"), float("  -2.5e3 "), float("1_000.5"), float(".5"), float("5."), float("1e-3"))
print(float("inf"), float("-Infinity"), float("nAn"), float("+inf"), float(" \t1\n"), float(b"2.5"))
print(float(10), float(True), float(2**60), float(-(2**53) - 1), float("1e400"), float("-1e400"), float("1e-400"))
print(float("\u0661.\u0662"), float("0x10".replace("0x", "")), float(), float(" 0E0 "))
for text in ("", "1.5.2", "abc", "1e", "--1", "1_", "_1", "in f", "0x10", "1,5", "nan(1)"):
    try:
        print(float(text))
    except ValueError as e:
        print(type(e).__name__, e)
for value in (None, [1.0], 1j):
    try:
        print(float(value))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    float(10**400)
except OverflowError as e:
    print(type(e).__name__, e)


class F:
    def __float__(self):
        return 4.5


class I:
    def __index__(self):
        return 7


class Bad:
    def __float__(self):
        return 1


print(float(F()), float(I()))
float(Bad())
