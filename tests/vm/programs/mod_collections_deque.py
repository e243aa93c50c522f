# collections.deque: both ends, maxlen, rotation, indexing, mutation during
# iteration, comparisons, copies, pickling recipe, subclasses.
from collections import deque

d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, len(d))
print(d.pop(), d.popleft(), d)
d.extend("ab"); d.extendleft("xy"); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d); d.rotate(100); print(d)
d.reverse(); print(d)
print(d.index(2), d.count(2), 2 in d, "q" in d, d[0], d[-1])
d[1] = "set"; del d[0]; print(d)
d.insert(1, "ins"); d.insert(-1, "neg"); d.insert(100, "end"); print(d)
d.remove("ins"); print(d)
d.clear(); print(d, bool(d))

b = deque(range(5), maxlen=3); print(b, b.maxlen)
b.append(9); print(b); b.appendleft(-1); print(b)
b.extend(range(10, 14)); print(b); b.extendleft([7, 8]); print(b)
print(deque("abc", 0), deque(maxlen=None).maxlen)
e = deque([1, 2], maxlen=2)
try:
    e.insert(0, 5)
except IndexError as exc:
    print("IndexError:", exc)

for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque()[0],
            lambda: deque([1]).remove(2), lambda: deque([1]).index(2),
            lambda: deque() + [1], lambda: deque(maxlen=-1), lambda: deque([], "a"),
            lambda: deque([], 2, 3), lambda: deque(x=1), lambda: deque(1),
            lambda: hash(deque()), lambda: deque()["a"], lambda: deque([1]) < [1]]:
    try:
        print(bad())
    except Exception as exc:
        print(type(exc).__name__ + ":", exc)

d = deque([1, 2, 3])
it = iter(d)
d.append(4)
try:
    next(it)
except RuntimeError as exc:
    print("RuntimeError:", exc)
it = iter(d); d[0] = 10; print(next(it))
it = iter(d); d.rotate(1)
try:
    next(it)
except RuntimeError as exc:
    print("RuntimeError:", exc)
print(list(reversed(deque("abcd"))), iter(deque([1, 2, 3])).__length_hint__())

print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) <= deque([1, 0]),
      deque([2]) > deque([1, 5]), deque([1]) != deque([1]), deque([1]) == [1])
d = deque(range(4)); print(d + deque("ab"), d * 2, 2 * d, d * 0)
d += [9]; print(d); d *= 2; print(d)
m = deque(range(5), maxlen=7); m *= 3; print(m)
c = d.copy(); c.append("new"); print(d, c, type(c) is deque)
print(deque([1], maxlen=3).__copy__())
print(d.__reduce__()[:3], deque([1], maxlen=2).__reduce__()[:3])

r = deque([1]); r.append(r); print(r)
r.extend(r); print(len(r))


class Q(deque):
    pass


q = Q([1, 2], 5); print(q, q.copy(), type(q.copy()).__name__, q.maxlen)
q.name = "x"; print(q.__reduce__()[2])
print(deque[int], isinstance(deque(), deque))
import weakref
wd = deque([1]); wr = weakref.ref(wd); print(wr() is wd); del wd; print(wr())
