# Lambdas: defaults, closures over loop variables, immediately called,
# sorting keys, recursion through a name, introspection.
add = lambda a, b=10, *args, c=1, **kw: (a, b, args, c, kw)
print(add(1))
print(add(1, 2, 3, 4, c=5, d=6))
print((lambda: "called now")())
print((lambda *a: a)(1, 2), (lambda **k: sorted(k))(z=1, a=2))
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(100) for f in adders])
late = [lambda x: x + i for i in range(3)]
print([f(100) for f in late])
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words, key=lambda w: (w.lower(), w)))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print(add.__name__, add.__code__.co_argcount, add.__code__.co_kwonlyargcount)
print(add.__defaults__, add.__kwdefaults__)
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(list(map(lambda p: p[0] * p[1], zip([1, 2, 3], [4, 5, 6]))))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry("x")("y")("z"))
try:
    (lambda a, /, b: None)(a=1, b=2)
except TypeError as e:
    print("TypeError:", e)
try:
    (lambda: None)(1)
except TypeError as e:
    print("TypeError:", e)
boom = lambda: 1 / 0
boom()
