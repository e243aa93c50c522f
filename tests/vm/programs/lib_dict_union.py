# dict union (| and |=), dict comprehension, nested dicts and key rules (hash/eq).
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
c = a.copy()
c |= b
print(c)
c |= [("w", 0)]
print(c)
c |= {}
print(c)
for bad in (lambda: a | [("k", 1)], lambda: a | 5, lambda: [("k", 1)] | a):
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
try:
    c |= 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    c |= [1]
except TypeError as e:
    print(type(e).__name__, e)
squares = {n: n * n for n in range(6) if n % 2}
print(squares, {k: v for k, v in zip("abc", range(3))}, {c: 0 for c in "aab"})
nested = {"outer": {"inner": {"deep": 1}}}
nested["outer"]["inner"]["deep"] += 1
print(nested, nested.get("outer", {}).get("missing", {}).get("x", "none"))
keys = {1: "int", 1.0: "float", True: "bool", (1, 2): "tuple", None: "none", "1": "str", frozenset([1]): "fs"}
print(keys, len(keys))


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n % 3

    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n

    def __repr__(self):
        return f"Key({self.n})"


kd = {Key(i): i for i in range(7)}
print(kd[Key(4)], Key(9) in kd, len(kd), list(kd)[:3])
print(a.__or__(5), a.__ror__(b), type(a | b).__name__)
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
d = {"k": 1}
d |= {"k": 2}, 
