# Matching except clauses: tuples, base classes, order, bare except, the
# name being unbound after the handler, and invalid except targets.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return f"lookup-ish {type(e).__name__}"
    except ArithmeticError as e:
        return f"arithmetic {type(e).__name__}"
    except Exception as e:
        return f"other {type(e).__name__}"

for exc in [KeyError("k"), IndexError(), ZeroDivisionError(), OverflowError(), ValueError(), OSError()]:
    print(classify(exc))
try:
    raise SystemExit(3)
except:
    print("bare except catches SystemExit too")
try:
    raise ValueError("bound")
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print("NameError:", e)
err = "preexisting"
try:
    1 / 0
except ZeroDivisionError as err:
    print("handler sees", type(err).__name__)
print("err" in dir())

class MyError(Exception):
    pass

class Sub(MyError):
    pass

try:
    raise Sub("sub")
except MyError as e:
    print("caught via base:", repr(e))
try:
    raise Sub
except Sub as e:
    print("class raised, instance caught:", type(e).__name__, e.args)

def bad_clause():
    try:
        raise ValueError("original")
    except "not a class":
        pass

try:
    bad_clause()
except TypeError as e:
    print("TypeError:", e, "| context:", repr(e.__context__))
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)

class NotAnException:
    pass

try:
    raise NotAnException
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise
except KeyError as e:
    print("re-raised", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
