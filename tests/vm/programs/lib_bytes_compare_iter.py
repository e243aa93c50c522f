# bytes and bytearray: iteration yields ints, comparisons, containment, concatenation across the two types.
b = b"AZaz09"
print(list(b), [chr(x) for x in b], sum(b), max(b), min(b), sorted(b), list(reversed(b)))
print(b"abc" == b"abc", b"abc" == bytearray(b"abc"), bytearray(b"abc") == b"abc", b"abc" != "abc")
print(b"a" < b"b", b"ab" < b"abc", b"" < b"a", bytearray(b"b") > b"a", b"\xff" > b"\x00", b"A" < b"a")
print(type(b + bytearray(b"x")).__name__, type(bytearray(b"x") + b).__name__, type(b * 2).__name__, type(bytearray(b"x") * 2).__name__)
print(65 in b, b"Za" in b, bytearray(b"az") in b, b"" in b, 256 in b"" if False else "skip", 0 in b"\x00")
for expr in (lambda: 256 in b, lambda: "a" in b, lambda: b < "a", lambda: b + "a", lambda: -1 in b, lambda: b < [1]):
    try:
        print(expr())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
it = iter(b"xy")
print(next(it), next(it), next(it, "end"), type(iter(b"")).__name__, type(iter(bytearray())).__name__)
ba = bytearray(b"abc")
for i, byte in enumerate(ba):
    ba[i] = byte - 32
print(ba, bytes(ba) == b"ABC", ba.count(b"A"), ba.index(66), [x for x in ba if x > 65])
print(b"abc"[0] == ord("a"), b"abc"[0:1] == b"a", bytearray(b"abc")[-1], bytes([x ^ 0x20 for x in b"Hello"]))
print(sorted([b"b", b"a", bytearray(b"c")]), {b"a": 1}.get(b"a"), hash(b"x") == hash(b"x"))
b < "text"
