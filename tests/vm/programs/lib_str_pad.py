# str.center/ljust/rjust/zfill/expandtabs and their fill-character rules.
print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("abc".center(6, "-")), repr("abc".center(2)))
print(repr("a".ljust(4, ".")), repr("a".rjust(4, ".")), repr("long".ljust(2)), repr("".rjust(3, "\u00e9")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "".zfill(3), "-".zfill(3), "12345".zfill(3))
print(repr("a\tb\tc".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\tc\nabcd\te".expandtabs(4)))
print(repr("\t".expandtabs(0)), repr("x\ty".expandtabs(-1)), repr("12345678\tx".expandtabs(8)))
print(repr("a\r\tb".expandtabs(4)), repr("tab\t".expandtabs(tabsize=2)))
for call in (lambda: "a".center(5, "ab"), lambda: "a".ljust(5, ""), lambda: "a".rjust("5"),
             lambda: "a".zfill(None), lambda: "a".center(), lambda: "a".expandtabs("4"),
             lambda: "a".ljust(5, b"x")):
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)
table = [("apple", 1.5), ("kiwi", 12.25), ("watermelon", 100.0)]
for name, price in table:
    print(name.ljust(12, ".") + str(price).rjust(8))
print("|" + "title".center(20, "=") + "|")
print(repr("x".center(-5)), repr("x".zfill(-1)))
