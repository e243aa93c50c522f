# contextlib's async managers driven by hand (no event loop needed):
# asynccontextmanager, aclosing, AsyncExitStack, nullcontext, AsyncContextDecorator.
from contextlib import (asynccontextmanager, aclosing, AsyncExitStack,
                        nullcontext, AsyncContextDecorator)

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("coroutine suspended")

@asynccontextmanager
async def actx(name):
    print("enter", name)
    try:
        yield name * 2
    except KeyError:
        print("handled KeyError")
    finally:
        print("exit", name)

async def main():
    async with actx("x") as v:
        print("body", v)
    async with actx("y"):
        raise KeyError(1)
    try:
        async with actx("z"):
            raise ValueError(2)
    except ValueError as e:
        print("propagated", e)
    async with nullcontext(7) as n:
        print("null", n)

    async def agen():
        try:
            yield 1
            yield 2
        finally:
            print("agen closed")
    async with aclosing(agen()) as it:
        async for item in it:
            print("item", item)
            break

    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(actx("s1"))
        b = stack.enter_context(nullcontext("sync"))
        async def acb(m):
            print("async callback", m)
        stack.push_async_callback(acb, "m")
        stack.callback(print, "sync callback")
        print(a, b)
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(object())
    except TypeError as e:
        print(e)

    @asynccontextmanager
    async def bad():
        if False:
            yield
    try:
        async with bad():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    return "finished"

print(run(main()))

class adeco(AsyncContextDecorator):
    async def __aenter__(self):
        print("adeco enter")
    async def __aexit__(self, *a):
        print("adeco exit")

@adeco()
async def decorated(x):
    return x + 1
print(run(decorated(1)))
