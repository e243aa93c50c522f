# Dict and set displays: duplicate keys (last value wins, first key kept),
# equal keys of different types, unhashable keys, and insertion order.
d = {1: "int", 1.0: "float", True: "bool"}
print(d, type(list(d)[0]).__name__)
print({"a": 1, "b": 2, "a": 3})
s = {1, 1.0, True, 2}
print(s, {0, False, 0.0, -0.0})
print({(1, 2): "tuple key", frozenset({1}): "frozenset key"})
try:
    {[1]: "list key"}
except TypeError as e:
    print("TypeError:", e)
try:
    {{1}}
except TypeError as e:
    print("TypeError:", e)
keys = ["z", "y", "x"]
print({k: i for i, k in enumerate(keys)}, list(dict.fromkeys("mississippi")))
nested = {"outer": {"inner": [1, {"deep": True}]}}
print(nested["outer"]["inner"][1]["deep"])

class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v
    def __repr__(self):
        return f"Key({self.v})"

print({Key(1): "a", Key(1): "b", Key(2): "c"})
print(len({Key(i % 3) for i in range(10)}))
empty_set = set()
print(type({}).__name__, type(empty_set).__name__, {*()} == set())
