# dataclasses: frozen, order, unsafe_hash and the __hash__ rules, slots,
# match_args and pattern matching, asdict/astuple/replace/make_dataclass.
import copy
from collections import namedtuple
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         make_dataclass, FrozenInstanceError, InitVar)
from typing import List

@dataclass(frozen=True)
class FP:
    x: int
    y: int = 2

fp = FP(1)
print(fp, hash(fp) == hash((1, 2)), {fp: 1}[FP(1, 2)])
for action in (lambda: setattr(fp, "x", 5), lambda: delattr(fp, "y"), lambda: setattr(fp, "z", 1)):
    try:
        action()
    except FrozenInstanceError as e:
        print("FrozenInstanceError:", e, isinstance(e, AttributeError))
print(FP.__setattr__.__qualname__, FP.__hash__.__qualname__)

@dataclass(frozen=True)
class FP3(FP):
    z: int = 3
print(FP3(1, 2, 3), FP3(1) == FP(1), FP3.__mro__[1].__name__)

try:
    @dataclass
    class Thawed(FP):
        w: int = 0
except TypeError as e:
    print("TypeError:", e)

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    note: str = field(default="", compare=False)

vs = [Version(1, 2, "b"), Version(1, 0), Version(0, 9, "a"), Version(1, 2, "a")]
print(sorted(vs), Version(1, 2) <= Version(1, 2, "z"), Version(1) > Version(0, 99))
print(Version.__lt__.__qualname__, Version(1).__lt__(3))
try:
    Version(1) < 3
except TypeError as e:
    print("TypeError:", e)

# hash rules
@dataclass
class H1:
    a: int
@dataclass(eq=False)
class H2:
    a: int
@dataclass(unsafe_hash=True)
class H3:
    a: int
    b: list = field(default_factory=list, hash=False)
@dataclass
class H4:
    a: int
    def __hash__(self):
        return 42
@dataclass(frozen=True, eq=False)
class H5:
    a: int
print(H1.__hash__, H2.__hash__ is object.__hash__, hash(H3(7)) == hash((7,)), hash(H4(1)), H5.__hash__ is object.__hash__)

@dataclass(slots=True)
class Slotted:
    a: int
    b: str = "x"
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", type(e).__name__)

@dataclass(slots=True, frozen=True)
class FrozenSlots:
    a: int
fs = FrozenSlots(4)
print(fs, fs.__getstate__(), copy.copy(fs), copy.deepcopy(fs))

try:
    @dataclass(slots=True)
    class Already:
        __slots__ = ("a",)
        a: int
except TypeError as e:
    print("TypeError:", e)

@dataclass(match_args=False)
class NoMatch:
    a: int
print(hasattr(NoMatch, "__match_args__"))

@dataclass
class Shape:
    kind: str
    size: int = 1

def describe(obj):
    match obj:
        case Shape("circle", size):
            return f"circle of {size}"
        case Shape(kind=k, size=0):
            return f"empty {k}"
        case _:
            return "other"
print(describe(Shape("circle", 3)), describe(Shape("box", 0)), describe(5))

# asdict / astuple
P = namedtuple("P", "u v")
@dataclass
class Inner:
    v: int
    w: List[int] = field(default_factory=list)
@dataclass
class Outer:
    name: str
    inner: Inner
    items: list
    mapping: dict
    nt: P
o = Outer("o", Inner(1, [2, 3]), [Inner(4)], {"k": Inner(5)}, P(Inner(6), (7, 8)))
d = asdict(o)
print(d)
print(astuple(o))
print(d["inner"]["w"] is not o.inner.w, asdict(Inner(1), dict_factory=lambda kv: sorted(kv)))
print(astuple(Inner(9, [1]), tuple_factory=list))
for f in (asdict, astuple):
    try:
        f(Inner)
    except TypeError as e:
        print("TypeError:", e)

# replace
@dataclass
class R:
    a: int
    b: int = field(init=False, default=0)
    c: InitVar[int] = 1
    def __post_init__(self, c):
        self.b = self.a * c
r = R(2, 5)
print(r, replace(r, a=3, c=2), replace(r, c=7))
for kw in ({"b": 1}, {}):
    try:
        replace(r, **kw)
    except ValueError as e:
        print("ValueError:", e)
try:
    replace(5, a=1)
except TypeError as e:
    print("TypeError:", e)

@dataclass
class R2:
    c: InitVar[int]
    def __post_init__(self, c):
        pass
try:
    replace(R2(1))
except ValueError as e:
    print("ValueError:", e)

# make_dataclass
C = make_dataclass("C", ["x", ("y", int), ("z", int, field(default=5))],
                   namespace={"total": lambda self: self.y + self.z}, order=True)
c = C(1, 2)
print(c, c.total(), C.__annotations__, [f.type for f in fields(C)], C(0, 0) < C(0, 1))
for bad in (["x", "x"], ["class"], [("a", int, 1, 2)], ["1x"]):
    try:
        make_dataclass("Bad", bad)
    except TypeError as e:
        print("TypeError:", e)
F = make_dataclass("F", [("a", int)], frozen=True, bases=(object,))
print(F(1), F.__dataclass_params__.frozen)
try:
    fields(5)
except TypeError as e:
    print("TypeError:", e)

# descriptor defaults and inheritance of defaults
class Desc:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return 100
        return getattr(obj, self.name, 100)
    def __set__(self, obj, value):
        setattr(obj, self.name, value * 2)
@dataclass
class UsesDesc:
    d: int = Desc()
print(UsesDesc(), UsesDesc(5))

# the generated docstring is the class's signature (inspect.signature)
@dataclass
class Documented:
    x: int
    y: List[int] = field(default_factory=list)
    z: "str" = "zz"
print(Documented.__doc__, FP.__doc__, Version.__doc__)
import inspect
print(inspect.signature(Documented), inspect.signature(Documented.__init__))
