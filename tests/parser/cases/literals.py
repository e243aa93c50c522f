# literals.py: numbers, strings, bytes and their reprs in the AST dump.
a = (0, 00, 1_000, 0x_FF, 0o777, 0b1010, 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF, 123456789012345678901234567890)
b = (1.0, 1.5e10, 1e16, 1e15, 0.0001, 0.00001, 1e-7, 3.14159, 1e999, 1_0.5_0, 5e-324, .5, 5.)
c = (1j, 1.5j, 1e20j, 0j, 1e999j, 10J)
d = ("plain", 'it''s', "quote'd", 'say "hi"', 'both \' and "', "tab\there", "nl\nx", "\r\x00\x7f\x80\xff")
e = ("\u00e9\u4e2d\U0001F600", "\N{EULER CONSTANT}\N{LATIN SMALL LETTER A WITH ACUTE}", "\ud800", "\101\0\777")
f = (b"bytes", b'\x00\xff\n', rb"\d+", B"'", b'"', br'\x')
g = (r"raw\n", R'\\', u"unicode", U"upper", "\
continued", """triple
quoted""", '''it's''')
h = ("implicit" "concat" 'enation', b"a" b"b", "\N{BLACK STAR}" "\u2028\u2029\xa0\u200b")
i = ('\U0010FFFF', '\uFEFF', "\x1b[0m", 'é' "e\u0301")
