# type.__or__/__ror__: X | Y on classes makes a types.UnionType (PEP 604),
# also for metaclass instances; a class's own __or__ on instances is unaffected.
print(int | None, type(int | str).__name__, int | str == str | int, isinstance(3, int | str))
print(type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 3))


class Meta(type):
    pass


class C(metaclass=Meta):
    def __or__(self, other):
        return "C instance __or__"


print(C | int, None | C, C() | 1, (C | int).__args__)
print(isinstance(C(), C | None), issubclass(bool, int | C))
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)


class MetaOr(type):
    def __or__(cls, other):
        return f"MetaOr.__or__({cls.__name__}, {getattr(other, '__name__', other)})"


class D(metaclass=MetaOr):
    pass


print(D | int, int | D)
