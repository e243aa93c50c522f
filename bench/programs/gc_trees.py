# gc_trees.py: builds and drops many binary trees whose nodes point back at
# their parents, so every tree is a web of reference cycles that only the
# cycle collector can free (book chapter 9). The automatic collections
# keep memory bounded; the checksum is the work done, which does not depend
# on when collections happen. Measures allocation, refcounting and the
# generational collector against python3.11's.
import gc
import sys


class Node:
    __slots__ = ("parent", "left", "right", "value")

    def __init__(self, parent, value):
        self.parent = parent
        self.left = None
        self.right = None
        self.value = value


def build(parent, depth, value):
    node = Node(parent, value)
    if depth > 0:
        node.left = build(node, depth - 1, 2 * value)
        node.right = build(node, depth - 1, 2 * value + 1)
    return node


def leaf_sum(node):
    # Walks down to the leftmost leaf, then back up through the parents.
    while node.left is not None:
        node = node.left
    total = 0
    while node is not None:
        total += node.value
        node = node.parent
    return total


def main(rounds):
    checksum = 0
    for r in range(rounds):
        tree = build(None, 7, r)
        checksum = (checksum + leaf_sum(tree)) % 1000000007
    # Whatever is left over is one collection away.
    gc.collect()
    print(checksum, gc.isenabled())


main(int(sys.argv[1]) * 300 if len(sys.argv) > 1 else 3000)
