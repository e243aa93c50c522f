# expandtabs column arithmetic with mixed text, newlines resetting columns, and tab sizes 0..9.
samples = ["a\tb", "ab\tc", "abcdefgh\ti", "\t\tx", "x\ny\tz", "tab at end\t", "\r\tcr", "12\t345\t6789\t0"]
for s in samples:
    print(ascii(s), [s.expandtabs(n) for n in (0, 1, 2, 4, 8)])
for n in range(10):
    print(n, repr("a\tbc\tdef\tg".expandtabs(n)))
print(repr(b"a\tb".expandtabs(3)), repr(bytearray(b"\tx").expandtabs(2)), repr("\u00e9\tx".expandtabs(4)))
print(len("\t".expandtabs(100)), repr("".expandtabs()), repr("no tabs".expandtabs(3)))
try:
    "x".expandtabs(2.0)
except TypeError as e:
    print(type(e).__name__, e)
print(repr("a\tb".expandtabs(tabsize=-4)))
"x".expandtabs(1, 2)
