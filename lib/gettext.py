# gettext.py: message catalogs (minipy's own). Mirrors the behaviour of
# CPython 3.11's Lib/gettext.py: the GNU API (gettext, ngettext, pgettext,
# npgettext and their d* variants, textdomain, bindtextdomain), the
# class-based API (NullTranslations, GNUTranslations reading .mo files of
# either byte order, translation, install, find) and c2py, which turns a
# Plural-Forms C expression into a Python function. Book chapter 12.
"""Internationalization and localization support (minipy's own gettext)."""

import os
import sys

__all__ = ['NullTranslations', 'GNUTranslations', 'Catalog',
           'bindtextdomain', 'find', 'translation', 'install',
           'textdomain', 'dgettext', 'dngettext', 'gettext',
           'ngettext', 'pgettext', 'dpgettext', 'npgettext',
           'dnpgettext']

_default_localedir = os.path.join(sys.base_prefix, 'share', 'locale')


# ---------------------------------------------------------------------------
# Plural-Forms expressions
#
# The language is a subset of C: decimal integers (a leading 0 is still
# decimal), the variable n, parentheses, ! (prefix), the binary operators
# * / % + - < > <= >= == != && || and the conditional ?:. c2py translates
# it to Python source text (&& -> and, || -> or, / -> //, a comparison
# whose operand is a comparison is parenthesised because Python would chain
# it) and compiles that.
# ---------------------------------------------------------------------------

