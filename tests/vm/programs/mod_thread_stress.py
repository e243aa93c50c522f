# 16 threads x 100,000 increments under one lock give the exact count;
# an RLock-protected dict and a lock-free list append stay consistent.
import _thread

THREADS = 16
INCREMENTS = 100_000

counter = 0
lock = _thread.allocate_lock()
finished = _thread.allocate_lock()
finished.acquire()
remaining = THREADS


def worker():
    global counter, remaining
    for _ in range(INCREMENTS):
        with lock:
            counter += 1
    with lock:
        remaining -= 1
        if remaining == 0:
            finished.release()


for _ in range(THREADS):
    _thread.start_new_thread(worker, ())
finished.acquire()
print(counter, counter == THREADS * INCREMENTS)

rlock = _thread.RLock()
table = {}
seen = []
remaining = 8
finished_all = _thread.allocate_lock()
finished_all.acquire()


def writer(base):
    global remaining
    for i in range(2000):
        with rlock:
            with rlock:
                table[base + i] = table.get(base + i, 0) + 1
        seen.append(i)  # list.append is atomic under the GIL
    with rlock:
        remaining -= 1
        if remaining == 0:
            finished_all.release()


for t in range(8):
    _thread.start_new_thread(writer, ((t % 4) * 10_000,))
finished_all.acquire()
print(len(table), sorted(set(table.values())), len(seen), sum(seen))
