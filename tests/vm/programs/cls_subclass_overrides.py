# Subclasses of built-in types overriding their protocols (__iter__, __len__,
# __contains__, __setitem__, __getitem__, __bool__, add), cooperative __init__
# through super() in a diamond, and subclasses of float/int/complex/set/exceptions.
class L(list):
    def __iter__(self):
        return iter([9, 9])
    def __len__(self): return 42
    def __contains__(self, x): return x == "magic"
l = L([1, 2])
print(list(l), tuple(l), len(l), "magic" in l, 1 in l, sorted(l), [*l], l[0], sum(l))
class D(dict):
    def __setitem__(self, k, v): super().__setitem__(k, v * 2)
    def __getitem__(self, k): return super().__getitem__(k) + 1
d = D(); d["a"] = 1; d.update(b=5)
print(d, d["a"], d.get("a"), dict(d), {**d})
class T(tuple):
    def __getitem__(self, i): return "T"
t = T((1, 2)); a, b = t
print(a, b, t[0], list(t))
class A:
    def __init__(self): print("A"); super().__init__()
class B(A):
    def __init__(self): print("B"); super().__init__()
class C(A):
    def __init__(self): print("C"); super().__init__()
class Dm(B, C):
    def __init__(self): print("D"); super().__init__()
Dm()
class K:
    @classmethod
    def make(cls): return cls.__name__
    @staticmethod
    def st(): return "st"
class K2(K):
    @classmethod
    def make(cls): return "K2:" + super().make()
print(K2.make(), K2().make(), K2.st())
class F(float):
    def __new__(cls, v): return super().__new__(cls, v * 2)
    def __repr__(self): return f"F({float(self)})"
print(F(1.5), F(1.5) + 1, type(F(2) * 2), round(F(1.26), 1))
class I(int):
    pass
print(I(5) == 5, hash(I(5)) == hash(5), {I(5): "x"}[5], I("12", 8), bool(I(0)), I(3) ** 2, -I(3), abs(I(-3)), type(-I(3)))
class Cx(complex): pass
print(Cx(1, 2), type(Cx(1, 2)).__name__)
class Ss(set):
    def add(self, x): super().add(x * 10)
s = Ss([1]); s.add(2); print(sorted(s), s | {0}, type(s | {0}))
class E(KeyError):
    pass
try: {}["x"]
except KeyError as e: print(type(e).__name__)
try: raise E("k")
except KeyError as e: print(repr(e), str(e))
import sys
class Weird(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
e = Weird(1, 2); print(e.args, e.b, repr(e))
class Bo(int):
    def __bool__(self): return False
print(bool(Bo(5)), not Bo(5))
class Sl:
    __slots__ = ("x",)
    def __init__(self): self.x = 1
    def __repr__(self): return f"Sl({self.x})"
print([Sl() for _ in range(2)])
