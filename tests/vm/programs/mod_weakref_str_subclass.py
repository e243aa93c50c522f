# Subclasses of str can be weakly referenced (minipy keeps their code points
# inline, so __weakref__ and __dict__ follow them): plain subclasses,
# __slots__ naming only __weakref__ or __dict__, multiple str bases, cycles.
import weakref, gc
class S(str):
    pass
class W(str):
    __slots__ = ("__weakref__",)
class D(W):
    pass
class V(str):
    __slots__ = ("__dict__",)
class VW(V):
    pass
for cls in (S, W, D, V, VW):
    s = cls("hello world, a longer string " * 3)
    try:
        r = weakref.ref(s, lambda wr, n=cls.__name__: print("died", n))
    except TypeError as e:
        print(cls.__name__, e); continue
    if hasattr(s, "__dict__"):
        s.attr = cls.__name__
        print(s.attr, s.__dict__)
    print(cls.__name__, r() is s, s.__weakref__ is r, len(s), s[:5], s.upper()[:5])
    del s
class A(str): pass
class B(str): pass
class C(A, B): pass
c = C("xy")
r = weakref.ref(c)
c.z = 1
print(r() is c, c.z, c + "!")
del c
print(r())
s = S("cyc"); s.me = s
r = weakref.ref(s, lambda wr: print("cyclic str subclass collected"))
del s
gc.collect()
print(weakref.getweakrefcount(S("a")), "__weakref__" in S.__dict__, "__weakref__" in W.__dict__, "__weakref__" in D.__dict__)
import copy
print(copy.copy(S("cp")), type(copy.copy(S("cp"))).__name__)
