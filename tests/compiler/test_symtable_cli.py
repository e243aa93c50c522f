#!/usr/bin/env python3
"""test_symtable_cli.py: `minipy --dump=symtable FILE` against
`python3.11 tools/symtable_dump.py FILE` (stdout, stderr, exit status) on
cases/*.py and on one snippet per error of the symbol table (book ch. 7).

usage: test_symtable_cli.py --minipy PATH [--reference python3.11]
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DUMP = os.path.join(HERE, "..", "..", "tools", "symtable_dump.py")

# One source per SyntaxError of Python/symtable.c (and of the future
# statements checked before it), plus a parser error, which must come out
# exactly as the reference prints it.
ERRORS = [
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f(x):\n    global x\n",
    "x: int\ndef f():\n    x: int\n    global x\n",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
    "def f(x):\n    nonlocal x\n",
    "def f():\n    global x\n    x: int\n",
    "nonlocal x\n",
    "\u00e9 = 1; nonlocal y\n",
    "def f():\n    def g():\n        nonlocal q\n",
    "def f():\n    global x\n    nonlocal x\n",
    "def f(a, *, a): pass\n",
    "def f():\n    from os import *\n",
    "x = [(yield 1) for i in ()]\n",
    "def f():\n    return {i: (yield from g) for i in ()}\n",
    "[i for i in (j := range(3))]\n",
    "[(i := 0) for i in range(3)]\n",
    "[0 for x in range(2) if (y := 1) for y in range(3)]\n",
    "class C:\n    [(y := 1) for i in range(3)]\n",
    "from __future__ import annotations\ndef f() -> (yield): pass\n",
    "\"doc\"\nfrom __future__ import braces\n",
    "from __future__ import nope\n",
    "def f(:\n    pass\n",
    # A parser error on a non-ASCII line: symtable.symtable() compiles a
    # str, so the columns count characters.
    "b\"\u0100\u0101\"\n",
]


def run(argv):
    proc = subprocess.run(argv, capture_output=True)
    return proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), proc.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minipy", required=True)
    parser.add_argument("--reference", default="python3.11")
    args = parser.parse_args()

    failures = 0
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        paths = sorted(glob.glob(os.path.join(HERE, "cases", "*.py")))
        for n, source in enumerate(ERRORS):
            path = os.path.join(tmp, "error%02d.py" % n)
            with open(path, "w", encoding="utf-8") as f:
                f.write(source)
            paths.append(path)
        for path in paths:
            expected = run([args.reference, DUMP, path])
            actual = run([args.minipy, "--dump=symtable", path])
            checked += 1
            if expected != actual:
                failures += 1
                print("DIFFERS: %s" % path)
                for label, e, a in zip(("stdout", "stderr", "status"), expected, actual):
                    if e != a:
                        print("  %s: python3.11 %r\n  %s: minipy     %r" % (label, e, label, a))
        # --diff=symtable agrees and says so with an empty diff.
        diff = run([args.minipy, "--diff=symtable", paths[0]])
        if diff != ("", "", 0):
            failures += 1
            print("--diff=symtable %s: %r" % (paths[0], diff))
    print("symtable cli: %d/%d identical" % (checked - failures, checked))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
