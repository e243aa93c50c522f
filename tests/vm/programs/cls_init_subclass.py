# __init_subclass__ with class keywords, __set_name__ and its error wrapping,
# metaclasses passing keywords through type.__new__/__init__.
class B:
    def __init_subclass__(cls, flag=False, **kw):
        super().__init_subclass__(**kw)
        print("init_subclass", cls.__name__, flag, cls.__mro__)
class C(B, flag=True): pass
class D(C): pass
try:
    class E(B, bogus=1): pass
except TypeError as e: print(e)
try:
    class F(foo=1): pass
except TypeError as e: print(e)
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(mcls, name, bases, ns, **kw)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, kw)
        super().__init__(name, bases, ns, **kw)
class G(metaclass=Meta): pass
class H(B, metaclass=Meta, flag=3): pass
class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class K:
    a = Desc()
    b = Desc()
print(K.a.name)
class Bad:
    def __set_name__(self, owner, name): raise ValueError("nope")
try:
    class L:
        x = Bad()
except Exception as e: print(type(e).__name__, e, repr(e.__cause__), e.__notes__ if hasattr(e, '__notes__') else None)
class NotCallable:
    __set_name__ = 3
try:
    class L2:
        x = NotCallable()
except Exception as e: print(type(e).__name__, e)
try:
    type.__init__(G, 1, 2)
except TypeError as e: print(e)
try:
    type('X', (), {}, foo=1)
except TypeError as e: print(e)
print(type('X', (B,), {}, flag=5))
