# str.replace (counts, empty patterns) and case methods (upper/lower/title/capitalize/swapcase/casefold).
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", 0), s.replace("one", "1", -1))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "aaa".replace("a", ""))
print("aaaa".replace("aa", "b"), "abc".replace("x", "y"), "ab".replace("ab", "abab"))
print(s.replace(old="one", new="x") if False else "kw skipped")
for call in (lambda: s.replace(1, "x"), lambda: s.replace("a"), lambda: s.replace("a", "b", "c"),
             lambda: s.replace("a", "b", count=1)):
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)
print("Hello World".upper(), "Hello World".lower(), "hello world".title(), "hELLO wORLD".swapcase())
print("they're bill's friends".title(), "hello".capitalize(), "HELLO THERE".capitalize(), "123abc".capitalize())
print("Stra\u00dfe".upper(), "Stra\u00dfe".lower(), "Stra\u00dfe".casefold(), "\u00dfx".title())
print("\u0130".lower(), len("\u0130".lower()), "\ufb01".upper(), "\u01c5".swapcase(), "\u01c6".title())
print("\u03a3\u039f\u03a3".lower(), "\u03a3".lower(), "a\u03a3".lower(), "\u1f80".upper())
print("istanbul".upper(), "\u0131".upper(), "MASSE".casefold() == "Ma\u00dfe".casefold())
print("x1y2".upper(), "".title(), "a_b-c d".title(), "o'neil mc-donald".title())
print("ABC".isupper(), "abc".islower(), "Title Case".istitle(), "Not title".istitle(), "123".isupper())
"x".upper(1)
