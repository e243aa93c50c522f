# str.splitlines boundaries, keepends, and line-oriented processing of text blocks.
text = "first\nsecond\r\nthird\rfourth\x0bfifth\x0csixth\x1cseventh\x1deighth\x1eninth\x85tenth\u2028eleventh\u2029twelfth"
lines = text.splitlines()
print(len(lines), lines)
print([repr(l[-1]) for l in text.splitlines(True)][:6])
print("a\n\nb\n".splitlines(), "\n\n".splitlines(True), "\r\r\n\n".splitlines(True), "x\r".splitlines())
print(b"a\nb\r\nc\rd\x0be".splitlines(), b"a\x85b".splitlines(), "a\x85b".splitlines())
block = """
    def f():
        return 1

    # comment
"""
stripped = [l.strip() for l in block.splitlines() if l.strip()]
print(stripped)
indents = [len(l) - len(l.lstrip()) for l in block.splitlines() if l.strip()]
print(indents, min(indents))
print("one line".splitlines(keepends=True), "".splitlines(True), "\n".join("a\nb".splitlines()) == "a\nb")
print("a\r\nb".split("\n"), "a\r\nb".splitlines(), len("x\n" * 1000).__index__(), len(("x\n" * 1000).splitlines()))
try:
    "x".splitlines(keepends="yes")
    print("string keepends accepted")
except TypeError as e:
    print(type(e).__name__, e)
"x".splitlines(1, 2)
