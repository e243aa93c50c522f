# float and int format specs, float() parsing, round() and float.hex/fromhex over corner values, compared
# with python3.11 (runtime/formatter_unicode.cpp, floatobject.cpp). '#' without a type keeps a point: '1.e+16'.
import itertools
vals = [0.0, -0.0, 1.5, -2.25, 1e16, 1.2345e-7, 123456.789, float("inf"), float("nan"), 5e-324, 1.7976931348623157e308]
specs = ["", "e", ".0e", "E", "f", ".0f", ".10f", "g", ".0g", ".1g", "G", "%", ".1%", "n", "10.3", "<10", "^12.2e", "+", " ", "#", "#g", "#.0e", "010.2f", "=+12,.2f", "_.3f", ",g", "z.1f", "z", "r"]
for v, s in itertools.product(vals, specs):
    try:
        print(repr(v), repr(s), repr(format(v, s)))
    except Exception as e:
        print(repr(v), repr(s), type(e).__name__, e)
for v in (0, 1, -1, 255, 2**70, -2**70, True):
    for s in ("", "b", "#b", "o", "#o", "x", "#X", "c", "n", "d", "_d", ",", "e", ".2f", "%", "g", "08", "+#x", "=8", "^9", "z"):
        try:
            print(v, repr(s), repr(format(v, s)))
        except Exception as e:
            print(v, repr(s), type(e).__name__, e)
for s in ("1.5", "  -0.0 ", "1e-400", "4.9e-324", "2.4703282292062328e-324", "1.7976931348623159e308", "0x1p-1074", "1_2.3_4e1_0", ".e1", "1.e1", "١.٥", "\u20031"):
    try:
        print(repr(s), repr(float(s)))
    except ValueError as e:
        print(repr(s), e)
for x in (0.5, 1.5, 2.5, -0.5, 0.125, 2.675, 1e-300, 123.456):
    print(x, [round(x, n) for n in (-2, -1, 0, 1, 2, 3)], round(x))
print((0.1).hex(), (-0.0).hex(), (5e-324).hex(), float.fromhex("-0x1.fffffffffffffp+1023"), float.fromhex("0x.8p1"), float.fromhex(" 0X1P-2 "))
for s in ("0x1p1024", "0x1.0000000000001p-1075", "nan", "-Infinity", "0x1.8", "1p2", "0x"):
    try:
        print(s, float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(s, type(e).__name__, e)
