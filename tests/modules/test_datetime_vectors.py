#!/usr/bin/env python3
"""Generated-vector test of minipy's datetime, _strptime/time.strptime,
calendar and locale (lib/datetime.py, lib/_datetime_parse.py,
lib/_strptime.py, lib/calendar.py, lib/locale.py).

Writes one program of random cases -- dates, times, datetimes, timedeltas
and timezones through construction (valid, out of range, wrong types),
arithmetic, comparisons, hashing consistency, isoformat/str/repr/ctime,
timestamps, astimezone, replace, pickled state; fromisoformat on random
valid and mutated strings; strftime/strptime round trips with random
formats; calendar text and HTML output for random years, months and widths;
locale.normalize on random names -- and runs it under python3.11 and minipy
in the same run, under TZ=UTC, a POSIX DST rule and (with tzdata)
Australia/Lord_Howe, comparing the
outputs line by line. Expectations come only from python3.11.

Usage: test_datetime_vectors.py --minipy BUILD/minipy [--python python3.11] [--seed N] [--cases N]
Book chapter 12; issue 10.
"""
import os
import random
import sys
import tempfile

import vectors  # tests/modules/vectors.py, next to this file

PRELUDE = r'''
import datetime as D, time, calendar, locale, copy
from datetime import date, time as dtime, datetime, timedelta, timezone
def t(label, f):
    try:
        r = f()
        print(label, '->', repr(r))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)
def h(label, a, b):
    try:
        print(label, 'eq', a == b, 'hash', (hash(a) == hash(b)) if a == b else '-')
    except Exception as e:
        print(label, '!!', type(e).__name__, e)
class Fixed(D.tzinfo):
    def __init__(self, minutes, name, dst=0):
        self.off = timedelta(minutes=minutes); self.name = name; self.d = timedelta(minutes=dst)
    def utcoffset(self, dt): return self.off
    def tzname(self, dt): return self.name
    def dst(self, dt): return self.d
    def __repr__(self): return 'Fixed(%r)' % self.name
'''


def r_year(rng):
    return rng.choice([rng.randint(1, 9999), 1, 9999, 1970, 2000, 1900, rng.randint(1960, 2040)])


def r_date(rng):
    y = r_year(rng)
    m = rng.randint(1, 12)
    return "date(%d, %d, %d)" % (y, m, rng.randint(1, 28))


def r_tz(rng):
    r = rng.random()
    if r < 0.3:
        return "None"
    if r < 0.45:
        return "timezone.utc"
    if r < 0.75:
        return "timezone(timedelta(minutes=%d)%s)" % (rng.randint(-1439, 1439),
                                                     rng.choice(["", ", 'Z%d'" % rng.randint(0, 9)]))
    if r < 0.85:
        return "timezone(timedelta(seconds=%d, microseconds=%d))" % (rng.randint(-86399, 86399), rng.randint(0, 999999))
    return "Fixed(%d, 'F%d', %d)" % (rng.randint(-1000, 1000), rng.randint(0, 9), rng.choice([0, 0, 60]))


def r_time_args(rng):
    return "%d, %d, %d, %d" % (rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59),
                               rng.choice([0, 0, rng.randint(0, 999999)]))


def r_datetime(rng, tz=None):
    y = rng.choice([rng.randint(2, 9998), rng.randint(1960, 2040)])
    return "datetime(%d, %d, %d, %s, %s, fold=%d)" % (y, rng.randint(1, 12), rng.randint(1, 28), r_time_args(rng),
                                                     tz or r_tz(rng), rng.choice([0, 0, 1]))


def r_num(rng):
    return rng.choice([str(rng.randint(-10**6, 10**6)), repr(rng.uniform(-1e4, 1e4)), str(rng.randint(-50, 50)),
                       repr(rng.choice([0.5, 1.5, -0.5, 2.5, 1e-7, 1e10, 0.0])), str(10**rng.randint(8, 20))])


def r_delta(rng):
    names = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"]
    kw = ", ".join("%s=%s" % (n, r_num(rng)) for n in rng.sample(names, rng.randint(0, 3)))
    return "timedelta(%s)" % kw


