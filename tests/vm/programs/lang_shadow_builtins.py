# Shadowing builtins: module globals and locals hide builtins, deleting
# the global restores them, and builtins are looked up at call time.
print(len("abc"))
len = lambda obj: "shadowed len"
print(len("abc"))
del len
print(len("abc"))

def local_shadow():
    list = "local list"
    return list

print(local_shadow(), list("ab"))

def uses_max(values):
    return max(values)

import builtins
original = builtins.max
builtins.max = lambda values: "patched builtin"
print(uses_max([1, 2]))
builtins.max = original
print(uses_max([1, 2]))
True_ = True
print(True_, type(print).__name__, type(len).__name__)
try:
    exec("True = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("None = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("__debug__ = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
id = "global id"

def reads_id():
    return id

print(reads_id())
del id
print(callable(reads_id()))

class Shadow:
    str = "class attr named str"
    def method(self):
        return str(5)

print(Shadow().method(), Shadow.str)
