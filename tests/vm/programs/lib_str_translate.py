# str.maketrans / translate: dict, two- and three-argument forms, deletion and errors.
t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc-abc".translate(t))
t2 = str.maketrans("ab", "AB", "c")
print(sorted(t2.items()), "abcabc".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, ord("c"): "33", "d": 100})
print(sorted(t3.items()), "abcd".translate(t3))
print("hello".translate({ord("l"): "L"}), "hello".translate({}), "\u00e9".translate({233: "e"}))
print("text".translate([None, None]) if False else "text".translate({116: None}))


class Table:
    def __getitem__(self, code):
        if chr(code) in "aeiou":
            return chr(code).upper()
        raise LookupError(code)


print("translate vowels".translate(Table()))
for call in (lambda: str.maketrans("ab", "x"), lambda: str.maketrans({"ab": 1}),
             lambda: str.maketrans(1), lambda: str.maketrans("a", "b", 3),
             lambda: "x".translate({ord("x"): 3.5}), lambda: "x".translate({ord("x"): 0x110000}),
             lambda: str.maketrans({1.5: "a"}), lambda: str.maketrans("a")):
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("abc".translate({97: 98, 98: 99}), "aaa".translate({97: ""}))
"x".translate(5)
