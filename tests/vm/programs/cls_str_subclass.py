# Subclasses of str: methods, attributes in the instance dict, __new__ with
# extra state, repr/str/format of instances, hashing like the str they hold.
class S(str):
    def shout(self): return self.upper() + "!"
s = S("héllo")
print(s, repr(s), s.shout(), type(s).__name__, len(s), s[1], s + "x", type(s + "x"), isinstance(s, str))
s.attr = 5
print(s.attr, s.__dict__, s == "héllo", hash(s) == hash("héllo"), {s: 1}["héllo"])
class T(S):
    __slots__ = ()
t = T("abc")
print(t, t.shout(), T.__mro__)
class Tag(str):
    def __new__(cls, v, tag):
        o = super().__new__(cls, v); o.tag = tag; return o
x = Tag("日本", "jp")
print(x, x.tag, f"{x}", "%s" % x, str(x), type(str(x)), x.encode())
print(",".join([S("a"), S("b")]), S("a b").split(), sorted([S("b"), S("a")]))
print(S(), repr(S()), S(12), type(S(12)))
class U(str):
    def __repr__(self): return "U<" + str(self) + ">"
print([U("q")], U("q"))
print(" ".join(["x", "y"]), str.__new__(S, "zz"), type(str.__new__(S, "zz")))
class A(str): pass
class B(str): pass
class C(A, B): pass
c = C("xyz"); c.k = 1
print(C.__mro__, c, c.k, type(c).__name__, c.upper())
class I1(int): pass
class I2(int): pass
try:
    class I3(I1, I2): pass
except TypeError as e: print(e)
class M: pass
class SM(M, str): pass
print(SM("q"), SM.__mro__)
