#!/usr/bin/env python3
"""bench/stdlib_bench.py: throughput of json and random (issue 10) under
minipy and python3.11 in one run, as ratios.

    bench/stdlib_bench.py --minipy build/release/minipy [--python python3.11] [--repeat N] [--scale S]

Each workload runs inside one interpreter process (start-up excluded),
best of N timings with time.perf_counter, the two interpreters alternating
so that load on the machine hits both alike. Every workload prints a
checksum first; the two interpreters must agree on it (random's numbers
and json's texts are CPython's exactly) or the workload is reported as a
failure. The ratio is minipy's time over python3.11's: below 1 is faster.

What is compared: minipy's json is pure Python (lib/json/), python3.11's
has the C accelerator _json; random's generator is native in both
(_random), its distributions are Python in both (lib/random.py vs
Lib/random.py).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import inprocess  # noqa: E402  (the shared runner, next to this file)

WORKLOAD = r'''
import json, random, sys, time
scale = float(sys.argv[2])
repeat = int(sys.argv[3])
name = sys.argv[1]

def doc():
    rng = random.Random(5)
    def value(depth):
        r = rng.random()
        if depth > 3 or r < 0.5:
            return rng.choice([rng.randrange(-10**6, 10**6), rng.random() * 1e3, 'w%d' % rng.randrange(1000),
                               'caf\u00e9 "q" \\ \n', True, None])
        if r < 0.75:
            return [value(depth + 1) for _ in range(rng.randrange(1, 8))]
        return {'k%d' % i: value(depth + 1) for i in range(rng.randrange(1, 8))}
    return [value(0) for _ in range(200)]

def json_dumps(n):
    d = doc()
    out = None
    for _ in range(n):
        out = json.dumps(d)
    return len(out)

def json_dumps_indent(n):
    d = doc()
    out = None
    for _ in range(n):
        out = json.dumps(d, indent=2, sort_keys=True)
    return len(out)

def json_loads(n):
    text = json.dumps(doc())
    v = None
    for _ in range(n):
        v = json.loads(text)
    return len(json.dumps(v))

def random_random(n):
    r = random.Random(1)
    f = r.random
    s = 0.0
    for _ in range(n * 200000):
        s += f()
    return repr(s)

def random_randint(n):
    r = random.Random(2)
    s = 0
    for _ in range(n * 50000):
        s += r.randint(1, 1000)
    return s

def random_shuffle_choice(n):
    r = random.Random(3)
    items = list(range(500))
    s = 0
    for _ in range(n * 100):
        r.shuffle(items)
        s += items[0] + r.choice(items)
    return s

def random_gauss(n):
    r = random.Random(4)
    s = 0.0
    for _ in range(n * 30000):
        s += r.gauss(0, 1) + r.expovariate(2.0)
    return repr(s)

WORK = {'json.dumps': (json_dumps, 20), 'json.dumps(indent, sort_keys)': (json_dumps_indent, 10),
        'json.loads': (json_loads, 20), 'random.random': (random_random, 10),
        'random.randint': (random_randint, 10), 'random.shuffle+choice': (random_shuffle_choice, 10),
        'random.gauss+expovariate': (random_gauss, 10)}
''' + inprocess.TIMING_TAIL

NAMES = ['json.dumps', 'json.dumps(indent, sort_keys)', 'json.loads', 'random.random', 'random.randint',
         'random.shuffle+choice', 'random.gauss+expovariate']


if __name__ == '__main__':
    sys.exit(inprocess.main(__doc__, WORKLOAD, NAMES))
