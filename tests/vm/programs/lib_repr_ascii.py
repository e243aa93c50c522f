# repr and ascii: quoting rules, escapes, containers, recursion and custom __repr__.
print(repr("plain"), repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\tnew\nline\r\x00\x7f"), repr("\\"))
print(repr("caf\u00e9"), ascii("caf\u00e9"), ascii("\U0001F600"), ascii("\u2028"))
print(repr("\u200b\xa0\xad"), ascii(b"bytes"), repr(b"\x00\xff'\""))
print(repr(1.0), repr(1e16), repr(1e-5), repr(0.1 + 0.2), repr(-0.0), repr(float("nan")))
print(repr([1, "a", (2,), {3: None}]), repr(()), repr((1,)), repr(set()), repr(frozenset()))
print(repr({1, 2}), repr(frozenset({3})), repr({}), repr(range(0, 10, 2)), repr(slice(1, None)))
print(repr(None), repr(True), repr(Ellipsis), repr(NotImplemented), repr(1j), repr(-1 - 0j))
print(ascii(["\u00ff", {"\u0100": "\x80"}]))
a = [1]
a.append(a)
print(repr(a))
d = {"k": 1}
d["self"] = d
print(repr(d))


class Named:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Named({self.name!r})"


print(repr(Named("x")), [Named("y")], ascii(Named("\u00e9")), f"{Named('z')!r}")


class BadRepr:
    def __repr__(self):
        return 5


try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)


class StrSub(str):
    pass


class ReprSub:
    def __repr__(self):
        return StrSub("sub")


print(repr(ReprSub()), type(repr(ReprSub())).__name__)
print(str(BadRepr.__name__), repr(int), repr(type), repr(len))
print([BadRepr()])
