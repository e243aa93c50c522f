# calendar: the arithmetic helpers, Calendar's iterators, TextCalendar and
# HTMLCalendar layouts for several widths and first weekdays, errors.
import calendar
import sys

print(calendar.isleap(1900), calendar.isleap(2000), calendar.isleap(2024), calendar.leapdays(1, 10000),
      calendar.leapdays(2000, 1900))
print(calendar.weekday(2024, 2, 29), calendar.weekday(-100, 1, 1), calendar.weekday(12000, 6, 1),
      calendar.monthrange(2024, 2), calendar.monthrange(1900, 2), calendar.timegm((2020, 1, 1, 0, 0, 0)),
      calendar.timegm((1969, 12, 31, 23, 59, 59, 0, 0, 0)))
print(list(calendar.day_name), list(calendar.day_abbr), calendar.month_name[1:4], calendar.month_abbr[12],
      len(calendar.month_name), calendar.month_abbr[:2])
print(calendar.monthcalendar(2021, 2))
c = calendar.Calendar(6)
print(list(c.iterweekdays()), c.firstweekday, c.getfirstweekday())
print(list(c.itermonthdays(2020, 2))[:10], list(c.itermonthdays2(2020, 2))[:3], list(c.itermonthdays3(2020, 3))[:2])
print(list(c.itermonthdays4(9999, 12))[-3:], list(calendar.Calendar(1).itermonthdays3(1, 1))[:2])
print(c.monthdatescalendar(2020, 2)[0], c.yeardayscalendar(2020, 4)[0][0][0], len(c.yeardatescalendar(2020, 5)))
for fw, (w, l) in [(0, (0, 0)), (6, (3, 1)), (3, (1, 2))]:
    t = calendar.TextCalendar(fw)
    print(t.formatmonth(2024, 2, w, l))
    print(repr(t.formatweekheader(w)), repr(t.formatweekheader(10)), repr(t.formatmonthname(2024, 9, 20)))
print(calendar.TextCalendar().formatyear(2023, 2, 1, 6, 3))
print(calendar.TextCalendar(6).formatyear(1999, 3, 1, 2, 4))
calendar.prmonth(2000, 1)
calendar.prcal(2001, m=6, c=2)
print(calendar.month(2020, 12), calendar.week([(1, 0), (2, 1), (0, 2)], 3), calendar.weekheader(2))
calendar.setfirstweekday(calendar.SUNDAY)
print(calendar.firstweekday(), calendar.month(2020, 12), calendar.monthcalendar(2020, 12)[0])
calendar.setfirstweekday(0)
h = calendar.HTMLCalendar(calendar.TUESDAY)
print(h.formatmonth(2022, 7))
print(h.formatyear(2022, 4)[:600])
page = calendar.HTMLCalendar().formatyearpage(2020, css=None)
print(type(page).__name__, len(page), page[:250])
for bad in [lambda: calendar.monthrange(2020, 13), lambda: calendar.setfirstweekday(7),
            lambda: calendar.TextCalendar().formatmonth(2020, 0), lambda: calendar.month_name[13]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
print(calendar.IllegalMonthError(5).month, calendar.error is ValueError, calendar.MONDAY, calendar.SUNDAY)
lt = calendar.LocaleTextCalendar(locale="C")
print(lt.formatmonth(2020, 4), lt.formatweekday(0, 9))
print(calendar.LocaleHTMLCalendar(locale="C").formatmonthname(2020, 4))
calendar.format(["a", "b"], 5, 2)
print(repr(calendar.formatstring(["a", "bb", "ccc"], 6, 3)))
