# Mutating a list while iterating over it: no error, but the iterator sees the changes.
a = [1, 2, 3, 4, 5, 6]
for x in a:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 3]
seen = []
for x in b:
    seen.append(x)
    if len(b) < 6:
        b.append(x * 10)
print(seen, b)
c = [0, 1, 2, 3]
out = []
for i, x in enumerate(c):
    out.append((i, x))
    if i == 1:
        c.insert(0, "new")
print(out)
d = list(range(10))
for x in d[:]:
    if x > 4:
        d.remove(x)
print(d)
e = [1, 2, 3]
it = iter(e)
print(next(it))
e[:] = []
print(list(it))
f = [1, 2, 3]
it = iter(f)
list(it)
f.append(4)
print(list(it))
g = [3, 1, 2]
r = reversed(g)
g.sort()
print(list(r))
h = [1, 2, 3]
total = 0
for x in h:
    total += x
    if total < 10:
        h.append(1)
print(total, len(h))
lst = [1]
while lst:
    lst.pop()
print(lst)
