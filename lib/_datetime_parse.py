"""_datetime_parse.py: the ISO 8601 parsers behind datetime's fromisoformat.

Mirrors the parsing half of CPython 3.11 Modules/_datetimemodule.c
(parse_digits, parse_isoformat_date, parse_hh_mm_ss_ff,
parse_isoformat_time, _find_isoformat_datetime_separator): python3.11 runs
that C code, so minipy follows its byte-level walk rather than the pure-Python
Lib/datetime.py, whose accepted strings differ at the edges. Book ch. 12.

The C parsers read a NUL-terminated UTF-8 buffer and stop at the first byte
that does not fit; here the buffer is the string's UTF-8 bytes and _at()
reads a 0 past its end, so "ran off the end" and "found a NUL" behave alike,
as they do in C. Results are plain numbers; datetime.py builds the objects
(and raises the range errors) from them.
"""

__all__ = ()


def _at(buf, i):
    return buf[i] if i < len(buf) else 0


def _is_digit(c):
    return 48 <= c <= 57


def parse_digits(buf, p, n):
    """(value, new position) of n ASCII digits at p, or (0, -1)."""
    value = 0
    for _ in range(n):
        c = _at(buf, p) - 48
        p += 1
        if not 0 <= c <= 9:
            return 0, -1
        value = value * 10 + c
    return value, p


def parse_date(buf, start, length, iso_to_ymd):
    """(status, year, month, day) of a date in buf[start:start+length].
    Status 0 is success; negatives are C's failure codes (-1 bad digits,
    -2 inconsistent separators, -3/-4 bad ISO week/day, -5/-6 from
    iso_to_ymd)."""
    year, p = parse_digits(buf, start, 4)
    if p < 0:
        return -1, 0, 0, 0
    uses_separator = _at(buf, p) == 45          # '-'
    if uses_separator:
        p += 1
    if _at(buf, p) == 87:                       # 'W': an ISO calendar date
        p += 1
        week, p = parse_digits(buf, p, 2)
        if p < 0:
            return -3, 0, 0, 0
        if p - start < length:
            if uses_separator:
                c = _at(buf, p)
                p += 1
                if c != 45:
                    return -2, 0, 0, 0
            day, p = parse_digits(buf, p, 1)
            if p < 0:
                return -4, 0, 0, 0
        else:
            day = 1
        rv, y, m, d = iso_to_ymd(year, week, day)
        if rv:
            return -3 + rv, 0, 0, 0
        return 0, y, m, d
    month, p = parse_digits(buf, p, 2)
    if p < 0:
        return -1, 0, 0, 0
    if uses_separator:
        c = _at(buf, p)
        p += 1
        if c != 45:
            return -1, 0, 0, 0
    day, p = parse_digits(buf, p, 2)
    if p < 0:
        return -1, 0, 0, 0
    return 0, year, month, day


_CORRECTION = (100000, 10000, 1000, 100, 10)


def parse_hh_mm_ss_ff(buf, p, end):
    """(status, hour, minute, second, microsecond) of [HH[:?MM[:?SS[.fff]]]]
    in buf[p:end]; status 0 when the string ends there, 1 when something
    follows, -3/-4 for bad digits/separators."""
    vals = [0, 0, 0]
    us = 0
    has_separator = True
    i = 0
    while i < 3:
        vals[i], p = parse_digits(buf, p, 2)
        if p < 0:
            return -3, 0, 0, 0, 0
        c = _at(buf, p)
        p += 1
        if i == 0:
            has_separator = c == 58             # ':'
        if p >= end:
            return (1 if c != 0 else 0), vals[0], vals[1], vals[2], 0
        elif has_separator and c == 58:
            i += 1
            continue
        elif c == 46 or c == 44:                # '.' or ','
            break
        elif not has_separator:
            p -= 1
        else:
            return -4, 0, 0, 0, 0
        i += 1
    remains = end - p
    to_parse = 6 if remains >= 6 else remains
    if to_parse <= 0:
        return -3, 0, 0, 0, 0
    us, p = parse_digits(buf, p, to_parse)
    if p < 0:
        return -3, 0, 0, 0, 0
    if to_parse < 6:
        us *= _CORRECTION[to_parse - 1]
    while _is_digit(_at(buf, p)):
        p += 1                                  # digits past the 6th are dropped
    return (1 if _at(buf, p) != 0 else 0), vals[0], vals[1], vals[2], us


def parse_time(buf, p, length):
    """(status, hour, minute, second, us, tzoffset seconds, tz microseconds)
    of a time with an optional UTC offset in buf[p:p+length]: status 0 for a
    naive time, 1 with an offset, negative on failure."""
    end = p + length
    tzpos = p
    while True:
        c = _at(buf, tzpos)
        if c == 90 or c == 43 or c == 45:       # 'Z', '+', '-'
            break
        tzpos += 1
        if tzpos >= end:
            break
    rv, hour, minute, second, us = parse_hh_mm_ss_ff(buf, p, tzpos)
    if rv < 0:
        return rv, 0, 0, 0, 0, 0, 0
    if tzpos == end:
        if rv == 1:
            return -5, 0, 0, 0, 0, 0, 0
        return 0, hour, minute, second, us, 0, 0
    if _at(buf, tzpos) == 90:
        if _at(buf, tzpos + 1) != 0:
            return -5, 0, 0, 0, 0, 0, 0
        return 1, hour, minute, second, us, 0, 0
    sign = -1 if _at(buf, tzpos) == 45 else 1
    rv, th, tm, ts, tus = parse_hh_mm_ss_ff(buf, tzpos + 1, end)
    if rv:
        return -5, 0, 0, 0, 0, 0, 0
    return 1, hour, minute, second, us, sign * (th * 3600 + tm * 60 + ts), sign * tus


def find_separator(buf):
    """Where the date ends in a datetime string (C's
    _find_isoformat_datetime_separator): the date forms differ in length
    and are told apart by bytes 4, 5 and 8; -1 for a string that is none."""
    n = len(buf)
    if n == 7:
        return 7
    if buf[4] == 45:                            # YYYY-...
        if buf[5] == 87:                        # YYYY-W...
            if n < 8:
                return -1
            if n > 8 and buf[8] == 45:
                if n == 9:
                    return -1
                if n > 10 and _is_digit(buf[10]):
                    return 8
                return 10
            return 8
        return 10
    if buf[4] == 87:                            # YYYYWww or YYYYWwwd
        idx = 7
        while idx < n and _is_digit(buf[idx]):
            idx += 1
        if idx < 9:
            return idx
        return 7 if idx % 2 == 0 else 8
    return 8


def sanitize(text):
    """The string with a surrogate separator (at 7, 8 or 10) replaced by
    'T' so that it encodes as UTF-8, or None when it is too short."""
    n = len(text)
    if n < 7:
        return None
    for pos in (7, 8, 10):
        if pos > n:
            break
        if pos < n and '\ud800' <= text[pos] <= '\udfff':
            return text[:pos] + 'T' + text[pos + 1:]
    return text
