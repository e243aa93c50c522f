# typing.NamedTuple, TypedDict (Required/NotRequired), get_type_hints with
# forward references, Annotated and include_extras, ClassVar/Final in classes.
from typing import (NamedTuple, TypedDict, Required, NotRequired, get_type_hints,
                    List, Optional, Annotated, ClassVar, Final, Generic, TypeVar,
                    is_typeddict, ForwardRef, Dict, Union)
import typing

class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"
    def norm1(self):
        return abs(self.x) + abs(self.y)

p = Point(3, -4)
print(p, p.norm1(), p._fields, p._field_defaults, Point.__annotations__)
print(p._replace(x=1), p._asdict(), Point._make([1, 2, "q"]), isinstance(p, tuple))
print(Point.__mro__, Point.__new__.__defaults__, Point.__module__)

Emp = NamedTuple("Emp", [("name", str), ("id", int)])
print(Emp("a", 1), Emp.__annotations__, Emp.__module__)
Kw = NamedTuple("Kw", x=int, y=str)
print(Kw(1, "b"))

def err(src):
    try:
        exec(src, {"NamedTuple": NamedTuple, "TypedDict": TypedDict, "Generic": Generic})
        print("no error")
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)

err("class A(NamedTuple):\n    x: int = 1\n    y: int\n")
err("class A(NamedTuple):\n    x: int = 1\n    z: int = 2\n    y: int\n")
err("class A(NamedTuple):\n    x: int\n    def _asdict(self): pass\n")
err("class A(NamedTuple, int):\n    x: int\n")
err("NamedTuple('A', [('x', int)], y=str)")
err("class A(TypedDict, int):\n    x: int\n")

T = TypeVar("T")
class GPoint(NamedTuple, Generic[T]):
    x: T
print(GPoint(1), GPoint[int], GPoint.__parameters__)

class Movie(TypedDict):
    title: str
    year: int

class MovieX(Movie, total=False):
    rating: float
    director: Required[str]

class Opt(TypedDict):
    a: int
    b: NotRequired[str]

m = Movie(title="x", year=1)
print(m, type(m), Movie.__annotations__, sorted(Movie.__required_keys__), Movie.__total__)
print(sorted(MovieX.__required_keys__), sorted(MovieX.__optional_keys__), MovieX.__total__)
print(sorted(Opt.__required_keys__), sorted(Opt.__optional_keys__), is_typeddict(Movie), is_typeddict(dict))
print(Movie.__mro__, Movie.__module__, Movie.__name__)
try:
    isinstance({}, Movie)
except TypeError as e:
    print("TypeError:", e)
Func = TypedDict("Func", {"a": int, "b-c": str}, total=False)
print(Func(a=1), Func.__annotations__, sorted(Func.__optional_keys__), Func.__module__)

class Tree:
    left: "Optional[Tree]"
    right: Optional["Tree"]
    value: int
    tags: List["str"]
    meta: Annotated[int, "unit"]
    count: ClassVar[int] = 0
    limit: Final = 10

hints = get_type_hints(Tree)
for k, v in hints.items():
    print(k, v)
print(get_type_hints(Tree, include_extras=True)["meta"])

def func(a: int, b: "List[int]", c: "Tree" = None) -> "Dict[str, int]":
    pass
print(get_type_hints(func))
print(get_type_hints(func.__call__) if False else "skip")

class Base:
    x: int
class Derived(Base):
    y: "str"
print(get_type_hints(Derived))
print(get_type_hints(MovieX))
try:
    get_type_hints(42)
except TypeError as e:
    print("TypeError:", e)

def bad(a: "undefined_name"):
    pass
try:
    get_type_hints(bad)
except NameError as e:
    print("NameError:", e)

fr = ForwardRef("int")
print(fr, fr == ForwardRef("int"), fr._evaluate(globals(), None, frozenset()), ForwardRef("x", module="m"))
try:
    ForwardRef(1)
except TypeError as e:
    print("TypeError:", e)
try:
    ForwardRef("1 +")
except SyntaxError as e:
    print("SyntaxError:", e)
print(get_type_hints(typing.SupportsAbs))
