# The format-spec mini-language for float: f/e/g/%/n, precision, alternate form, z (3.11), specials.
values = [0.0, -0.0, 1.5, -2.25, 1234.5678, 1e-7, 1e16, 123456789.0, 0.000123456, 2.5, 3.5]
specs = ["", "f", ".2f", ".0f", "#.0f", "e", ".3e", "E", "g", ".3g", "#g", "G", "%", ".1%",
         "+.2f", " .1f", "10.3f", "<10.2", "^12.3e", "012.4f", ",.2f", "_.3f", "z.1f", ".10g", ".1", "n"]
for v in values:
    print(repr(v), " ".join(repr(format(v, s)) for s in specs))
for special in (float("inf"), float("-inf"), float("nan")):
    print([format(special, s) for s in ("", "f", "e", "%", "010.2f", "+g", "G", "^7")])
print(format(1e300 * 10, ".3"), format(1 / 3, ".17g"), format(2 / 3, ".20f"), format(1e22, "f"))
print(format(0.5, ".0f"), format(1.5, ".0f"), format(2.675, ".2f"), format(1.0, ".0e"), format(9.99, ".1f"))
print(f"{3.14159:{10}.{3}}", f"{-0.0001:z.2f}", f"{-0.0:z}", f"{1e-5:.3}", f"{100.0:g}", f"{1e100:g}")
print(format(123.0, ".2g"), format(12345.678, ".2g"), format(0.0001, "g"), format(0.00001, "g"))
for spec in ("d", "x", "c", "b", ",d", "s", "=^"):
    try:
        print(repr(spec), format(1.5, spec))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
format(2.5, "Q")
