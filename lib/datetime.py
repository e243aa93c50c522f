"""datetime.py: dates, times, time deltas and time zones.

minipy's own datetime, written for minipy. python3.11 runs the C module
Modules/_datetimemodule.c, so this file follows the C module's observable
behaviour (reprs, argument parsing and its messages, pickled byte states,
hashing, rounding) rather than CPython's pure-Python Lib/datetime.py where
the two differ. Book ch. 12, "The Standard Library".

Design notes
------------
* Calendar arithmetic is on proleptic Gregorian ordinals (day 1 is
  0001-01-01): _ymd2ord and _ord2ymd, the latter walking the 400/100/4/1-year
  cycles. Times of day are microsecond counts.
* timedelta keeps C's normalized (days, seconds, microseconds) with
  0 <= seconds < 86400 and 0 <= microseconds < 10**6; every result goes
  through _us_to_delta, which raises C's two overflow messages.
* Constructors parse their arguments like PyArg_ParseTupleAndKeywords
  (_parse_args) so that missing/extra/unknown arguments get the C wording,
  and integers go through _c_int (format "i").
* The pickled form is C's: a bytes state (fold in the high bit of the month
  or hour byte for protocol 4 and up) plus the tzinfo; the constructors
  accept that state back.
* Local time goes through time.localtime: fromtimestamp detects a fold and
  timestamp()/astimezone() solve local(u) == t as the C module does
  (_local_to_seconds).
* fromisoformat's byte-level parsers live in _datetime_parse.py.
"""

import time as _time
import math as _math
import sys as _sys
from operator import index as _index
import _datetime_parse as _parse

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAX_DELTA_DAYS = 999999999
_MAXORDINAL = 3652059          # date.max.toordinal()
_MISSING = object()

# --- C-style argument handling ------------------------------------------------


def _tp_name(obj):
    """What C prints for Py_TYPE(obj)->tp_name."""
    t = type(obj)
    name = _TYPE_NAMES.get(t)
    return name if name is not None else t.__name__


def _parse_args(fname, names, maxpos, nrequired, args, kw, convert=None):
    """The values of names from args/kw the way PyArg_ParseTupleAndKeywords
    assigns them (missing optional ones are _MISSING), with its messages and
    their order; convert[i], when given, converts value i as it is taken
    (so a bad first argument is reported before a missing third one).
    fname None stands for a format without ':name'."""
    nargs = len(args)
    if not kw and nrequired <= nargs <= maxpos:
        # The common case: positional arguments only, none missing.
        values = list(args)
        if convert is not None:
            for i in range(nargs):
                if convert[i] is not None:
                    values[i] = convert[i](values[i])
        values += [_MISSING] * (len(names) - nargs)
        return values
    total = nargs + len(kw)
    what = fname + "()" if fname else "function"
    if total > len(names):
        raise TypeError("%s takes at most %d argument%s (%d given)"
                        % (what, len(names), "" if len(names) == 1 else "s", total))
    if nargs > maxpos:
        raise TypeError("%s takes at most %d positional argument%s (%d given)"
                        % (what, maxpos, "" if maxpos == 1 else "s", nargs))
    values = []
    used = 0
    for i, name in enumerate(names):
        if i < nargs:
            value = args[i]
        elif kw and name in kw:
            value = kw[name]
            used += 1
        elif i < nrequired:
            raise TypeError("%s missing required argument '%s' (pos %d)" % (what, name, i + 1))
        else:
            values.append(_MISSING)
            continue
        if convert is not None and convert[i] is not None:
            value = convert[i](value)
        values.append(value)
    if kw and used < len(kw):
        for i in range(nargs):
            if names[i] in kw:
                raise TypeError("argument for %s given by name ('%s') and position (%d)"
                                % (what, names[i], i + 1))
        for key in kw:
            if key not in names:
                raise TypeError("'%s' is an invalid keyword argument for %s"
                                % (key, fname + "()" if fname else "this function"))
    return values


def _c_int(value):
    """value as a C int (format "i"), with CPython's errors."""
    if type(value) is int and -2147483648 <= value <= 2147483647:
        return value
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    value = _index(value)
    if value > 2147483647:
        if value > 9223372036854775807:
            raise OverflowError("Python int too large to convert to C long")
        raise OverflowError("signed integer is greater than maximum")
    if value < -2147483648:
        if value < -9223372036854775808:
            raise OverflowError("Python int too large to convert to C long")
        raise OverflowError("signed integer is less than minimum")
    return value


_INT3 = (_c_int, _c_int, _c_int)
_TIME_CONVERT = (_c_int, _c_int, _c_int, _c_int, None, _c_int)
_DT_CONVERT = (_c_int,) * 7 + (None, _c_int)


def _as_c_int(value):
    """An int result into a C int (_PyLong_AsInt)."""
    if not -2147483648 <= value <= 2147483647:
        raise OverflowError("Python int too large to convert to C int")
    return value


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % _tp_name(tz))


def _check_str_arg(fname, n, value):
    if not isinstance(value, str):
        raise TypeError("%s() argument %d must be str, not %s" % (fname, n, _tp_name(value)))


# --- Calendar arithmetic -------------------------------------------------------

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_DI400Y = 146097    # days in 400 years
_DI100Y = 36524     # days in 100 years (the 100th is not a leap year)
_DI4Y = 1461        # days in 4 years


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ord2ymd(n):
    """(year, month, day) of ordinal n: whole 400-, 100-, 4- and 1-year
    cycles first, then the month by the cumulative table."""
    n -= 1
    n400, n = divmod(n, _DI400Y)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DI100Y)
    n4, n = divmod(n, _DI4Y)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        # The last day of a 4- or 400-year cycle: December 31st of the
        # previous year.
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if before > n:
        month -= 1
        before -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    return year, month, n - before + 1


def _iso_week1_monday(year):
    first = _ymd2ord(year, 1, 1)
    weekday = (first + 6) % 7
    monday = first - weekday
    if weekday > 3:
        monday += 7
    return monday


def _iso_to_ymd(year, week, day):
    """(status, y, m, d): C's iso_to_ymd (-2 bad week, -3 bad day)."""
    if week <= 0 or week >= 53:
        bad = True
        if week == 53:
            first = _ymd2ord(year, 1, 1) % 7
            if first == 4 or (first == 3 and _is_leap(year)):
                bad = False
        if bad:
            return -2, 0, 0, 0
    if day <= 0 or day >= 8:
        return -3, 0, 0, 0
    y, m, d = _ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)
    return 0, y, m, d


