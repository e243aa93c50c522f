# Async generators driven by a hand-written loop (no asyncio): async for
# over them, asend/athrow/aclose awaited from a coroutine, values that
# awaits pass through to the loop, and CPython's errors.


class Sleep:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        yield self.tag


def run(coro):
    steps = []
    while True:
        try:
            steps.append(coro.send(None))
        except StopIteration as e:
            print("  loop saw", steps, "result", e.value)
            return e.value


async def ticker(n):
    try:
        for i in range(n):
            await Sleep("tick%d" % i)
            got = yield i * 10
            if got is not None:
                print("  ticker got", got)
    finally:
        print("  ticker finally")


async def consume():
    out = []
    async for v in ticker(3):
        out.append(v)
    return out


print(type(ticker(1)).__name__, ticker.__name__)
run(consume())


async def comprehension():
    return [v + 1 async for v in ticker(2)]


run(comprehension())


async def asend_driver():
    g = ticker(5)
    first = await g.__anext__()
    second = await g.asend("hello")
    third = await g.asend(None)
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("  exhausted after aclose")
    return first, second, third


run(asend_driver())


async def catches():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
    yield 3


async def athrow_driver():
    g = catches()
    a = await g.__anext__()
    b = await g.athrow(ValueError("v"))
    c = await g.__anext__()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("  StopAsyncIteration at the end")
    return a, b, c


run(athrow_driver())


async def cleanup_awaits():
    try:
        yield 1
    finally:
        await Sleep("cleanup")
        print("  awaited during aclose")


async def aclose_driver():
    g = cleanup_awaits()
    await g.__anext__()
    await g.aclose()
    return "closed"


run(aclose_driver())


async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def ignore_driver():
    g = ignores_exit()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("  RuntimeError:", e)


run(ignore_driver())


async def raises_stop():
    raise StopAsyncIteration
    yield


async def raises_driver():
    try:
        await raises_stop().__anext__()
    except RuntimeError as e:
        print("  RuntimeError:", e, "| cause:", repr(e.__cause__))


run(raises_driver())


async def reuse_driver():
    g = ticker(2)
    aw = g.__anext__()
    await aw
    try:
        await aw
    except RuntimeError as e:
        print("  RuntimeError:", e)
    await g.aclose()


run(reuse_driver())

print("by hand")
g = ticker(1)
aw = g.asend(None)
print(type(aw).__name__, aw.send(None))
try:
    aw.send(None)
except StopIteration as e:
    print("  StopIteration", e.value)
try:
    g.asend(None).send(None)
except StopAsyncIteration:
    print("  StopAsyncIteration")

print("edge cases")


async def one():
    try:
        yield 1
    finally:
        print("  one finally")


g = one()
print(repr(g).split(" at ")[0], g.ag_running, g.ag_await, g.ag_code.co_name)
try:
    g.athrow().send(None)               # 3.11 checks the arguments late...
except TypeError as e:
    print("  TypeError:", e)
try:
    g.athrow(KeyError).send(None)       # ...after marking the generator running
except RuntimeError as e:
    print("  RuntimeError:", e)
try:
    one().athrow(1).send(None)
except TypeError as e:
    print("  TypeError:", e)
try:
    one().aclose().send(None)
except StopIteration:
    print("  aclose of a fresh generator: StopIteration")
g = one()
a = g.__anext__()
try:
    a.send(None)
except StopIteration as e:
    print("  first value", e.value)
del a, g                                # finalized while suspended
print("  after del")
