# memoryview.cast to the struct formats, N-D shapes for tolist, slicing
# with steps, item get/set per format and CPython's errors.
import sys

data = bytearray(range(24))
mv = memoryview(data)
for fmt in ("B", "b", "c", "H", "h", "I", "i", "L", "l", "Q", "q", "n", "N", "f", "d", "?"):
    try:
        c = mv.cast(fmt)
        print(fmt, c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides, c.tolist()[:3] if fmt not in "fd" else len(c.tolist()))
    except TypeError as e:
        print(fmt, "TypeError", e)
m2 = mv.cast("B", (4, 6))
print(m2.ndim, m2.shape, m2.strides, m2.tolist(), m2.c_contiguous, m2.f_contiguous, m2.contiguous)
print(m2[1, 2], m2[-1, -1], m2.tobytes() == bytes(data), m2.tobytes("F")[:8], m2.cast("B").tolist()[:5])
m3 = mv.cast("H", [2, 3, 2])
print(m3.shape, m3.strides, m3.tolist())
m0 = memoryview(b"\x01\x00\x00\x00").cast("i", [])
print(m0.ndim, m0.shape, m0.strides, m0[()], m0.tolist(), m0[...] is m0)
errors = [
    lambda: mv.cast("x"),
    lambda: mv.cast("<i"),
    lambda: mv.cast("i").cast("h"),
    lambda: memoryview(b"abc").cast("i"),
    lambda: mv.cast("B", (5, 5)),
    lambda: mv.cast("B", (0, 24)),
    lambda: mv.cast("B", "ab"),
    lambda: mv.cast("B", ("a",)),
    lambda: m2.cast("B", (2, 12)),
    lambda: mv[::2].cast("B"),
    lambda: mv.cast(5),
    lambda: m2[0],
    lambda: m2[1:2, 0:1],
    lambda: m2[9, 0],
    lambda: m2["a"],
    lambda: len(m0),
    lambda: m0[0],
    lambda: list(m2),
    lambda: mv.tobytes("Z"),
]
for f in errors:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

w = mv.cast("i")
w[0] = -5
w[1] = 2**31 - 1
print(w[0], w[1], data[:8])
for bad in (2**31, "x", 1.5):
    try:
        w[2] = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
d = memoryview(bytearray(16)).cast("d")
d[0] = 1.5
d[1] = 7
print(d.tolist(), d.format)
try:
    d[0] = "x"
except TypeError as e:
    print(e)
q = memoryview(bytearray(8)).cast("Q")
q[0] = 2**64 - 1
print(q[0])
for bad in (2**64, -1):
    try:
        q[0] = bad
    except ValueError as e:
        print(e)
cv = memoryview(bytearray(b"xyz")).cast("c")
cv[0] = b"A"
print(cv.tolist(), cv[1])
for bad in (b"ab", 65):
    try:
        cv[0] = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
bv = memoryview(bytearray(2)).cast("?")
bv[0] = 5
print(bv.tolist())
s = memoryview(bytes(range(10)))
print(s[::2].tolist(), s[::-1].tolist(), s[8:2:-3].tolist(), s[::3].strides, s[::2].contiguous, s[5:5].tolist())
print(s[::2].tobytes(), bytes(s[1::3]), s[-3:].hex(), s.hex(":", 3), s[::2].hex("-"))
print(s == bytes(range(10)), s[::2] == bytes(range(0, 10, 2)), s[:3] == [0, 1, 2], s != b"x")
print(memoryview(b"\x01\x00").cast("h") == memoryview(b"\x01").cast("B"), memoryview(bytearray(b"\x01\x00\x02\x00")).cast("H") == memoryview(b"\x01\x02"))
