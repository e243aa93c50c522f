# exec / eval / compile with explicit globals and locals dictionaries.
g = {"x": 10}
print(eval("x * 2", g), eval("x + y", g, {"y": 5}))
print("__builtins__" in g)
exec("z = x + 1\ndef f(): return z * 2", g)
print(g["z"], g["f"]())
loc = {}
exec("a = 1\nb = a + 1", {}, loc)
print(sorted(loc.items()))
code = compile("1 + 2", "<expr>", "eval")
print(type(code).__name__, code.co_filename, eval(code))
code = compile("for i in range(3): out.append(i)", "<loop>", "exec")
out = []
exec(code)
print(out)
single = compile("40 + 2", "<single>", "single")
exec(single)
print(eval("len('abc')", {"__builtins__": {"len": len}}))
try:
    eval("abs(-1)", {"__builtins__": {}})
except NameError as e:
    print(type(e).__name__, e)
print(eval("[i * i for i in range(4)]", {}))
print(eval(" 7 "), eval("\t8"))
print(exec("1 + 1"))
try:
    eval("x = 1")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    compile("x +", "<bad>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno)
try:
    compile("1", "<m>", "nomode")
except ValueError as e:
    print(type(e).__name__, e)
try:
    eval(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    exec("x", [])
except TypeError as e:
    print(type(e).__name__, e)
try:
    eval("1", {}, 5)
except TypeError as e:
    print(type(e).__name__, e)
ns = {}
exec("class C:\n    v = 3\n    def m(self): return self.v", ns)
print(ns["C"]().m(), ns["C"].__module__)
print(eval("lambda q: q + x", {"x": 100})(1))


class Mapping(dict):
    def __missing__(self, key):
        return key.upper()


print(eval("hello", {}, Mapping()))
exec("raise ValueError('from exec')")
