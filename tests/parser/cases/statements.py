# statements.py: one of each statement and expression kind (--dump=ast golden case).
import os, sys as s
from . import x
x = 1 + 2 * 3
def f(a, b=2, *args, c, d=4, **kw) -> int:
    """doc"""
    return a if b else c
class C(B, metaclass=M):
    @dec
    async def g(self):
        await h(x for x in y if x)
        async with a as b, c: pass
for i in range(10):
    print(f"{i!r:>{w}} {i=}", 'a' 'b', b'\x00\n', 1.5e10, 0x1f, 10j, ...)
else:
    del a[1:2, ::3], b.c
try:
    pass
except (E1, E2) as e:
    raise X from e
finally:
    x += 1
match p:
    case [1, *rest] | {"k": v, **kw} if v:
        pass
    case Point(x=0, y=_) as pt:
        pass
lambda x, /, y=1, *, z: (x, y, z)
with (open(a) as f, open(b)):
    x: int = [1, 2][0]
while not (a < b <= c != d is not e in f):
    x = y = {1: 2, **z}, {*s}
g = [x async for x in y]
print(-1, +2, ~3, not 4, a and b or c, a @ b, a // b)
