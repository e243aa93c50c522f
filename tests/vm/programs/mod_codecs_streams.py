# codecs: incremental encoders/decoders, BOM handling of utf-16/utf-32/
# utf-8-sig, stream readers and writers, codecs.open, EncodedFile,
# iterencode/iterdecode, charmap codecs, and TextIOWrapper over registry
# encodings.
import codecs
import io
import os
import tempfile

text = 'h\u00e9llo w\u20acrld\n\u4e2d\U0001f600\n'
for enc in ['utf-8', 'utf-16', 'utf-16-be', 'utf-32', 'utf-8-sig', 'cp1252', 'latin-1']:
    data = text.encode(enc, 'replace')
    dec = codecs.getincrementaldecoder(enc)('replace')
    pieces = [dec.decode(data[i:i + 3]) for i in range(0, len(data), 3)] + [dec.decode(b'', True)]
    encr = codecs.getincrementalencoder(enc)('replace')
    out = b''.join(encr.encode(c) for c in text) + encr.encode('', True)
    print(enc, ascii(''.join(pieces)), out == data, ascii(data[:6]))

print(list(codecs.iterencode(['ab', 'c\u20ac'], 'utf-16-le')), list(codecs.iterdecode([b'\xe2\x82', b'\xac'], 'utf-8')))
d = codecs.getincrementaldecoder('utf-16')()
try:
    d.decode(b'a\x00b\x00')
except UnicodeError as e:
    print('UnicodeError', e)
d = codecs.getincrementaldecoder('utf-8')()
print(repr(d.decode(b'\xe2\x82')), d.getstate(), repr(d.decode(b'\xac')))
try:
    d.decode(b'\xe2', True)
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)

stream = io.BytesIO()
w = codecs.getwriter('utf-16')(stream)
w.write('ab')
w.write('c')
print(stream.getvalue())
stream.seek(0)
r = codecs.getreader('utf-16')(stream)
print(repr(r.read()))
r = codecs.getreader('utf-8')(io.BytesIO('line1\nline2\r\nline3'.encode()))
print([r.readline(), r.readline(), r.readline(), r.readline()])
print(codecs.getreader('cp1252')(io.BytesIO(b'a\x80\nb\n')).readlines())

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'f.txt')
    with codecs.open(path, 'w', 'utf-8-sig') as f:
        f.write('\u00e9t\u00e9\n')
        print(type(f).__name__, f.encoding)
    with open(path, 'rb') as f:
        print(f.read())
    with codecs.open(path, 'r', 'utf-8-sig') as f:
        print(ascii(f.read()))
    for enc in ['utf-16', 'utf-8-sig', 'cp437', 'mac-roman', 'utf-32-le']:
        with open(path, 'w', encoding=enc, errors='replace') as f:
            f.write('caf\u00e9 \u2022\n')
        with open(path, 'a', encoding=enc) as f:
            f.write('more\n')
        with open(path, 'rb') as f:
            raw = f.read()
        with open(path, encoding=enc) as f:
            first = f.readline()
            pos = f.tell()
            rest = f.read()
            f.seek(pos)
            again = f.read()
        print(enc, raw, ascii(first), ascii(rest), again == rest, f.encoding)
    try:
        open(path, encoding='no-such-codec')
    except LookupError as e:
        print('LookupError', e)

ef = codecs.EncodedFile(io.BytesIO('\u00e9'.encode('latin-1')), 'utf-8', 'latin-1')
print(ef.read())
print('\u20ac\u00ff'.encode('cp437', 'replace'), b'\x80\x9b\xe1'.decode('cp437'), b'\xa5'.decode('mac_roman'))
print(codecs.charmap_decode(b'\x00\x01\x02', 'replace', 'ab'), codecs.charmap_encode('ab', 'strict', {97: 65, 98: b'BB'}))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE, codecs.BOM == codecs.BOM_UTF16)

# TextIOWrapper.reconfigure to registry encodings (and back).
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-8')
t.write('a\u20ac')
t.reconfigure(encoding='utf-16-le')
t.write('b\u20ac')
t.reconfigure(encoding='cp1252', errors='replace')
t.write('c\u20ac\u0100')
t.reconfigure(encoding='utf-8')
t.write('\u0100')
t.flush()
print(b.getvalue())
try:
    t.reconfigure(encoding='rot13')
except LookupError as e:
    print('LookupError', e)
r = io.TextIOWrapper(io.BytesIO(b'\xff\xfex\x00'), encoding='ascii')
r.reconfigure(encoding='utf-16')
print(repr(r.read()))
print(codecs.decode(b'616263', 'hex'), codecs.encode(b'abc', 'base64'), codecs.lookup('hex').name)
