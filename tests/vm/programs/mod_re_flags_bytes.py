# re: bytes patterns, LOCALE/ASCII/UNICODE, IGNORECASE with Unicode case
# folding, RegexFlag, re.Scanner, re.DEBUG's dump, pickling and copying.
import copy

import re

print(re.findall(rb"\w+", b"caf\xe9 na\xefve 42"), re.findall(rb"(?L)\w+", b"abc d"))
print(re.findall(r"\w+", "café naïve 42"), re.findall(r"(?a)\w+", "café naïve 42"))
print(re.match(r"(?i)ǆ", "ǅ"), re.match(r"(?i)ſ", "S"), re.match(r"(?i)[k]", "\u212a"))
print(re.match(r"(?i)σ", "ς"), re.match(r"(?i)ß", "ẞ"), re.match(r"(?ai)k", "\u212a"))
print(re.match(rb"(?i)\xe9", b"\xc9"), re.match(rb"(?iL)a", b"A"))
print(re.sub(rb"(\d+)", rb"[\1]", b"a1b22"), re.split(rb"\s+", b"a b\tc"))
print(re.I | re.M | re.S, re.RegexFlag(10), ~re.A, list(re.RegexFlag)[:3], re.X.name, re.X.value)
print(re.compile("x", re.I | re.U), re.compile(b"x", re.L | re.I), re.compile("x", re.A | re.X))
for bad in [("x", re.L), (b"x", re.U), ("x", re.A | re.U), (b"x", re.A | re.L)]:
    try:
        re.compile(*bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ["(?L)x", b"(?u)x", "(?au)x", "(?-a:x)", "(?i-i:x)", "(?t-:x)", "(?i-:x)"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("error:", e)
s = re.Scanner([(r"[0-9]+", lambda s, t: ("NUM", int(t))), (r"[a-z_]\w*", lambda s, t: ("ID", t)),
                (r"[+*/-]", lambda s, t: ("OP", t)), (r"\s+", None)])
print(s.scan("x1 = 42 + y * 7 ?"))
p = re.compile(r"(?P<k>\w+)=(?P<v>\d+)", re.I)
print(copy.copy(p) is p, copy.deepcopy(p) is p)
m = p.search("  key=12 ")
print(copy.copy(m) is m, m.re is p, m.string, m.pos, m.endpos, m.regs)
re.compile(r"a(?P<g>b|c)*?d{2,}$", re.DEBUG)
