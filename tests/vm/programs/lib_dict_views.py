# dict views: keys/values/items, live updates, set operations, reversed, and view errors.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
d["d"] = 4
del d["a"]
print(list(k), list(v), list(it))
print(k & {"b", "x"}, sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}))
print(it & {("b", 2), ("c", 0)}, sorted(it | {("z", 0)}), k == {"b", "c", "d"}, k <= {"b", "c", "d", "e"})
print(k.isdisjoint(["x", "y"]), k.isdisjoint("bcd"), list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(type(k).__name__, type(v).__name__, type(it).__name__, k.mapping if hasattr(k, "mapping") else "")
print(v == v, v == d.values(), sorted(["x", "a"]) == sorted({"x": 0, "a": 0}.keys()))
print({1: "a"}.keys() == {1}, {1: "a"}.items() == {(1, "a")}, {}.keys() < {1: 2}.keys())
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
e = {"x": 1, "y": 2}
try:
    for key in e.keys():
        del e[key]
except RuntimeError as e2:
    print(type(e2).__name__, e2)
f = {"x": 1}
try:
    for val in f.values():
        f.clear()
        f["y"] = 2
except RuntimeError as e3:
    print(type(e3).__name__, e3)
g = {1: 1, 2: 2}
for key in g:
    g[key] = key * 10
print(g)
for bad in (lambda: k[0], lambda: v | {1}, lambda: it - 5, lambda: hash(k)):
    try:
        print(bad())
    except TypeError as e4:
        print(type(e4).__name__, e4)
items = iter(d.items())
print(next(items), type(items).__name__, list(items))
print(sorted(d.items(), key=lambda kv: -kv[1]))
print({**d, "b": 99}, dict(d.items()) == d, list(zip(d.keys(), d.values())) == list(d.items()))
h = {"k": 1}
for key in h:
    h["k2"] = 2
