# Consumers that take any buffer where CPython does: bytes and bytearray
# methods, constructors, concatenation, join (contiguous views only),
# %b formatting, int(), float(), str(b, encoding), int.from_bytes.
mv = memoryview(b"hello")
tests = [
    lambda: b"hello world".find(mv[1:3]),
    lambda: b"hello" == mv,
    lambda: mv == b"hello",
    lambda: bytearray(b"hello") == mv,
    lambda: mv[1:3] in b"hello",
    lambda: float(memoryview(b"1.5")),
    lambda: int(memoryview(b"12")),
    lambda: int(memoryview(b"ff"), 16),
    lambda: b"%b" % mv,
    lambda: b"%s" % mv,
    lambda: b"a,b".split(memoryview(b",")),
    lambda: b"abc".replace(memoryview(b"b"), memoryview(b"X")),
    lambda: b"abc".strip(memoryview(b"ac")),
    lambda: b"abc".count(memoryview(b"b")),
    lambda: b"abc".index(memoryview(b"c")),
    lambda: b"abc".translate(None, memoryview(b"b")),
    lambda: bytes.maketrans(memoryview(b"ab"), memoryview(b"xy")),
    lambda: bytes.fromhex("41") + mv,
    lambda: bytearray(b"x").extend(mv) or "ok",
    lambda: (lambda b: (b.__iadd__(mv), b)[1])(bytearray(b"x")),
    lambda: bytearray(b"hello").find(mv[1:2]),
    lambda: bytearray(b"abc").replace(memoryview(b"b"), b"Z"),
    lambda: bytearray(b"abc") + mv,
    lambda: mv + b"x",
    lambda: b"abc" < mv,
    lambda: str(bytearray(b"hi"), "ascii"),
    lambda: str(mv, encoding="ascii", errors="strict"),
    lambda: bytearray(b"hello") in [mv],
    lambda: b"".join([bytearray(b"a"), mv[:1], memoryview(b"xyz")[::2]]),
    lambda: bytearray(b"abc").join([mv]),
    lambda: list(zip(mv, b"ab")),
    lambda: sorted(mv),
    lambda: sum(memoryview(b"\x01\x02")),
    lambda: bytes(memoryview(b"abc")[::-1]),
    lambda: bytearray(b"ab").__setitem__(slice(0, 2), memoryview(b"XY")) or "set",
    lambda: int.from_bytes(memoryview(b"\x00\x01").cast("B"), "little"),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)
for bad in (lambda: int(memoryview(b"x1")), lambda: float(memoryview(b"1.5x")) if False else float(bytearray(b"2.5")) + float(memoryview(b" 1e3 ")), lambda: b"".join([memoryview(b"ab")[::-1]])):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
