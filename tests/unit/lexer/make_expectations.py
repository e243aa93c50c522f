#!/usr/bin/env python3.11
"""make_expectations.py: writes expectations.inc, the python3.11 answers the
lexer's unit tests compare with. Run it with python3.11 after changing a case:

    python3.11 tests/unit/lexer/make_expectations.py

Every expectation comes from python3.11 itself:
  - token_names: token.tok_name (tokens.def must number the kinds the same);
  - stream cases: tokenize._generate_tokens_from_c_tokenizer, the C tokenizer
    the compiler uses (kind, string, start, end with byte columns);
  - error cases: the SyntaxError python3.11 raises when it runs the file,
    read with a sys.excepthook installed by a sitecustomize module (file mode,
    as `python3.11 FILE` tokenizes it), plus the text it prints on stderr;
  - dump cases: `python3.11 -m tokenize -e FILE` (stdout, stderr, status);
  - unicode runs: for every code point, str.isidentifier() of it alone
    (XID_Start) and after "a" (XID_Continue), isprintable(), the re
    module's \w, isspace(), as runs of equal answers.
"""
import re
import io
import os
import warnings
import subprocess
import sys
import tempfile
import token
import tokenize

HERE = os.path.dirname(os.path.abspath(__file__))

STREAM_CASES = [
    # names
    b"x _y z1 __init__ \xc3\xa9t\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xe2\x84\x8c\n",
    b"if else elif while for in is not and or lambda True None\n",
    b"async def f():\n    await x\n",
    b"async_ = await_ = 1\n",
    # numbers
    b"0 00 0_0 7 1_000 0x1F 0XdeadBEEF 0x_1 0o17 0O_7 0b101 0B_1 1.5 1. .5 1e5 1E-5 1.e+5 1_0.0_1e1_0\n",
    b"1j 1.5J .5j 1e5j 0777.5 0777e1 0777j 09.5\n",
    b"1if x else y\n",
    b"x = 0x1for\n",
    # strings
    b"'a' \"b\" '''c''' \"\"\"d\"\"\" '' \"\" '\\'' \"\\\"\"\n",
    b"r'a' u'b' b'c' f'd' br'e' rb'f' fr'g' rf'h' R'i' U'j' B'k' F'l' BR'm' Rb'n' fR'o' RF'p'\n",
    b"x = 'a\\\nb'\n",
    b"x = '''a\nb\n''' + \"\"\"\n\"\"\"\n",
    b"f'{x!r:>{width}}' f\"{'nested'}\"\n",
    b"s = 'caf\xc3\xa9' + '\\N{BULLET}'\n",
    # every operator and delimiter
    (" ".join(sorted(s for s in token.EXACT_TOKEN_TYPES if s not in "()[]{}")) + "\n").encode(),
    b"x = (1, [2, {3: 4}])\n",
    b"a <> b\n",
    b"x = $ ? `\n",
    # newlines, comments, blank lines
    b"x = 1 # comment\n\n# only a comment\n   \ny = 2\n",
    b"x = 1\r\ny = 2\r\n",
    b"x = 1\ry = 2\r",
    b"x = 1",
    b"",
    b"# nothing\n",
    # indentation
    b"if x:\n    if y:\n        a\n    b\nc\n",
    b"if x:\n\tif y:\n\t\ta\n\tb\n",
    b"if x:\n  a\n\x0c  b\n",
    b"if x:\n  a\n  # comment at a strange depth\n      \n  b\n",
    b"if x:\n    a\n",
    b"if x:\n    a",
    # line joining
    b"x = 1 + \\\n    2\n",
    b"x = (1 +\n\n  # comment\n     2)\n",
    b"if x:\n  a\n  \\\n  b\n",
    # encodings
    b"\xef\xbb\xbfx = 1\n",
    b"# -*- coding: latin-1 -*-\nx = '\xe9'\n",
    b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\ns = '\xa4'\n",
]