def gen_delta(rng, out, i):
    a, b = r_delta(rng), r_delta(rng)
    out.append("t('td%d', lambda: %s)" % (i, a))
    out.append("t('td%dstr', lambda: str(%s))" % (i, a))
    op = rng.choice(["+", "-", "*", "/", "//", "%", "divmod", "<", "==", "neg", "abs", "total"])
    n = rng.choice([b, r_num(rng), "0", "2", "-3", "1.5", "'x'"])
    if op == "divmod":
        e = "divmod(%s, %s)" % (a, b)
    elif op == "neg":
        e = "-%s" % a
    elif op == "abs":
        e = "abs(%s)" % a
    elif op == "total":
        e = "%s.total_seconds()" % a
    elif op in "+-<==":
        e = "%s %s %s" % (a, op, b)
    else:
        e = "%s %s %s" % (a, op, n)
    out.append("t('td%dop', lambda: %s)" % (i, e))
    out.append("t('td%dr', lambda: %s * %s)" % (i, n, a))


def gen_date(rng, out, i):
    d = r_date(rng)
    y, m, dd = rng.choice([(r_year(rng), rng.randint(0, 13), rng.randint(0, 32)), (0, 1, 1), (10000, 1, 1),
                           (2020, 2, 29), (2019, 2, 29), ("'x'", 1, 1), (2.0, 1, 1), (2**40, 1, 1)])
    out.append("t('d%dnew', lambda: date(%s, %s, %s))" % (i, y, m, dd))
    for e in ["%s.isoformat()", "%s.ctime()", "%s.isocalendar()", "%s.toordinal()", "%s.weekday()",
              "%s.timetuple()", "date.fromisocalendar(*%s.isocalendar())", "%s.__reduce__()",
              "date.fromordinal(%s.toordinal())", "%s + timedelta(days=%d)" % ("%s", rng.randint(-10**6, 10**6)),
              "%s - " + r_date(rng), "%s < " + r_date(rng), "%s.replace(day=%d)" % ("%s", rng.randint(1, 31)),
              "copy.copy(%s)", "copy.deepcopy(%s)", "format(%s, '%%Y|%%j|%%U')"]:
        out.append("t('d%d', lambda: %s)" % (i, e.replace("%s", d) if "%s" in e else e % d))
    out.append("t('d%dcal', lambda: date.fromisocalendar(%d, %d, %d))" % (i, r_year(rng), rng.randint(0, 54),
                                                                        rng.randint(0, 8)))


def gen_time(rng, out, i):
    tz = r_tz(rng)
    tm = "dtime(%s, %s, fold=%d)" % (r_time_args(rng), tz, rng.choice([0, 1]))
    for e in ["%s", "str(%s)", "%s.isoformat('%s')" % ("%s", rng.choice(["auto", "hours", "minutes", "seconds",
                                                                            "milliseconds", "microseconds", "x"])),
              "%s.utcoffset()", "%s.tzname()", "%s.dst()", "%s.__reduce_ex__(4)", "%s.__reduce__()",
              "%s.replace(hour=%d)" % ("%s", rng.randint(0, 25)), "dtime.fromisoformat(%s.isoformat())",
              "%s.strftime('%%H:%%M:%%S.%%f %%z %%Z %%%%')"]:
        out.append("t('t%d', lambda: %s)" % (i, e.replace("%s", tm)))
    other = "dtime(%s, %s)" % (r_time_args(rng), r_tz(rng))
    out.append("t('t%dcmp', lambda: %s < %s)" % (i, tm, other))
    out.append("h('t%dh', %s, %s)" % (i, tm, other))


