#!/usr/bin/env python3
"""Generated-vector test of minipy's struct (modules/_struct.cpp, lib/struct.py).

Builds a few thousand random formats (every byte order, every code, repeat
counts, whitespace, s/p lengths) with random values (edges of each integer
range, values just outside them, floats from tiny to overflowing, wrong
types), writes them into one program, runs it under minipy and under
python3.11 in the same run and compares the outputs line by line: calcsize,
pack (hex) or the error, the unpack of the packed bytes, the unpack of
random bytes, unpack_from/pack_into at random offsets (negative ones too)
and iter_unpack. Expectations come only from python3.11.

Usage: test_struct_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

INT_BITS = {'b': (8, True), 'B': (8, False), 'h': (16, True), 'H': (16, False), 'i': (32, True),
            'I': (32, False), 'l': (64, True), 'L': (64, False), 'q': (64, True), 'Q': (64, False),
            'n': (64, True), 'N': (64, False), 'P': (64, False)}
NATIVE_ONLY = 'nNP'
CODES = 'xcbB?hHiIlLqQnNefdsp' + 'P'


def rand_int(rng, code, order):
    bits, signed = INT_BITS[code]
    if code in 'lL' and order != '@':
        bits = 32
    lo, hi = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    r = rng.random()
    if r < 0.6:
        return repr(rng.randint(lo, hi))
    if r < 0.8:
        return repr(rng.choice([lo, hi, 0, 1, -1 if signed else hi - 1]))
    if r < 0.9:
        return repr(rng.choice([lo - 1, hi + 1, hi * 4, -(1 << 70), 1 << 70]))
    return rng.choice(["1.5", "'7'", "None", "True", "Idx(5)"])


def rand_float(rng):
    r = rng.random()
    if r < 0.4:
        return repr(rng.uniform(-1e5, 1e5))
    if r < 0.6:
        return repr(rng.choice([0.0, -0.0, 1.0, 65504.0, 65519.0, 65520.0, 6e-8, 3e-8, 2.9e-8, 1e-40,
                                3.4028234e38, 3.4028236e38, 1e300, 5e-324]))
    if r < 0.8:
        return repr(rng.uniform(-1, 1) * 10.0 ** rng.randrange(-50, 50))
    if r < 0.9:
        return rng.choice(["float('inf')", "-float('inf')", "float('nan')", "7", "2**2000"])
    return rng.choice(["'x'", "None", "b'1'"])


def rand_bytes(rng, n):
    return repr(bytes(rng.randrange(256) for _ in range(n)))


def rand_value(rng, code, order, count):
    if code == 'c':
        return rng.choice([rand_bytes(rng, 1)] * 8 + ["b''", "b'ab'", "'a'", "1", "bytearray(b'q')"])
    if code in 'sp':
        n = rng.randrange(0, count + 3)
        return rng.choice([rand_bytes(rng, n)] * 8 + ["'abc'", "bytearray(%s)" % rand_bytes(rng, n)])
    if code == '?':
        return rng.choice(["True", "False", "0", "3", "''", "[1]", "None"])
    if code in 'efd':
        return rand_float(rng)
    return rand_int(rng, code, order)


def make_case(rng):
    order = rng.choice(['', '@', '=', '<', '>', '!'])
    codes = CODES if order in ('', '@') else ''.join(c for c in CODES if c not in NATIVE_ONLY)
    parts, values = [], []
    for _ in range(rng.randrange(0, 6)):
        code = rng.choice(codes)
        # No '0p': python3.11 unpacks it with a SystemError (a negative
        # size reaches PyBytes_FromStringAndSize), a CPython bug.
        count = rng.choice([1, 1, 1, 0, 2, 3, 5]) if code not in 'sp' else rng.randrange(code == 'p', 8)
        text = code if count == 1 and rng.random() < 0.7 else '%d%s' % (count, code)
        parts.append(text + (' ' if rng.random() < 0.1 else ''))
        if code in 'sp':
            values.append(rand_value(rng, code, order or '@', count))
        elif code != 'x':
            values.extend(rand_value(rng, code, order or '@', count) for _ in range(count))
    if rng.random() < 0.02:
        parts.append(rng.choice(['z', '3', 'P' if order not in ('', '@') else 'k']))
    fmt = order + ''.join(parts)
    if rng.random() < 0.03 and values:
        values.pop() if rng.random() < 0.5 else values.append('1')
    return fmt, values


PROGRAM_HEAD = '''import struct

class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
    def __repr__(self):
        return 'Idx(%d)' % self.v

def run(label, f):
    try:
        r = f()
    except Exception as e:
        r = '%s: %s' % (type(e).__name__, e)
    print(label, r)

def case(fmt, values, raw, off):
    run('calcsize', lambda: struct.calcsize(fmt))
    try:
        s = struct.Struct(fmt)
        b = s.pack(*values)
    except Exception as e:
        print('pack', type(e).__name__, e)
        buf = bytearray(raw)
        run('pack_into', lambda: struct.pack_into(fmt, buf, off, *values))
        print('partial', fmt, values, buf.hex())
        return
    print('pack', b.hex(), s.size, s.format)
    run('unpack', lambda: struct.unpack(fmt, b))
    run('raw', lambda: s.unpack(raw[:s.size]))
    run('unpack_from', lambda: struct.unpack_from(fmt, raw, off))
    buf = bytearray(raw)
    run('pack_into', lambda: (struct.pack_into(fmt, buf, off, *values), buf.hex())[1])
    run('iter_unpack', lambda: list(struct.iter_unpack(fmt, raw[:len(raw) // max(s.size, 1) * s.size])))
'''


def main():
    ap = vectors.argument_parser(seed=20261126, cases=3000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "struct_vectors.py")
        with open(path, "w") as f:
            f.write(PROGRAM_HEAD)
            for _ in range(args.cases):
                fmt, values = make_case(rng)
                raw = rand_bytes(rng, rng.randrange(0, 80))
                off = rng.randrange(-40, 40)
                f.write("case(%r, [%s], %s, %d)\n" % (fmt, ", ".join(values), raw, off))
        outs = vectors.run_both(path, args.python, args.minipy)
    return vectors.report(outs, lambda out, diffs: "struct vectors: %d cases, %d output lines (seed %d), %d differ" % (args.cases, len(out), args.seed, len(diffs)))


if __name__ == "__main__":
    sys.exit(main())
