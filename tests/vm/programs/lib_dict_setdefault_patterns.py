# Common dict idioms: grouping with setdefault, counting with get, nested defaults, inverting, merging.
words = "the quick brown fox jumps over the lazy dog then the fox sleeps".split()
by_len = {}
for w in words:
    by_len.setdefault(len(w), []).append(w)
print(by_len)
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts.items(), key=lambda kv: kv[1]))
first_letter = {}
for w in words:
    first_letter.setdefault(w[0], set()).add(w)
print({k: sorted(v) for k, v in sorted(first_letter.items())})
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)
inverted = {}
for k, v in counts.items():
    inverted.setdefault(v, []).append(k)
print(inverted)
defaults = {"color": "red", "size": 10, "tags": []}
user = {"size": 12, "extra": True}
merged = {**defaults, **user}
print(merged, defaults | user == merged, {k: user.get(k, v) for k, v in defaults.items()})
config = {"a": {"x": 1}, "b": 2}
print(config.get("a", {}).get("x"), config.get("c", {}).get("x", "missing"), config.setdefault("b", 99))
try:
    config.setdefault()
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.setdefault({}, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(dict.setdefault(config, "z", "via type"), config["z"])
print(sorted(counts, key=counts.get, reverse=True)[:3])
counts["missing"] += 1
