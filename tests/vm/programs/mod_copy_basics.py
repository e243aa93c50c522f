# copy: shallow and deep copies through the type table, __copy__ and
# __deepcopy__, __reduce_ex__ (copyreg), __slots__, memo and cycles.
import copy
from collections import OrderedDict, Counter, defaultdict, deque, namedtuple, ChainMap, UserDict, UserList


class A:
    def __init__(self):
        self.x = [1, 2]
        self.me = self


class S:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = [2]


class C:
    def __init__(self, v):
        self.v = v

    def __deepcopy__(self, memo):
        print("deepcopy called", len(memo) > 0)
        return C(copy.deepcopy(self.v, memo))

    def __copy__(self):
        print("copy called")
        return C(self.v)


a = A(); b = copy.deepcopy(a); print(b.me is b, b.x == a.x, b.x is a.x, copy.copy(a).x is a.x)
s = copy.deepcopy(S()); print(s.a, s.b); s2 = copy.copy(S()); print(s2.a, s2.b)
c = C([1]); print(copy.copy(c).v is c.v, copy.deepcopy(c).v is c.v)
l = [1, [2, 3]]; l.append(l); m = copy.deepcopy(l); print(m[2] is m, m[1] is not l[1], m[1] == l[1])
t = (1, [2]); print(copy.deepcopy(t) is t, copy.deepcopy((1, "x")) is not None, copy.copy(t) is t)
print(copy.deepcopy(OrderedDict(a=[1])), copy.copy(Counter("aab")), copy.deepcopy(defaultdict(list, a=[1])),
      copy.deepcopy(deque([1, [2]], maxlen=4)))
P = namedtuple("P", "x y"); print(copy.deepcopy(P([1], 2)), copy.copy(P(1, 2)))
print(copy.deepcopy(ChainMap({"a": [1]})), copy.copy(UserDict(a=1)), copy.deepcopy(UserList([[1]])))
print(copy.deepcopy({1: {2: 3}}), copy.copy({1, 2}), copy.deepcopy(frozenset({1})), copy.copy(bytearray(b"ab")))
print(copy.copy(len) is len, copy.deepcopy(A) is A, copy.copy(3.5), copy.deepcopy("s"), copy.copy(None))
shared = [0]
pair = [shared, shared]
dup = copy.deepcopy(pair); print(dup[0] is dup[1], dup[0] is not shared)
memo = {}; x = [1]; y = copy.deepcopy(x, memo); print(memo[id(x)] is y, len(memo))


class R:
    def __reduce__(self):
        return "R_global"


print(copy.copy(R()).__class__.__name__)
d = {}; d["self"] = d; e = copy.deepcopy(d); print(e["self"] is e)


class WithState:
    def __init__(self):
        self.items = [1]

    def __getstate__(self):
        return {"items": self.items, "extra": "from getstate"}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.restored = True


w = copy.deepcopy(WithState()); print(w.items, w.extra, w.restored)
import functools
print(copy.copy(functools.partial(len, [1]))(), copy.deepcopy(functools.partial(max, 1, 2))())


class Bound:
    def m(self):
        return self


bm = Bound().m; bc = copy.deepcopy(bm); print(bc() is not bm(), type(bc).__name__)
try:
    copy.copy(type("Weird", (), {"__reduce_ex__": None, "__reduce__": None})())
except copy.Error as err:
    print("Error:", err)
print(copy.error is copy.Error, copy.__all__)
