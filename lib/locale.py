"""locale.py: locale names, categories and locale-aware number formatting.

minipy's own locale module (CPython 3.11's is Lib/locale.py over the native
Modules/_localemodule.c). Book ch. 12, "The Standard Library".

The C library's side (setlocale, localeconv, nl_langinfo, strcoll,
strxfrm, getencoding, Error, the LC_* and nl_langinfo constants) is the
native _locale (modules/_localemodule.cpp); this file adds locale names
(normalize with CPython's alias tables, generated from python3.11 by
tools/gen_locale_data.py into lib/_locale_data.py; getlocale,
getdefaultlocale) and the locale-aware number formatting.
"""

import sys
import os
import re
import _collections_abc
from builtins import str as _builtin_str
import _locale_data

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
           "setlocale", "resetlocale", "localeconv", "strcoll", "strxfrm",
           "str", "atof", "atoi", "format", "format_string", "currency",
           "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY",
           "LC_NUMERIC", "LC_ALL", "CHAR_MAX", "getencoding"]

locale_alias = _locale_data.locale_alias
locale_encoding_alias = _locale_data.locale_encoding_alias
windows_locale = _locale_data.windows_locale

from _locale import *           # setlocale, localeconv, nl_langinfo, strcoll, strxfrm, Error, LC_*
from _locale import setlocale as _setlocale, getencoding


# --- Locale names ---------------------------------------------------------------------------


def _normalize_encoding_name(encoding):
    try:
        import encodings
        import encodings.aliases
        norm = encodings.normalize_encoding(encoding)
        return encodings.aliases.aliases.get(norm.lower(), norm)
    except (ImportError, AttributeError):
        return "_".join(w for w in re.split(r"[^0-9A-Za-z.]+", encoding) if w)


def _replace_encoding(code, encoding):
    langname = code[:code.index(".")] if "." in code else code
    encoding = _normalize_encoding_name(encoding)
    norm = encoding.lower()
    if norm in locale_encoding_alias:
        encoding = locale_encoding_alias[norm]
    else:
        norm = norm.replace("_", "").replace("-", "")
        if norm in locale_encoding_alias:
            encoding = locale_encoding_alias[norm]
    return langname + "." + encoding


def _append_modifier(code, modifier):
    if modifier == "euro":
        if "." not in code:
            return code + ".ISO8859-15"
        encoding = code.partition(".")[2]
        if encoding in ("ISO8859-15", "UTF-8"):
            return code
        if encoding == "ISO8859-1":
            return _replace_encoding(code, "ISO8859-15")
    return code + "@" + modifier


def normalize(localename):
    """Returns a normalized locale code for the given locale name.

    The returned locale code is formatted for use with setlocale(); an
    unknown name is returned unchanged. Lookups go from the most to the
    least specific: name with encoding and modifier, without the modifier,
    without the encoding, and the language alone."""
    code = localename.lower()
    if ":" in code:
        code = code.replace(":", ".")
    modifier = ""
    if "@" in code:
        code, modifier = code.split("@", 1)
    encoding = ""
    if "." in code:
        langname, encoding = code.split(".")[:2]
    else:
        langname = code
    lang_enc = langname
    if encoding:
        lang_enc += "." + encoding.replace("-", "").replace("_", "")
    lookup = lang_enc + ("@" + modifier if modifier else "")
    found = locale_alias.get(lookup)
    if found is not None:
        return found
    if modifier:
        found = locale_alias.get(lang_enc)
        if found is not None:
            if "@" not in found:
                return _append_modifier(found, modifier)
            if found.split("@", 1)[1].lower() == modifier:
                return found
    if encoding:
        lookup = langname + ("@" + modifier if modifier else "")
        found = locale_alias.get(lookup)
        if found is not None:
            if "@" not in found:
                return _replace_encoding(found, encoding)
            found, mod = found.split("@", 1)
            return _replace_encoding(found, encoding) + "@" + mod
        if modifier:
            found = locale_alias.get(langname)
            if found is not None:
                if "@" not in found:
                    return _append_modifier(_replace_encoding(found, encoding), modifier)
                found, defmod = found.split("@", 1)
                if defmod.lower() == modifier:
                    return _replace_encoding(found, encoding) + "@" + defmod
    return localename


