"""encodings: minipy's codec package and its search function.

minipy's own version of CPython 3.11's Lib/encodings/__init__.py (book
chapter 12). Importing the package registers search_function with the
codec registry (_codecs.register): for an encoding name it finds the
module encodings.<name> (after normalize_encoding and the alias table of
encodings.aliases) and returns what its getregentry() returns, a
codecs.CodecInfo. A module may also offer getaliases() to add names.
"""
import codecs
import sys

from . import aliases

_cache = {}
_unknown = '--unknown--'
_import_tail = ['*']
_aliases = aliases.aliases


class CodecRegistryError(LookupError, SystemError):
    pass


def normalize_encoding(encoding):
    """The module-name form of an encoding name: every run of characters
    other than ASCII letters, digits and '.' becomes one underscore (none
    at the ends); non-ASCII letters and digits are dropped. Case is kept."""
    if isinstance(encoding, bytes):
        encoding = str(encoding, "ascii")
    out = []
    pending = False
    for c in encoding:
        if c.isalnum() or c == '.':
            if pending and out:
                out.append('_')
            if c.isascii():
                out.append(c)
            pending = False
        else:
            pending = True
    return ''.join(out)


def search_function(encoding):
    entry = _cache.get(encoding, _unknown)
    if entry is not _unknown:
        return entry

    # The alias table first (also with '.' read as '_'), then the name itself.
    norm = normalize_encoding(encoding)
    target = _aliases.get(norm) or _aliases.get(norm.replace('.', '_'))
    candidates = [target, norm] if target is not None else [norm]
    mod = None
    for modname in candidates:
        if not modname or '.' in modname:
            continue
        try:
            mod = __import__('encodings.' + modname, fromlist=_import_tail, level=0)
        except ImportError:
            continue
        break

    getregentry = getattr(mod, 'getregentry', None)
    if getregentry is None:
        _cache[encoding] = None
        return None

    entry = getregentry()
    if not isinstance(entry, codecs.CodecInfo):
        if not 4 <= len(entry) <= 7:
            raise CodecRegistryError('module "%s" (%s) failed to register'
                                     % (mod.__name__, mod.__file__))
        if not callable(entry[0]) or not callable(entry[1]) or \
           (entry[2] is not None and not callable(entry[2])) or \
           (entry[3] is not None and not callable(entry[3])) or \
           (len(entry) > 4 and entry[4] is not None and not callable(entry[4])) or \
           (len(entry) > 5 and entry[5] is not None and not callable(entry[5])):
            raise CodecRegistryError('incompatible codecs in module "%s" (%s)'
                                     % (mod.__name__, mod.__file__))
        if len(entry) < 7 or entry[6] is None:
            entry += (None,) * (6 - len(entry)) + (mod.__name__.split(".", 1)[1],)
        entry = codecs.CodecInfo(*entry)

    _cache[encoding] = entry
    try:
        more = mod.getaliases()
    except AttributeError:
        pass
    else:
        for alias in more:
            if alias not in _aliases:
                _aliases[alias] = modname
    return entry


codecs.register(search_function)
