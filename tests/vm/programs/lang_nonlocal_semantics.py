# nonlocal: binds to the nearest enclosing function scope, skips class
# scopes, works through several levels, and the SyntaxErrors for misuse.
def make_counter():
    count = 0
    class Helper:
        count = 100
        def bump(self):
            nonlocal count
            count += 1
            return count
    return Helper()

h = make_counter()
print(h.bump(), h.bump(), type(h).count)

def levels():
    x = "level0"
    def one():
        x = "level1"
        def two():
            nonlocal x
            x = "changed by two"
        two()
        return x
    return one(), x

print(levels())

def both():
    a = b = 0
    def inner():
        nonlocal a, b
        a, b = b + 1, a + 2
    inner()
    inner()
    return a, b

print(both())

def generator_nonlocal():
    total = 0
    def gen():
        nonlocal total
        for i in range(4):
            total += i
            yield total
    return list(gen()), total

print(generator_nonlocal())
sources = [
    "def f():\n    nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "def f():\n    def g():\n        nonlocal y\n    y = 1\n",
    "def f(p):\n    def g(p):\n        nonlocal p\n",
    "class C:\n    x = 1\n    def m(self):\n        nonlocal x\n",
]
for src in sources:
    try:
        compile(src, "<nl>", "exec")
        print("compiled OK")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "line", e.lineno)
