#!/usr/bin/env python3
"""bench/run.py: times bench/programs/*.py as whole processes under minipy
and python3.11 in one run and prints the per-benchmark ratio (minipy time
over python3.11 time) and the geometric mean of the ratios.

Each program's stdout under minipy must equal its stdout under python3.11
(and both must exit 0) before it is timed: a wrong answer is a failure,
never a time. The exit status is 1 when any benchmark failed.

    bench/run.py --minipy build/release/minipy [--python python3.11]
                 [--repeat N] [--size S] [--check-only] [NAME ...]

--size S passes S as argv[1] (every program scales its work by it; the
default is each program's own full size). --check-only compares outputs
without timing; the CTest test `bench_programs` runs it with --size 1.
Timings are wall-clock, best of N runs, each run alternating python3.11
and minipy so that load on the machine hits both alike.
"""
import argparse
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")


def run_once(exe, path, size):
    argv = [exe, path] + ([str(size)] if size is not None else [])
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    elapsed = time.perf_counter() - start
    return proc, elapsed


def describe_failure(name, ref, got):
    lines = [f"FAIL {name}: minipy's output differs from python3.11's"]
    if got.returncode != ref.returncode:
        lines.append(f"  exit status {got.returncode}, expected {ref.returncode}")
    exp_lines = ref.stdout.decode(errors="replace").splitlines()
    got_lines = got.stdout.decode(errors="replace").splitlines()
    for i in range(max(len(exp_lines), len(got_lines))):
        e = exp_lines[i] if i < len(exp_lines) else "<missing>"
        g = got_lines[i] if i < len(got_lines) else "<missing>"
        if e != g:
            lines.append(f"  line {i + 1}: expected {e!r}")
            lines.append(f"  line {i + 1}:      got {g!r}")
            break
    err = got.stderr.decode(errors="replace").strip()
    if err:
        lines.append("  stderr: " + err.splitlines()[-1])
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minipy", required=True, help="the minipy executable")
    ap.add_argument("--python", default="python3.11", help="the reference interpreter")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per interpreter (best is kept)")
    ap.add_argument("--size", type=int, default=None, help="work scale passed to every program as argv[1]")
    ap.add_argument("--check-only", action="store_true", help="compare outputs, do not time")
    ap.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    args = ap.parse_args()

    names = sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))
    if args.names:
        unknown = [n for n in args.names if n not in names]
        if unknown:
            ap.error("unknown benchmark(s): " + ", ".join(unknown))
        names = args.names

    failures = 0
    rows = []
    for name in names:
        path = os.path.join(PROGRAMS, name + ".py")
        ref, py_t = run_once(args.python, path, args.size)
        if ref.returncode != 0:
            print(f"FAIL {name}: python3.11 itself failed: {ref.stderr.decode(errors='replace').strip()}")
            failures += 1
            continue
        got, mp_t = run_once(args.minipy, path, args.size)
        if got.returncode != ref.returncode or got.stdout != ref.stdout:
            print(describe_failure(name, ref, got), flush=True)
            failures += 1
            continue
        if args.check_only:
            print(f"ok   {name}", flush=True)
            continue
        for _ in range(args.repeat - 1):
            py_t = min(py_t, run_once(args.python, path, args.size)[1])
            mp_t = min(mp_t, run_once(args.minipy, path, args.size)[1])
        rows.append((name, py_t, mp_t, mp_t / py_t))
        print(f"{name:<16} {py_t:9.3f} {mp_t:9.3f} {mp_t / py_t:7.2f}x", file=sys.stderr, flush=True)

    if rows:
        print(f"| benchmark | {os.path.basename(args.python)} s | minipy s | ratio |")
        print("|---|---:|---:|---:|")
        for name, py_t, mp_t, ratio in rows:
            print(f"| {name} | {py_t:.3f} | {mp_t:.3f} | {ratio:.2f}x |")
        geo = math.exp(sum(math.log(r[3]) for r in rows) / len(rows))
        print(f"| **geometric mean** | | | **{geo:.2f}x** |")
    if failures:
        print(f"{failures} benchmark(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
