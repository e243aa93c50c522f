// unicodectype.cpp: Unicode character properties and case mapping, from ICU.
// Mirrors CPython 3.11 Objects/unicodectype.c, which reads tables generated
// by Tools/unicode/makeunicodedata.py from Unicode 14.0. minipy asks ICU
// instead, which knows Unicode 15.0 (ICU 72), and answers as 14.0 does: a
// character that 15.0 assigned is unassigned (category Cn) here, as it is
// for CPython 3.11: no letter, digit, case or identifier character, not
// printable, mapped to itself. This is the interpreter's one copy of these
// properties: str methods, the tokenizer and the parser all call it.
// tests/unit/runtime/test_unicodectype.cpp compares every code point with
// python3.11. Book chapter 11.
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <string>

#include "minipy/runtime/unicodeobject.h"
#include "pycore_unicode.h"
#include "unicodename_aliases.h"

namespace minipy::runtime {

namespace {

// True for the characters ICU knows but Unicode 14.0 did not assign. ICU
// records the version that assigned each character (its "age").
bool new_after_unicode_14(Py_UCS4 ch)
{
    if (ch < 0x0870) return false;  // all assigned long before Unicode 14
    UVersionInfo age;
    u_charAge(static_cast<UChar32>(ch), age);
    return age[0] > 14;
}

// The general category as Unicode 14.0 has it.
int8_t char_type(Py_UCS4 ch)
{
    return new_after_unicode_14(ch) ? static_cast<int8_t>(U_UNASSIGNED) : u_charType(static_cast<UChar32>(ch));
}

// Unicode 15.0 also changed one property of characters 14.0 already had:
// Other_Lowercase (so Lowercase and Cased) gained five modifier letters.
// That is the whole difference between ICU 72 and python3.11 once new
// characters are set aside (measured over every code point by
// test_unicodectype.cpp).
bool lowercase_since_unicode_15(Py_UCS4 ch)
{
    return ch == 0x10FC || (ch >= 0xA7F2 && ch <= 0xA7F4) || ch == 0xAB69;
}

bool has_property(Py_UCS4 ch, UProperty which)
{
    if ((which == UCHAR_LOWERCASE || which == UCHAR_CASED) && lowercase_since_unicode_15(ch)) return false;
    return !new_after_unicode_14(ch) && u_hasBinaryProperty(static_cast<UChar32>(ch), which);
}

int numeric_type(Py_UCS4 ch)
{
    return new_after_unicode_14(ch) ? U_NT_NONE : u_getIntPropertyValue(static_cast<UChar32>(ch), UCHAR_NUMERIC_TYPE);
}

}  // namespace

// _PyUnicode_IsPrintable: everything but the "Other" and "Separator"
// categories (Cc Cf Cs Co Cn Zl Zp Zs), except the ASCII space.
bool unicode_isprintable(Py_UCS4 ch)
{
    if (ch == ' ') return true;
    switch (char_type(ch)) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_SURROGATE:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_SPACE_SEPARATOR: return false;
    default: return true;
    }
}

// _PyUnicode_IsWhitespace: bidirectional class WS, B or S, or category Zs.
bool unicode_isspace(Py_UCS4 ch)
{
    if (ch < 128) return ch == ' ' || (ch >= 0x09 && ch <= 0x0D) || (ch >= 0x1C && ch <= 0x1F);
    auto c = static_cast<UChar32>(ch);
    UCharDirection d = u_charDirection(c);
    return d == U_WHITE_SPACE_NEUTRAL || d == U_BLOCK_SEPARATOR || d == U_SEGMENT_SEPARATOR ||
           u_charType(c) == U_SPACE_SEPARATOR;
}

// _PyUnicode_IsAlpha: categories Lu Ll Lt Lm Lo.
bool unicode_isalpha(Py_UCS4 ch)
{
    switch (char_type(ch)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER: return true;
    default: return false;
    }
}

