# abc: ABCMeta, abstract methods, virtual subclasses, __subclasshook__,
# the cache token and update_abstractmethods.
import abc
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self): ...

    @abstractmethod
    def name(self): ...

    def describe(self):
        return f"{self.name()} of area {self.area()}"


try:
    Shape()
except TypeError as e:
    print("TypeError:", e)


class Half(Shape):
    def area(self):
        return 1


try:
    Half()
except TypeError as e:
    print("TypeError:", e)
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__))


class Square(Half):
    def name(self):
        return "square"


print(Square().describe(), Square.__abstractmethods__)
print(isinstance(Square(), Shape), issubclass(Square, Shape), issubclass(int, Shape))


# Virtual subclasses.
class Drawable(metaclass=ABCMeta):
    pass


token = abc.get_cache_token()
print(Drawable.register(int) is int, isinstance(3, Drawable), issubclass(bool, Drawable))
print(abc.get_cache_token() > token, Drawable not in int.__mro__)
print(issubclass(str, Drawable), isinstance("x", Drawable))
Drawable.register(str)
print(issubclass(str, Drawable), isinstance("x", Drawable))
print(Drawable.register(Drawable) is Drawable)
try:
    Drawable.register(3)
except TypeError as e:
    print("TypeError:", e)


class Sub(Drawable):
    pass


try:
    Sub.register(Drawable)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    issubclass(3, Drawable)
except TypeError as e:
    print("TypeError:", e)


# __subclasshook__: structural checks.
class HasLen(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is HasLen:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented


print(issubclass(list, HasLen), issubclass(int, HasLen), isinstance({}, HasLen))


class Strict(HasLen):
    pass


print(issubclass(list, Strict))


class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1


try:
    issubclass(int, BadHook)
except AssertionError as e:
    print("AssertionError:", e)


# update_abstractmethods after the class exists.
class Later(ABC):
    @abstractmethod
    def run(self): ...


Later.run = lambda self: "ran"
try:
    Later()
except TypeError as e:
    print("before:", e)
abc.update_abstractmethods(Later)
print("after:", Later().run(), Later.__abstractmethods__)
print(abc.update_abstractmethods(int) is int)


# The instance check uses the class of the instance (even a lying __class__).
class Liar:
    @property
    def __class__(self):
        return int


print(isinstance(Liar(), Drawable))
print(type(ABC) is ABCMeta, ABC.__slots__)
