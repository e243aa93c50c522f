#!/usr/bin/env python3
"""Generated-vector test of minipy's cmath module (modules/cmathmodule.cpp).

Writes one program that calls every cmath function on: every pair of
special parts (the 7x7 grid of -inf, negative, -0.0, +0.0, positive, inf,
nan, with several finite values per class, so every entry of every
special-value table and every value-dependent case is reached); random
complex numbers from several scales (tiny, subnormal, near 1, near the
branch cuts, huge, beyond CM_LARGE_DOUBLE); ints, floats, objects with
__complex__/__float__/__index__ and wrong types. Each line is a result's
repr (a float's repr shows every bit; the sign of a zero is in it) or the
exception's type and message. The program runs under minipy and python3.11
in the same run; outputs must be identical line by line. Expectations come
only from python3.11.

Usage: test_cmath_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import cmath
inf, nan = float('inf'), float('nan')
ONE = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log', 'log10',
       'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'phase', 'polar', 'isfinite', 'isinf', 'isnan']

class C:
    def __init__(self, v): self.v = v
    def __complex__(self): return self.v
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 7

def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))

def all_of(z):
    for name in ONE:
        show(name, getattr(cmath, name), z)
'''

# Per class: values that reach the table entries and the value-dependent
# branches (sin/cos of the finite part change sign across quadrants).
CLASS_VALUES = {
    'ninf': ['-inf'], 'neg': ['-2.0', '-1.0', '-0.5', '-4.0', '-1e-310', '-1e308'],
    'nzero': ['-0.0'], 'pzero': ['0.0'], 'pos': ['2.0', '1.0', '0.5', '4.0', '1e-310', '1e308', '3.0'],
    'pinf': ['inf'], 'nan': ['nan'],
}


def rand_part(rng):
    k = rng.randrange(10)
    if k == 0:
        return repr(rng.uniform(-2, 2))
    if k == 1:
        return repr(rng.uniform(-1, 1) * 10.0 ** rng.randrange(-320, -300))   # subnormal range
    if k == 2:
        return repr(rng.choice([-1, 1]) * (1 + rng.uniform(-1e-9, 1e-9)))     # near +-1
    if k == 3:
        return repr(rng.uniform(-1, 1) * 10.0 ** rng.randrange(300, 309))     # beyond CM_LARGE_DOUBLE
    if k == 4:
        return repr(rng.uniform(-1, 1) * 10.0 ** rng.randrange(-20, 20))
    if k == 5:
        return repr(rng.uniform(700, 712) * rng.choice([-1, 1]))             # exp/cosh overflow edge
    if k == 6:
        return repr(rng.uniform(-1, 1) * 10.0 ** rng.randrange(150, 160))    # CM_SQRT_LARGE_DOUBLE
    if k == 7:
        return rng.choice(['0.0', '-0.0', '1.0', '-1.0', '1e-160', '-1e-160'])
    return repr(rng.uniform(-50, 50))


def main():
    ap = vectors.argument_parser(seed=20261127, cases=1500)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cmath_vectors.py")
        with open(path, "w") as f:
            f.write(PROGRAM_HEAD)
            classes = list(CLASS_VALUES)
            for cx in classes:
                for cy in classes:
                    for x in CLASS_VALUES[cx]:
                        for y in CLASS_VALUES[cy]:
                            if cx in ('ninf', 'pinf', 'nan') or cy in ('ninf', 'pinf', 'nan') or rng.random() < 0.3:
                                f.write("all_of(complex(%s, %s)); show('rect', cmath.rect, %s, %s)\n" % (x, y, x, y))
            for _ in range(args.cases):
                x, y = rand_part(rng), rand_part(rng)
                f.write("all_of(complex(%s, %s))\n" % (x, y))
                if rng.random() < 0.2:
                    f.write("show('rect', cmath.rect, %s, %s)\n" % (x, y))
                if rng.random() < 0.1:
                    f.write("show('logb', cmath.log, complex(%s, %s), %s)\n" % (x, y, rand_part(rng)))
                if rng.random() < 0.1:
                    f.write("show('isclose', cmath.isclose, complex(%s, %s), complex(%s, %s), rel_tol=%s)\n"
                            % (x, y, x, rand_part(rng), rng.choice(['1e-9', '0.5', '0.0', '1e-15'])))
            for v in ['0', '1', '-3', '10**400', '2.5', 'True', "'x'", 'None', 'C(1+2j)', 'C(3)', 'F()', 'I()',
                      '[1]', 'C(C(1))']:
                f.write("all_of(%s)\n" % v)
            for call in ["cmath.log(0, 2)", "cmath.log(8, 2)", "cmath.log(2, 1)", "cmath.log(1j, 0)",
                         "cmath.log(1, 2, 3)", "cmath.log()", "cmath.log(2, 'x')", "cmath.rect(1)",
                         "cmath.rect('a', 1)", "cmath.rect(2, I())", "cmath.isclose(1, 1.0000000001)",
                         "cmath.isclose(1, 1, abs_tol=-1)", "cmath.isclose(a=1, b=2, abs_tol=2)",
                         "cmath.isclose(1)", "cmath.isclose(inf, inf)", "cmath.isclose(complex(inf, 1), 1)",
                         "cmath.isclose(nan, nan)", "cmath.sqrt()", "cmath.sqrt(1, 2)",
                         "(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)",
                         "cmath.polar(complex(1e308, 1e308))", "cmath.exp(complex(1000, 0))",
                         "cmath.cosh(complex(-1000, 1))"]:
                f.write("show(%r, lambda: %s)\n" % (call, call))
        outs = vectors.run_both(path, args.python, args.minipy)
    return vectors.report(outs, lambda out, diffs: "cmath vectors: %d calls (%d errors; seed %d), %d differ" % (len(out), sum(1 for line in out if "Error" in line), args.seed, len(diffs)))


if __name__ == "__main__":
    sys.exit(main())
