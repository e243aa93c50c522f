# Context managers: __exit__ arguments, suppressing by returning true,
# non-suppression by returning a falsy value, return/break inside with.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else None
        print("exit", self.name, kind, repr(exc), tb is not None)
        return self.suppress

with CM("plain") as cm:
    print("body, bound", cm.name)
with CM("suppressing", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("not suppressing", suppress=0):
        1 / 0
except ZeroDivisionError as e:
    print("propagated", e)

def returns_inside():
    with CM("return"):
        return "returned value"

print(returns_inside())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done at", i)

class Truthy:
    def __bool__(self):
        print("  __bool__ of exit result")
        return True

class TruthyExit(CM):
    def __exit__(self, *args):
        super().__exit__(*args)
        return Truthy()

with TruthyExit("truthy result"):
    raise KeyError("gone")
print("suppressed by truthy object")

class NoEnter:
    def __exit__(self, *a):
        pass

try:
    with NoEnter():
        pass
except TypeError as e:
    print("TypeError:", e)

class NoExit:
    def __enter__(self):
        return self

try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)

class EnterFails:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never called")

try:
    with EnterFails():
        print("never")
except RuntimeError as e:
    print("RuntimeError:", e)
with CM("as tuple") as (a_name):
    print(type(a_name).__name__)
