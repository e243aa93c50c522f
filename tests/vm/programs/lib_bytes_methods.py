# bytes methods: search, split/join, strip, case, predicates, replace, justification.
b = b"Hello, World! hello"
print(b.find(b"llo"), b.rfind(b"llo"), b.find(108), b.index(b"W"), b.count(b"l"), b.count(ord("o")))
print(b.startswith(b"Hell"), b.endswith((b"x", b"llo")), b.upper(), b.lower(), b.swapcase(), b.title())
print(b.split(), b.split(b", "), b.rsplit(b" ", 1), b"a,b,,c".split(b","), b"  x  y ".split(None, 1))
print(b" ".join([b"a", b"b"]), b"-".join([bytearray(b"x"), b"y"]), b"".join([]))
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"  l".lstrip(), b"r  ".rstrip(), b"abc".removeprefix(b"a"))
print(b.replace(b"l", b"L"), b.replace(b"l", b"L", 1), b"abc".replace(b"", b"-"), b"ab".center(6, b"*"))
print(b"ab".ljust(4), b"ab".rjust(4, b"0"), b"42".zfill(5), b"-3".zfill(4), b"a\tb".expandtabs(4))
print(b"key=val".partition(b"="), b"a.b.c".rpartition(b"."), b"line1\nline2\r\n".splitlines())
print(b"abc".isalpha(), b"123".isdigit(), b"ab1".isalnum(), b" \t".isspace(), b"Ab".istitle(), b"AB".isupper(), b"".isascii())
print(b"hello world".capitalize(), b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"abc".translate(None, b"b"))
print(bytes.maketrans(b"a", b"b")[97:99], b"\xff".isascii(), b"abc".hex(), b"abc".hex(":"), b"abcdef".hex("-", 2))
attempts = [
    lambda: b.index(b"zzz"),
    lambda: b.find("str"),
    lambda: b.split(b""),
    lambda: b" ".join([b"a", "b"]),
    lambda: b.count(256),
    lambda: b"a".center(3, b"ab"),
    lambda: b"a".startswith("a"),
    lambda: b"x".replace("x", b"y"),
    lambda: b"abc".translate(b"short"),
    lambda: bytes.maketrans(b"ab", b"a"),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
print(b"a" in b"cat", 97 in b"cat", b"" in b"x", b"ab" * 3, 3 * b"-", b"ab" + b"cd", b"abc" < b"abd")
b"x" + "y"
