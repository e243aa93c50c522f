# Exception chaining attributes seen from Python: __context__, __cause__, __suppress_context__, __traceback__.
def chained():
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("converted") from e


def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("during handling")


def suppressed():
    try:
        [][0]
    except IndexError:
        raise TypeError("clean") from None


for fn in (chained, implicit, suppressed):
    try:
        fn()
    except Exception as e:
        print(fn.__name__, type(e).__name__, repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(e.__suppress_context__, repr(e.__cause__))
e.__cause__ = None
print(e.__suppress_context__)
try:
    e.__cause__ = "not an exception"
except TypeError as err:
    print(type(err).__name__, err)
try:
    e.__context__ = 5
except TypeError as err:
    print(type(err).__name__, err)
try:
    try:
        raise KeyError("a")
    except KeyError as first:
        try:
            raise ValueError("b")
        except ValueError as second:
            print(repr(second.__context__), second.__context__ is first)
            raise
except ValueError as outer:
    print(repr(outer.__context__))
try:
    try:
        raise OSError("x")
    finally:
        print("finally sees", repr(__import__("sys").exc_info()[1]))
except OSError as got:
    print("context of finally raise:", got.__context__)
err = None
try:
    raise LookupError("tb")
except LookupError as caught:
    err = caught
print(err.__traceback__.tb_frame is not None, err.__traceback__.tb_next)
implicit()
