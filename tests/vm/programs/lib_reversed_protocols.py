# reversed() across protocols: sequences without __reversed__, __reversed__ returning non-iterators, dict views.
class Seq:
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


print(list(reversed(Seq(1, 2, 3))), list(reversed(Seq())), "".join(reversed("stressed")))
r = reversed(Seq("a", "b"))
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__(), list(r), r.__length_hint__())


class BadLen:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i == 1:
            raise IndexError
        return "zero"


print(list(reversed(BadLen())))


class RevList:
    def __reversed__(self):
        return [3, 2, 1]


print(reversed(RevList()))
d = {"a": 1, "b": 2, "c": 3}
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())), type(reversed(d)).__name__)
it = reversed(d)
d["d"] = 4
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
print(list(reversed(range(0, 10, 4))), list(reversed((1,))), list(reversed(bytearray(b"ab"))), list(reversed(b"xy")))
for bad in ({1, 2}, iter([1]), (x for x in "ab"), 1.5):
    try:
        reversed(bad)
    except TypeError as e:
        print(type(e).__name__, e)
reversed(Seq(1), Seq(2))
