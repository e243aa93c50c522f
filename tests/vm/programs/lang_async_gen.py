# Async generators, async for and async with, driven by hand (send(None))
# without an event loop library.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value

class Tick:
    def __await__(self):
        yield
        return "tick"

async def countdown(n):
    while n > 0:
        await Tick()
        yield n
        n -= 1

async def collect():
    out = []
    async for v in countdown(3):
        out.append(v)
    return out

print(run(collect()))

async def comprehension():
    return [v * 2 async for v in countdown(4) if v % 2 == 0]

print(run(comprehension()))

class AsyncResource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    async def __aenter__(self):
        await Tick()
        print("  enter", self.name)
        return self.name.upper()
    async def __aexit__(self, exc_type, exc, tb):
        print("  exit", self.name, exc_type.__name__ if exc_type else None)
        return self.swallow

async def use_resources():
    async with AsyncResource("a") as a, AsyncResource("b") as b:
        print("  body", a, b)
    async with AsyncResource("c", swallow=True):
        raise KeyError("suppressed")
    try:
        async with AsyncResource("d"):
            raise ValueError("propagates")
    except ValueError as e:
        print("  caught", e)
    return "resources done"

print(run(use_resources()))

async def early_exit():
    agen = countdown(10)
    async for v in agen:
        if v == 8:
            break
    await agen.aclose()
    return v

print(run(early_exit()))

async def manual():
    agen = countdown(2)
    print("  anext:", await agen.__anext__())
    print("  anext:", await anext(agen))
    try:
        await anext(agen)
    except StopAsyncIteration:
        print("  StopAsyncIteration")
    print("  default:", await anext(agen, "exhausted"))

run(manual())
ag = countdown(1)
print(type(ag).__name__, ag.ag_code.co_name, type(ag.__aiter__()).__name__)

async def bad_async_for():
    async for x in [1, 2]:
        pass

try:
    run(bad_async_for())
except TypeError as e:
    print("TypeError:", e)

async def asend_values():
    received = yield "first"
    yield f"got {received}"

async def drive_asend():
    agen = asend_values()
    print("  ", await agen.asend(None))
    print("  ", await agen.asend("payload"))

run(drive_asend())
