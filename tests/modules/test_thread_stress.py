#!/usr/bin/env python3
"""Thread stress tests (issue 9, book chapter 10): many threads hammering
locks, queues, conditions, barriers and a thread pool, run by minipy and by
python3.11 in the same run; their outputs must be identical.

Each program prints only what must not depend on the interleaving (exact
totals, sets, checksums), so any lost or duplicated update, deadlock or
crash shows as a difference, a timeout or a non-zero status. The sizes are
issue 9's: 16 threads x 100,000 locked increments, and producer/consumer
traffic through queue.Queue that must lose and duplicate nothing.

    test_thread_stress.py --minipy BUILD/minipy [--python python3.11]
                          [--scale F] [NAME ...]

--scale multiplies every size (e.g. 0.1 for a quick run under TSan).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

PROGRAMS = {
    # 16 threads x 100,000 increments under one Lock, then under an RLock.
    'counter': r'''
import sys, threading
THREADS, N = 16, int(100_000 * SCALE)
total = [0]
lock = threading.Lock()
def add():
    for _ in range(N):
        with lock:
            total[0] += 1
ts = [threading.Thread(target=add) for _ in range(THREADS)]
for t in ts: t.start()
for t in ts: t.join()
print('lock', total[0], total[0] == THREADS * N)
total[0] = 0
rlock = threading.RLock()
def add_r():
    for _ in range(N // 4):
        with rlock:
            with rlock:
                total[0] += 1
ts = [threading.Thread(target=add_r) for _ in range(THREADS)]
for t in ts: t.start()
for t in ts: t.join()
print('rlock', total[0], total[0] == THREADS * (N // 4))
''',
    # 8 producers, 4 consumers, a small bounded queue: every item arrives
    # exactly once; task_done/join agree; then the same through a
    # LifoQueue, a PriorityQueue and a SimpleQueue.
    'queue': r'''
import queue, threading
PRODUCERS, CONSUMERS, PER = 8, 4, int(5_000 * SCALE)
for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls(maxsize=16)
    got = [[] for _ in range(CONSUMERS)]
    def produce(p):
        for i in range(PER):
            q.put((p, i))
    def consume(c):
        while True:
            item = q.get()
            q.task_done()
            if item == (PRODUCERS, 0):
                return
            got[c].append(item)
    cs = [threading.Thread(target=consume, args=(c,)) for c in range(CONSUMERS)]
    ps = [threading.Thread(target=produce, args=(p,)) for p in range(PRODUCERS)]
    for t in cs + ps: t.start()
    for t in ps: t.join()
    q.join()
    for _ in cs: q.put((PRODUCERS, 0))
    for t in cs: t.join()
    items = [x for part in got for x in part]
    print(cls.__name__, len(items), len(set(items)),
          sorted(items) == [(p, i) for p in range(PRODUCERS) for i in range(PER)],
          q.unfinished_tasks, q.qsize())
sq = queue.SimpleQueue()
out = []
lock = threading.Lock()
def sink():
    while (item := sq.get()) is not None:
        with lock:
            out.append(item)
ss = [threading.Thread(target=sink) for _ in range(4)]
for t in ss: t.start()
srcs = [threading.Thread(target=lambda k=k: [sq.put(k * PER + i) for i in range(PER)]) for k in range(4)]
for t in srcs: t.start()
for t in srcs: t.join()
for _ in ss: sq.put(None)
for t in ss: t.join()
print('SimpleQueue', len(out), sorted(out) == list(range(4 * PER)))
''',
    # A pool of 8 workers runs thousands of small jobs.
    'pool': r'''
import concurrent.futures as cf, threading
JOBS = int(5_000 * SCALE)
def job(n):
    if n % 997 == 0:
        raise ValueError(n)
    return n * n
with cf.ThreadPoolExecutor(max_workers=8) as pool:
    futures = [pool.submit(job, n) for n in range(JOBS)]
    results, errors = 0, []
    for f in cf.as_completed(futures):
        try:
            results += f.result()
        except ValueError as e:
            errors.append(e.args[0])
    print('as_completed', results, sorted(errors))
    print('map', sum(pool.map(abs, range(-JOBS, 0))))
    done, not_done = cf.wait([pool.submit(pow, n, 2) for n in range(JOBS)])
    print('wait', len(done), len(not_done), sum(f.result() for f in done))
print('threads left', threading.active_count())
''',
    # Three threads take strict turns through one Condition.
    'condition': r'''
import threading
ROUNDS = int(3_000 * SCALE)
cond = threading.Condition()
state = {'turn': 0, 'log': []}
def player(me):
    for _ in range(ROUNDS):
        with cond:
            cond.wait_for(lambda: state['turn'] % 3 == me)
            state['log'].append(me)
            state['turn'] += 1
            cond.notify_all()
ts = [threading.Thread(target=player, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
log = state['log']
print(len(log), log == [i % 3 for i in range(3 * ROUNDS)])
''',
    # 8 threads pass a Barrier many times; every round hands out the
    # indices 0..7 once and runs the action once.
    'barrier': r'''
import threading
THREADS, ROUNDS = 8, int(300 * SCALE)
actions = [0]
b = threading.Barrier(THREADS, action=lambda: actions.__setitem__(0, actions[0] + 1))
seen = [[] for _ in range(ROUNDS)]
lock = threading.Lock()
def run():
    for r in range(ROUNDS):
        i = b.wait()
        with lock:
            seen[r].append(i)
ts = [threading.Thread(target=run) for _ in range(THREADS)]
for t in ts: t.start()
for t in ts: t.join()
print(actions[0], all(sorted(s) == list(range(THREADS)) for s in seen))
''',
    # Hundreds of short-lived threads with thread-local data and events.
    'churn': r'''
import threading
BATCHES = int(20 * SCALE) or 1
local = threading.local()
results = []
lock = threading.Lock()
def short(i, ev):
    local.value = i
    ev.wait()
    with lock:
        results.append(local.value)
for b in range(BATCHES):
    ev = threading.Event()
    ts = [threading.Thread(target=short, args=(b * 25 + i, ev)) for i in range(25)]
    for t in ts: t.start()
    ev.set()
    for t in ts: t.join()
print(len(results), sorted(results) == list(range(BATCHES * 25)),
      threading.active_count(), hasattr(local, 'value'))
''',
}


def run(cmd, timeout):
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 'timeout', 'timeout'
    return proc.stdout, proc.stderr, proc.returncode


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--minipy', required=True)
    parser.add_argument('--python', default='python3.11')
    parser.add_argument('--scale', type=float, default=1.0)
    parser.add_argument('--timeout', type=float, default=600)
    parser.add_argument('names', nargs='*')
    args = parser.parse_args()
    names = args.names or list(PROGRAMS)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            path = os.path.join(tmp, f'stress_{name}.py')
            with open(path, 'w') as f:
                f.write(f'SCALE = {args.scale!r}\n' + PROGRAMS[name])
            expected = run([args.python, path], args.timeout)
            start = time.monotonic()
            actual = run([args.minipy, path], args.timeout)
            took = time.monotonic() - start
            if expected != actual:
                failures += 1
                print(f'FAIL  {name} ({took:.1f}s)')
                print(f'  python3.11: {expected!r}')
                print(f'  minipy:     {actual!r}')
            else:
                print(f'ok    {name} ({took:.1f}s): {actual[0].strip()!r}')
    print(f'{len(names) - failures} of {len(names)} stress programs identical to python3.11')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
