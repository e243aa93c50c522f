# getattr/setattr/hasattr/delattr on instances, classes and modules, with errors.
import sys


class Point:
    kind = "2d"

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(getattr(p, "x"), getattr(p, "kind"), getattr(Point, "kind"))
print(getattr(p, "z", None), getattr(p, "z", 0), hasattr(p, "y"), hasattr(p, "z"))
setattr(p, "z", 3)
print(p.z, vars(p))
setattr(Point, "kind", "3d")
print(p.kind)
delattr(p, "z")
print(hasattr(p, "z"), vars(p))
print(getattr(sys, "maxsize"), hasattr(sys, "argv"), getattr(sys, "nope", "missing"))
print(getattr(5, "real"), getattr("abc", "upper")())
setattr(p, "with space", 1)
print(getattr(p, "with space"))

attempts = [
    lambda: getattr(p, "missing"),
    lambda: getattr(p, 5),
    lambda: setattr(p, 5, 1),
    lambda: delattr(p, "missing"),
    lambda: setattr(5, "x", 1),
    lambda: setattr("s", "upper", 1),
    lambda: delattr(int, "real"),
    lambda: getattr(Point, "missing"),
    lambda: hasattr(p),
    lambda: getattr(p),
    lambda: setattr(object(), "a", 1),
    lambda: getattr(sys, "nope"),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)


class Raising:
    @property
    def boom(self):
        raise ValueError("property failed")

    @property
    def gone(self):
        raise AttributeError("really gone")


r = Raising()
print(hasattr(r, "gone"), getattr(r, "gone", "fallback"))
try:
    hasattr(r, "boom")
except ValueError as e:
    print(type(e).__name__, e)
getattr(p, "nothing_here")
