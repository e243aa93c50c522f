# Exceptions caught: try/except/else/finally, exception tables (handlers,
# lasti, RERAISE), chaining, raise from, sys.exc_info, finally with return,
# break and continue.
import sys

def divide(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught:", e, type(e).__name__)
        r = None
    else:
        print("no error")
    finally:
        print("finally", a, b)
    return r

print(divide(1, 2), divide(1, 0))

try:
    [][1]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e.args)

try:
    {}["missing"]
except LookupError as e:
    print(repr(e))

def reraiser():
    try:
        raise ValueError("inner")
    except ValueError:
        print("handling, exc_info:", sys.exc_info()[0].__name__)
        raise

try:
    reraiser()
except ValueError as e:
    print("re-raised:", e)

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, "cause:", repr(e.__cause__), "context is cause:", e.__context__ is e.__cause__)

try:
    try:
        int("x")
    except ValueError:
        raise KeyError("during")
except KeyError as e:
    print(repr(e), "context:", repr(e.__context__), e.__suppress_context__)

try:
    try:
        raise TypeError("a")
    except TypeError:
        raise ValueError("b") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)

def finally_return():
    try:
        return "try"
    finally:
        print("cleanup runs")

print(finally_return())

def finally_overrides():
    try:
        raise ValueError
    finally:
        return "swallowed"

print(finally_overrides())

for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)

print(sys.exc_info())
try:
    raise Exception("x", 1)
except Exception as e:
    print(e.args, str(e))
print("e deleted:", "e" in dir())

def nested():
    try:
        try:
            raise KeyError(1)
        finally:
            print("inner finally")
    except KeyError as k:
        print("outer caught", k)
    return "ok"

print(nested())
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError", e)
try:
    raise StopIteration
except Exception as e:
    print(type(e).__name__, isinstance(e, Exception))
try:
    raise 5
except TypeError as e:
    print(e)
try:
    try:
        pass
    except 5:
        pass
    x = undefined_name_zz
except NameError as e:
    print(e)
