# __slots__: member descriptors, no __dict__ unless listed, name mangling, the
# errors for bad slots, class-variable and layout conflicts.
class S:
    __slots__ = ('y', 'x', '__priv')
    def __init__(self): self.x = 1
s = S()
print(s.x)
try: s.y
except AttributeError as e: print(e)
try: del s.y
except AttributeError as e: print(e)
try: s.z = 3
except AttributeError as e: print(e)
try: s.z
except AttributeError as e: print(e)
print(hasattr(s, '__dict__'), hasattr(s, '__weakref__'))
print(type(S.x).__name__, S.x, S._S__priv)
print(list(S.__dict__))
print(S.__slots__)
class T(S):
    pass
t = T(); t.z = 5; print(t.__dict__, t.x)
class U(S):
    __slots__ = '__dict__'
u = U(); u.q = 1; print(u.__dict__)
print(sorted(k for k in dir(s) if not k.startswith('__')))
for bad in [(1,), ('a b',), ('__dict__', '__dict__')]:
    try:
        class X: __slots__ = bad
    except Exception as e: print(type(e).__name__, e)
try:
    class Y:
        __slots__ = ('a',)
        a = 1
except ValueError as e: print(e)
class A: __slots__ = ('a',)
class B: __slots__ = ('b',)
try:
    class C(A, B): pass
except TypeError as e: print(e)
class E1: __slots__ = ()
class C2(A, E1): __slots__ = ()
print(C2.__mro__)
try: C2().zz = 1
except AttributeError as e: print(e)
try:
    class W(int): __slots__ = ('a',)
except TypeError as e: print(e)
class W2(int): __slots__ = ()
print(W2(4) + 1)
try: W2(3).a = 1
except AttributeError as e: print(e)
class V: __slots__ = {'p': 'doc of p', 'q': None}
print(V.p.__doc__, V.__slots__)
v = V(); v.p = 1; print(v.p)
del v.p
try: print(v.p)
except AttributeError as e: print(e)
print(S.x.__name__, S.x.__objclass__, repr(S.x))
try: S.x.__get__(1)
except TypeError as e: print(e)
try: S.x.__set__(1, 2)
except TypeError as e: print(e)
# Slot values are released with the instance and survive in subclasses.
class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
head = None
for i in range(5):
    head = Node(i, head)
out = []
while head:
    out.append(head.value)
    head = head.next
print(out)
class Child(Node):
    __slots__ = ("extra",)
c = Child(1)
c.extra = "e"
print(c.value, c.extra, hasattr(c, "__dict__"), Child.__slots__)
print(sorted(Child.__dict__.keys() - {"__doc__"}))
class WithWeak:
    __slots__ = ("__weakref__",)
print(WithWeak().__weakref__, hasattr(WithWeak(), "__dict__"))
try:
    class TwoWeak(WithWeak):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print(e)
