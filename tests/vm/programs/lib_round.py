# round(): banker's rounding, ndigits (negative too), ints, floats and errors.
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 0), round(3.14159, 1), round(3.14159, 4), round(1234.5678, -2))
print(round(15, -1), round(25, -1), round(-25, -1), round(14, -1), round(1234, -5))
print(round(10**30 + 5 * 10**9, -10))
print(round(7), round(7, 2), round(7, None), type(round(7.0)), type(round(7.0, 0)))
print(round(1e300, -299), round(1.5e-320, 320) > 0)
print(round(True), round(False, 3), type(round(True)))
print(round(-0.0), round(-0.0, 1), round(0.4999999999999999))


class Roundable:
    def __round__(self, ndigits=None):
        return ("rounded", ndigits)


print(round(Roundable()), round(Roundable(), 3))

for args in [(float("inf"),), (float("nan"),), ("1.5",), (1.5, 1.5), (1.5, "2"), (None,)]:
    try:
        print(round(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(round(float("inf"), 2), round(float("nan"), 1))
print(round(123.456, -1), round(123.456, -2), round(123.456, -3))
print(round(5e-324, 400), round(1.23456789e10, -5))
round(float("-inf"))
