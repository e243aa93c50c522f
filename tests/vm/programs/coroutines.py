# Coroutines driven by hand: coro.send(None), a tiny event loop written
# here (no asyncio), await on coroutines and on objects with __await__,
# async with, async for over a class with __aiter__/__anext__, and
# CPython's errors for each misuse.


class Sleep:
    """An awaitable that suspends its awaiter once, handing the loop a tag."""

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return ("woke", self.tag, got)


async def leaf(n):
    r = await Sleep(n)
    return r


async def middle(n):
    a = await leaf(n)
    b = await leaf(n + 1)
    return [a, b]


def run(coro):
    """Drives coro to the end, printing what it yields; returns its value."""
    sent = None
    step = 0
    while True:
        try:
            tag = coro.send(sent)
        except StopIteration as e:
            print("  done after", step, "steps:", e.value)
            return e.value
        print("  yielded", tag)
        sent = ("answer", step)
        step += 1


print("driving by hand")
c = middle(10)
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_suspended, c.cr_await)
run(c)
print(c.cr_suspended, c.cr_await)

print("a round-robin loop")


def loop(coros):
    ready = list(coros)
    results = {}
    while ready:
        name, coro = ready.pop(0)
        try:
            coro.send(None)
        except StopIteration as e:
            results[name] = e.value
            continue
        ready.append((name, coro))
    return results


async def worker(name, n):
    total = 0
    for i in range(n):
        total += i
        print("   ", name, "step", i)
        await Sleep(i)
    return name.upper(), total


print(sorted(loop([("a", worker("a", 3)), ("b", worker("b", 2)), ("c", worker("c", 0))]).items()))

print("exceptions cross await")


async def failing():
    await Sleep("f")
    raise ValueError("boom")


async def catcher():
    try:
        await failing()
    except ValueError as e:
        return "caught " + str(e)


run(catcher())

print("throw into a suspended coroutine")


async def guarded():
    try:
        await Sleep("g")
    except KeyError as e:
        print("  guarded got", repr(e))
        return "recovered"
    finally:
        print("  finally runs")


g = guarded()
print(g.send(None))
try:
    g.throw(KeyError("k"))
except StopIteration as e:
    print("  StopIteration", e.value)

print("close")


async def closable():
    try:
        await Sleep("c")
    finally:
        print("  cleanup on close")


cl = closable()
cl.send(None)
print(cl.close(), cl.cr_suspended)


async def stubborn():
    try:
        await Sleep("s")
    except GeneratorExit:
        await Sleep("again")


st = stubborn()
st.send(None)
try:
    st.close()
except RuntimeError as e:
    print("  RuntimeError:", e)

print("async with")


class Manager:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("  enter", self.name)
        await Sleep("enter")
        return self.name * 2

    async def __aexit__(self, typ, val, tb):
        print("  exit", self.name, typ.__name__ if typ else None, val)
        return typ is ZeroDivisionError


async def use_manager():
    async with Manager("m") as v:
        print("  body got", v)
    async with Manager("z"):
        1 / 0
    print("  suppressed")
    return "ok"


run(use_manager())

print("async for")


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await Sleep("tick")
        self.n -= 1
        return self.n


async def use_for():
    got = []
    async for i in Countdown(3):
        got.append(i)
    else:
        got.append("else")
    return got


run(use_for())


async def comprehension():
    return [i * 10 async for i in Countdown(3)], [await leaf(i) for i in range(2)]


run(comprehension())

print("errors")


async def await_int():
    await 5


async def for_int():
    async for x in 7:
        pass


class NoAnext:
    def __aiter__(self):
        return 1


async def for_no_anext():
    async for x in NoAnext():
        pass


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 3


async def for_bad_anext():
    async for x in BadAnext():
        pass


async def with_plain():
    async with 3:
        pass


class BadEnter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        pass


async def with_bad_enter():
    async with BadEnter():
        pass


returned = []


class AwaitCoro:
    def __await__(self):
        returned.append(leaf(1))
        return returned[-1]


class AwaitNonIter:
    def __await__(self):
        return 5


async def await_coro_returner():
    await AwaitCoro()


async def await_non_iter():
    await AwaitNonIter()


async def raises_stop():
    raise StopIteration(3)


for f in [await_int, for_int, for_no_anext, for_bad_anext, with_plain, with_bad_enter,
          await_coro_returner, await_non_iter, raises_stop]:
    try:
        f().send(None)
    except Exception as e:
        print(" ", f.__name__, type(e).__name__, e, "| cause:", repr(e.__cause__))

done = leaf(0)
done.send(None)
try:
    done.send(None)
except StopIteration:
    pass
try:
    done.send(None)
except RuntimeError as e:
    print("  reuse:", e)
fresh = leaf(0)
try:
    fresh.send(1)
except TypeError as e:
    print("  non-None:", e)
# Closing a coroutine that never ran keeps python3.11 from warning that it
# was never awaited (a warning minipy does not give).
fresh.close()
returned[0].close()


async def awaits_twice(inner):
    await inner


inner = leaf(5)
first = awaits_twice(inner)
first.send(None)
try:
    awaits_twice(inner).send(None)
except RuntimeError as e:
    print("  twice:", e)
first.close()
inner.close()


def plain_gen(c):
    yield from c


try:
    next(plain_gen(fresh))
except TypeError as e:
    print("  yield from:", e)
try:
    iter(fresh)
except TypeError as e:
    print("  iter:", e)

w = leaf(7).__await__()
print(type(w).__name__, iter(w) is w, next(w))
try:
    w.send("x")
except StopIteration as e:
    print("  wrapper StopIteration", e.value)


async def uncaught():
    await Sleep("u")
    raise LookupError("escapes the loop")


run(uncaught())
