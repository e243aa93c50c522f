#!/usr/bin/env python3
"""Generated-vector test of minipy's textwrap (lib/textwrap.py) and
string.Template (lib/string.py), both built on re.

Writes one program of random wraps (texts of hyphenated words, em-dashes,
long words, sentence ends, tabs and newlines; random widths, indents,
max_lines, placeholders and flags) through wrap, fill and shorten, random
dedent/indent inputs, and random Template substitutions (valid, invalid
and escaped placeholders, custom delimiters and id patterns). Each result
is printed as a repr or as the exception's type and message. The program
runs under minipy and python3.11 in the same run; outputs must match line
by line. Expectations come only from python3.11.

Usage: test_textwrap_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import string, textwrap

def show(label, f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, repr(r))

def wraps(text, kw):
    show('wrap', textwrap.wrap, text, **kw)
    show('fill', textwrap.fill, text, **kw)

class Percent(string.Template):
    delimiter = '%'
    idpattern = '[a-z]+_[a-z]+'

class Braced(string.Template):
    braceidpattern = r'[^}]+'
'''

WORDS = ['Look,', 'goof-ball', '--', 'use', 'the', '-b', 'option!', 'a', 'supercalifragilisticexpialidocious',
         'x--y', 'end.', 'Then', 'well-known', 'e-mail', '"quoted."', 'tab\there', 'line\nbreak', '   ', '----',
         'ab-cd-ef', '\u00fcber-cool', '12-34', 'Mr.', 'x', 'what?', "'yes!'"]

OPTIONS = [('initial_indent', ["''", "'* '", "'>>> '"]), ('subsequent_indent', ["''", "'  '"]),
           ('expand_tabs', ['True', 'False']), ('replace_whitespace', ['True', 'False']),
           ('fix_sentence_endings', ['False', 'True']), ('break_long_words', ['True', 'False']),
           ('drop_whitespace', ['True', 'False']), ('break_on_hyphens', ['True', 'False']),
           ('tabsize', ['8', '4']), ('max_lines', ['None', '1', '2', '3']),
           ('placeholder', ["' [...]'", "'~'", "'...'"])]

TEMPLATE_PARTS = ['$who', '${what}', '$$', '$', '${', '$1', 'text ', ' ', '\n', '$who_', '${who}x', '%ab_cd', '%%',
                  '%x', '${a b}', '$what']


def main():
    ap = vectors.argument_parser(seed=20261127, cases=1500)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "textwrap_vectors.py")
        with open(path, "w") as f:
            f.write(PROGRAM_HEAD)
            for _ in range(args.cases):
                text = ' '.join(rng.choice(WORDS) for _ in range(rng.randrange(0, 30)))
                if rng.random() < 0.3:
                    text = '  ' + text + ' \n '
                # Widths stay above the indents: CPython's own textwrap loops
                # forever when an indent leaves no room.
                kw = {'width': str(rng.choice([6, 8, 10, 15, 20, 30, 70]))}
                for name, values in OPTIONS:
                    if rng.random() < 0.4:
                        kw[name] = rng.choice(values)
                f.write("wraps(%r, dict(%s))\n" % (text, ', '.join('%s=%s' % kv for kv in kw.items())))
                if rng.random() < 0.3:
                    f.write("show('shorten', textwrap.shorten, %r, %d)\n" % (text, rng.choice([5, 10, 20, 40])))
                if rng.random() < 0.2:
                    lines = [rng.choice(['', '  ', '\t', '    ', ' \t']) + rng.choice(['', 'x', 'def f():', '  y'])
                             for _ in range(rng.randrange(1, 6))]
                    doc = '\n'.join(lines) + rng.choice(['', '\n'])
                    f.write("show('dedent', textwrap.dedent, %r)\n" % doc)
                    f.write("show('indent', textwrap.indent, %r, '> ')\n" % doc)
                if rng.random() < 0.3:
                    tpl = ''.join(rng.choice(TEMPLATE_PARTS) for _ in range(rng.randrange(0, 6)))
                    cls = rng.choice(['string.Template', 'Percent', 'Braced'])
                    f.write("show('sub', %s(%r).substitute, who='tim', what='kung pao', ab_cd=1, **{'a b': 2})\n"
                            % (cls, tpl))
                    f.write("show('safe', %s(%r).safe_substitute, {'who': 'x'})\n" % (cls, tpl))
                    f.write("show('ids', %s(%r).get_identifiers)\n" % (cls, tpl))
                    f.write("show('valid', %s(%r).is_valid)\n" % (cls, tpl))
        outs = vectors.run_both(path, args.python, args.minipy)
    return vectors.report(outs, lambda out, diffs: "textwrap/Template vectors: %d cases, %d output lines (%d errors; seed %d), %d differ" % (args.cases, len(out), sum(1 for line in out if "Error" in line), args.seed, len(diffs)))


if __name__ == "__main__":
    sys.exit(main())
