# bool is a subclass of int: arithmetic, identity of True/False/None,
# truthiness of built-in values, and bool() of custom objects.
print(True == 1, False == 0, True is True, isinstance(True, int), issubclass(bool, int))
print(True + 1, False - 1, True * 3.5, True / 2, True // 1, ~True, -False)
print(hash(True) == hash(1), {1: "one", True: "true"}, {0, False, 0.0})
print(bool(0), bool(0.0), bool(0j), bool(""), bool(()), bool([]), bool({}), bool(set()), bool(range(0)))
print(bool(1), bool(-1), bool(" "), bool((0,)), bool([[]]), bool({0: 0}), bool(range(1)))
print(type(True).__name__, repr(True), str(False), True.real, True.imag, True.numerator)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True + True).__name__)
print(sum([True, True, False]), max(True, 0), sorted([True, False, 0, 1]))
print(None is None, type(None)(), bool(None), None.__class__.__name__)
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print("TypeError:", e)

class Falsy:
    def __bool__(self):
        return False

class ByLen:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

print(bool(Falsy()), bool(ByLen(0)), bool(ByLen(2)), not ByLen(0))
print([x for x in [0, 1, "", "a", None, [], [0]] if x])
print(int(True), float(False), str(True).upper(), f"{True:d} {False:>6}")
print(True.__and__(1), (5).__eq__(True), True is not False)
