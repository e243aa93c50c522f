# vars, dir, globals and locals: contents, ordering and errors.
import sys

TOP = 1


class Thing:
    cls_attr = 1

    def __init__(self):
        self.b = 2
        self.a = 1

    def meth(self):
        pass


t = Thing()
print(vars(t), vars(t) is t.__dict__)
print([n for n in dir(t) if not n.startswith("__")])
print("cls_attr" in vars(Thing), type(vars(Thing)).__name__)
print(dir(t) == sorted(dir(t)), "__init__" in dir(t), "meth" in dir(Thing))
print([n for n in dir(list) if not n.startswith("_")])
print([n for n in dir(5) if not n.startswith("_")])


class Dirred:
    def __dir__(self):
        return ["z", "a", "m"]


print(dir(Dirred()))


def fn(x, y=2):
    z = x + y
    print(sorted(locals().items()))
    print(sorted(dir()))
    return z


fn(1)
print("TOP" in globals(), globals()["TOP"], globals() is sys.modules["__main__"].__dict__)
print(globals()["__name__"], "__builtins__" in globals())
g = globals()
g["injected"] = "via globals"
print(injected)
print(vars() is globals(), locals() is globals())
for bad in (5, "s", [1]):
    try:
        vars(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    vars(1, 2)
except TypeError as e:
    print(type(e).__name__, e)


class Slotted:
    __slots__ = ("a",)


try:
    vars(Slotted())
except TypeError as e:
    print(type(e).__name__, e)


class BadDir:
    def __dir__(self):
        return 5


dir(BadDir())
