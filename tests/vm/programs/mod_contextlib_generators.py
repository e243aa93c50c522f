# contextlib.contextmanager: entry/exit, exceptions thrown in, suppression,
# the RuntimeErrors of misbehaving generators, use as a decorator.
from contextlib import contextmanager, ContextDecorator, AbstractContextManager

log = []

@contextmanager
def tag(name):
    """Docstring of tag."""
    log.append("enter " + name)
    try:
        yield name.upper()
    except KeyError as e:
        log.append("caught " + repr(e))
    finally:
        log.append("exit " + name)

with tag("a") as v:
    log.append("body " + v)
print(log); log.clear()

with tag("b"):
    raise KeyError("k")
print(log); log.clear()

try:
    with tag("c"):
        raise ValueError("v")
except ValueError as e:
    print("propagated", repr(e), e.__traceback__ is not None)
print(log); log.clear()

cm = tag("d")
print(cm.__doc__, type(cm).__name__, isinstance(cm, AbstractContextManager))
print(tag.__name__, tag.__doc__)

@contextmanager
def noyield():
    if False:
        yield

try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def twice():
    yield 1
    yield 2

try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)

@contextmanager
def swallow_then_yield():
    try:
        yield
    except Exception:
        yield

try:
    with swallow_then_yield():
        raise TypeError("x")
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__context__).__name__)

@contextmanager
def replace_exc():
    try:
        yield
    except ZeroDivisionError:
        raise ValueError("replaced")

try:
    with replace_exc():
        1 / 0
except ValueError as e:
    print("replaced:", e, type(e.__context__).__name__)

# StopIteration inside the block propagates (not swallowed as the generator's end).
@contextmanager
def plain():
    yield

try:
    with plain():
        raise StopIteration("stop")
except StopIteration as e:
    print("StopIteration propagated", e)

# As a decorator: recreated for every call.
@tag("deco")
def work(x):
    log.append("work %d" % x)
    return x * 2

print(work(1), work(2))
print(log); log.clear()
print(work.__name__)

class mycm(ContextDecorator):
    def __enter__(self):
        print("mycm enter")
        return self
    def __exit__(self, *exc):
        print("mycm exit", exc[0])
        return False

@mycm()
def f():
    print("in f")
    return 5
print(f())

# Exceptions given as a type only (value None) are instantiated.
cm = plain()
cm.__enter__()
print(cm.__exit__(KeyError, None, None))

# generator exiting via exception in finally
@contextmanager
def gen_raises_in_finally():
    try:
        yield
    finally:
        raise OSError("cleanup failed")

try:
    with gen_raises_in_finally():
        pass
except OSError as e:
    print("OSError:", e)
