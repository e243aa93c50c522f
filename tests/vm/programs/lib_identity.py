# Identity without ids: `is`, singletons, interning-independent checks, copies vs aliases.
a = [1, 2]
b = a
c = list(a)
print(a is b, a is c, a == c, a is not c)
b.append(3)
print(a, c)
print(None is None, type(None)() is None, True is (1 == 1), bool(1) is True)
print(tuple() is tuple(), frozenset() == frozenset(), tuple([]) == (), type(()) is tuple)
t = (1, 2)
print(tuple(t) is t, t[:] is t, list(t) is t, str("abc") == "abc")
s = "hello"
print(s[:] is s, s + "" == s, str(s) is s)
fs = frozenset([1])
print(frozenset(fs) is fs, fs.copy() is fs, set(fs) is fs)
x = 1000
y = x
print(x is y, int(x) is x, x + 0 == x)
l1 = [[0]] * 2
l2 = [[0] for _ in range(2)]
print(l1[0] is l1[1], l2[0] is l2[1])
d = {"k": a}
d2 = d.copy()
print(d2["k"] is a, d2 is d, dict(d) == d)


def default_trap(item, acc=[]):
    acc.append(item)
    return acc


r1 = default_trap(1)
r2 = default_trap(2)
print(r1 is r2, r1)


class Obj:
    pass


o1, o2 = Obj(), Obj()
print(o1 is o2, o1 == o2, o1 != o2, o1 is o1, [o1].count(o1), [o1].index(o1) == 0)
nan = float("nan")
print(nan == nan, nan is nan, [nan] == [nan], nan in [nan], [float("nan")] == [float("nan")])
print(type(o1) is Obj, type(type) is type, object.__class__ is type, o1.__class__ is Obj)
print(len.__self__ is __builtins__ if hasattr(len, "__self__") and not isinstance(__builtins__, dict) else True)
print(Obj.__dict__ is Obj.__dict__ or "mappingproxy is recreated", vars(o1) is o1.__dict__)
