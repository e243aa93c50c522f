// _localemodule.cpp: the _locale module: the C library's locale
// (setlocale, localeconv, nl_langinfo, strcoll/strxfrm, the locale
// encoding) for lib/locale.py.
// Mirrors CPython 3.11 Modules/_localemodule.c (the POSIX/glibc paths; no
// gettext functions). Book chapter 12, "The Standard Library".
//
// Design notes
// ------------
// * CPython sets LC_CTYPE from the environment at start-up and coerces the
//   plain C locale to C.UTF-8 (PEP 538), so `setlocale(LC_CTYPE)` already
//   answers e.g. 'C.UTF-8'. minipy does that the first time _locale is
//   imported (init_ctype_locale): the only users of the C library's locale
//   in minipy are this module and the strftime/strcoll calls behind it.
// * Strings from the C library are in the locale's encoding; they are
//   decoded as the file-system encoding does (UTF-8, surrogateescape), as
//   CPython's PyUnicode_DecodeLocale does in a UTF-8 locale.
// * strcoll/strxfrm work on wchar_t strings (wcscoll/wcsxfrm), UCS-4 on
//   Linux, as CPython's do.
#include <clocale>
#include <climits>
#include <cwchar>
#include <langinfo.h>
#include <string>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

TypeObject* locale_error = nullptr;  // locale.Error, kept for the process's life

Ref<> decode_locale(const char* s) { return unicode_decode_fs_default(s ? s : ""); }

// --- setlocale --------------------------------------------------------------------------

Ref<> locale_setlocale(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (nargs < 1) return format_error(Exc_TypeError, "setlocale expected at least 1 argument, got %zd", nargs);
    if (nargs > 2) return format_error(Exc_TypeError, "setlocale expected at most 2 arguments, got %zd", nargs);
    long long category = long_as_long_long(args[0]);
    if (category == -1 && error_occurred()) return nullptr;
    if (category < INT_MIN || category > INT_MAX)
        return format_error(Exc_OverflowError, "signed integer is greater than maximum");
    Object* locale = nargs == 2 ? args[1] : nullptr;
    if (locale && locale != Py_None()) {
        if (!unicode_check(locale))
            return format_error(Exc_TypeError, "setlocale() argument 2 must be str or None, not %.50s",
                                Py_TYPE(locale)->tp_name);
        Py_ssize_t len = 0;
        const char* name = unicode_as_utf8(locale, &len);
        if (!name) return nullptr;
        if (std::char_traits<char>::length(name) != static_cast<std::size_t>(len))
            return format_error(Exc_ValueError, "embedded null character");
        const char* result = std::setlocale(static_cast<int>(category), name);
        if (!result) return format_error(locale_error, "unsupported locale setting");
        return decode_locale(result);
    }
    const char* result = std::setlocale(static_cast<int>(category), nullptr);
    if (!result) return format_error(locale_error, "locale query failed");
    return decode_locale(result);
}

// --- localeconv ------------------------------------------------------------------------

// copy_grouping: the grouping bytes as ints, up to and including the 0 or
// CHAR_MAX that ends them; [] for no grouping.
Ref<> copy_grouping(const char* s)
{
    Ref<> result = list_new(0);
    if (!result || !s || s[0] == '\0') return result;
    for (int i = 0;; i++) {
        Ref<> v = long_from_long(s[i]);
        if (!v || list_append(result.get(), v.get()) < 0) return nullptr;
        if (s[i] == '\0' || s[i] == CHAR_MAX) break;
    }
    return result;
}

Ref<> locale_localeconv(Object*, Object*)
{
    const struct lconv* lc = std::localeconv();
    Ref<> result = dict_new();
    if (!result) return nullptr;
    auto set = [&](const char* key, Ref<> value) {
        return value && dict_set_item_string(result.get(), key, value.get()) == 0;
    };
    // In CPython's order (the dict's repr shows it).
    bool ok = set("int_curr_symbol", decode_locale(lc->int_curr_symbol)) &&
              set("currency_symbol", decode_locale(lc->currency_symbol)) &&
              set("mon_decimal_point", decode_locale(lc->mon_decimal_point)) &&
              set("mon_thousands_sep", decode_locale(lc->mon_thousands_sep)) &&
              set("mon_grouping", copy_grouping(lc->mon_grouping)) &&
              set("positive_sign", decode_locale(lc->positive_sign)) &&
              set("negative_sign", decode_locale(lc->negative_sign)) &&
              set("int_frac_digits", long_from_long(lc->int_frac_digits)) &&
              set("frac_digits", long_from_long(lc->frac_digits)) &&
              set("p_cs_precedes", long_from_long(lc->p_cs_precedes)) &&
              set("p_sep_by_space", long_from_long(lc->p_sep_by_space)) &&
              set("n_cs_precedes", long_from_long(lc->n_cs_precedes)) &&
              set("n_sep_by_space", long_from_long(lc->n_sep_by_space)) &&
              set("p_sign_posn", long_from_long(lc->p_sign_posn)) &&
              set("n_sign_posn", long_from_long(lc->n_sign_posn)) &&
              set("decimal_point", decode_locale(lc->decimal_point)) &&
              set("thousands_sep", decode_locale(lc->thousands_sep)) &&
              set("grouping", copy_grouping(lc->grouping));
    return ok ? std::move(result) : nullptr;
}

