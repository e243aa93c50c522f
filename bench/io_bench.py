#!/usr/bin/env python3
"""bench/io_bench.py: file I/O throughput of the _io stack (issue 10) under
minipy and python3.11 in one run, as ratios.

    bench/io_bench.py --minipy build/release/minipy [--python python3.11] [--repeat N] [--mb 10]

Each workload runs inside one interpreter process (start-up excluded) on a
file of --mb megabytes in a temporary directory, best of N timings with
time.perf_counter, the two interpreters alternating so that load on the
machine hits both alike. Every workload prints a checksum first; the two
interpreters must agree on it. The ratio is minipy's time over
python3.11's: below 1 is faster.
"""
import argparse
import os
import subprocess
import sys
import tempfile

WORKLOAD = r'''
import sys, time
name, path, mb, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
LINE = "the quick brown fox jumps over the lazy dog 0123456789 caf\u00e9\n"
LINES = (mb * 1024 * 1024) // len(LINE.encode())
BLOCK = b"\x00\x01binary data block\xff" * 3276  # ~65 KB

def write_text():
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(LINES):
            f.write(LINE)
    return LINES

def read_text_lines():
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            n += len(line)
    return n

def read_text_all():
    with open(path, encoding="utf-8") as f:
        return len(f.read())

def write_binary():
    total = 0
    with open(path, "wb") as f:
        while total < mb * 1024 * 1024:
            total += f.write(BLOCK)
    return total

def read_binary_chunks():
    n = 0
    with open(path, "rb") as f:
        while True:
            b = f.read(8192)
            if not b:
                break
            n += len(b)
    return n

def read_binary_all():
    with open(path, "rb") as f:
        return len(f.read())

# A workload that reads needs the file its writer makes.
SETUP = {"read_text_lines": write_text, "read_text_all": write_text,
         "read_binary_chunks": write_binary, "read_binary_all": write_binary}
fn = globals()[name]
if name in SETUP:
    SETUP[name]()
print(fn())
best = None
for _ in range(repeat):
    t0 = time.perf_counter()
    fn()
    dt = time.perf_counter() - t0
    best = dt if best is None else min(best, dt)
print(best)
'''

WORKLOADS = ["write_text", "read_text_lines", "read_text_all", "write_binary", "read_binary_chunks", "read_binary_all"]


def run(interp, name, path, mb, repeat):
    out = subprocess.run([interp, "-c", WORKLOAD, name, path, str(mb), str(repeat)],
                         capture_output=True, text=True, timeout=1200)
    if out.returncode != 0:
        return None, out.stderr.strip().splitlines()[-1:] or ["failed"]
    checksum, best = out.stdout.split()
    return float(best), checksum


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minipy", required=True)
    ap.add_argument("--python", default="python3.11")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--mb", type=int, default=10)
    args = ap.parse_args()
    print(f"{'workload':22} {'minipy s':>9} {'python s':>9} {'ratio':>6}  MB/s minipy / python ({args.mb} MB)")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name in WORKLOADS:
            tm, cm = run(args.minipy, name, os.path.join(tmp, "m.dat"), args.mb, args.repeat)
            tp, cp = run(args.python, name, os.path.join(tmp, "p.dat"), args.mb, args.repeat)
            if tm is None or tp is None or cm != cp:
                print(f"{name:22} FAILED minipy={cm} python={cp}")
                failed = True
                continue
            print(f"{name:22} {tm:9.3f} {tp:9.3f} {tm / tp:6.2f}  {args.mb / tm:7.0f} / {args.mb / tp:.0f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
