#!/usr/bin/env python3
"""Generated-vector test of minipy's math module (modules/mathmodule.cpp).

Builds thousands of calls of every math function on random and edge inputs
(infinities, nans, signed zeros, subnormals, the largest float, huge and
negative ints, wrong types), writes them into one program, runs the program
under minipy and under python3.11 in the same run, and compares the outputs
line by line: each line is the repr of a result, or the exception's type and
message. Expectations come only from python3.11.

Usage: test_math_vectors.py --minipy BUILD/minipy [--python python3.11]
       [--seed N] [--keep DIR]
Exit status 0 when every case is identical; the differing cases are listed.
Book chapter 12; issue 10.
"""
import os
import random
import struct
import subprocess
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

SPECIAL_FLOATS = [
    "0.0", "-0.0", "1.0", "-1.0", "0.5", "-0.5", "2.0", "-2.0", "3.0", "10.0", "0.1", "1e-300", "-1e-300",
    "1e300", "-1e300", "5e-324", "-5e-324", "2.2250738585072014e-308", "1.7976931348623157e+308",
    "-1.7976931348623157e+308", "float('inf')", "float('-inf')", "float('nan')", "710.0", "-745.5",
    "171.5", "-171.5", "1e16", "4503599627370496.5", "0.9999999999999999", "1.0000000000000002",
    "-20.5", "200.5", "-200.5", "1e-20", "-1e-21",
]
SPECIAL_INTS = ["0", "1", "-1", "2", "7", "-7", "10**400", "-10**400", "2**1023", "2**1024", "2**53+1", "True", "False"]


def rand_float(rng):
    """A float from one of several distributions, as a source literal."""
    kind = rng.randrange(6)
    if kind == 0:
        x = rng.uniform(-1, 1)
    elif kind == 1:
        x = rng.uniform(-30, 30)
    elif kind == 2:
        x = rng.uniform(-800, 800)
    elif kind == 3:  # any finite bit pattern
        while True:
            x = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
            if x == x and abs(x) != float("inf"):
                break
    elif kind == 4:
        x = rng.uniform(0, 1) * 10.0 ** rng.randrange(-320, 308)
    else:
        x = float(rng.randrange(-50, 200)) + rng.choice([0.0, 0.5, 0.25, 1e-9])
    return repr(x)


def rand_int(rng, bits=200):
    n = rng.getrandbits(rng.randrange(1, bits))
    return str(n if rng.random() < 0.8 else -n)


def floats(rng, n):
    return SPECIAL_FLOATS + [rand_float(rng) for _ in range(n)]


