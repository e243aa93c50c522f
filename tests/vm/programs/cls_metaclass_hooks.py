# Metaclass hooks: __instancecheck__/__subclasscheck__, __prepare__ returning a
# custom mapping, keywords reaching __prepare__.
class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return sub is bool or type.__subclasscheck__(cls, sub)
class Intish(metaclass=Meta): pass
print(isinstance(3, Intish), isinstance("x", Intish), isinstance(Intish(), Intish))
print(issubclass(bool, Intish), issubclass(str, Intish), issubclass(Intish, Intish))
print(isinstance(3, (str, Intish)))
class OrderedNS(dict):
    def __init__(self): super().__init__(); self.order = []
    def __setitem__(self, k, v):
        self.order.append(k); super().__setitem__(k, v)
class M2(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw); return OrderedNS()
    def __new__(mcls, name, bases, ns, **kw):
        print("order", [k for k in ns.order if not k.startswith("__")])
        return super().__new__(mcls, name, bases, dict(ns))
class C(metaclass=M2, x=1):
    b = 1
    a = 2
    def m(self): pass