def _parse_localename(localename):
    """(language code, encoding) of a locale name."""
    code = normalize(localename)
    if "@" in code:
        code, modifier = code.split("@", 1)
        if modifier == "euro" and "." not in code:
            return code, "iso-8859-15"
    if "." in code:
        return tuple(code.split(".")[:2])
    if code == "C":
        return None, None
    if code == "UTF-8":
        return None, "UTF-8"
    raise ValueError("unknown locale: %s" % localename)


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
        if language is None:
            language = "C"
        if encoding is None:
            return language
        return language + "." + encoding
    except (TypeError, ValueError):
        raise TypeError("Locale must be None, a string, or an iterable of two strings -- "
                        "language code, encoding.") from None


def setlocale(category, locale=None):
    """Set the locale for the given category.  The locale can be
    a string, an iterable of two strings (language code and encoding),
    or None.

    Iterables are converted to strings using the locale aliasing
    engine.  Locale strings are passed directly to the C lib.

    category may be given as one of the LC_* values."""
    if locale and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    return _setlocale(category, locale)


def getlocale(category=LC_CTYPE):
    """Returns the current setting for the given locale category as
    tuple (language code, encoding)."""
    localename = _setlocale(category)
    if category == LC_ALL and ";" in localename:
        raise TypeError("category LC_ALL is not supported")
    return _parse_localename(localename)


def _getdefaultlocale(envvars=("LC_ALL", "LC_CTYPE", "LANG", "LANGUAGE")):
    for variable in envvars:
        localename = os.environ.get(variable)
        if localename:
            if variable == "LANGUAGE":
                localename = localename.split(":")[0]
            break
    else:
        localename = "C"
    return _parse_localename(localename)


def getdefaultlocale(envvars=("LC_ALL", "LC_CTYPE", "LANG", "LANGUAGE")):
    """Tries to determine the default locale settings and returns
    them as tuple (language code, encoding)."""
    import warnings
    warnings.warn("'locale.getdefaultlocale' is deprecated and slated for removal in Python 3.15. "
                  "Use setlocale(), getencoding() and getlocale() instead.",
                  DeprecationWarning, stacklevel=2)
    return _getdefaultlocale(envvars)


def resetlocale(category=LC_ALL):
    """Sets the locale for category to the default setting."""
    import warnings
    warnings.warn("'locale.resetlocale' is deprecated and slated for removal in Python 3.13. "
                  "Use locale.setlocale(locale.LC_ALL, '') instead.",
                  DeprecationWarning, stacklevel=2)
    _setlocale(category, _build_localename(_getdefaultlocale()))


def getpreferredencoding(do_setlocale=True):
    """Return the charset that the user is likely using,
    according to the system configuration."""
    if sys.flags.utf8_mode:
        return "utf-8"
    return getencoding()


# --- Number formatting ---------------------------------------------------------------------


def _grouping_intervals(grouping):
    last = None
    for interval in grouping:
        if interval == CHAR_MAX:
            return
        if interval == 0:
            if last is None:
                raise ValueError("invalid grouping")
            while True:
                yield last
        yield interval
        last = interval


def _group(s, monetary=False):
    """s with the locale's thousands separators; (result, separators added)."""
    conv = localeconv()
    sep = conv["mon_thousands_sep" if monetary else "thousands_sep"]
    grouping = conv["mon_grouping" if monetary else "grouping"]
    if not grouping:
        return s, 0
    if s[-1] == " ":
        stripped = s.rstrip()
        right_spaces = s[len(stripped):]
        s = stripped
    else:
        right_spaces = ""
    left_spaces = ""
    groups = []
    for interval in _grouping_intervals(grouping):
        if not s or s[-1] not in "0123456789":
            left_spaces = s
            s = ""
            break
        groups.append(s[-interval:])
        s = s[:-interval]
    if s:
        groups.append(s)
    groups.reverse()
    return left_spaces + sep.join(groups) + right_spaces, len(sep) * (len(groups) - 1)


def _strip_padding(s, amount):
    lpos = 0
    while amount and s[lpos] == " ":
        lpos += 1
        amount -= 1
    rpos = len(s) - 1
    while amount and s[rpos] == " ":
        rpos -= 1
        amount -= 1
    return s[lpos:rpos + 1]


_percent_re = re.compile(r"%(?:\((?P<key>.*?)\))?(?P<modifiers>[-#0-9 +*.hlL]*?)[eEfFgGdiouxXcrs%]")


def _format(percent, value, grouping=False, monetary=False, *additional):
    formatted = percent % ((value,) + additional) if additional else percent % value
    if percent[-1] in "eEfFgGdiu":
        formatted = _localize(formatted, grouping, monetary)
    return formatted