def make_cases(rng):
    """(function name, argument source text) pairs."""
    cases = []
    one_arg = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "cos", "cosh", "erf", "erfc", "exp",
               "exp2", "expm1", "fabs", "gamma", "lgamma", "log1p", "sin", "sinh", "sqrt", "tan", "tanh",
               "degrees", "radians", "isfinite", "isnan", "isinf", "frexp", "modf", "ulp", "log", "log2",
               "log10", "floor", "ceil", "trunc"]
    for name in one_arg:
        for x in floats(rng, 120):
            cases.append((name, x))
        for x in SPECIAL_INTS:
            cases.append((name, x))
        cases.append((name, "'x'"))
    # gamma/lgamma around the poles and in the Lanczos range.
    for name in ("gamma", "lgamma"):
        for _ in range(200):
            cases.append((name, repr(rng.uniform(-180, 180))))
        for k in range(-30, 30):
            cases.append((name, repr(k + 0.5)))
    for name in ("log", "log2", "log10"):
        for _ in range(60):
            cases.append((name, rand_int(rng, 3000)))
    two_arg = ["atan2", "copysign", "remainder", "fmod", "pow", "nextafter", "log", "hypot", "isclose"]
    pair_pool = SPECIAL_FLOATS[:24] + ["3", "-2"]
    for name in two_arg:
        for a in pair_pool:
            for b in pair_pool:
                cases.append((name, a + ", " + b))
        for _ in range(150):
            cases.append((name, rand_float(rng) + ", " + rand_float(rng)))
    for _ in range(100):  # remainder/fmod near ties
        y = rng.choice([1.0, 2.0, 0.5, 3.0, 1e-310, 7.0])
        x = y * rng.randrange(-40, 40) / 2.0
        cases.append(("remainder", "%r, %r" % (x, y)))
        cases.append(("fmod", "%r, %r" % (x, y)))
    for _ in range(200):
        x = rng.choice([rng.uniform(-10, 10), rng.uniform(-2, 2), float(rng.randrange(-5, 5))])
        y = rng.choice([float(rng.randrange(-400, 400)), rng.uniform(-50, 50), 0.5, -0.5])
        cases.append(("pow", "%r, %r" % (x, y)))
    # ldexp
    for x in floats(rng, 40):
        for i in ["0", "1", "-1", "1023", "1024", "-1074", "-1075", "10**30", "-10**30", "2.0", "True"]:
            cases.append(("ldexp", x + ", " + i))
    # isclose with tolerances and keyword errors
    for _ in range(150):
        a = rng.uniform(-10, 10)
        b = a * (1 + rng.choice([1e-12, 1e-9, 1e-8, 1e-6, 0.0, -1e-10]))
        cases.append(("isclose", "%r, %r, rel_tol=%r" % (a, b, rng.choice([1e-9, 1e-7, 0.0]))))
        cases.append(("isclose", "%r, %r, abs_tol=%r" % (a, b, rng.choice([1e-9, 1e-12, 0.0]))))
    cases += [("isclose", "1.0"), ("isclose", "1, 2, 3"), ("isclose", "1, 2, rel_tol=-1"),
              ("isclose", "1, 2, foo=1"), ("isclose", "a=1, b=1.0"), ("isclose", "1, a=1"),
              ("isclose", "float('inf'), float('inf')"), ("isclose", "float('nan'), float('nan')")]
    # hypot / dist in several dimensions
    for _ in range(300):
        n = rng.randrange(0, 7)
        scale = 10.0 ** rng.randrange(-310, 305)
        coords = [repr(rng.uniform(-1, 1) * scale) for _ in range(n)]
        cases.append(("hypot", ", ".join(coords)))
        q = [repr(rng.uniform(-1, 1) * scale) for _ in range(n)]
        cases.append(("dist", "[%s], (%s)" % (", ".join(coords), "".join(c + ", " for c in q))))
    cases += [("hypot", "1, float('inf'), float('nan')"), ("hypot", "float('nan'), 2"), ("hypot", "'a'"),
              ("hypot", "3, 4"), ("hypot", "10**400"), ("dist", "(1,), (1, 2)"), ("dist", "1, 2"),
              ("dist", "[1, 2]"), ("dist", "[1.5, 'a'], [1, 2]"), ("dist", "[], []")]
    # fsum
    for _ in range(300):
        n = rng.randrange(0, 30)
        terms = []
        for _ in range(n):
            e = rng.randrange(-60, 60)
            terms.append(repr(rng.uniform(-1, 1) * 2.0 ** e))
            if rng.random() < 0.3:
                terms.append(repr(-float(terms[-1])))
        cases.append(("fsum", "[" + ", ".join(terms) + "]"))
    cases += [("fsum", "[1e308, 1e308]"), ("fsum", "[float('inf'), float('-inf')]"),
              ("fsum", "[float('inf'), 1.0, float('inf')]"), ("fsum", "[float('nan'), 1.0]"),
              ("fsum", "[1e-16, 1, 1e16]"), ("fsum", "[1, 'a']"), ("fsum", "1"), ("fsum", "[1e308, -1e308, 1e308]"),
              ("fsum", "[10**400]"), ("fsum", "[0.1]*10"), ("fsum", "iter([2**53, 1, 1e-16])"),
              ("fsum", "[1.7976931348623157e+308, 9.979201547673598e+291]")]
    # prod
    for _ in range(150):
        items = [rng.choice([rand_int(rng, 40), rand_float(rng), "True", "0.5"]) for _ in range(rng.randrange(0, 8))]
        start = rng.choice(["", ", start=2", ", start=0.5", ", start=-3"])
        cases.append(("prod", "[" + ", ".join(items) + "]" + start))
    cases += [("prod", ""), ("prod", "[1], 2"), ("prod", "[1], start=2, x=1"), ("prod", "[1, 2], start=[]"),
              ("prod", "[[1]], start=3"), ("prod", "iterable=[1]"), ("prod", "['a', 2]"), ("prod", "5")]
    # integer functions
    for _ in range(150):
        cases.append(("factorial", str(rng.randrange(0, 400))))
    cases += [("factorial", x) for x in ["-1", "0", "1", "20", "21", "5.0", "10**30", "-10**30", "True", "'a'"]]
    for _ in range(300):
        n = rng.choice([rng.randrange(0, 80), rng.randrange(0, 600), 10 ** rng.randrange(1, 40)])
        k = rng.choice([rng.randrange(0, 60), rng.randrange(0, 10), n - rng.randrange(0, 10), n + 1])
        cases.append(("comb", "%d, %d" % (n, k)))
        if n < 1000 or k < 100 or k > n:  # perm(n, k) has about k*log2(n) bits
            cases.append(("perm", "%d, %d" % (n, k)))
    cases += [("comb", a) for a in ["5", "-1, 2", "5, -1", "-1, -1", "10**30, 10**25", "5, 'a'", "5.0, 2", "True, 1",
                                    "10**30, 10**30 - 3", "0, 0"]]
    cases += [("perm", a) for a in ["5", "5, None", "-1, 2", "5, -1", "5, 10**30", "10**30, 10**25", "5.0",
                                    "0", "-3", "1, 2, 3", ""]]
    for _ in range(200):
        cases.append(("isqrt", str(rng.getrandbits(rng.randrange(1, 2000)))))
    cases += [("isqrt", x) for x in ["0", "1", "2", "3", "4", "-1", "1.5", "2**64", "2**64-1", "True", "10**400"]]
    for name in ("gcd", "lcm"):
        for _ in range(150):
            cases.append((name, ", ".join(rand_int(rng, rng.choice([20, 70, 300])) for _ in range(rng.randrange(0, 5)))))
        cases += [(name, a) for a in ["", "0", "-5", "0, 0", "1.5", "4, 1.5", "1, 'a'", "0, 5, 7", "True, 4"]]
    # floor/ceil/trunc with user classes and ints
    cases += [("floor", a) for a in ["10**30", "-10**30 - 1", "2.5", "-2.5", "5", "float('inf')", "float('nan')",
                                     "Floors()", "1e300", "'a'"]]
    cases += [("ceil", a) for a in ["10**30", "-2.5", "Floors()", "float('-inf')"]]
    cases += [("trunc", a) for a in ["10**30", "-2.7", "Floors()", "'a'", "[]"]]
    # wrong argument counts
    cases += [("sqrt", ""), ("sqrt", "1, 2"), ("pow", "1"), ("log", ""), ("log", "1, 2, 3"), ("atan2", "1"),
              ("copysign", ""), ("remainder", "1"), ("nextafter", "1"), ("ulp", ""), ("ldexp", "1"), ("modf", "1, 2"),
              ("factorial", ""), ("gcd", "x=1"), ("sqrt", "x=1"), ("hypot", "x=1"), ("log", "10**400, 0"),
              ("log", "2, 1"), ("log", "0, 2"), ("log", "8, 2"), ("log", "100, 10"), ("log", "10**400, 10**200")]
    return cases


