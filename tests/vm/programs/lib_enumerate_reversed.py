# enumerate (start=, big starts) and reversed (sequences, __reversed__, errors).
print(list(enumerate("abc")))
print(list(enumerate("abc", 1)))
print(list(enumerate("ab", start=-5)))
print(list(enumerate(["x", "y"], 2**64)))
e = enumerate([10, 20])
print(type(e).__name__, iter(e) is e, next(e), next(e))
try:
    next(e)
except StopIteration as exc:
    print("StopIteration", exc.args)
try:
    enumerate([], start="0")
except TypeError as exc:
    print(type(exc).__name__, exc)
try:
    enumerate()
except TypeError as exc:
    print(type(exc).__name__, exc)

print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))))
print(list(reversed(range(5))), list(reversed(range(0, 10, 3))))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.items())))
r = reversed([1, 2, 3])
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__())


class Countdown:
    def __reversed__(self):
        return iter(["custom", "reversed"])


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        return "seq%d" % i


print(list(reversed(Countdown())), list(reversed(Seq())))
for bad in (iter([1]), {1, 2}, 5, None):
    try:
        reversed(bad)
    except TypeError as exc:
        print(type(exc).__name__, exc)
lst = [1, 2, 3]
r = reversed(lst)
lst.append(4)
print(list(r))
lst = [1, 2, 3]
r = reversed(lst)
next(r)
lst.clear()
print(list(r))


class NoneRev:
    __reversed__ = None


reversed(NoneRev())
