# Unary operators on builtins and custom classes: -, +, ~, abs(); their reflection into __neg__ etc.
for v in (5, -5, 0, 2.5, -0.0, True, 3 + 4j, 10**30):
    try:
        inv = ~v
    except TypeError as e:
        inv = type(e).__name__
    print(repr(v), -v, +v, abs(v), inv)


class Vec:
    def __init__(self, *c):
        self.c = c

    def __neg__(self):
        return Vec(*(-x for x in self.c))

    def __pos__(self):
        return Vec(*(abs(x) for x in self.c))

    def __invert__(self):
        return Vec(*reversed(self.c))

    def __abs__(self):
        return sum(x * x for x in self.c) ** 0.5

    def __repr__(self):
        return f"Vec{self.c}"


v = Vec(3, -4)
print(-v, +v, ~v, abs(v), -(-v), ~~v)
for expr in (lambda: -"s", lambda: +[1], lambda: ~1.5, lambda: abs(None), lambda: -{}, lambda: ~"x", lambda: +None):
    try:
        print(expr())
    except TypeError as e:
        print(type(e).__name__, e)
print(-(-(2**63)), -(2**63) - 1, ~(2**100), -True, +True, ~True)


class Weird:
    def __neg__(self):
        return "negated"

    __pos__ = None


print(-Weird())
+Weird()
