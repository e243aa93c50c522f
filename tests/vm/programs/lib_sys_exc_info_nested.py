# sys.exc_info() inside nested handlers, after handlers end, in generators and in finally blocks.
import sys


def show(tag):
    t, v, tb = sys.exc_info()
    print(tag, t.__name__ if t else None, repr(v), tb is not None)


show("start")
try:
    raise KeyError("outer")
except KeyError:
    show("in outer")
    try:
        raise ValueError("inner")
    except ValueError:
        show("in inner")
    show("back in outer")
show("after")


def gen():
    show("gen start")
    yield 1
    show("gen resumed")
    yield 2


g = gen()
try:
    raise TypeError("around next")
except TypeError:
    next(g)
    show("caller after next")
next(g)
try:
    try:
        raise OSError("in try")
    finally:
        show("finally")
except OSError:
    pass


def handler_returns():
    try:
        raise IndexError("ret")
    except IndexError:
        return sys.exc_info()[0].__name__


print(handler_returns())
show("end")
try:
    raise RuntimeError("last")
except RuntimeError:
    exc = sys.exc_info()[1]
raise exc
