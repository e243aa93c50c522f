# zip: lengths, strict=True errors, laziness and unzip.
print(list(zip()))
print(list(zip([1, 2, 3])))
print(list(zip("ab", [1, 2, 3], (True, False))))
print(dict(zip("abc", range(3))))
pairs = [(1, "one"), (2, "two"), (3, "three")]
nums, names = zip(*pairs)
print(nums, names)
print(list(zip(range(3), range(3), strict=True)))

for a, b in [([1, 2, 3], [1, 2]), ([1], [1, 2]), ([], [0])]:
    try:
        print(list(zip(a, b, strict=True)))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    list(zip([1], [1], [1, 2], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1, 2], [1], [1], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    zip(1, [2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    zip([1], bogus=True)
except TypeError as e:
    print(type(e).__name__, e)

consumed = []
def gen(tag, n):
    for i in range(n):
        consumed.append((tag, i))
        yield i

z = zip(gen("a", 3), gen("b", 2))
print(next(z), consumed)
print(list(z), consumed)
it = iter([1, 2, 3, 4, 5, 6])
print(list(zip(it, it)))
z = zip([1, 2])
print(iter(z) is z, type(z).__name__)
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
list(zip("ab", "abc", strict=True))
