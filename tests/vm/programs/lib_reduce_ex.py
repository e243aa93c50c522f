# object.__reduce_ex__ / __reduce__ / __getstate__ and the copyreg helpers they name (lib/copyreg.py).
import copyreg


def show(value):
    # Functions and iterators have addresses in their reprs: show names and contents.
    if callable(value) and hasattr(value, "__qualname__") and not isinstance(value, type):
        return f"<{getattr(value, '__module__', None)}.{value.__qualname__}>"
    if type(value).__name__.endswith("iterator"):
        return f"<iter {list(value)!r}>"
    if isinstance(value, tuple):
        return "(" + ", ".join(show(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, type):
        return f"<class {value.__qualname__}>"
    return repr(value)


def reduce(obj, proto):
    try:
        return show(obj.__reduce_ex__(proto))
    except Exception as e:
        return f"{type(e).__name__}: {e}"


class Plain:
    pass


class WithState:
    def __init__(self):
        self.a = 1
        self.b = [2]


class Slotted:
    __slots__ = ("x", "__y", "z")

    def __init__(self):
        self.x = 1
        self._Slotted__y = 2


class SlotsAndDict(Slotted):
    __slots__ = ("w", "__dict__")


class Args:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __getnewargs__(self):
        return (self.a, self.b)


class KwArgs:
    def __new__(cls, *, k):
        self = super().__new__(cls)
        self.k = k
        return self

    def __getnewargs_ex__(self):
        return ((), {"k": self.k})


class EmptyKw:
    def __getnewargs_ex__(self):
        return ((1,), {})


class CustomState:
    def __getstate__(self):
        return {"custom": True}


class OwnReduce:
    def __reduce__(self):
        return (OwnReduce, ())


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class BadNewArgs:
    def __getnewargs__(self):
        return [1]


class BadNewArgsEx:
    def __getnewargs_ex__(self):
        return ((1,),)


class BadNewArgsEx2:
    def __getnewargs_ex__(self):
        return ([1], {})


class BadNewArgsEx3:
    def __getnewargs_ex__(self):
        return ((1,), [])


ws = WithState()
ml = MyList([1, 2])
ml.attr = "x"
md = MyDict(a=1)
objects = [object(), Plain(), ws, Slotted(), SlotsAndDict(), Args(1, "two"), KwArgs(k=3), EmptyKw(),
           CustomState(), OwnReduce(), ml, md, MyInt(7), MyStr("s"), MyTuple((1, 2)), BadNewArgs(),
           BadNewArgsEx(), BadNewArgsEx2(), BadNewArgsEx3(), 5, "text", (1, 2), [1], {"k": 1}, 2.5, None,
           range(3), slice(1, 2), {1}, frozenset({2}), b"by", bytearray(b"ba"), 3j, True, property(),
           ValueError("v")]
for obj in objects:
    print(type(obj).__name__)
    for proto in (0, 1, 2, 4):
        print("  ", proto, reduce(obj, proto))
print(show(Plain().__reduce__()), show(ws.__getstate__()), show(Slotted().__getstate__()))
s = SlotsAndDict()
s.w = 9
s.extra = 10
print(show(s.__getstate__()), show(s.__reduce_ex__(2)))
for bad in ("2", 2.0, None, 2**40):
    try:
        object().__reduce_ex__(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)

# copyreg's own helpers
obj = copyreg.__newobj__(Args, 1, 2)
print(type(obj).__name__, hasattr(obj, "a"))
print(type(copyreg.__newobj_ex__(KwArgs, (), {"k": 5})).__name__, copyreg.__newobj_ex__(KwArgs, (), {"k": 5}).k)
print(copyreg._reconstructor(MyInt, int, 12), type(copyreg._reconstructor(MyInt, int, 12)).__name__)
print(type(copyreg._reconstructor(Plain, object, None)).__name__)
print(copyreg._slotnames(Slotted), copyreg._slotnames(SlotsAndDict), copyreg._slotnames(Plain))
print(Slotted.__slotnames__, "__slotnames__" in Plain.__dict__)


class _Private:
    __slots__ = ("__p",)


class ___:
    __slots__ = ("__q",)


print(copyreg._slotnames(_Private), copyreg._slotnames(___))
print(show(copyreg.dispatch_table[complex](1 + 2j)), complex in copyreg.dispatch_table)
copyreg.pickle(Plain, lambda p: (Plain, ()))
print(Plain in copyreg.dispatch_table)
for args in ((Plain, 5), (Plain, len, 5)):
    try:
        copyreg.pickle(*args)
    except TypeError as e:
        print(type(e).__name__, e)
copyreg.add_extension("mod", "name", 240)
copyreg.add_extension("mod", "name", 240)
print(copyreg._extension_registry[("mod", "name")], copyreg._inverted_registry[240])
for args in (("mod", "other", 240), ("mod", "name", 241), ("m", "n", 0), ("m", "n", 2**31)):
    try:
        copyreg.add_extension(*args)
    except ValueError as e:
        print(type(e).__name__, e)
copyreg.remove_extension("mod", "name", 240)
try:
    copyreg.remove_extension("mod", "name", 240)
except ValueError as e:
    print(type(e).__name__, e)
print(copyreg._extension_registry, copyreg.__all__)
