# str.join and the strip family (strip/lstrip/rstrip/removeprefix/removesuffix).
print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(("1",)))
print("+".join(str(i) for i in range(5)), ", ".join({"k": 1, "j": 2}))
for bad in (["a", 1], [b"x"], None, [None]):
    try:
        print("-".join(bad))
    except TypeError as e:
        print(type(e).__name__, e)
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print(repr("\t\n\x0b\x0c\r hi \u3000\x85".strip()), repr("xxhixx".strip("x")), repr("abchicba".strip("abc")))
print(repr("www.example.com".lstrip("w.")), repr("mississippi".rstrip("ips")), repr("".strip()))
print(repr("aaa".strip("a")), repr("hi".strip("")), repr("hi".strip(None)))
print("TestCase".removeprefix("Test"), "TestCase".removeprefix("Case"), "file.py".removesuffix(".py"))
print(repr("abc".removesuffix("")), repr("abc".removeprefix("abc")), "x.tar.gz".removesuffix(".gz").removesuffix(".tar"))
for call in (lambda: "x".strip(5), lambda: "x".removeprefix(None), lambda: "x".lstrip(b"x"),
             lambda: "x".removesuffix(("x",))):
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)


class S(str):
    pass


print(type(S(" a ").strip()).__name__, type("".join([S("x")])).__name__, "".join([S("x"), S("y")]))
",".join([1, 2])
