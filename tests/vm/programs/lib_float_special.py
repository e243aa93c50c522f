# inf and nan: comparisons, arithmetic, containers, and float operation errors.
inf = float("inf")
nan = float("nan")
print(inf > 10**400, -inf < -(10**400), inf == inf, nan == nan, nan != nan, nan < 1, nan >= nan)
print(inf + 1, inf - inf, inf * 0, inf / inf, -inf * -1, 1 / inf, -1 / inf, inf ** 0, nan ** 0, 1 ** nan)
print(nan in [nan], [nan] == [nan], nan is nan, (nan,) == (nan,), {nan: 1}.get(nan), float("nan") in {nan})
x = float("nan")
print([x] == [x], x in [float("nan")], max(inf, nan), min(nan, inf), sorted([3, nan, 1]) [1:])
print(0.0 == -0.0, str(-0.0), 1 / inf == 0.0, repr(-1 / inf), (-0.0).__repr__(), abs(-0.0))
print(int(1e308 * 10 == inf), 1e308 * 10, -1e308 * 10, 2.0 ** 1023 * 2)
print(inf // 1, inf % 1 if False else "skip", divmod(5.5, inf), 5.5 % -inf, -5.5 % inf)
print(1e-320 / 10, 5e-324 / 2, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-15, 1e16 + 1 == 1e16)
print(float("inf") == 10**1000 if False else 10**1000 < inf, 10**1000 > -inf, (10**1000) == inf)
for expr in (lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: 0.0 ** -1,
             lambda: 10.0 ** 1000, lambda: (-8.0) ** 0.5, lambda: int(inf), lambda: int(nan),
             lambda: 2.0 ** 10000, lambda: 1e308 + 10**400, lambda: inf.__trunc__()):
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)
print(hash(inf), hash(-inf), hash(nan) == hash(nan) or "nan hashes differ", 0.5 == 1 / 2)
print(1.0 < 2**53 + 1, float(2**53) == 2**53 + 1, 2**53 + 1 > float(2**53), 1.5 > 1, 2 > 1.5)
print(10**30 == 1e30, 10**22 == 1e22, float(10**22) == 10**22)
1.0 / 0.0
