# round(float, ndigits): correctly rounded decimal results, ties, huge and tiny ndigits, result types.
vals = [2.675, 2.665, 0.125, 0.135, 1.0005, 5.5, 6.5, -5.5, 1e-10, 123456.789, 0.5e-3, 9.995]
for v in vals:
    print(repr(v), [round(v, n) for n in (-2, -1, 0, 1, 2, 3)])
print(round(1.23456789, 10), round(1.5, 100), round(1e-300, 300), round(1e300, -300), round(1e308, -308))
print(round(0.0, 5), round(-0.0, 5), round(-0.4), round(-0.5), round(-0.6), type(round(2.5, None)).__name__)
print(round(123.456, -400), round(123.456, 400), round(-123.456, -400), round(5e-324, 323), round(5e-324, 324))
print([round(x / 10) for x in range(-25, 26, 5)])
print([round(x / 100, 1) for x in range(0, 100, 15)])
print(round(2**60 + 0.0, -3), round(float(2**53), -1))
try:
    round(1.5, 2**63)
except OverflowError as e:
    print(type(e).__name__, e)
print(round(1.5, 2**62) if False else round(1.5, -(2**31)))
print(round(float("inf"), 3), round(float("-inf"), -3), round(float("nan"), 0))
round(1e300 * 10)
