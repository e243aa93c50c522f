# The format-spec mini-language for int: fill/align/sign/#/0/width/grouping/type.
n = 1234567
specs = ["", "d", "10", "<10", ">10", "^10", "*^11", "+", "-", " ", "+10", "=+10", "010", "-010",
         ",", "_", "15,", "015,", "x", "X", "#x", "#X", "o", "#o", "b", "#b", "_b", "_x", "#_x",
         "c", "n", "e", ".2e", "f", ".1f", "g", "%", ".0%", "#010x", "^#12b", "0=12", "+015_"]
for spec in specs:
    value = 65 if spec == "c" else n
    print(repr(spec).ljust(8), repr(format(value, spec)), repr(format(-value, spec)) if spec != "c" else "")
print(format(0, "#x"), format(0, "+"), format(-0, "b"), format(10**25, ","), format(-(10**20), "_x"))
print(f"{42:>{8}}", f"{42:{'^'}{9}}", f"{255:#{'x'}}", f"{7:0{3}d}", f"{True:5}", f"{True:x}")
bad = ["s", ",x", ",b", "_c", ".2d", "#c", "+c", "z", "10.2x", ",_", "_,", "=s", "<<", "ZZ", "0,c"]
for spec in bad:
    try:
        print(repr(spec), format(n, spec))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
try:
    format(-1, "c")
except (ValueError, OverflowError) as e:
    print(type(e).__name__, e)
try:
    format(0x110000, "c")
except (ValueError, OverflowError) as e:
    print(type(e).__name__, e)
format(n, "q")
