# Augmented assignment evaluates the target's container and index once,
# then calls __iadd__ (or falls back to __add__), then stores.
calls = []

class Tracer(dict):
    def __getitem__(self, key):
        calls.append(f"get {key}")
        return super().__getitem__(key)
    def __setitem__(self, key, value):
        calls.append(f"set {key}={value}")
        super().__setitem__(key, value)

def container():
    calls.append("container()")
    return store

def index():
    calls.append("index()")
    return "k"

store = Tracer(k=1)
container()[index()] += 10
print(calls)
calls.clear()

class NoIadd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        calls.append("__add__")
        return NoIadd(self.v + other)

class WithIadd(NoIadd):
    def __iadd__(self, other):
        calls.append("__iadd__")
        self.v += other
        return self

a = NoIadd(1)
before = a
a += 1
print(a.v, a is before, calls)
calls.clear()
b = WithIadd(1)
before = b
b += 1
print(b.v, b is before, calls)

class ReturnsNotImpl:
    def __iadd__(self, other):
        return NotImplemented
    def __add__(self, other):
        return "fell back to __add__"

r = ReturnsNotImpl()
r += 1
print(r)

class Neither:
    pass

n = Neither()
try:
    n += 1
except TypeError as e:
    print("TypeError:", e)
lst = [1]
lst *= 3
print(lst)
s = "ab"
s += "cd"
print(s)
