# bool: a subclass of int with its own repr; arithmetic, bitwise ops and conversions.
print(True + True, True * 10, False - True, True / 2, True // 2, -True, ~True, ~False, True ** 10)
print(True & False, True | False, True ^ True, True & 1, type(True & False).__name__, type(True & 1).__name__)
print(type(True + False).__name__, type(-True).__name__, type(True ^ True).__name__, type(True | True).__name__)
print(bool(0), bool(""), bool([]), bool(None), bool(0.0), bool(0j), bool(()), bool({}), bool(set()), bool(range(0)))
print(bool(1), bool("0"), bool([0]), bool(-1), bool(0.1), bool(float("nan")), bool(object()), bool(...))
print(True == 1, False == 0, True is True, int(1) is not True, hash(True) == hash(1), {True: "a", 1: "b"})
print(sum([True, True, False, True]), [1, 2, 3][True], "ab"[False], True < 2, max(False, True))
print(str(True), repr(False), f"{True}", f"{True:d}", f"{True:>6}", "%s %d" % (True, True), format(False, "03"))
print(int(True), float(False), complex(True), True.real, True.imag, True.numerator, True.bit_length())
print(isinstance(True, int), issubclass(bool, int), bool.__bases__, bool.__mro__, type(True).__name__)


class Truthy:
    def __bool__(self):
        return False


class Sized:
    def __len__(self):
        return 2


class BadBool:
    def __bool__(self):
        return "yes"


class BadLen:
    def __len__(self):
        return -1


print(bool(Truthy()), bool(Sized()), not Sized(), Truthy() or "fallback", Sized() and "both")
for obj in (BadBool(), BadLen()):
    try:
        print(bool(obj))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    class MoreBool(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(bool(x=1) if False else bool(), True.__and__(1), True.__or__(False), (5).__bool__())
print(True + True == 2 == True + 1, sorted([True, False, 0, 1]), {0, False, 1, True, 0.0})
if not BadBool():
    pass
