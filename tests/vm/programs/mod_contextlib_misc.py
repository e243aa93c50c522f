# contextlib: closing, suppress, redirect_stdout/stderr, nullcontext,
# AbstractContextManager's subclass hook and class_getitem.
import sys
from contextlib import (closing, suppress, redirect_stdout, redirect_stderr,
                        nullcontext, AbstractContextManager,
                        AbstractAsyncContextManager)

class Thing:
    def close(self):
        print("closed")

with closing(Thing()) as t:
    print(type(t).__name__)

with suppress(KeyError, IndexError):
    {}["x"]
print("after suppress")
with suppress(LookupError):
    [][1]
print("suppressed subclass")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed")
with suppress():
    pass

class Buf:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def getvalue(self):
        return "".join(self.parts)

b = Buf()
with redirect_stdout(b) as target:
    print("hidden", 42)
    print(target is b)
print("captured:", repr(b.getvalue()))

e = Buf()
with redirect_stderr(e):
    sys.stderr.write("err text\n")
print("captured err:", repr(e.getvalue()))

# Reentrant use of one redirect object.
b2 = Buf()
r = redirect_stdout(b2)
with r:
    print("one")
    with r:
        print("two")
    print("three")
print(repr(b2.getvalue()))

with nullcontext(5) as v:
    print("null", v)
with nullcontext() as v:
    print("null", v)

class Mine:
    def __enter__(self): return self
    def __exit__(self, *a): return None

print(issubclass(Mine, AbstractContextManager))
print(issubclass(int, AbstractContextManager))
print(isinstance(nullcontext(), AbstractAsyncContextManager))
print(AbstractContextManager[int])

class Sub(AbstractContextManager):
    def __exit__(self, *a):
        return None
s = Sub()
with s as got:
    print(got is s)

class Incomplete(AbstractContextManager):
    pass
try:
    Incomplete()
except TypeError as e:
    print(e)
