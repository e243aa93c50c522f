# queue.Queue as the channel between 4 producers and 3 consumers (bounded,
# so producers block): every item arrives exactly once, task_done/join
# report completion, a sentinel per consumer stops them. Then the same
# with a PriorityQueue of jobs and a LifoQueue. Output depends only on
# what was received, never on the interleaving.
import queue
import threading

PRODUCERS, CONSUMERS, PER_PRODUCER = 4, 3, 500
q = queue.Queue(maxsize=8)
received = [[] for _ in range(CONSUMERS)]


def produce(p):
    for i in range(PER_PRODUCER):
        q.put((p, i))


def consume(c):
    while True:
        item = q.get()
        try:
            if item is None:
                return
            received[c].append(item)
        finally:
            q.task_done()


consumers = [threading.Thread(target=consume, args=(c,), name=f'consumer-{c}')
             for c in range(CONSUMERS)]
producers = [threading.Thread(target=produce, args=(p,), name=f'producer-{p}')
             for p in range(PRODUCERS)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
q.join()
print('unfinished after join:', q.unfinished_tasks, 'size:', q.qsize())
for _ in consumers:
    q.put(None)
for t in consumers:
    t.join()

everything = [item for part in received for item in part]
print('received', len(everything), 'distinct', len(set(everything)),
      'expected', PRODUCERS * PER_PRODUCER)
print(sorted(everything) == [(p, i) for p in range(PRODUCERS) for i in range(PER_PRODUCER)])
# Each consumer sees each producer's items in the order they were put.
in_order = all(
    [i for (p, i) in part if p == prod] == sorted(i for (p, i) in part if p == prod)
    for part in received for prod in range(PRODUCERS))
print('per-producer order kept:', in_order)
print(q.empty(), threading.active_count())

# A job queue by priority: one worker, jobs all queued before it starts.
jobs = queue.PriorityQueue()
for priority, name in [(3, 'low'), (1, 'urgent'), (2, 'normal'), (1, 'also urgent'), (9, 'stop')]:
    jobs.put((priority, name))
done = []


def job_worker():
    while True:
        priority, name = jobs.get()
        jobs.task_done()
        if name == 'stop':
            return
        done.append(name)


t = threading.Thread(target=job_worker)
t.start()
jobs.join()
t.join()
print(done)

# LifoQueue filled by several threads, drained after: the same multiset.
stack = queue.LifoQueue()
fillers = [threading.Thread(target=lambda k=k: [stack.put(k * 100 + i) for i in range(50)])
           for k in range(4)]
for t in fillers:
    t.start()
for t in fillers:
    t.join()
drained = []
while not stack.empty():
    drained.append(stack.get_nowait())
print(len(drained), sorted(drained) == [k * 100 + i for k in range(4) for i in range(50)])

# SimpleQueue between two threads.
sq = queue.SimpleQueue()
out = []


def pump():
    for i in range(300):
        sq.put(i)
    sq.put(None)


t = threading.Thread(target=pump)
t.start()
while (item := sq.get()) is not None:
    out.append(item)
t.join()
print(out == list(range(300)))
