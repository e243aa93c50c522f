# bytes % args and bytearray % args (printf_format.cpp), the bytes methods
# of bytes_methods.cpp, through the whole interpreter.
class B:
    def __bytes__(self):
        return b"<B>"


class Bad:
    def __bytes__(self):
        return "not bytes"


print(b"%s|%b|%a|%r" % (b"x", B(), "\xe9", b"y"))
print(b"%5d|%-5x|%05.1f|%+e|%#o|%c%c" % (42, 255, 3.14159, 12.5, 8, 65, b"z"))
print(b"%(name)s is %(age)d" % {b"name": b"Ann", b"age": 7})
print(bytearray(b"%s-%s") % (b"a", bytearray(b"b")), type(bytearray(b"%d") % 1).__name__)
print(b"%*.*f" % (10, 3, 2.0 ** 0.5), b"%%")
for fmt, args in [(b"%s", "str"), (b"%s", (1,)), (b"%c", 256), (b"%c", b"ab"), (b"%d", b"1"), (b"%f", "x"),
                  (b"%s %s", (b"a",)), (b"%s", (b"a", b"b")), (b"%(k)s", (1,)), (b"%y", 1), (b"%", ()),
                  (b"%s", Bad())]:
    try:
        print(fmt % args)
    except Exception as e:
        print(type(e).__name__, e)
data = b"Hello, World\tof bytes"
print(data.center(30, b"*"), data.ljust(25, b"."), data.rjust(25), data.zfill(25))
print(data.title(), data.swapcase(), data.capitalize(), data.expandtabs(4))
print(data.isalnum(), data.isascii(), data.islower(), data.isupper(), data.istitle(), b"Ab Cd".istitle())
table = bytes.maketrans(b"lo", b"01")
print(data.translate(table), data.translate(None, b"lo"), bytearray(data).translate(table, delete=b"H"))
print(data.removeprefix(b"Hello"), data.removesuffix(b"bytes"), b"a\nb\r\nc\rd".splitlines(keepends=True))
print(bytearray(b"-12").zfill(6), bytearray(b"ab").center(5, b"-"), bytearray.maketrans(b"a", b"b")[97])
print(bytes(B()), bytes.__bytes__(b"q"), b"ab" % ())
