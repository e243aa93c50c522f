# WeakValueDictionary, WeakKeyDictionary, WeakSet and WeakMethod: entries
# vanish when their object dies, also while an iteration is running.
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name

    def method(self):
        return "method of " + self.name


objs = {n: Obj(n) for n in "abcde"}
wvd = weakref.WeakValueDictionary()
for n, o in objs.items():
    wvd[n] = o
print(len(wvd), sorted(wvd), wvd["a"], "a" in wvd, "z" in wvd, wvd.get("z", "default"))
del objs["a"], o
print(len(wvd), sorted(wvd.keys()), "a" in wvd, wvd.get("a"))
try:
    wvd["a"]
except KeyError as e:
    print("KeyError", e)
# Removal during iteration is deferred until the iteration ends.
it = iter(wvd.items())
first = next(it)
del objs["b"], objs["c"]
rest = list(it)
print(len(wvd), sorted(k for k, v in [first] + rest if v is not None) <= ["b", "c", "d", "e"])
print(sorted(wvd), len(wvd))
print(sorted(v.name for v in wvd.values()), len(wvd.valuerefs()), len(list(wvd.itervaluerefs())))
print(wvd.pop("d"), wvd.pop("zz", "dflt"), wvd.setdefault("e"), sorted(wvd))
k, v = wvd.popitem()
print(k, v, len(wvd))
x = Obj("x")
wvd.update({"x": x}, y=x)
print(sorted(wvd), wvd.copy()["x"], type(wvd.copy()).__name__)
print(wvd == {"x": x, "y": x}, wvd != {"x": x})
wvd2 = weakref.WeakValueDictionary([("k", x)])
print(sorted((wvd | wvd2).keys()), sorted(({"q": x} | wvd2).keys()))
wvd |= {"z": x}
print(sorted(wvd))
del x
print(len(wvd), list(wvd.items()), len(wvd2))
try:
    del wvd["missing"]
except KeyError as e:
    print("KeyError", e)
print(repr(wvd).startswith("<WeakValueDictionary at 0x"))
wvd.clear()
print(len(wvd))

# WeakKeyDictionary
keys = [Obj(str(i)) for i in range(5)]
wkd = weakref.WeakKeyDictionary()
for i, k in enumerate(keys):
    wkd[k] = i
print(len(wkd), wkd[keys[0]], keys[1] in wkd, 1 in wkd, wkd.get(keys[2]), sorted(wkd.values()))
del keys[0], k
print(len(wkd), sorted(v for v in wkd.values()))
it = iter(wkd.keys())
next(it)
del keys[0]
print(len(wkd), len(list(it)) in (2, 3), len(wkd))
print(sorted(key.name for key in wkd), sorted(wkd.items(), key=lambda kv: kv[1])[0][1])
print(wkd.pop(keys[0]), wkd.setdefault(keys[1], "x"), len(wkd))
del wkd[keys[2]]
print(len(wkd), len(wkd.keyrefs()), wkd.copy()[keys[1]])
wkd.update({keys[0]: "again"})
print(sorted(wkd.values(), key=str), wkd.popitem()[1] in (3, "again"))
try:
    wkd[Obj("temp")]
except KeyError:
    print("KeyError for a missing key")
print(repr(wkd).startswith("<WeakKeyDictionary at 0x"))

# WeakSet
items = [Obj(str(i)) for i in range(4)]
ws = weakref.WeakSet(items)
print(len(ws), items[0] in ws, Obj("n") in ws, 1 in ws)
del items[0]
print(len(ws), sorted(o.name for o in ws))
ws.add(items[0])
ws.discard(items[1])
print(len(ws))
ws.remove(items[0])
try:
    ws.remove(items[0])
except KeyError:
    print("KeyError from remove")
ws2 = weakref.WeakSet(items)
print(len(ws | ws2), len(ws & ws2), len(ws2 - ws), len(ws ^ ws2), ws <= ws2, ws < ws2, ws2 >= ws, ws == ws2)
print(ws.isdisjoint(weakref.WeakSet()), type(ws.copy()).__name__, ws.pop() in items)
del items
print(len(ws2), list(ws2))
try:
    weakref.WeakSet().pop()
except KeyError as e:
    print("KeyError", e)
try:
    hash(ws)
except TypeError as e:
    print("TypeError:", e)

# WeakMethod
o = Obj("wm")
wm = weakref.WeakMethod(o.method, lambda r: print("method ref died", type(r).__name__))
print(wm()(), wm() == o.method, wm == weakref.WeakMethod(o.method), hash(wm) == hash(weakref.WeakMethod(o.method)))
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
del o
print(wm(), wm == wm)
print(weakref.WeakValueDictionary[str, int], weakref.WeakSet[int], weakref.WeakKeyDictionary[int, str])
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
import collections.abc
print(isinstance(wvd, collections.abc.MutableMapping), isinstance(wkd, collections.abc.Mapping),
      isinstance(ws, collections.abc.MutableSet), [c.__name__ for c in weakref.WeakKeyDictionary.__mro__])
