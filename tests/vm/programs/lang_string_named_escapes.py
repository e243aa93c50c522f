# "\N{...}" escapes in str literals: character names in any case, the name
# aliases (control, abbreviation, correction, figment), the computed Hangul
# and CJK names as CPython parses them, and the names Unicode 14.0 does not
# have (Tangut ideographs, later characters) as SyntaxErrors.
print(ascii("\N{LF}\N{NULL}\N{nul}\N{BYTE ORDER MARK}\N{BOM}\N{ZWNJ}\N{NBSP}"))
print(ascii("\N{LATIN CAPITAL LETTER GHA}\N{latin small letter a}\N{EM DASH}"))
print(ascii("\N{HANGUL SYLLABLE GA}\N{HANGUL SYLLABLE HIH}\N{CJK UNIFIED IDEOGRAPH-4E00}"))
print(ascii("\N{CJK UNIFIED IDEOGRAPH-04E00}\N{CJK UNIFIED IDEOGRAPH-20000}"))
for name in ["hangul syllable ga", "CJK UNIFIED IDEOGRAPH-4e00", "CJK UNIFIED IDEOGRAPH-0041",
             "CJK UNIFIED IDEOGRAPH-004E00", "TANGUT IDEOGRAPH-17000", "KAWI LETTER A", "NO SUCH NAME",
             "KATAKANA LETTER AINU P", "TOXIC SYMBOL", ""]:
    try:
        print(name, ascii(eval('"\\N{%s}"' % name)))
    except SyntaxError as e:
        print(name, "SyntaxError:", e.msg)
