# Closures: MAKE_CELL, COPY_FREE_VARS, LOAD_DEREF/STORE_DEREF, nonlocal,
# late binding, parameters that are also cells.
def counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c = counter(10)
print(c(), c(5), c())

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)], [lambda x: x + i for i in range(3)]

early, late = make_adders()
print([f(10) for f in early], [f(10) for f in late])

def param_cell(x):
    def get():
        return x
    x = x * 2
    return get

print(param_cell(21)())

def deep():
    a = 1
    def level1():
        b = 2
        def level2():
            return a + b
        return level2
    return level1()()

print(deep())

def unbound():
    def show():
        return value
    try:
        show()
    except NameError as e:
        print("NameError:", e)
    value = 5
    return show()

print(unbound())
x = "global"
def reads_global():
    return x
def shadows():
    x = "local"
    return x
print(reads_global(), shadows(), x)
def writes_global():
    global x
    x = "changed"
writes_global()
print(x)
print(c.__closure__[0].cell_contents, counter.__closure__)
