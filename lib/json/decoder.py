# json/decoder.py: JSONDecoder, JSONDecodeError and the JSON string
# scanner. minipy's own module with the API of CPython 3.11's
# Lib/json/decoder.py; errors and positions are those of CPython's C
# scanner (Modules/_json.c), which python3.11 uses. Book chapter 12.
#
# The native _json (modules/_json.cpp) replaces scanstring and the scanner
# when it exists, as CPython's C accelerator does.
#
# Positions are str indices. JSONDecodeError turns one into a line (1 +
# newlines before it) and a column (1 + characters since the last newline).

try:
    from _json import scanstring as c_scanstring
except ImportError:
    c_scanstring = None

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the following additional properties:

    msg: The unformatted error message
    doc: The JSON document being parsed
    pos: The start index of doc where parsing failed
    lineno: The line corresponding to pos
    colno: The column corresponding to pos

    """
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)'
                            % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

# The one-character escapes after a backslash.
BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

_HEX = '0123456789abcdefABCDEF'


def _hex4(s, pos):
    """The value of the four hex digits at s[pos:pos+4], or -1. Only ASCII
    hex digits count (int(x, 16) would also take '+', ' ' and '_')."""
    text = s[pos:pos + 4]
    for c in text:
        if c not in _HEX:
            return -1
    return int(text, 16)


def _has_control(chunk):
    # isprintable() is a fast test that rules out most chunks; the exact
    # test (code points 0-31) only runs on the rest.
    if chunk.isprintable():
        return -1
    for i, c in enumerate(chunk):
        if c < ' ':
            return i
    return -1


def py_scanstring(s, end, strict=True):
    """Scan the string s for a JSON string. End is the index of the
    character in s after the quote that started the JSON string.
    Unescapes all valid JSON string escape sequences and raises ValueError
    on attempt to decode an invalid string. If strict is False then literal
    control characters are allowed in the string.

    Returns a tuple of the decoded string and the index of the character in s
    after the end quote."""
    begin = end - 1
    n = len(s)
    find = s.find
    chunks = []
    while True:
        quote = find('"', end)
        backslash = find('\\', end, quote if quote >= 0 else n)
        stop = backslash if backslash >= 0 else quote
        chunk = s[end:stop] if stop >= 0 else s[end:]
        if strict:
            bad = _has_control(chunk)
            if bad >= 0:
                raise JSONDecodeError("Invalid control character at", s, end + bad)
        if stop < 0:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if chunk:
            chunks.append(chunk)
        if stop == quote:
            end = quote + 1
            break
        # An escape at stop.
        if stop + 1 >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[stop + 1]
        if esc != 'u':
            char = BACKSLASH.get(esc)
            if char is None:
                raise JSONDecodeError("Invalid \\escape", s, stop)
            chunks.append(char)
            end = stop + 2
            continue
        # \uXXXX, which must leave at least one character after it; a high
        # surrogate followed by a low one's escape makes one character.
        end = stop + 6
        uni = _hex4(s, stop + 2) if end < n else -1
        if uni < 0:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, stop + 1)
        if 0xd800 <= uni <= 0xdbff and end + 6 < n and s[end] == '\\' and s[end + 1] == 'u':
            uni2 = _hex4(s, end + 2)
            if uni2 < 0:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        chunks.append(chr(uni))
    return ''.join(chunks), end


scanstring = c_scanstring or py_scanstring


def _skip_ws(s, idx):
    n = len(s)
    while idx < n and s[idx] in ' \t\n\r':
        idx += 1
    return idx


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder

    Performs the following translations in decoding by default:

    +---------------+-------------------+
    | JSON          | Python            |
    +===============+===================+
    | object        | dict              |
    +---------------+-------------------+
    | array         | list              |
    +---------------+-------------------+
    | string        | str               |
    +---------------+-------------------+
    | number (int)  | int               |
    +---------------+-------------------+
    | number (real) | float             |
    +---------------+-------------------+
    | true          | True              |
    +---------------+-------------------+
    | false         | False             |
    +---------------+-------------------+
    | null          | None              |
    +---------------+-------------------+

    It also understands ``NaN``, ``Infinity``, and ``-Infinity`` as
    their corresponding ``float`` values, which is outside the JSON spec.

    """

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        """``object_hook``, if specified, will be called with the result
        of every JSON object decoded and its return value will be used in
        place of the given ``dict``.

        ``object_pairs_hook``, if specified will be called with the result of
        every JSON object decoded with an ordered list of pairs; it takes
        priority over ``object_hook``.

        ``parse_float``, ``parse_int`` and ``parse_constant``, if specified,
        are called with the text of every JSON float, int, and of
        -Infinity, Infinity and NaN.

        If ``strict`` is false (true is the default), then control
        characters will be allowed inside strings.
        """
        # Imported here: scanner imports this module.
        from json.scanner import make_scanner
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_string = scanstring
        self.memo = {}
        self.scan_once = make_scanner(self)

    def decode(self, s, _w=None):
        """Return the Python representation of ``s`` (a ``str`` instance
        containing a JSON document).

        """
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0))
        end = _skip_ws(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode a JSON document from ``s`` (a ``str`` beginning with
        a JSON document) and return a 2-tuple of the Python
        representation and the index in ``s`` where the document ended.

        This can be used to decode a JSON document from a string that may
        have extraneous data at the end.

        """
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end
