#!/usr/bin/env python3
"""Generated-vector test of minipy's json (lib/json/).

Writes one program that dumps random nested values (dicts with str, int,
float, bool and None keys, lists, tuples, str with control, non-ASCII and
astral characters, big ints, nan/inf, unserializable objects, cycles) with
random options (indent as int or str, separators, sort_keys, skipkeys,
ensure_ascii, allow_nan, check_circular, default) through dumps and
list(iterencode), and loads random documents: valid ones with random
whitespace, and the same mutated (characters deleted, inserted, replaced)
so that most are invalid, with random hooks (object_hook,
object_pairs_hook, parse_float/int/constant, strict=False). Each result is
printed as a repr, each error as its type and message (JSONDecodeError's
message carries line, column and char position). The program runs under
minipy and python3.11 in the same run; outputs must match line by line.
Expectations come only from python3.11.

Usage: test_json_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import json
import os
import random
import subprocess
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import json
nan, inf = float('nan'), float('inf')

class Odd:
    def __init__(self, v): self.v = v

def dflt(o):
    if isinstance(o, Odd): return {'odd': o.v}
    if isinstance(o, (set, frozenset)): return sorted(o)
    raise TypeError('no: ' + type(o).__name__)

def why(e):
    # A cycle with check_circular=False ends in RecursionError, whose
    # message names the C or Python call that hit the limit: not compared.
    return type(e).__name__ if isinstance(e, RecursionError) else '%s %s' % (type(e).__name__, e)

def dump(value, **kw):
    try:
        print('D', repr(json.dumps(value, **kw)))
    except Exception as e:
        print('D!', why(e))
    try:
        print('I', repr(list(json.JSONEncoder(**kw).iterencode(value))))
    except Exception as e:
        print('I!', why(e))

def load(doc, **kw):
    try:
        print('L', repr(json.loads(doc, **kw)))
    except json.JSONDecodeError as e:
        print('L!', e.msg, '|', e.pos, e.lineno, e.colno, '|', e)
    except Exception as e:
        print('L!!', type(e).__name__, e)

def cyc():
    a = [1]
    a.append({'x': a})
    return a

HOOKS = {
    'oh': dict(object_hook=lambda d: ('obj', sorted(d.items(), key=repr))),
    'oph': dict(object_pairs_hook=lambda p: ('pairs', p)),
    'pf': dict(parse_float=lambda t: ('f', t)),
    'pi': dict(parse_int=lambda t: ('i', t)),
    'pc': dict(parse_constant=lambda t: ('c', t)),
    'ns': dict(strict=False),
}
'''

CHARS = 'aZ09 _"\\/\b\f\n\r\t\x00\x01\x1f\x7f\x80\xe9\u2028\u4e2d\ud800\udc00\U0001f600'


def rand_str(rng):
    return ''.join(rng.choice(CHARS) for _ in range(rng.randrange(0, 8)))


def rand_float_src(rng):
    r = rng.random()
    if r < 0.6:
        return repr(rng.uniform(-1e6, 1e6))
    if r < 0.8:
        return repr(rng.uniform(-1, 1) * 10.0 ** rng.randrange(-320, 308))
    return rng.choice(['nan', 'inf', '-inf', '0.0', '-0.0', '1e16', '1e-7', '5e-324'])


def rand_key_src(rng):
    r = rng.random()
    if r < 0.6:
        return repr(rand_str(rng))
    if r < 0.7:
        return repr(rng.randrange(-10 ** 20, 10 ** 20))
    if r < 0.8:
        return rand_float_src(rng)
    if r < 0.93:
        return rng.choice(['True', 'False', 'None'])
    return rng.choice(['(1, 2)', 'b"k"', 'frozenset()'])


def rand_value_src(rng, depth):
    r = rng.random()
    if depth > 3 or r < 0.45:
        s = rng.random()
        if s < 0.3:
            return repr(rand_str(rng))
        if s < 0.5:
            return repr(rng.choice([0, 1, -1, 2 ** 64, -(10 ** 30), rng.randrange(-1000, 1000)]))
        if s < 0.75:
            return rand_float_src(rng)
        if s < 0.93:
            return rng.choice(['True', 'False', 'None'])
        return rng.choice(['Odd(3)', '{1, 2}', 'b"x"', 'object()', 'cyc()', 'complex(1, 2)'])
    n = rng.randrange(0, 5)
    if r < 0.7:
        items = ', '.join(rand_value_src(rng, depth + 1) for _ in range(n))
        return '[%s]' % items if rng.random() < 0.8 else '(%s,)' % items if n else '()'
    return '{%s}' % ', '.join('%s: %s' % (rand_key_src(rng), rand_value_src(rng, depth + 1)) for _ in range(n))


def rand_options(rng):
    kw = {}
    if rng.random() < 0.5:
        kw['indent'] = rng.choice(['None', '0', '1', '2', '4', "'\\t'", "'--'", "''"])
    if rng.random() < 0.3:
        kw['separators'] = rng.choice(["(',', ':')", "(', ', ': ')", "(';', '=')", "(' ,', ' : ')"])
    for name in ('sort_keys', 'skipkeys', 'ensure_ascii', 'allow_nan', 'check_circular'):
        if rng.random() < 0.25:
            kw[name] = rng.choice(['True', 'False'])
    if rng.random() < 0.3:
        kw['default'] = 'dflt'
    return kw


def rand_json_value(rng, depth):
    r = rng.random()
    if depth > 3 or r < 0.5:
        s = rng.random()
        if s < 0.3:
            return rand_str(rng).replace('\ud800', '').replace('\udc00', '')
        if s < 0.55:
            return rng.choice([0, -1, 10 ** 25, rng.randrange(-10 ** 6, 10 ** 6)])
        if s < 0.8:
            return rng.choice([rng.uniform(-1e3, 1e3), 1e300, -2.5e-300, 0.5, float('inf'), float('nan')])
        return rng.choice([True, False, None])
    n = rng.randrange(0, 5)
    if r < 0.75:
        return [rand_json_value(rng, depth + 1) for _ in range(n)]
    return {rand_str(rng).replace('\ud800', ''): rand_json_value(rng, depth + 1) for _ in range(n)}


def rand_ws(rng):
    return ''.join(rng.choice(' \t\n\r') for _ in range(rng.choice([0, 0, 0, 1, 2])))


def rand_document(rng):
    text = json.dumps(rand_json_value(rng, 0), ensure_ascii=rng.random() < 0.5)
    # Random whitespace between tokens: after every comma and colon, and
    # around the whole document.
    out = []
    for c in text:
        out.append(c)
        if c in ',:[{' and rng.random() < 0.3:
            out.append(rand_ws(rng))
    doc = rand_ws(rng) + ''.join(out) + rand_ws(rng)
    if rng.random() < 0.15:
        doc = rng.choice(['"\\u12', '"\\ud800\\udc00"', '"\\uD83D\\uDE00"', '"\\ud800\\u00e9"', '"a\\/b"',
                          '[1,]', '{"a":1,}', '-0', '-', '01', '1.e5', '1.5E+3', '2e-5', '-Infinity', 'NaN',
                          'nulls', '[true,false,null]', '"\\x41"', '\ufeff1', '{"a" "b"}', '["a" "b"]',
                          '{"a":1 "b":2}', '"\t"', '"unterminated', '[[[[[]]]]]', '{"":""}', '""']) + doc * 0
    if rng.random() < 0.6 and doc:
        chars = list(doc)
        for _ in range(rng.randrange(1, 4)):
            pos = rng.randrange(0, len(chars) + 1)
            op = rng.random()
            if op < 0.35 and pos < len(chars):
                del chars[pos]
            elif op < 0.7:
                chars.insert(pos, rng.choice('{}[],:"\\ \n0-.eEtfnxu\x01'))
            elif pos < len(chars):
                chars[pos] = rng.choice('{}[],:"\\ 19aZ\n')
        doc = ''.join(chars)
    return doc


def main():
    ap = vectors.argument_parser(seed=20261127, cases=1500)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "json_vectors.py")
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(PROGRAM_HEAD)
            for _ in range(args.cases):
                kw = rand_options(rng)
                f.write("dump(%s%s)\n" % (rand_value_src(rng, 0),
                                          ''.join(', %s=%s' % kv for kv in kw.items())))
                hooks = rng.sample(['oh', 'oph', 'pf', 'pi', 'pc', 'ns'], rng.choice([0, 0, 0, 1, 2]))
                doc = rand_document(rng)
                if rng.random() < 0.05:
                    f.write("load(%s.encode('utf-%s', 'surrogatepass'))\n" % (ascii(doc), rng.choice(['8', '16', '16-le', '32-be'])))
                f.write("load(%s%s)\n" % (ascii(doc), ''.join(', **HOOKS[%r]' % h for h in hooks)))
        # minipy runs the program twice: with its native _json, and with
        # _json blocked so that lib/json's pure-Python scanner and encoder
        # are checked too.
        pure = os.path.join(tmp, "json_vectors_pure.py")
        with open(path, encoding="utf-8", errors="surrogatepass") as src, \
                open(pure, "w", encoding="utf-8", errors="surrogatepass") as dst:
            dst.write("import sys\nsys.modules['_json'] = None\n" + src.read())
        outs = []
        for exe, prog in ((args.python, path), (args.minipy, path), (args.minipy, pure)):
            p = subprocess.run([exe, prog], capture_output=True, timeout=1800)
            outs.append((p.returncode, p.stdout.decode('utf-8', 'backslashreplace').splitlines(),
                         p.stderr.decode('utf-8', 'backslashreplace')))
    (rc_py, out_py, err_py) = outs[0]
    status = 0
    for label, (rc_mp, out_mp, err_mp) in (("native _json", outs[1]), ("pure Python", outs[2])):
        status |= compare(label, args, rc_py, out_py, err_py, rc_mp, out_mp, err_mp)
    return status


def compare(label, args, rc_py, out_py, err_py, rc_mp, out_mp, err_mp):
    if rc_py != 0:
        print("python3.11 failed on the generated program:\n" + err_py)
        return 2
    n = max(len(out_py), len(out_mp))
    diffs = [(i, out_py[i] if i < len(out_py) else "<missing>", out_mp[i] if i < len(out_mp) else "<missing>")
             for i in range(n) if (out_py[i:i + 1] != out_mp[i:i + 1])]
    errors = sum(1 for line in out_py if line.startswith(('D!', 'I!', 'L!')))
    print("json vectors (%s): %d cases, %d output lines (%d errors; seed %d), %d differ"
          % (label, args.cases, len(out_py), errors, args.seed, len(diffs)))
    for i, want, got in diffs[:40]:
        print("line %d\n    python3.11: %s\n    minipy:     %s" % (i + 1, want[:400], got[:400]))
    if rc_mp != 0:
        print("minipy exited with %d\n%s" % (rc_mp, err_mp[-3000:]))
        return 1
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
