# Integer literals and big ints: bases, underscores, huge values,
# arithmetic, conversions and errors.
print(0b1010, 0o17, 0xFF, 0XfF, 1_000_000, 0b_1111_0000, 0x_dead_beef)
big = 2 ** 200
print(big)
print(big // 3 ** 50, big % 1_000_003, -big // 7, -big % 7)
print(len(str(10 ** 500)), str(3 ** 300)[:20])
f100 = 1
for i in range(2, 101):
    f100 *= i
print(f100)
print(f100.bit_length(), (-f100).bit_length(), (255).bit_length())
print(int("  -42  "), int("1_000"), int("ff", 16), int("0x1f", 0), int("z", 36), int("0b101", 0))
print(divmod(-17, 5), divmod(17, -5), -17 // 5, -17 % 5)
print(2 ** -1, (-2) ** 3, pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7))
print(1 << 100, (1 << 100) >> 99, -1 >> 10, ~0, ~255, -(2 ** 64) & 0xFFFF)
print(hex(2 ** 70), oct(-8), bin(-5), int.from_bytes(b"\x01\x00", "big"))
print((2 ** 64).to_bytes(9, "big"), (1024).to_bytes(2, "little"))
print(abs(-big) == big, -big < 0 < big, big == 2.0 ** 200, big + 0.5 > big)
for bad in ["12a", "", "0x", "1__0", "٣"]:
    try:
        print(repr(bad), "->", int(bad))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("10", 1)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
try:
    10 ** 10 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(True + True, True * 10, -True, int(True), 7 // True)
print(round(12345, -2), round(-2.5), round(2.5), round(3.5))
