# inspect: getargs/getargvalues/formatargvalues, getclasstree, indentsize,
# getmodulename, getcoroutinelocals, unwrap loops.
import inspect
import functools

def f(a, b=2, *rest, key=None, **extra):
    frame = inspect.currentframe()
    info = inspect.getargvalues(frame)
    print(info.args, info.varargs, info.keywords, sorted(info.locals))
    print(inspect.formatargvalues(info.args, info.varargs, info.keywords, info.locals))
f(1, 3, 4, 5, key="k", z=0)
print(inspect.getargs(f.__code__), inspect.getargs((lambda: 0).__code__))
try:
    inspect.getargs(f)
except TypeError as e:
    print("TypeError:", str(e).split(" at ")[0])

class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
def names(tree):
    out = []
    for item in tree:
        if isinstance(item, list):
            out.append(names(item))
        else:
            out.append((item[0].__name__, [b.__name__ for b in item[1]]))
    return out
print(names(inspect.getclasstree([D, C, B, A])))
print(names(inspect.getclasstree([D, C, B, A], unique=True)))
print(inspect.indentsize("    x"), inspect.indentsize("\tx"), inspect.indentsize("x"))
print(inspect.getmodulename("/a/b/mod.py"), inspect.getmodulename("pkg/mod.pyc"), inspect.getmodulename("README.txt"))

async def coro(x):
    y = x + 1
    return y
c = coro(5)
print(inspect.getcoroutinelocals(c))
c.close()
print(inspect.getcoroutinelocals(c))

def loop():
    pass
loop.__wrapped__ = loop
try:
    inspect.unwrap(loop)
except ValueError as e:
    print("ValueError:", str(e).split(" at ")[0])
@functools.lru_cache
def cached(x):
    return x
print(inspect.unwrap(cached).__name__, inspect.unwrap(cached, stop=lambda f: True) is cached)
