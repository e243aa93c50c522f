# Decorators: plain, with arguments, stacked (applied bottom-up), on classes,
# arbitrary expressions (PEP 614), and decorators that replace the function.
calls = []

def trace(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    wrapper.__name__ = "traced_" + fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper

def repeat(times):
    print("repeat factory", times)
    def deco(fn):
        print("decorating", fn.__name__)
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco

@trace
def hello(name):
    return f"hello {name}"

print(hello("world"), hello.__name__, hello.__wrapped__.__name__, calls)

@repeat(2)
@repeat(3)
def one():
    return 1

print(one())

def tag(label):
    def deco(x):
        print("applying", label)
        return x
    return deco

@tag("outer")
@tag("middle")
@tag("inner")
def stacked():
    return "stacked"

print(stacked())
registry = {}

def register(cls):
    registry[cls.__name__] = cls
    return cls

@register
class Plugin:
    pass

print(sorted(registry))
decorators = [trace, lambda f: f]

@decorators[0]
def via_subscript():
    return "subscript"

print(via_subscript(), via_subscript.__name__)

@(lambda f: 42)
def replaced():
    pass

print(replaced)

class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]

@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), len(fib.cache))

def bad_deco(fn):
    raise ValueError("decorator refused " + fn.__name__)

try:
    @bad_deco
    def refused():
        pass
except ValueError as e:
    print("ValueError:", e)
print("refused" in globals())
