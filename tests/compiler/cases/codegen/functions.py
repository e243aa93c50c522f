def simple():
    pass

def args(a, b=1, *c, d, e=2, **f):
    """Docstring."""
    return a + b

def annotated(a: int, *args: str, b: "x" = 3, **kw: float) -> bool:
    return a

def posonly(a, b, /, c):
    return a, b, c

@decorator
@other.decorator(1)
def decorated():
    return 1

def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner

def gen():
    yield 1
    x = yield
    yield from range(3)
    return x

async def coro(x):
    await x
    async with x as y:
        pass
    async for i in y:
        print(i)
    return 1

async def agen():
    yield 1

f = lambda x, y=1: x + y
g = lambda: (yield)

def uses_global():
    global counter
    counter = counter + 1
    return len(counter)

def defaults_only(a=1, *, b):
    return a, b
