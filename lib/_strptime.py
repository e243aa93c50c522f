"""_strptime.py: parsing of times from text by a strftime-style format.

minipy's own version of CPython 3.11's Lib/_strptime.py (the code behind
time.strptime and datetime.strptime). Book ch. 12, "The Standard Library".

How it works: LocaleTime collects the locale's names (weekdays, months,
AM/PM, time zones) through time.strftime; TimeRE maps each directive to a
regular expression with a named group and turns a whole format into one
compiled pattern (cached per format); _strptime matches the text and
converts the groups, deriving what the format left out (the day of the year
from a week number and weekday, the date from an ISO year/week, ...).

Differences from CPython: the locale's %c, %x and %X layouts are the C
locale's ('%a %b %d %H:%M:%S %Y', '%m/%d/%y', '%H:%M:%S') instead of being
reverse-engineered from strftime output, since minipy runs in the C locale.
"""

import time
import re
from datetime import date as datetime_date, timedelta as datetime_timedelta, timezone as datetime_timezone
from _thread import allocate_lock

__all__ = []


def _getlang():
    import locale
    return locale.getlocale(locale.LC_TIME)


class LocaleTime(object):
    """The locale's names for times and dates, lower-cased for matching.

    f_weekday/a_weekday: full and abbreviated weekday names, Monday first;
    f_month/a_month: month names with '' at index 0; am_pm; LC_date_time,
    LC_date, LC_time: the %c/%x/%X formats; timezone: (names without DST,
    names with DST) as frozensets; lang: the LC_TIME locale."""

    def __init__(self):
        self.lang = _getlang()
        # A known Wednesday in each month gives the names through strftime.
        self.a_weekday = [time.strftime("%a", (2001, 1, 1 + i, 0, 0, 0, i, 1 + i, 0)).lower() for i in range(7)]
        self.f_weekday = [time.strftime("%A", (2001, 1, 1 + i, 0, 0, 0, i, 1 + i, 0)).lower() for i in range(7)]
        self.a_month = [""] + [time.strftime("%b", (2001, m, 1, 0, 0, 0, 0, 1, 0)).lower() for m in range(1, 13)]
        self.f_month = [""] + [time.strftime("%B", (2001, m, 1, 0, 0, 0, 0, 1, 0)).lower() for m in range(1, 13)]
        self.am_pm = [time.strftime("%p", (1999, 3, 17, hour, 44, 55, 2, 76, 0)).lower() for hour in (1, 22)]
        self.LC_date_time = "%a %b %d %H:%M:%S %Y"
        self.LC_date = "%m/%d/%y"
        self.LC_time = "%H:%M:%S"
        try:
            time.tzset()
        except AttributeError:
            pass
        self.tzname = time.tzname
        self.daylight = time.daylight
        no_saving = frozenset({"utc", "gmt", self.tzname[0].lower()})
        has_saving = frozenset({self.tzname[1].lower()}) if self.daylight else frozenset()
        self.timezone = (no_saving, has_saving)


def _alternation(names, directive):
    """A named group matching any of names, longest first so that a name
    never loses to its own prefix; '' when there are none."""
    names = sorted(names, key=len, reverse=True)
    if all(not n for n in names):
        return ""
    return "(?P<%s>%s)" % (directive, "|".join(re.escape(n) for n in names))


