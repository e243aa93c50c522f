# match class patterns: positional via __match_args__, keyword attributes,
# builtins matching themselves positionally, errors for bad patterns.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center, self.radius = center, radius

class Plain:
    def __init__(self):
        self.value = "plain"

def describe(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Circle(Point(x, y), radius=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=c, radius=r):
            return f"circle r={r} center ({c.x},{c.y})"
        case Plain(value=v):
            return f"plain with {v}"
        case int(n) | float(n):
            return f"number {n}"
        case str(s):
            return f"string {s}"
        case bool():
            return "unreachable: bool is an int"
        case _:
            return "unknown"

for obj in [Point(0, 0), Point(3, 0), Point(0, 4), Circle(Point(1, 2), 20), Circle(Point(5, 6), 1),
            Plain(), 7, 2.5, True, "s", None]:
    print(describe(obj))

def bad(obj, pattern):
    try:
        match obj:
            case Point(1, 2, 3) if pattern == "too many":
                pass
            case Plain(1) if pattern == "no match args":
                pass
            case int(1, 2) if pattern == "builtin two":
                pass
    except TypeError as e:
        print("TypeError:", e)

bad(Point(1, 2), "too many")
bad(Plain(), "no match args")
bad(1, "builtin two")
NotAClass = 5
try:
    match 1:
        case NotAClass():
            pass
except TypeError as e:
    print("TypeError:", e)

class Dup:
    __match_args__ = ("a",)
    a = 1

try:
    match Dup():
        case Dup(1, a=1):
            pass
except TypeError as e:
    print("TypeError:", e)
