# collections.abc: the built-in types' registrations, structural
# __subclasshook__ checks, and the mixin methods of the collection ABCs.
import collections.abc as cabc
from collections.abc import (Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container,
                             Callable, Collection, Set, MutableSet, Mapping, MutableMapping,
                             Sequence, MutableSequence, ByteString, KeysView, ItemsView, ValuesView,
                             Awaitable, Coroutine, AsyncIterable, AsyncIterator, AsyncGenerator)


def gen():
    yield 1


async def coro():
    pass


async def agen():
    yield 1


samples = [("list", []), ("tuple", ()), ("str", ""), ("bytes", b""), ("bytearray", bytearray()),
           ("dict", {}), ("set", set()), ("frozenset", frozenset()), ("range", range(3)),
           ("keys", {}.keys()), ("items", {}.items()),
           ("list_iter", iter([])), ("gen", gen()), ("int", 3), ("func", len), ("none", None)]
abcs = [Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container, Callable, Collection,
        Set, MutableSet, Mapping, MutableMapping, Sequence, MutableSequence, ByteString]
print(" " * 10, " ".join(a.__name__[:6] for a in abcs))
for name, obj in samples:
    print(f"{name:10}", " ".join(f"{'x' if isinstance(obj, a) else '.':6}" for a in abcs))
c = coro()
print(isinstance(c, Coroutine), isinstance(c, Awaitable), isinstance(agen(), AsyncGenerator),
      isinstance(agen(), AsyncIterator), issubclass(type(agen()), AsyncIterable))
c.close()
print(cabc.__all__ == sorted(cabc.__all__, key=cabc.__all__.index), len(cabc.__all__))
print(Sequence.__module__, Set.__qualname__, Callable[[int, str], float], Callable[..., int])
print(Callable[[], None].__args__, Iterable[int], Mapping[str, int])


class Bag(Set):
    def __init__(self, it=()):
        self._items = list(dict.fromkeys(it))

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return f"Bag({self._items})"

    __hash__ = Set._hash


a, b = Bag([1, 2, 3]), Bag([2, 3, 4])
print(a & b, a | b, a - b, a ^ b, a <= b, a < Bag([1, 2, 3, 9]), a == Bag([3, 2, 1]), a.isdisjoint([7]))
print(hash(a) == hash(Bag([3, 2, 1])), hash(Bag()) == hash(frozenset()), hash(a) == hash(frozenset(a)))
print([5] & a if False else a & [2, 9], {2, 9} - a, a - [1])


class Registry(MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


r = Registry()
r.update({"a": 1}, b=2); r.update([("c", 3)]); print(dict(r), r.get("z"), "a" in r, r.setdefault("d", 4))
print(r.pop("a"), r.pop("zz", None), r.popitem(), list(r.keys()), list(r.items()), list(r.values()))
print(list(r.keys()), ("b", 2) in r.items(), 2 in r.values(), r == {"b": 2, "c": 3} or dict(r))
r.clear(); print(len(r))
try:
    r.pop("x")
except KeyError as e:
    print("KeyError:", e)


class Seq(MutableSequence):
    def __init__(self, *items):
        self._l = list(items)

    def __getitem__(self, i):
        return self._l[i]

    def __setitem__(self, i, v):
        self._l[i] = v

    def __delitem__(self, i):
        del self._l[i]

    def __len__(self):
        return len(self._l)

    def insert(self, i, v):
        self._l.insert(i, v)


s = Seq(3, 1, 2)
s.append(5); s.extend([6, 6]); s.reverse(); print(list(s), s.index(6), s.count(6), 1 in s, list(reversed(s)))
print(s.pop(), s.pop(0), s.remove(1), list(s))
s += [7]; print(list(s), s.index(7, -2), s.index(6, 0, 2))
try:
    s.index(99)
except ValueError:
    print("ValueError")
s.clear(); print(len(s))
try:
    Sequence()
except TypeError as e:
    print("TypeError:", e)


class OnlyLen:
    def __len__(self):
        return 0


class NoHash:
    __hash__ = None


print(issubclass(OnlyLen, Sized), issubclass(OnlyLen, Collection), issubclass(NoHash, Hashable),
      issubclass(list, Hashable), issubclass(type(iter(range(1 << 100))), Iterator))
