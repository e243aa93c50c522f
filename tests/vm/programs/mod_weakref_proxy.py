# weakref.proxy: every operator forwarded to the referent, proxies as
# operands, callable proxies, sharing, and ReferenceError once dead.
import weakref


class Num:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Num(%r)" % (self.v,)

    def __str__(self):
        return "num %s" % (self.v,)

    def _op(name):
        def method(self, *args):
            vals = [a.v if isinstance(a, Num) else a for a in args]
            return "%s(%s)" % (name, ", ".join(map(repr, [self.v] + vals)))
        method.__name__ = name
        return method

    for _n in ("add sub mul matmul truediv floordiv mod divmod pow lshift rshift and xor or "
               "radd rsub rmul rmatmul rtruediv rfloordiv rmod rdivmod rpow rlshift rrshift rand rxor ror "
               "iadd isub imul imatmul itruediv ifloordiv imod ipow ilshift irshift iand ixor ior "
               "neg pos abs invert").split():
        locals()["__%s__" % _n] = _op(_n)
    del _n, _op

    def __bool__(self):
        return self.v != 0

    def __int__(self):
        return 42

    def __float__(self):
        return 4.5

    def __index__(self):
        return 7

    def __lt__(self, other):
        return ("lt", self.v, getattr(other, "v", other))

    def __eq__(self, other):
        return ("eq", self.v, getattr(other, "v", other))

    __hash__ = object.__hash__

    def __len__(self):
        return 3

    def __getitem__(self, k):
        return ("get", k)

    def __setitem__(self, k, v):
        print("set", k, v)

    def __delitem__(self, k):
        print("del", k)

    def __contains__(self, k):
        return k == "in"

    def __iter__(self):
        return iter([1, 2, 3])

    def __bytes__(self):
        return b"bytes!"

    def __reversed__(self):
        return iter([3, 2, 1])



class CNum(Num):
    def __call__(self, *a, **k):
        return ("called", a, k)


n = Num(5)
m = Num(2)
p = weakref.proxy(n)
q = weakref.proxy(m)
print(type(p).__name__, weakref.proxy(n) is p)
print(p + 1, 1 + p, p + q, p - 1, p * 2, p @ 3, p / 2, p // 2, p % 2, divmod(p, 2), p ** 2, pow(p, 2, 5))
print(p << 1, p >> 1, p & 1, p | 1, p ^ 1, 1 - p, 1 * p, 1 @ p, 1 / p, 1 // p, 1 % p, divmod(1, p), 2 ** p)
print(1 << p, 1 >> p, 1 & p, 1 | p, 1 ^ p)
print(-p, +p, abs(p), ~p, bool(p), int(p), float(p), [0] * 10 and list(range(10))[p], hex(p))
print(p < 1, p == 1, p == q, p != 2, len(p), p["k"], "in" in p, "out" in p, list(p), bytes(p), list(reversed(p)))
p["a"] = 1
del p["b"]
print(p.v, str(p), p.__class__.__name__)
cn = CNum(1)
cp = weakref.proxy(cn)
print(type(cp).__name__, cp(1, x=2), bytes(cp))
try:
    reversed(cp)
except TypeError as e:
    print("TypeError:", e)
p.w = 10
print(n.w)
del p.w
print(hasattr(n, "w"))
x = p
x += 1
print(x, type(x).__name__)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
gen = (i for i in [1, 2])
it = weakref.proxy(gen)
print(next(it), next(it))
try:
    next(weakref.proxy(n))
except TypeError as e:
    print("TypeError:", e)


def func(a):
    return a * 2


fp = weakref.proxy(func)
print(type(fp).__name__, fp(21), fp.__name__)
print(type(weakref.proxy(Num)).__name__)
print(callable(p), callable(weakref.proxy(Num(1))))

log = []
p2 = weakref.proxy(n, lambda pr: log.append(type(pr).__name__))
print(p2 is not p, weakref.getweakrefcount(n))
r = weakref.ref(n)
print([type(w).__name__ for w in weakref.getweakrefs(n)])
del n
print("log", log)
for label, op in [("attr", lambda: p.v), ("add", lambda: p + 1), ("radd", lambda: 1 + p), ("str", lambda: str(p)),
                  ("bool", lambda: bool(p)), ("len", lambda: len(p)), ("item", lambda: p[0]), ("iter", lambda: iter(p)),
                  ("cmp", lambda: p == 1), ("other side", lambda: q + p), ("setattr", lambda: setattr(p, "a", 1)),
                  ("call", lambda: fp2()), ("contains", lambda: 1 in p), ("bytes", lambda: bytes(p))]:
    if label == "call":
        def g():
            pass
        fp2 = weakref.proxy(g)
        del g
    try:
        print(label, op())
    except ReferenceError as e:
        print(label, "ReferenceError:", e)
print(repr(p).startswith("<weakproxy at 0x"), "to NoneType at" in repr(p))
