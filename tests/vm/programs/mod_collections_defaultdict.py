# collections.defaultdict: __missing__, default_factory, repr, copies, |.
from collections import defaultdict

words = "the quick brown fox jumps over the lazy dog the end".split()
groups = defaultdict(list)
for w in words:
    groups[len(w)].append(w)
print(groups)
print(sorted(groups.items()))
counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(counts["the"], counts["missing"], "missing" in counts, len(counts))
print(counts.get("nothing"), "nothing" in counts)

d = defaultdict()
print(d, d.default_factory)
try:
    d["k"]
except KeyError as e:
    print("KeyError:", repr(e))
d.default_factory = lambda: "made"
print(d["k"], dict(d), d.default_factory())
try:
    defaultdict(3)
except TypeError as e:
    print("TypeError:", e)

e = defaultdict(set, {"a": {1}}, b={2})
print(e, e.copy(), type(e.copy()).__name__, e.__copy__() == e)
print(e | {"c": 3}, {"z": 0} | e, type(e | {}).__name__, type({} | e).__name__)
e |= {"d": 4}; print(e)
print(defaultdict(list).__reduce__()[:4], defaultdict(None).__reduce__()[:2])
print(defaultdict(list, a=1) == {"a": 1}, isinstance(defaultdict(), dict))

nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print(dict(nested["x"]), nested["x"].default_factory)


class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)


t = Tree(); t["a"]["b"]["c"] = 1
print(list(t), list(t["a"]), t["a"]["b"]["c"])
r = defaultdict(list); r["me"] = r; print(r)
print(defaultdict[str, int])
