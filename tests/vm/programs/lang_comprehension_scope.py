# Comprehensions run in their own scope: loop variables do not leak, the
# first iterable is evaluated outside, class bodies are not visible inside.
x = "global x"
lst = [x for x in range(3)]
print(lst, x)
print({x: x * 2 for x in "ab"}, x)
print(sorted({x % 3 for x in range(10)}), x)
g = (x for x in range(2))
print(list(g), x)

class K:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]      # first iterable: class scope OK
    try:
        shifted = [v + len(values) for v in values]
    except NameError as e:
        error = str(e)

print(K.doubled, K.error)

def make():
    n = 10
    return [lambda: n + i for i in range(3)]

print([fn() for fn in make()])
print([[i * j for j in range(3)] for i in range(3)])
print([(i, j) for i in range(3) for j in range(i)])
print([c for word in ["ab", "cd"] for c in word if c != "c"])
it = iter(range(5))
print([v for v in it if v % 2], list(it))
order = []

def src(name, values):
    order.append(name)
    return values

gen = (a + b for a in src("outer", [1, 2]) for b in src("inner", [10]))
print(order)
print(list(gen), order)
try:
    [undefined_thing for _ in range(1)]
except NameError as e:
    print("NameError:", e)
print([y for y in range(3)])
try:
    print(y)
except NameError as e:
    print("NameError:", e)
