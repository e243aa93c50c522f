#!/usr/bin/env python3
"""Generated-vector test of minipy's shlex (lib/shlex.py).

Writes one program of random shell-like strings (words, both quotes,
backslashes, comments, punctuation runs, newlines, non-ASCII letters,
unterminated quotes and escapes) and splits each with shlex.split (POSIX
and classic, with and without comments) and with shlex objects of random
settings (posix, punctuation_chars, whitespace_split, commenters, debug
levels 0-3 with their trace output, push_token, lineno, the token state);
plus quote/join round trips. Each result is printed as a repr or as the
exception's type and message. The program runs under minipy and
python3.11 in the same run; outputs must match line by line. Expectations
come only from python3.11.

Usage: test_shlex_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import shlex

def show(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))

def tokens(s, posix, punct, ws_split, commenters, debug, push):
    lex = shlex.shlex(s, posix=posix, punctuation_chars=punct)
    lex.whitespace_split = ws_split
    if commenters is not None:
        lex.commenters = commenters
    lex.debug = debug
    if push:
        lex.push_token(push)
    out = []
    try:
        while True:
            t = lex.get_token()
            out.append((t, lex.lineno))
            if t == lex.eof or len(out) > 200:
                break
    except ValueError as e:
        out.append(('ValueError', str(e), lex.lineno, lex.token))
    return out, lex.state, lex.wordchars == shlex.shlex(posix=posix, punctuation_chars=punct).wordchars
'''

PIECES = ['abc', 'x', 'foo.bar', '-o', '--opt=1', '"dq"', "'sq'", '"a b"', "'a b'", '"', "'", '\\', '\\"', "\\'",
          '\\n', '#', '# comment', ' ', '  ', '\t', '\n', ';', '&&', '||', '|', '>', '>>', '<', '(', ')', '&',
          '~/x', '*.py', 'a=b', '$HOME', 'ä', 'é', 'ß', '日本', '!', '@', '%', '"x\\"y"', "'x\\'y'", '""', "''",
          '"a\\\\b"', 'a"b"c', "a'b'c", '\r', '?', ',', '{', '}']


def main():
    ap = vectors.argument_parser(20261127, 1500)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "shlex_vectors.py")
        with open(path, "w") as f:
            f.write(PROGRAM_HEAD)
            for n in range(args.cases):
                s = ''.join(rng.choice(PIECES) + rng.choice(['', ' ', ''])
                            for _ in range(rng.randrange(0, 12)))
                f.write('s = %r\n' % s)
                f.write('show(%r, shlex.split, s)\n' % ('%d split' % n))
                f.write('show(%r, shlex.split, s, True)\n' % ('%d split comments' % n))
                f.write('show(%r, shlex.split, s, False, False)\n' % ('%d split classic' % n))
                posix = rng.random() < 0.5
                punct = rng.choice([False, False, True, ';|', '&<>'])
                ws_split = rng.random() < 0.3
                commenters = rng.choice([None, None, '', '#;', '%'])
                debug = rng.choice([0, 0, 0, 1, 2, 3])
                push = rng.choice([None, None, 'pushed'])
                f.write('show(%r, tokens, s, %r, %r, %r, %r, %r, %r)\n'
                        % ('%d tokens' % n, posix, punct, ws_split, commenters, debug, push))
                words = [rng.choice(PIECES) + rng.choice(PIECES) for _ in range(rng.randrange(0, 4))]
                f.write('show(%r, shlex.join, %r)\n' % ('%d join' % n, words))
                f.write('show(%r, lambda w: shlex.split(shlex.join(w)) == w, %r)\n' % ('%d roundtrip' % n, words))
                f.write('show(%r, shlex.quote, s)\n' % ('%d quote' % n))
        outs = vectors.run_both(path, args.python, args.minipy)

    def summary(out_py, diffs):
        return "shlex vectors: %d strings, %d output lines, %d differ" % (args.cases, len(out_py), len(diffs))
    return vectors.report(outs, summary)


if __name__ == "__main__":
    sys.exit(main())
