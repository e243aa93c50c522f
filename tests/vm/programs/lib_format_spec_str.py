# The format-spec mini-language for str: alignment, fill, precision truncation, f-string conversions.
s = "text"
specs = ["", "s", "10", "<10", ">10", "^10", "^9", "*<8", "->8", "_^8", ".2", "10.2", "^7.3", ".0", "3"]
for spec in specs:
    print(repr(spec).ljust(7), repr(format(s, spec)), repr(format("", spec)), repr(format("\u00e9\u4e2d", spec)))
print(f"{s!r:>10}|{s!s:^8}|{s!a}", f"{'x':{'*'}^{5}}")
w, p = 12, 3
print(f"[{s:>{w}}]", f"[{s:.{p}}]", f"[{'abcdef':>{w}.{p}}]", f"{s=}", f"{s = }", f"{s=!s:>6}")
for spec in ("d", "x", "=10", "+", " ", "#", ",", "05", "10.2f", "z"):
    try:
        print(repr(spec), repr(format(s, spec)))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
print(format(None, ""), format([1, 2], ""), format((1,), ""), f"{None!r:>6}", f"{[1]!s:^7}")
for obj in (None, [1], (1,), {1: 2}, object.__new__(type("Opaque", (), {"__repr__": lambda self: "O"}))):
    try:
        print(format(obj, ">5"))
    except TypeError as e:
        print(type(e).__name__, e)
print("{:>6}".format("ab"), "%-6s|" % "ab", "ab".rjust(6) == format("ab", ">6"))
f"{s:d}"