// --- nl_langinfo -----------------------------------------------------------------------

struct LanginfoItem {
    const char* name;
    nl_item value;
};

// The items CPython exposes (langinfo_constants), in its order.
const LanginfoItem langinfo_items[] = {
    {"RADIXCHAR", RADIXCHAR}, {"THOUSEP", THOUSEP}, {"CRNCYSTR", CRNCYSTR}, {"D_T_FMT", D_T_FMT},
    {"D_FMT", D_FMT}, {"T_FMT", T_FMT}, {"AM_STR", AM_STR}, {"PM_STR", PM_STR}, {"CODESET", CODESET},
    {"T_FMT_AMPM", T_FMT_AMPM}, {"ERA", ERA}, {"ERA_D_FMT", ERA_D_FMT}, {"ERA_D_T_FMT", ERA_D_T_FMT},
    {"ERA_T_FMT", ERA_T_FMT}, {"ALT_DIGITS", ALT_DIGITS}, {"YESEXPR", YESEXPR}, {"NOEXPR", NOEXPR},
    {"_DATE_FMT", _DATE_FMT},
    {"DAY_1", DAY_1}, {"DAY_2", DAY_2}, {"DAY_3", DAY_3}, {"DAY_4", DAY_4}, {"DAY_5", DAY_5}, {"DAY_6", DAY_6},
    {"DAY_7", DAY_7}, {"ABDAY_1", ABDAY_1}, {"ABDAY_2", ABDAY_2}, {"ABDAY_3", ABDAY_3}, {"ABDAY_4", ABDAY_4},
    {"ABDAY_5", ABDAY_5}, {"ABDAY_6", ABDAY_6}, {"ABDAY_7", ABDAY_7},
    {"MON_1", MON_1}, {"MON_2", MON_2}, {"MON_3", MON_3}, {"MON_4", MON_4}, {"MON_5", MON_5}, {"MON_6", MON_6},
    {"MON_7", MON_7}, {"MON_8", MON_8}, {"MON_9", MON_9}, {"MON_10", MON_10}, {"MON_11", MON_11},
    {"MON_12", MON_12}, {"ABMON_1", ABMON_1}, {"ABMON_2", ABMON_2}, {"ABMON_3", ABMON_3}, {"ABMON_4", ABMON_4},
    {"ABMON_5", ABMON_5}, {"ABMON_6", ABMON_6}, {"ABMON_7", ABMON_7}, {"ABMON_8", ABMON_8},
    {"ABMON_9", ABMON_9}, {"ABMON_10", ABMON_10}, {"ABMON_11", ABMON_11}, {"ABMON_12", ABMON_12},
};

Ref<> locale_nl_langinfo(Object*, Object* arg)
{
    long long item = long_as_long_long(arg);
    if (item == -1 && error_occurred()) return nullptr;
    for (const LanginfoItem& it : langinfo_items)
        if (it.value == item) return decode_locale(nl_langinfo(it.value));
    return format_error(Exc_ValueError, "unsupported langinfo constant");
}

// --- Collation -------------------------------------------------------------------------

// The str as a NUL-terminated wchar_t string; false (ValueError) when it
// holds a NUL itself.
[[nodiscard]] bool as_wide(Object* s, std::wstring* out)
{
    Py_ssize_t n = unicode_length(s);
    out->clear();
    out->reserve(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = unicode_read_char(s, i);
        if (c == 0) {
            set_error(Exc_ValueError, "embedded null character");
            return false;
        }
        out->push_back(static_cast<wchar_t>(c));
    }
    return true;
}

