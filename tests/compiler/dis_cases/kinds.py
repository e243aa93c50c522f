# dis_cases/kinds.py: one of each argument kind `python3.11 -m dis` resolves
# (constants, names, NULL + global, locals, cells and free variables,
# comparisons, binary operators, FORMAT_VALUE conversions, MAKE_FUNCTION
# flags, forward and backward jumps, the exception table with lasti).
import os, sys as system
from collections import namedtuple as nt


def binops(a, b):
    a += b; a -= b; a *= b; a /= b; a //= b; a %= b; a **= b
    a <<= b; a >>= b; a &= b; a |= b; a ^= b; a @= b
    return (a + b, a - b, a * b, a / b, a // b, a % b, a ** b, a << b, a >> b, a & b, a | b, a ^ b, a @ b)


def compares(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b, a in b, a not in b


def formats(x, w):
    return f"{x}{x!s}{x!r}{x!a}{x:>10}{x!r:{w}}{x=}"


def make(a, b=1, *args, c, d=2, **kw) -> "ret":
    def inner(e: int = a) -> str:
        nonlocal b
        b += e
        return c
    return inner, lambda: (a, b)


def constants():
    return (None, True, False, ..., 1, -1, 2**100, 1.5, -0.0, float("inf"), 1j, -2.5j, b"\x00\xff",
            "", "s", "\u20ac\U0001f600", "q'uote\"s", (1, (2, "x")), frozenset({"a", "b", "c"}))


def loops(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            continue
        while total < i:
            total += 1
            if total > 100:
                break
        else:
            total -= 1
    return [x for x in range(n) if x in {"a", "b", "c", "d"}]


def handlers(f):
    try:
        f()
    except (ValueError, TypeError) as e:
        raise RuntimeError("x") from e
    finally:
        print("done")
    try:
        f()
    except* OSError:
        pass
    with open(f) as g, open(g) as h:
        return g.read(), h.read()


async def agen(xs):
    async with xs as y:
        async for z in y:
            yield await z


class Klass(object, metaclass=type):
    attr: int = 3

    def method(self, *, key=None):
        return super().method(key=key, other=self.attr)

    @property
    def prop(self):
        return self.__private


def matcher(v):
    match v:
        case [1, 2, *rest]:
            return rest
        case {"k": value, **others}:
            return value, others
        case Klass(attr=3) | None:
            return 0
        case str() as s if s:
            return s
        case _:
            return -1
