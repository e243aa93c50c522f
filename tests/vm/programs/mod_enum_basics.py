# enum.Enum: members, reprs/str/format, lookup by value and name, aliases,
# iteration order, __members__, comparisons, hashing, copying, reduce.
import copy
from enum import Enum, EnumMeta, EnumType, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1          # alias of RED

print(repr(Color.RED), str(Color.RED), format(Color.RED), f"{Color.GREEN}")
print("%s|%r" % (Color.BLUE, Color.BLUE), "{:>12}|".format(Color.RED))
print(Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, Color.CRIMSON)
print(list(Color), len(Color), list(reversed(Color)))
print(list(Color.__members__.items()))
print(type(Color.__members__).__name__)
print(Color.RED.name, Color.RED.value, Color.RED._name_, Color.RED._value_)
print(repr(Color), type(Color), EnumMeta is EnumType, isinstance(Color.RED, Color))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE, Color.RED in Color)
print(hash(Color.RED) == hash(Color.RED), {Color.RED: "r"}[Color.CRIMSON])
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.GREEN) is Color.GREEN)
print(Color.RED.__reduce_ex__(4))
print(bool(Color), bool(Color.RED))
print(Color._member_names_, sorted(Color._value2member_map_))
try:
    Color.RED < Color.BLUE
except TypeError as e:
    print("TypeError:", e)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.PURPLE
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Color.RED
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.RED.name = "x"
except AttributeError as e:
    print("AttributeError:", e)
try:
    1 in Color
except TypeError as e:
    print("TypeError:", e)

# methods, properties and class attributes that are not members
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 3)
    def describe(self):
        return "%s weighs %s" % (self.name, self.mass)
    @classmethod
    def heaviest(cls):
        return max(cls, key=lambda p: p.mass)
    _ignore_ = ["tmp"]
    tmp = 5

print(Planet.EARTH.value, Planet.EARTH.surface_gravity, Planet.MERCURY.describe())
print(Planet.heaviest(), hasattr(Planet, "tmp"))
print(Planet((5.976e+24, 6.37814e6)))

# auto
class Ord(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(Ord), repr(auto()))

class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    X = auto()
    Y = auto()
print([m.value for m in Named])

# subclassing an empty enum with methods
class Base(Enum):
    def shout(self):
        return self.name.upper() + "!"
class Animal(Base):
    cat = 1
    dog = 2
print(Animal.cat.shout(), Animal.dog)
try:
    class More(Animal):
        fish = 3
except TypeError as e:
    print("TypeError:", e)

# unique
try:
    @unique
    class Dup(Enum):
        ONE = 1
        UNO = 1
        TWO = 2
        DOS = 2
except ValueError as e:
    print("ValueError:", e)

@unique
class Fine(Enum):
    A = 1
print(Fine.A)

# errors when defining
for body in ["A = 1\n    A = 2", "_sunder_ = 1", "mro = 1", "A = 1\n    def A(self): pass"]:
    try:
        exec("class Bad(Enum):\n    " + body, {"Enum": Enum})
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)

class Empty(Enum):
    pass
try:
    Empty(1)
except TypeError as e:
    print("TypeError:", e)
print(list(Empty), len(Empty))

# _missing_
class Answer(Enum):
    YES = "yes"
    NO = "no"
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        if value == 0:
            return "bogus"
        if value == 1:
            raise KeyError("from missing")
        return None
print(Answer("YES"), Answer("No"))
for bad in (0, 1, 2):
    try:
        Answer(bad)
    except Exception as e:
        print(type(e).__name__ + ":", e, "| context:", repr(e.__context__))

# dir of a member and class
print([n for n in dir(Color.RED) if not n.startswith("__")])
print(dir(Color))
print([n for n in dir(Planet.EARTH) if not n.startswith("__")])

# _order_
class Ordered(Enum):
    _order_ = "X Y"
    X = 1
    Y = 2
print(list(Ordered))
try:
    class WrongOrder(Enum):
        _order_ = "Y X"
        X = 1
        Y = 2
except TypeError as e:
    print("TypeError:", e)
