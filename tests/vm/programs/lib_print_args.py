# print: sep, end, file, flush and their type errors.
import sys

print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", sep=None)
print("x", end="")
print("y", end=None)
print(1, 2.5, None, True, [1, "s"], sep=" | ")
print("to stderr", 42, file=sys.stderr)
print("flushed", flush=True)
print(*range(5), sep="-", end="!\n")
print(*[], sep="never")
print("multi\nline", "text", sep="\n--\n")
print(file=None)


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


c = Collector()
print("one", "two", file=c, sep="+", end=";", flush=True)
print(c.parts)

for kwargs in ({"sep": 5}, {"end": b"x"}, {"file": 3}, {"bogus": 1}):
    try:
        print("z", **kwargs)
    except Exception as e:
        print(type(e).__name__, e)


class BadStr:
    def __str__(self):
        raise ValueError("no str for you")


try:
    print("before", BadStr())
except ValueError as e:
    print("caught", e)

print("str subclass sep", sep=type("S", (str,), {})("::"))
sys.stdout.write("done\n")