def _check_date_fields(year, month, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")


def _check_time_fields(hour, minute, second, microsecond, fold):
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold != 0 and fold != 1:
        raise ValueError("fold must be either 0 or 1")


def _normalize_datetime(y, m, d, hh, mm, ss, us):
    """Carries out-of-range time fields into the date; OverflowError
    'date value out of range' past the calendar's ends."""
    carry, us = divmod(us, 1000000)
    ss += carry
    carry, ss = divmod(ss, 60)
    mm += carry
    carry, mm = divmod(mm, 60)
    hh += carry
    carry, hh = divmod(hh, 24)
    ordinal = _ymd2ord(y, m, 1) + d - 1 + carry
    if not 1 <= ordinal <= _MAXORDINAL:
        raise OverflowError("date value out of range")
    y, m, d = _ord2ymd(ordinal)
    return y, m, d, hh, mm, ss, us


def _c_round(x):
    """C's round(): halves away from zero."""
    if x < 0:
        return -_c_round(-x)
    r = _math.floor(x)
    if x - r >= 0.5:
        r += 1
    return r


def _divide_nearest(m, n):
    """m / n rounded to the nearest int, halves to even
    (_PyLong_DivmodNear)."""
    q, r = divmod(m, n)
    r2 = 2 * r
    if (r2 > n or (r2 == n and q & 1)) if n > 0 else (r2 < n or (r2 == n and q & 1)):
        q += 1
    return q


# --- tzinfo method results ---------------------------------------------------------


def _call_offset(tz, name, arg):
    """tz.utcoffset(arg) / tz.dst(arg), checked as C's call_tzinfo_method."""
    if tz is None:
        return None
    offset = getattr(tz, name)(arg)
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'" % (name, _tp_name(offset)))
    if (offset._days == -1 and offset._seconds == 0 and offset._microseconds < 1) or \
            offset._days < -1 or offset._days >= 1:
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24).")
    return offset


def _call_tzname(tz, arg):
    if tz is None:
        return None
    name = tz.tzname(arg)
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'" % _tp_name(name))
    return name


def _format_offset(offset, sep):
    """+HH<sep>MM[<sep>SS[.ffffff]] of a timedelta (C's format_utcoffset)."""
    if offset._days < 0:
        sign = "-"
        offset = -offset
    else:
        sign = "+"
    seconds = offset._days * 86400 + offset._seconds
    us = offset._microseconds
    hh, rest = divmod(seconds, 3600)
    mm, ss = divmod(rest, 60)
    if us:
        return "%s%02d%s%02d%s%02d.%06d" % (sign, hh, sep, mm, sep, ss, us)
    if ss:
        return "%s%02d%s%02d%s%02d" % (sign, hh, sep, mm, sep, ss)
    return "%s%02d%s%02d" % (sign, hh, sep, mm)


def _wrap_strftime(obj, fmt, timetuple, tzarg):
    """time.strftime after replacing %z, %Z and %f, which it cannot know,
    from obj (C's wrap_strftime; like C it stops at an embedded NUL)."""
    fmt.encode("utf-8")          # surrogates fail here, as in C's UTF-8 view
    nul = fmt.find("\0")
    if nul >= 0:
        fmt = fmt[:nul]
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != "%":
            out.append(ch)
            continue
        if i == n:
            out.append("%")
            break
        ch = fmt[i]
        i += 1
        if ch == "z":
            offset = _call_offset(getattr(obj, "_tzinfo", None), "utcoffset", tzarg)
            if offset is not None:
                out.append(_format_offset(offset, ""))
        elif ch == "Z":
            name = _call_tzname(getattr(obj, "_tzinfo", None), tzarg)
            if name is not None:
                out.append(name.replace("%", "%%"))
        elif ch == "f":
            out.append("%06d" % getattr(obj, "_microsecond", 0))
        else:
            out.append("%" + ch)
    return _time.strftime("".join(out), timetuple)


def _build_struct_time(y, m, d, hh, mm, ss, dst):
    wday = (_ymd2ord(y, m, d) + 6) % 7
    yday = _days_before_month(y, m) + d
    return _time.struct_time((y, m, d, hh, mm, ss, wday, yday, dst))


# --- Local time (C's local/utc_to_seconds/local_to_seconds) ----------------------------

_EPOCH_SECONDS = 719163 * 86400


def _utc_to_seconds(y, m, d, hh, mm, ss):
    if not MINYEAR <= y <= MAXYEAR:
        raise ValueError("year %d is out of range" % y)
    ordinal = _ymd2ord(y, m, 1) + d - 1
    return ((ordinal * 24 + hh) * 60 + mm) * 60 + ss


def _local(u):
    """local(u): the local wall time of epoch-based seconds u, as seconds
    since 0001-01-01 (so the difference to u is the UTC offset)."""
    tm = _time.localtime(u - _EPOCH_SECONDS)
    return _utc_to_seconds(tm[0], tm[1], tm[2], tm[3], tm[4], tm[5])


def _local_to_seconds(y, m, d, hh, mm, ss, fold):
    """Solves local(u) == t for u, choosing by fold between the two
    solutions in a repeated hour and the two neighbours in a gap."""
    max_fold = 24 * 3600
    t = _utc_to_seconds(y, m, d, hh, mm, ss)
    a = _local(t) - t
    u1 = t - a
    t1 = _local(u1)
    if t1 == t:
        u2 = u1 + max_fold if fold else u1 - max_fold
        b = _local(u2) - u2
        if a == b:
            return u1
    else:
        b = t1 - u1
    u2 = t - b
    t2 = _local(u2)
    if t2 == t:
        return u2
    if t1 == t:
        return u1
    return min(u1, u2) if fold else max(u1, u2)


def _timestamp_to_timeval(ts):
    """(seconds, microseconds) of a timestamp, rounded half-even
    (_PyTime_ObjectToTimeval)."""
    if isinstance(ts, float):
        if ts != ts:
            raise ValueError("Invalid value NaN (not a number)")
        frac, whole = _math.modf(ts)
        frac = round(frac * 1e6)        # Python's round is half-even
        if frac >= 1000000:
            frac -= 1000000
            whole += 1.0
        elif frac < 0:
            frac += 1000000
            whole -= 1.0
        if not -9.223372036854776e18 <= whole < 9.223372036854776e18:
            raise OverflowError("timestamp out of range for platform time_t")
        return int(whole), int(frac)
    seconds = _index(ts)
    if not -9223372036854775808 <= seconds <= 9223372036854775807:
        raise OverflowError("timestamp out of range for platform time_t")
    return seconds, 0


def _local_timezone_from_timestamp(seconds):
    tm = _time.localtime(seconds)
    return timezone(timedelta(seconds=tm.tm_gmtoff), tm.tm_zone)


# --- Rich comparisons ------------------------------------------------------------------

# Indexed by CPython's comparison opcodes (Py_LT=0 ... Py_GE=5).
_OPS = (lambda a, b: a < b, lambda a, b: a <= b, lambda a, b: a == b,
        lambda a, b: a != b, lambda a, b: a > b, lambda a, b: a >= b)


def _unordered(op, message):
    """The result of == / != between objects that cannot be ordered (naive
    against aware, datetime against date): unequal; TypeError(message) for
    an ordering."""
    if op == 2:
        return False
    if op == 3:
        return True
    raise TypeError(message)


