# json/encoder.py: JSONEncoder, Python values to JSON text. minipy's own
# module with the API of CPython 3.11's Lib/json/encoder.py. Book chapter
# 12, "The Standard Library".
#
# The one-shot encoding without indent (dumps' usual case) is the native
# _json.make_encoder (modules/_json.cpp) when it exists, as in CPython.
# Otherwise one Python encoder, which appends chunks to a list (for
# minipy's eval loop a list of str is much cheaper than a chain of
# generators). CPython has two,
# the C one (Modules/_json.c, used by encode() without indent) and a Python
# one (iterencode(), indent); they differ in one observable way that is
# kept here: the allow_nan=False error names the value ("...: nan") only in
# the Python one. iterencode() returns an iterator over the finished chunks,
# so json.dump() writes nothing when encoding fails (CPython's writes the
# chunks made before the error).

try:
    from _json import encode_basestring_ascii as c_encode_basestring_ascii
    from _json import encode_basestring as c_encode_basestring
    from _json import make_encoder as c_make_encoder
except ImportError:
    c_encode_basestring_ascii = c_encode_basestring = c_make_encoder = None

__all__ = ['JSONEncoder', 'encode_basestring', 'encode_basestring_ascii',
           'py_encode_basestring', 'py_encode_basestring_ascii', 'INFINITY']

INFINITY = float('inf')

# Escapes of the characters that must be escaped in any JSON string.
_ESCAPES = {ord('"'): '\\"', ord('\\'): '\\\\', ord('\n'): '\\n',
            ord('\r'): '\\r', ord('\t'): '\\t', ord('\b'): '\\b',
            ord('\f'): '\\f'}
for _i in range(0x20):
    _ESCAPES.setdefault(_i, '\\u%04x' % _i)
# ensure_ascii also escapes DEL.
_ESCAPES_ASCII = dict(_ESCAPES)
_ESCAPES_ASCII[0x7f] = '\\u007f'
del _i


def py_encode_basestring(s):
    """Return a JSON representation of a Python string

    """
    if s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    return '"' + s.translate(_ESCAPES) + '"'


