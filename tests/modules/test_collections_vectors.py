#!/usr/bin/env python3
"""Generated-vector test of heapq, bisect, collections.Counter and deque
(modules/_heapqmodule.cpp, _bisectmodule.cpp, _collectionsmodule.cpp and
lib/heapq.py, lib/bisect.py, lib/collections/__init__.py).

Builds one program from random inputs (lists of ints with many repeats,
strings, pairs with equal keys to expose unstable orderings), whose every
line prints the result of one operation: heaps after heapify/push/pop
sequences, merge/nsmallest/nlargest with and without keys, bisect and
insort positions with lo/hi/key, Counter arithmetic, most_common and repr,
deque rotations and bounded appends. The program runs under minipy and
under python3.11 in the same run and the outputs are compared line by
line; expectations come only from python3.11.

Usage: test_collections_vectors.py --minipy BUILD/minipy [--python python3.11]
       [--seed N] [--cases N] [--keep DIR]
Exit status 0 when every line is identical. Book chapter 12; issue 10.
"""
import os
import random
import subprocess
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file


def int_list(rng, n_max=60, spread=None):
    n = rng.randrange(n_max)
    spread = spread or rng.choice([3, 10, 100, 10 ** 6])
    return [rng.randrange(-spread, spread) for _ in range(n)]


def case_lines(rng, k):
    """Source lines for one random case; each prints one line."""
    data = int_list(rng)
    pairs = [(rng.randrange(4), i) for i in range(rng.randrange(30))]
    text = "".join(rng.choice("abcde") for _ in range(rng.randrange(40)))
    n = rng.randrange(-2, 12)
    lines = [
        f"data = {data!r}",
        f"pairs = {pairs!r}",
        f"text = {text!r}",
        # heapq
        "h = list(data); heapq.heapify(h); print('heapify', h)",
        "h2 = []\nfor x in data: heapq.heappush(h2, x)\nprint('push', h2)",
        "print('pop', [heapq.heappop(h2) for _ in range(len(h2) // 2)], h2)",
        "print('max', list(h), (heapq._heapify_max(h), h)[1])" if rng.random() < 0.3 else "pass",
        f"print('replace', [heapq.heapreplace(h, v) for v in data[:3]] if h else None, h)",
        f"print('pushpop', [heapq.heappushpop(h, v) for v in data[-3:]], h)",
        f"print('nsmallest', heapq.nsmallest({n}, data), heapq.nsmallest({n}, pairs, key=lambda p: p[0]))",
        f"print('nlargest', heapq.nlargest({n}, data), heapq.nlargest({n}, pairs, key=lambda p: p[0]))",
        f"print('nlargest-iter', heapq.nlargest({n}, iter(data), key=abs), heapq.nsmallest({n}, iter(text)))",
        "chunks = [sorted(data[i::3]) for i in range(3)]",
        "print('merge', list(heapq.merge(*chunks)), list(heapq.merge(*[c[::-1] for c in chunks], reverse=True)))",
        "kc = [sorted(pairs[i::2], key=lambda p: p[0]) for i in range(2)]",
        "print('merge-key', list(heapq.merge(*kc, key=lambda p: p[0])))",
        # bisect
        "s = sorted(data)",
        f"print('bisect', [(bisect.bisect_left(s, v), bisect.bisect_right(s, v)) for v in data[:8] + [{rng.randrange(-50, 50)}]])",
        f"lo = min({rng.randrange(5)}, len(s)); hi = max(lo, len(s) - {rng.randrange(5)})",
        "print('bisect-lohi', [(bisect.bisect_left(s, v, lo, hi), bisect.bisect_right(s, v, lo, hi)) for v in data[:8]])",
        "sp = sorted(pairs, key=lambda p: p[0])",
        "print('bisect-key', [(bisect.bisect_left(sp, v, key=lambda p: p[0]), bisect.bisect(sp, v, key=lambda p: p[0])) for v in range(-1, 5)])",
        "ins = []\nfor x in data: bisect.insort(ins, x)\nprint('insort', ins == sorted(data), ins[:10])",
        "ins = []\nfor p in pairs: bisect.insort_left(ins, p, key=lambda q: q[0])\nprint('insort-key', ins)",
        # Counter
        "c = Counter(data); d = Counter(text)",
        "print('counter', c.most_common(3), d.most_common(), repr(d), c.total())",
        "e = Counter(data[::2]); e.subtract(data[1::2])",
        "print('arith', e, +e, -e, c + e, c - e, c | e, c & e)",
        "print('cmp', c == e, c <= c + e, e < c, sorted(e.elements())[:10])",
        "f = Counter(d); f.update(text[::-1]); f -= Counter(text[:5]); print('inplace', f)",
        # deque
        f"q = deque(data, maxlen={rng.choice(['None', rng.randrange(0, 20)])})",
        f"q.rotate({rng.randrange(-70, 70)}); q.extendleft(data[:4]); q.append(7); print('deque', q)",
        f"q *= {rng.randrange(0, 4)}; print('deque-mul', q, len(q))",
        "print('deque-idx', [q.count(v) for v in data[:5]], list(reversed(q))[:5])",
    ]
    # Each case in its own function so that names do not leak between cases.
    body = "\n".join("    " + line.replace("\n", "\n    ") for line in lines)
    return f"def case_{k}():\n{body}\ncase_{k}()\n"


def build_program(seed, cases):
    rng = random.Random(seed)
    parts = ["import bisect, heapq", "from collections import Counter, deque", ""]
    parts += [case_lines(rng, k) for k in range(cases)]
    return "\n".join(parts)


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    return proc.returncode, proc.stdout, proc.stderr


def main():
    ap = vectors.argument_parser(seed=20261126, cases=150)
    ap.add_argument("--keep", help="write the generated program into this folder")
    args = ap.parse_args()

    program = build_program(args.seed, args.cases)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or tmp
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "collections_vectors.py")
        with open(path, "w") as f:
            f.write(program)
        want_rc, want, want_err = run([args.python, path])
        got_rc, got, got_err = run([args.minipy, path])
    if want_rc != 0:
        print("python3.11 failed on the generated program:\n" + want_err)
        return 2
    want_lines, got_lines = want.splitlines(), got.splitlines()
    bad = [(i, w, g) for i, (w, g) in enumerate(zip(want_lines, got_lines)) if w != g]
    if len(want_lines) != len(got_lines):
        bad.append((min(len(want_lines), len(got_lines)), f"{len(want_lines)} lines", f"{len(got_lines)} lines"))
    if got_rc != 0:
        bad.append((-1, "exit status 0", f"exit status {got_rc}: {got_err[-2000:]}"))
    print(f"{len(want_lines)} lines, {len(want_lines) - len(bad)} identical (seed {args.seed})")
    for i, w, g in bad[:20]:
        print(f"line {i}:\n  python3.11: {w}\n  minipy:     {g}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
