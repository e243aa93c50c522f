# % formatting with mapping keys, nested parentheses, repeated keys, and mapping-like objects.
data = {"name": "Ada", "year": 1815, "ratio": 0.5, "items": [1, 2]}
print("%(name)s was born in %(year)d" % data)
print("%(name)-8s|%(year)08d|%(ratio).2f|%(items)r" % data)
print("%(name)s %(name)r %(name)a" % data, "%(year)x %(year)o %(year)e" % data)
print("%((nested))s" % {"(nested)": "parens"}, "%()s" % {"": "empty key"}, "%(a b)s" % {"a b": "space"})
print("%s" % data == str(data), "%(year)s%%" % data, "%%(name)s" % () if False else "%%(name)s" % {})


class Lookup:
    def __getitem__(self, key):
        return key.upper()


print("%(hello)s %(world)s" % Lookup())
for fmt, arg in (("%(missing)s", data), ("%(name)s %s", data), ("%(name", data), ("%(name)z", data),
                 ("%(name)d", data), ("%(a)s", 5), ("%(a)s", ["x"]), ("%(a)*d", {"a": 1})):
    try:
        print(repr(fmt % arg))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
print("%s %s" % ("a", data), "%r" % (data,) == repr(data), "%s" % (data,) == str(data))
print("%c" % 65 + "%c" % "z", "%5.2s|" % "abc", "%-5c|" % "x", "%.0s" % "gone")
"%(undefined)s" % {}
