#!/usr/bin/env python3
"""Generated-vector test of minipy's codec registry and codecs: native
_codecs (modules/_codecsmodule.cpp), runtime/codecs.cpp (registry, error
handlers), runtime/unicode_codecs.cpp, lib/codecs.py and lib/encodings/.

Writes one program of random cases: random strings (ASCII, Latin-1, BMP,
astral characters, lone surrogates, U+DC80-U+DCFF) encoded with random
encodings and error handlers (the eight built-in ones and a registered
one); random byte strings (valid UTF-8/16/32 pieces, byte order marks,
malformed sequences, escapes) decoded the same way; the same bytes
decoded incrementally, split at random points, and through
codecs.iterdecode; the _codecs functions called directly (final or not,
_ex variants); lookups of alias spellings. Each result is printed as an
ascii() or as the exception's type, message and start/end. The program
runs under minipy and python3.11 in the same run; outputs must match.

Usage: test_codecs_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PROGRAM_HEAD = r'''
import codecs

def custom(exc):
    # A registered handler: replaces with <start-end> and skips one more.
    if isinstance(exc, UnicodeEncodeError):
        return ('<%d-%d>' % (exc.start, exc.end), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('[%d:%d]' % (exc.start, exc.end), exc.end)
    raise TypeError("can't handle %s" % type(exc).__name__)

codecs.register_error('test.custom', custom)

def show(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        extra = ''
        if isinstance(e, UnicodeError) and hasattr(e, 'start'):
            extra = ' [%s %d %d %s]' % (e.encoding, e.start, e.end, ascii(e.reason))
        print(label, type(e).__name__, ascii(str(e)) + extra)
    else:
        print(label, ascii(r))

def incremental(enc, errors, data, cuts):
    d = codecs.getincrementaldecoder(enc)(errors)
    out = []
    prev = 0
    for c in cuts + [len(data)]:
        out.append(d.decode(data[prev:c]))
        prev = c
    out.append(d.decode(b'', True))
    return out

def incremental_encode(enc, errors, text, cuts):
    e = codecs.getincrementalencoder(enc)(errors)
    out = []
    prev = 0
    for c in cuts + [len(text)]:
        out.append(e.encode(text[prev:c]))
        prev = c
    out.append(e.encode('', True))
    return out
'''

ENCODINGS = ['utf-8', 'utf8', 'UTF-16', 'utf-16-le', 'utf_16_be', 'utf-32', 'utf-32-le', 'UTF-32BE', 'ascii',
             'latin-1', 'iso-8859-1', 'cp1252', 'iso8859-15', 'cp437', 'mac-roman', 'koi8-r', 'cp037', 'utf-8-sig',
             'unicode_escape', 'raw_unicode_escape', 'windows-1252', 'latin9', 'IBM437', 'macintosh', 'utf-7', 'U7']
ERRORS = ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace', 'surrogateescape',
          'surrogatepass', 'test.custom']
CHARS = (list('abcXYZ019 \t\n\\\'"') + ['\x00', '\x7f', '\x80', '\xa0', '\xe9', '\xff', '\u0100', '\u20ac', '\u2022',
         '\u00e4', '\u0416', '\u4e00', '\uac00', '\ufeff', '\ufffd', '\uffff', '\U0001f600', '\U00010000',
         '\U0010ffff', '\ud800', '\udbff', '\udc00', '\udc80', '\udcff', '\udfff', '\u0378', '\U0001fbf9'])
BYTE_PIECES = [b'a', b'Z', b'\x00', b'\n', b'\\', b'\x7f', b'\x80', b'\xbf', b'\xc0', b'\xc2\xa9', b'\xc3',
               b'\xe2\x82\xac', b'\xe2\x82', b'\xed\xa0\x80', b'\xf0\x9f\x98\x80', b'\xf0\x9f', b'\xf4\x90\x80\x80',
               b'\xff', b'\xfe', b'\xff\xfe', b'\xfe\xff', b'\xef\xbb\xbf', b'\x00\x00\xfe\xff', b'\xff\xfe\x00\x00',
               b'\x00\xd8', b'\xd8\x00', b'\x00\xdc', b'a\x00', b'\x00a', b'\x00\x00\x11\x00',
               b'\\x41', b'\\u20ac', b'\\U0001f600', b'\\N{LATIN SMALL LETTER E WITH ACUTE}', b'\\N{BOGUS}',
               b'\\x4', b'\\u12', b'\\q', b'\\777', b'\\n', b'\\', b'\\N{', b'\\U00110000', b'\x81', b'\x9d', b'+', b'+-', b'+AKw-', b'+2D3eAA', b'+AB', b'-', b'+2D0']
NAMES = ['UTF-8', 'utf_8', 'U8', 'Latin-1', 'latin1', 'L1', 'ISO_8859-1:1987', 'cp-1252', 'WINDOWS-1252', 'ascii',
         'US-ASCII', '646', 'utf 16', 'UTF16LE', 'utf-32be', 'iso-8859-15', 'latin9', 'L9', 'mac_roman', 'macroman',
         'KOI8-R', 'ibm437', '437', 'ebcdic-cp-us', 'utf-8-sig', 'utf_8_sig', 'unicode-escape', 'nope', 'utf-7x',
         'rot13', 'rot-13', '', ' ', 'utf..8', 'utf--8', 'UTF\u00e98', 'cp65001', 'iso8859_1', 'x' * 5]


def rand_text(rng):
    return ''.join(rng.choice(CHARS) for _ in range(rng.randrange(0, 10)))


def rand_bytes(rng):
    return b''.join(rng.choice(BYTE_PIECES) for _ in range(rng.randrange(0, 7)))


def cuts_for(rng, n):
    return sorted(rng.randrange(0, n + 1) for _ in range(rng.randrange(0, 4)))


def main():
    ap = vectors.argument_parser(20261127, 2500)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "codecs_vectors.py")
        with open(path, "w") as f:
            f.write(PROGRAM_HEAD)
            for name in NAMES:
                f.write("show('lookup', lambda: codecs.lookup(%r).name)\n" % name)
                f.write("show('encode', lambda: 'x\\xe9'.encode(%r))\n" % name)
            for _ in range(args.cases):
                enc = rng.choice(ENCODINGS)
                err = rng.choice(ERRORS)
                text = rand_text(rng)
                data = rand_bytes(rng)
                f.write("show('enc', %r.encode, %r, %r)\n" % (text, enc, err))
                f.write("show('dec', %r.decode, %r, %r)\n" % (data, enc, err if err != 'xmlcharrefreplace' or
                                                                  rng.random() < 0.2 else 'replace'))
                if rng.random() < 0.4:
                    f.write("show('inc', incremental, %r, %r, %r, %r)\n"
                            % (enc, rng.choice(['strict', 'replace', 'surrogateescape', 'backslashreplace']), data,
                               cuts_for(rng, len(data))))
                if rng.random() < 0.2:
                    f.write("show('incenc', incremental_encode, %r, %r, %r, %r)\n"
                            % (enc, rng.choice(['strict', 'replace', 'backslashreplace']), text,
                               cuts_for(rng, len(text))))
                if rng.random() < 0.2:
                    fn = rng.choice(['utf_8_decode', 'utf_16_decode', 'utf_16_le_decode', 'utf_32_be_decode',
                                     'utf_32_decode', 'unicode_escape_decode', 'raw_unicode_escape_decode',
                                     'utf_7_decode'])
                    f.write("show(%r, codecs.%s, %r, %r, %r)\n" % (fn, fn, data, err, rng.random() < 0.5))
                if rng.random() < 0.1:
                    fn = rng.choice(['utf_16_ex_decode', 'utf_32_ex_decode'])
                    f.write("show(%r, codecs.%s, %r, 'replace', %d, %r)\n"
                            % (fn, fn, data, rng.choice([0, -1, 1]), rng.random() < 0.5))
                if rng.random() < 0.1:
                    f.write("show('escape_decode', codecs.escape_decode, %r)\n" % data)
                    f.write("show('escape_encode', codecs.escape_encode, %r)\n" % data)
                if rng.random() < 0.1:
                    f.write("show('iterdecode', lambda: list(codecs.iterdecode([%r, %r], %r, 'replace')))\n"
                            % (data[:2], data[2:], enc))
                if rng.random() < 0.05:
                    handler = rng.choice(['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace',
                                          'namereplace', 'surrogateescape', 'surrogatepass'])
                    f.write("show('handler', codecs.lookup_error(%r), UnicodeEncodeError(%r, %r, 0, %d, 'r'))\n"
                            % (handler, rng.choice(['utf-8', 'ascii', 'utf-16-be']), text or 'x',
                               max(1, len(text))))
                    f.write("show('handler', codecs.lookup_error(%r), UnicodeDecodeError(%r, %r, 0, %d, 'r'))\n"
                            % (handler, rng.choice(['utf-8', 'ascii', 'utf-32-le']), data or b'\x80',
                               max(1, min(4, len(data)))))
            for call in ["codecs.lookup(1)", "codecs.lookup_error('nope')", "codecs.register(1)",
                         "codecs.register_error('x', 1)", "codecs.encode('a', 'rot13')", "codecs.decode('Uryyb', 'rot13')",
                         "'a'.encode('rot13')", "b'a'.decode('rot13')", "codecs.utf_8_decode('a')",
                         "codecs.utf_8_encode(b'a')", "codecs.utf_8_encode('a', 1)", "codecs.charmap_build('abc')",
                         "codecs.charmap_decode(b'\\x00\\x01\\x05', 'strict', 'ab')",
                         "codecs.charmap_decode(b'\\x00\\x01', 'replace', {0: 'xy', 1: None})",
                         "codecs.charmap_encode('abc', 'strict', {97: 1, 98: b'zz'})",
                         "codecs.charmap_encode('abc', 'replace', {97: 1, 63: 2})",
                         "codecs.latin_1_decode(bytearray(b'\\xe9'))", "codecs.readbuffer_encode('\\xe9')",
                         "codecs.BOM_UTF16_BE + codecs.BOM_UTF32_LE + codecs.BOM_UTF8",
                         "codecs.getencoder('cp1252')('\\u20ac')", "codecs.getdecoder('utf-16')(b'\\xfe\\xff\\x00a')",
                         "codecs.make_encoding_map({1: 2, 3: 2})", "codecs.encode(b'x', 'utf-8')",
                         "'x'.encode('utf-8', 1)", "'\\udc80'.encode('utf-8', 'test.custom')",
                         "b'\\x80'.decode('ascii', 'nope')", "'a'.encode('ascii', 'nope')"]:
                f.write("show(%r, lambda: %s)\n" % (call, call))
        outs = vectors.run_both(path, args.python, args.minipy)
    return vectors.report(outs, lambda out, diffs: "codecs vectors: %d cases, %d output lines (%d errors; seed %d), "
                          "%d differ" % (args.cases, len(out), sum(1 for line in out if "Error" in line),
                                         args.seed, len(diffs)))


if __name__ == "__main__":
    sys.exit(main())
