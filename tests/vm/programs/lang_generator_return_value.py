# Generator return values: StopIteration.value, the value of yield from,
# return inside try/finally, and return of tuples and None.
def g(ret):
    yield "x"
    return ret

for ret in [None, 0, (1, 2), [3], StopIteration("inner")]:
    it = g(ret)
    next(it)
    try:
        next(it)
    except StopIteration as e:
        print(repr(e.value), e.args)

def finally_return():
    try:
        yield 1
        return "from try"
    finally:
        print("  finally sees return pending")

def delegate():
    result = yield from finally_return()
    return f"delegate got {result!r}"

d = delegate()
print(next(d))
try:
    next(d)
except StopIteration as e:
    print(e.value)

def override():
    try:
        return "original"
        yield
    finally:
        return "overridden"

try:
    next(override())
except StopIteration as e:
    print(e.value)
print(list(g("ignored by list")))
