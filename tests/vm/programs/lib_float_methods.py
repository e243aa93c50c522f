# float methods: is_integer, as_integer_ratio, hex/fromhex, trunc/floor/ceil, conjugate.
for v in (1.0, 1.5, -0.0, 1e300, 0.1, -2.75, 5e-324):
    print(v, v.is_integer(), v.as_integer_ratio(), v.hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), float.fromhex("0x1.fffffffffffffp+1023"))
print(float.fromhex(" 0XAp0 "), float.fromhex("inf"), float.fromhex("-nan"), float.fromhex("0x.8"), float.fromhex("1"))
print((3.7).__trunc__(), (-3.7).__trunc__(), (3.2).__floor__(), (-3.2).__floor__(), (3.2).__ceil__(), (-3.2).__ceil__())
print((2.5).conjugate(), (2.5).real, (2.5).imag, float.__name__, (3.0).__int__())
print(float.fromhex((0.1).hex()) == 0.1, (1e100).hex(), (-1.5).hex(), (0.0).hex())
for call in (lambda: float("inf").as_integer_ratio(), lambda: float("nan").as_integer_ratio(),
             lambda: float.fromhex("0x1p99999"), lambda: float.fromhex("xyz"), lambda: float.fromhex(""),
             lambda: float("inf").__floor__(), lambda: float("nan").__trunc__(), lambda: float.fromhex(1)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(float.fromhex("0x1p-1075"), float.fromhex("0x1.0000000000001p-1074"), float.fromhex("0x3p-1076"))
print(float.__getformat__("double"), (0.5).__round__(), (1.5).__round__(), (2.675).__round__(2))
print(type((2.5).__round__()).__name__, type((2.5).__round__(0)).__name__)
