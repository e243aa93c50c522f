# generators.py: generator pipelines: generator functions chained with
# `yield from`, generator expressions feeding sum/max, send() to a
# coroutine-style accumulator, and itertools-free windowing.
import sys


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def squares(source):
    for x in source:
        yield x * x


def chained(n):
    yield from numbers(n)
    yield from squares(numbers(n // 2))


def windows(source, size):
    window = []
    for x in source:
        window.append(x)
        if len(window) == size:
            yield tuple(window)
            del window[0]


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total // count


def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node


def make_tree(depth, start):
    if depth == 0:
        return [start, start + 1]
    return [make_tree(depth - 1, start * 2), start, make_tree(depth - 1, start * 2 + 1)]


def main(scale):
    n = 20000 * scale
    print("pipeline", sum(squares(evens(numbers(n)))))
    print("chained", sum(x % 7 for x in chained(n)))
    print("windows", max(sum(w) for w in windows(numbers(n // 2), 5)))
    acc = averager()
    next(acc)
    last = None
    for i in range(n):
        last = acc.send(i)
    print("averager", last)
    tree = make_tree(10, 1)
    total = 0
    for _ in range(scale):
        total += sum(flatten(tree))
    print("flatten", total)
    print("genexp", sum(1 for i in range(n) if i % 3 == 0), len([c for c in (str(i) for i in range(n // 4))]))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
