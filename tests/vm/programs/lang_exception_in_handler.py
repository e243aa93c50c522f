# Exceptions raised while handling others: context set automatically,
# handlers nested several deep, and the exception state restored after
# a handler finishes (sys.exc_info()).
import sys

def level(n):
    try:
        raise ValueError(f"level {n}")
    except ValueError:
        if n < 3:
            level(n + 1)
        else:
            raise KeyError("deepest")

try:
    level(1)
except KeyError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__context__
    print(chain)
print(sys.exc_info())
try:
    raise TypeError("outer")
except TypeError:
    try:
        raise IndexError("inner")
    except IndexError:
        print("inside inner:", sys.exc_info()[0].__name__)
    print("back in outer:", sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
print("after all:", sys.exc_info())

def gen():
    try:
        raise OSError("in generator")
    except OSError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__

g = gen()
print(next(g), sys.exc_info()[0])
try:
    raise ZeroDivisionError
except ZeroDivisionError:
    print(next(g), sys.exc_info()[0].__name__)
print(sys.exception() if hasattr(sys, "exception") else None)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_in_handler
except NameError as e:
    print(repr(e), "context", repr(e.__context__))
