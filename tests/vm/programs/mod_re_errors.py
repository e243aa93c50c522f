# re: compile errors (re.error with CPython's messages and positions) and
# type errors of the matching functions.
import re

bad = ["(", ")", "[a", "a**", "*a", "a{3,2}", r"\q", r"(?P<1>x)", r"(?P<a>x)(?P<a>y)",
       r"(?<=a+)b", r"\2(a)", "(?z)", "a(?i)b", "x\ny(", r"\x4", r"\777", "(?P=zz)",
       "(?(1a)b)", "(a)(?(1)b|c|d)", "[b-a]", r"[\d-z]", "(?#unterminated", "(?", "\\"]
for p in bad:
    try:
        re.compile(p)
        print(repr(p), "compiled")
    except re.error as e:
        print(repr(p), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
for args in [(1, "a"), ("a", 1), (b"a", "a"), ("a", b"a")]:
    try:
        re.search(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError:", e)
try:
    re.compile("a", re.LOCALE)
except ValueError as e:
    print("ValueError:", e)
m = re.match(r"(a)(b)?", "a")
for g in (3, "x", -1):
    try:
        m.group(g)
    except IndexError as e:
        print("IndexError:", e)
for repl in [r"\3", r"\g<x>", r"\g<", r"\q"]:
    try:
        re.sub(r"(a)(b)?", repl, "ab")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
