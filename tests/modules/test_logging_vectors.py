#!/usr/bin/env python3
"""Generated-vector test of minipy's logging (lib/logging/).

Writes one program of random logging work: Formatters of the three styles
(%, {}, $) with random formats (valid and invalid, with widths,
conversions, defaults= and datefmt) applied to random records (messages
with %-arguments, mapping arguments, bad arguments, exc_text, stack
info); then random logger trees (dotted names asked for in random order,
so PlaceHolders get replaced), levels given as ints and names, propagate
flags, handler levels, name filters and callable filters, disable(),
LoggerAdapters and extra=, with every emitted record captured as text.
Record times, threads and processes are fixed by a record factory so the
output is deterministic. Each result is printed as text or as the
exception's type and message. The program runs under minipy and
python3.11 in the same run; outputs must match line by line. Expectations
come only from python3.11.

Usage: test_logging_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import io, logging, time

base_factory = logging.getLogRecordFactory()
def fixed_record(*args, **kwargs):
    r = base_factory(*args, **kwargs)
    r.created = 1700000000.25
    r.msecs = 250.0
    r.relativeCreated = 12.5
    r.thread = 1
    r.threadName = 'T'
    r.process = 2
    r.pathname = '/src/' + str(r.filename)
    r.filename = 'file.py'
    r.module = 'file'
    r.lineno = 7
    r.funcName = 'fn'
    return r
logging.setLogRecordFactory(fixed_record)
logging.Formatter.converter = time.gmtime

def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))

def fmt_case(label, fmt, style, datefmt, defaults, record_kw):
    try:
        f = logging.Formatter(fmt, datefmt, style, defaults=defaults)
    except Exception as e:
        print(label, 'ctor', type(e).__name__, e)
        return
    rec = logging.makeLogRecord(record_kw)
    show(label, f.format, rec)
    print(label, 'usesTime', f.usesTime())

class Capture(logging.Handler):
    def __init__(self, tag, level=0):
        super().__init__(level)
        self.tag = tag
        self.setFormatter(logging.Formatter('%(name)s:%(levelname)s:%(message)s'))
    def emit(self, record):
        print('   ', self.tag, self.format(record))
'''

FIELDS = ['name', 'levelname', 'levelno', 'message', 'asctime', 'msecs', 'module', 'lineno', 'funcName',
          'created', 'relativeCreated', 'thread', 'threadName', 'process', 'filename', 'pathname', 'custom',
          'missing', 'processName']
SPECS_P = ['s', 'r', 'd', '5s', '-8s', '03d', '.1f', 'x', 'a', '%', '10.3f', '', '*d']
SPECS_B = ['', ':>8', ':<5', '!r', '!s', ':05d', ':.2f', '!x', ':{w}', ':^7', '[0]', '.real']
MSGS = [('plain message', ()), ('with %s and %d', ('a', 3)), ('%(k)s mapped', ({'k': 'v'},)), ('bad %d', ('x',)),
        ('too few %s %s', ('one',)), ('no args %s', ()), (42, ()), ('percent %%', ()), ('%r', ([1, 2],))]


def percent_fmt(rng):
    parts = []
    for _ in range(rng.randrange(0, 5)):
        if rng.random() < 0.7:
            parts.append('%%(%s)%s' % (rng.choice(FIELDS), rng.choice(SPECS_P)))
        else:
            parts.append(rng.choice([' ', '|', '[', ']', '%%', '%', ' - ', '%(', 'text']))
    return ''.join(parts)


def brace_fmt(rng):
    parts = []
    for _ in range(rng.randrange(0, 5)):
        if rng.random() < 0.7:
            parts.append('{%s%s}' % (rng.choice(FIELDS), rng.choice(SPECS_B)))
        else:
            parts.append(rng.choice([' ', '|', '{{', '}}', '{', '}', '{}', '{0}', 'x']))
    return ''.join(parts)


def dollar_fmt(rng):
    parts = []
    for _ in range(rng.randrange(0, 5)):
        r = rng.random()
        if r < 0.4:
            parts.append('$' + rng.choice(FIELDS))
        elif r < 0.7:
            parts.append('${%s}' % rng.choice(FIELDS))
        else:
            parts.append(rng.choice([' ', '$$', '$', '${', 'x', '$1']))
    return ''.join(parts)


LOGGER_NAMES = ['a', 'a.b', 'a.b.c', 'a.bc', 'x', 'x.y.z', 'a.b.c.d', 'root', '']
LEVELS = ['10', '20', '30', '40', '50', '0', '25', "'INFO'", "'DEBUG'", "'WARNING'", "'BOGUS'", '15.5', 'None']


def tree_case(rng, n):
    lines = ['def tree_%d():' % n,
             '    mgr = logging.Manager(logging.RootLogger(logging.WARNING))',
             '    loggers = {}',
             '    def get(name):',
             '        return mgr.root if name in ("", "root") else mgr.getLogger(name)']
    for _ in range(rng.randrange(3, 14)):
        r = rng.random()
        name = rng.choice(LOGGER_NAMES)
        if r < 0.25:
            lines.append('    show("setLevel %s", get(%r).setLevel, %s)' % (name, name, rng.choice(LEVELS)))
        elif r < 0.4:
            tag = 'h%d' % rng.randrange(4)
            lines.append('    get(%r).addHandler(Capture(%r, %s))' % (name, tag, rng.choice(['0', '20', '30', '40'])))
        elif r < 0.47:
            lines.append('    get(%r).propagate = %r' % (name, rng.random() < 0.5))
        elif r < 0.55:
            lines.append('    get(%r).addFilter(logging.Filter(%r))' % (name, rng.choice(LOGGER_NAMES)))
        elif r < 0.6:
            lines.append('    get(%r).addFilter(lambda r: %r not in r.getMessage())' % (name, rng.choice(['m1', 'm2'])))
        elif r < 0.65:
            lines.append('    mgr.disable = %s' % rng.choice(['0', '20', '40']))
            lines.append('    mgr._clear_cache()')
        elif r < 0.72:
            lines.append('    ad = logging.LoggerAdapter(get(%r), {"user": %r})' % (name, rng.choice(['u1', 'u2'])))
            lines.append('    show("adapter", ad.log, %s, "adapted %%s", "m1")' % rng.choice(['20', '30', '40']))
            lines.append('    print("   ", repr(ad), ad.getEffectiveLevel(), ad.isEnabledFor(20), ad.hasHandlers())')
        else:
            msg, args = rng.choice(MSGS)
            level = rng.choice(['10', '20', '30', '40', '50', '25', "'INFO'"])
            extra = rng.choice(['None', '{"user": "e"}', '{"message": "x"}', '{"name": "n"}'])
            lines.append('    show("log %s %s", get(%r).log, %s, %r, *%r, extra=%s)'
                         % (name, level, name, level, msg, args, extra))
        lines.append('    print("   ", [(k, type(v).__name__, getattr(v, "parent", None) and v.parent.name) '
                     'for k, v in sorted(mgr.loggerDict.items())])')
    lines.append('    for name in %r:' % LOGGER_NAMES)
    lines.append('        lg = get(name)')
    lines.append('        print("   ", repr(lg), lg.getEffectiveLevel(), lg.isEnabledFor(20), lg.hasHandlers())')
    lines.append('tree_%d()' % n)
    return '\n'.join(lines) + '\n'


def main():
    ap = vectors.argument_parser(20261127, 600)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "logging_vectors.py")
        with open(path, "w") as f:
            f.write(PROGRAM_HEAD)
            for n in range(args.cases):
                style = rng.choice('%{$')
                fmt = {'%': percent_fmt, '{': brace_fmt, '$': dollar_fmt}[style](rng)
                if rng.random() < 0.1:
                    fmt = None
                datefmt = rng.choice([None, None, '%H:%M:%S', '%Y/%m/%d', '%j'])
                defaults = rng.choice([None, None, {'custom': 'DEF'}, {'custom': 1, 'w': 6}])
                msg, margs = rng.choice(MSGS)
                record = {'name': rng.choice(LOGGER_NAMES), 'msg': msg, 'args': margs,
                          'levelno': 30, 'levelname': 'WARNING', 'created': 1700000000.5, 'msecs': 500.0}
                if rng.random() < 0.3:
                    record['exc_text'] = 'Traceback: pretend'
                if rng.random() < 0.2:
                    record['stack_info'] = 'Stack: pretend'
                if rng.random() < 0.3:
                    record['custom'] = 'C'
                f.write('fmt_case(%r, %r, %r, %r, %r, %r)\n' % ('%d fmt' % n, fmt, style, datefmt, defaults, record))
                if n % 4 == 0:
                    f.write(tree_case(rng, n))
        outs = vectors.run_both(path, args.python, args.minipy)

    def summary(out_py, diffs):
        return "logging vectors: %d cases, %d output lines, %d differ" % (args.cases, len(out_py), len(diffs))
    return vectors.report(outs, summary)


if __name__ == "__main__":
    sys.exit(main())
