# dict methods: get/setdefault/pop/popitem/update forms/fromkeys/copy/clear and errors.
d = {}
print(d.setdefault("a", []), d.setdefault("a", [1]), d)
d["a"].append(1)
d.setdefault("b")
print(d, d.get("a"), d.get("zz"), d.get("zz", "dflt"))
print(d.pop("b"), d.pop("missing", "fallback"), d)
d.update({"x": 1}, y=2)
d.update([("z", 3), ("w", 4)])
d.update(((k, v) for k, v in [("v", 5)]))
d.update(u=6)
print(d)
print(d.popitem(), d.popitem(), d)
e = dict.fromkeys("abc")
f = dict.fromkeys(["p", "q"], 0)
g = dict.fromkeys(range(3), [])
g[0].append("shared")
print(e, f, g)
c = d.copy()
c["a"].append("deep?")
c["new"] = 1
print(d, "new" in d)
c.clear()
print(c, len(c))
print(dict(a=1, b=2), dict([(1, 2)]), dict({"k": "v"}, k2="v2"), dict(zip("ab", "cd")), dict())
attempts = [
    lambda: {}.pop("k"),
    lambda: {}.popitem(),
    lambda: {}["missing"],
    lambda: dict([(1, 2, 3)]),
    lambda: dict([1, 2]),
    lambda: {}.update(5),
    lambda: {}.update([("a",)]),
    lambda: {[]: 1},
    lambda: {}.setdefault([], 1),
    lambda: dict.fromkeys(5),
    lambda: {}.get(),
    lambda: {}.pop(),
    lambda: {1: 2}.update({3: 4}, {5: 6}),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)


class Keyed:
    def keys(self):
        return ["m", "n"]

    def __getitem__(self, key):
        return key * 2


print(dict(Keyed()), {**Keyed()})
h = {}
h.update(Keyed())
print(h)
order = {}
for key in ["z", "a", "m"]:
    order[key] = len(order)
order["a"] = 99
del order["z"]
order["z"] = 100
print(order, list(order))
print({1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"}, {1: 1} == {1: 1.0}, {} != {0: 0})
{"present": 1}.pop("absent")