def gen_datetime(rng, out, i):
    dt = r_datetime(rng)
    dt2 = r_datetime(rng)
    for e in ["%s", "str(%s)", "%s.isoformat(%r, %r)" % ("%s", rng.choice(["T", " ", "x"]),
                                                         rng.choice(["auto", "hours", "minutes", "seconds",
                                                                     "milliseconds", "microseconds"])),
              "%s.ctime()", "%s.utctimetuple()", "%s.timetuple()", "%s.date()", "%s.timetz()", "%s.time()",
              "%s.__reduce_ex__(2)", "%s.__reduce_ex__(4)", "copy.deepcopy(%s)",
              "%s + " + r_delta(rng), "%s - " + r_delta(rng), "%s - " + dt2, "%s < " + dt2, "%s == " + dt2,
              "%s.timestamp()", "%s.astimezone(timezone.utc)", "%s.astimezone(timezone(timedelta(hours=5)))",
              "%s.astimezone()", "%s.replace(tzinfo=None)", "%s.replace(year=%d)" % ("%s", rng.randint(0, 10000)),
              "datetime.fromisoformat(%s.isoformat())",
              "%s.strftime('%%Y-%%m-%%d %%H:%%M:%%S.%%f %%z %%Z %%a %%b %%j %%U %%W %%G %%V %%u %%w %%y %%I %%p %%%%')"]:
        out.append("t('dt%d', lambda: %s)" % (i, e.replace("%s", dt)))
    out.append("h('dt%dh', %s, %s)" % (i, dt, dt.replace(dt.split("(", 1)[1].split(",")[0], dt.split("(", 1)[1].split(",")[0])))
    ts = rng.choice([repr(rng.uniform(-4e9, 4e10)), str(rng.randint(-10**10, 10**11)), repr(rng.uniform(-2, 2)),
                     "1e20", "float('nan')", "'x'", repr(rng.randint(0, 2**31) + 0.5), "1.0000005", "-1.0000005"])
    out.append("t('dt%dts', lambda: datetime.fromtimestamp(%s))" % (i, ts))
    out.append("t('dt%duts', lambda: datetime.utcfromtimestamp(%s))" % (i, ts))
    out.append("t('dt%dtts', lambda: datetime.fromtimestamp(%s, %s))" % (i, ts, r_tz(rng)))
    out.append("t('dt%ddts', lambda: date.fromtimestamp(%s))" % (i, ts))


ISO_CHARS = "0123456789-:T W.,+Z"


def gen_iso(rng, out, i):
    dt = r_datetime(rng, tz=rng.choice(["None", "timezone.utc", "timezone(timedelta(minutes=%d))" % rng.randint(-1439, 1439),
                                        "timezone(timedelta(seconds=%d, microseconds=%d))" % (rng.randint(-86399, 86399), rng.randint(0, 999999))]))
    out.append("s = %s.isoformat(%r, %r)" % (dt, rng.choice("T x"), rng.choice(["auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"])))
    out.append("t('iso%d', lambda: (s, datetime.fromisoformat(s)))" % i)
    # Random forms: basic and extended, week dates, mutated strings.
    y, w, d = r_year(rng), rng.randint(0, 54), rng.randint(0, 8)
    forms = ["%04d-W%02d-%d" % (y, w, d), "%04dW%02d%d" % (y, w, d), "%04dW%02d" % (y, w), "%04d-W%02d" % (y, w),
             "%04d%02d%02d" % (y, rng.randint(0, 13), rng.randint(0, 32)),
             "%04d-%02d-%02d" % (y, rng.randint(1, 12), rng.randint(1, 28))]
    base = rng.choice(forms)
    if rng.random() < 0.6:
        tm = rng.choice(["%02d", "%02d:%02d", "%02d%02d", "%02d:%02d:%02d", "%02d%02d%02d", "%02d:%02d:%02d.%s",
                         "%02d:%02d:%02d,%s"])
        vals = [rng.randint(0, 25), rng.randint(0, 60), rng.randint(0, 61)][:tm.count("%02d")]
        if "%s" in tm:
            vals.append("".join(rng.choice("0123456789") for _ in range(rng.randint(0, 9))))
        base += rng.choice("T T x\ud800") + tm % tuple(vals)
        if rng.random() < 0.5:
            base += rng.choice(["Z", "+%02d" % rng.randint(0, 25), "-%02d:%02d" % (rng.randint(0, 23), rng.randint(0, 59)),
                                "+%02d%02d" % (rng.randint(0, 23), rng.randint(0, 59)),
                                "+%02d:%02d:%02d.%d" % (rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999999))])
    s = list(base)
    for _ in range(rng.choice([0, 0, 1, 2])):
        op = rng.randint(0, 2)
        pos = rng.randint(0, len(s))
        if op == 0 and s:
            del s[min(pos, len(s) - 1)]
        elif op == 1:
            s.insert(pos, rng.choice(ISO_CHARS))
        elif s:
            s[min(pos, len(s) - 1)] = rng.choice(ISO_CHARS)
    s = "".join(s)
    out.append("t('isod%d', lambda: datetime.fromisoformat(%r))" % (i, s))
    out.append("t('isodd%d', lambda: date.fromisoformat(%r))" % (i, s))
    ts = s[11:] if len(s) > 11 and rng.random() < 0.7 else s
    out.append("t('isot%d', lambda: dtime.fromisoformat(%r))" % (i, ts))


