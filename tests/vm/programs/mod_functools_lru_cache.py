# functools.lru_cache and cache: hits/misses, eviction order, typed keys,
# keyword arguments, recursion, cache_clear, parameters.
from functools import lru_cache, cache

calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


for i in [1, 2, 1, 3, 2, 1, 1]:
    sq(i)
print(calls, sq.cache_info(), sq.cache_parameters(), sq.__wrapped__.__name__, sq.__name__)
sq.cache_clear(); print(sq.cache_info())


@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(90), fib.cache_info())


@lru_cache
def g(x, y=0):
    return (x, y)


g(1); g(1); g(1.0); g(1, y=2); g(x=1); g(1, 0)
print(g.cache_info())


@lru_cache(typed=True)
def h(x):
    return type(x).__name__


print(h(1), h(1.0), h(True), h(1), h.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x


nocache(1); nocache(1); print(nocache.cache_info())


@lru_cache(maxsize=-5)
def neg(x):
    return x


neg(1); print(neg.cache_info(), neg.cache_parameters())


@lru_cache(maxsize=None)
def unbounded(*args, **kw):
    return len(args) + len(kw)


unbounded(1, 2); unbounded(1, 2); unbounded(a=1, b=2); unbounded(b=2, a=1)
print(unbounded.cache_info())
try:
    lru_cache("x")
except TypeError as e:
    print("TypeError:", e)
try:
    g([1])
except TypeError as e:
    print("TypeError:", e)


class Thing:
    @lru_cache(maxsize=4)
    def double(self, v):
        return v * 2

    def __hash__(self):
        return 1

    def __eq__(self, other):
        return isinstance(other, Thing)


t = Thing()
print(t.double(3), t.double(3), Thing.double.cache_info().hits)


def documented(a):
    "the doc"
    return a


w = lru_cache(documented)
print(w.__doc__, w.__qualname__, w.__module__, w(5))
