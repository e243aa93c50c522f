a = [x for x in range(10)]
b = {x: y for x, y in pairs if x if y}
c = {x for x in data for y in x}
d = (x * 2 for x in data)
e = [y for x in data for y in [x]]

def f(n):
    return [i * n for i in range(n) if i]

async def g(it):
    return [x async for x in it]
