# Truth testing of built-in containers and numbers in if/while/and/or/not, and the values and/or return.
values = [0, 1, -1, 0.0, 0.5, 0j, 1j, "", " ", [], [0], (), ((),), {}, {0: 0}, set(), {0}, frozenset(), range(0), range(1), b"", b"\x00", None, ..., bytearray()]
print([bool(v) for v in values])
print([v for v in values if v].__len__(), sum(1 for v in values if not v))
print(0 or "default", "" or [] or "last", 1 and 2, 0 and 1 / 0, None or 0, [] and "x", "x" and [])
print(not [], not [[]], not 0.0, not None, not ..., (0 or None) is None, (1 and "a") == "a")
n = 5
steps = []
while n:
    steps.append(n)
    n //= 2
print(steps)
queue = [3, 0, 2]
while queue and queue[-1]:
    queue.pop()
print(queue)
x = [] or {} or () or "" or 0 or None
print(repr(x))


class Falsey:
    def __bool__(self):
        return False

    def __len__(self):
        return 10


class LenOnly:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


print(bool(Falsey()), len(Falsey()), bool(LenOnly(0)), bool(LenOnly(3)), LenOnly(0) or "fallback")
print(all([LenOnly(1), 1, "x"]), any([LenOnly(0), 0, ""]), [1, 2] if LenOnly(1) else [])


class BadBool:
    def __bool__(self):
        raise ValueError("no truth")


try:
    if BadBool():
        pass
except ValueError as e:
    print(type(e).__name__, e)
print(BadBool() is not None, 0 or BadBool().__class__.__name__)
while BadBool():
    break
