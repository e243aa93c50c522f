# yield as an expression: in assignments, arguments, parenthesized in
# operators, bare yield producing None, yield in lambda-like positions.
def forms():
    a = yield 1
    print("  a =", a)
    b = (yield 2) + 10
    print("  b =", b)
    print("  arg:", (yield 3))
    c = yield
    print("  c =", c)
    lst = [(yield 4), (yield 5)]
    print("  lst =", lst)
    return "done"

g = forms()
print(next(g))
print(g.send("A"))
print(g.send(5))
print(g.send("printed"))
print(g.send("C"))
print(g.send("first"))
try:
    g.send("second")
except StopIteration as e:
    print("return value:", e.value)

def yield_in_condition():
    while (received := (yield "ready")) != "stop":
        print("  processing", received)

y = yield_in_condition()
print(next(y), y.send("job1"), y.send("job2"))
try:
    y.send("stop")
except StopIteration:
    print("stopped")

def yield_tuple():
    x = yield 1, 2
    yield x

t = yield_tuple()
print(next(t), t.send(("sent", "tuple")))
for src in ["def f():\n    x = yield = 1\n", "yield 1\n", "class C:\n    yield 1\n", "def f():\n    lambda: (yield)\n"]:
    try:
        compile(src, "<y>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
