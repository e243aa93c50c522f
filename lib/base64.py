"""Base16, Base32, Base64 (RFC 3548), Base85 and Ascii85 data encodings.

minipy's own base64 module (CPython 3.11's is Lib/base64.py): the Base64
and hex work is done by the native binascii module, the Base32 and Base85
families here, in Python, as in CPython. Book chapter 12.
"""
import binascii
import struct

__all__ = [
    'encode', 'decode', 'encodebytes', 'decodebytes',
    'b64encode', 'b64decode', 'b32encode', 'b32decode',
    'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
    'b85encode', 'b85decode', 'a85encode', 'a85decode',
    'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode',
]

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    # What the decoders accept: an ASCII str or any bytes-like object.
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes_types):
        return s
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError("argument should be a bytes-like object or ASCII "
                        "string, not %r" % s.__class__.__name__) from None


def _as_bytes(b):
    # What the Base32/Base85 encoders accept: any bytes-like object.
    return b if isinstance(b, bytes_types) else memoryview(b).tobytes()


# --- Base64 -----------------------------------------------------------------

def b64encode(s, altchars=None):
    """Encode the bytes-like object s using Base64 and return a bytes object.

    altchars, if given, is a bytes-like object of length 2 replacing the
    '+' and '/' characters of the standard alphabet.
    """
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is None:
        return encoded
    assert len(altchars) == 2, repr(altchars)
    return encoded.translate(bytes.maketrans(b'+/', altchars))


def b64decode(s, altchars=None, validate=False):
    """Decode the Base64 encoded bytes-like object or ASCII string s.

    altchars, if given, names the two characters used instead of '+' and
    '/'. Characters outside the alphabet are skipped, unless validate is
    true: then they (and misplaced padding) raise binascii.Error, as
    binascii.a2b_base64's strict mode does.
    """
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    """Encode the bytes-like object s with the standard Base64 alphabet."""
    return b64encode(s)


def standard_b64decode(s):
    """Decode s, encoded with the standard Base64 alphabet."""
    return b64decode(s)


_urlsafe_encode_translation = bytes.maketrans(b'+/', b'-_')
_urlsafe_decode_translation = bytes.maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    """Encode s with the URL- and filesystem-safe alphabet ('-' for '+',
    '_' for '/')."""
    return b64encode(s).translate(_urlsafe_encode_translation)


def urlsafe_b64decode(s):
    """Decode s, encoded with the URL- and filesystem-safe alphabet."""
    s = _bytes_from_decode_data(s)
    return b64decode(s.translate(_urlsafe_decode_translation))


# --- Base32 -----------------------------------------------------------------

_B32_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32HEX_ALPHABET = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
_b32_values = {}   # alphabet -> {byte: value}, built on first use

# How many '=' end the last 8-character group, by the bytes left over
# after the whole 5-byte groups (RFC 4648, section 6).
_B32_PADDING = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}


def _b32encode(alphabet, s):
    s = _as_bytes(s)
    out = bytearray()
    for i in range(0, len(s), 5):
        group = s[i:i + 5]
        value = int.from_bytes(group.ljust(5, b'\0'), 'big')
        # eight 5-bit digits, most significant first
        for shift in range(35, -5, -5):
            out.append(alphabet[(value >> shift) & 31])
    pad = _B32_PADDING[len(s) % 5]
    if pad:
        out[-pad:] = b'=' * pad
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    values = _b32_values.get(alphabet)
    if values is None:
        values = _b32_values[alphabet] = {c: i for i, c in enumerate(alphabet)}
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        # RFC 4648 section 2.4: 0 reads as O, 1 as the letter given.
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    data = s.rstrip(b'=')
    npad = len(s) - len(data)
    out = bytearray()
    value = 0
    for i in range(0, len(data), 8):
        value = 0
        for c in data[i:i + 8]:
            digit = values.get(c)
            if digit is None:
                raise binascii.Error('Non-base32 digit found')
            value = (value << 5) | digit
        out += value.to_bytes(5, 'big')
    if npad not in (0, 1, 3, 4, 6):
        raise binascii.Error('Incorrect padding')
    if npad and out:
        # The last group held 8 - npad digits: shift them into place and
        # keep only the whole bytes they carry.
        last = (value << (5 * npad)).to_bytes(5, 'big')
        keep = (40 - 5 * npad) // 8
        out[-5:] = last[:keep]
    return bytes(out)


