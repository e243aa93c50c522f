#!/usr/bin/env python3
"""Generated-vector test of minipy's gettext (lib/gettext.py): plural forms.

Writes one program of random Plural-Forms expressions: well-formed C
expressions from a grammar (every operator, '!', '?:' chains, parentheses,
deep nesting) and broken ones (token soup, unknown words, digits running
into letters, unbalanced parentheses, '=' alone, 1000+ characters), each
through gettext.c2py and evaluated on a range of n (also floats, which
warn, and strings, which raise); plus random .mo catalogs of both byte
orders with random plural rules read by GNUTranslations and queried with
ngettext/npgettext. Each result is printed as a repr or as the exception's
type and message. The program runs under minipy and python3.11 in the same
run; outputs must match line by line. Expectations come only from
python3.11.

Usage: test_gettext_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import gettext, io, struct, warnings
warnings.simplefilter('ignore')

def plural(expr):
    try:
        f = gettext.c2py(expr)
    except Exception as e:
        print(repr(expr[:60]), type(e).__name__, e)
        return
    results = []
    for n in list(range(0, 40)) + [99, 100, 101, 111, 1000, 1001, 2.0, 3.5]:
        try:
            results.append(f(n))
        except Exception as e:
            results.append('%s: %s' % (type(e).__name__, e))
    try:
        f('x')
    except TypeError as e:
        results.append(str(e))
    print(repr(expr[:60]), results)

def make_mo(entries, order):
    items = sorted(entries)
    n = len(items)
    ids_off = 28
    strs_off = ids_off + 8 * n
    data_off = strs_off + 8 * n
    data = b''
    ids = strs = b''
    for k, _ in items:
        ids += struct.pack(order + 'II', len(k), data_off + len(data))
        data += k + b'\0'
    for _, v in items:
        strs += struct.pack(order + 'II', len(v), data_off + len(data))
        data += v + b'\0'
    return struct.pack(order + '7I', 0x950412de, 0, n, ids_off, strs_off, 0, 0) + ids + strs + data

def catalog(rule, order, nforms):
    meta = ('Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=%d; plural=%s;\n'
            % (nforms, rule)).encode()
    entries = [(b'', meta), (b'apple\0apples', '\0'.join('apple-%d' % i for i in range(nforms)).encode()),
               (b'ctx\x04pear\0pears', '\0'.join('pear-%d' % i for i in range(nforms)).encode()),
               (b'hello', 'hallo'.encode())]
    try:
        t = gettext.GNUTranslations(io.BytesIO(make_mo(entries, order)))
    except Exception as e:
        print('catalog', repr(rule[:60]), type(e).__name__, e)
        return
    out = []
    calls = [(t.ngettext, ('apple', 'apples', n)) for n in range(30)]
    calls += [(t.npgettext, ('ctx', 'pear', 'pears', n)) for n in range(30)]
    calls += [(t.gettext, ('hello',)), (t.gettext, ('apple',)), (t.ngettext, ('missing', 'missings', 3))]
    for f, a in calls:
        try:
            out.append(f(*a))
        except Exception as e:
            out.append('%s: %s' % (type(e).__name__, e))
    print('catalog', repr(rule[:60]), order, out)
'''

OPS = ['||', '&&', '==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%']
SOUP = ['n', '1', '0', '10', '007', '(', ')', '?', ':', '!', '==', '=', '&', '|', '&&', '||', '<', '>=', ' ', '\t',
        'x', 'nn', '1n', '_', '%', '/', '*', '+', '-', '^', '~', '\n', 'é', '٣']


def expr(rng, depth):
    r = rng.random()
    if depth <= 0 or r < 0.25:
        return rng.choice(['n', 'n', str(rng.randrange(0, 12)), str(rng.randrange(0, 120)), '0' + str(rng.randrange(10))])
    if r < 0.6:
        return '%s %s %s' % (expr(rng, depth - 1), rng.choice(OPS), expr(rng, depth - 1))
    if r < 0.75:
        return '(%s)' % expr(rng, depth - 1)
    if r < 0.85:
        return '!' + expr(rng, depth - 1)
    return '%s ? %s : %s' % (expr(rng, depth - 1), expr(rng, depth - 1), expr(rng, depth - 1))


def main():
    ap = vectors.argument_parser(20261127, 1500)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "gettext_vectors.py")
        with open(path, "w") as f:
            f.write(PROGRAM_HEAD)
            for _ in range(args.cases):
                r = rng.random()
                if r < 0.55:
                    e = expr(rng, rng.randrange(1, 6))
                    if rng.random() < 0.15:
                        e = e.replace(' ', '')
                elif r < 0.85:
                    e = ''.join(rng.choice(SOUP) for _ in range(rng.randrange(0, 10)))
                elif r < 0.92:
                    e = '(' * rng.randrange(15, 30) + 'n' + ')' * rng.randrange(15, 30)
                else:
                    e = ' + '.join(['n'] * rng.randrange(200, 300))
                f.write('plural(%r)\n' % e)
                if rng.random() < 0.2:
                    f.write('catalog(%r, %r, %d)\n' % (e, rng.choice('<>'), rng.randrange(1, 4)))
        outs = vectors.run_both(path, args.python, args.minipy)

    def summary(out_py, diffs):
        return "gettext vectors: %d expressions, %d output lines, %d differ" % (args.cases, len(out_py), len(diffs))
    return vectors.report(outs, summary)


if __name__ == "__main__":
    sys.exit(main())
