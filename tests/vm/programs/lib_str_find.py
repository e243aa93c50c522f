# str.find / rfind / index / rindex / count / startswith / endswith with ranges.
s = "the cat sat on the mat"
print(s.find("at"), s.rfind("at"), s.find("at", 6), s.find("at", 6, 8), s.find("dog"))
print(s.index("the"), s.rindex("the"), s.count("at"), s.count("at", 10), s.count(""), "".count(""))
print(s.find(""), s.find("", 100), s.rfind(""), "abc".find("", 3), "abc".find("", 4))
print(s.find("the", -6), s.find("t", -100, -10), s.count("a", 2, -2), "aaaa".count("aa"))
print(s.startswith("the"), s.startswith(("a", "th")), s.startswith("cat", 4), s.startswith("", 50))
print(s.endswith("mat"), s.endswith(("x", "y")), s.endswith("sat", 0, 11), s.endswith(()))
print("abc".startswith("abc", 0, 2), "abc".endswith("c", -1), "".startswith(""), "a".startswith("", 1))
for call in (lambda: s.index("dog"), lambda: s.rindex("x"), lambda: s.startswith(["the"]),
             lambda: s.find(None), lambda: s.count(1), lambda: s.endswith(("a", 1)),
             lambda: s.find("a", "1"), lambda: s.index("a", 0, 1)):
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("\u00e9t\u00e9".find("t"), "\U0001F600ab".index("b"), "na\u00efve".count("\u00ef"))
print(s.find("at", None, None), s.rfind("t", None, 5), s.index("t", 1))
print([i for i in range(len(s)) if s.startswith("at", i)])
print("x" in s, "cat" in s, "" in s, "Cat" not in s)
try:
    1 in s
except TypeError as e:
    print(type(e).__name__, e)
s.index("zebra")