class TimeRE(dict):
    """directive -> regular expression text, for one LocaleTime."""

    def __init__(self, locale_time=None):
        self.locale_time = locale_time if locale_time else LocaleTime()
        lt = self.locale_time
        super().__init__({
            "d": r"(?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])",
            "f": r"(?P<f>[0-9]{1,6})",
            "H": r"(?P<H>2[0-3]|[0-1]\d|\d)",
            "I": r"(?P<I>1[0-2]|0[1-9]|[1-9])",
            "G": r"(?P<G>\d\d\d\d)",
            "j": r"(?P<j>36[0-6]|3[0-5]\d|[1-2]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
            "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])",
            "M": r"(?P<M>[0-5]\d|\d)",
            "S": r"(?P<S>6[0-1]|[0-5]\d|\d)",
            "U": r"(?P<U>5[0-3]|[0-4]\d|\d)",
            "w": r"(?P<w>[0-6])",
            "u": r"(?P<u>[1-7])",
            "V": r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
            "y": r"(?P<y>\d\d)",
            "Y": r"(?P<Y>\d\d\d\d)",
            "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
            "A": _alternation(lt.f_weekday, "A"),
            "a": _alternation(lt.a_weekday, "a"),
            "B": _alternation(lt.f_month[1:], "B"),
            "b": _alternation(lt.a_month[1:], "b"),
            "p": _alternation(lt.am_pm, "p"),
            "Z": _alternation([tz for names in lt.timezone for tz in names], "Z"),
            "%": "%",
        })
        self["W"] = self["U"].replace("U", "W")
        self["c"] = self.pattern(lt.LC_date_time)
        self["x"] = self.pattern(lt.LC_date)
        self["X"] = self.pattern(lt.LC_time)

    def pattern(self, format):
        """The regular expression text of a format: regex metacharacters
        escaped, runs of whitespace matching any whitespace, directives
        replaced (KeyError for an unknown one, IndexError for a final %)."""
        format = re.sub(r"([\\.^$*+?\(\){}\[\]|])", r"\\\1", format)
        format = re.sub(r"\s+", r"\\s+", format)
        out = []
        while "%" in format:
            i = format.index("%")
            out.append(format[:i])
            out.append(self[format[i + 1]])
            format = format[i + 2:]
        out.append(format)
        return "".join(out)

    def compile(self, format):
        """The compiled pattern of a format, case-insensitive."""
        return re.compile(self.pattern(format), re.IGNORECASE)


_cache_lock = allocate_lock()
_TimeRE_cache = TimeRE()
_CACHE_MAX_SIZE = 5
_regex_cache = {}


def _calc_julian_from_U_or_W(year, week_of_year, day_of_week, week_starts_Mon):
    """Day of the year of a %U/%W week number and a weekday (Monday 0)."""
    first_weekday = datetime_date(year, 1, 1).weekday()
    if not week_starts_Mon:
        # %U weeks start on Sunday: shift so that Sunday is day 0.
        first_weekday = (first_weekday + 1) % 7
        day_of_week = (day_of_week + 1) % 7
    week_0_length = (7 - first_weekday) % 7
    if week_of_year == 0:
        return 1 + day_of_week - first_weekday
    return 1 + week_0_length + 7 * (week_of_year - 1) + day_of_week


def _calc_julian_from_V(iso_year, iso_week, iso_weekday):
    """(Gregorian year, day of the year) of an ISO year, week and weekday
    (Monday 1); the day may fall in the previous calendar year."""
    correction = datetime_date(iso_year, 1, 4).isoweekday() + 3
    ordinal = iso_week * 7 + iso_weekday - correction
    if ordinal < 1:
        ordinal += datetime_date(iso_year, 1, 1).toordinal()
        iso_year -= 1
        ordinal -= datetime_date(iso_year, 1, 1).toordinal()
    return iso_year, ordinal


