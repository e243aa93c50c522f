# Assignment forms: chained, tuple/list targets, starred and nested unpacking.
a = b = c = [1, 2]
print(a is b, b is c)
x, y = 1, 2
x, y = y, x
print(x, y)
[p, q], r = (3, 4), 5
print(p, q, r)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [9]
print(head, rest)
(a1, (b1, *c1)), d1 = (1, (2, 3, 4)), 5
print(a1, b1, c1, d1)
for i, (k, v) in enumerate({"one": 1, "two": 2}.items()):
    print(i, k, v)
d = {}
d["k"], d["j"] = "K", "J"
print(sorted(d.items()))

class Box:
    pass

box = Box()
box.left, box.right = divmod(17, 5)
print(box.left, box.right)
lst = [0] * 4
lst[0], lst[-1] = lst[-1] + 1, lst[0] + 2
print(lst)
i = 0
items = [10, 20, 30]
i, items[i] = 1, 99       # targets assigned left to right
print(i, items)

def try_unpack(value, label):
    try:
        a, b, c = value
        print(label, "ok", a, b, c)
    except ValueError as e:
        print(label, "ValueError:", e)
    except TypeError as e:
        print(label, "TypeError:", e)

try_unpack([1, 2], "short")
try_unpack([1, 2, 3, 4], "long")
try_unpack(iter(range(10)), "long-iter")
try_unpack(5, "int")
try_unpack("xyz", "str")
try:
    a, *b, c = [1]
except ValueError as e:
    print("starred:", e)

def gen():
    yield 1
    yield 2

m, n = gen()
print(m, n)
*everything, = gen()
print(everything)
