# str operators: indexing, slicing with steps, concatenation, repetition, comparison, immutability.
s = "Hello, W\u00f6rld \U0001F600!"
print(len(s), s[0], s[-1], s[-2], s[7:12], s[::-1], s[::3], s[100:], s[-100:3], s[5:2], s[1:-1:4])
print(s + "?", "ab" * 3, 3 * "-", "x" * 0, "x" * -2, "" * 10, "abc" < "abd", "abc" < "ab", "Z" < "a", "\u00e9" > "z")
print("a" in s, "W\u00f6" in s, "" in "", s.__len__(), [c for c in "h\u00e9"], list(reversed("abc")))
print("abc" == "abc", "abc" != "ABC", "abc".__eq__(1), sorted(["b", "B", "a", "\u00e0", "A"]))
print(str(), str(5), str(1.5), str([1, "a"]), str(None), str(b"x"), str(b"x", "ascii"), str(object)[:14])
for expr in (lambda: s[100], lambda: "a" + 1, lambda: 1 + "a", lambda: "a" * "b", lambda: "a" * 1.0,
             lambda: s.__setitem__(0, "h"), lambda: s["1"], lambda: "a" < 1, lambda: "a" - "b",
             lambda: str(b"\xff", "utf-8"), lambda: str(1, "utf-8"), lambda: -"a"):
    try:
        print(expr())
    except Exception as e:
        print(type(e).__name__, e)
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
words = []
for ch in "h\u00e9\U0001F600":
    words.append((ch, ord(ch), len(ch)))
print(words)
t = "immutable"
u = t
t += "!"
print(t, u, t is not u)
print("a\0b", len("a\0b"), "tab\there", "\x41\u0042\N{LATIN SMALL LETTER C}", "\101")
big = "ab" * 100000
print(len(big), big.count("ab"), big[99999:100003])
s[0] = "J"