def _hash_time_of(t, offset, days):
    """The hash of a time or datetime t (fold already 0): of its pickled
    bytes when naive, else of its UTC moment as a timedelta, so that equal
    aware values in different zones hash alike (C's time_hash and
    datetime_hash)."""
    if offset is None:
        return hash(t._getstate(3)[0])
    seconds = days * 86400 + t._hour * 3600 + t._minute * 60 + t._second
    return hash(_us_to_delta(seconds * 1000000 + t._microsecond - offset._to_us()))


def _install_richcompare(cls):
    """Gives cls the six comparison methods, each calling
    cls._compare(other, op) like one C tp_richcompare slot. (Set after the
    class is made, so __hash__ stays the class's own and no mixin shows in
    __mro__.)"""
    for op, name in enumerate(("__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__")):
        def method(self, other, op=op):
            return self._compare(other, op)
        method.__name__ = name
        method.__qualname__ = cls.__qualname__ + "." + name
        setattr(cls, name, method)
    return cls


# --- timedelta --------------------------------------------------------------------------

_US_FACTORS = (("microseconds", 1), ("milliseconds", 1000), ("seconds", 1000000),
               ("minutes", 60000000), ("hours", 3600000000), ("days", 86400000000),
               ("weeks", 604800000000))
_DELTA_ARG_NAMES = ("days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks")


def _new_delta(cls, days, seconds, us):
    """A timedelta from normalized fields, checking C's day range."""
    days = _as_c_int(days)
    if not -_MAX_DELTA_DAYS <= days <= _MAX_DELTA_DAYS:
        raise OverflowError("days=%d; must have magnitude <= %d" % (days, _MAX_DELTA_DAYS))
    self = object.__new__(cls)
    self._days = days
    self._seconds = seconds
    self._microseconds = us
    self._hashcode = -1
    return self


def _us_to_delta(us, cls=None):
    seconds, us = divmod(us, 1000000)
    days, seconds = divmod(seconds, 86400)
    return _new_delta(cls or timedelta, days, seconds, us)


@_install_richcompare
class timedelta:
    """Difference between two datetime values.

timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)

All arguments are optional and default to 0.
Arguments may be integers or floats, and may be positive or negative."""

    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, *args, **kw):
        values = _parse_args("__new__", _DELTA_ARG_NAMES, 7, 0, args, kw)
        given = dict(zip(_DELTA_ARG_NAMES, values))
        total = 0
        leftover = 0.0
        for tag, factor in _US_FACTORS:
            num = given[tag]
            if num is _MISSING:
                continue
            if isinstance(num, int):
                total = total + int(num) * factor
            elif isinstance(num, float):
                frac, whole = _math.modf(num)
                total = total + int(whole) * factor
                if frac != 0.0:
                    frac, whole = _math.modf(factor * frac)
                    total = total + int(whole)
                    leftover += frac
            else:
                raise TypeError("unsupported type for timedelta %s component: %s" % (tag, _tp_name(num)))
        if leftover:
            whole = _c_round(leftover)
            if abs(whole - leftover) == 0.5:
                odd = total & 1
                whole = 2.0 * _c_round((leftover + odd) * 0.5) - odd
            total += int(whole)
        return _us_to_delta(total, cls)

    # Field access
    days = property(lambda self: self._days, doc="Number of days.")
    seconds = property(lambda self: self._seconds, doc="Number of seconds (>= 0 and less than 1 day).")
    microseconds = property(lambda self: self._microseconds,
                            doc="Number of microseconds (>= 0 and less than 1 second).")

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        """Total seconds in the duration."""
        return self._to_us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        return "%s(%s)" % (_repr_name(self), ", ".join(args) if args else "0")

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days, "" if abs(self._days) == 1 else "s") + s
        if self._microseconds:
            s += ".%06d" % self._microseconds
        return s

    # Comparisons and hashing
    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def _compare(self, other, op):
        if isinstance(other, timedelta):
            return _OPS[op](self._key(), other._key())
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    # Arithmetic
    def __add__(self, other):
        if isinstance(other, timedelta):
            return _us_to_delta(self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _us_to_delta(self._to_us() - other._to_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return _us_to_delta(other._to_us() - self._to_us())
        return NotImplemented

    def __neg__(self):
        return _us_to_delta(-self._to_us())

    def __pos__(self):
        return _us_to_delta(self._to_us())

    def __abs__(self):
        return -self if self._days < 0 else _us_to_delta(self._to_us())

    def __mul__(self, other):
        if isinstance(other, int):
            return _us_to_delta(self._to_us() * other)
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return _us_to_delta(_divide_nearest(self._to_us() * n, d))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            return _us_to_delta(self._to_us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, int):
            return _us_to_delta(_divide_nearest(self._to_us(), other))
        if isinstance(other, float):
            n, d = other.as_integer_ratio()
            return _us_to_delta(_divide_nearest(self._to_us() * d, n))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return _us_to_delta(self._to_us() % other._to_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), other._to_us())
            return q, _us_to_delta(r)
        return NotImplemented

    def __reduce__(self):
        return (type(self), (self._days, self._seconds, self._microseconds))


timedelta.min = _new_delta(timedelta, -_MAX_DELTA_DAYS, 0, 0)
timedelta.max = _new_delta(timedelta, _MAX_DELTA_DAYS, 86399, 999999)
timedelta.resolution = _new_delta(timedelta, 0, 0, 1)

# --- date -------------------------------------------------------------------------------


def _make_date(cls, y, m, d):
    """A date of class cls: subclasses go through their constructor, as
    C's new_date_subclass_ex calls them."""
    if cls is date:
        _check_date_fields(y, m, d)
        self = object.__new__(date)
        self._year, self._month, self._day, self._hashcode = y, m, d, -1
        return self
    return cls(y, m, d)


def _repr_name(obj):
    return _tp_name(obj)


def _isoformat_error(text):
    return ValueError("Invalid isoformat string: %r" % (text,))


@_install_richcompare
class date:
    """date(year, month, day) --> date object"""

    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, *args, **kw):
        if len(args) == 1 and not kw and isinstance(args[0], bytes) and len(args[0]) == 4 \
                and 1 <= args[0][2] <= 12:
            state = args[0]
            self = object.__new__(cls)
            self._year, self._month, self._day = state[0] * 256 + state[1], state[2], state[3]
            self._hashcode = -1
            return self
        year, month, day = _parse_args(None, ("year", "month", "day"), 3, 3, args, kw, _INT3)
        _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day, self._hashcode = year, month, day, -1
        return self

    # Alternate constructors
    @classmethod
    def fromtimestamp(cls, timestamp):
        """Create a date from a POSIX timestamp.

The timestamp is a number, e.g. created via time.time(), that is interpreted
as local time."""
        seconds, _us = _timestamp_to_timeval_floor(timestamp)
        tm = _time.localtime(seconds)
        return _make_date(cls, tm[0], tm[1], tm[2])

    @classmethod
    def today(cls, *args):
        """Current date or datetime:  same as self.__class__.fromtimestamp(time.time())."""
        if args:
            raise TypeError("%s.today() takes no arguments (%d given)" % (cls.__name__, len(args)))
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, *args):
        """int -> date corresponding to a proleptic Gregorian ordinal."""
        if len(args) != 1:
            raise TypeError("fromordinal() takes exactly 1 argument (%d given)" % len(args))
        n = _c_int(args[0])
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAXORDINAL:
            raise ValueError("year %d is out of range" % _ord2ymd(n)[0])
        return _make_date(cls, *_ord2ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        """str -> Construct a date from a string in ISO 8601 format."""
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            buf = date_string.encode("utf-8")
        except UnicodeEncodeError:
            raise _isoformat_error(date_string) from None
        rv = -1
        if len(buf) in (7, 8, 10):
            rv, y, m, d = _parse.parse_date(buf, 0, len(buf), _iso_to_ymd)
        if rv < 0:
            raise _isoformat_error(date_string)
        return _make_date(cls, y, m, d)

    @classmethod
    def fromisocalendar(cls, *args, **kw):
        """int, int, int -> Construct a date from the ISO year, week number and weekday.

This is the inverse of the date.isocalendar() function"""
        year, week, day = _parse_args("fromisocalendar", ("year", "week", "day"), 3, 3, args, kw, _INT3)
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError("Year is out of range: %d" % year)
        rv, y, m, d = _iso_to_ymd(year, week, day)
        if rv == -2:
            raise ValueError("Invalid week: %d" % week)
        if rv == -3:
            raise ValueError("Invalid day: %d (range is [1, 7])" % day)
        return _make_date(cls, y, m, d)

    # Fields
    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    # Text
    def __repr__(self):
        return "%s(%d, %d, %d)" % (_repr_name(self), self._year, self._month, self._day)

    def isoformat(self):
        """Return string in ISO 8601 format, YYYY-MM-DD."""
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def ctime(self):
        """Return ctime() style string."""
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAY_ABBR[self.weekday()], _MONTH_ABBR[self._month], self._day, 0, 0, 0, self._year)

    def strftime(self, *args, **kw):
        """format -> strftime() style string."""
        (fmt,) = _parse_args("strftime", ("format",), 1, 1, args, kw)
        _check_str_arg("strftime", 1, fmt)
        return _wrap_strftime(self, fmt, self.timetuple(), None)

    def __format__(self, fmt):
        _check_str_arg("__format__", 1, fmt)
        if not fmt:
            return str(self)
        return self.strftime(fmt)

    # Conversions
    def timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        """Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1."""
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        """Return the day of the week represented by the date.
Monday == 0 ... Sunday == 6"""
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        """Return the day of the week represented by the date.
Monday == 1 ... Sunday == 7"""
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        """Return a named tuple containing ISO year, week number, and weekday."""
        year = self._year
        week1 = _iso_week1_monday(year)
        today = _ymd2ord(self._year, self._month, self._day)
        week, day = divmod(today - week1, 7)
        if week < 0:
            year -= 1
            week1 = _iso_week1_monday(year)
            week, day = divmod(today - week1, 7)
        elif week >= 52 and today >= _iso_week1_monday(year + 1):
            year += 1
            week = 0
        return IsoCalendarDate(year, week + 1, day + 1)

    def replace(self, *args, **kw):
        """Return date with new specified fields."""
        y, m, d = _parse_args("replace", ("year", "month", "day"), 3, 0, args, kw)
        y = self._year if y is _MISSING else _c_int(y)
        m = self._month if m is _MISSING else _c_int(m)
        d = self._day if d is _MISSING else _c_int(d)
        return type(self)(y, m, d)

    # Comparisons: dates order by their fields; datetime overrides these
    # so that a date never equals a datetime.
    def _cmp(self, other):
        a = (self._year, self._month, self._day)
        b = (other._year, other._month, other._day)
        return 0 if a == b else (1 if a > b else -1)

    def _compare(self, other, op):
        if isinstance(other, date):
            return _OPS[op](self._cmp(other), 0)
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._getstate()[0])
        return self._hashcode

    # Arithmetic: only the days of a timedelta count.
    def _add_days(self, days):
        ordinal = self.toordinal() + days
        if not 1 <= ordinal <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        return _make_date(type(self), *_ord2ymd(ordinal))

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._add_days(other._days)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self._add_days(-other._days)
        if isinstance(other, date) and not isinstance(other, datetime) and not isinstance(self, datetime):
            return _new_delta(timedelta, self.toordinal() - other.toordinal(), 0, 0)
        return NotImplemented

    # Pickling: C's 4-byte state
    def _getstate(self):
        yhi, ylo = divmod(self._year, 256)
        return (bytes((yhi, ylo, self._month, self._day)),)

    def __reduce__(self):
        return (type(self), self._getstate())


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)

