# time.strptime (through lib/_strptime.py): every directive, the defaults
# for what the format leaves out, week-based dates, %z/%Z, and the errors.
import time

cases = [
    ("2020-03-04 10:11:12", "%Y-%m-%d %H:%M:%S"),
    ("Tue Mar  3 10:11:12 2020", "%c"), ("Tue Mar  3 10:11:12 2020", "%a %b %d %H:%M:%S %Y"),
    ("Tue Mar  3 10:11:12 2020", None),
    ("03/04/99", "%x"), ("23:59:60", "%X"), ("23:59:61", "%H:%M:%S"),
    ("1 PM", "%I %p"), ("12 am", "%I %p"), ("12 PM", "%I %p"), ("11", "%I"),
    ("Friday, December 31 1999", "%A, %B %d %Y"), ("fri dec 31 99", "%a %b %d %y"), ("31 68", "%d %y"),
    ("366 2020", "%j %Y"), ("60", "%j"), ("2021 0 0", "%Y %U %w"), ("2021 0 1", "%Y %W %u"),
    ("2021 52 6", "%Y %U %w"), ("2020 53 7", "%G %V %u"), ("2021 1 1", "%G %V %u"), ("2019 1 Mon", "%G %V %a"),
    ("+0530", "%z"), ("-05:30", "%z"), ("Z", "%z"), ("+05:30:15.5", "%z"), ("UTC", "%Z"), ("gmt", "%Z"),
    ("Feb 29", "%b %d"), ("  7", "%d"), ("7", "%m"), ("2020-1-2", "%Y-%m-%d"), ("100%", "%d%%"),
    ("  2020   1  ", " %Y %m "), ("2020\t\n1", "%Y %m"),
    ("5.123456", "%S.%f"), ("5.1", "%S.%f"),
]
for s, f in cases:
    try:
        r = time.strptime(s) if f is None else time.strptime(s, f)
        print(repr(s), f, "->", tuple(r), r.tm_zone, r.tm_gmtoff)
    except ValueError as e:
        print(repr(s), f, "!!", e)
errors = [("2020", "%Y %m"), ("2020x", "%Y"), ("2020", "%Q"), ("2020", "%Y%"), ("2020 10", "%G %V"),
          ("2020 10 1", "%Y %V %u"), ("2020 10 1 5", "%G %V %u %j"), ("13", "%m"), ("32", "%d"), ("+05:3", "%z"),
          ("+0530:15", "%z"), ("Feb 30", "%b %d"), ("", "%Y"), ("abc", ""), ("", "")]
for s, f in errors:
    try:
        print(repr(s), repr(f), "->", tuple(time.strptime(s, f)))
    except ValueError as e:
        print(repr(s), repr(f), "!!", e)
for args in [(1,), ("2020", 1), ()]:
    try:
        time.strptime(*args)
    except TypeError as e:
        print("TypeError", e)
print(type(time.strptime("2020", "%Y")).__name__, time.strptime("2020", "%Y").tm_isdst)
