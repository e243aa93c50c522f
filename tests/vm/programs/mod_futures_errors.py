# concurrent.futures when things go wrong: an initializer that raises breaks
# the pool (BrokenThreadPool for the waiting jobs and for submit); a done
# callback that raises is reported and the other callbacks still run; an
# exception raised by a job travels to result() and exception() with its
# traceback. The reports go to stderr (CPython: through the logging
# module's last-resort handler); they are collected through a replacement
# sys.stderr and only their first and last lines printed, since the frames
# in between belong to each implementation's concurrent/futures files.
import concurrent.futures as cf
import sys
import threading
from concurrent.futures.thread import BrokenThreadPool


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        pass


def report(collector):
    lines = ''.join(collector.parts).splitlines()
    if not lines:
        print('(nothing on stderr)')
        return
    first = lines[0].split(' at 0x')[0]
    print(f'{first!r} ... {lines[-1]!r} ({"Traceback (most recent call last):" in lines})')


def bad_init(gate, tag):
    gate.wait()       # every job is queued before the pool breaks
    raise OSError(f'cannot initialize {tag}')


saved = sys.stderr
sys.stderr = collector = Collector()
try:
    gate = threading.Event()
    pool = cf.ThreadPoolExecutor(1, initializer=bad_init, initargs=(gate, 'worker'))
    futures = [pool.submit(pow, 2, n) for n in range(3)]
    gate.set()
    for f in futures:
        try:
            f.result(timeout=60)
        except BrokenThreadPool as e:
            print('BrokenThreadPool:', e)
    try:
        pool.submit(pow, 2, 2)
    except BrokenThreadPool as e:
        print('submit: BrokenThreadPool:', e)
    pool.shutdown()
finally:
    sys.stderr = saved
report(collector)

# A failing done callback.
calls = []


def bad_callback(fut):
    raise ValueError('callback failed')


sys.stderr = collector = Collector()
try:
    f = cf.Future()
    f.add_done_callback(lambda fut: calls.append('before'))
    f.add_done_callback(bad_callback)
    f.add_done_callback(lambda fut: calls.append('after'))
    f.set_result(5)
    f.add_done_callback(bad_callback)     # already done: called at once
finally:
    sys.stderr = saved
print(calls)
report(collector)

# A job's exception, with the frames of the job in its traceback.
def job(n):
    return {'a': 1}[n]


with cf.ThreadPoolExecutor(2) as pool:
    f = pool.submit(job, 'b')
    exc = f.exception(timeout=60)
    print(repr(exc), type(exc).__name__)
    tb = exc.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names[-1], 'run' in names)
    try:
        f.result()
    except KeyError as e:
        print('result raised', repr(e), e is exc)
