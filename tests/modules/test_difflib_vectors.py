#!/usr/bin/env python3
"""Generated-vector test of minipy's difflib (lib/difflib.py).

Writes one program of random inputs through every function: SequenceMatcher
on random strings, lists of words and lists of lines (with and without
isjunk, autojunk on and off, sequences of 200+ elements so that popular
elements are dropped), its get_matching_blocks, get_opcodes,
get_grouped_opcodes(n), find_longest_match on random bounds, ratio,
quick_ratio and real_quick_ratio; Differ/ndiff with and without line and
character junk and restore() of both sides; unified_diff and context_diff
with random context sizes, names, dates and line terminators; diff_bytes;
get_close_matches with random n and cutoff (bad values included); the
type errors of the diff functions. Each result is printed as a repr or as
the exception's type and message. The program runs under minipy and
python3.11 in the same run; outputs must match line by line.

Usage: test_difflib_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import difflib

def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
        if not isinstance(r, (str, bytes, int, float, list, tuple)) and r is not None:
            r = list(r)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))

JUNKS = {'none': None, 'space': lambda c: c == ' ', 'e': lambda c: c in 'eE',
         'line': difflib.IS_LINE_JUNK, 'char': difflib.IS_CHARACTER_JUNK,
         'blank': lambda s: not s.strip()}

def matcher(a, b, junk, autojunk):
    s = difflib.SequenceMatcher(JUNKS[junk], a, b, autojunk=autojunk)
    show('blocks', s.get_matching_blocks)
    show('opcodes', s.get_opcodes)
    print('ratios', round(s.ratio(), 12), round(s.quick_ratio(), 12), round(s.real_quick_ratio(), 12))
    print('junk', sorted(map(repr, s.bjunk)), sorted(map(repr, s.bpopular)))
    for n in (0, 1, 3):
        show('grouped%d' % n, s.get_grouped_opcodes, n)
    return s

def longest(s, alo, ahi, blo, bhi):
    show('longest', s.find_longest_match, alo, ahi, blo, bhi)

def lines_case(a, b, n, names, lineterm):
    delta = list(difflib.ndiff(a, b))
    print('ndiff', repr(delta))
    print('restore', list(difflib.restore(delta, 1)) == a, list(difflib.restore(delta, 2)) == b)
    show('ndiff-junk', difflib.ndiff, a, b, difflib.IS_LINE_JUNK, None)
    show('differ', difflib.Differ(charjunk=JUNKS['e']).compare, a, b)
    show('unified', difflib.unified_diff, a, b, *names, n=n, lineterm=lineterm)
    show('context', difflib.context_diff, a, b, *names, n=n, lineterm=lineterm)
    ab = [x.encode('latin-1') for x in a]
    bb = [x.encode('latin-1') for x in b]
    show('bytes', difflib.diff_bytes, difflib.unified_diff, ab, bb, b'a', b'b', n=n)
    show('bytes-ctx', difflib.diff_bytes, difflib.context_diff, ab, bb, n=n)
'''

WORDS = ['spam', 'eggs', 'ham', 'bacon', 'Spam', 'egg', 'spa', 'x', '', '  ', '#', ' # ', 'the', 'quick', 'brown',
         'fox', 'tab\tbed', 'caf\u00e9', 'bytes\x80', 'line']
ALPHABETS = ['ab', 'abc ', 'abcdefgh', 'aAbBeE \t', 'xyz e ']


def rand_text(rng, alphabet, lo, hi):
    return ''.join(rng.choice(alphabet) for _ in range(rng.randrange(lo, hi)))


def mutate(rng, seq, chooser):
    out = list(seq)
    for _ in range(rng.randrange(0, 6)):
        op = rng.randrange(3)
        pos = rng.randrange(len(out) + 1)
        if op == 0:
            out.insert(pos, chooser())
        elif op == 1 and out:
            del out[min(pos, len(out) - 1)]
        elif out:
            out[min(pos, len(out) - 1)] = chooser()
    return out


def main():
    ap = vectors.argument_parser(20261127, 600)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "difflib_vectors.py")
        with open(path, "w") as f:
            f.write(PROGRAM_HEAD)
            for case in range(args.cases):
                kind = rng.randrange(4)
                if kind == 0:
                    alphabet = rng.choice(ALPHABETS)
                    a = rand_text(rng, alphabet, 0, 40)
                    b = ''.join(mutate(rng, a, lambda: rng.choice(alphabet)))
                    if rng.random() < 0.3:
                        b = rand_text(rng, alphabet, 0, 40)
                    junk = rng.choice(['none', 'space', 'e', 'char'])
                elif kind == 1:
                    # Long sequences: autojunk's popular elements.
                    alphabet = rng.choice(ALPHABETS)
                    a = rand_text(rng, alphabet, 150, 400)
                    b = ''.join(mutate(rng, a, lambda: rng.choice(alphabet)))
                    junk = rng.choice(['none', 'space'])
                elif kind == 2:
                    a = [rng.choice(WORDS) for _ in range(rng.randrange(0, 30))]
                    b = mutate(rng, a, lambda: rng.choice(WORDS))
                    junk = rng.choice(['none', 'blank'])
                else:
                    a = [rng.choice(WORDS) + ' ' + rng.choice(WORDS) + '\n' for _ in range(rng.randrange(0, 25))]
                    b = mutate(rng, a, lambda: rng.choice(WORDS) + ' ' + rng.choice(WORDS) + '\n')
                    junk = rng.choice(['none', 'line'])
                autojunk = rng.random() < 0.7
                f.write("s = matcher(%r, %r, %r, %r)\n" % (a, b, junk, autojunk))
                for _ in range(3):
                    alo = rng.randrange(len(a) + 1)
                    ahi = rng.randrange(alo, len(a) + 1)
                    blo = rng.randrange(len(b) + 1)
                    bhi = rng.randrange(blo, len(b) + 1)
                    f.write("longest(s, %d, %d, %d, %d)\n" % (alo, ahi, blo, bhi))
                if kind >= 2:
                    la = [x if x.endswith('\n') else x + '\n' for x in a]
                    lb = [x if x.endswith('\n') else x + '\n' for x in b]
                    names = rng.choice([(), ('old.txt', 'new.txt'), ('a', 'b', '2026-01-01', '2026-01-02')])
                    lineterm = rng.choice(['\n', '\n', ''])
                    f.write("lines_case(%r, %r, %d, %r, %r)\n" % (la, lb, rng.choice([0, 1, 2, 3, 5]), names,
                                                                  lineterm))
                if kind == 0 and rng.random() < 0.5:
                    # Character-level ndiff of single lines (the "?" hints).
                    f.write("show('ndiff1', difflib.ndiff, [%r], [%r])\n" % (a + '\n', b + '\n'))
                if rng.random() < 0.4:
                    word = rng.choice(WORDS) + rng.choice(['', 'e', 'x'])
                    pool = [rng.choice(WORDS) + rng.choice(['', 's', 'ed']) for _ in range(rng.randrange(0, 15))]
                    n = rng.choice([1, 2, 3, 5, 0, -1])
                    cutoff = rng.choice([0.0, 0.3, 0.6, 0.8, 1.0, 1.5, -0.1])
                    f.write("show('close', difflib.get_close_matches, %r, %r, %d, %r)\n" % (word, pool, n, cutoff))
            # Bad arguments.
            f.write("show('bad-lines', difflib.unified_diff, [b'x'], ['y'])\n")
            f.write("show('bad-name', difflib.context_diff, ['x'], ['y'], 1)\n")
            f.write("show('bad-bytes', difflib.diff_bytes, difflib.unified_diff, ['x'], [b'y'])\n")
            f.write("show('bad-restore', difflib.restore, ['- a'], 3)\n")
            f.write("show('bad-tag', difflib.restore, ['  a', '- b', '+ c', '? ^'], '2')\n")
            f.write("print(difflib.IS_LINE_JUNK(' # \\n'), difflib.IS_LINE_JUNK('x'), difflib.IS_CHARACTER_JUNK('\\t'))\n")
            f.write("print(difflib.Match(1, 2, 3), difflib.SequenceMatcher[int])\n")
        outs = vectors.run_both(path, args.python, args.minipy)
    return vectors.report(outs, lambda out, diffs: "difflib vectors: %d cases, %d output lines (seed %d), %d differ"
                          % (args.cases, len(out), args.seed, len(diffs)))


if __name__ == "__main__":
    sys.exit(main())
