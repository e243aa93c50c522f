# Coroutines driven by a tiny hand-written event loop: await on custom
# awaitables, task switching, return values and exceptions out of coroutines.
class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield "tick"
        return self.ticks

class Loop:
    def __init__(self):
        self.ready = []
        self.results = {}
    def spawn(self, name, coro):
        self.ready.append((name, coro))
    def run(self):
        step = 0
        while self.ready:
            name, coro = self.ready.pop(0)
            try:
                coro.send(None)
            except StopIteration as stop:
                self.results[name] = ("ok", stop.value)
                print(f"step {step}: {name} finished -> {stop.value!r}")
            except Exception as exc:
                self.results[name] = ("error", f"{type(exc).__name__}: {exc}")
                print(f"step {step}: {name} failed -> {exc!r}")
            else:
                self.ready.append((name, coro))
            step += 1

async def worker(name, ticks):
    waited = await Sleep(ticks)
    return f"{name} waited {waited}"

async def failing():
    await Sleep(1)
    raise ValueError("worker exploded")

async def composite():
    a = await worker("sub-a", 1)
    b = await worker("sub-b", 2)
    return [a, b]

loop = Loop()
loop.spawn("w2", worker("w2", 2))
loop.spawn("w0", worker("w0", 0))
loop.spawn("bad", failing())
loop.spawn("comp", composite())
loop.run()
print(sorted(loop.results.items()))

async def simple():
    return 7

c = simple()
print(type(c).__name__, c.cr_code.co_name)
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

async def awaits_int():
    await 3

try:
    awaits_int().send(None)
except TypeError as e:
    print("TypeError:", e)

class BadAwait:
    def __await__(self):
        return 5

async def awaits_bad():
    await BadAwait()

try:
    awaits_bad().send(None)
except TypeError as e:
    print("TypeError:", e)
unstarted = simple()
unstarted.close()
print("closed unstarted coroutine")
