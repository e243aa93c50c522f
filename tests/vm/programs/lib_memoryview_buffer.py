# The buffer protocol around memoryview: exports pin a bytearray's size,
# release() and the context manager, consumers that take any buffer,
# hashing, comparisons, iteration and attributes.
import sys

ba = bytearray(b"abcdef")
m = memoryview(ba)
for op in (lambda: ba.append(1), lambda: ba.extend(b"xy"), lambda: ba.pop(), lambda: ba.clear(),
           lambda: ba.__delitem__(0), lambda: ba.__setitem__(slice(0, 2), b"x")):
    try:
        op()
    except BufferError as e:
        print("BufferError", e)
ba[0] = ord("A")
ba[1:3] = b"BC"
print(ba, m.tobytes())
sub = m[2:]
m.release()
try:
    ba.append(1)
except BufferError as e:
    print("still exported:", e)
sub.release()
ba.append(ord("g"))
print(ba)
print(repr(m).startswith("<released memory at 0x"), repr(memoryview(b"")).startswith("<memory at 0x"))
for f in (lambda: m[0], lambda: len(m), lambda: m.tobytes(), lambda: m.format, lambda: m.obj, lambda: hash(m),
          lambda: m.__enter__(), lambda: list(m)):
    try:
        f()
    except ValueError as e:
        print("ValueError", e)
m.release()
print(m == m, m != memoryview(b"abc"))

outer = memoryview(b"12345")
inner = memoryview(outer)
print(inner.obj is outer.obj, inner == outer, inner.tolist())
with memoryview(bytearray(b"ctx")) as c:
    held = bytes(c)
    print(held, c.readonly)
print(repr(c)[:18])
mv2 = memoryview(bytearray(b"xyz"))
exp = memoryview(mv2)
mv2.release()
print(exp.tobytes())

src = memoryview(b"hello world")
print(bytes(src), bytearray(src[6:]), b"".join([src[:5], b"-", src[6:]]), b"ab" + src[:2], bytearray(b"x") + src[:1])
print(src[::2].tobytes(), bytes(src[::2]), bytearray(src[::-1]))
print(b"-".join([src[::2]]) if False else "join of non-contiguous skipped")
print(int.from_bytes(memoryview(b"\x01\x02"), "big"), str(memoryview(b"caf\xc3\xa9"), "utf-8"), len(str(src)) > 0)
print(bytes(memoryview(b"ab").cast("c")), bytes(memoryview(bytearray(b"\x01\x00\x02\x00")).cast("H")))
print(b"wor" in bytes(src), src.obj, memoryview(src).nbytes)
ro = memoryview(b"abc")
print(hash(ro) == hash(b"abc"), hash(ro[::2]) == hash(b"ac"), hash(ro.cast("c")) == hash(b"abc"))
for f in (lambda: hash(memoryview(bytearray(b"a"))), lambda: hash(memoryview(b"abcd").cast("h")),
          lambda: hash(memoryview(bytearray(b"ab")).toreadonly()), lambda: memoryview("s"), lambda: memoryview(5),
          lambda: memoryview(), lambda: memoryview(object=1), lambda: ro.__setitem__(0, 1), lambda: ro.__delitem__(0),
          lambda: memoryview(bytearray(3)).__setitem__(slice(0, 2), b"abc"),
          lambda: memoryview(bytearray(3)).__setitem__(slice(0, 2), memoryview(b"\x00\x00\x00\x00").cast("h")),
          lambda: memoryview(bytearray(3)).__setitem__(0, 256), lambda: memoryview(bytearray(3)).__setitem__(0, "a"),
          lambda: ro[3], lambda: ro[-4], lambda: ro["x"], lambda: bytes(memoryview(b"ab").cast("c")) + 1):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t = memoryview(bytearray(b"abcdef"))
t[1:4] = b"XYZ"
t[::2] = b"123"
t[4:] = memoryview(b"..")
print(t.tobytes(), t.toreadonly().readonly, t.readonly)
ov = memoryview(bytearray(b"012345"))
ov[1:5] = ov[0:4]
print(ov.tobytes())
print(list(memoryview(b"abc")), [x for x in memoryview(b"\x01\x02\x03\x04").cast("H")], iter(ro).__class__.__name__)
print(ro.ndim, ro.shape, ro.strides, ro.suboffsets, ro.itemsize, ro.format, ro.nbytes, ro.readonly, ro.c_contiguous)
print(memoryview(b"ab") == memoryview(bytearray(b"ab")), memoryview(b"ab") == "ab", memoryview(b"ab") == b"abc")
nan = memoryview(bytearray(8)).cast("d")
nan[0] = float("nan")
print(nan == nan, nan.tolist())
print(type(memoryview).__name__, memoryview.__name__, isinstance(ro, memoryview), sys.getsizeof(ro) > 0)
