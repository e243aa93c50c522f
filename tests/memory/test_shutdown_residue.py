#!/usr/bin/env python3
"""test_shutdown_residue.py: what is left in the allocator after shutdown.

Covers vm/pylifecycle.cpp (finalize: Py_FinalizeEx, finalize_modules) and
runtime/pylifecycle.cpp (fini_types). Book chapter 9. LeakSanitizer cannot
see an object leak (every container hangs off a GC generation list, every
small block sits in an arena that is an LSan root region), so this counts
blocks instead: `-X showrefcount` prints "[N refs, M blocks]" after the
teardown, when every module has been collected or wiped and the interned
strings dropped. What remains is the runtime's own permanent state (static
types' dicts and their descriptors, C statics), the same for every run.

Two checks:
  growth   shutdown_workload.py run with two round counts in one process
           each: refs and blocks after the teardown must be identical (any
           object leaked per round would show up LOW x (HIGH - LOW) times).
  residue  each program of a list (tests/vm/programs/): blocks left minus
           the blocks `-c pass` leaves must stay within --max-extra (native
           modules' static state, a few blocks per module, is all that may
           differ). A leaked cycle, an uncollected module or a forgotten
           reference in the teardown makes it grow with the program.

usage: test_shutdown_residue.py --minipy PATH [--max-extra N] [names ...]
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "..", "vm", "programs")
WORKLOAD = os.path.join(HERE, "shutdown_workload.py")
COUNTS = re.compile(r"\[(-?\d+) refs, (\d+) blocks\]")

# Programs that build and drop cycles, finalizers, weakrefs, generators,
# classes and modules: the teardown's hardest cases.
DEFAULT_PROGRAMS = [
    "run_shutdown_globals", "run_shutdown_modules", "run_shutdown_resurrect",
    "run_shutdown_weakref", "run_shutdown_generator", "run_shutdown_kept_module",
    "mod_gc_cycles", "mod_gc_finalizers", "mod_gc_weakref", "mod_gc_debug_output",
    "mod_weakref_finalize", "mod_weakref_gc", "mod_weakref_proxy",
    "lang_generator_finalize", "lang_async_gen_finalize", "lang_del_forms",
    "run_imports_package", "run_imports_circular", "run_atexit", "closures",
]


def counts(minipy, args):
    env = dict(os.environ, PYTHONPATH=os.path.join(PROGRAMS, "modules"))
    r = subprocess.run([minipy, "-X", "showrefcount"] + args, capture_output=True, text=True, env=env,
                       stdin=subprocess.DEVNULL, timeout=300)
    found = COUNTS.findall(r.stderr)
    if not found:
        raise RuntimeError("no [refs, blocks] line from %s (status %d):\n%s" % (args, r.returncode, r.stderr[-2000:]))
    refs, blocks = found[-1]
    return int(refs), int(blocks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minipy", required=True)
    ap.add_argument("--max-extra", type=int, default=32,
                    help="blocks a program may leave beyond `-c pass` (native modules' static state)")
    ap.add_argument("--rounds", default="8,64", help="the two round counts of the growth check")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    failures = 0

    low, high = (int(x) for x in args.rounds.split(","))
    at_low = counts(args.minipy, [WORKLOAD, str(low)])
    at_high = counts(args.minipy, [WORKLOAD, str(high)])
    ok = at_low == at_high
    failures += not ok
    print("%s growth   %d rounds: %d refs, %d blocks; %d rounds: %d refs, %d blocks"
          % ("ok  " if ok else "FAIL", low, *at_low, high, *at_high))

    base = counts(args.minipy, ["-c", "pass"])
    print("     baseline -c pass: %d refs, %d blocks" % base)
    worst = 0
    for name in args.names or DEFAULT_PROGRAMS:
        path = os.path.join(PROGRAMS, name + ".py")
        refs, blocks = counts(args.minipy, [path])
        extra = blocks - base[1]
        worst = max(worst, extra)
        ok = extra <= args.max_extra
        failures += not ok
        print("%s residue  %-28s %6d blocks (%+d), %d refs" % ("ok  " if ok else "FAIL", name, blocks, extra, refs))
    print("%d failures; the most extra blocks left by a program: %d (limit %d)" % (failures, worst, args.max_extra))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