def b32encode(s):
    """Encode the bytes-like object s using Base32 and return a bytes object."""
    return _b32encode(_B32_ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    """Decode the Base32 encoded bytes-like object or ASCII string s.

    casefold accepts lower-case letters; map01 (b'L' or b'I') reads the
    digits 0 and 1 as the letters O and map01. binascii.Error on bad
    padding or characters outside the alphabet.
    """
    return _b32decode(_B32_ALPHABET, s, casefold, map01)


def b32hexencode(s):
    """Encode s using the Extended Hex Base32 alphabet (RFC 4648)."""
    return _b32encode(_B32HEX_ALPHABET, s)


def b32hexdecode(s, casefold=False):
    """Decode s, encoded with the Extended Hex Base32 alphabet."""
    # The hex alphabet has both 0 and O, 1 and I/L: no map01.
    return _b32decode(_B32HEX_ALPHABET, s, casefold)


# --- Base16 -----------------------------------------------------------------

_HEX_UPPER = frozenset(b'0123456789ABCDEF')


def b16encode(s):
    """Encode the bytes-like object s using Base16 (upper-case hex)."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    """Decode the Base16 encoded bytes-like object or ASCII string s.

    Lower-case digits are refused unless casefold is true.
    """
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if not _HEX_UPPER.issuperset(s):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# --- Ascii85 and Base85 -----------------------------------------------------

_A85START = b'<~'
_A85END = b'~>'
_A85_ALPHABET = bytes(range(33, 118))
_B85_ALPHABET = (b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                 b'abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~')
_b85_values = None   # byte -> value, built on first use


def _85encode(b, alphabet, pad=False, foldnuls=False, foldspaces=False):
    # Each 4-byte big-endian word becomes five base-85 digits; a short last
    # word is padded with zero bytes, whose digits are cut off again unless
    # pad is true. Ascii85 writes a zero word as 'z' and (btoa's extension)
    # four spaces as 'y'.
    b = _as_bytes(b)
    padding = -len(b) % 4
    b += b'\0' * padding
    out = bytearray()
    for i in range(0, len(b), 4):
        word = int.from_bytes(b[i:i + 4], 'big')
        last = i + 4 == len(b)
        if foldnuls and word == 0 and not (last and padding and not pad):
            out += b'z'
        elif foldspaces and word == 0x20202020:
            out += b'y'
        else:
            digits = bytearray(5)
            for k in range(4, -1, -1):
                word, digits[k] = divmod(word, 85)
            out += bytes(alphabet[d] for d in digits)
    if padding and not pad:
        del out[-padding:]
    return bytes(out)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Encode the bytes-like object b using Ascii85 and return a bytes object.

    foldspaces writes 4 spaces as 'y' (btoa, not Adobe); wrapcol, when not
    zero, breaks the output into lines of at most that many characters; pad
    pads the input to a multiple of 4 bytes; adobe frames the result in
    <~ and ~>.
    """
    result = _85encode(b, _A85_ALPHABET, pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        lines = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(lines[-1]) + 2 > wrapcol:
            lines.append(b'')   # the end marker goes on a line of its own
        result = b'\n'.join(lines)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """Decode the Ascii85 encoded bytes-like object or ASCII string b.

    foldspaces accepts 'y' for 4 spaces; adobe expects the <~ ~> framing
    (the start marker is optional); the bytes of ignorechars are skipped.
    """
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError("Ascii85 encoded byte sequences must end with {!r}".format(_A85END))
        b = b[2:-2] if b.startswith(_A85START) else b[:-2]
    out = bytearray()
    group = []
    # Four 'u' (digit 84) close a partial last group; the bytes they
    # contribute are cut off below.
    for c in b + b'uuuu':
        if 33 <= c <= 117:
            group.append(c - 33)
            if len(group) == 5:
                value = 0
                for d in group:
                    value = value * 85 + d
                if value > 0xFFFFFFFF:
                    raise ValueError('Ascii85 overflow')
                out += value.to_bytes(4, 'big')
                group = []
        elif c == 122:   # 'z'
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out += b'\0\0\0\0'
        elif foldspaces and c == 121:   # 'y'
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif c in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % c)
    cut = 4 - len(group)
    if cut:
        del out[-cut:]
    return bytes(out)


def b85encode(b, pad=False):
    """Encode the bytes-like object b in base85 (the alphabet of git and
    Mercurial binary diffs) and return a bytes object; pad pads the input
    to a multiple of 4 bytes."""
    return _85encode(b, _B85_ALPHABET, pad)


def b85decode(b):
    """Decode the base85-encoded bytes-like object or ASCII string b."""
    global _b85_values
    if _b85_values is None:
        _b85_values = {c: i for i, c in enumerate(_B85_ALPHABET)}
    b = _bytes_from_decode_data(b)
    padding = -len(b) % 5
    b += b'~' * padding   # '~' is the largest digit, 84
    out = bytearray()
    for i in range(0, len(b), 5):
        value = 0
        for j, c in enumerate(b[i:i + 5]):
            digit = _b85_values.get(c)
            if digit is None:
                raise ValueError('bad base85 character at position %d' % (i + j))
            value = value * 85 + digit
        if value > 0xFFFFFFFF:
            raise ValueError('base85 overflow in hunk starting at byte %d' % i)
        out += value.to_bytes(4, 'big')
    if padding:
        del out[-padding:]
    return bytes(out)


# --- Files and MIME-style line-wrapped Base64 ------------------------------

MAXLINESIZE = 76   # characters per line of output
MAXBINSIZE = (MAXLINESIZE // 4) * 3   # the bytes that make one such line


def encode(input, output):
    """Encode the binary file input into Base64 lines written to output."""
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        # A short read from a pipe must not end a line early.
        while len(s) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(s))
            if not more:
                break
            s += more
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode the Base64 lines of the binary file input into output."""
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))


def _input_type_check(s):
    try:
        m = memoryview(s)
    except TypeError as err:
        raise TypeError("expected bytes-like object, not %s" % s.__class__.__name__) from err
    if m.format not in ('c', 'b', 'B'):
        raise TypeError("expected single byte elements, not %r from %s" % (m.format, s.__class__.__name__))
    if m.ndim != 1:
        raise TypeError("expected 1-D data, not %d-D data from %s" % (m.ndim, s.__class__.__name__))


def encodebytes(s):
    """Encode a bytestring into Base64 lines of at most 76 characters, each
    ending with a newline."""
    _input_type_check(s)
    return b''.join(binascii.b2a_base64(s[i:i + MAXBINSIZE]) for i in range(0, len(s), MAXBINSIZE))


def decodebytes(s):
    """Decode a bytestring of Base64 lines back to binary data."""
    _input_type_check(s)
    return binascii.a2b_base64(s)


def main():
    """Small command-line tool: encode (default), -d decode, -t self-test."""
    import sys
    usage = """usage: %s [-h|-d|-e|-u|-t] [file|-]
        -h: print this help message and exit
        -d, -u: decode
        -e: encode (default)
        -t: encode and decode string 'Aladdin:open sesame'""" % sys.argv[0]
    func = encode
    args = sys.argv[1:]
    while args and args[0].startswith('-') and args[0] != '-':
        opt = args.pop(0)
        for letter in opt[1:]:
            if letter in 'du':
                func = decode
            elif letter == 'e':
                func = encode
            elif letter == 't':
                test()
                return
            elif letter == 'h':
                print(usage)
                return
            else:
                sys.stdout = sys.stderr
                print("option -%s not recognized" % letter)
                print(usage)
                sys.exit(2)
    if args and args[0] != '-':
        with open(args[0], 'rb') as f:
            func(f, sys.stdout.buffer)
    else:
        func(sys.stdin.buffer, sys.stdout.buffer)


def test():
    s0 = b"Aladdin:open sesame"
    print(repr(s0))
    s1 = encodebytes(s0)
    print(repr(s1))
    s2 = decodebytes(s1)
    print(repr(s2))
    assert s0 == s2


if __name__ == '__main__':
    main()
