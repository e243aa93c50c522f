# str is* predicates over ASCII, Unicode digits, whitespace and identifiers.
samples = ["", "abc", "ABC", "Abc", "123", "\u00b2", "\u0663", "\u2155", "12.5", " \t\n",
           "\u3000", "abc123", "_id", "1id", "\u00e9t\u00e9", "\u4e2d\u6587", "a b", "\x00",
           "print", "\u2167", "\u0300", "\x85", "\u200b", "class", "\U0001F600"]
preds = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace",
         "isidentifier", "isprintable", "isascii", "islower", "isupper", "istitle"]
print("sample".ljust(10), " ".join(p[2:6] for p in preds))
for s in samples:
    flags = " ".join(("T" if getattr(s, p)() else ".").ljust(4) for p in preds)
    print(ascii(s).ljust(10), flags)
import sys
print("class".isidentifier(), "None".isidentifier(), "\u0394x".isidentifier(), "x\u00b7y".isidentifier())
try:
    "abc".isalpha(1)
except TypeError as e:
    print(type(e).__name__, e)
print(sum(c.isdigit() for c in "a1b22c333"), [c for c in "x1\u0664" if c.isdecimal()])
