# exec/eval with explicit namespaces: globals and locals dictionaries,
# builtins injection, code objects from compile(), and errors.
ns = {}
exec("a = 1\nb = a + 1\ndef f():\n    return a + b\n", ns)
print(ns["a"], ns["b"], ns["f"](), "__builtins__" in ns)
g, l = {"x": 10}, {}
exec("y = x * 2\nx_local = x", g, l)
print(sorted(l.items()), "y" in g)
print(eval("x + y", {"x": 1}, {"y": 2}), eval("len('abc')"))
code = compile("result = [i * i for i in range(4)]", "<comp>", "exec")
ns2 = {}
exec(code, ns2)
print(ns2["result"], code.co_filename, type(code).__name__)
expr = compile("2 ** 10", "<expr>", "eval")
print(eval(expr))
single = compile("1 + 1", "<single>", "single")
exec(single)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.filename)
try:
    exec("undefined_name_here", {})
except NameError as e:
    print("NameError:", e)
try:
    eval("__import__", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
print(eval("abs(-3)", {"__builtins__": {"abs": lambda v: "custom abs"}}))

def in_function():
    z = 5
    return eval("z + 1"), eval("z", {}, {"z": 99})

print(in_function())
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec(42)
except TypeError as e:
    print("TypeError:", e)
exec("import sys as _s; val = _s.maxsize > 0", ns)
print(ns["val"])
exec("def gen():\n    yield from range(3)\n", ns)
print(list(ns["gen"]()))
exec("class K:\n    attr = 'class via exec'\n", ns)
print(ns["K"].attr, ns["K"].__module__)
