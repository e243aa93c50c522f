# __class_getitem__ on user classes (an implicit classmethod), __mro_entries__
# replacing non-class bases, and __orig_bases__.
class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item!r}]"

class SubBox(Box):
    pass

print(Box[int], SubBox[str], Box["x"], Box[1, 2])
print(type(Box.__dict__["__class_getitem__"]).__name__)

class Explicit:
    @classmethod
    def __class_getitem__(cls, item):
        return (cls.__name__, item)

print(Explicit[3])

class NoItems:
    pass

try:
    NoItems[int]
except TypeError as e:
    print("TypeError:", e)

class NoneGetitem:
    __class_getitem__ = None

try:
    NoneGetitem[int]
except TypeError as e:
    print("TypeError:", e)

# An instance __getitem__ does not make the class subscriptable.
class InstOnly:
    def __getitem__(self, i):
        return i * 2

print(InstOnly()[4])
try:
    InstOnly[4]
except TypeError as e:
    print("TypeError:", e)


class Base:
    def hello(self):
        return "hello from Base"


class Alias:
    def __init__(self, target):
        self.target = target

    def __mro_entries__(self, bases):
        print("mro_entries got", len(bases), "bases")
        return (self.target,)


class Child(Alias(Base)):
    pass

print(Child.__mro__, Child().hello())
print([type(b).__name__ for b in Child.__orig_bases__])
print("__orig_bases__" in Base.__dict__)


class Two:
    def __mro_entries__(self, bases):
        return ()


class Mixin:
    pass


class C2(Two(), Mixin):
    pass

print(C2.__mro__, len(C2.__orig_bases__))


class Bad:
    def __mro_entries__(self, bases):
        return [Base]


try:
    class C3(Bad()):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class C4(42):
        pass
except TypeError as e:
    print("TypeError:", e)
