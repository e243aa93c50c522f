# f-strings: the = specifier with spaces and conversions, nested quotes,
# nested f-strings, format specs computed from expressions, and
# __format__ receiving the computed spec.
x, y = 3, 4.5
items = {"k": [1, 2]}
print(f"{x=}", f"{x = }", f"{x=!s}", f"{y=:.3f}", f"{x + y=}")
print(f"{items['k'][1]=}", f'{items["k"]!r:>12}')
print(f"{f'{x}'*2}", f"{f'{y!r:>6}'}", f'''{f"{f'{x}'}"}''')
align = "^"
print(f"[{'mid':{align}{x * 4}}]", f"[{y:{'>' if x else '<'}8.2f}]")

class Spec:
    def __format__(self, spec):
        return f"Spec({spec})"

print(f"{Spec():{x}{'.'}{int(y)}}", format(Spec(), "raw"))
print(f"{'{'}{x}{'}'}", f"{{x}}", f"{x!r:{'>'}{5}}")
print(f"{ x }", f"{(x, y)}", f"{[v * 2 for v in range(x)]}", f"{ {'a': 1}['a'] }")
print(f"{'multi'}" f"{'-part'}" "-plain" f"{x:03d}")
