#!/usr/bin/env python3
"""Generated-vector test of minipy's unittest.mock (lib/unittest/mock.py).

Writes one program of random scenarios: a root mock (Mock, MagicMock,
NonCallableMock, optionally named, specced on a class, wrapping a class, or
made by create_autospec for a class or an instance) receives random
operations -- calls of random attribute chains with random arguments,
calls through return values (m.a().b(1)), assigned and attached child
mocks, configure_mock, reset_mock, deleted attributes, side effects -- and
then prints what the mock recorded (mock_calls, method_calls,
call_args_list, the id-free reprs of the mocks touched) and the outcome of
random assertions (assert_called_with / _once_with / any_call /
has_calls(any_order) / not_called, with expected calls that sometimes
match, sometimes not, sometimes contain ANY): AssertionError texts
included.  Random call objects are also compared with each other.  The
program runs under minipy and python3.11 in the same run; outputs must
match line by line.  Expectations come only from python3.11.

Usage: test_mock_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 13; issue 10.
"""
import os
import random
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import re
from unittest.mock import (Mock, MagicMock, NonCallableMock, call, ANY, sentinel,
                           create_autospec)

def clean(text):
    return re.sub(r"id='\d+'", "id=...", text)

def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, type(e).__name__, clean(str(e)))
    else:
        print(label, clean(repr(r)))

class Shape:
    sides = 4
    def area(self, scale, offset=0):
        pass
    def name(self):
        pass
    def move(self, dx, dy, *, fast=False):
        pass

class Point:
    def __init__(self, x, y=0):
        pass
    def __repr__(self):
        return 'Point()'
    def scale(self, k):
        pass
    @staticmethod
    def origin(a=1):
        pass

def get(obj, path):
    for part in path:
        obj = obj() if part == '()' else getattr(obj, part)
    return obj
'''

NAMES = ['a', 'b', 'c', 'area', 'move', 'name', 'sides', 'count', 'index', 'x', 'scale', 'origin']
ROOTS = ['Mock()', 'MagicMock()', "Mock(name='root')", "MagicMock(name='svc')",
         'Mock(spec=Shape)', 'MagicMock(spec=Shape)', 'NonCallableMock()', "Mock(name='r.s')",
         'Mock(spec=Point)', 'create_autospec(Shape)', 'create_autospec(Point)',
         'create_autospec(Shape, instance=True)', 'Mock(wraps=Point)']
VALUES = ['1', '2', "'s'", 'None', '(1, 2)', '[3]', "{'k': 1}", 'sentinel.v', '2.5', "b'by'"]


def rand_args(rng, allow_any=False):
    values = VALUES + (['ANY'] if allow_any else [])
    args = [rng.choice(values) for _ in range(rng.randrange(0, 3))]
    kwargs = ['%s=%s' % (k, rng.choice(values))
              for k in rng.sample(['k', 'offset', 'fast', 'dy', 'y', 'a'], rng.randrange(0, 2))]
    return ', '.join(args + kwargs)


def rand_path(rng):
    path = []
    for _ in range(rng.randrange(0, 4)):
        path.append("'()'" if rng.random() < 0.25 else repr(rng.choice(NAMES)))
    return '[' + ', '.join(path) + ']'


def rand_call(rng, allow_any):
    # An expected call: call(...), call.name(...), call.a().b(...).
    prefix = 'call'
    for _ in range(rng.randrange(0, 3)):
        prefix += '.' + rng.choice(NAMES[:4]) if rng.random() < 0.7 else '()'
    return '%s(%s)' % (prefix, rand_args(rng, allow_any))


def scenario(rng, out):
    out.append('m = %s' % rng.choice(ROOTS))
    for _ in range(rng.randrange(1, 9)):
        op = rng.random()
        path = rand_path(rng)
        if op < 0.55:
            out.append("show('call', lambda: get(m, %s)(%s))" % (path, rand_args(rng)))
        elif op < 0.62:
            out.append("show('set', lambda: setattr(get(m, %s), %r, Mock()))" % (path, rng.choice(NAMES)))
        elif op < 0.67:
            out.append("show('attach', lambda: get(m, %s).attach_mock(Mock(name='n'), %r))"
                       % (path, rng.choice(NAMES)))
        elif op < 0.72:
            out.append("show('del', lambda: delattr(get(m, %s), %r))" % (path, rng.choice(NAMES)))
        elif op < 0.78:
            out.append("show('rv', lambda: setattr(get(m, %s), 'return_value', %s))"
                       % (path, rng.choice(VALUES)))
        elif op < 0.83:
            out.append("show('se', lambda: setattr(get(m, %s), 'side_effect', [%s]))"
                       % (path, rand_args(rng).split('=')[0] if rng.random() < 0.5 else 'KeyError'))
        elif op < 0.87:
            out.append("show('configure', lambda: m.configure_mock(**{'%s.return_value': %s}))"
                       % ('.'.join(rng.sample(NAMES[:4], rng.randrange(1, 3))), rng.choice(VALUES)))
        elif op < 0.90:
            out.append("show('reset', lambda: get(m, %s).reset_mock(return_value=%s))"
                       % (path, rng.choice(['True', 'False'])))
        else:
            out.append("show('repr', lambda: get(m, %s))" % path)
    out.append("print('mock_calls', m.mock_calls)")
    out.append("print('method_calls', m.method_calls)")
    out.append("print('call_args_list', m.call_args_list, m.call_count)")
    for _ in range(rng.randrange(1, 5)):
        kind = rng.randrange(6)
        target = "get(m, %s)" % rand_path(rng)
        if kind == 0:
            out.append("show('called_with', lambda: %s.assert_called_with(%s))" % (target, rand_args(rng, True)))
        elif kind == 1:
            out.append("show('once_with', lambda: %s.assert_called_once_with(%s))" % (target, rand_args(rng, True)))
        elif kind == 2:
            out.append("show('any_call', lambda: %s.assert_any_call(%s))" % (target, rand_args(rng, True)))
        elif kind == 3:
            calls = ', '.join(rand_call(rng, True) for _ in range(rng.randrange(0, 3)))
            out.append("show('has_calls', lambda: %s.assert_has_calls([%s], any_order=%s))"
                       % (target, calls, rng.choice(['True', 'False'])))
        elif kind == 4:
            out.append("show('has_own', lambda: m.assert_has_calls(m.mock_calls[%d:%d]))"
                       % (rng.randrange(0, 3), rng.randrange(0, 5)))
        else:
            out.append("show('not_called', lambda: %s.assert_not_called())" % target)
    # call objects compared with each other
    left, right = rand_call(rng, True), rand_call(rng, False)
    if rng.random() < 0.3:
        right = left.replace('ANY', '1')
    out.append("show('eq', lambda: (%s == %s, %s == %s))" % (left, right, right, left))


def main():
    args = vectors.argument_parser(seed=20261127, cases=400).parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "mock_vectors.py")
        lines = [PROGRAM_HEAD]
        for case in range(args.cases):
            lines.append("print('== case %d')" % case)
            scenario(rng, lines)
        with open(path, "w") as f:
            f.write('\n'.join(lines) + '\n')
        outs = vectors.run_both(path, args.python, args.minipy)

    def summary(out_py, diffs):
        return "mock vectors: %d cases, %d lines, %d differing" % (args.cases, len(out_py), len(diffs))

    def label(out_py, i):
        case = next((line for line in reversed(out_py[:i + 1]) if line.startswith('== case')), '?')
        return "%s, line %d" % (case, i + 1)

    return vectors.report(outs, summary, label)


if __name__ == "__main__":
    raise SystemExit(main())
