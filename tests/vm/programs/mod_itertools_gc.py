# itertools iterators in reference cycles are found by the cycle collector
# (their tp_traverse), and their items are finalized (compared with python3.11).
import gc
import itertools


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("collected", self.name)


def make(name, build):
    node = Node(name)
    node.it = build(node)  # node -> iterator -> node
    return None


gc.collect()
gc.disable()
make("cycle", lambda n: itertools.cycle([n]))
make("repeat", lambda n: itertools.repeat(n))
make("chain", lambda n: itertools.chain([n], [1]))
make("count", lambda n: itertools.count(0, 1) if False else itertools.accumulate([n]))
make("tee", lambda n: itertools.tee([n, n])[0])
make("product", lambda n: itertools.product([n], [1]))
make("groupby", lambda n: itertools.groupby([n]))
make("zip_longest", lambda n: itertools.zip_longest([n], [], fillvalue=n))
make("starmap", lambda n: itertools.starmap(print, [(n,)]))
make("islice", lambda n: itertools.islice([n, n], 1))
make("pairwise", lambda n: itertools.pairwise([n, 1]))
make("compress", lambda n: itertools.compress([n], [1]))
make("dropwhile", lambda n: itertools.dropwhile(bool, [n]))
make("permutations", lambda n: itertools.permutations([n]))
make("combinations", lambda n: itertools.combinations([n], 1))
print("before collect")
found = gc.collect()
print("unreachable found:", found > 0)
gc.enable()
