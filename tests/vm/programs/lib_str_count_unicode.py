# str with non-ASCII text: len, indexing, slicing, find and comparisons across 1-, 2- and 4-byte code points.
s = "a\u00e9\u4e2d\U0001F600b"
print(len(s), [len(c.encode()) for c in s], s[1], s[2], s[3], s[-1], s[1:4], s[::-1], s[::2])
print(s.find("\u4e2d"), s.index("\U0001F600"), s.count("\u00e9"), "\U0001F600" in s, s.rfind("a"))
print(s.upper(), s.encode("utf-8"), len(s.encode("utf-8")), s.isprintable(), s.isascii())
mixed = "x" * 3 + "\u00ff" + "\u0100" + "\U00010000"
print([hex(ord(c)) for c in mixed], max(mixed) == "\U00010000", min(mixed), sorted(set(mixed))[-2:])
print("\u00e9" == "e\u0301", len("e\u0301"), "caf\u00e9" < "cafe\u0301", "\u00e9".encode(), "e\u0301".encode())
print(repr("\U0001F600"), ascii("\U0001F600"), "\N{SNOWMAN}", "\N{GREEK SMALL LETTER ALPHA}".upper())
print("\u4e2d\u6587".center(8, "*"), "\u4e2d".zfill(3), "\u00e9t\u00e9".title(), "\u00df".upper())
print("|".join("\U0001F600\u00e9"), "\U0001F600".split("x"), "a\U0001F600b".partition("\U0001F600"))
text = "na\u00efve caf\u00e9 r\u00e9sum\u00e9"
print(text.split(), [w.capitalize() for w in text.split()], text.replace("\u00e9", "e"))
print(hash("\u00e9") == hash("\u00e9"), "\u00e9" in {"\u00e9": 1}, {"\U0001F600": 1}["\U0001F600"])
print(ord(max("abc\u4e2d")), chr(0x1F600) == "\U0001F600", "\ud83d\ude00" == "\U0001F600", len("\ud83d\ude00"))
print(str("\xe9".encode("latin-1"), "latin-1"), "\xe9".encode("utf-8").decode("latin-1"))
s[10]
