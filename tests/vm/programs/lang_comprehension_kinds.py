# Every comprehension kind: list, set, dict, generator, nested, with
# multiple for/if clauses, and async comprehensions inside coroutines.
words = ["apple", "bob", "kayak", "level", "python", "noon"]
print([w.upper() for w in words if len(w) > 3])
print(sorted({len(w) for w in words}))
print({w: w[::-1] == w for w in words})
print(list(w[0] for w in words))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2 if x > 1])
print({(i, j): i * j for i in range(3) for j in range(i, 3)})
print({k: v for k, v in zip("abc", range(3))})
print([(lambda n=n: n * n)() for n in range(4)])
print(sum(1 for w in words for c in w if c in "aeiou"))
print([i for i in range(3)] == list(range(3)), [] == [x for x in ()])

async def arange(n):
    for i in range(n):
        yield i

async def main():
    squares = [i * i async for i in arange(4)]
    evens = {i async for i in arange(6) if i % 2 == 0}
    table = {i: str(i) async for i in arange(3)}
    gen = (i + 100 async for i in arange(2))
    got = [v async for v in gen]
    awaited = [await coro for coro in [value(1), value(2)]]
    return squares, sorted(evens), table, got, awaited

async def value(v):
    return v * 10

coro = main()
try:
    coro.send(None)
except StopIteration as stop:
    print(stop.value)
try:
    compile("[x async for x in y]", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
