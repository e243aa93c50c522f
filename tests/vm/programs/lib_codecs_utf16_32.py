# UTF-16/UTF-32 codecs, their names, byte order marks and error handlers; errors of codecs reached
# through the registry are reworded; UnicodeError fields after each handler.
text = "A\u00e9\u20ac\U0001F600"
for enc in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
            "UTF16", "u16", "utf_16le", "UnicodeBigUnmarked", "unicodelittleunmarked", "U32", "utf_32BE"):
    data = text.encode(enc)
    print(enc, data.hex(" "), data.decode(enc) == text, len(data))
print(b"\xfe\xff\x00A".decode("utf-16"), b"\xff\xfeA\x00".decode("utf-16"), b"A\x00".decode("utf-16"))
print(ascii(b"\xff\xfe\xff\xfeA\x00".decode("utf-16")), ascii(b"\xff\xfeA\x00".decode("utf-16-le")))
print(b"\x00\x00\xfe\xff\x00\x00\x00A".decode("utf-32"), b"\xff\xfe\x00\x00A\x00\x00\x00".decode("utf32"))
print("".encode("utf-16"), "".encode("utf-32"), b"".decode("utf-16"), b"".decode("utf-32"))
print(b"=\xd8\x00\xde".decode("utf-16-le"), b"\xd8=\xde\x00".decode("utf-16-be"))
lone = "a\ud800b\udc00"
for h in ("replace", "ignore", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogatepass"):
    for enc in ("utf-16-le", "utf-32-be", "utf-8"):
        data = lone.encode(enc, h)
        print(h, enc, data, ascii(data.decode(enc, "surrogatepass")))
print("\udc80\udcff".encode("utf-8", "surrogateescape"), "\udc80".encode("latin-1", "surrogateescape"))
print(ascii(b"\xff\xfe\x80".decode("utf-8", "surrogateescape")), ascii(b"a\x80".decode("ascii", "surrogateescape")))
print("\N{SNOWMAN}\x85\U000E0001\u0378".encode("ascii", "namereplace"))
print("caf\u00e9 \u20ac".encode("latin-1", "xmlcharrefreplace"), "\u20ac".encode("cp819", "backslashreplace"))
bad = [
    lambda: b"\x00\xd8".decode("utf-16-le"),
    lambda: b"\x00\xdc\x41\x00".decode("utf-16-le"),
    lambda: b"\x00\xd8\x41\x00".decode("utf-16-le"),
    lambda: b"\x41\x00\x42".decode("utf-16"),
    lambda: b"\x00\x00\x11\x00".decode("utf-32-le"),
    lambda: b"\x00\xd8\x00\x00".decode("utf-32"),
    lambda: b"\x00\x00\x00".decode("utf-32-be"),
    lambda: "\ud800".encode("utf-16"),
    lambda: "x\udfff".encode("utf-32-le"),
    lambda: "\udc80".encode("utf-16-le", "surrogateescape"),
    lambda: "\u20ac\udc80".encode("ascii", "surrogateescape"),
    lambda: "\udc80\u20ac".encode("ascii", "surrogateescape"),
    lambda: "\ud800".encode("latin-1", "surrogatepass"),
    lambda: b"\xed\xb0".decode("utf-8", "surrogatepass"),
    lambda: b"a\x41".decode("ascii", "surrogatepass"),
    lambda: b"\xff".decode("utf-16-le", "xmlcharrefreplace"),
    lambda: b"\xff".decode("UTF-16LE", "namereplace"),
    lambda: b"\xff".decode("utf-16", "namereplace"),
    lambda: b"\xff".decode("646", "bogus"),
    lambda: "\xff".encode("us", "bogus"),
    lambda: "\xff".encode("ascii", "bogus"),
    lambda: "x".encode("ascii", "bogus"),
    lambda: "x".encode("utf-8", errors=b"strict"),
    lambda: b"x".decode(encoding=None),
    lambda: str(b"x", "utf-8", 1),
    lambda: str(b"\xff", "utf-8", "replace"),
    lambda: str(b"\xff", errors="backslashreplace"),
    lambda: bytes("\xff", "ascii", "xmlcharrefreplace"),
    lambda: bytearray("\u20ac", "latin-1", "replace"),
    lambda: bytearray("\u20ac", encoding="utf-16-be", errors="strict"),
    lambda: bytearray(source="x", encoding="ascii"),
    lambda: bytearray(errors="strict"),
    lambda: bytearray(3, errors="strict"),
    lambda: bytearray("x", errors="strict"),
    lambda: bytearray("x", "ascii", 5),
    lambda: bytes("x", encoding=None),
]
for attempt in bad:
    try:
        print(ascii(attempt()))
    except UnicodeError as e:
        print(type(e).__name__, e, e.encoding, ascii(e.object), e.start, e.end, e.reason)
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e, repr(e.__cause__))
e = UnicodeEncodeError("utf-16", "ab\ud800", 2, 3, "surrogates not allowed")
print(str(e), e.args, e.start, e.end)
e.start, e.end, e.reason = 0, 2, "changed"
print(str(e))
# The constructors check their arguments as PyArg_ParseTuple("UOnnU") does; bytes-like objects become bytes.
for cls, a in [(UnicodeDecodeError, ('x', 5, 0, 1, 'r')), (UnicodeDecodeError, ('x', b'', 'a', 1, 'r')), (UnicodeDecodeError, ('x', b'', 0, 1.5, 'r')),
               (UnicodeDecodeError, ('x',)), (UnicodeDecodeError, ('x', b'', 0, 1, 'r', 6)), (UnicodeDecodeError, (None, b'', 0, 1, 'r')),
               (UnicodeEncodeError, ('x', 5, 0, 1, 'r')), (UnicodeEncodeError, (1, 'a', 0, 1, 'r')), (UnicodeEncodeError, ('x', 'a', 0, 1, 2)),
               (UnicodeTranslateError, (5, 0, 1, 'r')), (UnicodeTranslateError, ('a', 0, 1, 2)), (UnicodeDecodeError, ('x', bytearray(b'ab'), 0, 1, 'r'))]:
    try:
        e = cls(*a)
        print(repr(e), repr(e.object), type(e.object).__name__)
    except Exception as err:
        print(type(err).__name__, err)
b"\x00\xd8".decode("utf-16-be")