ERROR_CASES = [
    b"x = 'abc\n",
    b"x = 1\ny = \"\"\"abc\n\nfoo\n",
    b"x = '\xc3\xa9\xc3\xa9\n",
    b"if x:\n        a\n    b\n",
    b"if x:\n\tif y:\n\t\ta\n        b\n",
    b"if x:\n        a\n\tb\n",
    b"".join(b" " * i + b"if x:\n" for i in range(101)) + b" " * 101 + b"pass\n",
    b"x = 1abc\n", b"x = 1_\n", b"x = 1e\n", b"x = 1e+\n", b"x = 1.5_\n", b"x = 1._5\n", b"x = 1jx\n",
    b"x = 0x\n", b"x = 0x1_\n", b"x = 0o\n", b"x = 0o8\n", b"x = 0o1_9\n", b"x = 0b\n", b"x = 0b12\n",
    b"x = 0777\n", b"x = 0_7\n", b"x = 0777e\n",
    "x = a\u20ac\n".encode(), "\u20ac = 1\n".encode(), "x = 1\u20ac\n".encode(),
    "x = \u00a0 1\n".encode(), b"x = 1 \x01\n",
    "\U00011f04 = 1\n".encode(),  # KAWI LETTER A: Unicode 15, unassigned for CPython 3.11
    b"x = 1)\n", b"x = ]\n", b"x = (1,\n2\n", b"x = (1]\n", b"x = (1,\n 2]\n", b"x = {\n",
    b"x = 1 \\ 2\n", b"x = 1 + \\\n", b"\\\n", b"x = (\\\n",
    b"x = " + b"(" * 201 + b"\n",
    b"x = 1\x00\n",
    b"x = '\xff'\n", b"x = 1\ny = '\xff'\n",
    b"# coding: foo\nx = 1\n", b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
    b"if x:\r\n        a\r\n\tb\r\n", b"if x:\n        a\n\tb", b"x = (1,", b"x = 'abc",
    # under a utf-8 cookie the reader does not check bytes: the name's decoding fails
    b"# coding: utf-8\nx\xff = 1\n", b"# coding: utf-8\nx = \xff\n", b"# coding: utf-8\nx\xe2\x82",
    b"# coding: utf-8\n\xc3x = 1\n",
    # a keyword after a number must end there to be accepted
    b"x = 1elsex\n", b"x = 1andy\n", b"x = 1or_\n", "x = 0else\U00011f04\n".encode(),
    # locations pegen computes are in bytes unless the file declares its encoding
    b"\xc3\xa9\xc3\xa9 = (1,\n", b"# coding: utf-8\n\xc3\xa9\xc3\xa9 = (1,\n", b"\xc3\xa9\xc3\xa9 = 1 \\ 2\n",
    b"\xc3\xa9\xc3\xa9 = 1 + \\\n", b"if x:\n        a\n    \xc3\xa9\n", b"# coding: latin-1\nif x:\n        a\n    \xe9\n",
    # a backslash before the end of a file without a final newline
    b"\"x'\\", b"x = '''a\\",
]

WARNING_CASES = [
    b"x = 1if y else 2\n",
    b"x = [0x1for x in y]\nz = 1.5jand 2\n",
    b"x = 1or 2 or 1or 3\ny = 0o7in z\nw = 0b1is 1\nv = 1e5not in z\n",
    b"x = 1ifx\n",  # no check after "if"/"in"/"is": a warning, then a parser error
]

DUMP_CASES = [
    b"def f(a, *, b=1) -> int:\n    return a  # done\n",
    b"if x:\n    y = 1\n\n# end\n",
    b"x = 1",
    b"if x:\n  y\n# c",
    b"x = $ + a\xe2\x82\xac\n",
    "a\U000E0100 = 1\n".encode(),
    "\U00011f04 = '\U00011f04'\n".encode(),
    b"x = 'abc\n",
    b"x = '''abc\n",
    b"x = (1,\n",
    b"if x:\n        a\n    b\n",
    b"x = 'a\\\nb' + 'c\\\nd\n",
    b"x = 1\r\ny = '\\r'\r\n",
    b"# coding: latin-1\nx = '\xe9\xa4'\n",
    b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
    b"# coding: uft-8\n",
    b"x = '\xff'\n",
    b"s = '\\x00\\t' + \"'\" + '\"' + \"'\\\"\"\n",
    b"x = 1 \x0c+ 2\x01\n",
    b"async def f(): await x\n",
]


def c_string(data):
    """A C++ string literal for arbitrary bytes (octal escapes for the rest)."""
    out = []
    for b in data:
        c = chr(b)
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "?":
            out.append("\\?")  # no trigraphs
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def sv(data):
    return "std::string_view(%s, %d)" % (c_string(data), len(data))


def python_file_error(path):
    """The SyntaxError python3.11 raises running PATH, and what it prints."""
    with tempfile.TemporaryDirectory() as hook_dir:
        with open(os.path.join(hook_dir, "sitecustomize.py"), "w") as f:
            f.write("import sys\n"
                    "def hook(t, v, tb):\n"
                    "    print(repr((t.__name__, v.args)), file=sys.stderr)\n"
                    "sys.excepthook = hook\n")
        env = dict(os.environ, PYTHONPATH=hook_dir)
        run = subprocess.run([sys.executable, path], capture_output=True, env=env)
    name, args = eval(run.stderr.decode("utf-8").strip().splitlines()[-1])
    shown = subprocess.run([sys.executable, path], capture_output=True).stderr
    return name, args, shown


