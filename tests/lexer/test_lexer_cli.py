#!/usr/bin/env python3
"""test_lexer_cli.py: minipy's lexer as a user sees it, against python3.11
at test time (book ch. 6).

  1. `minipy --dump=tokens FILE` prints what `python3.11 -m tokenize -e FILE`
     prints (stdout, stderr, exit status) for every file in golden/ and for
     the generated sources below (ERRORTOKEN, unterminated strings, cookies).
  2. `minipy FILE` prints what `python3.11 FILE` prints (stderr, exit
     status 1) for sources CPython's tokenizer rejects.

    test_lexer_cli.py --minipy PATH [--reference python3.11]
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Sources the dump must print as the tokenize module does, errors included.
DUMP_SOURCES = {
    "eof_in_string.py": b"x = '''abc\n",
    "eof_in_statement.py": b"x = (1,\n",
    "bad_dedent.py": b"if x:\n        a\n    b\n",
    "unknown_cookie.py": b"# coding: uft-8\nx = 1\n",
    "bom_and_cookie.py": b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
    "not_utf8_header.py": b"x = '\xff'\n",
    "continued_string.py": b"x = 'a\\\nb' + 'c\\\nd\n",
    "only_spaces.py": b"   ",
    "comment_no_newline.py": b"if x:\n  y\n# c",
    "variation_selector.py": "a\U000E0100 = 1\n".encode(),
    "cr_only.py": b"x = 1\ry = 2\r",
    "nul.py": b"x = 1\x00\n",
}

# Sources python3.11 refuses in its tokenizer: minipy must say the same.
ERROR_SOURCES = {
    "unterminated.py": b"x = 'abc\n",
    "unterminated_triple.py": b"x = 1\ny = \"\"\"abc\n\nfoo\n",
    "unindent.py": b"if x:\n        a\n    b\n",
    "tabs.py": b"if x:\n\tif y:\n\t\ta\n        b\n",
    "tabs2.py": b"if x:\n        a\n\tb\n",
    "too_deep.py": b"".join(b" " * i + b"if x:\n" for i in range(101)) + b" " * 101 + b"pass\n",
    "decimal.py": b"x = 1abc\n",
    "decimal_underscore.py": b"x = 1_000_\n",
    "exponent.py": b"x = 1e+\n",
    "hex.py": b"x = 0x\n",
    "octal_digit.py": b"x = 0o8\n",
    "binary_digit.py": b"x = 0b12\n",
    "leading_zeros.py": b"x = 0777\n",
    "euro.py": "x = a\u20ac\n".encode(),
    "euro_after_number.py": "x = 1\u20ac\n".encode(),
    "nbsp.py": "x = \u00a0 1\n".encode(),
    "control.py": b"x = 1 \x01\n",
    "unicode15.py": "\U00011f04 = 1\n".encode(),  # new in Unicode 15: CPython 3.11 knows 14
    "unmatched.py": b"x = 1)\n",
    "never_closed.py": b"x = (1,\n2\n",
    "mismatch.py": b"x = (1]\n",
    "mismatch_lines.py": b"x = (1,\n 2]\n",
    "line_continuation.py": b"x = 1 \\ 2\n",
    "eof_after_backslash.py": b"x = 1 + \\\n",
    "nested.py": b"x = " + b"(" * 201 + b"\n",
    "null_byte.py": b"x = 1\n\x00\n",
    "not_utf8.py": b"x = 1\ny = '\xff'\n",
    "bad_cookie.py": b"# coding: foo\nx = 1\n",
    "bom_cookie.py": b"\xef\xbb\xbf# coding: latin-1\nx = 1\n",
    "crlf_unterminated.py": b"x = 1\r\ny = 'a\r\n",
    "unicode_before_error.py": "\u00e9\u00e9 = (1]\n".encode(),
    "bytes_location.py": "\u00e9\u00e9 = 1 \\ 2\n".encode(),
    "cookie_location.py": "# coding: utf-8\n\u00e9\u00e9 = (1,\n".encode(),
    "warning_undecodable.py": b"x = 1if 1 else 2 \\ 3\ny = '\xff'\n",
    "warnings_then_error.py": b"x = 1if 1 else 2\ny = [0x1for x in y]\nz = 1if 1 else 1if 0 else 2\n)\n",
}


def run(args, cwd):
    r = subprocess.run(args, capture_output=True, cwd=cwd)
    return r.stdout, r.stderr, r.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minipy", required=True)
    parser.add_argument("--reference", default="python3.11")
    args = parser.parse_args()
    minipy = os.path.abspath(args.minipy)
    passed = failed = 0

    def compare(label, theirs, ours):
        nonlocal passed, failed
        if theirs == ours:
            passed += 1
            return
        failed += 1
        print(f"FAIL {label}")
        for name, a, b in zip(("stdout", "stderr", "status"), theirs, ours):
            if a != b:
                print(f"  {name}:\n    python3.11: {a!r}\n    minipy:     {b!r}")

    with tempfile.TemporaryDirectory() as tmp:
        # 1. dumps: golden files (relative names, as a user types them) and generated ones.
        golden = os.path.join(HERE, "golden")
        for name in sorted(os.listdir(golden)):
            compare(f"--dump=tokens golden/{name}",
                    run([args.reference, "-m", "tokenize", "-e", name], golden),
                    run([minipy, "--dump=tokens", name], golden))
        for name, source in DUMP_SOURCES.items():
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(source)
            theirs = run([args.reference, "-m", "tokenize", "-e", name], tmp)
            if b"Traceback" in theirs[1]:
                # tokenize.py lets a UnicodeDecodeError escape with a traceback;
                # minipy prints only its first line (docs/chapters/lexer.md).
                theirs = (theirs[0], theirs[1].split(b"\n")[0] + b"\n", theirs[2])
            compare(f"--dump=tokens {name}", theirs, run([minipy, "--dump=tokens", name], tmp))
        # 2. tokenizer errors when running a file.
        for name, source in ERROR_SOURCES.items():
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(source)
            theirs = run([args.reference, name], tmp)
            if theirs[2] != 1:
                print(f"FAIL {name}: python3.11 accepted it; the case is wrong")
                failed += 1
                continue
            compare(f"run {name}", theirs, run([minipy, name], tmp))
    print(f"lexer cli: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
