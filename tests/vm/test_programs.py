#!/usr/bin/env python3
"""Runs each program of tests/vm/programs/ with minipy and checks that it
gives the same stdout, stderr and exit status as python3.11.

Book chapter 8. With --mode pyc (the default) each program is compiled with
python3.11's py_compile into a temporary .pyc, so the eval loop is tested
apart from minipy's compiler; co_filename is the program's absolute path, as
`python3.11 PROG.py` names it, so tracebacks show the same file and quote the
same source lines. With --mode source minipy compiles PROG.py itself (the
whole pipeline). With --mode minipy-pyc it is the other way round: minipy
writes the .pyc (`minipy --compile`) and python3.11 runs it, which checks
minipy's compiler and marshal writer against CPython's own eval loop
(book chapter 7). The expectation is python3.11 running PROG.py, taken at
test time.

    test_programs.py --minipy BUILD/minipy [--python python3.11]
                     [--mode pyc|source|minipy-pyc] [NAME ...]
"""
import argparse
import difflib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")

COMPILE = (
    "import py_compile, sys\n"
    "py_compile.compile(sys.argv[1], cfile=sys.argv[2], dfile=sys.argv[1], doraise=True)\n"
)


# Modules the programs import (imports.py) are found through PYTHONPATH.
ENV = dict(os.environ, PYTHONPATH=os.path.join(PROGRAMS, "modules"))


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True, timeout=120, env=ENV)
    return proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), proc.returncode


def compare(label, expected, actual, out):
    if expected == actual:
        return True
    out.append(f"--- {label} differs")
    out.extend(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                    "python3.11", "minipy", lineterm=""))
    return False


def check(name, args, tmp):
    source = os.path.join(PROGRAMS, name)
    out = []
    if args.mode == "pyc":
        target = os.path.join(tmp, name + "c")
        _, err, status = run([args.python, "-c", COMPILE, source, target])
        if status != 0:
            return [f"cannot compile {name} with python3.11:\n{err}"]
    elif args.mode == "minipy-pyc":
        target = os.path.join(tmp, name + "c")
        _, err, status = run([args.minipy, "--compile", source, "-o", target])
        if status != 0:
            return [f"minipy --compile {name} failed:\n{err}"]
    else:
        target = source
    expected = run([args.python, source])
    runner = args.python if args.mode == "minipy-pyc" else args.minipy
    actual = run([runner, target])
    ok = compare("stdout", expected[0], actual[0], out)
    ok = compare("stderr", expected[1], actual[1], out) and ok
    if expected[2] != actual[2]:
        out.append(f"--- exit status: python3.11 {expected[2]}, minipy {actual[2]}")
        ok = False
    return [] if ok else out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minipy", required=True)
    parser.add_argument("--python", default="python3.11")
    parser.add_argument("--mode", choices=["pyc", "source", "minipy-pyc"], default="pyc",
                        help="minipy runs python3.11's .pyc of each program, or compiles the source "
                             "itself; or python3.11 runs the .pyc minipy wrote")
    parser.add_argument("names", nargs="*", help="programs to run (default: all)")
    args = parser.parse_args()
    names = args.names or sorted(n for n in os.listdir(PROGRAMS) if n.endswith(".py"))
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            if not name.endswith(".py"):
                name += ".py"
            problems = check(name, args, tmp)
            print(("FAIL " if problems else "ok   ") + name)
            for line in problems:
                print("    " + line)
            failures += bool(problems)
    print(f"{len(names) - failures}/{len(names)} programs identical to python3.11 ({args.mode} mode)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