PROGRAM_HEAD = '''import math

class Floors:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"

def run(name, thunk):
    try:
        r = thunk()
        print(name, repr(r))
    except Exception as e:
        print(name, type(e).__name__ + ":", e)

'''


def write_program(cases, path):
    with open(path, "w") as f:
        f.write(PROGRAM_HEAD)
        for name, args in cases:
            f.write("run(%r, lambda: math.%s(%s))\n" % (name, name, args))


def run(cmd, path):
    p = subprocess.run(cmd + [path], capture_output=True, text=True, timeout=1800)
    return p.returncode, p.stdout.splitlines(), p.stderr


def main():
    ap = vectors.argument_parser(seed=20261126)
    ap.add_argument("--keep", help="write the generated program into this directory")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    cases = make_cases(rng)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(args.keep or tmp, "math_vectors.py")
        write_program(cases, path)
        rc_py, out_py, err_py = run([args.python], path)
        rc_mp, out_mp, err_mp = run([args.minipy], path)
    if rc_py != 0:
        print("python3.11 failed on the generated program:\n" + err_py)
        return 2
    diffs = []
    for i, (name, argtext) in enumerate(cases):
        want = out_py[i] if i < len(out_py) else "<missing>"
        got = out_mp[i] if i < len(out_mp) else "<missing>"
        if want != got:
            diffs.append("math.%s(%s)\n    python3.11: %s\n    minipy:     %s" % (name, argtext, want, got))
    print("math vectors: %d cases (seed %d), %d differ" % (len(cases), args.seed, len(diffs)))
    for d in diffs[:60]:
        print(d)
    if rc_mp != 0 or len(out_mp) != len(out_py):
        print("minipy exited with %d after %d of %d lines\n%s" % (rc_mp, len(out_mp), len(out_py), err_mp[-3000:]))
        return 1
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
