# Closures and cells: shared cells, nonlocal rebinding, late binding,
# cells of arguments, and __closure__ introspection.
def counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = counter()
inc(); inc(5)
print(get(), [c.cell_contents for c in inc.__closure__])
inc2, get2 = counter()
print(inc2(), get())

def outer(x):
    def middle():
        def inner():
            return x * 2
        return inner
    return middle()

print(outer(21)(), outer.__code__.co_cellvars, outer(1).__code__.co_freevars)

def late():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    i = 100
    return [f() for f in fs]

print(late())

def unbound():
    def show():
        return value
    try:
        show()
    except NameError as e:
        print("NameError:", e)
    value = "now bound"
    print(show())

unbound()

def deleted():
    v = 1
    def read():
        return v
    del v
    try:
        read()
    except NameError as e:
        print("NameError:", e)

deleted()

def make_acc():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add

acc = make_acc()
print(acc(1), acc(2), acc(3))

def shadow():
    x = "outer"
    def inner():
        x = "inner"
        return x
    return inner(), x

print(shadow())

def nonlocal_chain():
    a = 0
    def level1():
        def level2():
            nonlocal a
            a += 10
        level2()
        return a
    return level1()

print(nonlocal_chain())
try:
    compile("def f():\n    nonlocal q\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("nonlocal q\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
