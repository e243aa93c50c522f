# bytes and bytearray literals in expressions: indexing gives ints,
# slicing gives bytes, concatenation rules, comparisons, and mutation of
# bytearray through slices.
b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1], list(b[:2]), b"l" in b, 108 in b)
print(b + b" world", b * 2, b"abc" < b"abd", b"" == bytes(), bytes(3))
ba = bytearray(b"abc")
ba[0] = 65
ba[1:2] = b"XYZ"
ba += b"!"
print(ba, len(ba), ba.pop(), ba)
del ba[::2]
print(ba)
print(bytes([72, 105]), bytearray(range(65, 70)), b"%d%%" % 5)
print(b"a,b,,c".split(b","), b"  x ".strip(), b"abc".upper(), b"x".join([b"1", b"2"]))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], b"\x00\xff".hex(), bytes.fromhex("de ad"))
for thunk, label in [(lambda: b"a" + "b", "bytes + str"), (lambda: ba.__setitem__(0, 256), "item 256"),
                     (lambda: bytes([300]), "bytes([300])"), (lambda: b"abc"[10], "index 10"),
                     (lambda: hash(bytearray()), "hash(bytearray)"), (lambda: "x" in b"x", "str in bytes")]:
    try:
        print(label, thunk())
    except (TypeError, ValueError, IndexError) as e:
        print(label, type(e).__name__ + ":", e)
