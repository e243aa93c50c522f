# Exception chaining attributes: __context__ (implicit), __cause__ (raise
# from), __suppress_context__ (raise from None), and context cycles.
def implicit():
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("while handling")

try:
    implicit()
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

def explicit():
    try:
        [][0]
    except IndexError as exc:
        raise RuntimeError("wrapped") from exc

try:
    explicit()
except RuntimeError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

def hidden():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("clean") from None

try:
    hidden()
except TypeError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise ValueError("a") from KeyError("b")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise ValueError from 5
except TypeError as e:
    print("TypeError:", e)
e1 = ValueError("one")
e2 = KeyError("two")
try:
    try:
        raise e1
    except ValueError:
        raise e2
except KeyError:
    pass
try:
    try:
        raise e2
    except KeyError:
        raise e1
except ValueError as e:
    print("cycle broken:", repr(e.__context__), repr(e.__context__.__context__))
err = OSError("set by hand")
err.__cause__ = ValueError("manual cause")
print(err.__suppress_context__, repr(err.__cause__))
try:
    err.__cause__ = "nope"
except TypeError as e:
    print("TypeError:", e)
try:
    err.__context__ = 1
except TypeError as e:
    print("TypeError:", e)

def same_exception_context():
    try:
        raise ValueError("self")
    except ValueError as e:
        try:
            raise e
        except ValueError as again:
            return again.__context__

print(same_exception_context())
