# min/max over custom objects: __lt__/__gt__ only, reflected comparisons, key functions returning tuples.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
        self.text = text

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return f"V{self.text}"


versions = [Version(v) for v in ["1.2.10", "1.10.0", "1.2.9", "0.9", "1.10"]]
print(max(versions), min(versions), sorted(versions))


class OnlyGt:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        return self.v > other.v

    def __repr__(self):
        return f"G{self.v}"


items = [OnlyGt(3), OnlyGt(7), OnlyGt(1)]
print(max(items), min(items), sorted(items))
people = [("ann", 31, "nyc"), ("bob", 25, "sf"), ("cy", 31, "la"), ("dee", 25, "nyc")]
print(max(people, key=lambda p: (p[1], p[0])), min(people, key=lambda p: (p[1], p[2])))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: p[1]))
print(max("apple", "Banana", "cherry", key=str.lower), min(["b", "A", "c"]), max([[1, 2], [1, 10], [0, 99]]))
print(max(range(10), key=lambda n: n % 4), min(range(10), key=lambda n: (n % 3, -n)))


class NoCmp:
    pass


for args in ([NoCmp(), NoCmp()], [Version("1"), 5]):
    try:
        print(max(args))
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    max(people, key=lambda p: None)
except TypeError as e:
    print(type(e).__name__, e)
print(max([NoCmp()]).__class__.__name__, max([], key=len, default="empty"))
min(Version("1.0"), "2.0")