Ref<> locale_strcoll(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("strcoll", nargs, 2, 2)) return nullptr;
    for (int i = 0; i < 2; i++)
        if (!unicode_check(args[i]))
            return format_error(Exc_TypeError, "strcoll() argument %d must be str, not %.50s", i + 1,
                                Py_TYPE(args[i])->tp_name);
    std::wstring a, b;
    if (!as_wide(args[0], &a) || !as_wide(args[1], &b)) return nullptr;
    return long_from_long(std::wcscoll(a.c_str(), b.c_str()));
}

Ref<> locale_strxfrm(Object*, Object* arg)
{
    if (!unicode_check(arg))
        return format_error(Exc_TypeError, "strxfrm() argument must be str, not %.50s", Py_TYPE(arg)->tp_name);
    std::wstring s;
    if (!as_wide(arg, &s)) return nullptr;
    std::size_t n = std::wcsxfrm(nullptr, s.c_str(), 0);
    std::vector<wchar_t> buf(n + 1);
    std::wcsxfrm(buf.data(), s.c_str(), n + 1);
    std::vector<Py_UCS4> chars(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(n));
    return unicode_from_ucs4(chars.data(), static_cast<Py_ssize_t>(n));
}

Ref<> locale_getencoding(Object*, Object*)
{
    const char* codeset = nl_langinfo(CODESET);
    return unicode_from_string(codeset && codeset[0] ? codeset : "utf-8");
}

MethodDef locale_methods[] = {
    method_fast("setlocale", locale_setlocale, "Activates/queries locale processing."),
    method_noargs("localeconv", locale_localeconv, "Returns numeric and monetary locale-specific parameters."),
    method_fast("strcoll", locale_strcoll, "Compares two strings according to the locale."),
    method_o("strxfrm", locale_strxfrm, "Return a string that can be used as a key for locale-aware comparisons."),
    method_o("nl_langinfo", locale_nl_langinfo, "Return the value for the locale information associated with key."),
    method_noargs("getencoding", locale_getencoding, "Get the current locale encoding."),
    {},
};

// CPython's start-up: LC_CTYPE from the environment, C coerced to C.UTF-8.
void init_ctype_locale()
{
    static bool done = false;
    if (done) return;
    done = true;
    const char* name = std::setlocale(LC_CTYPE, "");
    if (!name || std::string(name) == "C" || std::string(name) == "POSIX") {
        if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "C.utf8");
    }
}

[[nodiscard]] int add_int(Object* mod, const char* name, long v)
{
    Ref<> o = long_from_long(v);
    return o ? module_add_object(mod, name, o.get()) : -1;
}

}  // namespace

Ref<> locale_module_create()
{
    init_ctype_locale();
    if (!locale_error) {
        // PyErr_NewException("locale.Error", NULL, NULL)
        Ref<> name = unicode_from_string("Error");
        Ref<> bases = tuple_pack({static_cast<Object*>(Exc_Exception)});
        Ref<> ns = dict_new();
        Ref<> modname = unicode_from_string("locale");
        if (!name || !bases || !ns || !modname) return nullptr;
        if (dict_set_item_string(ns.get(), "__module__", modname.get()) < 0) return nullptr;
        Ref<> err = call_function_objargs(&Type_Type, {name.get(), bases.get(), ns.get()});
        if (!err) return nullptr;
        locale_error = static_cast<TypeObject*>(err.release());
    }
    Ref<> mod = module_new("_locale");
    if (!mod || module_add_functions(mod.get(), locale_methods) < 0) return nullptr;
    if (add_int(mod.get(), "LC_CTYPE", LC_CTYPE) < 0 || add_int(mod.get(), "LC_TIME", LC_TIME) < 0 ||
        add_int(mod.get(), "LC_COLLATE", LC_COLLATE) < 0 || add_int(mod.get(), "LC_MONETARY", LC_MONETARY) < 0 ||
        add_int(mod.get(), "LC_NUMERIC", LC_NUMERIC) < 0 || add_int(mod.get(), "LC_ALL", LC_ALL) < 0 ||
        add_int(mod.get(), "LC_MESSAGES", LC_MESSAGES) < 0 || add_int(mod.get(), "CHAR_MAX", CHAR_MAX) < 0)
        return nullptr;
    for (const LanginfoItem& it : langinfo_items)
        if (add_int(mod.get(), it.name, it.value) < 0) return nullptr;
    if (module_add_object(mod.get(), "Error", locale_error) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
