# list slice assignment and deletion: growing, shrinking, extended slices, self-assignment.
a = list(range(10))
a[2:5] = ["x"]
print(a)
a[1:1] = [100, 200]
print(a)
a[-2:] = []
print(a)
a[::2] = "ABCD"[: len(a[::2])]
print(a)
a[:] = a
print(a)
b = [0, 1, 2, 3]
b[1:3] = b
print(b)
c = list(range(8))
del c[::2]
print(c)
del c[-1:]
print(c)
del c[10:20]
print(c)
d = list(range(10))
del d[1:8:3]
print(d)
d[::-1] = range(len(d))
print(d)
e = [1, 2, 3]
e[5:10] = [9]
print(e)
e[-10:1] = ["front"]
print(e)
f = [1, 2, 3]
f[1:2] = (x * 10 for x in range(3))
print(f)
attempts = [
    lambda: g.__setitem__(slice(None, None, 2), [1]),
    lambda: g.__setitem__(slice(0, 2), 5),
    lambda: g.__setitem__(10, 1),
    lambda: g.__delitem__(10),
    lambda: g.__getitem__("1"),
    lambda: g.__setitem__(slice(None, None, 0), []),
]
g = [1, 2, 3, 4]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
h = [1, 2, 3]
h[1:] = []
h += [4, 5]
h *= 2
print(h, h[::-1], h[-100:100], h[3:1], h[1:-1:2])
m = [[0]] * 3
m[0].append(1)
print(m, m[0] is m[2])
n = [[0] for _ in range(3)]
n[0].append(1)
print(n)
z = [1, 2]
z *= 0
print(z, [1] * -3, [] * 100, [None] * 3)
g[1:3:1] = "xy"
print(g)
g[::2] = [1, 2, 3]
