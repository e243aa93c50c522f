# The metaclass hooks abc.ABCMeta is built on: __abstractmethods__ (set by a
# metaclass, checked when instantiating), with 3.11's messages.
def abstract(func):
    func.abstract = True
    return func


class AbstractMeta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        names = {k for k, v in ns.items() if getattr(v, "abstract", False)}
        for base in bases:
            for k in getattr(base, "__abstractmethods__", ()):
                if getattr(getattr(cls, k, None), "abstract", False):
                    names.add(k)
        cls.__abstractmethods__ = frozenset(names)
        return cls


class Shape(metaclass=AbstractMeta):
    @abstract
    def area(self):
        pass

    @abstract
    def name(self):
        pass


class Half(Shape):
    def area(self):
        return 1


class Square(Half):
    def name(self):
        return "square"


for cls in (Shape, Half, Square):
    try:
        obj = cls()
        print(cls.__name__, "ok", obj.name(), obj.area())
    except TypeError as e:
        print("TypeError:", e)
print(sorted(Shape.__abstractmethods__), Half.__abstractmethods__, Square.__abstractmethods__)
Square.__abstractmethods__ = {"name"}
try:
    Square()
except TypeError as e:
    print("TypeError:", e)
del Square.__abstractmethods__
print(type(Square()).__name__)
try:
    del Square.__abstractmethods__
except AttributeError as e:
    print("AttributeError:", e)
for target in (type, int, object):
    try:
        print(target.__abstractmethods__)
    except AttributeError as e:
        print("AttributeError:", e)


class Plain:
    pass


Plain.__abstractmethods__ = ["x"]
try:
    Plain()
except TypeError as e:
    print("TypeError:", e)
Plain.__abstractmethods__ = ()
print(type(Plain()).__name__)
