# collections.Counter: counting, most_common order, arithmetic, comparisons,
# elements, update/subtract, repr.
from collections import Counter

c = Counter("abracadabra")
print(c, c["a"], c["zz"], c.total(), len(c))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()), type(c.elements()).__name__)
c.update("aaz"); c.update({"b": 10}); c.update(q=1); print(c)
c.subtract("aaaa"); c.subtract({"b": 20}); print(c)
del c["zz"]; del c["q"]; print(c)
a = Counter(a=3, b=1, c=-2)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b, +a, -a)
a2 = a.copy(); a2 += b; print(a2)
a2 = a.copy(); a2 -= b; print(a2)
a2 = a.copy(); a2 |= b; print(a2)
a2 = a.copy(); a2 &= b; print(a2)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2),
      Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=3) >= Counter(a=2, b=0),
      Counter(a=3) > Counter(a=3), Counter(a=1) == {"a": 1})
print(Counter(), Counter({"x": 2, "y": 3}), Counter(["a", 1, "a"]), Counter(cats=4, dogs=8))
print(Counter({1: "x", 2: "y"}) if False else Counter({"z": 1.5, "w": 0.5}))
print(Counter({"a": 1, "b": None}) if False else "")
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(Counter("mississippi").most_common(3), sorted(Counter("hello world").items()))
print(Counter(a=1).__reduce__(), isinstance(Counter(), dict))


class Mine(Counter):
    pass


m = Mine("aab"); print(m, m.copy(), type(m + m).__name__)
words = "one two three two three three".split()
print(Counter(words).most_common(1)[0], dict(Counter(words)))
