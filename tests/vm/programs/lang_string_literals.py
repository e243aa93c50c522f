# String and bytes literals: escapes, raw strings, implicit concatenation,
# triple quotes, unicode escapes, and bytes restrictions.
print("tab\tnewline\\n quote\" apostrophe\' bell-less")
print('\x41\101\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}')
print(r"raw \n \t \\", R'raw\'quote')
print("implicit " 'concatenation ' """of three""")
print(len("\0\1\2"), repr("\0\1\2"))
text = """first line
    indented line\
 continued"""
print(text)
print(repr('single \' and double " quotes'), repr("it's"), repr('say "hi"'))
print(b"bytes\x00\xff", rb"\x00", b"A" b"B")
print(list(b"\n\t\\"), bytes([104, 105]))
print("\N{LATIN SMALL LETTER E WITH ACUTE}" == "\u00e9" == "é")
print(repr("\r\x0b\x0c\x7f"), ascii("ü€"))
print(u"unicode prefix", "a" "b" == "ab")
print("%s is %d years, %.1f%%" % ("Sam", 30, 99.5))
print(repr(str(b"x")), repr(bytes("x", "ascii")))
for src in ['b"é"', '"\\N{NO SUCH NAME}"', '"unterminated', '"\\x4"', "b'\\u1234'"]:
    try:
        v = eval(src)
        print("ok", repr(v))
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
