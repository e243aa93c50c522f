# Generators: RETURN_GENERATOR, YIELD_VALUE, SEND (yield from), send/throw/
# close, generator expressions, StopIteration values, PEP 479.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count_up(5)), sum(count_up(101)))
g = count_up(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)
print(next(g, "exhausted"))

def echo():
    received = []
    while True:
        value = yield len(received)
        if value is None:
            return received
        received.append(value)

e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.value)

def delegate():
    result = yield from count_up(3)
    print("sub-generator returned", result)
    yield from ["x", "y"]
    yield from (c.upper() for c in "ab")

print(list(delegate()))
squares = (i * i for i in range(6) if i % 2 == 0)
print(squares.__class__.__name__, list(squares), list(squares))
print(",".join(str(i) for i in range(5)), max(len(w) for w in ["aa", "b", "cccc"]))
print(dict((k, k * 2) for k in "xy"), any(x > 3 for x in [1, 5]), all(x for x in []))

def guarded():
    try:
        yield 1
        yield 2
    except ValueError as exc:
        print("caught inside:", exc)
        yield 99
    finally:
        print("generator cleanup")

g = guarded()
print(next(g), g.throw(ValueError("boom")))
g.close()
g = guarded()
print(next(g))
g.close()
print("closed")

def stopper():
    yield 1
    raise StopIteration("oops")

try:
    list(stopper())
except RuntimeError as err:
    print("RuntimeError:", err, "| cause:", repr(err.__cause__))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(12)])
print(list(zip(fib(), "abc")), list(enumerate(count_up(3))))
def nested_gen():
    for i in range(3):
        yield (j for j in range(i))
print([list(inner) for inner in nested_gen()])
gen = count_up(1)
print(gen.__name__, gen.__qualname__, gen.gi_running, type(gen).__name__)
def fails():
    yield 1
    1 / 0
it = fails()
next(it)
try:
    next(it)
except ZeroDivisionError as exc:
    print("from generator:", exc)
try:
    next(it)
except StopIteration:
    print("finished after error")
