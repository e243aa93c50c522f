# json/scanner.py: the JSON token scanner, the recursive-descent parser
# behind JSONDecoder. minipy's own module with the API of CPython 3.11's
# Lib/json/scanner.py (make_scanner); it behaves as CPython's C scanner
# (Modules/_json.c's scan_once_unicode), which python3.11 uses, so error
# messages and positions are the C ones. Book chapter 12, "The Standard
# Library".
#
# scan_once(s, idx) returns (value, index after it) or raises
# StopIteration(idx) when no value starts at idx; JSONDecoder turns that
# into "Expecting value". Every other error is a JSONDecodeError raised
# where it is found. Whitespace is exactly ' \t\n\r'.
#
# The scanner is written for minipy's eval loop: no regular expressions
# (str.find and slices do the bulk work), locals bound once per call.

from json.decoder import JSONDecodeError, scanstring

try:
    from _json import make_scanner as c_make_scanner
except ImportError:
    c_make_scanner = None

__all__ = ['make_scanner']

_WS = ' \t\n\r'
_DIGITS = '0123456789'


def py_make_scanner(context):
    """Return scan_once(string, idx) for a JSONDecoder-like context (its
    strict, object_hook, object_pairs_hook, parse_float, parse_int,
    parse_constant and memo)."""
    strict = context.strict
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    memo = context.memo
    memo_get = memo.setdefault
    ws = _WS
    digits = _DIGITS

    def skip_ws(s, idx, n):
        while idx < n and s[idx] in ws:
            idx += 1
        return idx

    def match_number(s, start, n):
        # -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
        idx = start
        if s[idx] == '-':
            idx += 1
            if idx >= n:
                raise StopIteration(start)
        c = s[idx]
        if '1' <= c <= '9':
            idx += 1
            while idx < n and s[idx] in digits:
                idx += 1
        elif c == '0':
            idx += 1
        else:
            raise StopIteration(start)
        is_float = False
        if idx < n - 1 and s[idx] == '.' and s[idx + 1] in digits:
            is_float = True
            idx += 2
            while idx < n and s[idx] in digits:
                idx += 1
        if idx < n - 1 and s[idx] in 'eE':
            e_start = idx
            idx += 1
            if s[idx] in '-+':
                idx += 1
            exp_digits = idx
            while idx < n and s[idx] in digits:
                idx += 1
            if idx > exp_digits:
                is_float = True
            else:
                idx = e_start       # a bare 'e' is not part of the number
        text = s[start:idx]
        return (parse_float(text) if is_float else parse_int(text)), idx

    def parse_object(s, idx, n):
        # idx is just after '{'.
        pairs = []
        idx = skip_ws(s, idx, n)
        if idx >= n or s[idx] != '}':
            while True:
                if idx >= n or s[idx] != '"':
                    raise JSONDecodeError(
                        "Expecting property name enclosed in double quotes", s, idx)
                key, idx = scanstring(s, idx + 1, strict)
                key = memo_get(key, key)
                idx = skip_ws(s, idx, n)
                if idx >= n or s[idx] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx = skip_ws(s, idx + 1, n)
                value, idx = scan(s, idx, n)
                pairs.append((key, value))
                idx = skip_ws(s, idx, n)
                if idx < n and s[idx] == '}':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = skip_ws(s, idx + 1, n)
        if object_pairs_hook is not None:
            return object_pairs_hook(pairs), idx + 1
        result = dict(pairs)
        if object_hook is not None:
            result = object_hook(result)
        return result, idx + 1

    def parse_array(s, idx, n):
        # idx is just after '['.
        values = []
        idx = skip_ws(s, idx, n)
        if idx >= n or s[idx] != ']':
            while True:
                value, idx = scan(s, idx, n)
                values.append(value)
                idx = skip_ws(s, idx, n)
                if idx < n and s[idx] == ']':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = skip_ws(s, idx + 1, n)
        return values, idx + 1

    def scan(s, idx, n):
        if idx >= n:
            raise StopIteration(idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, strict)
        if c == '{':
            return parse_object(s, idx + 1, n)
        if c == '[':
            return parse_array(s, idx + 1, n)
        if c == 'n':
            if s.startswith('null', idx):
                return None, idx + 4
            raise StopIteration(idx)
        if c == 't':
            if s.startswith('true', idx):
                return True, idx + 4
            raise StopIteration(idx)
        if c == 'f':
            if s.startswith('false', idx):
                return False, idx + 5
            raise StopIteration(idx)
        if c == 'N':
            if s.startswith('NaN', idx):
                return parse_constant('NaN'), idx + 3
            raise StopIteration(idx)
        if c == 'I':
            if s.startswith('Infinity', idx):
                return parse_constant('Infinity'), idx + 8
            raise StopIteration(idx)
        if c == '-' and s.startswith('-Infinity', idx):
            return parse_constant('-Infinity'), idx + 9
        return match_number(s, idx, n)

    def scan_once(string, idx):
        if idx < 0:
            raise ValueError('idx cannot be negative')
        try:
            return scan(string, idx, len(string))
        finally:
            memo.clear()

    return scan_once


make_scanner = c_make_scanner or py_make_scanner
