# yield from: delegation of next/send/throw/close, return values of
# subgenerators, delegation to plain iterators.
def inner():
    received = yield "inner-1"
    print("  inner received", received)
    yield "inner-2"
    return "inner-result"

def outer():
    result = yield from inner()
    print("  outer got", result)
    more = yield from [10, 20]
    print("  list delegation returns", more)
    yield "outer-end"
    return "outer-result"

g = outer()
print(next(g))
print(g.send("hello"))
print(list(g))

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain("ab", range(2), (x * x for x in [3]))))

def tree(node):
    value, children = node
    yield value
    for child in children:
        yield from tree(child)

print(list(tree((1, [(2, [(4, [])]), (3, [])]))))

def catcher():
    try:
        yield 1
    except KeyError:
        yield "caught in inner"
    return "end"

def delegator():
    r = yield from catcher()
    yield f"delegator saw {r}"

d = delegator()
next(d)
print(d.throw(KeyError))
print(next(d))

def closing_inner():
    try:
        yield 1
    finally:
        print("  inner closed")

def closing_outer():
    yield from closing_inner()

co = closing_outer()
next(co)
co.close()
print(co.gi_yieldfrom)

def accumulate():
    total = 0
    while (v := (yield)) is not None:
        total += v
    return total

def gather(results):
    while True:
        results.append((yield from accumulate()))

results = []
acc = gather(results)
next(acc)
for v in [1, 2, 3, None, 5, 5, None]:
    acc.send(v)
print(results)

def stop_iteration_value():
    return (yield from iter([]))

print(list(stop_iteration_value()))

def bad_delegate():
    yield from 5

try:
    next(bad_delegate())
except TypeError as e:
    print("TypeError:", e)
