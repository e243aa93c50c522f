# Async generators: aclose() runs finally blocks, athrow() injects an
# exception, asend() after exhaustion, and yield inside async finally.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value

async def ticker():
    try:
        for i in range(3):
            try:
                yield i
            except KeyError as e:
                print("  ticker caught", repr(e))
                yield "after KeyError"
    finally:
        print("  ticker finally")

async def main():
    t = ticker()
    print("  first:", await t.__anext__())
    print("  athrow:", await t.athrow(KeyError("k")))
    print("  next:", await t.__anext__())
    await t.aclose()
    try:
        await t.__anext__()
    except StopAsyncIteration:
        print("  exhausted after aclose")
    t2 = ticker()
    await t2.asend(None)
    try:
        await t2.athrow(ValueError("unhandled"))
    except ValueError as e:
        print("  athrow propagated:", e)
    return "main done"

print(run(main()))

async def bad_finally():
    try:
        yield 1
    finally:
        yield 2

async def close_bad():
    g = bad_finally()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)

run(close_bad())
