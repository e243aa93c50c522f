# isinstance/issubclass with __instancecheck__/__subclasscheck__ on metaclasses, duck-typing registries.
class Registry(type):
    registered = []

    def register(cls, other):
        cls.registered.append(other)
        return other

    def __instancecheck__(cls, obj):
        return any(isinstance(obj, r) for r in cls.registered) or type.__instancecheck__(cls, obj)

    def __subclasscheck__(cls, sub):
        return any(issubclass(sub, r) for r in cls.registered) or type.__subclasscheck__(cls, sub)


class Sequence(metaclass=Registry):
    pass


Sequence.register(list)
Sequence.register(tuple)
print(isinstance([], Sequence), isinstance((), Sequence), isinstance("s", Sequence), isinstance({}, Sequence))
print(issubclass(list, Sequence), issubclass(dict, Sequence), issubclass(bool, Sequence))


class MySeq(Sequence):
    pass


print(isinstance(MySeq(), Sequence), issubclass(MySeq, Sequence), isinstance(MySeq(), (int, Sequence)))


class HasLen(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "__len__")


class Sized(metaclass=HasLen):
    pass


print([isinstance(x, Sized) for x in ([], "s", 5, None, {}, range(2))])


class Boom(type):
    def __instancecheck__(cls, obj):
        raise RuntimeError("check failed")


class Checked(metaclass=Boom):
    pass


try:
    isinstance(1, Checked)
except RuntimeError as e:
    print(type(e).__name__, e)
print(isinstance(Checked(), Checked))


class Truthy(type):
    def __instancecheck__(cls, obj):
        return "yes"


class T(metaclass=Truthy):
    pass


print(isinstance(1, T), isinstance(1, (T,)))
issubclass(1, Sequence)
