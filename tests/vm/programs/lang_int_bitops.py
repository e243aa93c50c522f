# Bitwise operations on ints, including negative numbers (infinite two's
# complement), big ints, shifts, and bool results.
values = [0, 1, -1, 5, -5, 2 ** 70, -(2 ** 70) + 3]
for a in values[:5]:
    print(a, a & 3, a | 8, a ^ -1, ~a, a << 3, a >> 1)
big = 2 ** 70
print(big & (big - 1), big | 1, big ^ big, ~big, big >> 69, -big >> 69, (big - 1).bit_count())
print(-1 & 0xFF, -256 | 0x0F, -8 ^ 7, (-1) >> 100, 1 << 0, 0 << 1000)
mask = 0
for bit in (0, 3, 5):
    mask |= 1 << bit
print(bin(mask), [b for b in range(8) if mask >> b & 1], mask.bit_length())
print(int.bit_count(255), (-255).bit_count(), (0).bit_length(), (-1).bit_length())
print(True & True, True | False, True ^ True, type(True ^ False).__name__, ~True)
print(0b1010 & 0b0110, 0o777 ^ 0o111, 0xF0F0 | 0x0F0F)
for thunk, label in [(lambda: 1 << -1, "1 << -1"), (lambda: 1 >> -2, "1 >> -2"),
                     (lambda: 1.0 & 1, "1.0 & 1"), (lambda: "a" | 1, "'a' | 1"), (lambda: ~1.5, "~1.5")]:
    try:
        print(label, thunk())
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)
x = 0b1111
x &= ~0b0101
x ^= 0b1_0000
x <<= 2
x >>= 1
print(x, bin(x))
