# Generator protocol: send(), the first send(None), values of yield
# expressions, gi_* introspection, and misuse errors.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return f"final {total}"

g = accumulator()
print(g.gi_running, g.gi_frame is not None, g.gi_code.co_name)
print(next(g))
print(g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("StopIteration:", e.value)
print(g.gi_frame)
try:
    next(g)
except StopIteration as e:
    print("again:", repr(e.value))

fresh = accumulator()
try:
    fresh.send(1)
except TypeError as e:
    print("TypeError:", e)

def echo():
    received = []
    try:
        while True:
            received.append((yield len(received)))
    finally:
        print("echo finally, received", received)

e = echo()
next(e)
for word in ["a", "b", "c"]:
    print("sent", word, "->", e.send(word))
e.close()

def running():
    yield me.gi_running
    try:
        next(me)
    except ValueError as exc:
        yield str(exc)

me = running()
print(next(me), next(me))

def two_way():
    x = yield
    y = yield x * 2
    yield x + y

tw = two_way()
next(tw)
print(tw.send(3), tw.send(4))
print(list(tw))

def empty():
    return "nothing"
    yield

for v in empty():
    print("never")
print(list(empty()))
