# generator.throw() and close(): handled and unhandled, GeneratorExit,
# yielding in finally during close, throw into a just-created generator.
def worker():
    while True:
        try:
            value = yield "ready"
            print("  got", value)
        except ValueError as e:
            print("  handled ValueError", e)
            yield "recovered"
        finally:
            print("  finally runs")

w = worker()
print(next(w))
print(w.send(1))
print(w.throw(ValueError("bad")))
print(next(w))
try:
    w.throw(KeyError, "k")
except KeyError as e:
    print("propagated KeyError", e)
print(w.gi_frame is None)

def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  saw GeneratorExit")
        raise

c = closer()
next(c)
print(c.close(), c.close())

def stubborn():
    try:
        yield 1
    finally:
        yield "won't stop"

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def swallow():
    try:
        yield
    except GeneratorExit:
        return "ignored return"

sw = swallow()
next(sw)
print(sw.close())
fresh = worker()
try:
    fresh.throw(IndexError("before start"))
except IndexError as e:
    print("fresh throw:", e)
print(list(fresh))

def returns_on_throw():
    try:
        yield 1
    except TypeError:
        return "done after throw"

r = returns_on_throw()
next(r)
try:
    r.throw(TypeError)
except StopIteration as e:
    print("StopIteration value:", e.value)
dead = closer()
dead.close()
try:
    dead.throw(ValueError("into closed"))
except ValueError as e:
    print("closed generator re-raises:", e)
try:
    next(dead)
except StopIteration:
    print("closed generator is exhausted")