bool unicode_isdecimal(Py_UCS4 ch) { return char_type(ch) == U_DECIMAL_DIGIT_NUMBER; }

int unicode_todecimal(Py_UCS4 ch)
{
    if (!unicode_isdecimal(ch)) return -1;
    return u_charDigitValue(static_cast<UChar32>(ch));
}

bool unicode_isdigit(Py_UCS4 ch)
{
    int t = numeric_type(ch);
    return t == U_NT_DECIMAL || t == U_NT_DIGIT;
}

bool unicode_isnumeric(Py_UCS4 ch)
{
    return numeric_type(ch) != U_NT_NONE;
}

bool unicode_isalnum(Py_UCS4 ch)
{
    return unicode_isalpha(ch) || unicode_isdecimal(ch) || unicode_isdigit(ch) || unicode_isnumeric(ch);
}

bool unicode_islower_char(Py_UCS4 ch) { return has_property(ch, UCHAR_LOWERCASE); }
bool unicode_isupper_char(Py_UCS4 ch) { return has_property(ch, UCHAR_UPPERCASE); }
bool unicode_istitle_char(Py_UCS4 ch) { return char_type(ch) == U_TITLECASE_LETTER; }
bool unicode_iscased(Py_UCS4 ch) { return has_property(ch, UCHAR_CASED); }
bool unicode_iscaseignorable(Py_UCS4 ch) { return has_property(ch, UCHAR_CASE_IGNORABLE); }
bool unicode_isxid_start(Py_UCS4 ch) { return has_property(ch, UCHAR_XID_START); }
bool unicode_isxid_continue(Py_UCS4 ch) { return has_property(ch, UCHAR_XID_CONTINUE); }

namespace {

// Full case mapping of one code point through ICU's root locale.
using MapFn = int32_t (*)(UChar*, int32_t, const UChar*, int32_t, const char*, UErrorCode*);

int full_map(Py_UCS4 ch, Py_UCS4* out, MapFn fn)
{
    if (new_after_unicode_14(ch)) {
        out[0] = ch;
        return 1;
    }
    UChar src[2];
    int32_t srclen = 0;
    U16_APPEND_UNSAFE(src, srclen, static_cast<UChar32>(ch));
    UChar dst[16];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = fn(dst, 16, src, srclen, "", &err);
    if (U_FAILURE(err)) {
        out[0] = ch;
        return 1;
    }
    int count = 0;
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(dst, i, n, c);
        out[count++] = static_cast<Py_UCS4>(c);
    }
    return count;
}

int32_t to_title(UChar* dst, int32_t cap, const UChar* src, int32_t len, const char* locale, UErrorCode* err)
{
    return u_strToTitle(dst, cap, src, len, nullptr, locale, err);
}

int32_t fold_case(UChar* dst, int32_t cap, const UChar* src, int32_t len, const char*, UErrorCode* err)
{
    return u_strFoldCase(dst, cap, src, len, U_FOLD_CASE_DEFAULT, err);
}

}  // namespace