def _escape_non_ascii(c):
    n = ord(c)
    if n < 0x10000:
        return '\\u%04x' % n
    n -= 0x10000     # a surrogate pair
    return '\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff))


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string

    """
    if s.isascii():
        if s.isprintable() and '"' not in s and '\\' not in s:
            return '"' + s + '"'
        return '"' + s.translate(_ESCAPES_ASCII) + '"'
    out = []
    for c in s:
        if c < '\x80':
            out.append(_ESCAPES_ASCII.get(ord(c), c))
        else:
            out.append(_escape_non_ascii(c))
    return '"' + ''.join(out) + '"'


encode_basestring = c_encode_basestring or py_encode_basestring
encode_basestring_ascii = c_encode_basestring_ascii or py_encode_basestring_ascii


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures.

    Supports the following objects and types by default:

    +-------------------+---------------+
    | Python            | JSON          |
    +===================+===============+
    | dict              | object        |
    +-------------------+---------------+
    | list, tuple       | array         |
    +-------------------+---------------+
    | str               | string        |
    +-------------------+---------------+
    | int, float        | number        |
    +-------------------+---------------+
    | True              | true          |
    +-------------------+---------------+
    | False             | false         |
    +-------------------+---------------+
    | None              | null          |
    +-------------------+---------------+

    To extend this to recognize other objects, subclass and implement a
    ``.default()`` method with another method that returns a serializable
    object for ``o`` if possible, otherwise it should call the superclass
    implementation (to raise ``TypeError``).

    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        """Constructor for JSONEncoder, with sensible defaults.

        skipkeys: skip dict keys that are not str, int, float, bool or None
        instead of raising TypeError. ensure_ascii: escape every non-ASCII
        character. check_circular: detect reference cycles (ValueError)
        instead of recursing until RecursionError. allow_nan: write NaN and
        +-Infinity (JavaScript's names) instead of raising ValueError.
        sort_keys: write dict items sorted by key. indent: a non-negative
        int (that many spaces per level) or a str, for pretty-printing.
        separators: (item_separator, key_separator), by default (', ', ': ')
        or (',', ': ') with an indent. default: called for objects that
        cannot be serialized otherwise; returns a serializable object or
        raises TypeError.
        """
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Implement this method in a subclass such that it returns
        a serializable object for ``o``, or calls the base implementation
        (to raise a ``TypeError``).

        """
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        """Return a JSON string representation of a Python data structure.

        >>> from json.encoder import JSONEncoder
        >>> JSONEncoder().encode({"foo": ["bar", "baz"]})
        '{"foo": ["bar", "baz"]}'

        """
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """Encode the given object and yield each string
        representation as available.

        For example::

            for chunk in JSONEncoder().iterencode(bigobject):
                mysocket.write(chunk)

        """
        # The one-shot path without indent is CPython's C encoder, which
        # type-checks the separators up front.
        c_style = _one_shot and self.indent is None
        if c_style and c_make_encoder is not None:
            markers = {} if self.check_circular else None
            encode_str = encode_basestring_ascii if self.ensure_ascii else encode_basestring
            return c_make_encoder(markers, self.default, encode_str, self.indent,
                                  self.key_separator, self.item_separator,
                                  self.sort_keys, self.skipkeys, self.allow_nan)(o, 0)
        if c_style:
            for argno, sep in ((5, self.key_separator), (6, self.item_separator)):
                if not isinstance(sep, str):
                    raise TypeError(f'make_encoder() argument {argno} must be str, '
                                    f'not {type(sep).__name__}')
        chunks = []
        _encode_into(chunks, o, self, c_style)
        return chunks if _one_shot else iter(chunks)


def _encode_into(chunks, root, enc, c_style):
    """Append the JSON text of root to chunks, with the options of enc."""
    append = chunks.append
    encode_str = encode_basestring_ascii if enc.ensure_ascii else encode_basestring
    markers = {} if enc.check_circular else None
    default = enc.default
    allow_nan = enc.allow_nan
    skipkeys = enc.skipkeys
    sort_keys = enc.sort_keys
    item_sep = enc.item_separator
    key_sep = enc.key_separator
    indent = enc.indent
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent
    int_repr = int.__repr__
    float_repr = float.__repr__

    def float_text(f):
        if f != f:
            text = 'NaN'
        elif f == INFINITY:
            text = 'Infinity'
        elif f == -INFINITY:
            text = '-Infinity'
        else:
            return float_repr(f)
        if not allow_nan:
            if c_style:
                raise ValueError("Out of range float values are not JSON compliant")
            raise ValueError("Out of range float values are not JSON compliant: "
                             + repr(f))
        return text

    def enter(o):
        if markers is not None:
            marker = id(o)
            if marker in markers:
                raise ValueError("Circular reference detected")
            markers[marker] = o

    def leave(o):
        if markers is not None:
            del markers[id(o)]

    # Chunk boundaries are those of CPython's Python encoder, which
    # list(iterencode(o)) shows: in an array the opening bracket or the
    # separator shares a chunk with the scalar after it; in an object every
    # bracket, separator, key and value is a chunk of its own.

    def scalar_text(o):
        # The text of a str, None, bool, int or float; None for the rest.
        if isinstance(o, str):
            return encode_str(o)
        if o is None:
            return 'null'
        if o is True:
            return 'true'
        if o is False:
            return 'false'
        if isinstance(o, int):
            return int_repr(o)
        if isinstance(o, float):
            return float_text(o)
        return None

    def encode_list(lst, level):
        if not lst:
            append('[]')
            return
        enter(lst)
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = item_sep + newline
            buf = '[' + newline
        else:
            newline = None
            sep = item_sep
            buf = '['
        for value in lst:
            text = scalar_text(value)
            if text is not None:
                append(buf + text)
            else:
                append(buf)
                encode_container(value, level)
            buf = sep
        if newline is not None:
            append('\n' + indent * (level - 1))
        append(']')
        leave(lst)

    def encode_dict(dct, level):
        if not dct:
            append('{}')
            return
        enter(dct)
        append('{')
        if indent is not None:
            level += 1
            newline = '\n' + indent * level
            sep = item_sep + newline
            append(newline)
        else:
            newline = None
            sep = item_sep
        first = True
        items = sorted(dct.items()) if sort_keys else dct.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = float_text(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int_repr(key)
            elif skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if first:
                first = False
            else:
                append(sep)
            append(encode_str(key))
            append(key_sep)
            text = scalar_text(value)
            if text is not None:
                append(text)
            else:
                encode_container(value, level)
        if newline is not None:
            append('\n' + indent * (level - 1))
        append('}')
        leave(dct)

    def encode_container(o, level):
        # o is not a scalar: an array, an object, or something for default().
        if isinstance(o, (list, tuple)):
            encode_list(o, level)
        elif isinstance(o, dict):
            encode_dict(o, level)
        else:
            enter(o)
            replacement = default(o)
            text = scalar_text(replacement)
            if text is not None:
                append(text)
            else:
                encode_container(replacement, level)
            leave(o)

    text = scalar_text(root)
    if text is not None:
        append(text)
    else:
        encode_container(root, 0)
