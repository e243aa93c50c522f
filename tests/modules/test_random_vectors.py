#!/usr/bin/env python3
"""Generated-vector test of minipy's random (modules/_randommodule.cpp,
lib/random.py) and _sha512/hashlib (modules/sha512module.cpp).

Writes one program that, for many random seeds of every supported type
(small, huge and negative ints, floats, str with non-ASCII text, bytes,
bytearray, version 1 strings), calls every function of random with random
arguments (also bad ones: empty ranges, zero steps, non-integers, wrong
types) and prints each result's repr or the exception's type and message;
plus getstate/setstate round trips, getrandbits of many widths, Random
subclasses that only define random(), and SHA-512/384 digests of inputs
around the 128-byte block boundary. The program runs under minipy and
python3.11 in the same run; the outputs must be identical line by line.
Expectations come only from python3.11.

Usage: test_random_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--seeds N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import random, hashlib, _sha512, warnings
warnings.simplefilter('ignore')

def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))

def run(seed, calls):
    random.seed(seed)
    print('seed', repr(seed), repr(random.random()))
    for name, args, kw in calls:
        show(name, getattr(random, name), *args, **kw)
    st = random.getstate()
    a = [random.random() for _ in range(3)]
    random.setstate(st)
    print('state', a == [random.random() for _ in range(3)], st[2])

class OnlyRandom(random.Random):
    def random(self):
        return super().random()

def sub(seed, n):
    r = OnlyRandom(seed)
    print('sub', [r.randrange(n) for _ in range(5)], r.choice('abcdefgh'), r.sample(range(n), min(n, 4)))
'''

NAMES_NUMERIC = [
    ('uniform', 2), ('triangular', 3), ('normalvariate', 2), ('gauss', 2), ('lognormvariate', 2),
    ('expovariate', 1), ('vonmisesvariate', 2), ('gammavariate', 2), ('betavariate', 2),
    ('paretovariate', 1), ('weibullvariate', 2),
]


def rand_seed(rng):
    r = rng.random()
    if r < 0.3:
        return repr(rng.randrange(0, 2 ** 32))
    if r < 0.45:
        return repr(rng.randrange(-(2 ** rng.randrange(1, 3000)), 2 ** rng.randrange(1, 3000)))
    if r < 0.55:
        return repr(rng.uniform(-1e6, 1e6))
    if r < 0.7:
        return repr(''.join(rng.choice('abcxyz \u00e9\u4e2d\U0001f600') for _ in range(rng.randrange(0, 40))))
    if r < 0.8:
        return repr(bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300))))
    if r < 0.85:
        return 'bytearray(%r)' % bytes(rng.randrange(256) for _ in range(rng.randrange(0, 20)))
    return rng.choice(['0', '1', '-1', '2**32', '2**32-1', '2**64', '-2**31', '1.0', '-0.5', 'True', "''", "b''"])


def rand_num(rng):
    r = rng.random()
    if r < 0.6:
        return repr(round(rng.uniform(-10, 10), rng.randrange(0, 4)))
    if r < 0.85:
        return repr(round(rng.uniform(0.01, 20), 3))
    return rng.choice(['0', '0.0', '1', '1e-7', '1e300', "'x'", 'None'])


def rand_int_arg(rng):
    r = rng.random()
    if r < 0.7:
        return repr(rng.randrange(-50, 200))
    if r < 0.85:
        return repr(rng.randrange(-2 ** 100, 2 ** 100))
    return rng.choice(['3.0', '2.5', "'7'", 'None', '0', '-3', '10**30'])


def rand_call(rng):
    r = rng.random()
    if r < 0.35:
        name, n = rng.choice(NAMES_NUMERIC)
        return (name, [rand_num(rng) for _ in range(rng.choice([n, n, n, n - 1]) if n > 1 else n)], {})
    if r < 0.5:
        k = rng.choice([1, 2, 3, 3, 3])
        return ('randrange', [rand_int_arg(rng) for _ in range(k)], {})
    if r < 0.6:
        a = rng.randrange(-100, 100)
        return ('randint', [repr(a), repr(a + rng.randrange(-2, 10 ** rng.randrange(1, 25)))], {})
    if r < 0.67:
        return ('choice', [rng.choice(["'abcdef'", '[1, 2, 3]', 'range(1000)', "''", 'range(10**20)', '(7,)'])], {})
    if r < 0.75:
        pop = rng.choice(["'abcdefghij'", 'range(100)', 'list(range(30))', 'range(10**6)', "{1, 2}", "('a', 'b', 'c')"])
        kw = {}
        if rng.random() < 0.2:
            kw['counts'] = rng.choice(['[1] * 10', '[3, 0, 2] + [1] * 7', '[2] * 100', '[0] * 10', '[1.5] * 10'])
        return ('sample', [pop, repr(rng.randrange(-1, 40))], kw)
    if r < 0.85:
        pop = rng.choice(["'abc'", 'range(50)', "['x', 'y']", "''"])
        n = {"'abc'": 3, 'range(50)': 50, "['x', 'y']": 2, "''": 0}[pop]
        kw = {'k': repr(rng.randrange(0, 12))}
        args = [pop]
        w = rng.random()
        if w < 0.3:
            args.append(repr([round(rng.uniform(0, 5), 2) for _ in range(n)]))
        elif w < 0.5:
            kw['cum_weights'] = repr(sorted(rng.randrange(0, 20) for _ in range(n)))
        elif w < 0.55:
            args.append('3')
        return ('choices', args, kw)
    if r < 0.92:
        return ('getrandbits', [rng.choice([repr(rng.randrange(0, 300)), '32', '33', '64', '1', '0', '-1', '1.5'])], {})
    return ('randbytes', [repr(rng.randrange(0, 40))], {})


def main():
    ap = vectors.argument_parser(seed=20261127)
    ap.add_argument("--seeds", type=int, default=400)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "random_vectors.py")
        with open(path, "w") as f:
            f.write(PROGRAM_HEAD)
            for _ in range(args.seeds):
                calls = []
                for _ in range(rng.randrange(5, 25)):
                    name, cargs, kw = rand_call(rng)
                    calls.append("(%r, [%s], {%s})" % (name, ", ".join(cargs),
                                                       ", ".join("%r: %s" % kv for kv in kw.items())))
                f.write("run(%s, [%s])\n" % (rand_seed(rng), ", ".join(calls)))
                if rng.random() < 0.1:
                    f.write("sub(%d, %d)\n" % (rng.randrange(1000), rng.randrange(1, 2 ** rng.randrange(1, 62))))
                if rng.random() < 0.1:
                    f.write("random.seed(%d, version=1); random.seed(%r, version=1); print('v1', random.random())\n"
                            % (rng.randrange(100), ''.join(rng.choice('ab\u00ff') for _ in range(rng.randrange(0, 5)))))
            # lists shuffled in place
            for _ in range(50):
                f.write("random.seed(%d); l = list(range(%d)); random.shuffle(l); print('shuffle', l)\n"
                        % (rng.randrange(10 ** 6), rng.randrange(0, 60)))
            # SHA-512/384 across block boundaries, in pieces and whole.
            for n in list(range(0, 260, 7)) + [111, 112, 113, 127, 128, 129, 239, 240, 241, 255, 256, 1000]:
                data = bytes(rng.randrange(256) for _ in range(n))
                cut = rng.randrange(0, n + 1)
                f.write("h = _sha512.sha512(%r); h.update(%r); print('sha', h.hexdigest(), h.copy().digest() == "
                        "hashlib.sha512(%r).digest(), hashlib.sha384(%r).hexdigest())\n"
                        % (data[:cut], data[cut:], data, data))
            f.write("for bad in ('abc', 5, None):\n    show('shabad', _sha512.sha512, bad)\n")
            f.write("h = hashlib.new('sha512'); print(h.name, h.digest_size, h.block_size)\n")
            f.write("show('setstate', random.setstate, (3, (1,) * 624 + (625,), None))\n")
            f.write("show('setstate', random.setstate, (3, (1,) * 623, None))\n")
            f.write("show('setstate', random.setstate, (3, (-1,) * 625, None))\n")
            f.write("show('setstate', random.setstate, (3, [1] * 625, None))\n")
            f.write("show('setstate', random.setstate, (4, (1,) * 625, None))\n")
            f.write("show('seed', random.seed, [1, 2])\n")
            f.write("show('Random', random.Random, 1, 2)\n")
        outs = vectors.run_both(path, args.python, args.minipy)
    return vectors.report(outs, lambda out, diffs: "random vectors: %d seeds, %d output lines (seed %d), %d differ" % (args.seeds, len(out), args.seed, len(diffs)))


if __name__ == "__main__":
    sys.exit(main())
