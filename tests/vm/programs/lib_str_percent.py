# printf-style str % formatting: every conversion, flags, width/precision, mapping keys, errors.
print("%s %r %a" % ("é", "é", "é"), "%d %i %u" % (42, -7, 3), "%5d|%-5d|%05d" % (1, 2, 3))
print("%x %X %#x %#X %o %#o" % (255, 255, 255, 255, 8, 8), "%+d % d %+d" % (5, 5, -5))
print("%f %.2f %10.3f %-10.1f|" % (3.14159, 3.14159, 3.14159, 3.14159), "%e %.2E %g %G" % (1234.5, 1234.5, 0.00001234, 1e20))
print("%c %c" % ("x", 9731), "%%", "100%% sure" % (), "%s" % [1, 2], "%s" % ((1, 2),))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%(x)r %(x)s" % {"x": "v"})
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159), "%.3s" % "abcdef", "%5.1s|" % "xyz")
print("%d" % 3.99, "%x" % True, "%s" % None, "%.0f %.0f" % (0.5, 1.5), "%#.0f" % 1)
print("%i" % 10**30, "%x" % -(10**20), "%10.4d" % 42, "%-8.3x|" % 10, "%+.2e" % -0.0)
print("%s" % "single", "%s-%s" % ("a", "b"), "%r" % ("tuple",), "%(a)s %%" % {"a": 1})
print("%g %g %g %g" % (100000, 1000000, 1e-4, 1e-5), "%#g" % 1.0, "%.3g" % 0.0001234)
print("%s %s" % (float("inf"), float("nan")), "%f %e" % (float("-inf"), float("nan")))
attempts = [
    ("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", ("t",)),
    ("%(k)s", {}), ("%c", "ab"), ("%c", 0x110000), ("%x", 1.5), ("%d", None), ("%", ()),
    ("%(k", {"k": 1}), ("%*d", ("a", 1)), ("%.*f", (1.5, 2.0)), ("no args", 5), ("%c", 1.0),
]
for fmt, args in attempts:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
print("%s" % {"k": "v"}, "%(k)s" % {"k": "v"}, "%s %(k)s" % {"k": 1} if False else "mixed skipped")


class Num:
    def __index__(self):
        return 65

    def __int__(self):
        return 66


print("%d %x %c" % (Num(), Num(), Num()))
"%d items" % "three"
