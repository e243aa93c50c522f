# exec/eval scoping: functions' locals() snapshots, exec inside functions, separate globals and locals.
def f():
    x = 1
    exec("x = 2")
    print("after exec in function:", x)
    loc = locals()
    exec("y = 10", globals(), loc)
    print("y in loc:", loc["y"])
    return eval("x + 1")


print(f())
g = {}
l = {}
exec("a = 1\ndef fn():\n    return a", g, l)
print(sorted(l), "a" in g)
try:
    l["fn"]()
except NameError as e:
    print("fn sees globals, not locals:", type(e).__name__, e)
exec("def fn2(): return 'ok'\nc = [fn2() for _ in range(2)]", g)
print(g["c"])
code = compile("z = z * 2 if 'z' in dir() else 1", "<cond>", "exec")
ns = {}
exec(code, ns)
exec(code, ns)
print(ns["z"])
ns = {"counter": 0}
for _ in range(3):
    exec("counter += 1", ns)
print(ns["counter"])
print(eval("(lambda: inner)()", {"inner": "from globals"}))
try:
    eval("(lambda: inner)()", {}, {"inner": "only in locals"})
except NameError as e:
    print(type(e).__name__, e)


class Tracking(dict):
    def __getitem__(self, key):
        print("lookup", key)
        return super().__getitem__(key)


print(eval("val * 2", {}, Tracking(val=21)))
src = "def gen():\n    yield from range(3)\nout = list(gen())"
space = {}
exec(src, space)
print(space["out"], type(space["gen"]).__name__, space["gen"].__name__, space["gen"].__module__ if "__name__" in space else "no __name__")
exec("import sys as _s\nname = _s.__name__", space)
print(space["name"])
eval("1 +")
