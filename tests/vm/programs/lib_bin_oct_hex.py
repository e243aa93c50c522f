# bin, oct, hex: signs, big values, __index__, and the round trip through int().
for n in (0, 1, -1, 255, -255, 2**64, -(2**100) + 1, True):
    print(n, bin(n), oct(n), hex(n))
for n in (10, 2**70):
    assert int(bin(n), 0) == n and int(oct(n), 8) == n and int(hex(n), 16) == n
print(int(bin(-37), 2), int(hex(-37), 16), int(oct(-37), 0))


class Idx:
    def __index__(self):
        return 1234


print(bin(Idx()), oct(Idx()), hex(Idx()))
print(format(10, "b"), f"{10:#010b}", f"{-10:x}", f"{255:#o}")
for bad in (1.5, "10", None, [1]):
    try:
        print(hex(bad))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    bin(2.0)
except TypeError as e:
    print(type(e).__name__, e)


class BadIdx:
    def __index__(self):
        return "no"


try:
    oct(BadIdx())
except TypeError as e:
    print(type(e).__name__, e)
print(hex(0x_dead_beef), oct(0o777), bin(0b1010_1010))
print(float.hex(255.0), (255).to_bytes(2, "big").hex())
