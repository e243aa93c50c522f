# unicodedata: properties, names, lookups (aliases, named sequences),
# normalization, the 3.2.0 database object and the argument errors.
import unicodedata as ud

print(ud.unidata_version, ud.ucd_3_2_0.unidata_version, type(ud.ucd_3_2_0).__name__)
for ch in 'aZ5\u00bd\u0661\u00b2\u2167\u4e07\u0301\u05d0\u0627(\u00e9\uac00\u3000\uff21\U0001d400\ufdfa\u0378\U0001fbf9':
    print('U+%04X' % ord(ch), ud.name(ch, '<none>'), ud.category(ch), repr(ud.bidirectional(ch)),
          ud.combining(ch), ud.east_asian_width(ch), ud.mirrored(ch), repr(ud.decomposition(ch)),
          ud.decimal(ch, None), ud.digit(ch, None), ud.numeric(ch, None))

for name in ['LATIN SMALL LETTER A', 'latin small letter a', 'EURO SIGN', 'BYTE ORDER MARK', 'LF', 'nbsp',
             'LATIN CAPITAL LETTER GHA', 'HANGUL SYLLABLE GAG', 'CJK UNIFIED IDEOGRAPH-4E00',
             'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'KEYCAP DIGIT ONE', b'SNOWMAN']:
    print(ascii(name), ascii(ud.lookup(name)))
for bad in ['NOT A CHARACTER', 'cjk unified ideograph-4e00', 'x' * 300, 'KEYCAP DIGIT ONE ']:
    try:
        ud.lookup(bad)
    except KeyError as e:
        print('KeyError', e)
try:
    ud.ucd_3_2_0.lookup('KEYCAP DIGIT ONE')
except KeyError as e:
    print('3.2.0 KeyError', e)

s = 'Cafe\u0301 \ufb01 \u2460 \u1e9b\u0323 \uac00\u11a8 \u212b'
for form in ('NFC', 'NFD', 'NFKC', 'NFKD'):
    n = ud.normalize(form, s)
    print(form, ascii(n), ud.is_normalized(form, s), ud.is_normalized(form, n))
print(ud.normalize('NFC', s) is not s, ud.normalize('NFC', 'abc') == 'abc')
# Lone surrogates stay as they are and block composition.
for t in ['\ud800\udc00', 'e\u0301\udc80e\u0301', 'a\u0301\ud800\u0301', '\ufb01\udfff\ufb01']:
    print([ascii(ud.normalize(f, t)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')], ud.is_normalized('NFC', t))
print(ud.ucd_3_2_0.category('\u0221'), ud.category('\u0221'), ud.ucd_3_2_0.name('\u20ac'))

for call in [lambda: ud.name('\x00'), lambda: ud.decimal('x'), lambda: ud.digit('x'), lambda: ud.numeric('x'),
             lambda: ud.category('ab'), lambda: ud.category(1), lambda: ud.decimal(), lambda: ud.name('a', 1, 2),
             lambda: ud.normalize('NFX', 'a'), lambda: ud.normalize('NFC', 1), lambda: ud.lookup(1),
             lambda: ud.UCD(), lambda: ud.decimal(chr=1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
