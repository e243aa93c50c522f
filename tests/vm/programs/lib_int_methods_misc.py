# int methods and attributes: conjugate/real/imag/numerator, __index__, __round__, __format__, from subclasses of int via bool.
for n in (0, 5, -5, 2**70, True):
    print(repr(n), n.real, n.imag, n.numerator, n.denominator, n.conjugate(), n.__index__(), n.__abs__(), n.__neg__())
print((7).__round__(), (7).__round__(0), (1234).__round__(-2), (1250).__round__(-2), (1350).__round__(-2), (-1250).__round__(-2))
print((255).__format__("x"), (255).__format__(""), (5).__bool__(), (0).__bool__(), (5).__hash__(), (3).__sizeof__() > 0)
print((10).__add__(5), (10).__radd__(5), (10).__sub__(3), (10).__rsub__(3), (10).__floordiv__(3), (10).__rtruediv__(4))
print((2).__pow__(10), (2).__pow__(10, 1000), (2).__rpow__(3), (6).__and__(3), (6).__xor__(3), (6).__or__(3), (1).__lshift__(4))
print((5).__lt__(6), (5).__eq__(5.0), (5).__eq__("5"), (5).__ne__(5), (5).__ge__(5), (5).__float__(), (5).__int__())
print(int.__new__(int, 7), int.__new__(bool, 0) if False else "bool new skipped", type(int.__new__(int)).__name__)
print((12345678901234567890).bit_length(), (-(2**63)).bit_length(), (2**63 - 1).bit_count(), (-1).bit_count())
print(int.from_bytes(b"\x01\x00", "little").to_bytes(2, "big"), (65).to_bytes(1, "big").decode())
print((3).__trunc__(), (3).__floor__(), (3).__ceil__(), (-3).__invert__(), (3).__pos__(), divmod(17, 5) == (17).__divmod__(5))
try:
    (5).__round__("x")
except TypeError as e:
    print(type(e).__name__, e)
(5).__format__(5)
