# list(), tuple(), list.extend(), sorted() and [*x] ask an iterable for its
# length after getting its iterator (PyObject_LengthHint: __len__, else
# __length_hint__); a hint's errors propagate, a TypeError means "no hint".
import operator


class Both:
    def __iter__(self):
        print("  __iter__")
        return iter([1, 2])

    def __len__(self):
        print("  __len__")
        return 2

    def __length_hint__(self):
        print("  __length_hint__")
        return 2


class HintOnly:
    def __iter__(self):
        print("  __iter__")
        return iter("ab")

    def __length_hint__(self):
        print("  __length_hint__")
        return 2


for label, make in [("list", list), ("tuple", tuple), ("sorted", sorted), ("star", lambda x: [*x]),
                    ("extend", lambda x: [0].extend(x))]:
    for cls in (Both, HintOnly):
        print(label, cls.__name__)
        print("  ->", make(cls()))


class BadHint:
    def __init__(self, hint):
        self.hint = hint

    def __iter__(self):
        return iter([1])

    def __length_hint__(self):
        if isinstance(self.hint, Exception):
            raise self.hint
        return self.hint


for hint in [-1, "x", 2.0, TypeError("no"), ValueError("boom"), NotImplemented, 10**30, 5]:
    try:
        print(repr(hint), list(BadHint(hint)))
    except Exception as e:
        print(repr(hint), type(e).__name__, e)


class BadLen:
    def __iter__(self):
        return iter([1])

    def __len__(self):
        raise KeyError("len")


try:
    list(BadLen())
except KeyError as e:
    print("KeyError", e)
print(operator.length_hint([1, 2, 3]), operator.length_hint(iter(range(7))), operator.length_hint(5, 9))
print(operator.length_hint(BadHint(TypeError()), 4), operator.length_hint(HintOnly()))
