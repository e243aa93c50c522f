# json/__init__.py: JSON (RFC 7159) serialization and parsing: dumps/dump,
# loads/load. minipy's own package with the API of CPython 3.11's
# Lib/json/; the parser is json/scanner.py, the serializer
# json/encoder.py, both pure Python. Book chapter 12, "The Standard
# Library".
#
# With every option at its default, dumps() and loads() use one shared
# encoder and decoder instead of building new ones per call.
"""JSON encoding and decoding: dumps/dump turn dicts, lists, str, int,
float, bool and None into JSON text, loads/load turn JSON text back.

    >>> import json
    >>> json.dumps({'a': [1, 2.5, None]})
    '{"a": [1, 2.5, null]}'
    >>> json.loads('{"a": [1, 2.5, null]}')
    {'a': [1, 2.5, None]}
"""
__version__ = '2.0.9'
__all__ = [
    'dump', 'dumps', 'load', 'loads',
    'JSONDecoder', 'JSONDecodeError', 'JSONEncoder',
]

from .decoder import JSONDecoder, JSONDecodeError
from .encoder import JSONEncoder

_default_encoder = JSONEncoder(
    skipkeys=False,
    ensure_ascii=True,
    check_circular=True,
    allow_nan=True,
    indent=None,
    separators=None,
    default=None,
)


def _all_default(skipkeys, ensure_ascii, check_circular, allow_nan, cls,
                 indent, separators, default, sort_keys, kw):
    return (not skipkeys and ensure_ascii and check_circular and allow_nan
            and cls is None and indent is None and separators is None
            and default is None and not sort_keys and not kw)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    """Serialize ``obj`` as a JSON formatted stream to ``fp`` (a
    ``.write()``-supporting file-like object).

    The options are those of ``dumps``.
    """
    if _all_default(skipkeys, ensure_ascii, check_circular, allow_nan, cls,
                    indent, separators, default, sort_keys, kw):
        iterable = _default_encoder.iterencode(obj)
    else:
        if cls is None:
            cls = JSONEncoder
        iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                       check_circular=check_circular, allow_nan=allow_nan,
                       indent=indent, separators=separators,
                       default=default, sort_keys=sort_keys, **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    """Serialize ``obj`` to a JSON formatted ``str``.

    ``skipkeys``: skip dict keys that are not str, int, float, bool or
    None instead of raising ``TypeError``. ``ensure_ascii``: escape all
    non-ASCII characters. ``check_circular``: detect reference cycles.
    ``allow_nan``: write NaN and +-Infinity instead of raising
    ``ValueError``. ``indent``: a non-negative int or a str, for
    pretty-printing. ``separators``: an ``(item_separator, key_separator)``
    tuple, by default ``(', ', ': ')``, or ``(',', ': ')`` with an indent.
    ``default(obj)``: returns a serializable version of obj or raises
    TypeError. ``sort_keys``: dictionaries sorted by key. ``cls``: a
    ``JSONEncoder`` subclass to use instead.
    """
    if _all_default(skipkeys, ensure_ascii, check_circular, allow_nan, cls,
                    indent, separators, default, sort_keys, kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


_default_decoder = JSONDecoder(object_hook=None, object_pairs_hook=None)

# Byte order marks, as in the codecs module.
_BOM_UTF8 = b'\xef\xbb\xbf'
_BOM_UTF16 = (b'\xfe\xff', b'\xff\xfe')
_BOM_UTF32 = (b'\x00\x00\xfe\xff', b'\xff\xfe\x00\x00')


def detect_encoding(b):
    """The encoding of a JSON document in bytes: a BOM if there is one,
    otherwise the pattern of zero bytes in the first four (JSON text
    starts with an ASCII character)."""
    if b.startswith(_BOM_UTF32):
        return 'utf-32'
    if b.startswith(_BOM_UTF16):
        return 'utf-16'
    if b.startswith(_BOM_UTF8):
        return 'utf-8-sig'
    if len(b) >= 4:
        if not b[0]:
            return 'utf-16-be' if b[1] else 'utf-32-be'
        if not b[1]:
            return 'utf-16-le' if b[2] or b[3] else 'utf-32-le'
    elif len(b) == 2:
        if not b[0]:
            return 'utf-16-be'
        if not b[1]:
            return 'utf-16-le'
    return 'utf-8'


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``fp`` (a ``.read()``-supporting file-like object
    containing a JSON document) to a Python object.

    The options are those of ``loads``.
    """
    return loads(fp.read(),
                 cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize ``s`` (a ``str``, ``bytes`` or ``bytearray`` instance
    containing a JSON document) to a Python object.

    ``object_hook(dict)`` and ``object_pairs_hook(list of pairs)``, if
    given, replace each decoded object by what they return (the pairs
    hook takes priority). ``parse_float``, ``parse_int`` and
    ``parse_constant`` are called with the text of every JSON float, int,
    and of -Infinity, Infinity and NaN. ``cls``: a ``JSONDecoder``
    subclass to use instead.
    """
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)",
                                  s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = s.decode(detect_encoding(s), 'surrogatepass')

    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)
