# Shadowing builtins: globals, locals and the builtins module; deleting a shadow restores the builtin.
import builtins
print(len("abc"), builtins.len is len, type(builtins).__name__)
len = lambda obj: "shadowed"
print(len("abc"), builtins.len("abc"))
del len
print(len("abc"))


def local_shadow():
    list = tuple
    return list([1, 2])


print(local_shadow(), list([1, 2]))
builtins.custom_builtin = "visible everywhere"
print(custom_builtin)
del builtins.custom_builtin
try:
    custom_builtin
except NameError as e:
    print(type(e).__name__, e)
original_print = builtins.print
captured = []
builtins.print = lambda *a, **k: captured.append(a)
print("captured, not shown")
builtins.print = original_print
print(captured)


def uses_max(values):
    return max(values)


g = {"max": min, "__builtins__": builtins}
exec("result = max([3, 1, 2])", g)
print(g["result"], uses_max([3, 1, 2]))
ns = {"__builtins__": {"abs": lambda v: "fake abs"}}
exec("r = abs(-1)", ns)
print(ns["r"])
print(sorted(name for name in dir(builtins) if name in ("abs", "all", "any", "ascii", "bin", "zip")))
print("True" in dir(builtins), getattr(builtins, "True"), getattr(builtins, "None") is None, builtins.__name__)
str = "now a string"
print(str, type(str).__name__)
del str
print(str(5))
undefined_function()
