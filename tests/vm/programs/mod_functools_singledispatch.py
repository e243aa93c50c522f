# functools.singledispatch and singledispatchmethod: registration by class,
# by annotation, by union, dispatch through the MRO and through ABCs.
import collections.abc
from functools import singledispatch, singledispatchmethod


@singledispatch
def show(x):
    return "object"


@show.register
def _(x: int):
    return "int"


@show.register(list)
def _(x):
    return "list"


@show.register
def _(x: str | bytes):
    return "str-or-bytes"


@show.register(collections.abc.Mapping)
def _(x):
    return "mapping"


@show.register(collections.abc.Sequence)
def _(x):
    return "sequence"


print(show(1), show(True), show([]), show("a"), show(b""), show({}), show(1.5), show(()), show(range(2)))
print(show.dispatch(bool).__name__, len(show.registry), object in show.registry, show.__name__)


class MyMap(dict):
    pass


class Both(collections.abc.Sized):
    def __len__(self):
        return 0


print(show(MyMap()), show(Both()))


@show.register
def _(x: collections.abc.Sized):
    return "sized"


print(show(Both()), show(set()))
for bad in [lambda: show.register(3, lambda x: x), lambda: show.register(lambda x: x),
            lambda: show.register(lambda x: x) if False else show(), ]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", str(e).split(":")[0].split(".")[0])


def ann_not_class(x: "not a class"):
    pass


try:
    show.register(ann_not_class)
except (TypeError, NameError, SyntaxError) as e:
    print(type(e).__name__)


class A:
    pass


class B(A):
    pass


@singledispatch
def kind(obj):
    return "base"


kind.register(A, lambda obj: "A")
print(kind(B()), kind(A()), kind(3))
kind.register(B, lambda obj: "B")
print(kind(B()), kind(A()))


class Calc:
    @singledispatchmethod
    def add(self, x):
        return "generic"

    @add.register
    def _(self, x: int):
        return f"int {x + 1}"

    @add.register(str)
    def _(self, x):
        return "str " + x


c = Calc()
print(c.add(1), c.add("s"), c.add(2.0), Calc.add.__name__ if hasattr(Calc.add, "__name__") else "")
