# isinstance / issubclass: tuples (nested), unions, bool/int, and errors.
print(isinstance(1, (str, int)), isinstance(1, (str, (bytes, int))))
print(isinstance(True, int), isinstance(1, bool), issubclass(bool, (str, int)))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, type))
print(isinstance(3, int | str), isinstance("s", int | None), isinstance(None, int | None))
print(issubclass(int, object), issubclass(object, int), issubclass(int, ()))
print(isinstance(1, ()), issubclass(KeyError, LookupError), issubclass(KeyError, (ValueError, Exception)))


class Base:
    pass


class Child(Base):
    pass


class Other:
    pass


print(isinstance(Child(), Base), issubclass(Child, (Other, Base)), issubclass(Base, Child))
print(issubclass(Child, Child), isinstance(Child, type), isinstance(Child(), (Other, ())))

for args in [(1, 1), (1, [int]), (1, (int, 2))]:
    try:
        print(isinstance(*args))
    except TypeError as e:
        print(type(e).__name__, e)
for args in [(1, int), (int, 1), (int, (int, 1)), (int, [int])]:
    try:
        print(issubclass(*args))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    isinstance(1)
except TypeError as e:
    print(type(e).__name__, e)


class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == "magic"

    def __subclasscheck__(cls, sub):
        return sub is int


class Magic(metaclass=Meta):
    pass


print(isinstance("magic", Magic), isinstance("plain", Magic), issubclass(int, Magic), issubclass(str, Magic))
print(isinstance(1, (Magic, str)), isinstance("magic", (int, Magic)))
print(type(int | str).__name__, (int | str).__args__)
issubclass(5, int)