# Binding strength of each binary operator (higher binds tighter).
_binary_ops = {'||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '>': 4, '<=': 4,
               '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6}
_c2py_ops = {'||': 'or', '&&': 'and', '/': '//'}
_EQUALITY, _RELATIONAL = 3, 4


def _tokenize(plural):
    # The tokens of the expression, then '' at the end. Spaces and tabs
    # separate tokens; anything else that is not a token is an error.
    i, end = 0, len(plural)
    while i < end:
        c = plural[i]
        if c in ' \t':
            i += 1
            continue
        if c.isdigit() and c.isascii():
            j = i
            while j < end and plural[j].isdigit() and plural[j].isascii():
                j += 1
            if j < end and _is_word_char(plural[j]):
                # Digits running into letters ("1n") form one bad word.
                yield _bad_word(plural, i)
            yield plural[i:j]
            i = j
            continue
        if c == 'n' and not (i + 1 < end and _is_word_char(plural[i + 1])):
            yield 'n'
            i += 1
            continue
        if c in '()-*/%+?:':
            yield c
            i += 1
            continue
        if c in '<>!=':
            if plural[i + 1:i + 2] == '=':
                yield c + '='
                i += 2
                continue
            if c != '=':
                yield c
                i += 1
                continue
        if c in '&|' and plural[i + 1:i + 2] == c:
            yield c + c
            i += 2
            continue
        yield _bad_word(plural, i)
    yield ''


def _is_word_char(c):
    return c.isalnum() or c == '_'


def _bad_word(plural, i):
    # Raises for the invalid token at i: a whole word, or one character.
    j = i
    while j < len(plural) and _is_word_char(plural[j]):
        j += 1
    word = plural[i:j] if j > i else plural[i]
    raise ValueError('invalid token in plural form: %s' % word)


def _error(value):
    if value:
        return ValueError('unexpected token in plural form: %s' % value)
    return ValueError('unexpected end of plural form')


def _parse(tokens, priority=-1):
    # Parses an operand followed by binary operators binding at least as
    # tightly as `priority`; priority <= 0 also takes a trailing ?: (0
    # parenthesises it, for the then-branch of an enclosing ?:). Returns
    # (python text, the token after it).
    result = ''
    tok = next(tokens)
    while tok == '!':
        result += 'not '
        tok = next(tokens)
    if tok == '(':
        inner, tok = _parse(tokens)
        if tok != ')':
            raise ValueError('unbalanced parenthesis in plural form')
        result = '%s(%s)' % (result, inner)
    elif tok == 'n':
        result += tok
    else:
        try:
            value = int(tok, 10)
        except ValueError:
            raise _error(tok) from None
        result = '%s%d' % (result, value)
    tok = next(tokens)

    last = 100
    while tok in _binary_ops:
        level = _binary_ops[tok]
        if level < priority:
            break
        if level in (_EQUALITY, _RELATIONAL) and last in (_EQUALITY, _RELATIONAL):
            result = '(%s)' % result
        op = _c2py_ops.get(tok, tok)
        right, tok = _parse(tokens, level + 1)
        result = '%s %s %s' % (result, op, right)
        last = level
    if last == priority == _RELATIONAL:
        result = '(%s)' % result

    if tok == '?' and priority <= 0:
        if_true, tok = _parse(tokens, 0)
        if tok != ':':
            raise _error(tok)
        if_false, tok = _parse(tokens)
        result = '%s if %s else %s' % (if_true, result, if_false)
        if priority == 0:
            result = '(%s)' % result
    return result, tok


def _as_int(n):
    # A non-int plural count: TypeError unless it can be rounded, then a
    # DeprecationWarning pointing at the first caller outside this module.
    try:
        round(n)
    except TypeError:
        raise TypeError('Plural value must be an integer, got %s' %
                        (n.__class__.__name__,)) from None
    import warnings
    frame = sys._getframe(1)
    stacklevel = 2
    while frame.f_back is not None and frame.f_globals.get('__name__') == __name__:
        stacklevel += 1
        frame = frame.f_back
    warnings.warn('Plural value must be an integer, got %s' %
                  (n.__class__.__name__,), DeprecationWarning, stacklevel)
    return n


def c2py(plural):
    """Gets a C expression as used in PO files for plural forms and returns a
    Python function that implements an equivalent expression.
    """
    if len(plural) > 1000:
        raise ValueError('plural form expression is too long')
    try:
        source, tok = _parse(_tokenize(plural))
        if tok:
            raise _error(tok)
        depth = 0
        for c in source:
            if c == '(':
                depth += 1
                if depth > 20:
                    raise ValueError('plural form expression is too complex')
            elif c == ')':
                depth -= 1
        # Some C expressions translate to invalid Python ('n * not 1'):
        # the SyntaxError escapes, naming line 5 as CPython's does.
        namespace = {'_as_int': _as_int, '__name__': __name__}
        exec('if True:\n'
             '    def func(n):\n'
             '        if not isinstance(n, int):\n'
             '            n = _as_int(n)\n'
             '        return int(%s)\n' % source, namespace)
        return namespace['func']
    except RecursionError:
        raise ValueError('plural form expression is too complex')


# ---------------------------------------------------------------------------
# Locating catalogs
# ---------------------------------------------------------------------------

_locale_normalize = None


def _normalize_locale(loc):
    # locale.normalize when the locale module is there (it maps aliases
    # such as 'de' to 'de_DE.ISO8859-1'); the name unchanged otherwise.
    # Looked up once: every gettext() call comes here, and a failing
    # import would search sys.path each time.
    global _locale_normalize
    if _locale_normalize is None:
        try:
            import locale
            _locale_normalize = locale.normalize
        except (ImportError, AttributeError):
            _locale_normalize = str
    return _locale_normalize(loc)


def _expand_lang(loc):
    # language[_territory][.codeset][@modifier] -> every variant made of the
    # language plus a subset of the other parts, most specific first.
    loc = _normalize_locale(loc)
    parts = []
    for sep in ('@', '.', '_'):
        pos = loc.find(sep)
        if pos >= 0:
            parts.append(loc[pos:])
            loc = loc[:pos]
        else:
            parts.append(None)
    modifier, codeset, territory = parts
    language = loc
    variants = []
    for with_modifier in (True, False):
        for with_territory in (True, False):
            for with_codeset in (True, False):
                if ((with_modifier and modifier is None)
                        or (with_codeset and codeset is None)
                        or (with_territory and territory is None)):
                    continue
                val = language
                if with_territory:
                    val += territory
                if with_codeset:
                    val += codeset
                if with_modifier:
                    val += modifier
                variants.append(val)
    return variants


def find(domain, localedir=None, languages=None, all=False):
    if localedir is None:
        localedir = _default_localedir
    if languages is None:
        languages = []
        for envar in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'):
            val = os.environ.get(envar)
            if val:
                languages = val.split(':')
                break
        if 'C' not in languages:
            languages.append('C')
    expanded = []
    for lang in languages:
        for variant in _expand_lang(lang):
            if variant not in expanded:
                expanded.append(variant)
    result = [] if all else None
    # 'C' ends the search: languages after it are not looked at.
    for lang in expanded:
        if lang == 'C':
            break
        mofile = os.path.join(localedir, lang, 'LC_MESSAGES', '%s.mo' % domain)
        if os.path.exists(mofile):
            if not all:
                return mofile
            result.append(mofile)
    return result


# ---------------------------------------------------------------------------
# Translation classes
# ---------------------------------------------------------------------------

class NullTranslations:

    def __init__(self, fp=None):
        self._info = {}
        self._charset = None
        self._fallback = None
        if fp is not None:
            self._parse(fp)

    def _parse(self, fp):
        pass

    def add_fallback(self, fallback):
        if self._fallback:
            self._fallback.add_fallback(fallback)
        else:
            self._fallback = fallback

    def gettext(self, message):
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.npgettext(context, msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def info(self):
        return self._info

    def charset(self):
        return self._charset

    def install(self, names=None):
        import builtins
        builtins.__dict__['_'] = self.gettext
        if names is not None:
            allowed = {'gettext', 'ngettext', 'npgettext', 'pgettext'}
            for name in allowed & set(names):
                builtins.__dict__[name] = getattr(self, name)


class GNUTranslations(NullTranslations):
    # A .mo file: a 28-byte header (magic, revision, count N, offset of the
    # original-strings table, offset of the translations table, hash table
    # size and offset), then the two tables of N (length, offset) pairs.
    # The magic gives the byte order. The empty original string's
    # translation is the metadata (Content-Type's charset, Plural-Forms).
    LE_MAGIC = 0x950412de
    BE_MAGIC = 0xde120495

    # A message with a context is stored as context + '\x04' + msgid.
    CONTEXT = "%s\x04%s"

    VERSIONS = (0, 1)

    def _get_versions(self, version):
        """Returns a tuple of major version, minor version"""
        return (version >> 16, version & 0xffff)

    def _parse(self, fp):
        """Override this method to support alternative .mo formats."""
        from struct import unpack
        filename = getattr(fp, 'name', '')
        self._catalog = catalog = {}
        self.plural = lambda n: int(n != 1)
        buf = fp.read()
        buflen = len(buf)
        magic = unpack('<I', buf[:4])[0]
        if magic == self.LE_MAGIC:
            order = '<'
        elif magic == self.BE_MAGIC:
            order = '>'
        else:
            raise OSError(0, 'Bad magic number', filename)
        version, msgcount, masteridx, transidx = unpack(order + '4I', buf[4:20])
        pair = order + 'II'
        major_version, minor_version = self._get_versions(version)
        if major_version not in self.VERSIONS:
            raise OSError(0, 'Bad version number ' + str(major_version),
                          filename)

        for _i in range(msgcount):
            mlen, moff = unpack(pair, buf[masteridx:masteridx + 8])
            tlen, toff = unpack(pair, buf[transidx:transidx + 8])
            mend = moff + mlen
            tend = toff + tlen
            if not (mend < buflen and tend < buflen):
                raise OSError(0, 'File is corrupt', filename)
            msg = buf[moff:mend]
            tmsg = buf[toff:tend]
            if mlen == 0:
                self._parse_metadata(tmsg)
            # Both sides decode with the catalog's charset (ASCII until the
            # metadata names one).
            charset = self._charset or 'ascii'
            if b'\x00' in msg:
                # msgid\0msgid_plural -> one entry per plural form index.
                msgid1, msgid2 = msg.split(b'\x00')
                msgid1 = str(msgid1, charset)
                for i, form in enumerate(tmsg.split(b'\x00')):
                    catalog[(msgid1, i)] = str(form, charset)
            else:
                catalog[str(msg, charset)] = str(tmsg, charset)
            masteridx += 8
            transidx += 8

    def _parse_metadata(self, tmsg):
        # "Key: value" lines; a line without a colon continues the last
        # value; #-#-#-#-# lines (from msgcat) are skipped.
        lastk = None
        for b_item in tmsg.split(b'\n'):
            item = b_item.decode().strip()
            if not item:
                continue
            if item.startswith('#-#-#-#-#') and item.endswith('#-#-#-#-#'):
                continue
            k = v = None
            if ':' in item:
                k, v = item.split(':', 1)
                k = k.strip().lower()
                v = v.strip()
                self._info[k] = v
                lastk = k
            elif lastk:
                self._info[lastk] += '\n' + item
            if k == 'content-type':
                self._charset = v.split('charset=')[1]
            elif k == 'plural-forms':
                plural = v.split(';')[1].split('plural=')[1]
                self.plural = c2py(plural)

    def _lookup_singular(self, key):
        # A singular lookup also finds the form for n=1 of a plural entry.
        missing = object()
        tmsg = self._catalog.get(key, missing)
        if tmsg is missing:
            tmsg = self._catalog.get((key, self.plural(1)), missing)
        return None if tmsg is missing else tmsg

    def gettext(self, message):
        tmsg = self._lookup_singular(message)
        if tmsg is not None:
            return tmsg
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        try:
            return self._catalog[(msgid1, self.plural(n))]
        except KeyError:
            if self._fallback:
                return self._fallback.ngettext(msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        tmsg = self._lookup_singular(self.CONTEXT % (context, message))
        if tmsg is not None:
            return tmsg
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        key = self.CONTEXT % (context, msgid1)
        try:
            return self._catalog[key, self.plural(n)]
        except KeyError:
            if self._fallback:
                return self._fallback.npgettext(context, msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2


# Parsed catalogs by (class, absolute path): each file is read once.
_translations = {}


def translation(domain, localedir=None, languages=None,
                class_=None, fallback=False):
    if class_ is None:
        class_ = GNUTranslations
    mofiles = find(domain, localedir, languages, all=True)
    if not mofiles:
        if fallback:
            return NullTranslations()
        from errno import ENOENT
        raise FileNotFoundError(ENOENT,
                                'No translation file found for domain', domain)
    # Each file's catalog is shared; the returned objects are shallow
    # copies so that their fallbacks and charsets are their own. The first
    # file is the result, the others its chain of fallbacks.
    import copy
    result = None
    for mofile in mofiles:
        key = (class_, os.path.abspath(mofile))
        t = _translations.get(key)
        if t is None:
            with open(mofile, 'rb') as fp:
                t = _translations.setdefault(key, class_(fp))
        t = copy.copy(t)
        if result is None:
            result = t
        else:
            result.add_fallback(t)
    return result


def install(domain, localedir=None, *, names=None):
    translation(domain, localedir, fallback=True).install(names)


# ---------------------------------------------------------------------------
# The GNU API: a current domain and a directory per domain
# ---------------------------------------------------------------------------

_localedirs = {}
_current_domain = 'messages'


def textdomain(domain=None):
    global _current_domain
    if domain is not None:
        _current_domain = domain
    return _current_domain


def bindtextdomain(domain, localedir=None):
    if localedir is not None:
        _localedirs[domain] = localedir
    return _localedirs.get(domain, _default_localedir)


def _domain_translation(domain):
    # The domain's translation, or None when it has no catalog.
    try:
        return translation(domain, _localedirs.get(domain, None))
    except OSError:
        return None


def dgettext(domain, message):
    t = _domain_translation(domain)
    return message if t is None else t.gettext(message)


def dngettext(domain, msgid1, msgid2, n):
    t = _domain_translation(domain)
    if t is None:
        return msgid1 if n == 1 else msgid2
    return t.ngettext(msgid1, msgid2, n)


def dpgettext(domain, context, message):
    t = _domain_translation(domain)
    return message if t is None else t.pgettext(context, message)


def dnpgettext(domain, context, msgid1, msgid2, n):
    t = _domain_translation(domain)
    if t is None:
        return msgid1 if n == 1 else msgid2
    return t.npgettext(context, msgid1, msgid2, n)


def gettext(message):
    return dgettext(_current_domain, message)


def ngettext(msgid1, msgid2, n):
    return dngettext(_current_domain, msgid1, msgid2, n)


def pgettext(context, message):
    return dpgettext(_current_domain, context, message)


def npgettext(context, msgid1, msgid2, n):
    return dnpgettext(_current_domain, context, msgid1, msgid2, n)


# The older name of translation() (James Henstridge's GNOME gettext).
Catalog = translation
