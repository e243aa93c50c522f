# Annotations: __annotations__ of functions, classes and the module;
# evaluation order; annotated assignments without values; names only
# annotated are not bound.
x: int = 5
y: "a forward ref"
print(__annotations__)
try:
    y
except NameError as e:
    print("NameError:", e)

def f(a: int, b: "str" = "d", *args: float, c: list[int], **kw: dict) -> bool:
    return True

print(f.__annotations__)

def g(a, b):
    pass

print(g.__annotations__)
order = []

def mark(label):
    order.append(label)
    return label

def h(p: mark("p"), q: mark("q") = mark("default")) -> mark("return"):
    pass

print(order, h.__annotations__)

class Point:
    x: float
    y: float = 0.0
    label: str = "origin"
    def method(self) -> None:
        z: int = 1
        return z

print(Point.__annotations__, Point.y, hasattr(Point, "x"))
print(Point().method(), Point.method.__annotations__)

class Empty:
    pass

print(getattr(Empty, "__annotations__", "missing") == {} or "absent")
lst = [0]
lst[0]: int = 9
obj = Point()
obj.extra: str = "attr annotated"
print(lst, obj.extra, "extra" in __annotations__)
f.__annotations__ = {"replaced": True}
print(f.__annotations__)

def nested_scope():
    local: int = 3
    unbound: str
    return local, "unbound" in locals()

print(nested_scope())
