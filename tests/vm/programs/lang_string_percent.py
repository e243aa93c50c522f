# printf-style % formatting: conversions, flags, width/precision from *,
# mapping keys, and the errors for mismatched arguments.
print("%s|%r|%a|%d|%i|%u" % ("s", "r", "é", 42, -7, 3))
print("%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x|%X|%#x|%o|%#o|%c|%c" % (255, 255, 255, 8, 8, 65, "z"))
print("%.2f|%10.3f|%-10.1f|%e|%E|%g|%G" % (3.14159, 2.71828, 1.5, 12345.678, 0.000123, 1e-10, 1e20))
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159))
print("%(name)s is %(age)d; %(name)r again" % {"name": "Ana", "age": 30})
print("100%% sure, %s" % "yes", "%s" % (("tuple",),), "%s" % [1, 2])
print("%s %s" % (1, 2), "%d" % 3.99, "%s" % None, "%.3s" % "abcdef")
print(b"%s and %d" % (b"bytes", 5), b"%x" % 255, b"%c" % 65)
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%(k)s", (1,)), ("%z", 1), ("%c", 1234567)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(f"{fmt!r}: {type(e).__name__}: {e}")
