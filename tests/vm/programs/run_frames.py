# Frame objects: sys._getframe, f_back chains, f_code, f_lineno, f_lasti,
# f_globals, f_locals (a snapshot for function frames, refreshed on each
# access), a frame object that outlives its call, and traceback objects'
# tb_frame / tb_lineno / tb_next agreeing with them.
import sys

def where(depth=0):
    f = sys._getframe(depth + 1)
    return f.f_code.co_name, f.f_lineno

def outer():
    x = 1
    return inner(x + 1)

def inner(y):
    f = sys._getframe()
    names = []
    g = f
    while g is not None:
        names.append(g.f_code.co_name)
        g = g.f_back
    print(names)
    print(f.f_locals == {"y": y, "f": f, "names": names}, sorted(f.f_back.f_locals))
    print(f.f_back.f_lineno, f.f_globals is globals(), type(f.f_lasti).__name__)
    return f

print(where())
kept = outer()
# The frame outlived its call: final position, and its caller. (Not its
# locals: minipy drops an exited frame's locals until it has a cycle
# collector, see docs/chapters/eval-loop.md.)
print(kept.f_code.co_name, kept.f_lineno, kept.f_back.f_code.co_name)
print(kept.f_back.f_back.f_code.co_name, kept.f_back.f_back.f_back)

def snapshot():
    f = sys._getframe()
    a = 1
    first = dict(f.f_locals)
    a = 2
    b = 3
    return first, f.f_locals, f.f_locals is f.f_locals

first, second, same = snapshot()
print(sorted(first), first["a"], sorted(second), second["a"], second["b"], same)

top = sys._getframe()
print(top.f_locals is globals(), top.f_back, top.f_code.co_name, top.f_lineno)
print(sys._getframe(0) is top, sys._getframe(-5) is top)
try:
    sys._getframe(50)
except ValueError as e:
    print("ValueError:", e)
try:
    sys._getframe("0")
except TypeError as e:
    print("TypeError:", e)

def fails(n):
    if n == 0:
        raise KeyError(n)
    return fails(n - 1)

try:
    fails(2)
except KeyError as e:
    tb = e.__traceback__
    print(tb.tb_frame is sys._getframe(), tb.tb_lineno)
    entries = []
    while tb is not None:
        entries.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno))
        tb = tb.tb_next
    print(entries)
    inner_tb = e.__traceback__.tb_next
    print(inner_tb.tb_frame.f_back is sys._getframe(), inner_tb.tb_next.tb_frame.f_back is inner_tb.tb_frame)

class Body:
    frame = sys._getframe()
    name = frame.f_code.co_name
    print(name, sorted(k for k in frame.f_locals if not k.startswith("__")), frame.f_back is top)

def gen():
    yield sys._getframe().f_back.f_code.co_name
    yield sys._getframe().f_code.co_name

print(list(gen()))
print(where(), where(-1)[0])
