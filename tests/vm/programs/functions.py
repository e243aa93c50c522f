# Calls with every kind of argument: positional, keyword, defaults,
# *args, **kwargs, keyword-only, positional-only; CALL_FUNCTION_EX; and
# CPython's messages for bad calls.
def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9))
print(f(*[1, 2, 3], **{"c": 0, "z": 1}))

def posonly(a, b, /, c, *, d):
    return a + b + c + d

print(posonly(1, 2, 3, d=4), posonly(1, 2, c=3, d=4))

def defaults(x, y=[], z=None):
    y.append(x)
    return y, z

print(defaults(1), defaults(2), defaults(3, [], z="z"))

def bad(*calls):
    for call in calls:
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)

def g(x, y):
    return x + y

def h(a, b, c, *, k, m):
    pass

bad(lambda: g(1),
    lambda: g(),
    lambda: h(),
    lambda: g(1, 2, 3),
    lambda: g(1, y=2, z=3),
    lambda: g(1, x=2),
    lambda: h(1, 2, 3),
    lambda: h(1, 2, 3, k=1),
    lambda: posonly(1, b=2, c=3, d=4),
    lambda: f(),
    lambda: defaults(),
    lambda: defaults(1, 2, 3, 4),
    lambda: h(1, 2, 3, 4, k=1, m=2),
    lambda: g(*1),
    lambda: g(**{"x": 1}, x=2),
    lambda: len(),
    lambda: int(1)(),
    )

def kw(**options):
    return sorted(options.items())

print(kw(b=2, a=1), kw())
print((lambda *a, **k: (a, k))(1, 2, x=3))
print(f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__, g.__code__.co_argcount)

def outer():
    def inner():
        pass
    return inner

print(outer().__qualname__)

def doc():
    "A docstring."
    return 1

print(doc.__doc__, g.__doc__)

def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)

print(rec(20), rec(1))
