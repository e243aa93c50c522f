# match mapping patterns: required keys, **rest, extra keys allowed, keys
# must be literals or values, nested patterns, custom mappings via get().
def route(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k), **rest} if not rest:
            return f"bare key {k}"
        case {"type": "key", "key": k, **rest}:
            return f"key {k} with {sorted(rest)}"
        case {"type": t}:
            return f"unknown event {t}"
        case {}:
            return "mapping without type"
        case _:
            return "not a mapping"

for ev in [{"type": "click", "pos": (3, 4)}, {"type": "key", "key": "q"},
           {"type": "key", "key": "w", "shift": True, "ctrl": False}, {"type": "scroll"},
           {"x": 1}, [("type", "click")], {"type": "click", "pos": "xy"}]:
    print(route(ev))

class Lookups(dict):
    def get(self, key, default=None):
        print("  get", repr(key))
        return super().get(key, default)

match Lookups(a=1, b=2):
    case {"a": 1, "z": _}:
        print("never")
    case {"b": value}:
        print("b is", value)
KEY = "dynamic"

class Keys:
    K = "dynamic"

match {"dynamic": 5}:
    case {Keys.K: v}:
        print("value key", v)
try:
    compile("match m:\n    case {'a': 1, 'a': 2}:\n        pass\n", "<m>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("match m:\n    case {**rest, 'a': 1}:\n        pass\n", "<m>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
