# heapq: the heap invariant, push/pop/replace/pushpop, heapify, merge,
# nsmallest/nlargest with keys (stability), errors.
import heapq

state = [12345]


def rnd(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2 ** 31
    return state[0] % n


for trial in range(12):
    data = [rnd(50) for _ in range(rnd(40))]
    h = list(data); heapq.heapify(h); print(h)
    h2 = []
    for x in data:
        heapq.heappush(h2, x)
    print(h2, [heapq.heappop(h2) for _ in range(len(h2))])
    print(heapq.nsmallest(5, data), heapq.nlargest(5, data), heapq.nsmallest(3, data, key=lambda v: -v),
          heapq.nlargest(4, data, key=lambda v: v % 7))
    print(list(heapq.merge(sorted(data[:5]), sorted(data[5:10]), sorted(data[10:]))),
          list(heapq.merge(sorted(data, reverse=True), [40, 3], reverse=True)))
    pairs = [(rnd(5), i) for i in range(10)]
    print(list(heapq.merge(sorted(pairs[:5], key=lambda p: p[0]), sorted(pairs[5:], key=lambda p: p[0]),
                           key=lambda p: p[0])))
    print(heapq.nsmallest(4, pairs, key=lambda p: p[0]), heapq.nlargest(4, pairs, key=lambda p: p[0]))
    if h:
        print(heapq.heapreplace(h, 17), heapq.heappushpop(h, 3), h)

tasks = []
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]:
    heapq.heappush(tasks, (prio, name))
while tasks:
    print(heapq.heappop(tasks), end=" ")
print()
print(list(heapq.merge()), list(heapq.merge([1, 3], [], [2])), list(heapq.merge("ace", "bd")))
print(heapq.nsmallest(0, [1, 2]), heapq.nlargest(-1, [3]), heapq.nsmallest(1, []), heapq.nlargest(2, iter([5, 1, 9])))
print(heapq.nsmallest(1, [3, 1, 2]), heapq.nlargest(10, [1, 2]), heapq.heappushpop([], 4))
for bad in [lambda: heapq.heappush([]), lambda: heapq.heappush((), 1), lambda: heapq.heappop([]),
            lambda: heapq.heapify(()), lambda: heapq.heapreplace([], 1), lambda: heapq.heappushpop(1, 2),
            lambda: heapq.heappush([1], "a")]:
    try:
        print(bad())
    except (TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
print(heapq.__all__)
