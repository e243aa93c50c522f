# Generator expressions: laziness, single use, the first iterable evaluated
# eagerly, errors raised when iterated, and sum/any/all consuming them.
log = []

def numbers():
    log.append("numbers() called")
    for i in range(5):
        log.append(f"yield {i}")
        yield i

g = (n * 10 for n in numbers())
print(type(g).__name__, log)
print(next(g), log)
print(list(g), list(g))
log.clear()
print(sum(x for x in range(101)))
print(any(n > 3 for n in numbers()), log)
log.clear()
print(all(n < 2 for n in numbers()), log)
try:
    (1 for _ in 5)
except TypeError as e:
    print("TypeError at creation:", e)
lazy = (1 / n for n in [1, 0])
print(next(lazy))
try:
    next(lazy)
except ZeroDivisionError as e:
    print("ZeroDivisionError when iterated:", e)
pairs = ((a, b) for a in range(3) for b in range(3) if a < b)
print(list(pairs))
print(max((len(w), w) for w in "the quick brown fox".split()))
print(sorted((c for c in "hello"), reverse=True))
print(dict((k, v) for k, v in zip("abc", range(3))))
print("-".join(str(i) for i in range(4)))
ge = (x for x in range(3))
print(ge.gi_code.co_name, ge.__name__, ge.__qualname__)
nested = (sum(row) for row in ((i * j for j in range(3)) for i in range(3)))
print(list(nested))
x = 10
fresh = (x + i for i in range(2))
x = 20
print(list(fresh))
