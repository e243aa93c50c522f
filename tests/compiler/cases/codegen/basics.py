"""Module docstring."""
x = 1
y = x + n * m - x / p // q % r ** s @ t | u & v ^ w << a >> b
z = -x, +x, ~x, not x
a = b = c = [1, 2, 3]
a, b = b, a
a, *rest, b = range(10)
(a, b), c = (x, 2), 3
x += 1
x.attr -= 2
x[1] *= 3
x[1:2] = y
del x[0], x.attr
print(x, y, sep='', end='\n')
obj.method(1, 2, key=3)
obj.method(*args, **kwargs)
f(*args)
f(a, *args, b, **kw, c=1)
f(**kw)
s = x[1:2], x[::2], x[1:2, 3], x[...]
t = x < y <= z != a
u = x and y or z
v = x if y else z
d = {1: 2, 'a': b, **other}
e = {'a': 1, 'b': 2}
st = {1, 2, x}
fs = f"{x!r:>10} and {y} {z:{w}}"
lst = [*a, *b, 1]
tpl = (1, 2, 3)
big = [1, 2, 3, 4]
(w := 10)
print(x is None, x is not None, x in y, x not in y)
