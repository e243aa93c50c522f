#!/usr/bin/env python3
"""test_parser_cli.py: minipy's parser as a user sees it, against python3.11
at test time (book ch. 4 and 6).

  1. `minipy --dump=ast FILE` prints what `python3.11 -m ast -a FILE` prints
     for every file in cases/ and for the generated sources below.
  2. Deeply nested sources end in CPython's error (type and message), never
     in a crash: 100,000 nested parentheses, 10,000 nested ifs, long chains
     of unary operators.
  3. `minipy -d --dump=ast FILE` prints the rule-by-rule trace on stderr and
     still the same dump on stdout.

    test_parser_cli.py --minipy PATH [--reference python3.11]
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Small sources whose dump must match (written to files at test time).
GENERATED = {
    "empty.py": b"",
    "only_comment.py": b"# nothing\n",
    "no_final_newline.py": b"x = 1",
    "crlf.py": b"if x:\r\n    y = 'a'\r\n",
    "bom.py": b"\xef\xbb\xbfx = '\xc3\xa9'\n",
    "latin1_cookie.py": b"# -*- coding: latin-1 -*-\nx = '\xe9'\n",
    "nfkc_identifiers.py": "\ufb01 = \u210c = 1\nprint(\ufb01, \u210c)\n".encode(),
    "semicolons.py": b"a = 1; b = 2;\n",
    "continuation.py": b"x = 1 + \\\n    2\n",
    "global_nonlocal.py": b"def f():\n    global a, b\n    def g():\n        nonlocal c\n",
    "decorated.py": b"@a.b(c)\n@d\nasync def f(): pass\n",
    "star_targets.py": b"a, *b, (c, d) = [*e], = f = g\nfor x, in y: pass\n",
    "slices.py": b"a[1:2, ::3, ...]; a[:]; a[b:=1]; a[*b]\n",
    "walrus.py": b"if (n := len(a)) > 10: pass\n[y := f(x), y**2]\n",
    "lambda.py": b"f = lambda a, /, b=1, *c, d, e=2, **g: 0\nlambda: (yield)\n",
    "comprehensions.py": b"[x for x in y if x if not x for z in x]\n{k: v for k, v in d}\n{*a, *b}\n",
    "await.py": b"async def f():\n    await a\n    async for x in y: pass\n    return [await z async for z in w]\n",
    "trystar.py": b"try:\n    pass\nexcept* ValueError as e:\n    pass\nexcept* (A, B):\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    "big_numbers.py": b"x = 0x" + b"F" * 300 + b"\ny = 9" * 1 + b"9" * 400 + b"\n",
    "strings_escapes.py": "s = '\\N{SNOWMAN}\\N{snowman}\\a\\b\\f\\v\\'\\\"\\\\\\q'\nb = b'\\777\\q'\n".encode(),
    "deep_ok.py": b"x = " + b"(" * 150 + b"1" + b")" * 150 + b"\n",
    "func_type.py": b"def f(a, b):\n    # type: (int, str) -> None\n    pass\n",
}

# Sources CPython rejects because they nest too deeply: same error type and
# message (the last line of the report), and no crash.
DEEP = {
    "parens_100000.py": b"x = " + b"(" * 100000 + b")" * 100000 + b"\n",
    "ifs_10000.py": "".join("    " * i + "if x:\n" for i in range(10000)).encode() + b"    " * 10000 + b"pass\n",
    "unary_100000.py": b"x = " + b"-" * 100000 + b"1\n",
}


def run(argv, timeout=300):
    return subprocess.run(argv, capture_output=True, timeout=timeout)


def last_line(text):
    lines = [l for l in text.decode("utf-8", "replace").splitlines() if l.strip()]
    return lines[-1] if lines else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minipy", required=True)
    ap.add_argument("--reference", default="python3.11")
    args = ap.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        files = sorted(os.path.join(HERE, "cases", n) for n in os.listdir(os.path.join(HERE, "cases"))
                       if n.endswith(".py"))
        for name, source in GENERATED.items():
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write(source)
            files.append(path)
        for path in files:
            want = run([args.reference, "-m", "ast", "-a", path])
            got = run([args.minipy, "--dump=ast", path])
            if want.returncode != 0:
                print("FAIL %s: python3.11 rejects this case: %s" % (path, last_line(want.stderr)))
                failures += 1
            elif got.returncode != 0 or got.stdout != want.stdout:
                print("FAIL %s: exit %d; %s" % (path, got.returncode, last_line(got.stderr)))
                w, g = want.stdout.decode().splitlines(), got.stdout.decode().splitlines()
                for i, (a, b) in enumerate(zip(w, g)):
                    if a != b:
                        print("  line %d\n    python3.11: %s\n    minipy:     %s" % (i + 1, a, b))
                        break
                failures += 1
            else:
                print("ok   %s" % os.path.basename(path))

        for name, source in DEEP.items():
            path = os.path.join(tmp, name)
            with open(path, "wb") as f:
                f.write(source)
            want = run([args.reference, "-m", "ast", path])
            got = run([args.minipy, "--dump=ast", path])
            if got.returncode < 0 or got.returncode not in (1,) or last_line(got.stderr) != last_line(want.stderr):
                print("FAIL %s: exit %d\n    python3.11: %s\n    minipy:     %s" % (
                    name, got.returncode, last_line(want.stderr), last_line(got.stderr)))
                failures += 1
            else:
                print("ok   %s: %s" % (name, last_line(got.stderr)))

        # The -d trace: rule lines on stderr, the same dump on stdout.
        path = os.path.join(HERE, "cases", "statements.py")
        got = run([args.minipy, "-d", "--dump=ast", path])
        plain = run([args.minipy, "--dump=ast", path])
        trace = got.stderr.decode("utf-8", "replace")
        if got.returncode != 0 or got.stdout != plain.stdout or "> file[0-0]" not in trace \
                or "succeeded!" not in trace:
            print("FAIL -d trace: exit %d, %d bytes of trace" % (got.returncode, len(trace)))
            failures += 1
        else:
            print("ok   -d trace (%d lines)" % trace.count("\n"))
    print("%d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