_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _timestamp_to_timeval_floor(ts):
    """date.fromtimestamp's whole seconds: C rounds these down
    (_PyTime_ObjectToTime_t with _PyTime_ROUND_FLOOR)."""
    if isinstance(ts, float):
        if ts != ts:
            raise ValueError("Invalid value NaN (not a number)")
        whole = _math.floor(ts) if _math.isfinite(ts) else ts
        if not -9.223372036854776e18 <= whole < 9.223372036854776e18:
            raise OverflowError("timestamp out of range for platform time_t")
        return int(whole), 0
    return _timestamp_to_timeval(ts)


class IsoCalendarDate(tuple):
    """The result of date.isocalendar(): (year, week, weekday)."""

    __slots__ = ()

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __repr__(self):
        return "%s(year=%d, week=%d, weekday=%d)" % (_tp_name(self), self[0], self[1], self[2])

    def __reduce__(self):
        return (tuple, (tuple(self),))


# --- tzinfo and timezone ----------------------------------------------------------------


class tzinfo:
    """Abstract base class for time zone info objects."""

    __slots__ = ()

    def tzname(self, dt):
        """datetime -> string name of time zone."""
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        """datetime -> timedelta showing offset from UTC, negative values indicating West of UTC"""
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        """datetime -> DST offset as timedelta positive east of UTC."""
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        off = _call_offset(self, "utcoffset", dt)
        if off is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = _call_offset(self, "dst", dt)
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        dt = dt + (off - dst)
        dst = _call_offset(dt._tzinfo, "dst", dt)
        if dst is None:
            raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return dt + dst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs is not None else ()
        state = getattr(self, "__dict__", None) or None
        return (type(self), args, state)


def _check_tz_arg(method, dt):
    if dt is not None and not isinstance(dt, datetime):
        raise TypeError("%s(dt) argument must be a datetime instance or None, not %s" % (method, _tp_name(dt)))


