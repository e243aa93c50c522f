# bytes construction, indexing, slicing, repr, hex/fromhex and decode.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"), bytes(b"copy"))
print(bytes(bytearray(b"ba")), bytes((x for x in [1, 2])), bytes.fromhex("de ad BE EF"))
data = b"\x00\x01abc\xff"
print(data, data[2], data[-1], data[2:5], data[::-1], data[::2], len(data), list(data))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\x0b\\"), repr(bytes(range(0x7d, 0x82))))
print(bytes.fromhex(""), bytes.fromhex("  0a  "), b"\x01\xab".hex(), data.hex(" ", -2), bytes([0]).hex())
print(b"\xc3\xa9".decode(), b"abc".decode("ascii"), b"\xe9".decode("latin-1"), str(b"abc"), str(b"a", "ascii"))
print(b"abc" == bytearray(b"abc"), b"abc" == "abc", hash(b"abc") == hash(b"abc"), b"a" < b"b", b"" < b"\x00")


class Bytesable:
    def __bytes__(self):
        return b"custom"


class Indexed:
    def __index__(self):
        return 2


print(bytes(Bytesable()), bytes(Indexed()), bytes([Indexed()]))
attempts = [
    lambda: bytes([256]),
    lambda: bytes([-1]),
    lambda: bytes(-1),
    lambda: bytes("abc"),
    lambda: bytes(1.5),
    lambda: bytes(["a"]),
    lambda: bytes.fromhex("abc"),
    lambda: bytes.fromhex("zz"),
    lambda: bytes.fromhex("a b"),
    lambda: data[10],
    lambda: bytes(3, "utf-8"),
    lambda: bytes("x", encoding=5),
    lambda: b"abc".decode("utf-8", "strict", 3),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
try:
    data[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(b"%s and %d" % (b"bytes", 5), b"%x %r" % (255, b"r"), b"%5s|%-5s|" % (b"a", b"b"), b"%c%c" % (65, b"B"))
print(b"%(k)s" % {b"k": b"v"}, b"100%%" % ())
b"%s" % "str"
