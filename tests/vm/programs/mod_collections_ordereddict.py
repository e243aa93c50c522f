# collections.OrderedDict: order operations, order-sensitive equality,
# views, repr, copies, | and fromkeys.
from collections import OrderedDict

o = OrderedDict(b=2, a=1)
o["c"] = 3
print(o, list(o), o.keys(), o.values(), o.items())
o.move_to_end("b"); print(list(o))
o.move_to_end("b", last=False); print(list(o))
print(o.popitem(), o.popitem(last=False), o)
try:
    o.move_to_end("zz")
except KeyError as e:
    print("KeyError:", repr(e))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", repr(e))

x = OrderedDict([("a", 1), ("b", 2)])
y = OrderedDict([("b", 2), ("a", 1)])
print(x == y, x != y, x == dict(y), dict(y) == x, x == OrderedDict(x))
print(list(reversed(x)), list(reversed(x.keys())), list(reversed(x.values())), list(reversed(x.items())))
print(OrderedDict.fromkeys("abc", 0), OrderedDict(), x.copy(), type(x.copy()).__name__)
print(x | {"c": 3}, {"z": 0} | x, type({"z": 0} | x).__name__)
x |= [("d", 4)]; print(x)
print(x.setdefault("e", 5), x.pop("a"), x.get("zz", "dflt"), x)
x.update({"a": 0}, f=6); print(x)
print(x.__reduce__()[:3])
r = OrderedDict(); r["self"] = r; print(r)
print("a" in x.keys(), ("a", 0) in x.items(), 6 in x.values(), len(x.keys()))
print(x.keys() & {"a", "b", "q"} == {"a", "b"})
del x["b"]; print(x)
for k, v in OrderedDict((str(i), i) for i in range(5)).items():
    print(k, v, end="; ")
print()


class Last(OrderedDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        self.move_to_end(key)


l = Last(); l["a"] = 1; l["b"] = 2; l["a"] = 3; print(l)
print(isinstance(OrderedDict(), dict), OrderedDict[str, int])
for bad in [lambda: OrderedDict(1), lambda: OrderedDict([1]), lambda: OrderedDict([(1,)]), lambda: OrderedDict([(1, 2, 3)]),
            lambda: OrderedDict({}, {}), lambda: OrderedDict().update({}, {})]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(OrderedDict(["ab", [1, 2]]), type(OrderedDict().keys()).__name__, type(OrderedDict().items()).__name__)
