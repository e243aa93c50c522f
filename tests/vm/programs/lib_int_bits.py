# int.bit_length, bit_count, to_bytes/from_bytes (signed, byteorder), and their errors.
for n in (0, 1, -1, 255, 256, -256, 2**64 - 1, -(2**64), 10**30):
    print(n, n.bit_length(), n.bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (0).to_bytes(0, "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print((255).to_bytes(1, byteorder="big"), (5).to_bytes(), (2**64).to_bytes(9, "big"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b""))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\x80", "big", signed=True))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"))
print(int.from_bytes(b"\x00" * 20 + b"\x01", "big"), int.from_bytes(b"\xff" * 16, "little", signed=True))
print(bool.from_bytes(b"\x01", "big"), type(bool.from_bytes(b"\x00", "big")).__name__)
attempts = [
    lambda: (256).to_bytes(1, "big"),
    lambda: (-1).to_bytes(1, "big"),
    lambda: (128).to_bytes(1, "big", signed=True),
    lambda: (1).to_bytes(1, "middle"),
    lambda: (1).to_bytes(-1, "big"),
    lambda: int.from_bytes("ab", "big"),
    lambda: int.from_bytes(b"a", "sideways"),
    lambda: int.from_bytes([256], "big"),
    lambda: (1).to_bytes(1, 5),
    lambda: (1).bit_length(1),
]
for attempt in attempts:
    try:
        print(attempt())
    except Exception as e:
        print(type(e).__name__, e)
for n in (-5, 2**100, -(2**100) - 7):
    size = (n.bit_length() + 8) // 8
    b = n.to_bytes(size, "little", signed=True)
    print(n == int.from_bytes(b, "little", signed=True), len(b))
print((37).as_integer_ratio(), (True).as_integer_ratio(), (5).conjugate(), (5).numerator, (5).denominator)
print((-7).real, (-7).imag, int.__index__(12), (12).__trunc__(), (12).__floor__(), (12).__ceil__())
print((123).__round__(-1), (125).__round__(-1), (135).__round__(-1), (-125).__round__(-1))
(300).to_bytes(1, "little")
