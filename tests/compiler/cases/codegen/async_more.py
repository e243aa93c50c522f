async def f(xs):
    async with a as b, c:
        await b
    r = [await x async for x in xs if await x]
    g = (x async for x in xs)
    async for i in xs:
        if i:
            break
    else:
        return 2
    try:
        await q
    except* ValueError as e:
        print(e)
    except* TypeError:
        pass
    return [y for y in (await z)]

async def ag():
    yield await x
    async with a:
        yield 1
