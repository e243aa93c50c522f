# datetime: tzinfo and timezone, aware arithmetic and comparisons, PEP 495
# folds, astimezone, hashing consistent with equality, copy/pickle state.
import copy
from datetime import date, time, datetime, timedelta, timezone, tzinfo

HOUR = timedelta(hours=1)
ZERO = timedelta(0)


def first_sunday_on_or_after(dt):
    return dt + timedelta(days=(6 - dt.weekday()) % 7)


class USEastern(tzinfo):
    """US Eastern time with the 2007 rules; fold picks the later of two
    repeated wall times, as in the library reference's example."""

    def utcoffset(self, dt):
        return timedelta(hours=-5) + self.dst(dt)

    def tzname(self, dt):
        return "EDT" if self.dst(dt) else "EST"

    def dst(self, dt):
        if dt is None or dt.tzinfo is None:
            return ZERO
        start = first_sunday_on_or_after(datetime(dt.year, 3, 8, 2))
        end = first_sunday_on_or_after(datetime(dt.year, 11, 1, 2))
        naive = dt.replace(tzinfo=None)
        if start + HOUR <= naive < end - HOUR:
            return HOUR
        if end - HOUR <= naive < end:
            return ZERO if dt.fold else HOUR
        if start <= naive < start + HOUR:
            return HOUR if dt.fold else ZERO
        return ZERO

    def fromutc(self, dt):
        assert dt.tzinfo is self
        start = first_sunday_on_or_after(datetime(dt.year, 3, 8, 2)) + timedelta(hours=5)
        end = first_sunday_on_or_after(datetime(dt.year, 11, 1, 2)) + timedelta(hours=4)
        naive = dt.replace(tzinfo=None)
        if start <= naive < end:
            return (dt + timedelta(hours=-4)).replace(fold=0)
        if end <= naive < end + HOUR:
            return (dt + timedelta(hours=-5)).replace(fold=1)
        return dt + timedelta(hours=-5)

    def __repr__(self):
        return "Eastern"


Eastern = USEastern()
utc = timezone.utc
print(repr(utc), str(utc), repr(timezone(timedelta(hours=5, minutes=30))), repr(timezone(-HOUR, "X")))
print(timezone(timedelta(hours=-3, seconds=-7)).tzname(None), timezone.min, timezone.max, timezone(ZERO) is utc)
print(timezone(HOUR) == timezone(HOUR, "named"), hash(timezone(HOUR)) == hash(timezone(HOUR, "x")))
for bad in [lambda: timezone(timedelta(hours=24)), lambda: timezone(5), lambda: timezone(HOUR, 5),
            lambda: timezone(HOUR).tzname(1), lambda: utc.fromutc(datetime(2020, 1, 1)),
            lambda: tzinfo().utcoffset(None)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    class Sub(timezone):
        pass
except TypeError as e:
    print(e)

# Around the November fold: the same wall time twice.
for h in range(4, 8):
    u = datetime(2021, 11, 7, h, 30, tzinfo=utc)
    local = u.astimezone(Eastern)
    print(u, "->", local, local.fold, local.tzname(), local.utcoffset(), local.astimezone(utc) == u)
# And the March gap.
for h in range(5, 9):
    u = datetime(2021, 3, 14, h, 30, tzinfo=utc)
    local = u.astimezone(Eastern)
    print(u, "->", local, local.tzname(), local.dst())

a = datetime(2021, 11, 7, 1, 30, tzinfo=Eastern)
b = a.replace(fold=1)
print(a == b, a.utcoffset(), b.utcoffset(), b - a, a.timestamp() - b.timestamp())
c = datetime(2021, 11, 7, 6, 30, tzinfo=utc)
print(b == c, a == c, hash(b) == hash(c) if b == c else "unequal")
x = datetime(2020, 6, 1, 12, tzinfo=timezone(timedelta(hours=2)))
y = datetime(2020, 6, 1, 10, tzinfo=utc)
print(x == y, hash(x) == hash(y), x - y, sorted([x, y, datetime(2020, 6, 1, 11, tzinfo=utc)]))
t1, t2 = time(12, tzinfo=timezone(timedelta(hours=2))), time(10, tzinfo=utc)
print(t1 == t2, hash(t1) == hash(t2), t1 < time(11, tzinfo=utc))
for bad in [lambda: datetime(2020, 1, 1) < x, lambda: datetime(2020, 1, 1) - x, lambda: time(1) < t1]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(datetime(2020, 1, 1) == x, time(1) == t1)
print(x.isoformat(), x.strftime("%z %Z|%H"), datetime(2020, 1, 1, tzinfo=timezone(-timedelta(seconds=30.5))))
print(x.timetuple(), x.utctimetuple(), x.timestamp(), datetime.fromtimestamp(1e9, utc),
      datetime.fromtimestamp(1e9, Eastern), datetime.utcfromtimestamp(-1.5))
print(x.astimezone(Eastern), x.astimezone(utc).astimezone(timezone(timedelta(hours=-11))))

# Pickled state (C's bytes) and copies.
for obj in [date(2020, 1, 2), time(1, 2, 3, 4, utc, fold=1), datetime(2020, 1, 2, 3, 4, 5, 6, x.tzinfo, fold=1),
            timedelta(1, 2, 3), utc, timezone(HOUR, "N"), b]:
    print(repr(obj.__reduce__()), copy.copy(obj) == obj, copy.deepcopy(obj) == obj)
print(datetime(2020, 1, 2, fold=1).__reduce_ex__(4), time(5, fold=1).__reduce_ex__(4))
print(repr(datetime(b"\x07\xe4\x81\x02\x03\x04\x05\x00\x00\x06")), repr(time(b"\x81\x00\x00\x00\x00\x07", utc)))