DIRECTIVES = ["%Y", "%m", "%d", "%H", "%M", "%S", "%f", "%j", "%a", "%A", "%b", "%B", "%p", "%I", "%y", "%z", "%Z",
              "%U", "%W", "%w", "%u", "%G", "%V", "%%", "%c", "%x", "%X"]


def gen_strptime(rng, out, i):
    n = rng.randint(1, 5)
    fmt = rng.choice(["", " ", "-", ":", "/"]).join(rng.sample(DIRECTIVES, n))
    dt = r_datetime(rng, tz=rng.choice(["None", "timezone.utc", "timezone(timedelta(minutes=%d))" % rng.randint(-1439, 1439)]))
    out.append("t('sp%d', lambda: datetime.strptime(%s.strftime(%r), %r))" % (i, dt, fmt, fmt))
    out.append("t('spt%d', lambda: time.strptime(%s.strftime(%r), %r))" % (i, dt, fmt, fmt))
    junk = rng.choice(["2020", "2020-01-01", "Mon Jan  6 10:11:12 2020", "12:30 pm", "x", "", "2020 53 0",
                       "+05:30", "UTC", "366", "1 1 1", "2021 52 7"])
    f2 = rng.choice(["%Y", "%Y-%m-%d", "%c", "%I:%M %p", "%Y %U %w", "%Y %W %w", "%z", "%Z", "%j", "%G %V %u",
                     "%Y %V %u", "%G", "%q", "%Y%", "%d/%m"])
    out.append("t('spj%d', lambda: time.strptime(%r, %r))" % (i, junk, f2))


def gen_calendar(rng, out, i):
    y, m = r_year(rng), rng.randint(1, 12)
    fw = rng.randint(0, 6)
    r = rng.random()
    if r < 0.3:
        out.append("print(calendar.TextCalendar(%d).formatmonth(%d, %d, %d, %d))" % (fw, y, m, rng.randint(0, 5), rng.randint(0, 2)))
    elif r < 0.4:
        out.append("print(calendar.TextCalendar(%d).formatyear(%d, %d, %d, %d, %d))" % (fw, y, rng.randint(0, 4), rng.randint(0, 2),
                                                                                   rng.randint(0, 8), rng.randint(1, 12)))
    elif r < 0.55:
        out.append("print(calendar.HTMLCalendar(%d).formatmonth(%d, %d))" % (fw, y, m))
    elif r < 0.6:
        out.append("print(calendar.HTMLCalendar(%d).formatyear(%d, %d))" % (fw, y, rng.randint(0, 5)))
    else:
        for e in ["calendar.monthrange(%d, %d)" % (y, rng.randint(-1, 13)), "calendar.isleap(%d)" % y,
                  "calendar.leapdays(%d, %d)" % (y, r_year(rng)), "calendar.weekday(%d, %d, %d)" % (rng.randint(-5000, 20000), m, rng.randint(1, 28)),
                  "calendar.monthcalendar(%d, %d)" % (y, m), "list(calendar.Calendar(%d).itermonthdays4(%d, %d))" % (fw, y, m),
                  "calendar.Calendar(%d).yeardayscalendar(%d, %d)[0]" % (fw, y, rng.randint(1, 4)),
                  "calendar.timegm((%d, %d, %d, %d, %d, %d))" % (y, m, rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)),
                  "calendar.TextCalendar(%d).formatweekheader(%d)" % (fw, rng.randint(1, 12)),
                  "calendar.setfirstweekday(%d)" % rng.randint(-1, 7), "calendar.month_name[%d]" % m,
                  "calendar.day_abbr[%d]" % rng.randint(0, 6), "calendar.month_abbr[1:%d]" % m]:
            out.append("t('cal%d', lambda: %s)" % (i, e))


