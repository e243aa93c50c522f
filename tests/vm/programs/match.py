# The match statement: literal, capture, sequence, mapping, class and
# guard patterns (MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS, MATCH_CLASS,
# GET_LEN).
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(subject):
    match subject:
        case 0 | 1:
            return "zero or one"
        case int(n) if n < 0:
            return f"negative {n}"
        case str() as s:
            return f"string {s!r}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *rest]:
            return f"list from {first}, {len(rest)} more"
        case {"kind": "circle", "r": r}:
            return f"circle r={r}"
        case {"kind": kind, **others}:
            return f"{kind} with {sorted(others)}"
        case Point(0, 0):
            return "origin"
        case Point(x, y=0):
            return f"on the x axis at {x}"
        case Point(x=px, y=py):
            return f"point {px},{py}"
        case None:
            return "nothing"
        case _:
            return "something else"

for value in [0, 1, -5, 7, "hi", [1, 2], [1, 2, 3], (4,), {"kind": "circle", "r": 2},
              {"kind": "square", "side": 3, "color": "red"}, Point(0, 0), Point(3, 0),
              Point(1, 2), None, 2.5, {}]:
    print(repr(value) if not isinstance(value, Point) else "Point", "->", describe(value))

def command(text):
    match text.split():
        case ["go", ("north" | "south") as direction]:
            return f"going {direction}"
        case ["take", item, *_]:
            return f"taking {item}"
        case []:
            return "empty"
        case _:
            return "unknown"

print([command(t) for t in ["go north", "go west", "take lamp now", "", "dance"]])
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
