# json: dumps/loads round trips, the options, hooks, and CPython's errors.
import json

data = {"name": "minipy", "version": [3, 11], "ok": True, "none": None, "pi": 3.14159,
        "nested": {"list": [1, 2.5, "x", [], {}], "empty": ""}, "unicode": "caf\u00e9 \u4e2d \U0001f600"}
text = json.dumps(data)
print(text)
print(json.loads(text) == data)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, separators=(",", ":"), ensure_ascii=False))
print(json.dumps([1, {"a": [2, 3]}], indent="\t"))
print(json.dumps({3: "int", 1.5: "float", True: "bool", None: "null"}))
print(json.dumps([float("inf"), float("-inf"), float("nan"), 1e300, -0.0, 10 ** 30]))
print(json.dumps({"s": {1, 3, 2}}, default=sorted))
print(json.dumps({(1, 2): "skipped", "kept": 1}, skipkeys=True))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)


print(json.dumps([Point(1, 2), Point(3, 4)], cls=PointEncoder))
print(list(json.JSONEncoder(indent=1).iterencode({"k": [1, "two"]})))

print(json.loads('{"a": 1.5, "b": [2, 3]}', parse_float=lambda t: "F" + t, parse_int=lambda t: int(t) * 10))
print(json.loads('[NaN, Infinity, -Infinity]', parse_constant=lambda c: "<" + c + ">"))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads(b'{"bytes": "\\u00e9"}'), json.loads(bytearray(b"[1, 2]")))
print(json.loads('"tab\there"', strict=False))
print(json.JSONDecoder().raw_decode('[1, 2] trailing'))

for doc in ['', '[1, 2', '{"a" 1}', '{"a": 1,}', '[1,]', '"\\x"', '"\\u12"', '01', 'nul', '"abc',
            '"a\nb"', '{\n  "a": 1\n  "b": 2\n}', '\ufeff{}', '[1] [2]']:
    try:
        json.loads(doc)
    except json.JSONDecodeError as e:
        print(repr(doc), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)

for bad in [lambda: json.dumps(object()), lambda: json.dumps({(1,): 2}), lambda: json.dumps(float("nan"), allow_nan=False),
            lambda: json.dumps(float("nan"), allow_nan=False, indent=2), lambda: json.loads(42),
            lambda: json.dumps({1: 1, "a": 2}, sort_keys=True)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

cycle = []
cycle.append(cycle)
try:
    json.dumps(cycle)
except ValueError as e:
    print(e)
