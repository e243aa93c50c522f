# string: constants, capwords, Formatter (with overridden steps) and the
# _string parser it is built on.
import _string
import string

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.printable), repr(string.whitespace))
print(string.capwords("  hello   wORLD  foo "), string.capwords("a-b-c", "-"), repr(string.capwords("")))

f = string.Formatter()
print(f.format("{0} {1!r:>6} {x[k]} {y.real:{w}}", 1, "two", x={"k": 3}, y=4.5, w=8))
print(f.format("{} {} {:{}}", 1, 2, 3, 5))
print(f.vformat("{a}-{0}", ("p",), {"a": "q"}))
print(list(f.parse("a{b!s:c}d{{e}}")))


class Loud(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<%s>" % key
        return super().get_value(key, args, kwargs)

    def check_unused_args(self, used, args, kwargs):
        print("used", sorted(map(str, used)))


print(Loud().format("{greet}, {who}! {0}", "x", greet="hi"))
for fmt, args in [("{0}{}", (1, 2)), ("{}{0}", (1, 2)), ("{0!z}", (1,)), ("{:{:{:{}}}}", (1, 2, 3, 4)),
                  ("{", ()), ("{5}", ()), ("{a.b}", ())]:
    try:
        print(f.format(fmt, *args))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)

for s in ["a{{b", "x{0!r:>{1}}y", "{}{}", "{a.b[c]}", "{0!}", "{0!rr}", "a{0", "{0!", "{:{:{}}}", "{a[}]}"]:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except ValueError as e:
        print(repr(s), "ValueError", e)
for s in ["a.b[c]", "0[1].x", "", "a[", "a[]", "a]x", "a[0]b", "[0]", "a..b"]:
    try:
        first, rest = _string.formatter_field_name_split(s)
        print(repr(s), repr(first), list(rest))
    except ValueError as e:
        print(repr(s), "ValueError", e)
