# threading.local and the cycle collector: each thread's dict of a local is
# owned by the local (the thread state holds only a dummy), so a cycle
# through a local's attributes is garbage the collector frees, and a
# thread's dict goes away when the thread ends.
import gc
import threading
import weakref


class Node:
    pass


def cycle_through(local_type):
    loc = local_type()
    node = Node()
    loc.node = node
    node.loc = loc
    watch = weakref.ref(node), weakref.ref(loc)
    del node, loc
    found = gc.collect()
    print(local_type.__name__, "cycle freed:", [w() is None for w in watch], found >= 2)


cycle_through(threading.local)


class Sub(threading.local):
    def __init__(self, tag):
        self.tag = tag


cycle_through(lambda: Sub("main"))

# A value stored by another thread dies with that thread.
loc = threading.local()
box = []


def worker():
    value = Node()
    loc.value = value
    box.append(weakref.ref(value))
    print("in the thread:", hasattr(loc, "value"))


t = threading.Thread(target=worker)
t.start()
t.join()
gc.collect()
print("the thread's value freed:", box[0]() is None, "main sees it:", hasattr(loc, "value"))

# A local used by a finished thread still works in the main thread.
loc.mine = 1
print(loc.mine, sorted(loc.__dict__))
