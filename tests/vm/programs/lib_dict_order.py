# dict ordering: insertion order through updates, deletes, re-insertion, popitem LIFO and comparisons.
d = {}
for key in "delta alpha charlie bravo".split():
    d[key] = len(key)
print(list(d), list(d.values()))
d["alpha"] = 0
print(list(d))
del d["delta"]
d["delta"] = 1
print(list(d))
print(d.popitem(), d.popitem(), list(d))
d.update({"zulu": 1, "alpha": 2, "yankee": 3})
print(d)
e = dict(sorted(d.items()))
print(e, e == d, list(e) == list(d))
print(dict.fromkeys("hello"), list(dict.fromkeys([3, 1, 3, 2, 1])))
f = {n: n for n in range(10)}
for n in range(0, 10, 2):
    del f[n]
f[0] = "back"
print(f, list(reversed(f)))
g = {"b": 1, "a": 2}
g.setdefault("c", 3)
g.setdefault("a", 99)
g.pop("b")
g["b"] = 4
print(g, {**g, "a": "over"}, {"a": "first", **g})
h = dict(z=1, y=2, x=3)
print(h, dict(zip(h.values(), h)), list(h.items())[::-1])
big = {}
for i in range(1000):
    big[i] = i
for i in range(0, 1000, 3):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:])
i = {1: "a", 2: "b"}
print(i == {2: "b", 1: "a"}, list(i) == list({2: "b", 1: "a"}))
print(next(reversed({"only": 1}.items())), {}.popitem())
