# Float corner cases: repr round-trip, inf/nan arithmetic and comparisons,
# signed zero, integer conversion errors, precision limits.
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1e16 + 1, 1e-7, 1e22, 1e16, 123456789012345678.0)
print(repr(1.0), repr(-0.0), str(1e100), 2.5e-324 > 0, 5e-324 / 2)
inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, inf - inf, inf * 0, 1 / inf, inf > 1e308, -inf < -1e308)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf == inf, [nan] == [nan])
print(float("-0.0"), -0.0 == 0.0, str(-0.0), (-0.0).__repr__(), 0.0 * -1)
print(float("1e500"), float("-1e500"), float(" 12.5 "), float("1_0.5"), float("InFiNiTy"))
print(1.5.is_integer(), 2.0.is_integer(), (0.5).as_integer_ratio(), (-0.75).as_integer_ratio())
print(int(3.99), int(-3.99), round(2.675, 2), round(0.5), round(1.5), round(-0.5))
print(7.0 // 2, -7.0 // 2, 7.0 % -3, -7.0 % 3, divmod(7.5, 2))
print(float.fromhex("0x1.8p1"), (3.0).hex(), 1e308 * 10, -1e308 * 10)
print(max(1.0, nan), min(nan, 1.0), abs(-inf), 2 ** 0.5, (-8) ** (1 / 3))
for thunk, label in [(lambda: int(inf), "int(inf)"), (lambda: int(nan), "int(nan)"),
                     (lambda: 1.0 / 0, "1.0/0"), (lambda: 1.0 % 0, "1.0%0"),
                     (lambda: float("abc"), "float('abc')"), (lambda: 10.0 ** 400, "10.0**400"),
                     (lambda: (-1.0) ** 0.5, "(-1.0)**0.5"), (lambda: inf.as_integer_ratio(), "inf ratio")]:
    try:
        print(label, "=", thunk())
    except (OverflowError, ValueError, ZeroDivisionError) as e:
        print(label, type(e).__name__, e)
print(sum([0.1] * 10), 0.1 * 10, 1 - 0.9)
print(hash(1.0) == hash(1), hash(-0.0) == hash(0.0), 1.0 in {1}, float(2 ** 53 + 1))
print(f"{1e-5} {1e-4} {1e15} {1e16} {123.456e-10}")
