#!/usr/bin/env python3
"""fuzz_dis_pyc.py: `minipy --dump=dis` on mutated .pyc files must print or
fail with a Python exception (exit 0 or 1), never crash, hang or trip a
sanitizer. The .pyc is python3.11's own compilation of
dis_cases/kinds.py; each mutant changes 1-4 bytes of its marshal data
(opcodes, opargs, the line and exception tables, sizes, type codes).

    fuzz_dis_pyc.py --minipy BUILD/minipy [--reference python3.11] [--runs N]
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minipy", required=True)
    parser.add_argument("--reference", default="python3.11")
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="minipy-fuzz-dis-") as tmp:
        base_path = os.path.join(tmp, "kinds.pyc")
        subprocess.run([args.reference, "-m", "py_compile", os.path.join(HERE, "dis_cases", "kinds.py")],
                       check=True, env=dict(os.environ, PYTHONPYCACHEPREFIX=tmp))
        found = [os.path.join(d, f) for d, _, fs in os.walk(tmp) for f in fs if f.endswith(".pyc")]
        with open(found[0], "rb") as f:
            base = f.read()
        rng = random.Random(20261126)
        env = dict(os.environ, PYTHONMALLOC="malloc")
        failures = printed = 0
        mutant_path = os.path.join(tmp, "mutant.pyc")
        for i in range(args.runs):
            data = bytearray(base)
            for _ in range(rng.randint(1, 4)):
                data[rng.randrange(16, len(data))] = rng.randrange(256)
            with open(mutant_path, "wb") as f:
                f.write(data)
            try:
                run = subprocess.run([args.minipy, "--dump=dis", mutant_path], capture_output=True, env=env,
                                     timeout=60)
            except subprocess.TimeoutExpired:
                failures += 1
                print(f"mutant {i}: timed out ({bytes(data).hex()[:80]}...)")
                continue
            err = run.stderr.decode("utf-8", "replace")
            if run.returncode not in (0, 1) or "Sanitizer" in err or "runtime error" in err:
                failures += 1
                print(f"mutant {i}: exit {run.returncode}: {err[:400]}")
            printed += run.returncode == 0
        print(f"fuzz_dis_pyc: {args.runs} mutants, {printed} disassembled, {failures} crashes")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
