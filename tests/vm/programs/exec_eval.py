# exec, eval and compile of source strings through minipy's compiler, in
# given or current namespaces; SyntaxError and exceptions from inside.
ns = {}
exec("x = 6 * 7\ndef sq(v):\n    return v * v\n", ns)
print(ns["x"], ns["sq"](9), eval("x + 1", ns), eval("  2 ** 10"))
code = compile("print('compiled', a)", "<test>", "exec")
a = 5
exec(code)
print(eval(compile("a * 3", "<e>", "eval")))
y = 1
exec("y = y + 100")
print(y)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
try:
    exec("raise KeyError('inner')")
except KeyError as e:
    print(repr(e))
exec("def boom():\n    return 1 / 0\n", ns)
ns["boom"]()