def _localize(formatted, grouping=False, monetary=False):
    if "." in formatted:
        seps = 0
        parts = formatted.split(".")
        if grouping:
            parts[0], seps = _group(parts[0], monetary=monetary)
        decimal_point = localeconv()["mon_decimal_point" if monetary else "decimal_point"]
        formatted = decimal_point.join(parts)
        if seps:
            formatted = _strip_padding(formatted, seps)
    else:
        seps = 0
        if grouping:
            formatted, seps = _group(formatted, monetary=monetary)
        if seps:
            formatted = _strip_padding(formatted, seps)
    return formatted


def format_string(f, val, grouping=False, monetary=False):
    """Formats a string in the same way that the % formatting would use,
    but takes the current locale into account.

    Grouping is applied if the third parameter is true.
    Conversion uses monetary thousands separator and grouping strings if
    forth parameter monetary is true."""
    percents = list(_percent_re.finditer(f))
    new_f = _percent_re.sub("%s", f)
    new_val = []
    if isinstance(val, _collections_abc.Mapping):
        for perc in percents:
            if perc.group()[-1] == "%":
                new_val.append("%")
            else:
                new_val.append(_format(perc.group(), val, grouping, monetary))
    else:
        if not isinstance(val, tuple):
            val = (val,)
        i = 0
        for perc in percents:
            if perc.group()[-1] == "%":
                new_val.append("%")
            else:
                stars = perc.group("modifiers").count("*")
                new_val.append(_format(perc.group(), val[i], grouping, monetary, *val[i + 1:i + 1 + stars]))
                i += 1 + stars
    return new_f % tuple(new_val)


def format(percent, value, grouping=False, monetary=False, *additional):
    """Deprecated, use format_string instead."""
    import warnings
    warnings.warn("This method will be removed in a future version of Python. "
                  "Use 'locale.format_string()' instead.", DeprecationWarning, stacklevel=2)
    match = _percent_re.match(percent)
    if not match or len(match.group()) != len(percent):
        raise ValueError(("format() must be given exactly one %%char format specifier, %s not valid")
                         % repr(percent))
    return _format(percent, value, grouping, monetary, *additional)


def currency(val, symbol=True, grouping=False, international=False):
    """Formats val according to the currency settings
    in the current locale."""
    conv = localeconv()
    digits = conv["int_frac_digits" if international else "frac_digits"]
    if digits == 127:
        raise ValueError("Currency formatting is not possible using the 'C' locale.")
    s = _localize("%%.%if" % digits % abs(val), grouping, monetary=True)
    s = "<" + s + ">"
    if symbol:
        smb = conv["int_curr_symbol" if international else "currency_symbol"]
        precedes = conv["n_cs_precedes" if val < 0 else "p_cs_precedes"]
        separated = conv["n_sep_by_space" if val < 0 else "p_sep_by_space"]
        if precedes:
            s = smb + (" " if separated else "") + s
        else:
            if international and smb[-1] == " ":
                smb = smb[:-1]
            s = s + (" " if separated else "") + smb
    sign_pos = conv["n_sign_posn" if val < 0 else "p_sign_posn"]
    sign = conv["negative_sign" if val < 0 else "positive_sign"]
    if sign_pos == 0:
        s = "(" + s + ")"
    elif sign_pos == 1:
        s = sign + s
    elif sign_pos == 2:
        s = s + sign
    elif sign_pos == 3:
        s = s.replace("<", sign)
    elif sign_pos == 4:
        s = s.replace(">", sign)
    else:
        s = sign + s
    return s.replace("<", "").replace(">", "")


def str(val):
    """Convert float to string, taking the locale into account."""
    return _format("%.12g", val)


def delocalize(string):
    """Parses a string as a normalized number according to the locale settings."""
    conv = localeconv()
    ts = conv["thousands_sep"]
    if ts:
        string = string.replace(ts, "")
    dd = conv["decimal_point"]
    if dd:
        string = string.replace(dd, ".")
    return string


def localize(string, grouping=False, monetary=False):
    """Parses a string as locale number according to the locale settings."""
    return _localize(string, grouping, monetary)


def atof(string, func=float):
    """Parses a string as a float according to the locale settings."""
    return func(delocalize(string))


def atoi(string):
    """Converts a string to an integer according to the locale settings."""
    return int(delocalize(string))
