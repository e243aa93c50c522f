# collections.namedtuple: fields, defaults, rename, _make/_asdict/_replace,
# repr, errors, subclassing, pickling support.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], tuple(p), len(p), p == (11, 22), hash(p) == hash((11, 22)))
x, y = p
print(x, y, Point._fields, Point.__doc__, Point.x.__doc__, Point.y.__doc__)
print(p._asdict(), Point._make([1, 2]), p._replace(x=100), p.__getnewargs__())
print(Point.__new__.__doc__, Point.__match_args__, Point.__slots__, Point.__module__)
print(Point._replace.__doc__)
print(Point.__new__.__qualname__, Point._asdict.__qualname__)

P3 = namedtuple("P3", "a, b c", defaults=[0, 1])
print(P3(5), P3(5, 6), P3._field_defaults, P3.__new__.__defaults__)
print(namedtuple("R", "a class _b a def", rename=True)._fields)
One = namedtuple("One", "only"); print(One(1), One.__doc__)
Empty = namedtuple("Empty", ""); print(Empty(), Empty._fields)
print(namedtuple("M", "a", module="somewhere").__module__)

for args, kw in [(("P", "x x"), {}), (("P", "_x"), {}), (("P", "class"), {}), (("1P", "x"), {}),
                 (("P", "x y"), {"defaults": [1, 2, 3]}), (("P", ["x", 3]), {}), (("P", "x-y"), {})]:
    try:
        namedtuple(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2),
            lambda: Point._make([1]), lambda: p._replace(z=1), lambda: setattr(p, "x", 5)]:
    try:
        bad()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()

    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)


v = Vec(3, 4)
print(v, v.norm2, v + Vec(1, 1), isinstance(v, tuple))
match p:
    case Point(a, b):
        print("matched", a, b)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print(type(Point.x).__name__)