def main():
    warnings.simplefilter("ignore")  # "1if x": the C tokenizer's SyntaxWarning
    out = ["// expectations.inc: generated by make_expectations.py from python3.11; do not edit.", ""]

    out.append("static const std::pair<int, const char*> expected_token_names[] = {")
    for value in range(token.N_TOKENS):
        out.append("    {%d, %s}," % (value, c_string(token.tok_name[value].encode())))
    out.append("};")
    out.append("")

    out.append("static const StreamCase stream_cases[] = {")
    for src in STREAM_CASES:
        text = tokenize.detect_encoding(io.BytesIO(src).readline)[0]
        decoded = src.decode(text)
        if decoded.startswith("\ufeff"):
            decoded = decoded[1:]
        lines = []
        for t in tokenize._generate_tokens_from_c_tokenizer(decoded):
            lines.append("%d %r %d,%d %d,%d" % (t.type, t.string, *t.start, *t.end))
        out.append("    {%s, %s}," % (sv(src), sv("".join(line + "\n" for line in lines).encode())))
    out.append("};")
    out.append("")

    kinds = {"SyntaxError": "SyntaxError", "IndentationError": "IndentationError", "TabError": "TabError"}
    out.append("static const ErrorCase error_cases[] = {")
    with tempfile.TemporaryDirectory() as tmp:
        for i, src in enumerate(ERROR_CASES):
            path = os.path.join(tmp, "case.py")
            with open(path, "wb") as f:
                f.write(src)
            name, args, shown = python_file_error(path)
            msg = args[0]
            if len(args) > 1 and args[1] is not None:
                filename, lineno, offset, text, end_lineno, end_offset = args[1]
                has_location = 1
            else:
                lineno = offset = end_lineno = end_offset = 0
                text = ""
                has_location = 0
            shown = shown.replace(path.encode(), b"case.py")
            out.append("    {%s, SyntaxErrorInfo::%s, %s, %d, %d, %d, %d, %d, %s, %s}," % (
                sv(src), kinds[name], sv(msg.replace(path, "case.py").encode()), has_location, lineno,
                offset, end_lineno, end_offset, sv((text or "").encode()), sv(shown)))
    out.append("};")
    out.append("")

    out.append("static const WarningCase warning_cases[] = {")
    for src in WARNING_CASES:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                compile(src, "case.py", "exec")
            except SyntaxError:  # "1ifx": the parser refuses what the tokenizer warned about
                pass
        # the tokenizer's warnings only (the compiler adds its own, e.g. "is" with a literal)
        text = "".join("%s:%d: %s\n" % (w.category.__name__, w.lineno, w.message) for w in caught
                       if str(w.message).endswith(" literal") and str(w.message).startswith("invalid "))
        out.append("    {%s, %s}," % (sv(src), sv(text.encode())))
    out.append("};")
    out.append("")

    out.append("static const DumpCase dump_cases[] = {")
    with tempfile.TemporaryDirectory() as tmp:
        for src in DUMP_CASES:
            path = os.path.join(tmp, "case.py")
            with open(path, "wb") as f:
                f.write(src)
            run = subprocess.run([sys.executable, "-m", "tokenize", "-e", "case.py"], capture_output=True, cwd=tmp)
            err = run.stderr if b"Traceback" not in run.stderr else run.stderr.split(b"\n")[0] + b"\n"
            out.append("    {%s, %s, %s, %d}," % (sv(src), sv(run.stdout), sv(err), run.returncode))
    out.append("};")

    word = re.compile(r"\w")
    out.append("")
    out.append("// {first code point, bits}: 16 XID_Start, 8 XID_Continue, 4 printable, 2 \\w, 1 space")
    out.append("static const std::pair<char32_t, int> unicode_runs[] = {")
    previous = None
    for c in range(0x110000):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        bits = ((ch != "_" and ch.isidentifier()) << 4 | ("a" + ch).isidentifier() << 3 |
                ch.isprintable() << 2 | bool(word.match(ch)) << 1 | ch.isspace())
        if bits != previous:
            out.append("    {0x%X, %d}," % (c, bits))
            previous = bits
    out.append("};")

    with open(os.path.join(HERE, "expectations.inc"), "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
