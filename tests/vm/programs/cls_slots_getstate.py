# object.__getstate__ with __slots__: (dict or None, {slot: value}) and the
# __slotnames__ cache copyreg would make (declaration order, mangled names).
class P:
    __slots__ = ("__secret", "b", "a")
class Q(P):
    __slots__ = ("c", "__dict__")
q = Q(); q.a = 1; q.c = 3; q._P__secret = 0; q.extra = "e"
print(q.__getstate__(), Q.__slotnames__, "__slotnames__" in P.__dict__)
p = P(); print(p.__getstate__(), P.__slotnames__)
class R: pass
r = R(); print(r.__getstate__()); r.x = 1; print(r.__getstate__(), R.__slotnames__ if hasattr(R, "__slotnames__") else "no")
