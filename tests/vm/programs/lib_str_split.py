# str.split / rsplit / splitlines / partition / rpartition, with maxsplit and errors.
s = "  alpha  beta\tgamma\n delta  "
print(s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=2))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2))
print("".split(), "".split(","), "   ".split(), "   ".split(" "))
print("a--b--c".split("--"), "abc".split("abc"), "aaa".split("a"), "a b".split(" ", 0))
print("x".rsplit("x", -1), "1 2 3".rsplit(maxsplit=1), "1 2 3".split(sep=" "))
print("line1\nline2\r\nline3\rline4\x0bx\x0cy\x1cz\x85w\u2028v".splitlines())
print("a\nb\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines(), "no newline".splitlines(True))
print("key=value=more".partition("="), "key=value=more".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="), "=".partition("="))
print("\u3000wide\u3000space".split(), "a\x1fb".split())
for call in (lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".partition(""),
             lambda: "a".split(1), lambda: "a".partition(None), lambda: "a".split(",", "1"),
             lambda: "a".rpartition(b"a")):
    try:
        print(call())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
csv = "name,age\nann,30\nbob,25"
rows = [line.split(",") for line in csv.splitlines()]
print(dict(zip(*rows[1:])) if False else [dict(zip(rows[0], r)) for r in rows[1:]])
print("a b c".split(maxsplit=-1), "a b c".split(None, -5))
"x".split(sep=5)
