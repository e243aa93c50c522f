# str.encode / bytes.decode with codecs and error handlers.
s = "caf\u00e9 \u20ac \U0001F600"
print(s.encode(), s.encode("utf-8"), len(s.encode()), s.encode("utf-16-le")[:6])
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "backslashreplace"))
print(s.encode("ascii", "xmlcharrefreplace"), s.encode("latin-1", "replace"))
print("\u00e9".encode("latin-1"), "abc".encode("ascii"), "A".encode("utf-32-be"), "ab".encode("utf-16-be"))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), b"\xff\xfe".decode("utf-8", "replace"))
print(b"a\xffb".decode("utf-8", "ignore"), b"a\xffb".decode("utf-8", "backslashreplace"), b"a\x80".decode("ascii", "replace"))
print(repr(b"\xed\xa0\x80".decode("utf-8", "surrogateescape")), "\udcff".encode("utf-8", "surrogateescape"))
print("x".encode(encoding="UTF8"), "y".encode("Latin1"), b"z".decode(encoding="utf_8"))
attempts = [
    lambda: s.encode("ascii"),
    lambda: "\u20ac".encode("latin-1"),
    lambda: b"\xff".decode(),
    lambda: b"abc\xe9def".decode("ascii"),
    lambda: b"\xe2\x82".decode("utf-8"),
    lambda: "\ud800".encode(),
    lambda: "x".encode("no-such-codec"),
    lambda: b"x".decode("bogus"),
    lambda: "x".encode("ascii", "bogus-handler"),
    lambda: "x".encode(5),
    lambda: "\u00e9".encode("ascii", "bogus-handler"),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
try:
    b"ab\xffcd".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    "ab\u20ac".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
"\u00ff".encode("ascii")
