# Class objects: __qualname__ of nested classes, type(name, bases, dict) and its
# errors, the read-only __dict__ mappingproxy, class decorators, __bases__.
class Outer:
    class Inner:
        class Deep: pass
    def f(self):
        class Local: pass
        return Local
print(Outer.Inner.__qualname__, Outer.Inner.Deep.__qualname__, Outer().f().__qualname__, repr(Outer.Inner.Deep))
X = type("X", (object,), {"a": 1, "f": lambda self: self.a * 2})
print(X, X().f(), X.__name__, X.__qualname__, X.__module__, X.__bases__)
Y = type("Y", (X,), {})
print(Y().f(), Y.__mro__)
try: type("Z", (1,), {})
except TypeError as e: print(e)
try: type("Z", (), [])
except TypeError as e: print(e)
try: type(1, 2)
except TypeError as e: print(e)
mp = C.__dict__
print(type(mp).__name__, mp["b"], "a" in mp, sorted(k for k in mp if not k.startswith("__")))
try: mp["q"] = 1
except TypeError as e: print(e)
def deco(cls):
    cls.decorated = True
    return cls
def deco2(tag):
    def wrap(cls):
        cls.tag = tag
        return cls
    return wrap
@deco
@deco2("t")
class Dec: pass
print(Dec.decorated, Dec.tag)
print(int.__dict__["__add__"], type(int.__dict__).__name__)
print(type.__dict__["__dict__"], object.__dict__["__class__"])
print(Der.__base__, Der.__bases__, object.__bases__, object.__base__)
