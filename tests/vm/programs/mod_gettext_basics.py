# gettext: .mo catalogs of both byte orders (written here with struct),
# plural forms through c2py, contexts, fallbacks, the GNU API with
# bindtextdomain/textdomain, translation/install/find (lib/gettext.py;
# book ch. 12).
import builtins, gettext, os, struct, tempfile

def make_mo(messages, order='<'):
    # messages: {msgid (or (msgid, msgid_plural)): translation (or list)}
    def enc(x):
        if isinstance(x, tuple):
            return b'\0'.join(s.encode('utf-8') for s in x)
        if isinstance(x, list):
            return b'\0'.join(s.encode('utf-8') for s in x)
        return x.encode('utf-8')
    items = sorted((enc(k), enc(v)) for k, v in messages.items())
    n = len(items)
    header = 28
    ids_off = header
    strs_off = ids_off + 8 * n
    data_off = strs_off + 8 * n
    data = b''
    id_table = b''
    str_table = b''
    for k, _ in items:
        id_table += struct.pack(order + 'II', len(k), data_off + len(data))
        data += k + b'\0'
    for _, v in items:
        str_table += struct.pack(order + 'II', len(v), data_off + len(data))
        data += v + b'\0'
    magic = 0x950412de
    return struct.pack(order + '7I', magic, 0, n, ids_off, strs_off, 0, 0) + id_table + str_table + data

META = ('Project-Id-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n'
        'Plural-Forms: nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : '
        'n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;\n'
        'Last-Translator: somebody\n  continued line\n')
CATALOG = {
    '': META,
    'Hello': 'Привет',
    ('file', 'files'): ['файл', 'файла', 'файлов'],
    'menu\x04Open': 'Открыть',
    ('menu\x04item', 'items'): ['пункт', 'пункта', 'пунктов'],
}

with tempfile.TemporaryDirectory() as d:
    for lang, order in (('ru', '<'), ('uk', '>')):
        os.makedirs(os.path.join(d, lang, 'LC_MESSAGES'))
        with open(os.path.join(d, lang, 'LC_MESSAGES', 'app.mo'), 'wb') as f:
            f.write(make_mo(CATALOG, order))
    for lang in ('ru', 'uk'):
        t = gettext.translation('app', d, languages=[lang])
        print(type(t).__name__, t.charset(), sorted(t.info().items()))
        print(t.gettext('Hello'), t.gettext('Missing'))
        print([t.ngettext('file', 'files', n) for n in (1, 2, 5, 11, 21, 22, 25)])
        print(t.pgettext('menu', 'Open'), t.pgettext('other', 'Open'))
        print([t.npgettext('menu', 'item', 'items', n) for n in (1, 3, 7)])
        print(t.gettext('file'))
    print(os.path.relpath(gettext.find('app', d, languages=['de', 'ru']), d))
    print([os.path.relpath(m, d) for m in gettext.find('app', d, languages=['uk', 'ru'], all=True)])
    print(gettext.find('app', d, languages=['C', 'ru']))
    t = gettext.translation('app', d, languages=['uk', 'ru'])
    print(type(t._fallback).__name__)
    try:
        gettext.translation('nothing', d, languages=['ru'])
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
    print(type(gettext.translation('nothing', d, languages=['ru'], fallback=True)).__name__)
    # The GNU API with a bound domain; the language comes from $LANGUAGE.
    os.environ['LANGUAGE'] = 'ru'
    print(os.path.relpath(gettext.bindtextdomain('app', d), d), gettext.textdomain())
    print(gettext.dgettext('app', 'Hello'), gettext.dngettext('app', 'file', 'files', 3),
          gettext.dpgettext('app', 'menu', 'Open'), gettext.dnpgettext('app', 'menu', 'item', 'items', 5))
    gettext.textdomain('app')
    print(gettext.gettext('Hello'), gettext.ngettext('file', 'files', 2), gettext.pgettext('menu', 'Open'),
          gettext.npgettext('menu', 'item', 'items', 1))
    gettext.install('app', d, names=['ngettext'])
    print(_('Hello'), builtins.ngettext('file', 'files', 5))
    del builtins._, builtins.ngettext
    # Bad files.
    bad = os.path.join(d, 'bad.mo')
    for content in (b'\x00' * 28, struct.pack('<7I', 0x950412de, 5 << 16, 0, 28, 28, 0, 0),
                    make_mo({'a': 'b'})[:-2], make_mo({'a': 'b'})[:-6]):
        with open(bad, 'wb') as f:
            f.write(content)
        try:
            with open(bad, 'rb') as f:
                gettext.GNUTranslations(f)
        except OSError as e:
            print('OSError', e.errno, e.strerror, os.path.basename(e.filename))
        except struct.error as e:
            print('struct.error', e)

n = gettext.NullTranslations()
n.add_fallback(gettext.NullTranslations())
print(n.gettext('x'), n.ngettext('one', 'many', 1), n.ngettext('one', 'many', 0), n.pgettext('c', 'm'),
      n.npgettext('c', 'one', 'many', 2), n.info(), n.charset())

# c2py: translations of C plural expressions, and its errors.
for expr in ('n != 1', 'n>1', '0', 'n==1 ? 0 : n==2 ? 1 : 2', '(n%10==1 && n%100!=11) ? 0 : 1',
             'n == 0 || n == 1 ? 0 : 1', '!n', 'n/2', 'n < 2 < 3', '1 ? 2 : 3 ? 4 : 5'):
    f = gettext.c2py(expr)
    print(repr(expr), [f(i) for i in range(0, 30, 3)])
for expr in ('', 'n +', '(n', 'n)', 'x', 'n ? 1', '1n', 'n == = 1', 'n ** 2', 'n & 1', '(' * 30 + 'n' + ')' * 30,
             'n' + ' + n' * 500):
    try:
        gettext.c2py(expr)
        print(repr(expr[:20]), 'ok')
    except ValueError as e:
        print(repr(expr[:20]), 'ValueError:', e)
f = gettext.c2py('n != 1')
try:
    f('1')
except TypeError as e:
    print('TypeError:', e)