int unicode_to_lower_full(Py_UCS4 ch, Py_UCS4* out)
{
    if (ch < 128) {
        out[0] = (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch;
        return 1;
    }
    return full_map(ch, out, u_strToLower);
}

int unicode_to_upper_full(Py_UCS4 ch, Py_UCS4* out)
{
    if (ch < 128) {
        out[0] = (ch >= 'a' && ch <= 'z') ? ch - 32 : ch;
        return 1;
    }
    return full_map(ch, out, u_strToUpper);
}

int unicode_to_title_full(Py_UCS4 ch, Py_UCS4* out)
{
    if (ch < 128) return unicode_to_upper_full(ch, out);
    int n = full_map(ch, out, to_title);
    // u_strToTitle titlecases only a word's first cased letter: a lone
    // combining mark (U+0345) is left as it is, where CPython applies the
    // character's own titlecase mapping. ICU's simple mapping has it.
    if (n == 1 && out[0] == ch && !new_after_unicode_14(ch)) out[0] = static_cast<Py_UCS4>(u_totitle(static_cast<UChar32>(ch)));
    return n;
}

int unicode_to_folded_full(Py_UCS4 ch, Py_UCS4* out)
{
    if (ch < 128) return unicode_to_lower_full(ch, out);
    return full_map(ch, out, fold_case);
}

// The character's name in the Unicode 14.0 database, as unicodedata.name
// gives it (algorithmic names of Hangul syllables and CJK ideographs
// included); false for characters without one (controls, surrogates,
// private use, unassigned). The "namereplace" error handler uses it.
bool unicode_char_name(Py_UCS4 ch, std::string* name)
{
    if (ch > 0x10FFFF || new_after_unicode_14(ch)) return false;
    // ICU names the Tangut ideographs algorithmically ("TANGUT
    // IDEOGRAPH-17000"); CPython 3.11's database has no names for them.
    if ((ch >= 0x17000 && ch <= 0x187F7) || (ch >= 0x18D00 && ch <= 0x18D08)) return false;
    char buf[128];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = u_charName(static_cast<UChar32>(ch), U_UNICODE_CHAR_NAME, buf, sizeof buf, &status);
    if (U_FAILURE(status) || n <= 0) return false;
    name->assign(buf, static_cast<std::size_t>(n));
    return true;
}

namespace {

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); i++) {
        char x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 32);
        if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 32);
        if (x != y) return false;
    }
    return true;
}

constexpr std::string_view cjk_prefix = "CJK UNIFIED IDEOGRAPH-";

// CPython parses a CJK ideograph's name itself instead of searching its
// name table: the prefix, then 4 or 5 upper-case hex digits (so
// "CJK UNIFIED IDEOGRAPH-04E00" is U+4E00 too).
bool parse_cjk_name(std::string_view z, Py_UCS4* ch)
{
    std::string_view hex = z.substr(cjk_prefix.size());
    if (hex.size() != 4 && hex.size() != 5) return false;
    Py_UCS4 v = 0;
    for (char h : hex) {
        if (h >= '0' && h <= '9') v = v * 16 + static_cast<Py_UCS4>(h - '0');
        else if (h >= 'A' && h <= 'F') v = v * 16 + static_cast<Py_UCS4>(h - 'A' + 10);
        else return false;
    }
    std::string canonical;
    if (!unicode_char_name(v, &canonical) || !canonical.starts_with(cjk_prefix)) return false;
    *ch = v;
    return true;
}

}  // namespace

bool unicode_lookup_name(std::string_view name, Py_UCS4* out, bool* via_alias)
{
    if (via_alias) *via_alias = false;
    std::string z(name);
    if (z.find('\0') != std::string::npos) return false;
    if (z.starts_with(cjk_prefix)) return parse_cjk_name(z, out);
    UErrorCode status = U_ZERO_ERROR;
    UChar32 c = u_charFromName(U_UNICODE_CHAR_NAME, z.c_str(), &status);
    std::string canonical;
    // Only characters the 14.0 database names count (not Tangut ideographs,
    // nothing newer). A Hangul syllable's computed name must be spelled
    // exactly (upper case), as CPython builds it from its jamo parts.
    if (U_SUCCESS(status) && c >= 0 && unicode_char_name(static_cast<Py_UCS4>(c), &canonical) &&
        !canonical.starts_with(cjk_prefix) && (!canonical.starts_with("HANGUL SYLLABLE ") || canonical == z)) {
        *out = static_cast<Py_UCS4>(c);
        return true;
    }
    for (const NameAlias& alias : name_aliases)
        if (equal_ignoring_ascii_case(alias.name, z)) {
            *out = alias.ch;
            if (via_alias) *via_alias = true;
            return true;
        }
    return false;
}

}  // namespace minipy::runtime
