# f-strings: conversions (!r !s !a), format specs, nested replacement
# fields in specs, the = specifier, braces, and expressions inside.
name = "Ada"
value = 3.14159
items = ["x", "y"]
print(f"{name} {name!r} {name!s} {'café'!a}")
print(f"[{value:.2f}] [{value:10.3f}] [{value:<10.1f}] [{value:^10.1e}]")
print(f"{42:08b} {255:#x} {255:X} {1234567:,} {1234567:_d} {0.25:%}")
width, prec = 12, 3
print(f"[{value:{width}.{prec}f}] [{name:>{width}}] [{name:*^{width}}]")
print(f"{value=} {name=!r} {width * 2 = } {items[0]=:>4}")
print(f"{{literal braces}} {{{name}}}")
print(f"{'nested ' + f'{name.upper()}'}")
print(f"{items!r:>15}|")
print(f"{3 + 4}{'-' * 3}{len(items)}")
print(f"{(lambda x: x * 2)(21)}")
print(f"{'yes' if value > 3 else 'no'}")
d = {"key": "val"}
print(f"{d['key']} {d!r}")
print(f"""multi
line {name}""")
print(F"upper-case prefix {name}", rf"raw \n {name}", fR"{'mixed'}")

class Custom:
    def __format__(self, spec):
        return f"<Custom spec={spec!r}>"
    def __repr__(self):
        return "Custom()"
    def __str__(self):
        return "custom-str"

c = Custom()
print(f"{c} {c:abc} {c!r} {c!s:>12}")
try:
    print(f"{value:d}")
except ValueError as e:
    print("ValueError:", e)
try:
    print(f"{name:,}")
except ValueError as e:
    print("ValueError:", e)
for src in ['f"{}"', 'f"{x!z}"', 'f"{"', 'f"}"']:
    try:
        compile(src, "<f>", "eval")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
