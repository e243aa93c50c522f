# Closures capturing loop variables in generators, comprehensions and
# nested functions; cells shared between several inner functions.
def make_ops():
    ops = {}
    for name in ["add", "sub", "mul"]:
        def op(a, b, name=name):
            return {"add": a + b, "sub": a - b, "mul": a * b}[name]
        ops[name] = op
    return ops

ops = make_ops()
print([ops[k](6, 3) for k in ["add", "sub", "mul"]])

def shared_cell():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_

get, set_ = shared_cell()
set_(42)
print(get(), get.__closure__[0] is set_.__closure__[0])

def gen_closures():
    for i in range(3):
        yield lambda: i

print([f() for f in gen_closures()])
print([f() for f in list(gen_closures())])

def cell_in_comprehension():
    base = 10
    return [(lambda: base + k)() for k in range(3)]

print(cell_in_comprehension())

def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper

@memoize
def slow_square(n):
    return n * n

print(slow_square(4), slow_square(4), slow_square.cache)

def closure_over_argument(x):
    def inner():
        return x
    x = x * 2
    return inner

print(closure_over_argument(5)())
