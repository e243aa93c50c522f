# shutdown_workload.py: the workload of test_shutdown_residue.py. N rounds
# (argv[1]) of everything that makes cycles or fills caches: classes made
# with type(), instances with __del__ in parent/child trees, closures,
# generators (finished and suspended), bound methods, weakrefs with
# callbacks, exceptions in cycles, dict/set churn. After the teardown the
# "[N refs, M blocks]" of -X showrefcount must not depend on N.
import sys
import gc
import weakref

N = int(sys.argv[1])
deleted = 0

class Node:
    def __init__(self, parent):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)
    def __del__(self):
        global deleted
        deleted += 1

def tree(depth, parent=None):
    n = Node(parent)
    if depth:
        tree(depth - 1, n)
        tree(depth - 1, n)
    return n

def gen(k):
    try:
        for i in range(k):
            yield i
    finally:
        pass

def closure(x):
    def inner():
        return inner, x
    return inner

callbacks = 0
def on_dead(wr):
    global callbacks
    callbacks += 1

for i in range(N):
    t = tree(4)
    wr = weakref.ref(t, on_dead)
    del t
    g = gen(10); next(g)
    h = gen(3); list(h)
    c = closure(i)
    m = Node(None).__init__
    k = type("K%d" % (i % 7), (object,), {"f": lambda self: self})
    obj = k(); obj.me = obj
    try:
        raise ValueError(i)
    except ValueError as e:
        e.self = e
    d = {j: [j] for j in range(20)}
    s = {frozenset([i, j]) for j in range(5)}
    del g, h, c, m, k, obj, d, s, wr
gc.collect()
print(N, deleted >= N * 31, callbacks > 0)
