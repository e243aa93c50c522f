# Scopes: local, global, free, cell, and the names a block only forwards.
import os.path as p, sys
x = 1


def outer(a, b=x, *args, c, **kw):
    y = a
    z: int = 2

    def middle():
        def inner():
            nonlocal y
            y += 1
            return a, y, z, p
        return inner

    return middle, lambda q=b: q + y


def gen():
    global x
    x = yield from range(3)


async def coro(items):
    async with items as i:
        return [await v async for v in i]
