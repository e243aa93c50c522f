# queue: the orders of Queue (FIFO), LifoQueue and PriorityQueue, maxsize
# with full/empty/qsize, the non-blocking and timed put/get raising Full
# and Empty, task_done/join, SimpleQueue, and the errors.
import queue
import threading

for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for item in (5, 1, 4, 2, 3):
        q.put(item)
    print(cls.__name__, q.qsize(), q.empty(), q.full(),
          [q.get() for _ in range(5)], q.empty())

pq = queue.PriorityQueue()
for item in [(2, 'b'), (1, 'z'), (3, 'a'), (1, 'a')]:
    pq.put_nowait(item)
print([pq.get_nowait() for _ in range(4)])

# Bounded queues.
q = queue.Queue(maxsize=2)
q.put('a')
q.put('b', block=False)
print(q.full(), q.qsize(), q.maxsize)
for action in (lambda: q.put('c', block=False), lambda: q.put_nowait('c'),
               lambda: q.put('c', timeout=0.01), lambda: q.put('c', True, 0)):
    try:
        action()
    except queue.Full as e:
        print('Full', repr(e), type(e).__module__)
print(q.get(), q.get(timeout=1), q.empty())
for action in (lambda: q.get(block=False), q.get_nowait, lambda: q.get(timeout=0.01),
               lambda: q.get(True, 0)):
    try:
        action()
    except queue.Empty as e:
        print('Empty', repr(e), type(e).__module__, type(e).__qualname__)

for action in (lambda: q.get(timeout=-1), lambda: q.put(1, timeout=-0.5)):
    try:
        action()
    except ValueError as e:
        print('ValueError:', e)
q.put(1)
q.put(2)
try:
    q.put(3, timeout=-1)
except ValueError as e:
    print('ValueError:', e)
print(q.get(block=False, timeout=-1), q.get(False, 5))

# maxsize <= 0 means unbounded.
for size in (0, -3):
    q = queue.Queue(size)
    for i in range(100):
        q.put_nowait(i)
    print(size, q.full(), q.qsize())

# task_done/join.
q = queue.Queue()
try:
    q.task_done()
except ValueError as e:
    print('ValueError:', e)
q.join()          # nothing unfinished: returns at once
for i in range(3):
    q.put(i)
print(q.unfinished_tasks)
for i in range(3):
    q.get()
    q.task_done()
q.join()
print(q.unfinished_tasks)

# join() waits for a worker that marks items done.
q = queue.Queue()
processed = []

def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        processed.append(item * 10)
        q.task_done()

t = threading.Thread(target=worker)
t.start()
for i in range(20):
    q.put(i)
q.join()
print(processed == [i * 10 for i in range(20)], q.unfinished_tasks)
q.put(None)
t.join()

# A blocked get() is woken by a put() from another thread; a blocked put()
# by a get().
q = queue.Queue(1)
got = []
t = threading.Thread(target=lambda: got.append(q.get(timeout=60)))
t.start()
q.put('hello')
t.join()
q.put('first')
t = threading.Thread(target=lambda: q.put('second', timeout=60))
t.start()
print(got, q.get())
t.join()
print(q.get())

# SimpleQueue.
sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
for i in range(3):
    sq.put(i)
sq.put_nowait('x')
sq.put(4, block=False, timeout=9)
print(sq.qsize(), sq.empty(), [sq.get() for _ in range(3)], sq.get_nowait(), sq.get(False))
for action in (sq.get_nowait, lambda: sq.get(timeout=0.01), lambda: sq.get(False, -1)):
    try:
        action()
    except queue.Empty as e:
        print('Empty', repr(e))
try:
    sq.get(timeout=-1)
except ValueError as e:
    print('ValueError:', e)
t = threading.Thread(target=lambda: sq.put('from thread'))
t.start()
print(sq.get(timeout=60))
t.join()

# Generic aliases and the module's names.
print(queue.Queue[int], queue.SimpleQueue[str], queue.LifoQueue[int])
print(sorted(queue.__all__), issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(queue.Queue().queue.__class__.__name__, queue.LifoQueue().queue, queue.PriorityQueue().queue)


class Subclass(queue.Queue):
    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        self.queue.insert(0, item)

    def _get(self):
        return self.queue.pop(0)


s = Subclass()
for i in range(4):
    s.put(i)
print([s.get() for _ in range(4)])