def _get_regex(format):
    """The compiled pattern of format, rebuilding TimeRE when the locale or
    the time zone changed."""
    global _TimeRE_cache
    with _cache_lock:
        lt = _TimeRE_cache.locale_time
        if _getlang() != lt.lang or time.tzname != lt.tzname or time.daylight != lt.daylight:
            _TimeRE_cache = TimeRE()
            _regex_cache.clear()
            lt = _TimeRE_cache.locale_time
        regex = _regex_cache.get(format)
        if not regex:
            try:
                regex = _TimeRE_cache.compile(format)
            except KeyError as err:
                bad = err.args[0]
                if bad == "\\":
                    bad = "%"
                del err
                raise ValueError("'%s' is a bad directive in format '%s'" % (bad, format)) from None
            except IndexError:
                raise ValueError("stray %% in format '%s'" % format) from None
            if len(_regex_cache) > _CACHE_MAX_SIZE:
                _regex_cache.clear()
            _regex_cache[format] = regex
        return regex, lt


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    """((year, month, day, hour, minute, second, weekday, yday, isdst,
    zone, gmtoff), microseconds, gmtoff microseconds) of data_string."""
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument {} must be str, not {}".format(index, type(arg)))
    regex, locale_time = _get_regex(format)
    found = regex.match(data_string)
    if not found:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" % data_string[found.end():])

    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = week_of_year_start = None
    weekday = julian = None
    groups = found.groupdict()
    for key in groups:
        value = groups[key]
        if key == "y":
            year = int(value)
            # POSIX: 69-99 are the 1900s, 00-68 the 2000s.
            year += 2000 if year <= 68 else 1900
        elif key == "Y":
            year = int(value)
        elif key == "G":
            iso_year = int(value)
        elif key == "m":
            month = int(value)
        elif key == "B":
            month = locale_time.f_month.index(value.lower())
        elif key == "b":
            month = locale_time.a_month.index(value.lower())
        elif key == "d":
            day = int(value)
        elif key == "H":
            hour = int(value)
        elif key == "I":
            hour = int(value)
            ampm = groups.get("p", "").lower()
            if ampm in ("", locale_time.am_pm[0]):
                if hour == 12:
                    hour = 0
            elif ampm == locale_time.am_pm[1]:
                if hour != 12:
                    hour += 12
        elif key == "M":
            minute = int(value)
        elif key == "S":
            second = int(value)
        elif key == "f":
            fraction = int(value + "0" * (6 - len(value)))
        elif key == "A":
            weekday = locale_time.f_weekday.index(value.lower())
        elif key == "a":
            weekday = locale_time.a_weekday.index(value.lower())
        elif key == "w":
            weekday = int(value)
            weekday = 6 if weekday == 0 else weekday - 1
        elif key == "u":
            weekday = int(value) - 1
        elif key == "j":
            julian = int(value)
        elif key in ("U", "W"):
            week_of_year = int(value)
            week_of_year_start = 6 if key == "U" else 0
        elif key == "V":
            iso_week = int(value)
        elif key == "z":
            z = value
            if z == "Z":
                gmtoff = 0
            else:
                if z[3] == ":":
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ":":
                            raise ValueError(f"Inconsistent use of : in {value}")
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = hours * 3600 + minutes * 60 + seconds
                rest = z[8:]
                gmtoff_fraction = int(rest + "0" * (6 - len(rest)))
                if z.startswith("-"):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif key == "Z":
            found_zone = value.lower()
            for i, names in enumerate(locale_time.timezone):
                if found_zone in names:
                    # Both names equal with DST on: which one is meant is unknown.
                    if (time.tzname[0] == time.tzname[1] and time.daylight
                            and found_zone not in ("utc", "gmt")):
                        break
                    tz = i
                    break

    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive "
                             "'%V' and a weekday directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year "
                             "directive '%G'. Use '%Y' instead.")
    elif week_of_year is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year directive "
                             "'%G' and a weekday directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive "
                         "'%Y'. Use the ISO year '%G' instead.")

    # February 29th without a year is computed in 1904 (a leap year) and
    # reported in 1900, so that it still sorts before March 1st.
    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900

    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _calc_julian_from_U_or_W(year, week_of_year, weekday, week_of_year_start == 0)
        elif iso_year is not None and iso_week is not None:
            year, julian = _calc_julian_from_V(iso_year, iso_week, weekday + 1)
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 365
    if julian is None:
        julian = datetime_date(year, month, day).toordinal() - datetime_date(year, 1, 1).toordinal() + 1
    else:
        result = datetime_date.fromordinal(julian - 1 + datetime_date(year, 1, 1).toordinal())
        year, month, day = result.year, result.month, result.day
    if weekday is None:
        weekday = datetime_date(year, month, day).weekday()
    tzname = groups.get("Z")
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz, tzname, gmtoff),
            fraction, gmtoff_fraction)


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    """time.strptime: a struct_time of data_string."""
    tt = _strptime(data_string, format)[0]
    return time.struct_time(tt[:time._STRUCT_TM_ITEMS])


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    """datetime.strptime: an instance of cls, aware when the format has %z."""
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    tzname, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        tzdelta = datetime_timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        tz = datetime_timezone(tzdelta, tzname) if tzname else datetime_timezone(tzdelta)
        args += (tz,)
    return cls(*args)
