# frozenset: immutability, hashing, use as keys and elements, mixed operations with set.
fs = frozenset("abracadabra")
print(sorted(fs), len(fs), "a" in fs, "z" not in fs, type(fs).__name__)
print(sorted(fs | frozenset("xyz")), sorted(fs & set("abz")), sorted(fs - {"a"}), sorted(fs ^ {"a", "q"}))
print(type(fs | {"x"}).__name__, type({"x"} | fs).__name__, type(fs.union(["x"])).__name__, type(set() & fs).__name__)
print(fs.issubset("abcdr"), fs.issuperset("ab"), fs.isdisjoint("xyz"), fs == set(fs), fs < set("abcdrx"))
groups = {frozenset({1, 2}): "one-two", frozenset({3}): "three"}
print(groups[frozenset([2, 1])], frozenset({3}) in groups, {frozenset(): "empty"}[frozenset()])
nested = {frozenset({1}), frozenset({1}), frozenset({2, 1})}
print(len(nested), frozenset({1}) in nested, {1} in nested)
s = {1}
print(s in {frozenset({1})}, frozenset([frozenset([1])]))
for attempt in (lambda: fs.add("x"), lambda: fs.remove("a"), lambda: fs.clear(), lambda: fs.update("x"),
                lambda: fs.discard("a"), lambda: fs.pop()):
    try:
        print(attempt())
    except AttributeError as e:
        print(type(e).__name__, e)
f2 = fs
f2 |= {"new"}
print(f2 is fs, "new" in fs, "new" in f2, sorted(f2 - fs))
print(frozenset() == set(), hash(frozenset()) == hash(frozenset([])), frozenset(range(3)) == frozenset([0, 1, 2]))
print(repr(frozenset({5})), repr(frozenset()), str(frozenset([1, 2])), frozenset({1: "a", 2: "b"}) == {1, 2})
try:
    frozenset([[1]])
except TypeError as e:
    print(type(e).__name__, e)
try:
    frozenset(1)
except TypeError as e:
    print(type(e).__name__, e)
{frozenset([1]): 1}[{1}]
