# int() from strings: bases 2..36, base 0 prefixes, underscores, whitespace, errors, digit limit.
import sys
print(int("42"), int("  -42  "), int("+7"), int("0042"), int("\t\n9\x0c"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0), int("z", 36))
print(int("1_000_000"), int("0x_ff", 16), int("0b_1_0", 0), int("777", 8), int("10", 2), int("zz", 36))
print(int("\u0663\u0664"), int("\uff11\uff12"), int(b"12"), int(bytearray(b" 7 ")), int("-0"))
print(int(3.99), int(-3.99), int(True), int(), int("0", 0), int("00", 0), int("10", base=3))
print(int(" 0x10 ".strip(), 0), int("1" * 50), int("-" + "9" * 40, 16))
bad = [("", 10), ("1_", 10), ("_1", 10), ("1__0", 10), ("12", 2), ("0x", 16), ("010", 0), ("1.5", 10),
       ("abc", 10), ("1 2", 10), ("0b2", 0), ("\u0663x", 10), ("9", 8), ("+-1", 10), ("0x10", 10)]
for text, base in bad:
    try:
        print(int(text, base))
    except ValueError as e:
        print(type(e).__name__, e)
for args in (("10", 1), ("10", 37), ("10", -1), (10, 10), ("10", "2"), (None,), ([1],), (1.5, 2)):
    try:
        print(int(*args))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for value in (float("inf"), float("nan"), float("-inf")):
    try:
        int(value)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(sys.get_int_max_str_digits())
big = "7" * 4300
print(len(str(int(big))))
try:
    int("7" * 4301)
except ValueError as e:
    print(type(e).__name__, e)
try:
    str(10 ** 4300)
except ValueError as e:
    print(type(e).__name__, e)
print(int("1" * 5000, 16).bit_length(), hex(10**5000)[:10])
sys.set_int_max_str_digits(5000)
print(len(str(10**4500)))
sys.set_int_max_str_digits(0)
print(len(str(10**6000)))
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)


class Intable:
    def __int__(self):
        return 99


class Indexable:
    def __index__(self):
        return 98


print(int(Intable()), int(Indexable()))
int("forty two")
