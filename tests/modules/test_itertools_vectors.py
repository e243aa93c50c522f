#!/usr/bin/env python3
"""Generated-vector test of minipy's itertools (modules/itertoolsmodule.cpp).

Builds a few thousand random uses of every itertools tool (random lengths,
r values, slices, keys, fill values, interleavings of tee'd iterators),
writes them into one program, runs it under minipy and under python3.11 in
the same run and compares the outputs line by line (the repr of each result
list, or the exception's type and message). Expectations come only from
python3.11.

Usage: test_itertools_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N]
Book chapter 12; issue 10.
"""
import os
import random
import subprocess
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file


def rand_seq(rng, maxlen=6):
    n = rng.randrange(0, maxlen + 1)
    kind = rng.randrange(3)
    if kind == 0:
        return repr([rng.randrange(-5, 10) for _ in range(n)])
    if kind == 1:
        return repr("".join(rng.choice("aabbcd") for _ in range(n)))
    return "range(%d)" % n


def opt(rng, *choices):
    return rng.choice(choices)


def make_cases(rng):
    cases = []
    for _ in range(250):
        seq = rand_seq(rng)
        r = rng.randrange(-1, 6)
        cases.append("combinations(%s, %d)" % (seq, r))
        cases.append("combinations_with_replacement(%s, %d)" % (seq, r))
        cases.append("permutations(%s, %s)" % (seq, opt(rng, str(r), "None")))
        cases.append("product(%s, %s, repeat=%d)" % (rand_seq(rng, 3), rand_seq(rng, 3), rng.randrange(-1, 3)))
        start = opt(rng, "None", str(rng.randrange(-1, 8)))
        stop = opt(rng, "None", str(rng.randrange(-1, 10)))
        step = opt(rng, "None", str(rng.randrange(-1, 4)))
        cases.append("islice(%s, %s, %s, %s)" % (seq, start, stop, step))
        cases.append("islice(%s, %s)" % (seq, stop))
        cases.append("islice(count(%d, %d), %d)" % (rng.randrange(-5, 5), rng.randrange(-3, 4), rng.randrange(0, 8)))
        cases.append("accumulate(%s%s%s)" % (rand_seq(rng), opt(rng, "", ", operator.mul", ", max", ", operator.sub"),
                                             opt(rng, "", ", initial=%d" % rng.randrange(-3, 4), ", initial=None")))
        cases.append("((k, list(g)) for k, g in groupby(%s%s))" % (seq, opt(rng, "", ", key=lambda v: v == 'a'",
                                                                              ", key=str", ", key=None")))
        cases.append("zip_longest(%s, %s%s)" % (seq, rand_seq(rng), opt(rng, "", ", fillvalue='-'", ", fillvalue=None")))
        cases.append("pairwise(%s)" % seq)
        cases.append("compress(%s, %s)" % (seq, repr([rng.randrange(2) for _ in range(rng.randrange(0, 8))])))
        t = rng.randrange(-3, 6)
        cases.append("dropwhile(lambda v: v < %d if isinstance(v, int) else v < 'b', %s)" % (t, seq))
        cases.append("takewhile(lambda v: v < %d if isinstance(v, int) else v < 'c', %s)" % (t, seq))
        cases.append("filterfalse(%s, %s)" % (opt(rng, "None", "lambda v: v in (1, 'a')"), seq))
        cases.append("starmap(%s, zip(%s, %s))" % (opt(rng, "max", "min", "operator.add"), seq, seq))
        cases.append("chain(%s, %s, %s)" % (seq, rand_seq(rng), rand_seq(rng)))
        cases.append("chain.from_iterable([%s, %s])" % (seq, rand_seq(rng)))
        cases.append("islice(cycle(%s), %d)" % (seq, rng.randrange(0, 15)))
        cases.append("repeat(%s, %d)" % (seq, rng.randrange(-2, 4)))
        pattern = "".join(rng.choice("ab") for _ in range(rng.randrange(0, 12)))
        cases.append("tee_pattern(%s, %r)" % (seq, pattern))
    cases += ["[repr(count(%s))]" % a for a in ["", "5", "5, 1", "5, 2", "0, 1.0", "1.5", "2**70", "0, -1", "1.5, 0.5"]]
    cases += ["[repr(repeat(%s))]" % a for a in ["'a'", "'a', 3", "None, -4", "[1], 0"]]
    return cases


PROGRAM_HEAD = '''import operator
from itertools import *


def tee_pattern(seq, pattern):
    a, b = tee(seq)
    out = []
    for c in pattern:
        out.append((c, next(a if c == "a" else b, "end")))
    return out


def run(expr, thunk):
    try:
        print(repr(list(thunk())))
    except Exception as e:
        print(type(e).__name__ + ":", e)

'''


def main():
    ap = vectors.argument_parser(seed=20261126)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    cases = make_cases(rng)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "itertools_vectors.py")
        with open(path, "w") as f:
            f.write(PROGRAM_HEAD)
            for expr in cases:
                f.write("run(%r, lambda: %s)\n" % (expr, expr))
        outs = []
        for exe in (args.python, args.minipy):
            p = subprocess.run([exe, path], capture_output=True, text=True, timeout=1800)
            outs.append((p.returncode, p.stdout.splitlines(), p.stderr))
    (rc_py, out_py, err_py), (rc_mp, out_mp, err_mp) = outs
    if rc_py != 0:
        print("python3.11 failed on the generated program:\n" + err_py)
        return 2
    diffs = [(expr, out_py[i] if i < len(out_py) else "<missing>", out_mp[i] if i < len(out_mp) else "<missing>")
             for i, expr in enumerate(cases)
             if (out_py[i] if i < len(out_py) else None) != (out_mp[i] if i < len(out_mp) else None)]
    print("itertools vectors: %d cases (seed %d), %d differ" % (len(cases), args.seed, len(diffs)))
    for expr, want, got in diffs[:40]:
        print("%s\n    python3.11: %s\n    minipy:     %s" % (expr, want, got))
    if rc_mp != 0:
        print("minipy exited with %d\n%s" % (rc_mp, err_mp[-3000:]))
        return 1
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
