# Descriptor protocol called as methods: property.__set__/__delete__/__get__,
# super.__get__ binding an unbound super, type.__subclasses__().
class P:
    def __init__(self): self._x = 0
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v
    @x.deleter
    def x(self): print("deleted")
p = P()
P.x.__set__(p, 5); print(p.x, P.x.__get__(p), P.x.__get__(None, P) is P.x)
P.x.__delete__(p)
class Base:
    def who(self): return "Base"
class Der(Base):
    def who(self): return "Der"
s = super(Der)
bound = s.__get__(Der())
print(bound.who(), type(bound).__name__)
print(super(Der, Der()).who())
class A1: pass
class B1(A1): pass
class C1(A1): pass
print([c.__name__ for c in A1.__subclasses__()])
