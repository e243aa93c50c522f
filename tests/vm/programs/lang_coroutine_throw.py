# Coroutines: throw() and close() on a suspended coroutine, try/finally
# around await, await on a coroutine that raises, cr_await introspection.
class Pause:
    def __await__(self):
        value = yield "paused"
        return value

async def guarded():
    try:
        got = await Pause()
        print("  resumed with", got)
        await Pause()
    except ValueError as e:
        print("  coroutine caught", e)
        return "recovered"
    finally:
        print("  coroutine finally")

c = guarded()
print(c.send(None))
print(c.send("first value"))
try:
    c.throw(ValueError("injected"))
except StopIteration as e:
    print("returned", e.value)

c2 = guarded()
c2.send(None)
print("cr_await:", type(c2.cr_await).__name__, c2.cr_running)
c2.close()
print("closed; cr_await now", c2.cr_await, c2.cr_frame)

async def raiser():
    await Pause()
    raise KeyError("from inner coroutine")

async def outer():
    try:
        await raiser()
    except KeyError as e:
        return f"outer caught {e}"

o = outer()
o.send(None)
try:
    o.send(None)
except StopIteration as e:
    print(e.value)
c3 = guarded()
c3.send(None)
try:
    c3.throw(TypeError("not handled"))
except TypeError as e:
    print("propagated:", e)

async def never_awaited():
    return 1

coro = never_awaited()
coro.close()
print("closing an unstarted coroutine is silent")
