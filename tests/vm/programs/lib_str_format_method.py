# str.format and format_map: positional, named, indexing, conversions, nesting, errors.
print("{} {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name}!".format(name="Ann"))
print("{0[1]} {0[key]}".format({1: "one", "key": "k"}), "{0.real} {0.imag}".format(3 + 4j))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>8}".format("x"))
print("{:{width}.{prec}f}".format(3.14159, width=10, prec=2), "{:{}}".format("ab", 5) + "|")
print("{{literal}} {}".format(1), "{:*^9}".format("mid"), "{0:,} {0:_b}".format(1234567))
print("{0[0][1]}".format([["a", "b"]]), "{x[2]}".format(x="hello"), "{0[-1]}".format({"-1": "neg"}))
print("{:%Y}".format(type("D", (), {"__format__": lambda self, spec: "fmt:" + spec})()))
print("{a}-{b}".format_map({"a": 1, "b": 2}))


class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"


print("{known} {unknown}".format_map(Default(known="K")))
attempts = ["{", "}", "{0", "{0!x}", "{0:", "{}{0}", "{0}{}", "{2}", "{missing}", "{0[}",
            "{0.}", "{!r}", "{:d}", "{0[0]}", "{0.nope}", "{:{:{}}}"]
for fmt in attempts:
    try:
        print(repr(fmt.format("str")))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
try:
    "{a}".format_map([])
except Exception as e:
    print(type(e).__name__, e)
try:
    "{0}".format_map({})
except Exception as e:
    print(type(e).__name__, e)
print("{0}{1}{0}".format("ab", "cd"), "{:>{w}}".format("r", w=4), "{0:{1}}".format(5, "03"))
print("{!r:^12}".format(None), "{0:.0%}".format(0.5), "{:c}".format(9731))
"{0} {1}".format("only one")
