# bytearray: mutation (item/slice assignment, append/extend/insert/pop/remove), and errors.
ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" ok")
ba.extend([65, 66])
ba.insert(0, ord("<"))
ba.insert(-1, 0x2D)
ba.insert(100, 0x3E)
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba, ba.remove(ord("!")), ba)
ba[1:3] = b"EE"
print(ba)
ba[0:0] = b"start-"
print(ba)
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[::3]
print(ba)
del ba[:]
print(ba, bytearray(4), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray.fromhex("ff00"))
x = bytearray(b"abc")
y = x
x += b"def"
print(y, x is y, x * 2, x[1:4], type(x[1:4]).__name__, x.upper(), type(x.upper()).__name__)
x.reverse()
print(x, x.copy(), x.copy() is x, x.hex(), x.decode(), bytes(x), x == b"fedcba")
x.clear()
print(x, x.__alloc__() >= 0)
r = bytearray(b"a,b,c")
print(r.split(b","), r.replace(b",", b";"), r.find(b"b"), r.strip(b"a"), r.join([b"1", b"2"]))
attempts = [
    lambda: bytearray(b"a").append(256),
    lambda: bytearray(b"a").pop(5),
    lambda: bytearray().pop(),
    lambda: bytearray(b"a").remove(98),
    lambda: bytearray(b"abc").__setitem__(slice(0, 3, 2), b"xyz"),
    lambda: bytearray(b"a").__setitem__(0, b"b"),
    lambda: bytearray(b"a").extend([1, "x"]),
    lambda: bytearray(b"a").insert(0, -1),
    lambda: hash(bytearray()),
    lambda: bytearray(b"a").index(b"z"),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
buf = bytearray(b"grow")
for i in range(5):
    buf += bytes([48 + i])
print(buf, bytearray(b"abc") < bytearray(b"abd"), b"x" + bytearray(b"y"), bytearray(b"y") + b"x")
bytearray(b"abc")[3]
