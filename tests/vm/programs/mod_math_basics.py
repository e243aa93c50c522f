# math: results, reprs and errors of the math module (compared with python3.11).
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log2(1024), math.log10(0.001))
print(math.sin(math.pi / 6), math.cos(0.0), math.tan(1.0), math.atan2(-0.0, -1.0))
print(math.gamma(0.5) ** 2, math.lgamma(100.0), math.erf(0.5), math.erfc(3.0))
print(math.floor(-2.5), math.ceil(2.1), math.trunc(-7.9), type(math.floor(3.0)).__name__)
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]))
print(math.hypot(3, 4), math.hypot(*range(10)), math.dist([0, 0], [3, 4]))
print(math.factorial(25), math.comb(52, 5), math.perm(6), math.perm(6, 2))
print(math.isqrt(2 ** 200 + 12345), math.gcd(2 ** 100, 6 ** 40), math.lcm(12, 18, 30))
print(math.log(2 ** 5000), math.log10(10 ** 300 * 7))
print(math.frexp(-0.0), math.frexp(1e-310), math.ldexp(1.0, -1074), math.modf(math.inf))
print(math.copysign(3, -0.0), math.fabs(-4), math.remainder(5.0, 2.0), math.fmod(-7, 3))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-12, 0, abs_tol=1e-9), math.isnan(math.nan))
print(math.prod(range(1, 11)), math.prod([0.5, 4], start=3), math.prod([]))
print(math.nextafter(0.0, 1.0), math.ulp(2.0 ** 52), math.cbrt(-8), math.exp2(-1074))
print(math.degrees(math.pi), math.radians(180))


class Angle:
    def __init__(self, v):
        self.v = v

    def __float__(self):
        return self.v

    def __floor__(self):
        return "floored"


print(math.sqrt(Angle(16.0)), math.floor(Angle(1.5)))

for expr in ["math.sqrt(-1)", "math.log(0)", "math.exp(1000)", "math.factorial(-3)",
             "math.factorial(2.0)", "math.comb(3, -1)", "math.fsum([math.inf, -math.inf])",
             "math.pow(0.0, -1)", "math.ldexp(1.0, 2.5)", "math.trunc('x')", "math.sqrt('x')",
             "math.isclose(1, 2, rel_tol=-0.5)", "math.gamma(-2)", "math.dist([1], [1, 2])",
             "math.isqrt(-4)", "math.floor(math.nan)", "math.ceil(math.inf)", "math.log(2, 1)"]:
    try:
        print(expr, "->", eval(expr))
    except Exception as exc:
        print(expr, "->", type(exc).__name__, exc)
