# Lambdas close over names, not values; default arguments capture values;
# lambdas in class bodies cannot see class names; nested lambdas.
x = 1
f = lambda: x
x = 2
print(f())
g = lambda x=x: x
x = 3
print(g(), g(10))

class K:
    y = 5
    get_y = lambda self: self.y
    try:
        bad = (lambda: y)()
    except NameError as e:
        error = str(e)

print(K().get_y(), K.error)
adder = lambda a: lambda b: lambda c: a + b + c
print(adder(1)(2)(3))
counter = (lambda: (lambda c=[0]: (c.__setitem__(0, c[0] + 1), c[0])[1]))()
print(counter(), counter(), counter())
pairs = [(lambda i=i: i * i) for i in range(4)]
print([p() for p in pairs])
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(list(filter(lambda v: v % 3 == 0, range(10))))
print((lambda: (yield))().__class__.__name__)
