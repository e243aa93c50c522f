# float str/repr round trip over generated values, and formatting that does not round trip.
import sys
vals = []
x = 1.0
for i in range(40):
    x = x * 1.7 + 0.1 / (i + 1)
    vals.append(x if i % 2 else -x / 1e10)
ok = all(float(repr(v)) == v for v in vals)
print("repr round trip:", ok, repr(vals[0]), repr(vals[-1]))
print([repr(v) for v in vals[:6]])
lossy = [v for v in vals if float(f"{v:.6g}") != v]
print("6 significant digits lose", len(lossy), "of", len(vals))
print(repr(0.1 + 0.7), str(0.1 + 0.7), f"{0.1 + 0.7:.17g}", f"{0.1 + 0.7:.1f}", round(0.1 + 0.7, 1))
print(sys.float_info.dig, sys.float_info.mant_dig, repr(sys.float_info.min), repr(sys.float_info.max))
tiny = 5e-324
print(repr(tiny), repr(tiny * 2), float("4.9e-324") == tiny, float("2.5e-324"), float("2.4e-324"))
print(repr(1 / 3 * 3), repr(2 / 3), repr(1e-7), repr(123e-20), repr(1.0e+16), repr(12345678.9), repr(-1e-320))
print(float(repr(1.1)) == 1.1, float(str(1.1)) == 1.1, str(1e16) == repr(1e16), repr(float(2**63)))
print(float("0." + "0" * 400 + "1"), float("1" + "0" * 400) if False else "skip", float("9" * 20))
float("1e1000000") == float("inf")
