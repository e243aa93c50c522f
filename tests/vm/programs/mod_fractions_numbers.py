# fractions.Fraction and the numbers ABCs: construction from ints, strings,
# floats and Fractions; arithmetic mixed with int/float/complex; comparisons;
# hashing equal to int/float hashes; rounding; limit_denominator; errors.
import math
import copy
import numbers
from fractions import Fraction as F

print(F(10, -8), F(F(1, 7), 5), F(F(1, 7), F(2, 3)), F("314"), F("-35/4"), F("3.1415"), F("-47e-2"))
print(F(1.47), F(2.25), F(), F(7), F(" 1_000/3 "), F("1e3"), F(".5"), F("5."), F("+2.5E+2"), F("-0"))
print(repr(F(1, 3)), str(F(1, 3)), str(F(4, 2)), F(3, 9).numerator, F(3, 9).denominator)
for bad in ["", "1/", "/2", "1/2/3", "abc", "1.2.3", "1__0", "1 /2", "e5", "1e", "_1", "1/0x"]:
    try:
        F(bad)
    except ValueError as e:
        print("ValueError:", e)
for args in [(1, 0), ("1/0",), (1.5, 2), (None,), ([1],), (float("nan"),), (float("inf"),)]:
    try:
        print(F(*args))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__ + ":", e)

a, b = F(1, 3), F(3, 4)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(b, a), a ** 2, a ** -2, (-a) ** -3, b ** F(1, 2))
print(a + 1, 1 + a, a - 1, 2 - a, a * 3, 3 * a, a / 2, 2 / a, 7 // a, 7 % b, 2 ** F(3), 2 ** F(-1, 1), 4 ** F(1, 2))
print(a + 0.5, 0.5 + a, a * 1j, 1j - a, a ** 0.5, -a, +a, abs(F(-5, 2)), F(-7, 2) // 1, F(-7, 2) % 2)
print(a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, F(2) == 2, F(1, 2) == 0.5 + 0j, a != b, a < b, b <= a, a > 0.3, a >= 1)
print(F(1, 2) < float("inf"), F(1, 2) == float("nan"), F(1, 2) > float("-inf"), sorted([F(3, 2), 1, 0.75, F(-1)]))
print(hash(F(1, 2)) == hash(0.5), hash(F(5)) == hash(5), hash(F(-1)) == hash(-1), hash(F(1, 3)) == hash(F(2, 6)))
print({F(1, 2): "x"}[0.5], len({F(3, 1), 3, 3.0}))
print(math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)), int(F(-7, 2)), float(F(1, 8)), complex(F(1, 2)))
print(round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1, 3), 2), round(F(12345, 1), -2), round(F(1, 3), 0))
print(F("3.141592653589793").limit_denominator(10), F("3.141592653589793").limit_denominator(100),
      F(4321, 8765).limit_denominator(10000), F(1, 3).limit_denominator(2), F(-10, 7).limit_denominator(3))
try:
    F(1, 3).limit_denominator(0)
except ValueError as e:
    print("ValueError:", e)
print(F.from_float(0.1), F.from_float(3), F(3, 4).as_integer_ratio(), bool(F(0)), bool(F(1, 9)))
try:
    F.from_float("x")
except TypeError as e:
    print("TypeError:", e)
print(copy.copy(a) is a, copy.deepcopy(a) is a, a.__reduce__())
class MyF(F):
    pass
m = MyF(1, 2)
print(repr(m), type(m + 1).__name__, type(+m).__name__, copy.copy(m) == m, type(copy.copy(m)).__name__)
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    a < "x"
except TypeError as e:
    print("TypeError:", e)

print([isinstance(x, numbers.Number) for x in (1, 1.0, 1j, F(1), "1", True)])
print([isinstance(x, numbers.Integral) for x in (1, 1.0, F(1), True)], [isinstance(x, numbers.Rational) for x in (1, 1.0, F(1))])
print([isinstance(x, numbers.Real) for x in (1, 1.0, 1j, F(1))], [isinstance(x, numbers.Complex) for x in (1, 1.0, 1j)])
print(issubclass(F, numbers.Rational), issubclass(bool, numbers.Integral), numbers.Number.__hash__)
print(sorted(numbers.Integral.__abstractmethods__))
print(sorted(numbers.Complex.__abstractmethods__))
class MyInt(numbers.Integral):
    pass
try:
    MyInt()
except TypeError as e:
    print("TypeError:", str(e)[:60])
print(numbers.Real.real.__doc__, numbers.Integral.__index__.__qualname__, numbers.Complex.__add__.__qualname__)
