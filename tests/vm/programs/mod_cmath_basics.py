# cmath: complex elementary functions, branch cuts, special values, errors.
import cmath

inf, nan = float("inf"), float("nan")
for z in [1 + 2j, -3.5 + 0j, complex(-3.5, -0.0), 0j, 1j, -1j, 2, 0.5, complex(1e308, 1e308), complex(1e-310, 5e-320)]:
    print(z, cmath.sqrt(z), cmath.exp(z) if abs(z) < 700 else "-", cmath.log(z) if z else "-")
    print("  ", cmath.acos(z), cmath.asinh(z), cmath.atan(z) if z not in (1j, -1j) else "-")
    print("  ", cmath.sin(z) if abs(z) < 700 else "-", cmath.tanh(z), cmath.phase(z), cmath.polar(z))

print(cmath.rect(2, cmath.pi / 3), cmath.rect(1, -0.0), cmath.rect(-inf, 1.0), cmath.rect(0.0, inf))
print(cmath.log(8, 2), cmath.log10(1000), cmath.log(-1), cmath.log(1j, 1j))
print(cmath.exp(complex(inf, 2)), cmath.exp(complex(-inf, 2)), cmath.cosh(complex(inf, -1)), cmath.tanh(complex(-inf, 3)))
print(cmath.sqrt(complex(-inf, nan)), cmath.acos(complex(inf, nan)), cmath.atanh(complex(nan, inf)))
print(cmath.isfinite(1 + 1j), cmath.isinf(complex(inf, 0)), cmath.isnan(complex(0, nan)))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(inf, inf))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)


class Number:
    def __complex__(self):
        return 3 - 4j


print(cmath.sqrt(Number()), cmath.polar(Number()))

for bad in [lambda: cmath.log(0), lambda: cmath.atanh(1), lambda: cmath.exp(1000), lambda: cmath.cosh(complex(2, inf)),
            lambda: cmath.sqrt("x"), lambda: cmath.log(2, 1), lambda: cmath.rect(1, inf),
            lambda: cmath.isclose(1, 2, abs_tol=-1), lambda: cmath.phase(complex(1e308, 1e-310)),
            lambda: cmath.polar(complex(1e308, 1e308))]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
