# Unpacking targets in for loops and comprehensions: tuples, nested,
# starred, attribute and subscript targets, and mismatches.
pairs = [(1, "a"), (2, "b")]
for number, letter in pairs:
    print(number, letter)
for i, (n, l) in enumerate(pairs):
    print(i, n, l)
for first, *others in ["abc", [1], (7, 8)]:
    print(first, others)

class Holder:
    pass

h = Holder()
for h.value in range(3):
    pass
print(h.value)
store = {}
for store["last"] in "xyz":
    pass
print(store)
lst = [0, 0]
for lst[0], lst[1] in [(1, 2), (3, 4)]:
    print(lst)
print({k: v for k, v in [("a", 1), ("b", 2)]}, [a * b for a, b in zip(range(3), range(3))])
try:
    for a, b in [(1, 2), (3,)]:
        print("ok", a, b)
except ValueError as e:
    print("ValueError:", e)
try:
    for a, b in [1]:
        pass
except TypeError as e:
    print("TypeError:", e)
matrix = [[1, 2], [3, 4]]
for (a, b), (c, d) in [matrix]:
    print(a + b + c + d)
for [x] in [[1], [2]]:
    print("list target", x)
