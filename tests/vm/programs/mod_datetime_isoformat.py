# datetime: 3.11's extended fromisoformat (basic and extended forms, ISO
# week dates, offsets, fractions), its errors, and strftime/strptime.
from datetime import date, time, datetime, timezone, timedelta

cases = ["2020-01-02", "20200102", "2020-W01", "2020W01", "2020-W01-3", "2020W013", "2020-W53-1", "2021-W53-1",
         "2020-01-02T03", "2020-01-02T0304", "2020-01-02T03:04", "2020-01-02 03:04:05", "2020-01-02T030405",
         "2020-01-02T03:04:05.1", "2020-01-02T03:04:05,123456789", "2020-01-02T03:04:05.1234567Z",
         "2020-01-02T03:04:05+05", "2020-01-02T03:04:05-0530", "2020-01-02T03:04:05+05:30:15.25",
         "2020-01-02T03:04:05+00:00", "2020-01-02x03:04", "2020-01-02\ud80003:04", "2020-W01-3T10:20",
         "2020-01-02T24:00", "2020-13-01", "2020-1-1", "2020-01-02T03:04:05.", "2020-01-02T03:04:05+",
         "2020-01-02T03:04:05Z1", "2020-01-02T03:04:05+25:00", "", "2020", "2020-01-0", "0000-01-01",
         "2020-01-02T03:04:05+05:30:15.25:00", "2020-W00-1", "2020-W01-8", "2020-W01-0", "2020-01-02T1:04",
         "10:20", "1020", "T10:20", "10:20:30.4+01:00", "10:20Z", "10:20:30.", "25:00", "10:20:30-05:00:01"]
for s in cases:
    for kind in (date, datetime, time):
        try:
            print(kind.__name__, repr(s), "->", repr(kind.fromisoformat(s)))
        except (ValueError, TypeError) as e:
            print(kind.__name__, repr(s), "!!", type(e).__name__, e)
for bad in [1, b"2020-01-01", None]:
    try:
        datetime.fromisoformat(bad)
    except TypeError as e:
        print(e)
for dt in [datetime(2020, 1, 2, 3, 4, 5, 6), datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59, 999999, timezone.utc),
           datetime(2020, 6, 7, 8, 9, tzinfo=timezone(timedelta(hours=-3, minutes=-30, seconds=-5, microseconds=-1)))]:
    for spec in ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds"):
        s = dt.isoformat(timespec=spec)
        print(spec, s, datetime.fromisoformat(s) == dt.replace(microsecond=dt.microsecond if spec in ("auto", "microseconds") else datetime.fromisoformat(s).microsecond) if spec in ("auto", "microseconds", "milliseconds") else datetime.fromisoformat(s))
    print(dt.strftime("%Y-%m-%d %H:%M:%S.%f %z %Z %a %A %b %B %c %x %X %j %p %I %U %W %G-%V-%u %% %:z"))
fmt = "%Y-%m-%dT%H:%M:%S.%f%z"
for s in ["2020-01-02T03:04:05.5+0530", "2020-01-02T03:04:05.000001Z", "2020-01-02T03:04:05.123-01:30:15.5"]:
    p = datetime.strptime(s, fmt)
    print(repr(p), p.strftime(fmt))
print(repr(datetime.strptime("Tue Mar  3 10:11:12 2020", "%c")), repr(datetime.strptime("03/04/20 10:11:12", "%x %X")))
print(repr(datetime.strptime("2021 1 7", "%G %V %u")), repr(datetime.strptime("2021 0 0", "%Y %U %w")))
print(repr(datetime.strptime("Feb 28", "%b %d")), repr(datetime.strptime("12 AM", "%I %p")),
      repr(datetime.strptime("12 pm UTC", "%I %p %Z")))
for s, f in [("2020", "%Y %m"), ("2020-01-01x", "%Y-%m-%d"), ("2020", "%Q"), ("2020", "%Y%"), ("2020 1", "%G %V"),
             ("2020 1 1", "%Y %V %u"), ("2020 10 1", "%G %j %u"), ("+05:3", "%z"), ("+05:30:1", "%z"),
             ("+0530:00", "%z")]:
    try:
        datetime.strptime(s, f)
    except ValueError as e:
        print(e)
try:
    datetime.strptime(1, "%Y")
except TypeError as e:
    print(e)
