# The module type: creating modules with types.ModuleType (and subclasses),
# the attributes module.__init__ sets, repr from __spec__ / __file__, and
# the AttributeError of a missing attribute.
import sys
import math
import types

print(repr(sys), repr(__builtins__) if isinstance(__builtins__, types.ModuleType) else "dict")
m = types.ModuleType("zz")
print(m, sorted(m.__dict__.items()))
m2 = types.ModuleType("yy", "the doc")
print(m2.__doc__, m2.__name__, m2.__package__, m2.__loader__, m2.__spec__)
m.__file__ = "f.py"
print(m)
class Spec:
    name = "spec_name"
    loader = None
    origin = "somewhere"
    has_location = False
m.__spec__ = Spec()
print(m)
Spec.has_location = True
print(m)
Spec.origin = None
print(m)
Spec.loader = "a loader"
print(m)
Spec.name = None
print(m)
del Spec.name
try:
    print(m)
except AttributeError as e:
    print("AttributeError:", e)
m.__spec__ = None
del m.__dict__["__name__"]
print(m)
try:
    m.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    m2.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    types.ModuleType(3)
except TypeError as e:
    print("TypeError:", e)
try:
    types.ModuleType()
except TypeError as e:
    print("TypeError:", e)

class MyModule(types.ModuleType):
    def __init__(self, name):
        super().__init__(name)
        self.extra = 1
    def __repr__(self):
        return "<MyModule %s>" % self.__name__

mm = MyModule("mine")
print(mm, mm.extra, isinstance(mm, types.ModuleType), mm.__dict__["__name__"])
sys.modules["mine"] = mm
import mine
print(mine is mm)
print(sys.__spec__.origin, sys.__spec__.name)
