# id(): equality of ids tracks identity for live objects (no addresses are printed).
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), id(a) != id(c), type(id(a)).__name__, id(a) > 0)
objs = [object() for _ in range(50)]
print(len({id(o) for o in objs}) == 50)
print(id(None) == id(None), id(True) == id(1 == 1), id(...) == id(Ellipsis), id(NotImplemented) == id(NotImplemented))
t = (1, 2)
print(id(t) == id(t[:]), id(tuple(t)) == id(t), id("abc") == id("abc"), id(int) == id(type(5)))


class Node:
    pass


n = Node()
m = n
registry = {id(n): n}
print(registry[id(m)] is n, id(n) == id(Node()) and False)
x = [1, 2]
before = id(x)
x += [3]
print(id(x) == before)
y = (1, 2)
before = id(y)
y += (3,)
print(id(y) == before)
s = "ab"
before = id(s)
s += "c"
print(s, before == id(s) and False)
# Bound methods are new objects each time (whether a freed one's id is
# reused depends on the allocator, so only equality is compared).
print(id(len) == id(len), id(print) != id(len), x.append == x.append, x.append is not x.append)
id()
