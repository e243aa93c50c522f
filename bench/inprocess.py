"""bench/inprocess.py: the runner the per-module benchmarks share
(re_bench.py, stdlib_bench.py).

A benchmark is a WORKLOAD program, run as `EXE -c WORKLOAD NAME SCALE
REPEAT` by each interpreter in turn; it prints a checksum line, then the
best time in seconds. The two interpreters must agree on the checksum or
the workload counts as failed. main() prints the markdown table of the
ratios (minipy's time over python3.11's) and their geometric mean, and
returns the exit status (1 if any workload failed).
"""
import argparse
import math
import subprocess

# The end of every WORKLOAD: WORK maps each name to (function, base size);
# the checksum is the function's result, the time the best of `repeat`.
TIMING_TAIL = r'''
func, base = WORK[name]
n = max(1, int(base * scale))
print(func(n))
best = None
for _ in range(repeat):
    t0 = time.perf_counter()
    func(n)
    t = time.perf_counter() - t0
    best = t if best is None or t < best else best
print(best)
'''


def run(exe, workload, name, scale, repeat):
    p = subprocess.run([exe, '-c', workload, name, str(scale), str(repeat)], capture_output=True, text=True,
                       timeout=1200)
    if p.returncode != 0:
        return None, None, p.stderr.strip().splitlines()[-1:] or ['exit %d' % p.returncode]
    checksum, best = p.stdout.split('\n')[:2]
    return checksum, float(best), None


def main(doc, workload, names):
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--minipy', required=True)
    ap.add_argument('--python', default='python3.11')
    ap.add_argument('--repeat', type=int, default=3)
    ap.add_argument('--scale', type=float, default=1.0)
    args = ap.parse_args()
    failed = False
    ratios = []
    print('| workload | python3.11 (s) | minipy (s) | ratio |')
    print('|---|---|---|---|')
    for name in names:
        ref_sum, ref_t, err = run(args.python, workload, name, args.scale, args.repeat)
        if err:
            print('| %s | error: %s | | |' % (name, err))
            failed = True
            continue
        got_sum, got_t, err = run(args.minipy, workload, name, args.scale, args.repeat)
        if err or got_sum != ref_sum:
            print('| %s | %.3f | FAIL: %s | |' % (name, ref_t, err or 'checksum %s, expected %s' % (got_sum, ref_sum)))
            failed = True
            continue
        ratios.append(got_t / ref_t)
        print('| %s | %.3f | %.3f | %.2fx |' % (name, ref_t, got_t, got_t / ref_t))
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print('\ngeometric mean of the ratios: %.2fx' % geo)
    return 1 if failed else 0
