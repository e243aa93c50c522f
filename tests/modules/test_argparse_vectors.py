#!/usr/bin/env python3
"""Generated-vector test of minipy's argparse (lib/argparse.py).

Writes one program of random parsers (every action, nargs, type, choices,
defaults, metavars, required options, prefix characters, abbreviations,
mutually exclusive and titled groups, sub-parsers with aliases, parents,
set_defaults, every formatter class, fromfile prefixes) and, for each, its
help and usage at several COLUMNS and random command lines built from its
own option strings, abbreviations, '=' forms, clusters, '--', negative
numbers and unknown options. Each command line goes through parse_args,
parse_known_args or parse_intermixed_args; the program prints the
resulting Namespace (and extras), or the exit status with what argparse
wrote to stdout/stderr, or the exception raised. The program runs under
minipy and python3.11 in the same run; outputs must match line by line.
Expectations come only from python3.11.

Usage: test_argparse_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import argparse, contextlib, io, os, re, sys, warnings
warnings.simplefilter('ignore')

def unaddressed(text):
    return re.sub(r' at 0x[0-9a-f]+', ' at 0x...', text)

def even(s):
    if int(s) % 2:
        raise argparse.ArgumentTypeError('%r is not even' % s)
    return int(s)

def out(text):
    for line in text.split('\n'):
        print('  |' + line)

def captured(f, *args):
    so, se = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(so), contextlib.redirect_stderr(se):
            r = f(*args)
    except SystemExit as e:
        r = 'exit %r' % (e.code,)
    except Exception as e:
        r = unaddressed('raised %s: %s' % (type(e).__name__, e))
    return r, so.getvalue(), se.getvalue()

def show(label, f, *args):
    r, so, se = captured(f, *args)
    print(label, r if isinstance(r, str) else repr(r))
    if so:
        print(' stdout:'); out(so)
    if se:
        print(' stderr:'); out(se)

def run(n, build, argvs):
    try:
        p = build()
    except Exception as e:
        print(n, 'build', type(e).__name__, unaddressed(str(e)))
        return
    for cols in ('40', '80', '132'):
        os.environ['COLUMNS'] = cols
        show('%d help %s' % (n, cols), p.format_help)
    os.environ['COLUMNS'] = '80'
    show('%d usage' % n, p.format_usage)
    for dest in ('alpha', 'pos', 'extra', 'd', 'cmd'):
        show('%d get_default %s' % (n, dest), p.get_default, dest)
    for how, argv in argvs:
        show('%d %s %r' % (n, how, argv), getattr(p, how), argv)
'''

SHORTS = ['-a', '-b', '-c', '-x', '-1']
LONGS = ['--alpha', '--alp', '--beta', '--bet', '--gamma', '--foo-bar', '--foo', '--n']
VALUES = ['1', '2', '0', '-1', '-2.5', '3.25', 'x', 'yy', 'a b', '', 'red', 'green', '-', '1e3']
WORDS = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'a', 'lazy', 'dog', 'with', 'some',
         'considerably-longer', 'words', 'and', 'hyphen-ated', 'text.', '%(prog)s']
HELPS = ['', 'an option', 'the value (default: %(default)s)', 'type %(type)s, one of %(choices)s',
         'for %(prog)s: %(dest)s', None, 'SUPPRESS', 'nargs %(nargs)s const %(const)s',
         'a long help text that will need to be wrapped over several lines when the terminal is narrow']
FORMATTERS = ['HelpFormatter', 'RawDescriptionHelpFormatter', 'RawTextHelpFormatter',
              'ArgumentDefaultsHelpFormatter', 'MetavarTypeHelpFormatter']


def words(rng, lo, hi):
    text = ' '.join(rng.choice(WORDS) for _ in range(rng.randrange(lo, hi)))
    if rng.random() < 0.3:
        text = '  ' + text.replace(' ', '\n  ', 2) + '\n\n\n' + text
    return text


class Spec:
    """One random parser as source lines, plus what command lines may use."""

    def __init__(self, rng, prefix='-', depth=0):
        self.rng = rng
        self.prefix = prefix
        self.lines = []
        self.tokens = []        # option strings and sub-command names
        self.depth = depth
        self.counter = 0
        self.has_subparsers = False

    def option_string(self, used, long):
        rng = self.rng
        pool = LONGS if long else SHORTS
        s = rng.choice(pool)
        if self.prefix != '-':
            c = rng.choice(self.prefix)
            s = s.replace('-', c)
        if s in used and rng.random() < 0.8:
            return None
        used.add(s)
        return s

    def help_kw(self):
        h = self.rng.choice(HELPS)
        if h is None:
            return ''
        if h == 'SUPPRESS':
            return ', help=argparse.SUPPRESS'
        return ', help=%r' % h

    def optional(self, target, used, in_mutex=False):
        rng = self.rng
        strings = []
        for long in ([False, True] if rng.random() < 0.5 else [rng.random() < 0.6]):
            s = self.option_string(used, long)
            if s:
                strings.append(s)
        if not strings:
            return
        action = rng.choice(['store', 'store', 'store', 'store_const', 'store_true', 'store_false',
                             'append', 'append_const', 'count', 'extend', 'BooleanOptionalAction',
                             'version', None])
        kw = ''
        if action == 'BooleanOptionalAction':
            kw += ', action=argparse.BooleanOptionalAction'
        elif action is not None:
            kw += ', action=%r' % action
        nargs = None
        if action in ('store', 'append', 'extend', None):
            nargs = rng.choice([None, None, '?', '*', '+', 1, 2, 'argparse.REMAINDER', 0])
            if nargs is not None:
                kw += ', nargs=%s' % (nargs if nargs == 'argparse.REMAINDER' else repr(nargs))
            if nargs == '?' and rng.random() < 0.5:
                kw += ', const=%r' % rng.choice(['C', '7'])
            if rng.random() < 0.3:
                kw += ', type=%s' % rng.choice(['int', 'float', 'str', 'even'])
            if rng.random() < 0.2:
                kw += ', choices=%r' % rng.choice([['red', 'green'], ['1', '2'], ['x', 'yy', 'a b']])
            if rng.random() < 0.2:
                mv = rng.choice(['V', 'VAL', ('P', 'Q'), ('P',)])
                kw += ', metavar=%r' % (mv,)
        if action in ('store_const', 'append_const'):
            kw += ', const=%r' % rng.choice([5, 'k', None])
        if action == 'version':
            kw += ', version=%r' % '%(prog)s 2.0'
        if rng.random() < 0.3 and action != 'version':
            kw += ', default=%r' % rng.choice([0, '3', 'x', [1], None, 'argparse.SUPPRESS'])
            kw = kw.replace("'argparse.SUPPRESS'", 'argparse.SUPPRESS')
        if rng.random() < 0.15 and not in_mutex:
            kw += ', required=True'
        if rng.random() < 0.15:
            kw += ', dest=%r' % rng.choice(['d', 'dest_x', 'with-dash'])
        kw += self.help_kw()
        self.lines.append('    %s.add_argument(%s%s)' % (target, ', '.join(map(repr, strings)), kw))
        self.tokens.extend(strings)
        if action == 'BooleanOptionalAction':
            self.tokens.extend(self.prefix[0] * 2 + 'no-' + s.lstrip(self.prefix) for s in strings
                               if s[:2] == '--')

    def positional(self, target):
        rng = self.rng
        name = rng.choice(['pos', 'files', 'n', 'x', 'y'])
        kw = ''
        nargs = rng.choice([None, None, '?', '*', '+', 2, 'argparse.REMAINDER'])
        if nargs is not None:
            kw += ', nargs=%s' % (nargs if nargs == 'argparse.REMAINDER' else repr(nargs))
        if rng.random() < 0.3:
            kw += ', type=%s' % rng.choice(['int', 'float'])
        if rng.random() < 0.2:
            kw += ', choices=%r' % rng.choice([['red', 'green'], ['1', '2']])
        if rng.random() < 0.3:
            kw += ', default=%r' % rng.choice([0, '5', 'dflt', None])
        if rng.random() < 0.15:
            kw += ', metavar=%r' % (rng.choice(['NAME', ('A', 'B')]),)
        if rng.random() < 0.05:
            kw += ', required=True'
        kw += self.help_kw()
        self.lines.append('    %s.add_argument(%r%s)' % (target, name, kw))

    def build(self, var='p', prog='prog'):
        rng = self.rng
        kw = 'prog=%r' % prog
        if rng.random() < 0.1:
            kw += ', usage=%r' % '%(prog)s [options] things'
        if rng.random() < 0.5:
            kw += ', description=%r' % words(rng, 3, 40)
        if rng.random() < 0.3:
            kw += ', epilog=%r' % words(rng, 2, 20)
        if self.prefix != '-':
            kw += ', prefix_chars=%r' % self.prefix
        if rng.random() < 0.2:
            kw += ', allow_abbrev=False'
        if rng.random() < 0.1:
            kw += ', add_help=False'
        if rng.random() < 0.15:
            kw += ', argument_default=%s' % rng.choice(['argparse.SUPPRESS', "'AD'"])
        if rng.random() < 0.1:
            kw += ', fromfile_prefix_chars=%r' % '@'
            self.tokens.append('@/nonexistent/args.txt')
        if rng.random() < 0.1:
            kw += ', exit_on_error=False'
        if rng.random() < 0.1:
            kw += ", conflict_handler='resolve'"
        if self.depth == 0 and rng.random() < 0.6:
            kw += ', formatter_class=argparse.%s' % rng.choice(FORMATTERS)
        used = set()
        if self.depth == 0 and rng.random() < 0.15:
            parent = Spec(rng, self.prefix, 1)
            parent.build('parent', 'parent')
            if 'add_help=False' not in parent.lines[0]:
                parent.lines[0] = parent.lines[0].replace('ArgumentParser(', 'ArgumentParser(add_help=False, ')
            self.lines.extend(parent.lines)
            self.tokens.extend(parent.tokens)
            kw += ', parents=[parent]'
        self.lines.append('    %s = argparse.ArgumentParser(%s)' % (var, kw))
        for _ in range(rng.randrange(0, 7)):
            self.optional(var, used)
        if rng.random() < 0.3:
            self.lines.append('    g = %s.add_argument_group(%r, %r)' % (var, rng.choice(['group', 'other things']),
                                                                       words(rng, 0, 12)))
            for _ in range(rng.randrange(0, 3)):
                self.optional('g', used)
            if rng.random() < 0.3:
                self.positional('g')
        if rng.random() < 0.3:
            self.lines.append('    m = %s.add_mutually_exclusive_group(required=%r)' % (var, rng.random() < 0.4))
            for _ in range(rng.randrange(1, 4)):
                self.optional('m', used, in_mutex=True)
        for _ in range(rng.randrange(0, 3)):
            self.positional(var)
        if rng.random() < 0.15:
            self.lines.append('    %s.set_defaults(extra=%r, pos=%r)' % (var, rng.choice([1, 'e']), 'S'))
        if self.depth == 0 and rng.random() < 0.25:
            self.subparsers(var)

    def subparsers(self, var):
        rng = self.rng
        kw = []
        if rng.random() < 0.6:
            kw.append('dest=%r' % 'cmd')
        if rng.random() < 0.3:
            kw.append('required=True')
        if rng.random() < 0.4:
            kw.append('title=%r' % 'commands')
        if rng.random() < 0.3:
            kw.append('help=%r' % 'the sub-commands')
        if rng.random() < 0.2:
            kw.append('metavar=%r' % 'CMD')
        self.lines.append('    sp = %s.add_subparsers(%s)' % (var, ', '.join(kw)))
        for name in rng.sample(['run', 'stop', 'status'], rng.randrange(1, 3)):
            skw = ''
            if rng.random() < 0.5:
                skw += ', help=%r' % ('%s things' % name)
            if rng.random() < 0.3:
                alias = name[:2]
                skw += ', aliases=[%r]' % alias
                self.tokens.append(alias)
            self.tokens.append(name)
            sub = Spec(rng, '-', self.depth + 1)
            sub.build('s', 'IGNORED')
            # The sub-parser is built by add_parser, not ArgumentParser().
            first = sub.lines[0]
            args = first[first.index('(') + 1:-1].replace("prog='IGNORED'", '').lstrip(', ')
            self.lines.append('    s = sp.add_parser(%r%s%s)' % (name, skw, (', ' + args) if args else ''))
            self.lines.extend(sub.lines[1:])
            self.tokens.extend(sub.tokens)
        self.has_subparsers = True

    def argv(self):
        rng = self.rng
        argv = []
        for _ in range(rng.randrange(0, 8)):
            r = rng.random()
            if r < 0.45 and self.tokens:
                t = rng.choice(self.tokens)
                u = rng.random()
                if u < 0.1 and len(t) > 3 and t[1] == t[0]:
                    t = t[:rng.randrange(3, len(t))]          # an abbreviation
                elif u < 0.2 and t[:1] in self.prefix:
                    t = t + '=' + rng.choice(VALUES)
                elif u < 0.3 and len(t) == 2 and t[0] in self.prefix:
                    t = t + rng.choice(['x', '1', 'ab', 'a'])   # -xVALUE or a cluster
                argv.append(t)
            elif r < 0.85:
                argv.append(rng.choice(VALUES))
            elif r < 0.92:
                argv.append('--')
            else:
                argv.append(rng.choice(['--zzz', '-q', '--alpha-x', '+', '-', '--']))
        how = rng.choice(['parse_args'] * 5 + ['parse_known_args'] * 2 + ['parse_intermixed_args'])
        return how, argv


def main():
    ap = vectors.argument_parser(20261127, 300)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "argparse_vectors.py")
        with open(path, "w") as f:
            f.write(PROGRAM_HEAD)
            for n in range(args.cases):
                spec = Spec(rng, rng.choice(['-'] * 6 + ['-+', '+', '/-']))
                spec.build()
                f.write('\ndef build_%d():\n%s\n    return p\n' % (n, '\n'.join(spec.lines)))
                argvs = [spec.argv() for _ in range(rng.randrange(4, 12))]
                f.write('run(%d, build_%d, %r)\n' % (n, n, argvs))
        outs = vectors.run_both(path, args.python, args.minipy)

    def summary(out_py, diffs):
        return "argparse vectors: %d parsers, %d output lines, %d differ" % (args.cases, len(out_py), len(diffs))
    return vectors.report(outs, summary)


if __name__ == "__main__":
    sys.exit(main())
