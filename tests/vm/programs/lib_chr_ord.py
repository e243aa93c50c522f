# chr and ord: ranges, surrogates, bytes, and their errors.
print(chr(65), chr(0x263A), chr(0), repr(chr(0x10FFFF)), repr(chr(0xD800)))
print(ord("A"), ord("\u263a"), ord(b"A"), ord(bytearray(b"z")), ord("\U0001F600"))
print([chr(c) for c in range(97, 102)], "".join(map(chr, [72, 105])))
print(ord(chr(1114111)), chr(True), chr(ord("a") + 1))
for value in (-1, 0x110000, 2**64, 1.5, "a", None):
    try:
        print(chr(value))
    except Exception as e:
        print(type(e).__name__, e)
for value in ("", "ab", b"", b"ab", 65, ["a"], bytearray(b"xy")):
    try:
        print(ord(value))
    except Exception as e:
        print(type(e).__name__, e)


class Index:
    def __index__(self):
        return 0x41


print(chr(Index()))
ord("too long")
