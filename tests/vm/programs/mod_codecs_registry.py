# codecs: lookup, CodecInfo, the registry (register/unregister, a custom
# search function), error handlers (built-in and registered), encode/decode
# of text and binary codecs, the errors of unknown names.
import codecs

info = codecs.lookup('UTF-8')
print(info.name, type(info).__name__, isinstance(info, tuple), len(info), info._is_text_encoding)
for name in ['latin1', 'L1', 'cp-1252', 'windows_1252', 'iso-8859-15', 'utf 16', 'U32', 'macintosh', 'ibm437',
             'utf-8-sig', 'unicode-escape', 'rot13', 'KOI8_R']:
    print(name, '->', codecs.lookup(name).name)
for name in ['nope', 'utf-9', '']:
    try:
        codecs.lookup(name)
    except LookupError as e:
        print('LookupError', e)


def search(name):
    if name == 'upper_test':
        return codecs.CodecInfo(lambda s, errors='strict': (s.upper().encode('ascii'), len(s)),
                                lambda b, errors='strict': (bytes(b).decode('ascii').lower(), len(b)),
                                name='upper-test')
    return None


codecs.register(search)
print('abc'.encode('upper_test'), b'XYZ'.decode('Upper Test'), codecs.encode('q', 'upper_test'))
codecs.unregister(search)
codecs._forget_codec('upper_test')
try:
    'abc'.encode('upper_test')
except LookupError as e:
    print('LookupError', e)

print(codecs.encode('Hello', 'rot13'), codecs.decode('Uryyb', 'rot_13'))
for f in [lambda: 'x'.encode('rot13'), lambda: b'x'.decode('rot13')]:
    try:
        f()
    except LookupError as e:
        print('LookupError', e)


def handler(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('{%s}' % exc.object[exc.start:exc.end], exc.end)
    return ('<%s>' % exc.object[exc.start:exc.end].hex(), exc.end)


codecs.register_error('test.braces', handler)
print('a\u20acb\u0100'.encode('latin-1', 'test.braces'), b'a\xff\xfeb'.decode('utf-8', 'test.braces'))
print(codecs.lookup_error('test.braces') is handler, codecs.lookup_error('strict'))
for name in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    h = codecs.lookup_error(name)
    try:
        print(name, h(UnicodeEncodeError('ascii', 'a\u20ac\U0001f600b', 1, 3, 'bad')))
    except UnicodeEncodeError as e:
        print(name, 'raised', e)
print(codecs.lookup_error('surrogateescape')(UnicodeDecodeError('utf-8', b'a\xff\xfe', 1, 3, 'bad')))
try:
    codecs.lookup_error('nope')
except LookupError as e:
    print('LookupError', e)
try:
    'x'.encode('utf-8', 'nope')
    '\u20ac'.encode('ascii', 'nope')
except LookupError as e:
    print('LookupError', e)
for f in [lambda: codecs.register(1), lambda: codecs.register_error('x', 2), lambda: codecs.lookup(3)]:
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
