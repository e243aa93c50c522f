# complex.__format__ (formatter_unicode.cpp) and repr(complex), which
# shares its code: 3.11's rules (no '=' alignment, no zero padding; no type
# means repr's form with parentheses unless the real part is +0).
values = [1 + 2j, -1.5 - 0.5j, 2j, -0.0 + 1j, complex(0.0, -0.0), complex(-0.0, -0.0), complex(1.5, -0.0),
          1e20 + 1e-5j, 12345.678 - 0.001j, complex(float("inf"), float("nan"))]
specs = ["", "20", "<20", "^22", "*>25", ".3", ".2f", ".3e", "+", " ", "#", "#.0f", ",.2f", "_.1f", "g", "G", "n",
         "z.1f", "-^24.2g"]
for z in values:
    print(repr(z), str(z), " | ".join(format(z, s) for s in specs))
    print(f"{z:>30.4}|{z!r:^30}|")
for spec in ["=20", "020", "0<20", "d", "s", "%", "r", "x", ".f", "5,_"]:
    try:
        print(format(1 + 2j, spec))
    except ValueError as e:
        print("ValueError", e)
try:
    (1j).__format__(5)
except TypeError as e:
    print("TypeError", e)
print((1 + 2j).__getnewargs__(), (3j).__complex__())
