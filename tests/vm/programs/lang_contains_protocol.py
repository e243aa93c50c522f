# The `in` operator: __contains__ first, then __iter__, then the legacy
# __getitem__ protocol; `not in`; results converted with bool().
class WithContains:
    def __contains__(self, item):
        print("  __contains__", item)
        return item == "yes" and "truthy string"

class IterOnly:
    def __iter__(self):
        print("  __iter__")
        return iter([1, 2, 3])

class GetItemOnly:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i * i

print("yes" in WithContains(), "no" in WithContains(), "no" not in WithContains())
print(2 in IterOnly(), 9 not in IterOnly())
print(16 in GetItemOnly(), 5 in GetItemOnly())
print("ab" in "cabd", "" in "x", 1 in {1: "k"}, "k" in {1: "k"}, (1, 2) in [(1, 2)])
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)

class BadContains:
    def __contains__(self, item):
        raise KeyError("from __contains__")

try:
    0 in BadContains()
except KeyError as e:
    print("KeyError:", e)
print(3 in range(0, 10, 3), 4 in range(0, 10, 3), 10 ** 20 in range(10 ** 21))
