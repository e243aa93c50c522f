# Keyword-only parameters after *args or a bare *, with and without
# defaults, mixed with positional-only ones; introspection via __code__.
def api(path, /, method="GET", *, timeout=10, retries, **headers):
    return f"{method} {path} t={timeout} r={retries} h={sorted(headers)}"

print(api("/a", retries=1))
print(api("/b", "POST", retries=2, timeout=1, accept="json"))
print(api("/c", method="PUT", retries=0, path="header named path"))
for call in [lambda: api(retries=1), lambda: api("/d"), lambda: api("/e", "GET", 5, retries=1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def varargs_then_kwonly(*items, sep=", ", end=""):
    return sep.join(map(str, items)) + end

print(varargs_then_kwonly(1, 2, 3), varargs_then_kwonly(sep="|", end="!"))
co = api.__code__
print(co.co_posonlyargcount, co.co_argcount, co.co_kwonlyargcount, co.co_varnames[:5])
print(api.__kwdefaults__, api.__defaults__)

def only_star(*, a=1, b):
    return a, b

print(only_star(b=2), only_star(b=3, a=4))
try:
    compile("def f(*, **kw): pass", "<k>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("def f(a=1, b): pass", "<k>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("def f(a, a): pass", "<k>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
