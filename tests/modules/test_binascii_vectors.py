#!/usr/bin/env python3
"""Generated-vector test of minipy's binascii (modules/binascii.cpp) and
base64 (lib/base64.py).

Builds random inputs biased towards what each encoding finds interesting
(quoted-printable: '=', '.', '_', spaces and tabs before line ends, CR/LF
mixes, bytes above 126, long lines; base64: the alphabet with padding in
every position, junk characters, non-ASCII; uu: line lengths and the
backtick; hex: odd lengths, bad digits, separators), as bytes, bytearray,
memoryview and str, plus wrong argument types and counts. Every call of
every binascii and base64 function is written into one program, run under
minipy and python3.11 in the same run; the outputs (the result's repr, or
the exception's type and message) are compared line by line.

Usage: test_binascii_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
B32 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
QP_PIECES = [b"=", b".", b"_", b" ", b"\t", b"\r\n", b"\n", b"\r", b"\x00", b"\xff", b"\x7f", b"=4", b"=41",
             b"=\n", b"=\r\n", b"==", b"=g1", b"a", b"Z", b"~", b"hello world"]


def rand_bytes(rng, alphabet=None, maxlen=60):
    n = rng.choice([0, 1, 2, 3, 4, 5, rng.randint(0, maxlen), rng.randint(0, maxlen * 3)])
    if alphabet is None:
        return bytes(rng.randrange(256) for _ in range(n))
    return bytes(rng.choice(alphabet) for _ in range(n))


def rand_b64_text(rng):
    data = bytearray(rand_bytes(rng, B64, 40))
    for _ in range(rng.choice([0, 0, 1, 2, 3])):
        pos = rng.randint(0, len(data))
        data[pos:pos] = rng.choice([b"=", b"==", b"\n", b" ", b"!", b"\xc3", b"-", b"_", b"==="])
    if rng.random() < 0.3:
        data += b"=" * rng.randint(1, 3)
    return bytes(data)


def rand_qp(rng):
    return b"".join(rng.choice(QP_PIECES) for _ in range(rng.randint(0, 40))) + \
        (b"x" * rng.randint(60, 90) if rng.random() < 0.2 else b"")


def as_arg(rng, data, allow_str):
    """A Python expression for data: bytes, bytearray, memoryview or str."""
    r = rng.random()
    if r < 0.55:
        return repr(data)
    if r < 0.7:
        return "bytearray(%r)" % data
    if r < 0.8:
        return "memoryview(%r)" % data
    if allow_str:
        try:
            return repr(data.decode("ascii"))
        except UnicodeDecodeError:
            return repr(data.decode("latin-1"))
    return repr(data.decode("latin-1"))


def cases(rng, n):
    out = []
    bad = ["None", "5", "1.5", "[1]", "'é'", "object()"]
    for _ in range(n):
        kind = rng.choice(["uu", "b64", "qp", "hex", "crc", "base64mod", "bad"])
        if kind == "uu":
            data = rand_bytes(rng, None, 50)
            out.append("binascii.b2a_uu(%s%s)" % (as_arg(rng, data, False),
                                                 rng.choice(["", ", backtick=True", ", backtick=0"])))
            enc = bytes(rng.choice(b" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`\n\x1f\x7f")
                        for _ in range(rng.randint(0, 70)))
            out.append("binascii.a2b_uu(%s)" % as_arg(rng, enc, True))
        elif kind == "b64":
            data = rand_bytes(rng)
            out.append("binascii.b2a_base64(%s%s)" % (as_arg(rng, data, False),
                                                     rng.choice(["", ", newline=False", ", newline=True"])))
            text = rand_b64_text(rng)
            out.append("binascii.a2b_base64(%s%s)" % (as_arg(rng, text, True),
                                                     rng.choice(["", ", strict_mode=True", ", strict_mode=False"])))
        elif kind == "qp":
            data = rand_qp(rng)
            flags = ", ".join("%s=%s" % (k, rng.choice(["True", "False"]))
                              for k in ("quotetabs", "istext", "header") if rng.random() < 0.5)
            out.append("binascii.b2a_qp(%s%s)" % (as_arg(rng, data, False), ", " + flags if flags else ""))
            out.append("binascii.a2b_qp(%s%s)" % (as_arg(rng, rand_qp(rng), True),
                                                 rng.choice(["", ", header=True", ", True"])))
        elif kind == "hex":
            data = rand_bytes(rng, None, 20)
            sep = rng.choice(["", ", ':'", ", b'-'", ", sep='::'", ", 'é'", ", 3"])
            per = rng.choice(["", ", 2", ", -3", ", 0", ", bytes_per_sep=4"]) if sep else ""
            if "sep=" in sep and per and "=" not in per:
                per = ", bytes_per_sep=" + per[2:]
            out.append("binascii.%s(%s%s%s)" % (rng.choice(["hexlify", "b2a_hex"]), as_arg(rng, data, False),
                                                sep, per))
            text = rand_bytes(rng, b"0123456789abcdefABCDEF" + (b"xg " if rng.random() < 0.2 else b""), 20)
            out.append("binascii.%s(%s)" % (rng.choice(["unhexlify", "a2b_hex"]), as_arg(rng, text, True)))
        elif kind == "crc":
            data = rand_bytes(rng, None, 80)
            start = rng.choice(["", ", 0", ", 1", ", -1", ", 0xffffffff", ", 2**40 + 7", ", %d" % rng.getrandbits(32)])
            out.append("binascii.crc32(%s%s)" % (as_arg(rng, data, False), start))
            out.append("binascii.crc_hqx(%s, %s)" % (as_arg(rng, data, False),
                                                     rng.choice(["0", "0xffff", "-1", "2**33", "%d" % rng.getrandbits(16)])))
        elif kind == "base64mod":
            data = rand_bytes(rng)
            fn = rng.choice(["b64encode", "standard_b64encode", "urlsafe_b64encode", "b32encode", "b32hexencode",
                             "b16encode", "a85encode", "b85encode", "encodebytes"])
            extra = ""
            if fn == "a85encode":
                extra = rng.choice(["", ", foldspaces=True", ", wrapcol=10", ", pad=True", ", adobe=True",
                                    ", wrapcol=7, adobe=True"])
            elif fn == "b85encode":
                extra = rng.choice(["", ", pad=True"])
            elif fn == "b64encode":
                extra = rng.choice(["", ", altchars=b'-_'", ", altchars=b'*'"])
            out.append("base64.%s(%s%s)" % (fn, as_arg(rng, data, False), extra))
            # decode what the encoder makes, and a damaged copy of it
            dec = {"b64encode": "b64decode", "standard_b64encode": "standard_b64decode",
                   "urlsafe_b64encode": "urlsafe_b64decode", "b32encode": "b32decode",
                   "b32hexencode": "b32hexdecode", "b16encode": "b16decode", "a85encode": "a85decode",
                   "b85encode": "b85decode", "encodebytes": "decodebytes"}[fn]
            out.append("roundtrip(base64.%s, base64.%s, %r, %r)" % (fn, dec, data, extra))
            text = rand_bytes(rng, B32 + b"=abc01\n ", 30) if "32" in fn else rand_b64_text(rng)
            dextra = ""
            if dec == "b64decode":
                dextra = rng.choice(["", ", validate=True", ", altchars=b'-_'", ", b'-_', True"])
            elif dec in ("b32decode", "b16decode"):
                dextra = rng.choice(["", ", casefold=True"]) + (rng.choice(["", ", map01=b'L'", ", map01=b'I'"])
                                                                 if dec == "b32decode" else "")
            elif dec == "a85decode":
                dextra = rng.choice(["", ", foldspaces=True", ", adobe=True", ", ignorechars=b'x'"])
            out.append("base64.%s(%s%s)" % (dec, as_arg(rng, text, True), dextra))
        else:
            fn = rng.choice(["a2b_uu", "b2a_uu", "a2b_base64", "b2a_base64", "crc32", "crc_hqx", "hexlify",
                             "unhexlify", "a2b_qp", "b2a_qp", "b2a_hex", "a2b_hex"])
            args = rng.choice(["", rng.choice(bad), "b'ab', b'cd', 1, 2, 3", "b'ab', " + rng.choice(bad),
                               "data=b'x'", "b'x', bogus=1", "b'x', strict_mode=[]", "b'x', newline=None"])
            out.append("binascii.%s(%s)" % (fn, args))
    return out


PRELUDE = '''\
import base64
import binascii

def show(expr, thunk):
    try:
        r = thunk()
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(expr, "->", repr(r))

def roundtrip(enc, dec, data, extra):
    kw = eval("dict(" + extra.lstrip(", ") + ")")
    if enc is base64.b64encode or enc is base64.a85encode:
        back = dec(enc(data, **kw), **{k: v for k, v in kw.items() if k in ("altchars", "foldspaces", "adobe")})
    elif enc is base64.b85encode:
        back = dec(enc(data, **kw))
    else:
        back = dec(enc(data))
    return back == data

print(sorted(n for n in dir(binascii) if not n.startswith("_")))
print(binascii.Error.__mro__, binascii.Incomplete.__mro__)
print(sorted(n for n in base64.__all__))
'''


def main():
    ap = vectors.argument_parser(20261127, 2500)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    lines = [PRELUDE]
    for expr in cases(rng, args.cases):
        lines.append("show(%r, lambda: %s)" % (expr, expr))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "binascii_vectors.py")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        outs = vectors.run_both(path, args.python, args.minipy)
    return vectors.report(outs, lambda out, diffs: "binascii/base64 vectors: %d results, %d differ (seed %d)"
                          % (len(out), len(diffs), args.seed))


if __name__ == "__main__":
    sys.exit(main())
