# getattr defaults and hasattr over __getattr__ hooks, properties and exceptions other than AttributeError.
class Lazy:
    def __init__(self):
        self.loaded = {}

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        value = self.loaded[name] = name.upper()
        return value


lz = Lazy()
print(lz.alpha, getattr(lz, "beta"), hasattr(lz, "gamma"), sorted(lz.loaded))
print(hasattr(lz, "_private"), getattr(lz, "_private", "default"), getattr(lz, "loaded") is lz.loaded)


class Strict:
    def __getattr__(self, name):
        raise KeyError(name)


s = Strict()
try:
    hasattr(s, "anything")
except KeyError as e:
    print("hasattr propagates", type(e).__name__, e)
try:
    getattr(s, "anything", "default")
except KeyError as e:
    print("getattr default does not catch", type(e).__name__, e)


class Props:
    @property
    def ok(self):
        return "fine"

    @property
    def missing(self):
        return self.nope


p = Props()
print(p.ok, hasattr(p, "missing"), getattr(p, "missing", "fallback"))
try:
    p.missing
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(None, "real", "none has no real"), getattr(1, "real", None), getattr(str, "join") is str.join)
print(hasattr(type, "__mro__"), hasattr(object(), "__dict__"), getattr([], "append").__name__)
getattr(s, "boom")
