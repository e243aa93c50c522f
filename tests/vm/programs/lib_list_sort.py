# list.sort: stability with key and reverse, in-place semantics, mutation during sort, errors.
people = [("ann", 30), ("bob", 25), ("cat", 30), ("dan", 25), ("eve", 35), ("fay", 30)]
by_age = sorted(people, key=lambda p: p[1])
print(by_age)
rev = sorted(people, key=lambda p: p[1], reverse=True)
print(rev)
lst = people[:]
lst.sort(key=lambda p: p[0], reverse=True)
lst.sort(key=lambda p: p[1])
print(lst)
nums = [5, -3, 2, -8, 0, 7]
print(nums.sort(), nums)
nums.sort(key=abs, reverse=True)
print(nums)
words = "The quick brown fox Jumps over the lazy dog".split()
words.sort(key=str.lower)
print(words)
words.sort(key=len)
print(words)
ties = [3, 1, 2, 1, 3]
print(sorted(ties, reverse=True), sorted(enumerate(ties), key=lambda t: t[1], reverse=True))
floats = [1.5, float("inf"), -0.0, 0.0, -float("inf"), 2]
floats.sort()
print(floats)
big = list(range(1000, 0, -1))
big.sort()
print(big[:5], big[-3:], big == list(range(1, 1001)))
mixed = [[3, "c"], [1, "a"], [3, "a"], [2, "z"]]
mixed.sort()
print(mixed)
data = [3, 1, 2]
def evil(v):
    data.append(v)
    return v
try:
    data.sort(key=evil)
except ValueError as e:
    print(type(e).__name__, e)
for call in (lambda: [1, "a"].sort(), lambda: [1, 2].sort(lambda a: a), lambda: [1].sort(key=1),
             lambda: [object(), object()].sort(), lambda: [1, None].sort(reverse=True)):
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)


class Rec:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return self.n < other.n

    def __repr__(self):
        return f"R{self.n}"


print(sorted([Rec(3), Rec(1), Rec(2)]), max([Rec(3), Rec(9)]) if False else "no __gt__ needed for sort")
[3, 2, 1].sort(key=lambda v: {}[v])
