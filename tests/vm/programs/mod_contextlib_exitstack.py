# contextlib.ExitStack: LIFO callbacks, push/enter_context/callback,
# suppression, exception context chaining, pop_all, close.
import sys
from contextlib import ExitStack, contextmanager

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.suppress

with ExitStack() as stack:
    names = [stack.enter_context(CM(n)) for n in "abc"]
    print(names)
    stack.callback(print, "callback", 1, sep="|")
    @stack.push
    def exit_fn(t, v, tb):
        print("push fn", t)
    stack.push(CM("pushed"))

with ExitStack() as stack:
    stack.enter_context(CM("outer"))
    stack.enter_context(CM("sup", suppress=True))
    stack.enter_context(CM("inner"))
    raise KeyError("gone")
print("suppressed ok")

# Exceptions raised by callbacks chain like nested with-statements.
def raiser(exc):
    def cb(*a):
        raise exc
    return cb

try:
    with ExitStack() as stack:
        stack.push(raiser(IndexError("first")))
        stack.push(raiser(KeyError("second")))
        raise ValueError("body")
except IndexError as e:
    ctx = []
    x = e
    while x is not None:
        ctx.append(repr(x))
        x = x.__context__
    print(" <- ".join(ctx))

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print(e)

# pop_all transfers the callbacks
with ExitStack() as stack:
    stack.callback(print, "transferred")
    keep = stack.pop_all()
print("after with")
keep.close()
keep.close()

cb = lambda: None
with ExitStack() as s:
    r = s.callback(cb)
    print(r is cb)
    print(s._exit_callbacks[-1][1].__wrapped__ is cb)

# enter_context and nested generator managers
@contextmanager
def g(n):
    print("g enter", n)
    yield n
    print("g exit", n)

with ExitStack() as stack:
    vals = [stack.enter_context(g(i)) for i in range(3)]
    print(vals)

# the suppressing callback clears the exception for the outer ones
with ExitStack() as stack:
    stack.push(lambda *exc: print("outer sees", exc[0]))
    stack.push(lambda *exc: True)
    1 / 0
print("done")
