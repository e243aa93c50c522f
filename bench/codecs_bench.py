#!/usr/bin/env python3
"""bench/codecs_bench.py: UTF-8 decoding and encoding speed (issue 10) under
minipy and python3.11 in one run, as ratios.

    bench/codecs_bench.py --minipy build/release/minipy [--python python3.11] [--repeat N] [--scale S]

Each workload decodes (bytes.decode('utf-8')) or encodes (str.encode('utf-8'))
about 10 MB at scale 1, inside one interpreter process, best of N timings
(bench/inprocess.py). The texts pick the PEP 393 kind of the result:
ASCII only, Latin-1 (one 'é' per line: the ASCII fast path must resume
after each non-ASCII character), UCS-2 (CJK) and UCS-4 (one emoji per
line). Each encoding gets a str nothing has encoded before. The checksum
is the length of the result. Fast paths:
runtime/stringlib_codecs.cpp.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import inprocess  # noqa: E402  (the shared runner, next to this file)

WORKLOAD = r'''
import sys, time
scale = float(sys.argv[2])
repeat = int(sys.argv[3])
name = sys.argv[1]

LINES = {
    'ascii': 'the quick brown fox jumps over the lazy dog 0123456789 cafe\n',
    'latin-1': 'the quick brown fox jumps over the lazy dog 0123456789 caf\u00e9\n',
    'ucs-2': 'the quick brown fox \u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8 jumps over 0123456789\n',
    'ucs-4': 'the quick brown fox jumps over the lazy dog 0123456789 \U0001F600\n',
}

def text(kind, n):
    line = LINES[kind]
    return line * (n // len(line.encode()))

def decoder(kind):
    def work(n, cache={}):
        data = cache.get(n)
        if data is None:
            data = cache[n] = text(kind, n).encode('utf-8')
        return len(data.decode('utf-8'))
    return work

def encoder(kind):
    def work(n, cache={}):
        # A fresh str for every call, made in the first (untimed) call:
        # minipy caches a str's UTF-8 once something asks for it (as
        # CPython's PyUnicode_AsUTF8 does), and a cached encoding is a copy.
        fresh = cache.get(n)
        if fresh is None:
            base = text(kind, n)
            fresh = cache[n] = [base[i:] for i in range(repeat + 1)]
        return len(fresh.pop().encode('utf-8'))
    return work

MB = 1024 * 1024
WORK = {}
for kind in LINES:
    WORK['decode ' + kind] = (decoder(kind), 10 * MB)
    WORK['encode ' + kind] = (encoder(kind), 10 * MB)
''' + inprocess.TIMING_TAIL

NAMES = ['decode ascii', 'decode latin-1', 'decode ucs-2', 'decode ucs-4',
         'encode ascii', 'encode latin-1', 'encode ucs-2', 'encode ucs-4']


if __name__ == '__main__':
    sys.exit(inprocess.main(__doc__, WORKLOAD, NAMES))
