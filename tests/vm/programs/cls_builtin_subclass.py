# Subclasses of built-in types: reflected operators of subclasses first, __new__
# overrides on immutable types, exception subclasses, object.__new__/__init__ errors.
class MyInt(int):
    def __radd__(self, other):
        return "MyInt.__radd__"
    def __rsub__(self, other):
        return NotImplemented
print(1 + MyInt(2), MyInt(2) + 1, type(MyInt(2) + 1))
try: print(1 - MyInt(2))
except TypeError as e: print(e)
class MyF(float):
    def __rmul__(self, o): return "rmul"
print(2.0 * MyF(1), 3 * MyF(1))
class MyList(list):
    def __repr__(self): return "MyList(" + super().__repr__() + ")"
m = MyList([1, 2]); m.append(3); print(m, len(m), m[1:], type(m[1:]), isinstance(m, list), type(m) is MyList)
class D2(dict):
    def __missing__(self, k): return k * 2
d = D2(a=1); print(d["a"], d["zz"], d, type(d.copy()))
class Tup(tuple): pass
t = Tup([1, 2]); print(t, t + (3,), type(t + (3,)), t[0], repr(t), hash(t) == hash((1, 2)))
class Bts(bytes):
    def hello(self): return self.upper()
class Bts(bytes):
    def hello(self): return self.upper()
print(Bts(b"ab").hello(), Bts(b"x"), repr(Bts(b"y")), type(Bts(b"z")).__name__, Bts(b"ab")[0], Bts(b"q") == b"q")
class FS(frozenset): pass
print(FS([1]) | {2}, type(FS([1]) | {2}), FS())
class St(set): pass
print(St(), St([3]))
class I2(int):
    def __new__(cls, v, extra):
        o = super().__new__(cls, v); o.extra = extra; return o
i = I2(7, "x"); print(i, i.extra, i * 2, repr(i), I2.__mro__)
class B(int):
    def __repr__(self): return "B!"
print(B(3), str(B(3)), f"{B(3)}", [B(3)])
class E(ValueError):
    def __init__(self, msg, code=0):
        super().__init__(msg); self.code = code
    def __str__(self): return f"E[{self.code}]: {self.args[0]}"
try: raise E("bad", 5)
except ValueError as e: print(e, repr(e), e.code, e.args)
class E2(Exception): pass
print(repr(E2(1, 2)), str(E2("a")), E2().args)
class O:
    def __init__(self, a): pass
try: O()
except TypeError as e: print(e)
try: object.__new__(O, 1)
except TypeError as e: print(e)
class N:
    def __new__(cls, *a): return super().__new__(cls)
print(type(N(1, 2)).__name__)
class N2:
    def __new__(cls, *a): return super().__new__(cls, *a)
try: N2(1)
except TypeError as e: print(e)
class N3:
    def __init__(self, *a): super().__init__(*a)
try: N3(1)
except TypeError as e: print(e)
try: object().__init__(1)
except TypeError as e: print(e)
try: int.__new__(list)
except TypeError as e: print(e)
try: object.__new__(int)
except TypeError as e: print(e)
print(type(int.__new__(MyInt, 5)), int.__new__(MyInt, 5))
class Point(tuple):
    def __new__(cls, x, y): return super().__new__(cls, (x, y))
    x = property(lambda self: self[0])
p = Point(1, 2); print(p, p.x, type(p).__name__, p == (1, 2))
