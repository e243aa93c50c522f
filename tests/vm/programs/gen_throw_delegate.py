# generator.throw() and close() reach the sub-generator a `yield from` is
# running (3.11's gen_throw through _PyGen_yf), a sub-iterator's own
# throw/close methods, and the value or exception that comes back out.


def inner(log):
    try:
        yield 1
        yield 2
    except KeyError as e:
        log.append("inner caught " + repr(e))
        yield "inner recovered"
        return "inner result"
    finally:
        log.append("inner finally")


def outer(log):
    try:
        r = yield from inner(log)
        log.append("outer got " + repr(r))
        yield "after"
    except ValueError as e:
        log.append("outer caught " + repr(e))
        yield "outer recovered"


log = []
g = outer(log)
print(next(g))
print(g.gi_yieldfrom.__name__)
print(g.throw(KeyError("k")))      # handled by inner
print(next(g))                     # inner returns, outer goes on
print(log)

log = []
g = outer(log)
print(next(g))
print(g.throw(ValueError("v")))    # passes through inner's finally to outer
print(log, g.gi_yieldfrom)

log = []
g = outer(log)
next(g)
g.close()                          # closes inner first
print(log)

print("three levels")


def level3():
    try:
        yield "deep"
    except Exception as e:
        return "level3 caught " + type(e).__name__


def level2():
    return (yield from level3())


def level1():
    r = yield from level2()
    yield r


g = level1()
print(next(g))
print(g.throw(IndexError))

print("a class with throw and close")


class Sub:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        return self.n

    def throw(self, *args):
        print("  Sub.throw got", [a if not isinstance(a, BaseException) else repr(a) for a in args])
        raise StopIteration("from sub")

    def close(self):
        print("  Sub.close")


def uses_sub():
    r = yield from Sub()
    yield "sub returned " + repr(r)


g = uses_sub()
print(next(g), next(g))
print(g.throw(OSError("o")))
g = uses_sub()
next(g)
g.close()

print("a plain iterator without throw")


def uses_list():
    try:
        yield from [1, 2, 3]
    except ZeroDivisionError:
        yield "caught at the yield from"


g = uses_list()
print(next(g), g.throw(ZeroDivisionError))

print("generator ignoring GeneratorExit under yield from")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


def wraps_stubborn():
    yield from stubborn()


g = wraps_stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("  RuntimeError:", e)

print("uncaught from the sub-generator")


def sub_raises():
    yield 1


def top():
    yield from sub_raises()


g = top()
next(g)
g.throw(RuntimeError("thrown in and out"))
