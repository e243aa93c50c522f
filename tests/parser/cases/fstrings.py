# fstrings.py: f-strings into JoinedStr/FormattedValue, with their positions.
x = f"{a}"
y = f"a{b!r}c{d!s:>10}e{f!a:{w}.{p}}"
z = f"{x=}" f"{ y = }" f"{z=!s}" f"{w=:>5}"
w = f"{{literal}} {'nested'} {'q' if a else 'r'} {a['k']}"
v = (f"first {a}"
     "middle"
     f"last {b}")
u = f"""multi
  line {a +
b} and {c}"""
t = f"{a:{b}}" rf"\d{a}" fr'{a}\n' F"{a}"
s = f"" f"plain" "" f"{a}" ""
r = f"{(lambda: 1)()}"
q = f"{a!r:}" f"{3.14:.2f}" f"{x:{'>'}{10}}"
p = u"kind" f"{a}"
o = f"{a}{b}" f"{c}"
n = f"""{
a}"""
