# list.index/count/remove/in use == (with identity shortcut): custom __eq__, nan, mixed numeric types.
class Loose:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return getattr(other, "v", other) == self.v

    def __repr__(self):
        return f"L{self.v}"


items = [1, 2.0, Loose(3), "4", Loose(1)]
print(items.index(2), items.index(3), items.count(1), Loose(2) in items, 3 in items, items.index(Loose(1)))
items.remove(Loose(2))
print(items)
nan = float("nan")
data = [nan, 1, nan]
print(data.count(nan), data.index(nan), nan in data, float("nan") in data, data.count(float("nan")))
mixed = [1, 1.0, True, 1 + 0j, "1"]
print(mixed.count(1), mixed.index(True), mixed.index(1 + 0j), mixed.count("1"))
seq = [3, 1, 3, 2, 3]
print(seq.index(3, 1), seq.index(3, -2), seq.index(3, 0, 1), seq.count(3))
for args in ((3, 5), (2, 0, 3), (9,), (3, -1, -2)):
    try:
        print(seq.index(*args))
    except ValueError as e:
        print(type(e).__name__, e)


class Raises:
    def __eq__(self, other):
        raise RuntimeError("eq exploded")


try:
    [1, 2].index(Raises())
except RuntimeError as e:
    print(type(e).__name__, e)
r = Raises()
print([r].index(r), [r].count(r), r in [r])
[1, 2, 3].remove(Raises())
