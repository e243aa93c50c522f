#!/usr/bin/env python3
"""Generated-vector test of minipy's os.path (lib/posixpath.py, lib/genericpath.py) and stat.filemode.

Builds thousands of random paths from tricky pieces (empty, '.', '..',
runs of slashes, leading dots, several extensions, '~', '$VAR' and '${VAR}'
references, non-ASCII names), as str and as bytes, and calls every pure
os.path function on them: normpath, join, split, splitext, basename,
dirname, isabs, splitdrive, normcase, commonprefix, commonpath, relpath,
abspath, expandvars, expanduser; plus wrong-type and mixed str/bytes
arguments, and stat.filemode on random modes. The program runs under minipy
and under python3.11 in the same run, from the same working directory and
with the same environment variables set by the program itself, and the
outputs are compared line by line (errors by type and message).

Usage: test_posixpath_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import subprocess
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PIECES = ['', '', '.', '..', 'a', 'b', 'c.d', '.e', 'f.g.h', '..i', 'j.', '~', '~k', '$V1', '${V2}', '$NOPE',
          '${NOPE}', '$', '${', 'x$V1y', 'é', 'ü.py', ' ', 'a b', '...', 'tar.gz']
SEPS = ['/', '/', '/', '//', '///']

PROGRAM_HEAD = r'''
import os, posixpath, stat
os.environ['V1'] = 'one'
os.environ['V2'] = 'two/2'
os.environ.pop('NOPE', None)
os.environ['HOME'] = '/home/mini/'

def show(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(label, 'ERR', type(e).__name__, e)
        return
    print(label, ascii(r))

P = posixpath
'''


def rand_path(rng):
    n = rng.randrange(0, 6)
    parts = [rng.choice(PIECES) for _ in range(n)]
    out = rng.choice(['', '', '/', '//', '///'])
    for i, part in enumerate(parts):
        if i:
            out += rng.choice(SEPS)
        out += part
    if rng.random() < 0.2:
        out += rng.choice(SEPS)
    return out


def lit(rng, p):
    # The path as a str literal or, sometimes, as bytes.
    if rng.random() < 0.25:
        return repr(p.encode('utf-8'))
    return repr(p)


def gen_cases(rng, n):
    lines = []
    for i in range(n):
        p = rand_path(rng)
        if rng.random() < 0.25:
            b = repr(p.encode('utf-8'))
            kind = 'b'
        else:
            b = repr(p)
            kind = 's'
        q = rand_path(rng)
        q_lit = repr(q.encode('utf-8')) if kind == 'b' else repr(q)
        r = rng.random()
        for name in ('normpath', 'split', 'splitext', 'basename', 'dirname', 'isabs', 'splitdrive', 'normcase',
                     'expandvars', 'expanduser'):
            lines.append(f"show({i}, P.{name}, {b})")
        k = rng.randrange(1, 5)
        others = [rand_path(rng) for _ in range(k)]
        others_lit = ', '.join(repr(o.encode('utf-8')) if kind == 'b' else repr(o) for o in others)
        lines.append(f"show({i}, P.join, {b}, {others_lit})")
        lines.append(f"show({i}, P.commonprefix, [{b}, {others_lit}])")
        lines.append(f"show({i}, P.commonpath, [{b}, {others_lit}])")
        # relpath and abspath depend on the working directory, the same for both runs.
        lines.append(f"show({i}, P.relpath, {b}, {q_lit})")
        lines.append(f"show({i}, P.relpath, {b})")
        lines.append(f"show({i}, P.abspath, {b})")
        if r < 0.08:
            # Wrong types and mixed kinds.
            bad = rng.choice(['1', 'None', '3.5', "['a']", repr(p.encode()) if kind == 's' else repr(p)])
            fn = rng.choice(['join', 'relpath', 'commonpath_list', 'split', 'normpath', 'splitext', 'basename',
                             'expandvars', 'dirname', 'isabs'])
            if fn == 'join':
                lines.append(f"show({i}, P.join, {b}, {bad})")
                lines.append(f"show({i}, P.join, {bad}, {b})")
            elif fn == 'relpath':
                lines.append(f"show({i}, P.relpath, {b}, {bad})")
            elif fn == 'commonpath_list':
                lines.append(f"show({i}, P.commonpath, [{b}, {bad}])")
            else:
                lines.append(f"show({i}, P.{fn}, {bad})")
        if rng.random() < 0.3:
            mode = rng.choice([rng.randrange(0, 0o200000), rng.randrange(0, 0o10000) | rng.choice(
                [0o100000, 0o40000, 0o120000, 0o20000, 0o60000, 0o10000, 0o140000, 0])])
            lines.append(f"show({i}, stat.filemode, {mode})")
    return lines


def main():
    ap = vectors.argument_parser(seed=20261127, cases=2500)
    args = ap.parse_args()
    minipy = os.path.abspath(args.minipy)
    rng = random.Random(args.seed)
    lines = gen_cases(rng, args.cases)
    with tempfile.TemporaryDirectory() as tmp:
        work = os.path.join(tmp, 'cwd')
        os.mkdir(work)
        path = os.path.join(tmp, 'posixpath_vectors.py')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(PROGRAM_HEAD + '\n'.join(lines) + '\n')
        outs = []
        for exe in (args.python, minipy):
            p = subprocess.run([exe, path], capture_output=True, text=True, timeout=1800, cwd=work)
            outs.append((p.returncode, p.stdout.splitlines(), p.stderr))
    (rc_py, out_py, err_py), (rc_mp, out_mp, err_mp) = outs
    if rc_py != 0:
        print("python3.11 failed on the generated program:\n" + err_py)
        return 1
    diffs = [(i, a, b) for i, (a, b) in enumerate(zip(out_py, out_mp)) if a != b]
    if len(out_py) != len(out_mp):
        diffs.append((min(len(out_py), len(out_mp)), '<%d lines>' % len(out_py), '<%d lines>' % len(out_mp)))
    print("posixpath vectors: %d cases, %d output lines (seed %d), %d differ"
          % (args.cases, len(out_py), args.seed, len(diffs)))
    for i, want, got in diffs[:20]:
        print("line %d\n    python3.11: %s\n    minipy:     %s" % (i + 1, want, got))
    if rc_mp != 0:
        print("minipy exited with %d\n%s" % (rc_mp, err_mp[-3000:]))
        return 1
    return 1 if diffs else 0


if __name__ == '__main__':
    sys.exit(main())
