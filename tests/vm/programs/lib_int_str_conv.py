# int <-> str conversions: str/repr of ints, format with bases, round-tripping, leading zeros and signs.
for n in (0, 7, -7, 10**18, -(10**18), 2**64, -(2**64) + 1, 12345678901234567890123):
    text = str(n)
    print(text, repr(n) == text, int(text) == n, len(text), format(n, ","), f"{n:+_}")
print(str(True), str(-0), int("-0"), int("+0"), int("0000"), int(" 1_0 "), str(0x10), str(0o10), str(0b10))
print([int(str(d)) for d in range(-3, 4)], "".join(str(d) for d in range(10)), int("9" * 30) + 1)
for base in (2, 3, 8, 16, 36):
    n = 123456789
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    m = n
    while m:
        m, r = divmod(m, base)
        out = digits[r] + out
    print(base, out, int(out, base) == n)
print(int("Z", 36), int("10", 36), int("-zz", 36), int("0x1F", 16), int("1F", 16), int("0X1f", 0))
print(str(10**100)[:20], len(str(10**100)), str(-(2**200))[-10:], int("1" + "0" * 100) == 10**100)
print(repr(-1), -1 .__abs__(), (-1).__str__(), int.__str__(5), int.__repr__(True), str(int) == "<class 'int'>")
print(f"{1000000:,d}", f"{-1000000:_}", f"{5:03}", f"{-5:03}", f"{5:+04}", f"{255:08b}", f"{3:>3}")
try:
    int("12abc")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(" ")
except ValueError as e:
    print(type(e).__name__, e)
int("0x1F")
