#!/usr/bin/env python3
"""test_pythonmalloc.py: minipy reads PYTHONMALLOC at start-up like python3.11.

Covers main/pymain.cpp (preconfig_init_allocator) and memory/pymem.cpp.
Book chapter 9. An unknown allocator name is a fatal error before anything
else (usage errors, -h, -V) unless -E or -I hide the environment; this runs
each case in both interpreters and compares stderr and the exit status.

usage: test_pythonmalloc.py --minipy PATH --reference PYTHON
"""
import argparse
import os
import subprocess
import sys

CASES = [
    ("bogus", ["-c", "pass"]),
    ("bogus", ["-V"]),
    ("bogus", ["-h"]),
    ("bogus", ["-Z"]),
    ("bogus", ["-EZ"]),
    ("bogus", ["-WE", "-V"]),
    ("bogus", ["-W", "E", "-I", "-V"]),
    ("bogus", ["-E", "-V"]),
    ("bogus", ["-X", "dev", "-V"]),
    ("bogus", ["-c", "pass", "-E"]),
    ("bogus", ["--", "-E"]),
    ("MALLOC", ["-V"]),
    ("", ["-V"]),
    ("malloc", ["-V"]),
    ("debug", ["-V"]),
    ("pymalloc_debug", ["-V"]),
    ("malloc_debug", ["-V"]),
]


def run(argv, value):
    env = dict(os.environ, PYTHONMALLOC=value)
    proc = subprocess.run(argv, env=env, capture_output=True, text=True)
    # Usage lines name the program; the rest must be identical.
    err = proc.stderr.replace(argv[0], "PROG")
    err = err.replace("Try `python -h'", "Try `PROG -h'").replace("Try `minipy -h'", "Try `PROG -h'")
    return proc.returncode, err


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minipy", required=True)
    parser.add_argument("--reference", required=True)
    args = parser.parse_args()
    failures = 0
    for value, argv in CASES:
        ours = run([args.minipy] + argv, value)
        theirs = run([args.reference] + argv, value)
        # stdout is not compared: -V and -h print minipy's own text there.
        if ours != theirs:
            failures += 1
            print("PYTHONMALLOC=%r %s:\n  minipy:    %r\n  python3.11: %r" % (value, " ".join(argv), ours, theirs))
    print("%d of %d cases differ" % (failures, len(CASES)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
