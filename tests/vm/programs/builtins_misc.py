# Builtins: isinstance/issubclass, getattr & co., iter/next, callable, id,
# hash, print's sep/end/file/flush, sys.stdout/stderr writes.
import sys
print(isinstance(1, int), isinstance(True, int), isinstance("s", (int, str)), issubclass(bool, int))
class Box:
    pass
b = Box()
setattr(b, "v", 5)
print(getattr(b, "v"), getattr(b, "w", "default"), hasattr(b, "v"), hasattr(b, "w"))
delattr(b, "v")
print(hasattr(b, "v"), callable(len), callable(1), id(b) == id(b), hash(7), hash(True))
print(type(1), type("s").__name__, type(b).__name__, type(None))
print(len("abc"), len([1]), len({}), abs(-4), divmod(7, 2), pow(2, 10))
print(repr([1, "a", None]), ascii("ü"), format(255, "x"), chr(65) + chr(0x263a))
print(1, 2, 3, sep=", ", end=" <end>\n")
print("to stderr", file=sys.stderr)
print("flushed", flush=True)
sys.stdout.write("written directly\n")
sys.stderr.write("error stream\n")
print(sorted({3: "c", 1: "a"}.items()), list(map(str, range(3))))
print(int("ff", 16), int("0b101", 0), float("inf"), str(1e-7), 3 .__add__(4))
print(round(3.14159, 3), round(-2.5), round(1234, -2))
print(min(1, 2, key=lambda v: -v), max("a", "b"), sum(range(101)))
vals = iter(range(3))
print(list(vals), list(vals))
print(isinstance(len, type(print)), type(print).__name__)
print(globals()["Box"] is Box, "b" in globals())
def loc():
    a = 1
    b = "two"
    return sorted(locals().items())
print(loc())
print(list(iter([1, 2, 3, 0, 4].pop, 4)))
print(sys.getrecursionlimit(), type(sys.argv), sys.maxsize > 2 ** 62)
