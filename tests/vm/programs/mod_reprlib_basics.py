# reprlib: Repr's limits per type, levels, abbreviations, recursive_repr.
import reprlib
from collections import deque

r = reprlib.Repr()
print(reprlib.repr(list(range(100))))
print(reprlib.repr(tuple(range(3))), reprlib.repr((1,)), reprlib.repr(()))
print(reprlib.repr(set(range(20))), reprlib.repr(set()), reprlib.repr(frozenset("abcdefghij")))
print(reprlib.repr(frozenset()))
print(reprlib.repr({i: str(i) for i in range(10)}), reprlib.repr({}))
print(reprlib.repr("x" * 100))
print(reprlib.repr("a\nb" * 20))
print(reprlib.repr(10 ** 60), reprlib.repr(12345))
print(reprlib.repr(deque(range(10))))
print(reprlib.repr([[[[[[[[1]]]]]]]]))
print(reprlib.repr({1: {2: {3: {4: {5: {6: {7: 8}}}}}}}))

class Long:
    def __repr__(self):
        return "<" + "L" * 50 + ">"
print(reprlib.repr(Long()))

class Broken:
    def __repr__(self):
        raise ValueError
print(reprlib.repr(Broken()).startswith("<Broken instance at 0x"))

r.maxlist = 2
r.maxlevel = 2
r.fillvalue = "+++"
print(r.repr([1, 2, 3, [4, [5, [6]]]]))
r.maxstring = 10
print(r.repr("abcdefghijklmnop"))
r.maxlong = 5
print(r.repr(123456789))

class MyRepr(reprlib.Repr):
    def repr_float(self, x, level):
        return "F(%g)" % x
print(MyRepr().repr([1.5, 2.25]))

class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
    @reprlib.recursive_repr()
    def __repr__(self):
        """node repr"""
        return "Node(%s, %r)" % (self.name, self.children)

a = Node("a")
b = Node("b")
a.children.append(b)
b.children.append(a)
print(repr(a))
print(Node.__repr__.__name__, Node.__repr__.__qualname__, Node.__repr__.__doc__)

class Other:
    @reprlib.recursive_repr("<loop>")
    def __repr__(self):
        return "Other(%r)" % (self.me,)
o = Other()
o.me = [o]
print(repr(o))
