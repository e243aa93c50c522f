# locale: the C library's locale through _locale (queries, setting C,
# refusing unknown locales), normalize's alias tables, getlocale, and the
# locale-aware formatting helpers in the C locale.
import locale

print(locale.setlocale(locale.LC_NUMERIC), locale.setlocale(locale.LC_TIME, None), locale.getlocale(locale.LC_TIME))
print(locale.getlocale(), locale.getencoding(), locale.getpreferredencoding(False), locale.CHAR_MAX)
print(locale.setlocale(locale.LC_ALL, "C"), locale.setlocale(locale.LC_ALL), locale.setlocale(locale.LC_TIME, "POSIX"))
try:
    locale.setlocale(locale.LC_ALL, "xx_YY.nowhere")
except locale.Error as e:
    print("Error:", e, locale.Error.__module__, locale.Error.__mro__[1].__name__)
for bad in [lambda: locale.setlocale(locale.LC_ALL, 5), lambda: locale.strcoll(1, "a"), lambda: locale.strxfrm(1),
            lambda: locale.nl_langinfo(999999), lambda: locale.getlocale(locale.LC_ALL)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sorted(locale.localeconv().items()))
print(locale.nl_langinfo(locale.D_T_FMT), locale.nl_langinfo(locale.DAY_1), locale.nl_langinfo(locale.ABMON_12),
      locale.nl_langinfo(locale.RADIXCHAR), locale.nl_langinfo(locale.YESEXPR))
# strcoll's contract is only the sign: glibc's wcscoll returned -4 for ("a", "b")
# in one python3.11 run of this program under load (05:04 UTC, session 6),
# -1 in every other, so the magnitude is not compared.
sign = lambda n: (n > 0) - (n < 0)
print(sign(locale.strcoll("a", "b")), sign(locale.strcoll("b", "a")), locale.strcoll("x", "x"), locale.strxfrm("abc"),
      sorted(["b", "A", "a", "B"], key=locale.strxfrm))
for name in ["C", "C.UTF-8", "en_US", "en_us.utf8", "de_DE@euro", "de_de.iso88591@euro", "fr_FR.UTF-8", "ja_JP.eucJP",
             "sr_RS@latin", "zh_TW.big5", "nonsense", "en", "uk_ua.koi8u", "ca_ES@valencia", "it_IT.ISO8859-15@euro",
             "no_NO", "pt_BR.utf-8", "ru_RU.KOI8-R", "EN_US:UTF-8", "posix", "sv_SE.ISO8859-1@euro"]:
    try:
        parsed = locale._parse_localename(name)
    except ValueError as e:
        parsed = "ValueError: %s" % e
    print(name, "->", locale.normalize(name), parsed)
print(len(locale.locale_alias) > 500, locale.locale_alias["c"], locale.windows_locale[0x0409])
print(locale.format_string("%d and %.2f and %s %%", (1234567, 3.14159, "x"), grouping=True),
      locale.format_string("%(a)d/%(b)s", {"a": 5, "b": "y"}), locale.format_string("%*d|", (5, 42)))
print(locale.str(1.0 / 3), locale.atof("1.5"), locale.atoi("-42"), locale.delocalize("1234.5"),
      locale.localize("1234.5", grouping=True))
try:
    locale.currency(12.5)
except ValueError as e:
    print(e)
