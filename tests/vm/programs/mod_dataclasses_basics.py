# dataclasses: generated __init__/__repr__/__eq__, defaults, default_factory,
# field options, fields(), __post_init__, InitVar, ClassVar, inheritance,
# the generated methods' names and qualnames.
from dataclasses import (dataclass, field, fields, InitVar, MISSING, is_dataclass,
                         FrozenInstanceError, KW_ONLY)
from typing import ClassVar, List

def clean(s):
    # drop the addresses from "<... object at 0x...>"
    out = []
    for i, part in enumerate(s.split(" at 0x")):
        if i:
            part = part[part.index(">"):]
        out.append(part)
    return "".join(out)

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4), p == Point(1, 2), p != Point(2, 1), p == (1, 2))
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__qualname__)
print(Point.__init__.__annotations__, Point.__init__.__defaults__, Point.__match_args__)
print(Point.__hash__, is_dataclass(Point), is_dataclass(p), is_dataclass(int))
print([(f.name, f.type, f.default is MISSING) for f in fields(Point)])
print(clean(repr(fields(p)[1])))
print(Point.__dataclass_params__)
print(Point.x if hasattr(Point, "x") else "no class attr x", Point.y)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)

@dataclass
class Inventory:
    name: str
    tags: List[str] = field(default_factory=list)
    count: int = field(default=0, repr=False, compare=False)
    secret: str = field(default="s", init=False)
    meta: dict = field(default_factory=dict, metadata={"unit": "kg"})
    total: ClassVar[int] = 0

a = Inventory("a")
b = Inventory("a", count=5)
a.tags.append("x")
print(a, b, a == b, Inventory("a") == b, Inventory.total)
print(fields(Inventory)[4].metadata, fields(Inventory)[4].metadata["unit"])
print([f.name for f in fields(Inventory)], "total" in Inventory.__dataclass_fields__)
print(Inventory.__dataclass_fields__["total"]._field_type)

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 10
    def __post_init__(self, scale):
        self.b = self.a * scale

w = WithPost(2)
print(w, WithPost(2, 3), [f.name for f in fields(WithPost)], repr(InitVar[int]), InitVar[List[int]])

@dataclass
class Base:
    x: int = 1
    y: int = 2

@dataclass
class Derived(Base):
    z: int = 3
    x: int = 10

print(Derived(), Derived(5, 6, 7), [f.name for f in fields(Derived)])

@dataclass(repr=False, eq=False)
class Plain:
    v: int
print(Plain(1) == Plain(1), repr(Plain(1)).startswith("<__main__.Plain object at"))

@dataclass(init=False)
class NoInit:
    v: int = 7
print(NoInit(), NoInit().v)

@dataclass
class KwOnly:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int

print(KwOnly(1, c=3), KwOnly.__match_args__)
try:
    KwOnly(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)

@dataclass(kw_only=True)
class AllKw:
    a: int
    b: int = field(default=1, kw_only=False)
print(AllKw(5, a=1))

@dataclass
class Recursive:
    items: list = field(default_factory=list)
r = Recursive()
r.items.append(r)
print(r)

@dataclass
class Custom:
    a: int
    def __repr__(self):
        return "custom!"
    def __eq__(self, other):
        return True
print(Custom(1), Custom(1) == 5, Custom.__hash__)

class Outer:
    @dataclass
    class Inner:
        q: int
print(Outer.Inner(1), Outer.Inner.__repr__.__qualname__)

@dataclass
class SelfField:
    self: int
    other: int = 0
print(SelfField(1, 2))

# errors at class creation
def attempt(src):
    ns = {"dataclass": dataclass, "field": field, "ClassVar": ClassVar, "InitVar": InitVar,
          "KW_ONLY": KW_ONLY}
    try:
        exec(src, ns)
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

attempt("@dataclass\nclass A:\n    x: int = 1\n    y: int\n")
attempt("@dataclass\nclass A:\n    x: list = []\n")
attempt("@dataclass\nclass A:\n    x: dict = {}\n")
attempt("@dataclass\nclass A:\n    x = field()\n")
attempt("@dataclass\nclass A:\n    x: int = field(default=1, default_factory=int)\n")
attempt("@dataclass\nclass A:\n    x: ClassVar[int] = field(default_factory=int)\n")
attempt("@dataclass\nclass A:\n    x: ClassVar[int] = field(default=1, kw_only=True)\n")
attempt("@dataclass\nclass A:\n    a: KW_ONLY\n    b: KW_ONLY\n")
attempt("@dataclass(order=True, eq=False)\nclass A:\n    x: int\n")
attempt("@dataclass(order=True)\nclass A:\n    x: int\n    def __lt__(self, o): pass\n")
attempt("@dataclass(unsafe_hash=True)\nclass A:\n    x: int\n    def __hash__(self): return 1\n")
attempt("@dataclass\nclass A:\n    x: 'ClassVar[int]' = 5\nprint(A())")
attempt("@dataclass\nclass A:\n    x: 'InitVar[int]' = 5\n    def __post_init__(self, x): print('post', x)\nA()")

print(MISSING.__class__.__name__, repr(field(default_factory=list).default_factory))
f = field(default=3)
print(clean(repr(f)))
