# re: the backtracking engine's corner cases: repeats of groups, lazy and
# possessive quantifiers, atomic groups, lookarounds, conditionals,
# backreferences, empty matches, and deep inputs that must not use the C stack.
import re

cases = [
    (r"(a|ab)(c|bcd)(d*)", "abcd"), (r"((a)|b)+", "ab"), (r"(a*)*", "b"), (r"(a*)+", "b"),
    (r"(a|b)*?c", "abc"), (r"(?:(a)|b)*", "ab"), (r"(a+|b+)*c", "aabbc"),
    (r"(a)\1", "aa"), (r"(?i)(a)\1", "aA"), (r"(?P<x>[ab])(?P=x)+", "aaab"),
    (r"(a)?(?(1)b|c)", "c"), (r"(a)?(?(1)b|c)", "ab"), (r"(?<=ab)c", "abc"),
    (r"(?<!ab)c", "abc"), (r"\w+(?=!)", "hi!"), (r"(?>a|ab)c", "abc"), (r"a*+a", "aaa"),
    (r"(?:ab)*+c", "ababc"), (r"a{2,3}?", "aaaa"), (r"(a{2})*", "aaaaa"), (r"(?:a|())*", "aa"),
    (r"(a?)+?b", "aab"), (r"((?:a|b)*?)(b+)", "aabbb"), (r"(x)?(?(1)y|z)+", "zzx"),
]
for p, s in cases:
    m = re.match(p, s)
    print(p, s, m and (m.span(), m.groups(), m.lastindex))
print(re.match(r"(?:a|b)*c", "ab" * 20000 + "c").span())
print(re.match(r"(a|b)*c", "ab" * 20000 + "c").span())
print(re.match(r"(?:a|b)*?c", "ab" * 20000 + "c").span())
print(re.search(r"(a+)+$", "a" * 18 + "b"))
print(re.match("(" * 50 + "a" + ")" * 50, "a").groups()[:3])
print([m.span() for m in re.finditer(r"\b|x*", "ab xx")])
print(re.findall(r"^|$", "ab\ncd", re.M))
print(re.sub(r"(?m)^", "> ", "one\ntwo"))
print(len(re.findall(r"\w+", "word " * 10000)))
