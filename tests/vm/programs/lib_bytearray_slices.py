# bytearray slice assignment and deletion: resize, extended slices, from iterables and ints, self-assignment.
ba = bytearray(range(10))
ba[2:5] = b"AB"
print(ba)
ba[0:0] = [200, 201]
print(ba)
ba[-2:] = bytearray()
print(ba)
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[1::3]
print(ba)
ba[:] = ba
print(ba)
ba[1:3] = ba
print(ba, len(ba))
ba[len(ba):] = b"end"
print(ba)
ba[2:4] = range(65, 70)
print(ba)
ba[::-1] = ba[::-1]
print(bytes(ba[::-1])[:3])
attempts = [
    lambda: ba.__setitem__(slice(None, None, 2), b"x"),
    lambda: ba.__setitem__(slice(0, 2), 5),
    lambda: ba.__setitem__(slice(0, 2), "str"),
    lambda: ba.__setitem__(slice(0, 2), [1, 256]),
    lambda: ba.__setitem__(0, 300),
    lambda: ba.__setitem__(100, 1),
    lambda: ba.__delitem__(100),
    lambda: ba.__setitem__(slice(0, 5, 0), b""),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
b2 = bytearray(b"hello")
b2[1] = ord("a")
b2[-1] = 0x21
del b2[0]
print(b2, b2 * 2, b2.count(b"l"), b2[1:3] == b"ll")
b2[0:1] = 3
