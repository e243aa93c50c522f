# select: select() and poll objects over pipes: readiness, timeouts, the
# caller's objects in the result, fileno() objects, errors (issue 10).
import os
import select

r, w = os.pipe()


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return 'F(%s)' % ('r' if self.fd == r else 'w')


print(select.select([r], [], [], 0))
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b'data')
fr = F(r)
res = select.select([fr, r], [F(w)], [], 1.5)
print(res[0][0], res[0][1] == r, res[1], res[2])
print(select.select([], [], [], 0.01))
for args in [([r], [], [], 'x'), ([r], [], [], -1), ([r], [], [], float('nan')), ([-1], [], [], 0),
             ([object()], [], [], 0), (3, [], [], 0), ([r], [], [], 1e300), ([r], [], [], 2 ** 80)]:
    try:
        select.select(*args)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    select.select([r], [], [])
except Exception as e:
    print('unexpected', e)
else:
    print('ready without timeout')

p = select.poll()


def show(events):
    return sorted(('r' if fd == r else 'w', ev) for fd, ev in events)


p.register(r, select.POLLIN)
p.register(F(w))
print(show(p.poll(0)))
print(os.read(r, 100))
print(show(p.poll(10)))
p.modify(w, select.POLLIN)
print(p.poll(0), p.poll(0.5), p.poll(None) if False else 'skip')
p.unregister(w)
try:
    p.unregister(w)
except KeyError as e:
    print('KeyError', e.args[0] == w)
try:
    p.modify(12345, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e)
for t in ['x', 1e300, 2 ** 80]:
    try:
        p.poll(t)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for ev in [-1, 1 << 20]:
    try:
        p.register(r, ev)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
os.close(w)
print(show(p.poll(100)), select.POLLIN, select.POLLHUP, select.POLLOUT, select.error is OSError)
os.close(r)
print(show(p.poll(0)))
