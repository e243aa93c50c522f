# Writable class attributes (__name__, __qualname__, __module__, __doc__) and
# their errors; metaclass __call__ and __getattr__; type/object basics.
class C:
    "doc of C"
    pass
C.__name__ = "D"
C.__qualname__ = "Outer.D"
C.__module__ = "mymod"
print(C, C.__name__, C.__qualname__, C.__module__, C.__doc__, repr(C()).split(" at ")[0])
C.__doc__ = "new doc"
print(C.__doc__)
try: C.__name__ = 5
except TypeError as e: print(e)
try: C.__qualname__ = 5
except TypeError as e: print(e)
try: del C.__name__
except TypeError as e: print(e)
try: int.__name__ = "x"
except TypeError as e: print(e)
class S:
    __slots__ = ("a", "b")
s = S(); s.a = 1
print(s.__getstate__() if hasattr(s, "__getstate__") else None)
class Meta(type):
    def __call__(cls, *a, **k):
        print("Meta.__call__", a, k)
        return super().__call__(*a, **k)
class K(metaclass=Meta):
    def __init__(self, x=0): self.x = x
print(K(5).x)
class G:
    def __getattr__(self, n): return n.upper()
print(G().foo, getattr(G(), "bar"))
class MG(type):
    def __getattr__(cls, n): return f"meta:{n}"
class H(metaclass=MG): pass
print(H.zzz)
print(type(type), type(object), type.__mro__, isinstance(type, type), isinstance(object, type))
print(C.__dict__.get("__weakref__"), "__dict__" in C.__dict__)
