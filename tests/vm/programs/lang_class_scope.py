# Class body scoping: class-level names are not visible from methods or
# nested functions without self/Class, but are visible in the body itself;
# __class__ cell, names leaking into the class namespace, nested classes.
x = "module x"

class Scope:
    x = "class x"
    y = x + " (read in body)"
    def method(self):
        return x
    def via_class(self):
        return Scope.x
    def via_dunder(self):
        return __class__.x
    items = [x for _ in range(1)]
    lam = lambda self: x

s = Scope()
print(s.method(), "|", s.via_class(), "|", s.via_dunder(), "|", Scope.y)
print(Scope.items, s.lam())

def make():
    x = "function x"
    class Inner:
        seen = x
        x = "inner class x"
        def get(self):
            return x
    return Inner

Inner = make()
print(Inner.seen, Inner.x, Inner().get())

class Outer:
    name = "outer"
    class Nested:
        try:
            value = name
        except NameError as e:
            value = f"NameError: {e}"
    def meth(self):
        return type(self).Nested.__qualname__

print(Outer.Nested.value, Outer().meth())

class Counter:
    count = 0
    for i in range(3):
        count += i
    del i

print(Counter.count, hasattr(Counter, "i"))

def shadowing():
    value = "enclosing"
    class C:
        value = "class attr"
        def get(self):
            return value
        result = value
    return C().get(), C.result

print(shadowing())
print(sorted(k for k in vars(Scope) if not k.startswith("__")))
