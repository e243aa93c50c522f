# memoryview over bytes and bytearray: slicing without copies, writes through, tolist/tobytes, release.
data = bytearray(b"hello world")
mv = memoryview(data)
print(type(mv).__name__, len(mv), mv[0], mv[-1], bytes(mv[0:5]), mv.readonly, mv.format, mv.itemsize, mv.nbytes)
mv[0] = ord("H")
mv[6:11] = b"WORLD"
print(data, mv.tobytes(), mv[::2].tobytes(), mv.tolist()[:3], mv.hex())
sub = mv[6:]
sub[0] = ord("w")
print(data, bytes(sub), sub.obj is data, mv == data, mv == b"Hello world")
ro = memoryview(b"readonly")
print(ro.readonly, ro[1:3].tobytes(), b"-".join([ro[:4], b"x"]), bytes(ro) == b"readonly")
for attempt in (lambda: ro.__setitem__(0, 1), lambda: mv.__setitem__(0, 256), lambda: mv.__setitem__(slice(0, 2), b"x"),
                lambda: memoryview("str"), lambda: mv[100], lambda: hash(mv)):
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
with memoryview(b"ctx") as m:
    print(m.tobytes())
print(m.obj if False else "released")
try:
    m[0]
except ValueError as e:
    print(type(e).__name__, e)
print(hash(memoryview(b"ab")) == hash(b"ab"), memoryview(b"abc").cast("c").tolist())
memoryview(5)
