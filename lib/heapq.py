# heapq.py: heap queues (priority queues) in plain lists, where
# heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2]; heap[0] is the
# smallest item. minipy's own module with the API of CPython 3.11's
# Lib/heapq.py: the heap operations are the native _heapq
# (modules/_heapqmodule.cpp); merge, nsmallest and nlargest are here.
# Book chapter 12, "The Standard Library".
#
# merge, nsmallest and nlargest are stable: equal items come out in the
# order they went in. Each heap entry carries an `order` number (distinct
# per entry) right after the compared value, so ties are broken by it and
# the rest of an entry is never compared.

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']

from _heapq import (heappush, heappop, heapify, heapreplace, heappushpop,
                    _heappop_max, _heapreplace_max, _heapify_max)


def merge(*iterables, key=None, reverse=False):
    '''Merge sorted iterables into one sorted iterator (lazily).

    key and reverse mean what they mean for sorted(); each input must
    already be sorted that way. Equal items keep the order of the inputs.
    '''
    if reverse:
        make_heap, pop, replace, direction = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        make_heap, pop, replace, direction = heapify, heappop, heapreplace, 1
    if key is None:
        key = _identity
    # Entries are [key, order, value, iterator]; with reverse the orders
    # are negative so that a max-heap still prefers the earlier input.
    heap = []
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            heap.append([key(value), order * direction, value, it])
            break
    make_heap(heap)
    while len(heap) > 1:
        entry = heap[0]
        yield entry[2]
        it = entry[3]
        for value in it:
            entry[0] = key(value)
            entry[2] = value
            replace(heap, entry)
            break
        else:
            pop(heap)  # this input is exhausted
    if heap:
        # One input left: the rest of it needs no comparisons.
        _, _, value, it = heap[0]
        yield value
        yield from it


def _identity(value):
    return value


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, smallest first; the same list as
    sorted(iterable, key=key)[:n]."""
    if n == 1:
        missing = object()
        result = min(iterable, default=missing, key=key)
        return [] if result is missing else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    # A max-heap of the n smallest seen so far: its root is the one to
    # drop when a smaller item arrives.
    it = iter(iterable)
    if key is None:
        key = _identity
    heap = [(key(elem), order, elem) for order, elem in zip(range(n), it)]
    if not heap:
        return heap
    _heapify_max(heap)
    top = heap[0][0]
    order = n
    for elem in it:
        k = key(elem)
        if k < top:
            _heapreplace_max(heap, (k, order, elem))
            top = heap[0][0]
            order += 1
    heap.sort()
    return [elem for (k, order, elem) in heap]


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, largest first; the same list as
    sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        missing = object()
        result = max(iterable, default=missing, key=key)
        return [] if result is missing else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    # A min-heap of the n largest seen so far. Orders count down so that,
    # sorted in reverse at the end, earlier items come before equal later
    # ones.
    it = iter(iterable)
    if key is None:
        key = _identity
    heap = [(key(elem), -order, elem) for order, elem in zip(range(n), it)]
    if not heap:
        return heap
    heapify(heap)
    top = heap[0][0]
    order = -n
    for elem in it:
        k = key(elem)
        if top < k:
            heapreplace(heap, (k, order, elem))
            top = heap[0][0]
            order -= 1
    heap.sort(reverse=True)
    return [elem for (k, order, elem) in heap]
