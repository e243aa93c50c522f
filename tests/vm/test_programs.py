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
test time (with --cache, reused while the program, the modules it may
import and the interpreter are unchanged).

Programs run in parallel (-j, default os.cpu_count()); the report lists
them in name order all the same.

known_failures.txt (next to this script) lists the programs that are known
to differ, one per line as `MODE NAME  # reason`, MODE being pyc, source,
minipy-pyc or * (every mode). A listed program that still differs is
reported as "xfail" and does not fail the run; a listed program that now
matches does fail it ("unexpected pass"), so the list can only shrink and
every entry stays true. --known-failures FILE adds the lines of another
such list (tests/memory/gc_stress_known_failures.txt for MINIPY_GC_STRESS
builds, whose collection history differs from python3.11's by design).

--sample K runs only the programs whose name hashes (crc32) to 0 modulo K:
a stable subset (adding a program never reshuffles the others), used where
a mode is too slow to run whole (see CMakeLists.txt).

    test_programs.py --minipy BUILD/minipy [--python python3.11]
                     [--mode pyc|source|minipy-pyc] [-j N] [--sample K]
                     [--cache DIR] [--known-failures FILE] [NAME ...]
"""
import argparse
import concurrent.futures
import difflib
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
KNOWN_FAILURES = os.path.join(HERE, "known_failures.txt")
MODES = ("pyc", "source", "minipy-pyc")

# One python3.11 process compiles every program of a pyc-mode run (its
# start-up costs more than minipy's run of most programs): argv holds the
# output folder then the sources; a source that does not compile leaves no
# .pyc and its error in ERROR_SUFFIX next to where the .pyc would be.
ERROR_SUFFIX = ".error"
COMPILE = (
    "import os, py_compile, sys\n"
    "for source in sys.argv[2:]:\n"
    "    target = os.path.join(sys.argv[1], os.path.basename(source) + 'c')\n"
    "    try:\n"
    "        py_compile.compile(source, cfile=target, dfile=source, doraise=True)\n"
    "    except py_compile.PyCompileError as exc:\n"
    "        with open(target + '" + ERROR_SUFFIX + "', 'w') as f:\n"
    "            f.write(str(exc))\n"
)

# A program that runs longer than this (under ASan too) is a hang.
TIMEOUT = 120

# Modules the programs import (imports.py) are found through PYTHONPATH.
ENV = dict(os.environ, PYTHONPATH=os.path.join(PROGRAMS, "modules"))


def run(cmd):
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, env=ENV)
    except subprocess.TimeoutExpired as exc:
        return (exc.stdout or b"").decode("utf-8", "replace"), \
            f"<timed out after {TIMEOUT}s>\n", "timeout"
    return proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"), proc.returncode


def compare(label, expected, actual, out):
    if expected == actual:
        return True
    out.append(f"--- {label} differs")
    out.extend(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                    "python3.11", "minipy", lineterm=""))
    return False


def check(name, args, tmp):
    """The list of differences between python3.11 and minipy on NAME
    (empty when they agree)."""
    source = os.path.join(PROGRAMS, name)
    out = []
    if args.mode == "pyc":
        target = os.path.join(tmp, name + "c")
        if not os.path.exists(target):
            try:
                with open(target + ERROR_SUFFIX, encoding="utf-8") as f:
                    err = f.read()
            except OSError:
                err = "(no .pyc written)"
            return [f"cannot compile {name} with python3.11:\n{err}"]
    elif args.mode == "minipy-pyc":
        target = os.path.join(tmp, name + "c")
        _, err, status = run([args.minipy, "--compile", source, "-o", target])
        if status != 0:
            return [f"minipy --compile {name} failed (status {status}):\n{err}"]
    else:
        target = source
    expected = args.expectations.get(name)
    runner = args.python if args.mode == "minipy-pyc" else args.minipy
    actual = run([runner, target])
    ok = compare("stdout", expected[0], actual[0], out)
    ok = compare("stderr", expected[1], actual[1], out) and ok
    if expected[2] != actual[2]:
        out.append(f"--- exit status: python3.11 {expected[2]}, minipy {actual[2]}")
        ok = False
    return [] if ok else out


class Expectations:
    """python3.11's (stdout, stderr, status) for each program, computed at
    most once per content: with --cache DIR each is kept in DIR under a key
    hashing the interpreter, the program's bytes and every file of
    programs/modules/, so the three modes (three CTest tests) pay for
    python3.11 once and an edited program or module is run again."""

    def __init__(self, python, cache):
        self.python = python
        self.cache = cache
        digest = hashlib.sha256(python.encode())
        modules = os.path.join(PROGRAMS, "modules")
        for folder, dirs, files in sorted(os.walk(modules)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for file in sorted(files):
                path = os.path.join(folder, file)
                digest.update(os.path.relpath(path, modules).encode() + b"\0")
                with open(path, "rb") as f:
                    digest.update(f.read())
        self.modules_digest = digest.digest()
        if cache:
            os.makedirs(cache, exist_ok=True)

    def get(self, name):
        source = os.path.join(PROGRAMS, name)
        if not self.cache:
            return run([self.python, source])
        digest = hashlib.sha256(self.modules_digest)
        with open(source, "rb") as f:
            digest.update(f.read())
        path = os.path.join(self.cache, name + ".json")
        try:
            with open(path, encoding="utf-8") as f:
                entry = json.load(f)
            if entry["key"] == digest.hexdigest():
                return entry["stdout"], entry["stderr"], entry["status"]
        except (OSError, ValueError, KeyError):
            pass
        result = run([self.python, source])
        if result[2] != "timeout":
            # Write-then-rename: another test process may read it meanwhile.
            temporary = f"{path}.{os.getpid()}.{threading.get_ident()}"
            with open(temporary, "w", encoding="utf-8") as f:
                json.dump({"key": digest.hexdigest(), "stdout": result[0],
                           "stderr": result[1], "status": result[2]}, f)
            os.replace(temporary, path)
        return result


def read_known_failures(mode, path=KNOWN_FAILURES, known=None):
    """{program name: reason} of the lines for MODE of the list at PATH
    (known_failures.txt by default), added to KNOWN."""
    known = {} if known is None else known
    if not os.path.exists(path):
        return known
    label = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            entry, _, reason = line.partition("#")
            fields = entry.split()
            if not fields:
                continue
            if len(fields) != 2 or fields[0] not in MODES + ("*",):
                sys.exit(f"{label}:{number}: expected `MODE NAME  # reason`, "
                         f"MODE one of {', '.join(MODES)}, *")
            if fields[0] in (mode, "*"):
                name = fields[1] if fields[1].endswith(".py") else fields[1] + ".py"
                known[name] = reason.strip()
    return known


def in_sample(name, k):
    return k <= 1 or zlib.crc32(name.encode()) % k == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minipy", required=True)
    parser.add_argument("--python", default="python3.11")
    parser.add_argument("--mode", choices=MODES, default="pyc",
                        help="minipy runs python3.11's .pyc of each program, or compiles the source "
                             "itself; or python3.11 runs the .pyc minipy wrote")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1,
                        help="programs run at the same time (default: the number of CPUs)")
    parser.add_argument("--sample", type=int, default=1, metavar="K",
                        help="run only the programs whose crc32(name) %% K == 0")
    parser.add_argument("--cache", metavar="DIR",
                        help="keep python3.11's output of each program in DIR (keyed by content)")
    parser.add_argument("--known-failures", action="append", default=[], metavar="FILE",
                        help="also read this list of known failures (same format)")
    parser.add_argument("names", nargs="*", help="programs to run (default: all)")
    args = parser.parse_args()
    args.expectations = Expectations(args.python, args.cache)

    every = sorted(n for n in os.listdir(PROGRAMS) if n.endswith(".py"))
    known = read_known_failures(args.mode)
    for path in args.known_failures:
        if not os.path.exists(path):
            sys.exit(f"--known-failures: no such file: {path}")
        read_known_failures(args.mode, path, known)
    stale = sorted(set(known) - set(every))
    if args.names:
        names = [n if n.endswith(".py") else n + ".py" for n in args.names]
    else:
        names = [n for n in every if in_sample(n, args.sample)]

    start = time.monotonic()
    counts = {"ok": 0, "xfail": 0, "FAIL": 0}
    with tempfile.TemporaryDirectory() as tmp, \
            concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        if args.mode == "pyc" and names:
            _, err, status = run([args.python, "-c", COMPILE, tmp]
                                 + [os.path.join(PROGRAMS, n) for n in names])
            if status != 0:
                print(f"python3.11 could not compile the programs:\n{err}")
                return 1
        # map() yields in submission order: the report reads the same
        # whatever the scheduling.
        for name, problems in zip(names, pool.map(lambda n: check(n, args, tmp), names)):
            reason = known.get(name)
            if reason is None:
                verdict = "FAIL" if problems else "ok"
            elif problems:
                verdict = "xfail"
            else:
                verdict = "FAIL"
                problems = [f"unexpected pass: remove it from known_failures.txt ({reason})"]
            counts[verdict] += 1
            print(f"{verdict:5} {name}" + (f"  # {reason}" if verdict == "xfail" else ""))
            if verdict == "FAIL":
                for line in problems:
                    print("    " + line)
            sys.stdout.flush()
    for name in stale:
        print(f"FAIL  known_failures.txt names {name}, which is not in programs/")
        counts["FAIL"] += 1

    sample = f", sample 1/{args.sample}" if args.sample > 1 and not args.names else ""
    print(f"{args.mode} mode{sample}: {counts['ok']} passed, {counts['xfail']} xfail, "
          f"{counts['FAIL']} failed of {len(names)} programs "
          f"({time.monotonic() - start:.0f}s, -j{args.jobs})")
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