class timezone(tzinfo):
    """Fixed offset from UTC implementation of tzinfo."""

    __slots__ = ("_offset", "_name")

    def __init_subclass__(cls, **kw):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def __new__(cls, *args, **kw):
        offset, name = _parse_args("timezone", ("offset", "name"), 2, 1, args, kw)
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s" % _tp_name(offset))
        if name is _MISSING:
            name = None
        else:
            _check_str_arg("timezone", 2, name)
        return _new_timezone(offset, name)

    def __repr__(self):
        if self is _UTC:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s(%r)" % (_tp_name(self), self._offset)
        return "%s(%r, %r)" % (_tp_name(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def utcoffset(self, dt):
        """If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'."""
        _check_tz_arg("utcoffset", dt)
        return self._offset

    def dst(self, dt):
        """Return None."""
        _check_tz_arg("dst", dt)
        return None

    def tzname(self, dt):
        """If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'."""
        _check_tz_arg("tzname", dt)
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset, ":")

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt._tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset

    def __getinitargs__(self):
        """pickle support"""
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)


def _new_timezone(offset, name):
    if name is None and not offset and _UTC is not None:
        return _UTC
    if (offset._days == -1 and offset._seconds == 0 and offset._microseconds < 1) or \
            offset._days < -1 or offset._days >= 1:
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) "
                         "and timedelta(hours=24), not %r." % (offset,))
    self = object.__new__(timezone)
    self._offset = offset
    self._name = name
    return self


_UTC = None
_UTC = _new_timezone(timedelta(0), None)
timezone.utc = _UTC
timezone.min = _new_timezone(timedelta(hours=-23, minutes=-59), None)
timezone.max = _new_timezone(timedelta(hours=23, minutes=59), None)
UTC = _UTC


def _tz_from_iso(rv, seconds, us):
    if rv != 1:
        return None
    if seconds == 0:
        return _UTC
    return _new_timezone(_us_to_delta(seconds * 1000000 + us), None)


# --- time -------------------------------------------------------------------------------

_TIMESPECS = ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds")


def _format_time(hh, mm, ss, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return "%02d" % hh
    if timespec == "minutes":
        return "%02d:%02d" % (hh, mm)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    raise ValueError("Unknown timespec value")


def _time_repr_fields(hh, mm, ss, us):
    if us:
        return "%d, %d, %d, %d" % (hh, mm, ss, us)
    if ss:
        return "%d, %d, %d" % (hh, mm, ss)
    return "%d, %d" % (hh, mm)


@_install_richcompare
class time:
    """time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object

All arguments are optional. tzinfo may be None, or an instance of
a tzinfo subclass. The remaining arguments may be ints.
"""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_hashcode", "_fold")

    def __new__(cls, *args, **kw):
        if 1 <= len(args) <= 2 and not kw and isinstance(args[0], bytes) and len(args[0]) == 6 \
                and (args[0][0] & 0x7F) < 24:
            state = args[0]
            tz = args[1] if len(args) == 2 else None
            if tz is not None and not isinstance(tz, tzinfo):
                raise TypeError("bad tzinfo state arg")
            self = object.__new__(cls)
            self._hour, self._fold = state[0] & 0x7F, state[0] >> 7
            self._minute, self._second = state[1], state[2]
            self._microsecond = (state[3] << 16) | (state[4] << 8) | state[5]
            self._tzinfo, self._hashcode = tz, -1
            return self
        hh, mm, ss, us, tz, fold = _parse_args(
            None, ("hour", "minute", "second", "microsecond", "tzinfo", "fold"), 5, 0, args, kw, _TIME_CONVERT)
        hh = 0 if hh is _MISSING else hh
        mm = 0 if mm is _MISSING else mm
        ss = 0 if ss is _MISSING else ss
        us = 0 if us is _MISSING else us
        tz = None if tz is _MISSING else tz
        fold = 0 if fold is _MISSING else fold
        _check_time_fields(hh, mm, ss, us, fold)
        _check_tzinfo(tz)
        return _make_time(cls, hh, mm, ss, us, tz, fold)

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def fromisoformat(cls, time_string):
        """string -> time from a string in ISO 8601 format"""
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            buf = time_string.encode("utf-8")
        except UnicodeEncodeError:
            raise _isoformat_error(time_string) from None
        start = 1 if buf[:1] == b"T" else 0
        rv, hh, mm, ss, us, tzs, tzus = _parse.parse_time(buf, start, len(buf) - start)
        if rv < 0:
            raise _isoformat_error(time_string)
        tz = _tz_from_iso(rv, tzs, tzus)
        if cls is time:
            _check_time_fields(hh, mm, ss, us, 0)
            return _make_time(time, hh, mm, ss, us, tz, 0)
        return cls(hh, mm, ss, us, tz)

    def __repr__(self):
        s = "%s(%s" % (_repr_name(self), _time_repr_fields(self._hour, self._minute, self._second, self._microsecond))
        if self._tzinfo is not None:
            s += ", tzinfo=%r" % (self._tzinfo,)
        if self._fold:
            s += ", fold=1"
        return s + ")"

    def isoformat(self, *args, **kw):
        """Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].

The optional argument timespec specifies the number of additional terms
of the time to include. Valid options are 'auto', 'hours', 'minutes',
'seconds', 'milliseconds' and 'microseconds'.
"""
        (timespec,) = _parse_args(None, ("timespec",), 1, 0, args, kw)
        if timespec is _MISSING:
            timespec = "auto"
        elif not isinstance(timespec, str):
            raise TypeError("isoformat() argument 1 must be str, not %s" % _tp_name(timespec))
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        offset = _call_offset(self._tzinfo, "utcoffset", None)
        if offset is not None:
            s += _format_offset(offset, ":")
        return s

    __str__ = isoformat

    def strftime(self, *args, **kw):
        """format -> strftime() style string."""
        (fmt,) = _parse_args("strftime", ("format",), 1, 1, args, kw)
        _check_str_arg("strftime", 1, fmt)
        tt = _time.struct_time((1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1))
        return _wrap_strftime(self, fmt, tt, None)

    def __format__(self, fmt):
        _check_str_arg("__format__", 1, fmt)
        if not fmt:
            return str(self)
        return self.strftime(fmt)

    def utcoffset(self):
        """Return self.tzinfo.utcoffset(self)."""
        return _call_offset(self._tzinfo, "utcoffset", None)

    def dst(self):
        """Return self.tzinfo.dst(self)."""
        return _call_offset(self._tzinfo, "dst", None)

    def tzname(self):
        """Return self.tzinfo.tzname(self)."""
        return _call_tzname(self._tzinfo, None)

    def replace(self, *args, **kw):
        """Return time with new specified fields."""
        hh, mm, ss, us, tz, fold = _parse_args(
            "replace", ("hour", "minute", "second", "microsecond", "tzinfo", "fold"), 5, 0, args, kw)
        hh = self._hour if hh is _MISSING else _c_int(hh)
        mm = self._minute if mm is _MISSING else _c_int(mm)
        ss = self._second if ss is _MISSING else _c_int(ss)
        us = self._microsecond if us is _MISSING else _c_int(us)
        tz = self._tzinfo if tz is _MISSING else tz
        fold = self._fold if fold is _MISSING else _c_int(fold)
        if fold != 0 and fold != 1:
            raise ValueError("fold must be either 0 or 1")
        if type(self) is time:
            _check_time_fields(hh, mm, ss, us, fold)
            _check_tzinfo(tz)
            return _make_time(time, hh, mm, ss, us, tz, fold)
        result = type(self)(hh, mm, ss, us, tz)
        result._fold = fold
        return result

    # Comparisons (C's time_richcompare)
    def _fields(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _cmp(self, other):
        if self._tzinfo is other._tzinfo:
            a, b = self._fields(), other._fields()
        else:
            o1 = _call_offset(self._tzinfo, "utcoffset", None)
            o2 = _call_offset(other._tzinfo, "utcoffset", None)
            if o1 is o2 or (o1 is not None and o2 is not None and o1 == o2):
                a, b = self._fields(), other._fields()
            elif o1 is not None and o2 is not None:
                a = (self._hour * 3600 + self._minute * 60 + self._second - o1._days * 86400 - o1._seconds,
                     self._microsecond)
                b = (other._hour * 3600 + other._minute * 60 + other._second - o2._days * 86400 - o2._seconds,
                     other._microsecond)
            else:
                return None
        return 0 if a == b else (1 if a > b else -1)

    def _compare(self, other, op):
        if not isinstance(other, time):
            return NotImplemented
        c = self._cmp(other)
        if c is None:
            return _unordered(op, "can't compare offset-naive and offset-aware times")
        return _OPS[op](c, 0)

    def __hash__(self):
        if self._hashcode == -1:
            t = self
            if self._fold:
                t = _make_time(time, self._hour, self._minute, self._second, self._microsecond, self._tzinfo, 0)
            self._hashcode = _hash_time_of(t, _call_offset(t._tzinfo, "utcoffset", None), 0)
        return self._hashcode

    def __bool__(self):
        return True

    # Pickling
    def _getstate(self, protocol):
        hour = self._hour + 128 if self._fold and protocol > 3 else self._hour
        us = self._microsecond
        state = bytes((hour, self._minute, self._second, us >> 16, (us >> 8) & 0xFF, us & 0xFF))
        return (state,) if self._tzinfo is None else (state, self._tzinfo)

    def __reduce_ex__(self, protocol):
        return (type(self), self._getstate(protocol))

    def __reduce__(self):
        return self.__reduce_ex__(2)


def _make_time(cls, hh, mm, ss, us, tz, fold):
    self = object.__new__(cls)
    self._hour, self._minute, self._second, self._microsecond = hh, mm, ss, us
    self._tzinfo, self._fold, self._hashcode = tz, fold, -1
    return self


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)

# --- datetime ---------------------------------------------------------------------------

_DT_ARG_NAMES = ("year", "month", "day", "hour", "minute", "second", "microsecond", "tzinfo", "fold")


def _make_datetime(cls, y, m, d, hh, mm, ss, us, tz, fold=0):
    """A datetime of class cls; subclasses go through their constructor
    (C's new_datetime_subclass_fold_ex), fold set afterwards."""
    if cls is datetime:
        _check_date_fields(y, m, d)
        _check_time_fields(hh, mm, ss, us, fold)
        _check_tzinfo(tz)
        self = object.__new__(datetime)
        self._year, self._month, self._day = y, m, d
        self._hour, self._minute, self._second, self._microsecond = hh, mm, ss, us
        self._tzinfo, self._fold, self._hashcode = tz, fold, -1
        return self
    self = cls(y, m, d, hh, mm, ss, us, tz)
    if fold:
        self._fold = fold
    return self


def _from_timet_and_us(cls, local, timet, us, tz):
    """C's datetime_from_timet_and_us: broken-down time by localtime or
    gmtime; a local time in the second run of a repeated hour gets fold=1."""
    tm = _time.localtime(timet) if local else _time.gmtime(timet)
    y, m, d, hh, mm, ss = tm[0], tm[1], tm[2], tm[3], tm[4], min(59, tm[5])
    fold = 0
    if tz is None and local:
        max_fold = 24 * 3600
        result = _utc_to_seconds(y, m, d, hh, mm, ss)
        probe = _local(_EPOCH_SECONDS + timet - max_fold)
        transition = result - probe - max_fold
        if transition < 0:
            probe = _local(_EPOCH_SECONDS + timet + transition)
            if probe == result:
                fold = 1
    return _make_datetime(cls, y, m, d, hh, mm, ss, us, tz, fold)


@_install_richcompare
class datetime(date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])

