# staticmethod/classmethod copy their callable's attributes and expose __wrapped__, __dict__ and
# __isabstractmethod__; property.__isabstractmethod__; __text_signature__/__doc__ of built-in types;
# builtin functions' __module__; complex() of non-numbers.
import types


def f(a: int) -> str:
    "f's doc"


f.extra = 1
for wrapper in (staticmethod, classmethod):
    w = wrapper(f)
    print(wrapper.__name__, sorted(w.__dict__), w.__name__, w.__qualname__, w.__doc__, w.__module__,
          w.__wrapped__ is f, w.__func__ is f, w.__isabstractmethod__, "extra" in w.__dict__, w.__annotations__)
    w.note = 2
    print(w.__dict__["note"], "note" in f.__dict__)
    w.__dict__ = {"replaced": True}
    print(w.__dict__, hasattr(w, "__name__"))
    for attempt in (lambda: setattr(w, "__dict__", 5), lambda: delattr(w, "__dict__"),
                    lambda: setattr(w, "__wrapped__", 5), lambda: setattr(w, "__func__", 5)):
        try:
            attempt()
        except (TypeError, AttributeError) as e:
            print(type(e).__name__, e)
    print(sorted(wrapper(len).__dict__), wrapper(len).__name__, wrapper(5).__isabstractmethod__)


class Abstract:
    __isabstractmethod__ = True


class Broken:
    @property
    def __isabstractmethod__(self):
        raise ValueError("no")


print(staticmethod(Abstract()).__isabstractmethod__, classmethod(Abstract()).__isabstractmethod__)
print(property(Abstract()).__isabstractmethod__, property(None, None, Abstract()).__isabstractmethod__,
      property().__isabstractmethod__, property(f).__isabstractmethod__)
try:
    property(Broken()).__isabstractmethod__
except ValueError as e:
    print(type(e).__name__, e)


class C:
    @staticmethod
    def s(x):
        return x * 2

    @classmethod
    def c(cls, x):
        return cls.__name__, x


print(C.s(2), C().s(3), C.c(1), C().c(2), C.__dict__["s"].__name__, C.__dict__["c"].__qualname__)
for t in (object, property, complex, float, list, tuple, types.CodeType, types.CellType, types.MethodType,
          types.ModuleType, reversed, enumerate, types.FunctionType, type, int, dict, str, staticmethod):
    print(t.__name__, t.__text_signature__)


class Sig:
    "Sig(a, b)\n--\n\nbody"


class NoSig:
    "NoSig(a)\n\n--\n\nbody"


print(Sig.__text_signature__, repr(Sig.__doc__), NoSig.__text_signature__, C.__text_signature__)
print(property.__doc__ is not None, types.FunctionType.__doc__ is not None, object.__doc__.startswith("object("))
print(len.__module__, print.__module__, [].append.__module__, "".join.__module__)
len.__module__ = "elsewhere"
print(len.__module__)
for value in (b"1", bytearray(b"1"), None, [1]):
    for args in ((value,), (1, value)):
        try:
            complex(*args)
        except TypeError as e:
            print(type(e).__name__, e)


class BadFloat:
    def __float__(self):
        raise ValueError("from __float__")


try:
    complex(BadFloat())
except ValueError as e:
    print(type(e).__name__, e)
print(float(b" 2.5 "), float(bytearray(b"1e3")), float(b"-inf"))
for raw in (b"x", b"\xff", bytearray(b"1e\xff"), b"1\x00", b" \xa0 1"):
    try:
        float(raw)
    except ValueError as e:
        print(type(e).__name__, e)
e = OSError(1, "x", None)
print(e.args, e.filename, str(e), OSError(1, "x", None, None, "b").filename2)
e = BlockingIOError(11, "again", 7)
print(e.characters_written, e.args, e.filename)
e.characters_written = 3
del e.characters_written
for attempt in (lambda: e.characters_written, lambda: delattr(e, "characters_written"),
                lambda: BlockingIOError(1, "x", 2.5), lambda: setattr(e, "characters_written", "3")):
    try:
        attempt()
    except (AttributeError, TypeError) as err:
        print(type(err).__name__, err)
print(slice(None).indices(10**30), slice(-5, None, -2).indices(10**20), slice(2, 3).indices(True))
print(range(2**100)[::3], range(10**30, 0, -7)[5:-5:4], len(range(2**62)))


class IntSub(int):
    pass


print(range(5).index(IntSub(3)), range(5).index(3.0), range(5).count(3.0), range(5).count(IntSub(2)), range(10**12).index(3.0))
for arg in (IntSub(9), 9.0, 9, "a", False):
    try:
        print(range(1, 5).index(arg))
    except ValueError as e:
        print(type(e).__name__, e)
mp = types.MappingProxyType({1: 2, 3: 4})
print(mp | {5: 6}, {0: 1} | mp, type(mp | {}).__name__, list(reversed(mp)), types.MappingProxyType[int])
for attempt in (lambda: mp.__ior__({1: 1}), lambda: mp | 5, lambda: mp.__or__(5)):
    try:
        attempt()
    except TypeError as e:
        print(type(e).__name__, e)
it = iter("abc")
print(it.__reduce__()[1:], it.__length_hint__(), next(it), it.__reduce__()[1:], it.__length_hint__())
it.__setstate__(-5)
print(list(it), it.__reduce__()[1:], it.__length_hint__())
it.__setstate__(1)
print(list(it))
it = iter("hello")
it.__setstate__(3)
print(list(it))
for bad in ("x", 1.5):
    try:
        iter("ab").__setstate__(bad)
    except TypeError as e:
        print(type(e).__name__, e)
for make in (iter, reversed):
    it = make([1, 2, 3])
    r = it.__reduce__()
    print(r[0].__name__, r[1:], it.__length_hint__(), next(it), it.__reduce__()[1:])
    for state in (-5, 0, 1, 2, 10):
        again = make([1, 2, 3])
        again.__setstate__(state)
        print(make.__name__, state, list(again), again.__reduce__()[0].__name__, again.__reduce__()[1:])
    for bad in ("x", 1.5):
        try:
            make([1]).__setstate__(bad)
        except TypeError as e:
            print(type(e).__name__, e)
