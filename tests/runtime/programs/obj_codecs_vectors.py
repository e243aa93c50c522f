# Generated vectors for the built-in codecs (runtime/unicode_codecs.cpp,
# runtime/codecs.cpp): pseudo-random byte strings and strings, built from
# pieces that hit every error path (truncated and overlong UTF-8, lone and
# paired surrogates in UTF-16/32, byte order marks, U+DC80-U+DCFF), are
# decoded and encoded with every codec under every error handler. The output
# (result or exception type, str(), start, end) is compared with python3.11.
state = 12345


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2**31
    return state % n


BYTE_PIECES = [
    b"a", b"Z0", b"\x00", b"\x7f", b"\x80", b"\xff", b"\xc3\xa9", b"\xc3", b"\xc3\x28", b"\xe2\x82\xac",
    b"\xe2\x82", b"\xf0\x9f\x98\x80", b"\xf0\x9f\x98", b"\xed\xa0\x80", b"\xed\xb2\x80", b"\xf4\x90\x80\x80",
    b"\xf8\x88", b"\xc0\xaf", b"\xe0\x80\xaf", b"\x00\xd8", b"\x00\xdc", b"\xd8\x00", b"\xdc\x00",
    b"\x3d\xd8\x00\xde", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff",
    b"\x00\x00\x11\x00", b"\x00\xd8\x00\x00", b"A\x00\x00\x00", b"\x00\x00\x00A",
]
CHAR_PIECES = [
    "a", "Z", "\x00", "\x7f", "\x80", "\xe9", "\xff", "\u0100", "\u20ac", "\ud800", "\udbff", "\udc00",
    "\udc80", "\udcff", "\udfff", "\U0001f600", "\U0010ffff", "\uac00", "\u4e00", "\U000e0001", "\x85",
    "\u0378", "\ufeff", "\ue000",
]
DECODERS = ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
HANDLERS = ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass",
            "xmlcharrefreplace", "namereplace"]


def show(f):
    try:
        return ascii(f())
    except UnicodeError as e:
        return f"{type(e).__name__} {e} [{e.encoding} {e.start} {e.end} {e.reason}]"
    except (TypeError, LookupError) as e:
        return f"{type(e).__name__} {e}"


for case in range(300):
    raw = b"".join(BYTE_PIECES[rand(len(BYTE_PIECES))] for _ in range(rand(5) + 1))
    for enc in DECODERS:
        for h in HANDLERS:
            print(case, enc, h, show(lambda: raw.decode(enc, h)))

for case in range(300):
    text = "".join(CHAR_PIECES[rand(len(CHAR_PIECES))] for _ in range(rand(5) + 1))
    for enc in DECODERS:
        for h in HANDLERS:
            print(case, enc, h, show(lambda: text.encode(enc, h)))

# Round trips: what an encoder writes its decoder reads back.
for case in range(200):
    text = "".join(CHAR_PIECES[rand(len(CHAR_PIECES))] for _ in range(rand(6)))
    for enc in DECODERS[3:] + ["utf-8"]:
        for h in ("surrogatepass", "strict"):
            print(case, enc, h, show(lambda: text.encode(enc, h).decode(enc, h) == text))

# namereplace over the named and unnamed characters of a few blocks.
for start in (0x00, 0x370, 0x1100, 0x2000, 0xAC00, 0xD7A0, 0xE000, 0x1F600, 0x1FAF0, 0x20000, 0x2A6D0, 0xE0000):
    print(hex(start), "".join(chr(c) for c in range(start, start + 48)).encode("ascii", "namereplace"))
