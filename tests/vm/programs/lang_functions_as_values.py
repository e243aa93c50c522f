# Functions as values: stored in dicts and lists, passed and returned,
# dispatch tables, functions compared by identity, and higher-order calls.
def add(a, b):
    return a + b

def sub(a, b):
    return a - b

table = {"+": add, "-": sub, "*": lambda a, b: a * b}
print([table[op](6, 3) for op in "+-*"])

def apply_all(funcs, value):
    return [f(value) for f in funcs]

print(apply_all([abs, str, lambda v: v * v, float], -4))

def compose(*fns):
    def run(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return run

pipeline = compose(str, lambda n: n + 1, abs)
print(repr(pipeline(-41)))
print(add == add, add is table["+"], add != sub, sorted([sub, add], key=lambda f: f.__name__)[0].__name__)
handlers = []

def on(event):
    def register(fn):
        handlers.append((event, fn.__name__))
        return fn
    return register

@on("start")
def started():
    pass

@on("stop")
def stopped():
    pass

print(handlers, callable(started), callable(handlers))