def gen_dst(rng, out, i):
    """Local times near the DST transitions of the second run's TZ (a gap in
    March, a repeated hour in November): timestamp(), astimezone() and
    fromtimestamp's fold."""
    y = rng.choice([2020, 2021, 1999, 2035])
    m, d = rng.choice([(3, rng.randint(7, 14)), (11, rng.randint(1, 7))])
    dt = "datetime(%d, %d, %d, %d, %d, fold=%d)" % (y, m, d, rng.choice([0, 1, 1, 2, 2, 3]), rng.randint(0, 59),
                                                   rng.randint(0, 1))
    for e in ["%s.timestamp()", "%s.astimezone()", "%s.astimezone(timezone.utc)", "%s.astimezone().tzname()",
              "datetime.fromtimestamp(%s.timestamp())", "datetime.fromtimestamp(%s.timestamp() + 3600)",
              "%s.astimezone().timestamp() == %s.timestamp()"]:
        out.append("t('dst%d', lambda: %s)" % (i, e.replace("%s", dt)))


LOCALE_NAMES = ["C", "POSIX", "C.UTF-8", "en_US", "en_us.utf8", "de_DE@euro", "de_de.iso88591@euro", "fr_FR.UTF-8",
                "ja_JP.eucJP", "sr_RS@latin", "zh_TW.big5", "nonsense", "en", "uk_ua.koi8u", "ca_ES@valencia",
                "it_IT.ISO8859-15@euro", "no_NO", "pt_BR.utf-8", "ru_RU.KOI8-R", "C.ascii"]


def gen_locale(rng, out, i):
    name = rng.choice(LOCALE_NAMES)
    if rng.random() < 0.3:
        name = name.upper() if rng.random() < 0.5 else name.replace(".", ":")
    out.append("t('loc%d', lambda: locale.normalize(%r))" % (i, name))
    out.append("t('locp%d', lambda: locale._parse_localename(%r))" % (i, name))
    out.append("t('locf%d', lambda: locale.format_string(%r, %s, grouping=%s))"
               % (i, rng.choice(["%d", "%.3f", "%10.2f|%s", "%e %%", "%(a)d"]),
                  rng.choice(["12345", "(1234.5, 'x')", "-98765.4321", "{'a': 5}"]), rng.choice(["True", "False"])))


def build(rng, cases):
    out = [PRELUDE]
    gens = [gen_dst, gen_delta, gen_date, gen_time, gen_datetime, gen_iso, gen_iso, gen_strptime, gen_calendar, gen_locale]
    for i in range(cases):
        rng.choice(gens)(rng, out, i)
    out.append("for cat in (locale.LC_CTYPE, locale.LC_TIME, locale.LC_ALL): t('lc', lambda: locale.setlocale(cat))")
    out.append("t('lcc', lambda: locale.getlocale()); t('lcv', lambda: locale.localeconv())")
    out.append("t('lcs', lambda: locale.setlocale(locale.LC_ALL, 'C')); t('lcs2', lambda: locale.setlocale(locale.LC_ALL))")
    out.append("t('lce', lambda: locale.setlocale(locale.LC_ALL, 'xx_YY.nope'))")
    return "\n".join(out) + "\n"


def main():
    args = vectors.argument_parser(seed=None, cases=600).parse_args()  # no --seed: a random one, printed
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "datetime_vectors.py")
        zones = ["UTC", "EST5EDT,M3.2.0,M11.1.0"]
        # A southern-hemisphere zone with a half-hour DST shift, when tzdata
        # is installed.
        if os.path.exists("/usr/share/zoneinfo/Australia/Lord_Howe"):
            zones.append("Australia/Lord_Howe")
        for tz in zones:
            rng = random.Random(seed)
            with open(path, "w") as f:
                f.write(build(rng, args.cases))
            os.environ["TZ"] = tz
            outs = vectors.run_both(path, args.python, args.minipy)
            print("TZ=%s seed %d:" % (tz, seed))
            rc = vectors.report(outs, lambda out, diffs: "  %d lines, %d differ" % (len(out), len(diffs)))
            status = max(status, rc)
    return status


if __name__ == "__main__":
    sys.exit(main())
