# Default values are evaluated once, when def runs, left to right.
order = []

def make(v):
    order.append(v)
    return v

def f(a=make(1), b=make(2), *, c=make(3)):
    return a, b, c

print(order, f())

def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1), append_to(2), append_to(3, []))
print(append_to.__defaults__)

def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(safe_append(1), safe_append(2))
x = 5

def g(v=x):
    return v

x = 6
print(g(), x)
defs = []
for i in range(3):
    def h(n=i * 10):
        return n
    defs.append(h)
print([d() for d in defs])

def k(a, b=2, *, c, d=4):
    return (a, b, c, d)

print(k.__defaults__, k.__kwdefaults__)
k.__defaults__ = (20,)
print(k(1, c=3))
k.__kwdefaults__ = {"c": 30, "d": 40}
print(k(1))
try:
    k()
except TypeError as e:
    print("TypeError:", e)
try:
    f.__defaults__ = 1
except TypeError as e:
    print("TypeError:", e)

def uses_fn(cb=lambda: "default cb"):
    return cb()

print(uses_fn(), uses_fn(lambda: "given"))
