# Dict keys of many types: numeric equality merging keys, tuples/frozensets, None/bool/Ellipsis, lookups by equal values.
d = {}
for key in (1, 1.0, True, 2, 2.5, "2", b"2", (2,), frozenset([2]), None, ..., 0, False, 0.0, -0.0, 1 + 0j, 3j):
    d[key] = repr(key)
print(d)
print(len(d), d[1], d[0], d[2.0], d[(2,)], d[frozenset({2})], d[None], d[...], d[3j])
print(1 in d, 1.0 in d, "1" in d, (1,) in d, 2 + 0j in d, 2.5 in d, b"2" in d, bytearray(b"2") in {b"2": 1} if False else "skip")
keys = list(d)
print([type(k).__name__ for k in keys])
nested = {(1, (2, 3)): "a", ((1, 2), 3): "b", (1, 2, 3): "c"}
print(nested[(1, (2, 3))], nested[((1, 2), 3)], nested[(1, 2, 3)], len(nested))
big = {2**64: "big", -(2**64): "neg", 2**64 + 0.0: "float"}
print(big, len(big))
strs = {"a": 1, "a" + "": 2, "".join(["a"]): 3}
print(strs)
for bad in ([], {}, set(), bytearray(), [1, 2]):
    try:
        d[bad] = 1
    except TypeError as e:
        print(type(e).__name__, e)
try:
    d[(1, [2])]
except TypeError as e:
    print(type(e).__name__, e)
print(d.get([1]) if False else "get with list raises too")
d.get([1])
