# enum: IntEnum, StrEnum, ReprEnum, mixed-in data types, the functional API,
# nonmember/member, enum.property, global_enum, verify, _simple_enum.
import sys
import enum
from enum import (Enum, IntEnum, StrEnum, ReprEnum, auto, member, nonmember,
                  verify, UNIQUE, CONTINUOUS, NAMED_FLAGS, EnumCheck, Flag)

class Num(IntEnum):
    ONE = 1
    TWO = 2
print(repr(Num.ONE), str(Num.ONE), format(Num.ONE), f"{Num.TWO:03d}", Num.ONE + 1)
print(Num.ONE == 1, Num.TWO > Num.ONE, int(Num.TWO), Num(2), sorted([Num.TWO, Num.ONE]))
print(isinstance(Num.ONE, int), Num.ONE.real, Num.TWO * "ab", [10, 20, 30][Num.ONE])
print("%d %s %r" % (Num.TWO, Num.TWO, Num.TWO))

class Tone(StrEnum):
    LOW = auto()
    HIGH = "HIGH!"
print(repr(Tone.LOW), str(Tone.LOW), format(Tone.HIGH), Tone.LOW + "er", Tone.LOW.upper())
print(Tone("low"), Tone.LOW == "low", list(Tone))
try:
    class BadStr(StrEnum):
        X = 1
except TypeError as e:
    print("TypeError:", e)

class MixedInt(int, Enum):
    A = 1
    B = 2
print(repr(MixedInt.A), str(MixedInt.A), format(MixedInt.A), MixedInt.A + MixedInt.B)

class FloatE(float, Enum):
    PI = 3.14
print(repr(FloatE.PI), str(FloatE.PI), FloatE.PI * 2)

class TupleE(tuple, Enum):
    P = (1, 2)
print(repr(TupleE.P), TupleE.P[0], TupleE((1, 2)))

try:
    class MyRepr(ReprEnum):
        A = 1
except TypeError as e:
    print("TypeError:", e)

class IntRepr(int, ReprEnum):
    A = 5
print(repr(IntRepr.A), str(IntRepr.A), format(IntRepr.A))

class WithNew(bytes, Enum):
    def __new__(cls, value, label):
        obj = bytes.__new__(cls, [value])
        obj._value_ = value
        obj.label = label
        return obj
    X = (1, "ex")
    Y = (2, "why")
print(str(WithNew.X), WithNew.X.value, WithNew.Y.label, WithNew(2))

# functional API
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.__module__, Animal.__qualname__)
Pets = Enum("Pets", [("DOG", 5), ("EEL", 7)])
print(list(Pets))
Sizes = IntEnum("Sizes", "S,M,L", start=0)
print(list(Sizes), Sizes.M + 1)
Keyed = Enum("Keyed", {"A": "a", "B": "b"}, qualname="Outer.Keyed", module="mymod")
print(list(Keyed), Keyed.__qualname__, Keyed.__module__)
Typed = Enum("Typed", "X Y", type=int)
print(Typed.Y + 1, repr(Typed.X))

# member / nonmember / nested class (3.11: still a member, with a warning)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    class Holder(Enum):
        A = 1
        B = nonmember(2)
        @member
        def C(self):
            return "called"
        class Inner:
            pass
    print([str(x.message)[:40] for x in w])
print(list(Holder.__members__), Holder.B, Holder.C.value(None))

# enum.property: members named like attributes
class Weird(Enum):
    name = 1
    value = 2
print(Weird.name, Weird.value, Weird.name.name, Weird.value.value, Weird.name.value)

class Shape(Enum):
    SQUARE = 4
    @enum.property
    def sides(self):
        return self._value_
print(Shape.SQUARE.sides)

# verify
try:
    @verify(UNIQUE)
    class V1(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
try:
    @verify(CONTINUOUS)
    class V2(IntEnum):
        A = 1
        C = 3
        E = 5
except ValueError as e:
    print("ValueError:", e)
try:
    @verify(CONTINUOUS)
    class V3(Flag):
        A = 1
        D = 8
except ValueError as e:
    print("ValueError:", e)
try:
    @verify(NAMED_FLAGS)
    class V4(Flag):
        A = 1
        B = 2
        ABX = 11
except ValueError as e:
    print("ValueError:", e)
@verify(UNIQUE, CONTINUOUS)
class V5(IntEnum):
    A = 1
    B = 2
print(list(V5), repr(EnumCheck.UNIQUE), str(UNIQUE), list(EnumCheck))
try:
    verify(UNIQUE)(int)
except TypeError as e:
    print("TypeError:", e)

# global_enum
@enum.global_enum
class Glob(Enum):
    GA = 1
    GB = 2
print(repr(Glob.GA), str(Glob.GB), GA is Glob.GA)

@enum._simple_enum(IntEnum)
class Simple:
    S1 = 1
    S2 = 2
print(list(Simple), Simple.S2 + 0, Simple.__doc__)

# pickling protocol pieces
print(Num.ONE.__reduce_ex__(2), enum.pickle_by_enum_name(Num.TWO, 2))
print(enum.pickle_by_global_name(Num.TWO, 2))

# _generate_next_value_ defined after members
try:
    class Late(Enum):
        A = auto()
        def _generate_next_value_(name, start, count, last):
            return name
except TypeError as e:
    print("TypeError:", e)

# too many data types / wrong base order
try:
    class Both(int, str, Enum):
        pass
except TypeError as e:
    print("TypeError:", str(e).split(":")[0])   # the set's order varies
try:
    class Wrong(Enum, int):
        pass
except TypeError as e:
    print("TypeError:", e)

# __init_subclass__ sees the members
class Tracked(Enum):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        print("init_subclass", cls.__name__, list(cls.__members__))
class T1(Tracked):
    A = 1
    B = 2
