# functools.partial, reduce and cmp_to_key.
from functools import partial, reduce, cmp_to_key


def f(a, b=1, *rest, **kw):
    return (a, b, rest, kw)


p = partial(f, 1, x=2)
print(p(), p(b=3), p(5, 6, 7), p(x=9), p.args, p.keywords, p.func is f)
pp = partial(p, 5, y=0)
print(pp.args, pp.keywords, pp.func is f, pp())
print(repr(partial(len, [1], x=1)), repr(partial(max)), repr(partial(partial(min, 1), 2)))


class P(partial):
    pass


print(repr(P(len, 2)), P(len, "ab")(), type(P(p, 1).func).__name__)
p.attr = 3
print(p.__dict__, p.__reduce__()[2][1:], partial(p, 2).func is f)
state = (len, ("xyz",), {}, None)
q = partial(max); q.__setstate__(state); print(q(), q.args, q.keywords)
for bad in [lambda: partial(1), lambda: partial(), lambda: q.__setstate__(1), lambda: q.__setstate__((1,)),
            lambda: q.__setstate__((1, (), None, None)), lambda: setattr(p, "func", len),
            lambda: reduce(lambda a, b: a, []), lambda: reduce(1), lambda: reduce(1, 2, 3, 4),
            lambda: reduce(len, 5)]:
    try:
        print(bad())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print(reduce(lambda a, b: a * b, range(1, 8)), reduce(lambda a, b: a + b, [], 7), reduce(max, [3, 9, 2]))
print(reduce(lambda acc, x: acc + [x * 2], "abc", []))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)), sorted("bca", key=cmp_to_key(lambda a, b: (a > b) - (a < b))))
K = cmp_to_key(lambda a, b: len(a) - len(b))
print(K("aa") < K("b"), K("a") == K("b"), K("aaa") >= K("b"), K("x").obj, type(K("x")).__name__)
try:
    hash(K(1))
except TypeError as e:
    print("TypeError:", e)
try:
    K(1) < 1
except TypeError as e:
    print("TypeError:", e)
print(partial(int, base=2)("101"), list(map(partial(pow, 2), range(5))))
print(partial[int])
import weakref
wp = partial(len); wr = weakref.ref(wp); print(wr() is wp); del wp; print(wr())


# Calls through the vectorcall path and through a subclass's __call__.
def g(*a, **k):
    return a, k


pv = partial(g, 1, 2)
print(pv(), pv(3), pv(3, x=4), pv(x=5), partial(g)(1, y=2), partial(g, z=1)(2, z=3, w=4))


class Loud(partial):
    def __call__(self, *a, **k):
        return ("loud", super().__call__(*a, **k))


print(Loud(g, 1)(2, k=3), Loud(g)(), partial(Loud(g, 1), 2)())
