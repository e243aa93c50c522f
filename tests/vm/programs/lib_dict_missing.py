# dict subclasses: __missing__, overridden __getitem__ vs get(), and a defaultdict-like counter.
class Default(dict):
    def __init__(self, factory, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.factory = factory

    def __missing__(self, key):
        value = self[key] = self.factory()
        return value


groups = Default(list)
for word in "apple avocado banana blueberry cherry".split():
    groups[word[0]].append(word)
print(groups, type(groups).__name__, groups.get("z"), "z" in groups, len(groups))


class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
for ch in "mississippi":
    c[ch] += 1
print(c, c["q"], "q" in c, sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))


class Upper(dict):
    def __getitem__(self, key):
        return super().__getitem__(key.upper())


u = Upper(A=1)
print(u["a"], u.get("a"), u.get("A"), "a" in u, dict(u), list(u.items()))


class Loud(dict):
    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)


loud = Loud()
loud["x"] = 1
loud.update(y=2)
loud.setdefault("z", 3)
print(loud, Loud(a=1))


class Broken(dict):
    def __missing__(self, key):
        raise KeyError(f"no {key!r} here")


b = Broken()
try:
    b["k"]
except KeyError as e:
    print(type(e).__name__, e)
print(b.get("k", "get ignores __missing__"), b.pop("k", "pop too"))
print(isinstance(groups, dict), Default.__mro__[1].__name__, {**c} == dict(c), c | {"m": 9})
Broken()["other"]
