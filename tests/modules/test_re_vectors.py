#!/usr/bin/env python3
"""Generated-vector test of minipy's re (lib/re/, modules/_sre/).

Two sources of cases, all run under minipy and python3.11 in the same run
and compared line by line (expectations come only from python3.11):
- random patterns from a small regex grammar (literals, classes, sets,
  groups, named groups, backreferences, lookarounds, conditionals, atomic
  groups, greedy/lazy/possessive quantifiers, anchors, inline flags), some
  mutated into invalid ones, with random flags, as str and as bytes, each
  against random subjects: compile errors (type and message), the compiled
  code list (re._compiler._code, which must equal CPython's opcode for
  opcode), match / search / fullmatch spans, groups, groupdict, lastindex,
  lastgroup, findall, finditer spans, sub with a template and with a
  function, subn, split;
- a hand-written table in the style of CPython's Lib/test/re_tests.py
  (pattern, subject, an expression over the match) covering each feature.

Usage: test_re_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import re, sys
from re import _compiler, _parser

def err(e):
    return '%s: %s' % (type(e).__name__, e)

def code_of(p, flags):
    try:
        return _compiler._code(_parser.parse(p, flags), flags)
    except Exception as e:
        return err(e)

def show_match(m):
    if m is None:
        return 'None'
    return '%r %r %r %r %r %r' % (m.span(), m.groups(), m.groupdict(), m.lastindex, m.lastgroup,
                                 [m.span(i) for i in range(len(m.groups()) + 1)])

def fn(m):
    return '<%s>' % (m.group(0) if isinstance(m.group(0), str) else m.group(0).decode('latin-1'))

def bfn(m):
    return b'<' + m.group(0) + b'>'

def case(p, flags, subjects, repl):
    print('P', ascii(p), flags)
    try:
        r = re.compile(p, flags)
    except Exception as e:
        print(' E', err(e))
        return
    print(' C', code_of(p, flags))
    print(' R', ascii(repr(r)), r.groups, sorted(r.groupindex.items()))
    for s in subjects:
        print(' S', ascii(s))
        for name in ('match', 'search', 'fullmatch'):
            try:
                print('  ', name, ascii(show_match(getattr(r, name)(s))))
            except Exception as e:
                print('  ', name, err(e))
        try:
            print('   findall', ascii(r.findall(s)))
            print('   finditer', [m.span() for m in r.finditer(s)])
            print('   split', ascii(r.split(s)), ascii(r.split(s, 1)))
            print('   sub', ascii(r.subn(repl, s)))
            print('   subfn', ascii(r.sub(bfn if isinstance(s, bytes) else fn, s, 2)))
        except Exception as e:
            print('   ', err(e))
        try:
            m = r.search(s, 1, len(s) - 1)
            print('   pos', ascii(show_match(m)), m and (m.pos, m.endpos))
        except Exception as e:
            print('   pos', err(e))

def table(p, s, expr, flags=0):
    try:
        m = re.search(p, s, flags)
        v = eval(expr, {'m': m, 're': re})
        print('T', ascii(p), ascii(s), ascii(v))
    except Exception as e:
        print('T', ascii(p), ascii(s), err(e))
'''

ALPHABET = 'abcAB_1 \n-'
UNICODE_EXTRA = '\xe4\xc4\u017f\u212aKkS\u0131I\u03c3\u03a3\u03c2\u2028\u0660'


class Gen:
    def __init__(self, rng):
        self.rng = rng
        self.groups = 0        # groups opened so far
        self.closed = []       # numbers of closed groups
        self.names = []        # (name, number) of closed named groups

    def literal(self):
        r = self.rng.random()
        if r < 0.7:
            return self.rng.choice('abcAB')
        if r < 0.85:
            return self.rng.choice(['\\.', '\\-', '\\n', '\\x41', '\\u017f', '_', '1', ' ', '\\t', '\\\\'])
        return self.rng.choice(['\u212a', '\xe4', '\u03c3', 's', 'k', 'i', '\u0131'])

    def charset(self):
        items = []
        for _ in range(self.rng.randint(1, 3)):
            r = self.rng.random()
            if r < 0.4:
                items.append(self.rng.choice('abcAB1_-'))
            elif r < 0.7:
                lo = self.rng.choice('aAb0')
                hi = chr(ord(lo) + self.rng.randint(0, 5))
                items.append(lo + '-' + hi)
            else:
                items.append(self.rng.choice(['\\d', '\\w', '\\s', '\\W', '\\n', '\u017f', '\u212a', '\xe4-\xf6']))
        neg = '^' if self.rng.random() < 0.3 else ''
        return '[' + neg + ''.join(items) + ']'

    def atom(self, depth):
        r = self.rng.random()
        if depth > 2:
            r = r * 0.5
        if r < 0.30:
            return self.literal()
        if r < 0.38:
            return '.'
        if r < 0.46:
            return self.rng.choice(['\\d', '\\w', '\\s', '\\D', '\\W', '\\S'])
        if r < 0.54:
            return self.charset()
        if r < 0.58:
            return self.rng.choice(['^', '$', '\\b', '\\B', '\\A', '\\Z'])
        if r < 0.70:
            self.groups += 1
            n = self.groups
            kind = self.rng.random()
            inner = self.alternation(depth + 1)
            if kind < 0.25:
                name = 'g%d' % n
                self.closed.append(n)
                self.names.append((name, n))
                return '(?P<%s>%s)' % (name, inner)
            self.closed.append(n)
            return '(%s)' % inner
        if r < 0.76:
            return '(?:%s)' % self.alternation(depth + 1)
        if r < 0.79:
            return '(?>%s)' % self.alternation(depth + 1)
        if r < 0.83:
            return '(?%s%s)' % (self.rng.choice(['=', '!']), self.alternation(depth + 1))
        if r < 0.86:
            n = self.rng.randint(1, 3)
            body = ''.join(self.rng.choice(['a', 'b', '.', '[ab]', '\\w']) for _ in range(n))
            return '(?%s%s)' % (self.rng.choice(['<=', '<!']), body)
        if r < 0.90 and self.closed:
            n = self.rng.choice(self.closed)
            if self.names and self.rng.random() < 0.3:
                return '(?P=%s)' % self.rng.choice(self.names)[0]
            return '\\%d' % n
        if r < 0.93 and self.closed:
            n = self.rng.choice(self.closed)
            yes = self.sequence(depth + 1)
            if self.rng.random() < 0.5:
                return '(?(%d)%s|%s)' % (n, yes, self.sequence(depth + 1))
            return '(?(%d)%s)' % (n, yes)
        if r < 0.96:
            flag = self.rng.choice(['i', 's', 'm', 'x', '-i', 'i-s'])
            return '(?%s:%s)' % (flag, self.alternation(depth + 1))
        return self.literal()

    def quantified(self, depth):
        a = self.atom(depth)
        if a in ('^', '$', '\\b', '\\B', '\\A', '\\Z') or a.startswith('(?=') or a.startswith('(?!') \
                or a.startswith('(?<'):
            return a
        r = self.rng.random()
        if r < 0.55:
            return a
        q = self.rng.choice(['*', '+', '?', '{2}', '{1,3}', '{,2}', '{2,}', '{0}'])
        suffix = self.rng.choice(['', '', '?', '+'])
        return a + q + suffix

    def sequence(self, depth):
        return ''.join(self.quantified(depth) for _ in range(self.rng.randint(1, 4 if depth < 2 else 2)))

    def alternation(self, depth):
        n = 1 if self.rng.random() < 0.7 else self.rng.randint(2, 3)
        return '|'.join(self.sequence(depth) for _ in range(n))


def mutate(rng, p):
    """Sometimes break a pattern to exercise the parser's errors."""
    ops = ['(', ')', '[', ']', '{', '}', '\\', '?', '*', '+', '|', '\\q', '(?P<', '(?P=x)', '\\9',
           '(?<=a*)', '(?i', '[z-a]', '(?#', '{3,1}', '\\x1', '\\N', '(?Px)', '(?L)', '(?u:a)']
    i = rng.randint(0, len(p))
    return p[:i] + rng.choice(ops) + p[i:]


