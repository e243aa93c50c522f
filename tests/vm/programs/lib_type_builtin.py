# type(): one-argument form, three-argument class creation, and its errors.
print(type(1), type("s"), type(None), type(type), type(len), type([].append).__name__, type(lambda: 0).__name__)
Point = type("Point", (), {"x": 0, "show": lambda self: f"P({self.x})"})
p = Point()
p.x = 5
print(Point.__name__, Point.__qualname__, Point.__bases__, p.show(), type(p) is Point, isinstance(p, Point))
Sub = type("Sub", (Point,), {"__doc__": "a subclass"})
print(Sub.__mro__, Sub.__doc__, Sub().show(), Sub.__module__)
Empty = type("Empty", (object,), {})
print(Empty, Empty().__class__.__name__, Empty.__dict__.get("__module__"))
attempts = [
    lambda: type(),
    lambda: type(1, 2),
    lambda: type("N", 5, {}),
    lambda: type("N", (), 5),
    lambda: type(5, (), {}),
    lambda: type("N", (5,), {}),
    lambda: type("N", (bool,), {}),
    lambda: type("N", (int, str), {}),
    lambda: type("N", (Point, Point), {}),
    lambda: type("N", (), {}, extra=1),
]
for attempt in attempts:
    try:
        print(attempt())
    except TypeError as e:
        print(type(e).__name__, e)
print(type.__name__, type.__mro__, type(Point).__name__, type.mro(Sub)[:2])
Meta = type("Meta", (type,), {"tag": "meta"})
WithMeta = Meta("WithMeta", (), {})
print(type(WithMeta).__name__, WithMeta.tag, isinstance(WithMeta, type))
print(int.__name__, int.__qualname__, list.__module__, str.__doc__.splitlines()[0])
type("bad", (), {"__slots__": 5})
