# raise forms: class vs instance, re-raise with bare raise inside nested
# handlers, raise in finally, with_traceback, and exception args from calls.
def bare_reraise():
    try:
        raise ValueError("inner")
    except ValueError:
        try:
            raise KeyError("nested")
        except KeyError:
            pass
        raise

try:
    bare_reraise()
except ValueError as e:
    print("bare raise re-raised the outer exception:", repr(e))

def raise_in_finally():
    try:
        raise ValueError("first")
    finally:
        raise RuntimeError("from finally")

try:
    raise_in_finally()
except RuntimeError as e:
    print(repr(e), "context:", repr(e.__context__))
try:
    raise TypeError
except TypeError as e:
    print("class raised:", repr(e), e.args)

class WithNew(Exception):
    def __new__(cls, *args):
        print("  __new__ with", args)
        return super().__new__(cls, *args)

try:
    raise WithNew
except WithNew as e:
    print("instantiated with no args:", e.args)
try:
    raise ValueError("tb") .with_traceback(None)
except ValueError as e:
    print("with_traceback:", e, e.__traceback__ is not None)

def factory():
    return IndexError("made by a factory")

try:
    raise factory()
except IndexError as e:
    print(e)
try:
    raise StopIteration("explicit")
except StopIteration as e:
    print("StopIteration outside a generator is fine:", e)

def gen():
    raise StopIteration("inside generator")
    yield

try:
    next(gen())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
exc = ValueError("reused")
for attempt in range(2):
    try:
        raise exc
    except ValueError as e:
        print("attempt", attempt, e is exc)
try:
    raise ValueError("x") from ValueError
except ValueError as e:
    print("cause instantiated:", repr(e.__cause__))
