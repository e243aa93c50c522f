# The global statement: rebinding module names from functions, creating new
# globals, interaction with nested functions and class bodies.
counter = 0

def bump():
    global counter
    counter += 1
    return counter

bump(); bump()
print(counter)

def create():
    global created_later
    created_later = "made inside create()"

try:
    print(created_later)
except NameError as e:
    print("NameError:", e)
create()
print(created_later)

def reader():
    return counter * 10

print(reader())

def local_shadow():
    counter = -1
    return counter

print(local_shadow(), counter)

def outer():
    x = "enclosing"
    def inner():
        global x
        x = "global via inner"
        return x
    return inner(), x

print(outer(), x)

class Config:
    global setting
    setting = "set from class body"
    name = "Config"

print(setting, Config.name)

def unbound_local():
    try:
        print(counter)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    counter = 5

unbound_local()

def uses_globals_dict():
    globals()["dynamic"] = 42
    return dynamic

print(uses_globals_dict())

def delete_global():
    global dynamic
    del dynamic

delete_global()
print("dynamic" in globals())
for src in ["def f(a):\n    global a\n", "def f():\n    x = 1\n    global x\n"]:
    try:
        compile(src, "<g>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
