# datetime: construction, normalization, arithmetic, reprs and the C
# module's error messages (date, time, datetime, timedelta).
import datetime as D
from datetime import date, time, datetime, timedelta, timezone


def show(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(D.MINYEAR, D.MAXYEAR, D.UTC is timezone.utc)
print(date.min, date.max, date.resolution, repr(date.resolution))
print(datetime.min, datetime.max, repr(time.max), repr(timedelta.max), repr(timedelta.min))
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday(), d.toordinal(), d.ctime())
print(d.isocalendar(), d.isocalendar().week, tuple(d.isocalendar()), d.timetuple())
print(d + timedelta(days=366), d - timedelta(weeks=9), d - date(2000, 1, 1), date.fromordinal(738000))
print(d.replace(year=2023, day=28), d.strftime("%A %d %B %Y (%j) %U %W %%"), format(d, "%y/%m"), f"{d}")
show("bad month", lambda: date(2020, 13, 1))
show("bad day", lambda: date(2023, 2, 29))
show("bad year", lambda: date(0, 1, 1))
show("float", lambda: date(2020.0, 1, 1))
show("missing", lambda: date(2020, 1))
show("extra", lambda: date(2020, 1, 1, 1))
show("kw", lambda: date(2020, 1, day=3, foo=4))
show("overflow", lambda: date.max + timedelta(1))
show("ordinal", lambda: date.fromordinal(0))
show("date-datetime", lambda: date(2020, 1, 1) - datetime(2020, 1, 1))
show("date<datetime", lambda: date(2020, 1, 1) < datetime(2020, 1, 1))
show("date==datetime", lambda: date(2020, 1, 1) == datetime(2020, 1, 1))
show("date+int", lambda: date(2020, 1, 1) + 1)

# timedelta normalization and arithmetic
for args in [(1, 2, 3), (0, -1), (-1, 86399, 999999), (0, 0, -1), (1.5,), (0, 0.5), (0, 0, 0.5), (0, 0, 1.5),
             (0, 0, -0.5), (0, 0, 2.5)]:
    td = timedelta(*args)
    print(args, repr(td), str(td), td.total_seconds(), bool(td), hash(td) == hash(timedelta(*args)))
print(repr(timedelta(weeks=1, days=-1, hours=25, minutes=61, seconds=61, milliseconds=1001, microseconds=1001)))
a, b = timedelta(hours=25, microseconds=7), timedelta(minutes=-7)
print(a + b, a - b, -a, +a, abs(b), a * 3, 3 * a, a * 0.3, a / 7, a / 0.3, a // 7, a / b, a // b, a % b,
      divmod(a, b))
print(a > b, a == timedelta(seconds=90000, microseconds=7), sorted([a, b, timedelta(0)]))
show("days=1e10", lambda: timedelta(days=1e10))
show("too many days", lambda: timedelta(days=10**9))
show("max*2", lambda: timedelta.max * 2)
show("neg max", lambda: -timedelta.max)
show("str component", lambda: timedelta("1"))
show("bad kw", lambda: timedelta(foo=1))
show("/0", lambda: timedelta(1) / 0)
show("//0", lambda: timedelta(1) // 0)
show("%0", lambda: timedelta(1) % timedelta(0))
show("/td0", lambda: timedelta(1) / timedelta(0))
show("*str", lambda: timedelta(1) * "a")
show("//float", lambda: timedelta(1) // 1.5)
show("<int", lambda: timedelta(1) < 1)
show("nan", lambda: timedelta(1) / float("nan"))

# time
t = time(13, 5, 9, 120)
print(t, repr(t), repr(time()), repr(time(1, 2, 3)), t.isoformat("milliseconds"), t.isoformat(timespec="hours"))
print(t.replace(minute=0), t.strftime("%I:%M %p %f"), time(23, 59).replace(fold=1), repr(time(fold=1)))
show("hour", lambda: time(24))
show("fold", lambda: time(fold=2))
show("tzinfo", lambda: time(tzinfo=1))
show("positional fold", lambda: time(1, 2, 3, 4, None, 1))
show("timespec", lambda: time().isoformat(timespec="nanoseconds"))

# datetime
dt = datetime(2021, 12, 31, 23, 59, 59, 999999)
print(dt, repr(dt), dt.date(), dt.time(), dt + timedelta(microseconds=1), dt - datetime(2021, 1, 1))
print(dt.isoformat(), dt.isoformat(" ", "seconds"), dt.ctime(), dt.timetuple(), dt.utctimetuple())
print(datetime.combine(date(2020, 5, 6), time(7, 8)), datetime.combine(d, t, timezone.utc))
print(dt.replace(day=1, microsecond=0), repr(datetime(2020, 1, 1, fold=1)), dt.toordinal(), dt.weekday())
show("combine", lambda: datetime.combine(1, time()))
show("combine2", lambda: datetime.combine(d, 1))
show("dt missing", lambda: datetime(2020))
show("dt kw", lambda: datetime(2020, 1, 1, foo=2))
show("isoformat sep", lambda: dt.isoformat("ab"))
show("strftime arg", lambda: dt.strftime(1))
show("dt overflow", lambda: datetime.max + timedelta(microseconds=1))

# subclasses keep their type through arithmetic and replace
class MyDate(date):
    def __repr__(self):
        return "MyDate<%s>" % self.isoformat()


class MyDT(datetime):
    pass


print(MyDate(2020, 1, 1) + timedelta(1), MyDate(2020, 1, 1).replace(month=5), type(MyDate.today()).__name__)
print(repr(MyDT(2020, 1, 1, 5) + timedelta(hours=1)), type(MyDT.fromisoformat("2020-01-01")).__name__)
print(datetime.__name__, datetime.__qualname__, datetime.__module__, date.__name__, timedelta.__module__)
