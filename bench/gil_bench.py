#!/usr/bin/env python3
"""GIL measurements: minipy against python3.11 in one run. Book chapter 10.

    bench/gil_bench.py --minipy build/release/minipy [--python python3.11]
                       [--work N] [--repeat R]

Runs the same child program (CHILD below, written to a temporary file) in
both interpreters and prints one Markdown table. What it measures:

  cpu         4 x N iterations of a pure-Python loop, serially, then on 4
              threads at once. Under a GIL only one thread runs Python at a
              time, so the ratio threads/serial should be about 1 (no
              speed-up, and no collapse from the hand-overs).
  sleep       4 threads each time.sleep(0.2): sleeping releases the GIL, so
              the 4 sleeps overlap and take about 0.2 s in all.
  switch      sys.setswitchinterval(I) for I = 0.5 ms, 5 ms (the default)
              and 50 ms:
                - "switches/s": two CPU-bound threads run for 0.5 s and
                  count how often the other thread ran in between; a thread
                  holds the GIL for about I, so this is about 1/I;
                - "wake-up latency": a thread sleeps 1 ms at a time while
                  another spins; waking, the sleeper must wait for the
                  spinner to drop the GIL (up to I), so the delay past the
                  1 ms grows with I;
                - "4 threads / serial": the CPU ratio above, at interval I.

Timings are wall-clock seconds, best of --repeat runs of each child (the
two interpreters alternate). On a loaded machine single numbers move;
compare the ratios. The results of a run are recorded in
docs/performance.md.
"""
import argparse
import os
import subprocess
import sys
import tempfile

CHILD = r'''
import sys
import threading
import time

mode = sys.argv[1]
work = int(sys.argv[2])


def spin(n):
    x = 0
    for i in range(n):
        x += i * i % 7
    return x


def cpu_serial():
    t0 = time.perf_counter()
    for _ in range(4):
        spin(work)
    return time.perf_counter() - t0


def cpu_threads():
    threads = [threading.Thread(target=spin, args=(work,)) for _ in range(4)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


def sleepers():
    threads = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(4)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


def switches(duration=0.5):
    # Two spinning threads; each counts the times it finds that the other
    # ran since its own last iteration.
    last = [None]
    counts = [0, 0]
    start = threading.Event()

    def run(me):
        start.wait()
        end = time.perf_counter() + duration
        while time.perf_counter() < end:
            if last[0] != me:
                last[0] = me
                counts[me] += 1

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    start.set()
    for t in threads:
        t.join()
    return sum(counts) / duration


def wake_latency(rounds=20):
    stop = [False]

    def spinner():
        while not stop[0]:
            pass

    t = threading.Thread(target=spinner)
    t.start()
    time.sleep(0.01)
    total = 0.0
    for _ in range(rounds):
        t0 = time.perf_counter()
        time.sleep(0.001)
        total += time.perf_counter() - t0 - 0.001
    stop[0] = True
    t.join()
    return total / rounds


if mode == 'cpu':
    print('serial', cpu_serial())
    print('threads', cpu_threads())
elif mode == 'sleep':
    print('sleep', sleepers())
elif mode.startswith('switch='):
    sys.setswitchinterval(float(mode[7:]))
    print('switches', switches())
    print('latency', wake_latency())
    print('serial', cpu_serial())
    print('threads', cpu_threads())
'''

INTERVALS = ('0.0005', '0.005', '0.05')


def run_child(interp, script, mode, work):
    proc = subprocess.run([interp, script, mode, str(work)], capture_output=True,
                          text=True, timeout=600)
    if proc.returncode != 0:
        sys.exit(f"{interp} {mode} failed (status {proc.returncode}):\n{proc.stderr}")
    values = {}
    for line in proc.stdout.splitlines():
        key, value = line.split()
        values[key] = float(value)
    return values


def best(runs, key, better=min):
    return better(r[key] for r in runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--minipy', required=True)
    parser.add_argument('--python', default='python3.11')
    parser.add_argument('--work', type=int, default=1_000_000,
                        help='loop iterations per CPU-bound thread (default 1,000,000)')
    parser.add_argument('--repeat', type=int, default=3)
    args = parser.parse_args()
    interps = [('python3.11', args.python), ('minipy', args.minipy)]

    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, 'gil_child.py')
        with open(script, 'w') as f:
            f.write(CHILD)
        results = {name: {} for name, _ in interps}
        modes = ['cpu', 'sleep'] + ['switch=' + i for i in INTERVALS]
        for mode in modes:
            runs = {name: [] for name, _ in interps}
            for _ in range(args.repeat):
                for name, interp in interps:
                    runs[name].append(run_child(interp, script, mode, args.work))
            for name, _ in interps:
                r = runs[name]
                out = results[name]
                if mode == 'cpu':
                    out['serial'] = best(r, 'serial')
                    out['threads'] = best(r, 'threads')
                elif mode == 'sleep':
                    out['sleep'] = best(r, 'sleep')
                else:
                    i = mode[7:]
                    out['switches ' + i] = best(r, 'switches', max)
                    out['latency ' + i] = best(r, 'latency')
                    out['ratio ' + i] = best(r, 'threads') / best(r, 'serial')

    py, mp = results['python3.11'], results['minipy']
    rows = [
        ('CPU: 4 x %d iterations serially (s)' % args.work, 'serial', '%.3f'),
        ('CPU: the same on 4 threads (s)', 'threads', '%.3f'),
    ]
    for name in (py, mp):
        name['cpu ratio'] = name['threads'] / name['serial']
    rows.append(('CPU: 4 threads / serial', 'cpu ratio', '%.2f'))
    rows.append(('4 threads sleeping 0.2 s each (s)', 'sleep', '%.3f'))
    for i in INTERVALS:
        ms = float(i) * 1000
        rows.append(('switchinterval %g ms: switches/s' % ms, 'switches ' + i, '%.0f'))
        rows.append(('switchinterval %g ms: wake-up latency (ms)' % ms, 'latency ' + i, None))
        rows.append(('switchinterval %g ms: 4 threads / serial' % ms, 'ratio ' + i, '%.2f'))

    print('| measurement | python3.11 | minipy | minipy / python3.11 |')
    print('|---|---:|---:|---:|')
    for label, key, fmt in rows:
        a, b = py[key], mp[key]
        if fmt is None:     # latencies in ms
            a, b, fmt = a * 1000, b * 1000, '%.2f'
        ratio = '%.2fx' % (b / a) if a else 'n/a'
        print(f'| {label} | {fmt % a} | {fmt % b} | {ratio} |')


if __name__ == '__main__':
    main()
