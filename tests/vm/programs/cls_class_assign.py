# Assigning __class__ and __bases__: allowed between compatible Python
# classes, refused for built-in types and different layouts.
class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


class Slotted:
    __slots__ = ("x",)


a = A()
print(a.who(), type(a).__name__)
a.__class__ = B
print(a.who(), type(a).__name__, isinstance(a, B), isinstance(a, A))
for value in (int, 5, Slotted):
    try:
        a.__class__ = value
    except TypeError as e:
        print("TypeError:", e)
try:
    del a.__class__
except TypeError as e:
    print("TypeError:", e)
try:
    (1).__class__ = B
except TypeError as e:
    print("TypeError:", e)


class Base1:
    x = 1


class Base2:
    x = 2


class Derived(Base1):
    pass


d = Derived()
print(d.x, Derived.__bases__)
Derived.__bases__ = (Base2,)
print(d.x, Derived.__bases__, [c.__name__ for c in Derived.__mro__])
print([c.__name__ for c in Base1.__subclasses__()], [c.__name__ for c in Base2.__subclasses__()])
for bad in ((), [Base1], (1,), (Derived,)):
    try:
        Derived.__bases__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print("TypeError:", e)
try:
    del Derived.__bases__
except TypeError as e:
    print("TypeError:", e)


class Grand(Derived):
    pass


Derived.__bases__ = (Base1,)
print(Grand().x, [c.__name__ for c in Grand.__mro__])
