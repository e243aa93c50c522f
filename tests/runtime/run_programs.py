#!/usr/bin/env python3
"""run_programs.py: the runtime stage's end-to-end programs.

Each programs/*.py runs under minipy and under python3.11 (the oracle); the
test passes when stdout, stderr and the exit status are identical. The
programs exercise objects through the whole interpreter (bytes % and the
bytes methods, complex.__format__, types.GenericAlias/UnionType, exception
state and notes, the RecursionError of a recursing __getattr__); the unit
tables in tests/unit/runtime cover the same types value by value.

    run_programs.py --minipy BUILD/minipy [--python python3.11] [NAME ...]
"""
import argparse
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def run(cmd, path):
    p = subprocess.run(cmd + [path.name], cwd=path.parent, capture_output=True, timeout=300)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minipy", required=True)
    ap.add_argument("--python", default="python3.11")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    args.minipy = str(pathlib.Path(args.minipy).resolve())
    programs = sorted((HERE / "programs").glob("*.py"))
    if args.names:
        programs = [p for p in programs if p.stem in args.names or p.name in args.names]
    failed = 0
    for prog in programs:
        want = run([args.python], prog)
        got = run([args.minipy], prog)
        if got == want:
            print(f"ok   {prog.name}")
            continue
        failed += 1
        print(f"FAIL {prog.name}")
        for label, w, g in zip(("exit status", "stdout", "stderr"), want, got):
            if w != g:
                print(f"  {label} differs:\n    python3.11: {w!r}\n    minipy:     {g!r}"[:4000])
    print(f"{len(programs) - failed}/{len(programs)} programs identical to python3.11")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