def subject(rng, unicode_ok):
    n = rng.randint(0, 10)
    alphabet = ALPHABET + (UNICODE_EXTRA if unicode_ok else '')
    return ''.join(rng.choice(alphabet) for _ in range(n))


FLAG_CHOICES = [0, 0, 0, 're.I', 're.M', 're.S', 're.I|re.M', 're.A', 're.I|re.A', 're.X', 're.S|re.M']

TABLE = [
    # (pattern, subject, expression over m)
    (r'abc', 'xabcy', 'm.span()'),
    (r'ab*c', 'abbbc', 'm.group()'),
    (r'ab{2,3}?c', 'abbbc', 'm.group()'),
    (r'a.c', 'a\nc', 'm'),
    (r'(?s)a.c', 'a\nc', 'm.group()'),
    (r'^abc$', 'abc\n', 'm.span()'),
    (r'(?m)^b', 'a\nb', 'm.span()'),
    (r'a$', 'a\n', 'm.span()'),
    (r'a\Z', 'a\n', 'm'),
    (r'\bfoo\b', 'a foo b', 'm.span()'),
    (r'\Bo\B', 'foo', 'm.span()'),
    (r'(a)(b)?', 'a', 'm.groups()'),
    (r'(a)(b)?', 'a', 'm.groups("x")'),
    (r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe', 'm.groupdict()'),
    (r'(?P<first>\w+) (?P<last>\w+)', 'Jane Doe', 'm.expand(r"\\g<last>, \\g<first> \\2\\g<0>")'),
    (r'(a|ab)(c|bcd)(d*)', 'abcd', 'm.groups()'),
    (r'((a)|b)+', 'ab', 'm.groups()'),
    (r'(a*)*', 'b', 'm.groups()'),
    (r'(a*)+', 'b', 'm.groups()'),
    (r'(a|b)*?c', 'abc', 'm.groups()'),
    (r'(?:(a)|b)*', 'ab', 'm.groups()'),
    (r'(a)\1', 'aa', 'm.span()'),
    (r'(a)|\1', 'x', 'm'),
    (r'(?i)(a)\1', 'aA', 'm.span()'),
    (r'(?P<x>a)(?P=x)', 'aa', 'm.span()'),
    (r'(a)?(?(1)b|c)', 'c', 'm.span()'),
    (r'(a)?(?(1)b|c)', 'ab', 'm.span()'),
    (r'(?<=ab)c', 'abc', 'm.span()'),
    (r'(?<!ab)c', 'abc', 'm'),
    (r'a(?=b)', 'ab', 'm.span()'),
    (r'a(?!b)', 'ab', 'm'),
    (r'(?>a|ab)c', 'abc', 'm'),
    (r'a*+a', 'aaa', 'm'),
    (r'a?+a', 'a', 'm'),
    (r'(?:ab)*+c', 'ababc', 'm.span()'),
    (r'(a+)+$', 'a' * 20 + 'b', 'm'),
    (r'(?i)\u017f', 'S', 'm.span()'),
    (r'(?i)K', '\u212a', 'm.span()'),
    (r'(?i)[k]', '\u212a', 'm.span()'),
    (r'(?i)[a-z]+', 'HeLLo\u212a', 'm.span()'),
    (r'(?ia)k', '\u212a', 'm'),
    (r'\d+', '\u0661\u0662', 'm.span()'),
    (r'(?a)\d+', '\u0661\u0662', 'm'),
    (r'\w+', 'na\xefve caf\xe9', 'm.group()'),
    (r'\s+', '\u2028\xa0 x', 'm.span()'),
    (r'[\d\s]+', '1 2\t3x', 'm.group()'),
    (r'[^\W\d]+', 'ab12cd', 'm.group()'),
    (r'\x41\u0042\U00000043\101\0', 'ABCA\x00', 'm.span()'),
    (r'\N{LATIN SMALL LETTER A}', 'a', 'm.span()'),
    (r'[\N{GREEK SMALL LETTER ALPHA}-\N{GREEK SMALL LETTER OMEGA}]+', '\u03b1\u03b2\u03c9', 'm.span()'),
    (r'x{2}', 'xxx', 'm.span()'),
    (r'x{,2}', 'xxx', 'm.span()'),
    (r'x{2,}', 'xxxx', 'm.span()'),
    (r'x{a}', 'x{a}', 'm.span()'),
    (r'x{', 'x{', 'm.span()'),
    (r'a|b|c', 'c', 'm.span()'),
    (r'(?x) a b # comment', 'ab', 'm.span()'),
    (r'(?x)[ ]a', ' a', 'm.span()'),
    (r'a(?#comment)b', 'ab', 'm.span()'),
    (r'(?i:a)b', 'Ab', 'm.span()'),
    (r'(?i:a)b', 'AB', 'm'),
    (r'(?-i:a)b', 'aB', 'm', 're.I'),
    (r'', '', 'm.span()'),
    (r'$', 'abc', 'm.span()'),
    (r'(?:)', 'x', 'm.span()'),
    (r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\11', 'abcdefghijkk', 'm.span()'),
    (r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)', 'abcdefghijk', 'm.lastindex'),
    (r'(?P<n>a)(b)', 'ab', '(m.lastgroup, m.lastindex)'),
    (r'(a(b))', 'ab', '(m.lastgroup, m.lastindex)'),
    (r'a', 'a', 'm.string, m.re.pattern, m.pos, m.endpos, m.regs'),
    (r'(?:a|b)*c', 'ab' * 5000 + 'c', 'm.span()'),
    (r'(a|b)*c', 'ab' * 5000 + 'c', 'm.span()'),
    (r'(?:a|b)*?c', 'ab' * 5000 + 'c', 'm.span()'),
    (r'(?:(?:a|b)+)+c', 'ab' * 20 + 'c', 'm.span()'),
    (r'(?:x|(?:y|z)*)*$', 'xyz' * 300, 'm.span()'),
    (r'\w+@\w+\.com', 'mail bob@example.com now', 'm.group()'),
    (r'[', '', 'm'),
    (r'(', '', 'm'),
    (r')', '', 'm'),
    (r'a**', '', 'm'),
    (r'*', '', 'm'),
    (r'\q', '', 'm'),
    (r'(?P<1>a)', '', 'm'),
    (r'(?P<a>a)(?P<a>b)', '', 'm'),
    (r'(?<=a+)b', '', 'm'),
    (r'(?<=(a)\1)b', '', 'm'),
    (r'[b-a]', '', 'm'),
    (r'a{2,1}', '', 'm'),
    (r'\1(a)', '', 'm'),
    (r'(?(2)a)', '', 'm'),
    (r'(?i', '', 'm'),
    (r'(?z)', '', 'm'),
    (r'a(?i)b', '', 'm'),
    (r'x\n(', '', 'm'),
    (r'(?P<name', '', 'm'),
    (r'(?P=nope)', '', 'm'),
    (r'\x4', '', 'm'),
    (r'\777', '', 'm'),
    (r'\N{NOT A NAME}', '', 'm'),
    (r'(?(1a)b)', '', 'm'),
    (r'(a)(?(1)b|c|d)', '', 'm'),
    (r'[a-\d]', '', 'm'),
    (r'a{4294967295}', '', 'm'),
]
TABLE_CALLS = r'''
print('F', ascii(re.findall(r'(\w)(\d)?', 'a1b c2')))
print('F', ascii(re.findall(rb'\w+', b'ab cd\xe4')))
print('F', ascii(re.sub(r'(?P<x>\w)', r'[\g<x>\g<1>\1\n\\]', 'ab')))
print('F', ascii(re.sub(r'a', lambda m: None, 'bab')) if False else '')
print('F', ascii(re.subn(r'x*', '-', 'abxd')))
print('F', ascii(re.split(r'\b', 'a b')))
print('F', ascii(re.split(r'(?:a)|(b)', 'xaybz')))
print('F', ascii(re.split(r'x*', 'axbc', maxsplit=2)))
print('F', ascii(re.sub(b'a', b'\\x', b'aa')) if False else '')
for bad in [r'\g<a', r'\g<>', r'\g<x1>', r'\g<-1>', r'\9', r'\g<3>', '\\', r'\q', r'\777']:
    try:
        print('F', ascii(re.sub(r'(a)(b)?', bad, 'ab')))
    except Exception as e:
        print('F', ascii(bad), err(e))
for args in [(1, 'a'), ('a', 1), (b'a', 'a'), ('a', b'a'), ('a', bytearray(b'a')), (b'a', bytearray(b'xa')),
             (b'a', memoryview(b'xa'))]:
    try:
        print('F', ascii(re.search(*args)))
    except Exception as e:
        print('F', err(e))
m = re.match(r'(a)(?P<n>b)?', 'ab')
for g in [0, 1, 2, 'n', -1, 3, 'zz', 1.5, True]:
    try:
        print('F', ascii(m.group(g)), m.start(g), m.end(g), m.span(g))
    except Exception as e:
        print('F', err(e))
print('F', ascii(m.group(0, 1, 'n')), ascii(m[1]), ascii(m['n']))
print('F', re.escape('a-b.c*\n\t #&~') == 'a\\-b\\.c\\*\\\n\\\t\\ \\#\\&\\~', ascii(re.escape(b'a.b\xff')))
print('F', repr(re.compile(r'x', re.I | re.M | re.S | re.X | re.A)), repr(re.compile(b'x', re.L)))
print('F', repr(re.compile('a' * 300))[:40], len(repr(re.compile('a' * 300))))
print('F', repr(re.match('a' * 100, 'a' * 100)))
print('F', re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), hash(re.compile('a')) == hash(re.compile('a')))
print('F', repr(re.I), repr(re.I | re.M), repr(re.NOFLAG), repr(~re.I), re.I.value, (re.I | re.S).name, str(re.X))
print('F', list(re.RegexFlag), repr(re.I | 1024), re.I & re.M)
s = re.Scanner([(r'\d+', lambda s, t: int(t)), (r'[a-z]+', lambda s, t: t.upper()), (r'\s+', None)])
print('F', s.scan('12 ab 7 x!'))
print('F', re.compile(r'(?P<a>x)(y)').groupindex, re.compile(r'(?P<a>x)(y)').groups, re.compile(r'(?i)x').flags)
print('F', ascii(re.match(r'\w', 'x').re), ascii(re.purge()))
print('F', type(re.compile('')).__name__, re.Pattern, re.Match, re.Pattern[str])
try:
    re.compile('a', re.L)
except Exception as e:
    print('F', err(e))
try:
    re.compile(b'a', re.U)
except Exception as e:
    print('F', err(e))
try:
    re.compile(re.compile('a'), re.I)
except Exception as e:
    print('F', err(e))
try:
    re.compile(1)
except Exception as e:
    print('F', err(e))
e = None
try:
    re.compile('a\nb(c')
except re.error as x:
    e = x
print('F', e.msg, e.pos, e.lineno, e.colno, ascii(e.pattern), str(e))
print('F', re.fullmatch(r'a*', 'aaa', ) is not None, re.compile(r'a').fullmatch('ab', 0, 1))
print('F', re.compile(r'^a').search('ba', 1), re.compile(r'a$').search('ab', 0, 1))
print('F', [m.group() for m in re.finditer(r'\d', 'a1b2c3', )], list(re.compile(r'\d').finditer('a1b2c3', 2, 5)))
print('F', re.compile(r'x').findall('xaxx', 1), re.compile(r'x').search('xx', -5, 100))
import copy
print('F', copy.copy(re.compile('a')) is re.compile('a'), copy.deepcopy(m) is m)
'''


def main():
    ap = vectors.argument_parser(seed=20261127, cases=1500)
    ap.add_argument("--keep", help="write the generated program here")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    lines = [PROGRAM_HEAD]
    for _ in range(args.cases):
        g = Gen(rng)
        p = g.alternation(0)
        if rng.random() < 0.15:
            p = mutate(rng, p)
        flags = rng.choice(FLAG_CHOICES)
        as_bytes = rng.random() < 0.2 and all(ord(c) < 128 for c in p) and '\\N' not in p and '\\u' not in p
        subjects = [subject(rng, not as_bytes) for _ in range(rng.randint(2, 4))]
        repl = rng.choice([r'<\g<0>>', r'\1', '-', '', r'[\g<0>]\n', r'\\'])
        if as_bytes:
            if flags and 'A' not in str(flags) and rng.random() < 0.3:
                flags = 're.L' if flags == 0 else str(flags) + '|re.L'
            if r'\1' == repl and '(' not in p:
                repl = '-'
            lines.append('case(%r, %s, %r, %r)' % (p.encode('ascii'), flags,
                                                  [s.encode('latin-1') for s in subjects],
                                                  repl.encode('ascii')))
        else:
            lines.append('case(%r, %s, %r, %r)' % (p, flags, subjects, repl))
    for row in TABLE:
        p, s, expr = row[:3]
        flags = row[3] if len(row) > 3 else '0'
        lines.append('table(%r, %r, %r, %s)' % (p, s, expr, flags))
    lines.append(TABLE_CALLS)
    program = '\n'.join(lines) + '\n'
    if args.keep:
        with open(args.keep, 'w') as f:
            f.write(program)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "re_vectors.py")
        with open(path, "w") as f:
            f.write(program)
        outs = vectors.run_both(path, args.python, args.minipy, timeout=3000)

    def label(out, i):
        # the pattern line above the difference gives the context
        ctx = next((out[j] for j in range(i, -1, -1) if out[j].startswith('P ')), '')
        return "line %d (%s)" % (i + 1, ctx[:100])

    return vectors.report(outs, lambda out, diffs: "re vectors: %d random patterns + %d table rows, %d output lines (seed %d), %d differ" % (args.cases, len(TABLE), len(out), args.seed, len(diffs)), label)


if __name__ == "__main__":
    sys.exit(main())
