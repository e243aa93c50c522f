#!/usr/bin/env python3
"""Exhaustive test of minipy's unicodedata (modules/unicodedata.cpp, ICU)
against python3.11's (Unicode 14.0), in the same run.

Part 1, every code point: for each property (category, bidirectional,
combining, east_asian_width, mirrored, decomposition, name, decimal, digit,
numeric, the four normal forms of the character alone, and the same for
ucd_3_2_0's names, decompositions and numeric values), one program prints a
SHA-512 digest of the values of each block
of 4,096 code points. Blocks whose digests differ are printed again code
point by code point by a second program, and the differing code points
are reported.

Part 2: lookup() of every name, alias and named sequence of Unicode 14.0
(read from Debian perl's unicore/Name.pl when it is there), of each name in
lower case, and of bad names; random strings (combining marks, Hangul
jamo and syllables, compatibility characters) through normalize and
is_normalized in the four forms; argument errors.

Usage: test_unicodedata_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

BLOCK = 4096

PROPERTIES = r'''
import unicodedata, hashlib, sys
from itertools import repeat
U = unicodedata
OLD = unicodedata.ucd_3_2_0

def props(db):
    # Each maps a list of characters to their values with map() over the
    # module's functions: no Python frame per code point.
    one = lambda f: (lambda chars: map(f, chars))
    dflt = lambda f: (lambda chars: map(f, chars, repeat(None)))
    form = lambda name: (lambda chars: map(db.normalize, repeat(name), chars))
    return [('category', one(db.category)), ('bidirectional', one(db.bidirectional)),
            ('combining', one(db.combining)), ('east_asian_width', one(db.east_asian_width)),
            ('mirrored', one(db.mirrored)), ('decomposition', one(db.decomposition)),
            ('name', dflt(db.name)), ('decimal', dflt(db.decimal)), ('digit', dflt(db.digit)),
            ('numeric', dflt(db.numeric)), ('NFC', form('NFC')), ('NFD', form('NFD')),
            ('NFKC', form('NFKC')), ('NFKD', form('NFKD'))]

# ucd_3_2_0: only what minipy reproduces (names, decompositions, numeric
# values); its categories, bidirectional classes, widths and mirroring
# differ where CPython keeps 3.2's own values (docs/stdlib.md).
OLD_PROPS = ('name', 'decomposition', 'numeric')
TABLE = [('', p) for p in props(U)] + [('ucd_3_2_0.', p) for p in props(OLD) if p[0] in OLD_PROPS]

def blocks(prefix):
    # Unicode 3.2 assigned nothing in planes 3-13: ucd_3_2_0 skips them.
    return [b for b in range(0, 0x110000, %d) if not (prefix and 0x30000 <= b < 0xE0000)]
''' % BLOCK

DIGESTS = PROPERTIES + r'''
for prefix, (name, f) in TABLE:
    for start in blocks(prefix):
        text = '|'.join(map(repr, f(list(map(chr, range(start, start + %d))))))
        print(prefix + name, hex(start), hashlib.sha512(text.encode('utf-8', 'surrogatepass')).hexdigest()[:20])
''' % BLOCK

DETAIL = PROPERTIES + r'''
wanted = set(tuple(line.split()) for line in sys.stdin.read().splitlines())
for prefix, (name, f) in TABLE:
    for start in blocks(prefix):
        if (prefix + name, hex(start)) in wanted:
            for c in range(start, start + %d):
                print(prefix + name, 'U+%%04X' %% c, ascii(next(iter(f([chr(c)])))))
''' % BLOCK

OTHERS_HEAD = r'''
import unicodedata
def show(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, ascii(r))
'''

NAME_PL = "/usr/share/perl/5.36.0/unicore/Name.pl"


def names_from_perl():
    """Unicode 14.0's names, aliases and named sequences (empty without perl's file)."""
    try:
        with open(NAME_PL, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return []
    body = text.split("return <<'END';\n", 1)[-1].split("\nEND\n", 1)[0]
    names = []
    for entry in body.split("\n\n"):
        lines = entry.strip().split("\n")
        if len(lines) == 2 and lines[1] and not lines[1].startswith("#"):
            names.append(lines[1])
    return names


MARKS = [0x300, 0x301, 0x302, 0x308, 0x323, 0x327, 0x328, 0x31B, 0x345, 0x5B0, 0x5BC, 0x64B, 0x93C, 0x9BE, 0x9C7,
         0xB3E, 0xBD7, 0xCD5, 0xE48, 0x1DC0, 0x20D0, 0x302A, 0x3099, 0x309A, 0x1D165, 0x1D16E, 0x11127, 0x1133E]
BASES = [0x41, 0x61, 0x45, 0x65, 0x4F, 0x55, 0x3B1, 0x3B9, 0x3C9, 0x418, 0x5D0, 0x627, 0x915, 0x9C7, 0xB47, 0xBC6,
         0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0x304B, 0x30AB, 0xFB1D, 0xFB2A, 0x212B, 0x2126, 0x1E0A, 0x1E9B,
         0xFDFA, 0x3300, 0xFF76, 0x2460, 0xF900, 0x2F800, 0x1D15E, 0x11099, 0x11131, 0x1E900, 0x378, 0x1FAF7,
         0x10570, 0xE000, 0xD800, 0xDC00, 0xDFFF, 0x20, 0x2000, 0xA0, 0x1F1E6]


def main():
    ap = vectors.argument_parser(20261127, 3000)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        # Part 1: digests, then the differing blocks in detail.
        path = os.path.join(tmp, "unicodedata_digests.py")
        with open(path, "w") as f:
            f.write(DIGESTS)
        outs = vectors.run_both(path, args.python, args.minipy)
        (rc_py, out_py, err_py), (rc_mp, out_mp, err_mp) = outs
        if rc_py != 0:
            print("python3.11 failed:\n" + err_py[-3000:])
            return 2
        bad = [line.rsplit(" ", 1)[0] for line, other in zip(out_py, out_mp + [""] * len(out_py)) if line != other]
        print("unicodedata: every code point x 14 properties (ucd_3_2_0: 3, planes 0-2, 14-16) in %d block "
              "digests of %d code points, %d blocks differ" % (len(out_py), BLOCK, len(bad)))
        if rc_mp != 0:
            print("minipy exited with %d\n%s" % (rc_mp, err_mp[-3000:]))
            return 1
        if bad:
            status = 1
            detail = os.path.join(tmp, "unicodedata_detail.py")
            with open(detail, "w") as f:
                f.write(DETAIL)
            import subprocess
            runs = [subprocess.run([exe, detail], input="\n".join(bad[:30]), capture_output=True, text=True)
                    for exe in (args.python, args.minipy)]
            diffs = vectors.line_diffs(runs[0].stdout.splitlines(), runs[1].stdout.splitlines())
            print("%d code point values differ" % len(diffs))
            for _, want, got in diffs[:200]:
                print("    python3.11: %s\n    minipy:     %s" % (want, got))

        # Part 2: lookup, random normalization, errors.
        path = os.path.join(tmp, "unicodedata_others.py")
        names = names_from_perl()
        with open(path, "w") as f:
            f.write(OTHERS_HEAD)
            for name in names:
                f.write("show('lookup', unicodedata.lookup, %r)\n" % name)
                if rng.random() < 0.05:
                    f.write("show('lookup', unicodedata.lookup, %r)\n" % name.lower())
                    f.write("show('lookup', unicodedata.ucd_3_2_0.lookup, %r)\n" % name)
            for bad_name in ["", "FOO", "LATIN SMALL LETTER", "x" * 300, "HANGUL SYLLABLE GAG",
                             "CJK UNIFIED IDEOGRAPH-4e00", "CJK UNIFIED IDEOGRAPH-2B739", "CJK UNIFIED IDEOGRAPH-9FFF",
                             "CJK UNIFIED IDEOGRAPH-04E00", "LATIN CAPITAL LETTER A\0"]:
                f.write("show('lookup', unicodedata.lookup, %r)\n" % bad_name)
                f.write("show('lookup', unicodedata.lookup, %r)\n" % bad_name.encode())
            for _ in range(args.cases):
                s = "".join(chr(rng.choice(MARKS if rng.random() < 0.5 else BASES)) for _ in range(rng.randrange(0, 8)))
                for form in ("NFC", "NFD", "NFKC", "NFKD"):
                    f.write("show(%r, unicodedata.normalize, %r, %r)\n" % (form, form, s))
                    f.write("show(%r, unicodedata.is_normalized, %r, %r)\n" % (form, form, s))
                    if rng.random() < 0.2:
                        f.write("show(%r, unicodedata.ucd_3_2_0.normalize, %r, %r)\n" % (form, form, s))
            for call in ["decimal()", "decimal('ab')", "decimal(3)", "decimal('a', 1, 2)", "decimal('a')",
                         "digit('a')", "numeric('a')", "name('\\x00')", "normalize('X', 'a')", "normalize(1, 'a')",
                         "normalize('NFC', 1)", "normalize('NFC')", "is_normalized('NFX', 'a')", "lookup(1)",
                         "category('ab')", "category(b'a')", "UCD()", "name('\\U0001FAF7')", "name('\\U0001FAF7', 5)",
                         "decimal('\\u0661', 0)", "digit('\\u00b2')", "numeric('\\u4e07')", "ucd_3_2_0.unidata_version",
                         "unidata_version", "ucd_3_2_0.name('\\u0221', 'none')", "mirrored('(')", "combining('\\u0301')"]:
                f.write("show(%r, lambda: unicodedata.%s)\n" % (call, call))
        outs = vectors.run_both(path, args.python, args.minipy)
        part2 = vectors.report(outs, lambda out, diffs: "unicodedata lookups/normalization: %d names, %d random strings, "
                               "%d output lines, %d differ" % (len(names), args.cases, len(out), len(diffs)))
    return max(status, part2)


if __name__ == "__main__":
    sys.exit(main())
