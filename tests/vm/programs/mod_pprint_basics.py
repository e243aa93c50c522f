# pprint: pformat/pprint/pp layouts of nested containers at several widths,
# indent/depth/compact/sort_dicts/underscore_numbers, long strings and
# bytes, collections types, dataclasses, recursion, saferepr/isreadable.
import pprint
from collections import OrderedDict, defaultdict, Counter, ChainMap, deque, UserDict, UserList
from dataclasses import dataclass, field
from types import SimpleNamespace, MappingProxyType

data = {
    "name": "example", "numbers": list(range(30)), "nested": {"a": [1, 2, {"b": (3, 4, 5)}], "c": None},
    "tuple": tuple("abcdefghij"), "set": set(range(15)), "frozen": frozenset({3, 1, 2}),
    "float": 3.14159, "empty": [], "one": (1,), "bytes": b"\x00\x01binary" * 4,
}
print(pprint.pformat(data))
print(pprint.pformat(data, width=40, indent=2))
print(pprint.pformat(data, depth=2))
print(pprint.pformat(data, compact=True, width=50))
print(pprint.pformat(data, sort_dicts=False, width=60))
pprint.pprint(list(range(40)), width=30, compact=True)
pprint.pp({"z": 1, "a": 2, "m": list(range(25))})
print(pprint.pformat(12345678901234567890, underscore_numbers=True), pprint.pformat([10**12], underscore_numbers=True))

text = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
        "tempor incididunt ut labore et dolore magna aliqua.\nUt enim ad minim veniam, "
        "quis nostrud exercitation ullamco laboris.")
print(pprint.pformat(text, width=40))
print(pprint.pformat([text], width=50))
print(pprint.pformat({"key": text}, width=60))
print(pprint.pformat(bytes(range(40)), width=30))
print(pprint.pformat([bytearray(range(20))], width=30))

print(pprint.pformat(OrderedDict((str(i), i * i) for i in range(12)), width=40))
dd = defaultdict(list, {"x": list(range(12)), "y": [1]})
print(pprint.pformat(dd, width=40))
print(pprint.pformat(Counter("abracadabra" * 3), width=30))
print(pprint.pformat(ChainMap({"a": list(range(10))}, {"b": list(range(10))}), width=40))
print(pprint.pformat(deque(range(20), maxlen=25), width=30), pprint.pformat(deque(range(20)), width=30))
print(pprint.pformat(UserDict({"k": list(range(20))}), width=30), pprint.pformat(UserList(range(20)), width=30))
print(pprint.pformat(SimpleNamespace(alpha=list(range(15)), beta="b" * 30), width=40))
print(pprint.pformat(MappingProxyType({"m": list(range(20))}), width=40))
print(pprint.pformat([OrderedDict(), defaultdict(int), Counter(), deque(), set(), frozenset()]))

@dataclass
class Point:
    x: int
    y: int
    tags: list = field(default_factory=list)
    hidden: int = field(default=0, repr=False)

print(pprint.pformat(Point(1, 2, list(range(30))), width=40))
print(pprint.pformat([Point(1, 2)]))

rec = [1, 2]
rec.append(rec)
d = {"self": None}
d["self"] = d
print(pprint.saferepr(rec).replace(str(id(rec)), "ID"), pprint.isrecursive(rec), pprint.isreadable(rec))
print(pprint.saferepr(d).replace(str(id(d)), "ID"), pprint.isreadable({"a": 1}), pprint.isreadable(object()))
out = pprint.pformat([rec, d], width=20)
print(out.replace(str(id(rec)), "ID").replace(str(id(d)), "ID"))
print(pprint.saferepr({3: 1, "a": 2, (1,): 3}))
print(pprint.pformat({2: "b", 1: "a", "x": 0.5, None: 1}))
printer = pprint.PrettyPrinter(width=20, indent=4)
print(printer.pformat({"alpha": [1, 2, 3, 4, 5, 6], "beta": (7, 8)}))
print(printer.isreadable([1, 2]), printer.isrecursive(rec))
for kwargs in ({"indent": -1}, {"depth": 0}, {"width": 0}):
    try:
        pprint.PrettyPrinter(**kwargs)
    except ValueError as e:
        print("ValueError:", e)
class Custom(list):
    def __repr__(self):
        return "Custom!"
print(pprint.pformat(Custom(range(100)), width=10))
class Sub(list):
    pass
print(pprint.pformat(Sub(range(30)), width=30))
