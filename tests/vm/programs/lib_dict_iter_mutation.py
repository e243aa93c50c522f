# Mutating dicts while iterating: size changes raise, value updates are fine, safe patterns with list().
d = {i: i * i for i in range(5)}
for k in d:
    d[k] = -d[k]
print(d)
for k in list(d):
    if k % 2:
        del d[k]
print(d)
for k, v in list(d.items()):
    d[str(k)] = v
print(d)
snapshot = dict(d)
try:
    for k in d:
        d.pop(k)
except RuntimeError as e:
    print(type(e).__name__, e, len(d))
d = dict(snapshot)
try:
    for v in d.values():
        d["extra"] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
d = dict(snapshot)
try:
    for item in d.items():
        d.popitem()
except RuntimeError as e:
    print(type(e).__name__, e)
d = {"a": 1}
it = iter(d)
d["b"] = 2
del d["b"]
try:
    print(next(it))
except RuntimeError as e:
    print(type(e).__name__, e)
d = {"a": 1, "b": 2}
it = iter(d)
print(next(it))
d.clear()
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
d = {1: 1}
it = iter(d.items())
d[1] = 100
print(list(it))
keys = {"x": 0, "y": 0}
for k in keys:
    keys.update({k: 1})
print(keys)
bad = {"k": 0}
for key in bad:
    bad.setdefault(key + "!", 1)