The year, month and day arguments are required. tzinfo may be None, or an
instance of a tzinfo subclass. The remaining arguments may be ints.
"""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, *args, **kw):
        if 1 <= len(args) <= 2 and not kw and isinstance(args[0], bytes) and len(args[0]) == 10 \
                and 1 <= (args[0][2] & 0x7F) <= 12:
            state = args[0]
            tz = args[1] if len(args) == 2 else None
            if tz is not None and not isinstance(tz, tzinfo):
                raise TypeError("bad tzinfo state arg")
            self = object.__new__(cls)
            self._year, self._month, self._fold = state[0] * 256 + state[1], state[2] & 0x7F, state[2] >> 7
            self._day, self._hour, self._minute, self._second = state[3], state[4], state[5], state[6]
            self._microsecond = (state[7] << 16) | (state[8] << 8) | state[9]
            self._tzinfo, self._hashcode = tz, -1
            return self
        y, m, d, hh, mm, ss, us, tz, fold = _parse_args(None, _DT_ARG_NAMES, 8, 3, args, kw, _DT_CONVERT)
        hh = 0 if hh is _MISSING else hh
        mm = 0 if mm is _MISSING else mm
        ss = 0 if ss is _MISSING else ss
        us = 0 if us is _MISSING else us
        tz = None if tz is _MISSING else tz
        fold = 0 if fold is _MISSING else fold
        _check_date_fields(y, m, d)
        _check_time_fields(hh, mm, ss, us, fold)
        _check_tzinfo(tz)
        self = object.__new__(cls)
        self._year, self._month, self._day = y, m, d
        self._hour, self._minute, self._second, self._microsecond = hh, mm, ss, us
        self._tzinfo, self._fold, self._hashcode = tz, fold, -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    # Alternate constructors
    @classmethod
    def fromtimestamp(cls, *args, **kw):
        """timestamp[, tz] -> tz's local time from POSIX timestamp."""
        timestamp, tz = _parse_args("fromtimestamp", ("timestamp", "tz"), 2, 1, args, kw)
        tz = None if tz is _MISSING else tz
        _check_tzinfo(tz)
        timet, us = _timestamp_to_timeval(timestamp)
        self = _from_timet_and_us(cls, tz is None, timet, us, tz)
        if tz is not None:
            self = tz.fromutc(self)
        return self

    @classmethod
    def utcfromtimestamp(cls, timestamp):
        """Construct a naive UTC datetime from a POSIX timestamp."""
        timet, us = _timestamp_to_timeval(timestamp)
        return _from_timet_and_us(cls, False, timet, us, None)

    @classmethod
    def now(cls, *args, **kw):
        """Returns new datetime object representing current time local to tz.

  tz
    Timezone object.

If no tz is specified, uses local timezone."""
        (tz,) = _parse_args("now", ("tz",), 1, 0, args, kw)
        tz = None if tz is _MISSING else tz
        _check_tzinfo(tz)
        timet, us = divmod(_time.time_ns() // 1000, 1000000)
        self = _from_timet_and_us(cls, tz is None, timet, us, tz)
        if tz is not None:
            self = tz.fromutc(self)
        return self

    @classmethod
    def utcnow(cls):
        """Return a new datetime representing UTC day and time."""
        timet, us = divmod(_time.time_ns() // 1000, 1000000)
        return _from_timet_and_us(cls, False, timet, us, None)

    @classmethod
    def combine(cls, *args, **kw):
        """date, time -> datetime with same date and time fields"""
        d, t, tz = _parse_args("combine", ("date", "time", "tzinfo"), 3, 2, args, kw)
        if not isinstance(d, date):
            raise TypeError("combine() argument 1 must be datetime.date, not %s" % _tp_name(d))
        if not isinstance(t, time):
            raise TypeError("combine() argument 2 must be datetime.time, not %s" % _tp_name(t))
        if tz is _MISSING:
            tz = t._tzinfo
        return _make_datetime(cls, d._year, d._month, d._day, t._hour, t._minute, t._second,
                              t._microsecond, tz, t._fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """string -> datetime from a string in most ISO 8601 formats"""
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        clean = _parse.sanitize(date_string)
        if clean is None:
            raise _isoformat_error(date_string)
        try:
            buf = clean.encode("utf-8")
        except UnicodeEncodeError:
            raise _isoformat_error(date_string) from None
        sep = _parse.find_separator(buf)
        rv, y, m, d = _parse.parse_date(buf, 0, sep, _iso_to_ymd)
        hh = mm = ss = us = tzs = tzus = 0
        if not rv and len(buf) > sep:
            rv, hh, mm, ss, us, tzs, tzus = _parse.parse_time(buf, sep + 1, len(buf) - sep - 1)
        if rv < 0:
            raise _isoformat_error(date_string)
        tz = _tz_from_iso(rv, tzs, tzus)
        return _make_datetime(cls, y, m, d, hh, mm, ss, us, tz)

    @classmethod
    def strptime(cls, *args):
        """string, format -> new datetime parsed from a string (like time.strptime())."""
        if len(args) != 2:
            if len(args) < 2:
                raise TypeError("strptime expected 2 arguments, got %d" % len(args))
            raise TypeError("strptime expected at most 2 arguments, got %d" % len(args))
        _check_str_arg("strptime", 1, args[0])
        _check_str_arg("strptime", 2, args[1])
        import _strptime
        return _strptime._strptime_datetime(cls, args[0], args[1])

    # Parts
    def date(self):
        """Return date object with same year, month and day."""
        return _make_date(date, self._year, self._month, self._day)

    def time(self):
        """Return time object with same time but with tzinfo=None."""
        return _make_time(time, self._hour, self._minute, self._second, self._microsecond, None, self._fold)

    def timetz(self):
        """Return time object with same time and tzinfo."""
        return _make_time(time, self._hour, self._minute, self._second, self._microsecond, self._tzinfo,
                          self._fold)

    def utcoffset(self):
        """Return self.tzinfo.utcoffset(self)."""
        return _call_offset(self._tzinfo, "utcoffset", self)

    def dst(self):
        """Return self.tzinfo.dst(self)."""
        return _call_offset(self._tzinfo, "dst", self)

    def tzname(self):
        """Return self.tzinfo.tzname(self)."""
        return _call_tzname(self._tzinfo, self)

    # Text
    def __repr__(self):
        s = "%s(%d, %d, %d, %s" % (_repr_name(self), self._year, self._month, self._day,
                                   _time_repr_fields(self._hour, self._minute, self._second, self._microsecond))
        if self._fold:
            s += ", fold=1"
        if self._tzinfo is not None:
            s += ", tzinfo=%r" % (self._tzinfo,)
        return s + ")"

    def isoformat(self, *args, **kw):
        """[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].
sep is used to separate the year from the time, and defaults to 'T'.
The optional argument timespec specifies the number of additional terms
of the time to include. Valid options are 'auto', 'hours', 'minutes',
'seconds', 'milliseconds' and 'microseconds'.
"""
        sep, timespec = _parse_args(None, ("sep", "timespec"), 2, 0, args, kw)
        if sep is _MISSING:
            sep = "T"
        elif not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s" % _tp_name(sep))
        if timespec is _MISSING:
            timespec = "auto"
        elif not isinstance(timespec, str):
            raise TypeError("isoformat() argument 2 must be str, not %s" % _tp_name(timespec))
        s = "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep) + \
            _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        offset = _call_offset(self._tzinfo, "utcoffset", self)
        if offset is not None:
            s += _format_offset(offset, ":")
        return s

    def __str__(self):
        return self.isoformat(" ")

    def ctime(self):
        """Return ctime() style string."""
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAY_ABBR[self.weekday()], _MONTH_ABBR[self._month], self._day,
            self._hour, self._minute, self._second, self._year)

    def strftime(self, *args, **kw):
        """format -> strftime() style string."""
        (fmt,) = _parse_args("strftime", ("format",), 1, 1, args, kw)
        _check_str_arg("strftime", 1, fmt)
        return _wrap_strftime(self, fmt, self.timetuple(), self)

    # Conversions
    def timetuple(self):
        """Return time tuple, compatible with time.localtime()."""
        dst = _call_offset(self._tzinfo, "dst", self)
        flag = -1 if dst is None else (1 if dst else 0)
        return _build_struct_time(self._year, self._month, self._day, self._hour, self._minute,
                                  self._second, flag)

    def utctimetuple(self):
        """Return UTC time tuple, compatible with time.localtime()."""
        offset = _call_offset(self._tzinfo, "utcoffset", self)
        t = self if offset is None else self._add(offset, -1)
        return _build_struct_time(t._year, t._month, t._day, t._hour, t._minute, t._second, 0)

    def timestamp(self):
        """Return POSIX timestamp as float."""
        if self._tzinfo is not None and _call_offset(self._tzinfo, "utcoffset", self) is not None:
            return (self - _EPOCH).total_seconds()
        seconds = _local_to_seconds(self._year, self._month, self._day, self._hour, self._minute,
                                    self._second, self._fold)
        return (seconds - _EPOCH_SECONDS) + self._microsecond / 1e6

    def _local_timezone(self):
        """The local timezone at this naive (local) time."""
        seconds = _local_to_seconds(self._year, self._month, self._day, self._hour, self._minute,
                                    self._second, self._fold)
        return _local_timezone_from_timestamp(seconds - _EPOCH_SECONDS)

    def astimezone(self, *args, **kw):
        """tz -> convert to local time in new timezone tz"""
        (tz,) = _parse_args("astimezone", ("tz",), 1, 0, args, kw)
        tz = None if tz is _MISSING else tz
        _check_tzinfo(tz)
        self_tz = self._tzinfo
        offset = None
        if self_tz is not None:
            if self_tz is tz:
                return self
            offset = _call_offset(self_tz, "utcoffset", self)
        if offset is None:
            self_tz = self._local_timezone()
            if self_tz is tz:
                return self
            offset = _call_offset(self_tz, "utcoffset", self)
        utc = self._add(offset, -1)
        utc = _make_datetime(datetime, utc._year, utc._month, utc._day, utc._hour, utc._minute, utc._second,
                             utc._microsecond, _UTC)
        if tz is None:
            delta = utc - _EPOCH
            tz = _local_timezone_from_timestamp(delta // timedelta(seconds=1))
        utc._tzinfo = tz
        if type(self) is not datetime:
            utc = _make_datetime(type(self), utc._year, utc._month, utc._day, utc._hour, utc._minute,
                                 utc._second, utc._microsecond, tz)
        return tz.fromutc(utc)

    def replace(self, *args, **kw):
        """Return datetime with new specified fields."""
        y, m, d, hh, mm, ss, us, tz, fold = _parse_args("replace", _DT_ARG_NAMES, 8, 0, args, kw)
        y = self._year if y is _MISSING else _c_int(y)
        m = self._month if m is _MISSING else _c_int(m)
        d = self._day if d is _MISSING else _c_int(d)
        hh = self._hour if hh is _MISSING else _c_int(hh)
        mm = self._minute if mm is _MISSING else _c_int(mm)
        ss = self._second if ss is _MISSING else _c_int(ss)
        us = self._microsecond if us is _MISSING else _c_int(us)
        tz = self._tzinfo if tz is _MISSING else tz
        fold = self._fold if fold is _MISSING else _c_int(fold)
        if fold != 0 and fold != 1:
            raise ValueError("fold must be either 0 or 1")
        return _make_datetime(type(self), y, m, d, hh, mm, ss, us, tz, fold)

    # Comparisons (C's datetime_richcompare)
    def _fields(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)

    def _flip_offset(self):
        flipped = _make_datetime(datetime, self._year, self._month, self._day, self._hour, self._minute,
                                 self._second, self._microsecond, self._tzinfo, 1 - self._fold)
        return _call_offset(self._tzinfo, "utcoffset", flipped)

    def _pep495_unequal(self, other, o1, o2):
        flip = self._flip_offset()
        if flip is not o1 and flip != o1:
            return True
        flip = other._flip_offset()
        return flip is not o2 and flip != o2

    def _cmp(self, other, eq):
        """-1/0/1, or None for naive against aware."""
        if self._tzinfo is other._tzinfo:
            a, b = self._fields(), other._fields()
            return 0 if a == b else (1 if a > b else -1)
        o1 = _call_offset(self._tzinfo, "utcoffset", self)
        o2 = _call_offset(other._tzinfo, "utcoffset", other)
        if o1 is o2 or (o1 is not None and o2 is not None and o1 == o2):
            a, b = self._fields(), other._fields()
            diff = 0 if a == b else (1 if a > b else -1)
        elif o1 is not None and o2 is not None:
            delta = self - other
            diff = -1 if delta._days < 0 else (1 if delta else 0)
        else:
            return None
        if eq and diff == 0 and self._pep495_unequal(other, o1, o2):
            diff = 1
        return diff

    def _compare(self, other, op):
        if not isinstance(other, datetime):
            if isinstance(other, date):
                return _unordered(op, "can't compare %s to %s" % (_tp_name(self), _tp_name(other)))
            return NotImplemented
        c = self._cmp(other, op == 2 or op == 3)
        if c is None:
            return _unordered(op, "can't compare offset-naive and offset-aware datetimes")
        return _OPS[op](c, 0)

    def __hash__(self):
        if self._hashcode == -1:
            t = self
            if self._fold:
                t = _make_datetime(datetime, self._year, self._month, self._day, self._hour, self._minute,
                                   self._second, self._microsecond, self._tzinfo, 0)
            self._hashcode = _hash_time_of(t, _call_offset(t._tzinfo, "utcoffset", t),
                                           _ymd2ord(self._year, self._month, self._day))
        return self._hashcode

    # Arithmetic
    def _add(self, delta, factor):
        y, m, d, hh, mm, ss, us = _normalize_datetime(
            self._year, self._month, self._day + delta._days * factor, self._hour, self._minute,
            self._second + delta._seconds * factor, self._microsecond + delta._microseconds * factor)
        return _make_datetime(type(self), y, m, d, hh, mm, ss, us, self._tzinfo)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return self._add(other, 1)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, datetime):
            if self._tzinfo is other._tzinfo:
                o1 = o2 = None
            else:
                o1 = _call_offset(self._tzinfo, "utcoffset", self)
                o2 = _call_offset(other._tzinfo, "utcoffset", other)
                if (o1 is None) != (o2 is None):
                    raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            days = self.toordinal() - other.toordinal()
            secs = (self._hour - other._hour) * 3600 + (self._minute - other._minute) * 60 + \
                self._second - other._second
            us = (days * 86400 + secs) * 1000000 + self._microsecond - other._microsecond
            result = _us_to_delta(us)
            if o1 is not o2 and o1 != o2:
                result = result - (o1 - o2)
            return result
        if isinstance(other, timedelta):
            return self._add(other, -1)
        return NotImplemented

    def __rsub__(self, other):
        return NotImplemented

    # Pickling: C's 10-byte state, fold in the month byte from protocol 4
    def _getstate(self, protocol):
        yhi, ylo = divmod(self._year, 256)
        month = self._month + 128 if self._fold and protocol > 3 else self._month
        us = self._microsecond
        state = bytes((yhi, ylo, month, self._day, self._hour, self._minute, self._second,
                       us >> 16, (us >> 8) & 0xFF, us & 0xFF))
        return (state,) if self._tzinfo is None else (state, self._tzinfo)

    def __reduce_ex__(self, protocol):
        return (type(self), self._getstate(protocol))

    def __reduce__(self):
        return self.__reduce_ex__(2)


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=_UTC)

_TYPE_NAMES = {date: "datetime.date", time: "datetime.time", datetime: "datetime.datetime",
               timedelta: "datetime.timedelta", tzinfo: "datetime.tzinfo", timezone: "datetime.timezone",
               IsoCalendarDate: "datetime.IsoCalendarDate"}

# The C types are named "datetime.date" etc. in the interpreter's own
# messages ("unsupported operand type(s) for +: 'datetime.date' and 'int'");
# the native _datetime gives these classes that tp_name (their __name__
# stays short).
from _datetime import _set_tp_name
for _cls, _name in _TYPE_NAMES.items():
    _set_tp_name(_cls, _name)
del _cls, _name, _set_tp_name
