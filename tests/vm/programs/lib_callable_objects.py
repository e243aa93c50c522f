# Calling objects: __call__ on instances, classes as factories, bound/unbound methods, builtins via getattr.
class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, *, twice=False):
        return x * self.k * (2 if twice else 1)


triple = Multiplier(3)
print(triple(4), triple(4, twice=True), list(map(triple, [1, 2])), sorted([3, 1, 2], key=Multiplier(-1)))
print(callable(triple), callable(Multiplier), callable(triple.__call__), triple.__call__(5))
ops = {"upper": str.upper, "len": len, "neg": int.__neg__, "join": ", ".join, "tripled": triple}
for name, fn in ops.items():
    arg = ["a", "b"] if name == "join" else (7 if name in ("neg", "tripled") else "abc")
    print(name, fn(arg))
method = "hello".replace
print(method("l", "L"), method.__self__, method.__name__)
unbound = str.replace
print(unbound("hello", "h", "j"), getattr("x", "center")(5, "*"), getattr(list, "__len__")([1, 2]))
factories = [list, tuple, set, frozenset, sorted, reversed]
print([type(f("cab")).__name__ for f in factories])
try:
    triple(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    triple(1, twice=True, extra=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    str.upper()
except TypeError as e:
    print(type(e).__name__, e)
try:
    str.upper(5)
except TypeError as e:
    print(type(e).__name__, e)


class NotCallable:
    __call__ = 5


try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
len("a", "b")
