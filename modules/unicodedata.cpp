// unicodedata.cpp: the unicodedata module: the Unicode Character Database
// (names, categories, bidirectional classes, numeric values, decompositions,
// normalization) as of Unicode 14.0, and ucd_3_2_0, the same functions as of
// Unicode 3.2 (IDNA's stringprep uses it).
// Mirrors CPython 3.11 Modules/unicodedata.c, which reads tables that
// Tools/unicode/makeunicodedata.py generates. minipy asks ICU instead.
// Book chapter 12.
//
// ICU 72 knows Unicode 15.0. python3.11 knows 14.0, so every answer goes
// through the version filter of a UCD: a code point whose ICU "age" (the
// version that assigned it) is later than the UCD's version is unassigned
// there. CPython's unassigned record is category Cn, bidirectional '',
// east_asian_width 'F' (its record 0), combining 0, not mirrored, no
// decomposition, no name, no numeric value; unassigned code points ICU has
// default values for (bidi R in Hebrew blocks, W in CJK planes) answer so
// too. tests/modules/test_unicodedata_vectors.py compares every code point
// with python3.11.
//
// ucd_3_2_0 applies the same filter with version 3.2. CPython also records,
// for 3.2, the characters whose category, bidirectional class, width,
// mirroring or numeric value changed since (its "change records"), and the
// six decompositions corrected after 3.2 (normalization_3_2_0); minipy does
// not have those tables, so ucd_3_2_0 answers with today's values for
// characters 3.2 had (docs/stdlib.md lists this).
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <strings.h>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "unicodedata.h"
#include "unicodedata_named_sequences.h"

namespace minipy::modules {

using namespace runtime;

namespace {

// --- The database version a call answers for ------------------------------------------------

// PreviousDBVersion: a UCD object; the module's own functions answer for
// Unicode 14.0, a UCD's methods for its version (only 3.2.0 exists).
struct UCDObject : Object {
    uint8_t major, minor;
};

extern TypeObject UCD_Type;

struct Version {
    uint8_t major, minor;
};

constexpr Version unicode_14 = {14, 0};

Version version_of(Object* self)
{
    if (self && Py_TYPE(self) == &UCD_Type) {
        auto* u = static_cast<UCDObject*>(self);
        return {u->major, u->minor};
    }
    return unicode_14;
}

bool is_old(Version v) { return v.major != unicode_14.major || v.minor != unicode_14.minor; }

// Whether the version assigned ch (ICU's age no later than v).
bool assigned_in(Py_UCS4 ch, Version v)
{
    auto c = static_cast<UChar32>(ch);
    if (u_charType(c) == U_UNASSIGNED) return false;
    if (ch < 0x0870 && v.major >= 14) return true;  // all assigned long before Unicode 14
    UVersionInfo age;
    u_charAge(c, age);
    return age[0] < v.major || (age[0] == v.major && age[1] <= v.minor);
}

// --- Argument conversion ---------------------------------------------------------------------

// Argument Clinic's int(accept={str}) converter: one character.
[[nodiscard]] bool get_char(const char* fname, int argnum, Object* arg, Py_UCS4* out)
{
    if (!unicode_check(arg) || unicode_length(arg) != 1) {
        const char* what = unicode_check(arg) ? "str" : Py_TYPE(arg)->tp_name;
        if (argnum) format_error(Exc_TypeError, "%s() argument %d must be a unicode character, not %.50s", fname, argnum, what);
        else format_error(Exc_TypeError, "%s() argument must be a unicode character, not %.50s", fname, what);
        return false;
    }
    *out = unicode_read_char(arg, 0);
    return true;
}

// The (chr, default=<none>, /) functions: decimal, digit, numeric, name.
[[nodiscard]] bool get_char_default(const char* fname, Object* const* args, Py_ssize_t nargs, Py_UCS4* ch,
                                    Object** deflt)
{
    if (!check_positional(fname, nargs, 1, 2)) return false;
    if (!get_char(fname, 1, args[0], ch)) return false;
    *deflt = nargs > 1 ? args[1] : nullptr;
    return true;
}

// The default, or ValueError(message) when none was given.
Ref<> default_or_error(Object* deflt, const char* message)
{
    if (deflt) return new_ref(deflt);
    set_error(Exc_ValueError, message);
    return nullptr;
}

// --- Properties ------------------------------------------------------------------------------

// A short property value name (Lu, AN, Na, ...), which are CPython's names.
Ref<> property_name(UProperty which, int value)
{
    const char* name = u_getPropertyValueName(which, value, U_SHORT_PROPERTY_NAME);
    return unicode_from_string(name ? name : "");
}

double numeric_value(Py_UCS4 ch, Version v)
{
    if (!assigned_in(ch, v)) return U_NO_NUMERIC_VALUE;
    return u_getNumericValue(static_cast<UChar32>(ch));
}

int numeric_type(Py_UCS4 ch, Version v)
{
    if (!assigned_in(ch, v)) return U_NT_NONE;
    return u_getIntPropertyValue(static_cast<UChar32>(ch), UCHAR_NUMERIC_TYPE);
}

Ref<> ud_decimal(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    Object* deflt;
    if (!get_char_default("decimal", args, nargs, &ch, &deflt)) return nullptr;
    Version v = version_of(self);
    if (numeric_type(ch, v) != U_NT_DECIMAL) return default_or_error(deflt, "not a decimal");
    return long_from_long(static_cast<long>(numeric_value(ch, v)));
}

Ref<> ud_digit(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    Object* deflt;
    if (!get_char_default("digit", args, nargs, &ch, &deflt)) return nullptr;
    Version v = version_of(self);
    int t = numeric_type(ch, v);
    if (t != U_NT_DECIMAL && t != U_NT_DIGIT) return default_or_error(deflt, "not a digit");
    return long_from_long(static_cast<long>(numeric_value(ch, v)));
}

Ref<> ud_numeric(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    Object* deflt;
    if (!get_char_default("numeric", args, nargs, &ch, &deflt)) return nullptr;
    double value = numeric_value(ch, version_of(self));
    if (value == U_NO_NUMERIC_VALUE) return default_or_error(deflt, "not a numeric character");
    return float_from_double(value);
}

Ref<> ud_category(Object* self, Object* arg)
{
    Py_UCS4 ch;
    if (!get_char("category", 0, arg, &ch)) return nullptr;
    if (!assigned_in(ch, version_of(self))) return unicode_from_string("Cn");
    return property_name(UCHAR_GENERAL_CATEGORY, u_charType(static_cast<UChar32>(ch)));
}

Ref<> ud_bidirectional(Object* self, Object* arg)
{
    Py_UCS4 ch;
    if (!get_char("bidirectional", 0, arg, &ch)) return nullptr;
    if (!assigned_in(ch, version_of(self))) return unicode_from_string("");
    return property_name(UCHAR_BIDI_CLASS, u_charDirection(static_cast<UChar32>(ch)));
}

Ref<> ud_combining(Object* self, Object* arg)
{
    Py_UCS4 ch;
    if (!get_char("combining", 0, arg, &ch)) return nullptr;
    if (!assigned_in(ch, version_of(self))) return long_from_long(0);
    return long_from_long(u_getCombiningClass(static_cast<UChar32>(ch)));
}

Ref<> ud_mirrored(Object* self, Object* arg)
{
    Py_UCS4 ch;
    if (!get_char("mirrored", 0, arg, &ch)) return nullptr;
    if (!assigned_in(ch, version_of(self))) return long_from_long(0);
    return long_from_long(u_isMirrored(static_cast<UChar32>(ch)) ? 1 : 0);
}

Ref<> ud_east_asian_width(Object* self, Object* arg)
{
    Py_UCS4 ch;
    if (!get_char("east_asian_width", 0, arg, &ch)) return nullptr;
    Version v = version_of(self);
    if (!assigned_in(ch, v)) return unicode_from_string("F");
    return property_name(UCHAR_EAST_ASIAN_WIDTH,
                         u_getIntPropertyValue(static_cast<UChar32>(ch), UCHAR_EAST_ASIAN_WIDTH));
}

// The tags of UnicodeData.txt's decomposition field, by ICU's
// UDecompositionType (canonical mappings have none).
constexpr const char* decomposition_tags[] = {
    "",          "",         "<compat>", "<circle>",   "<final>",  "<font>",  "<fraction>",
    "<initial>", "<isolated>", "<medial>", "<narrow>", "<noBreak>", "<small>", "<square>",
    "<sub>",     "<super>",  "<vertical>", "<wide>",
};

const UNormalizer2* nfkc_instance()
{
    UErrorCode status = U_ZERO_ERROR;
    return unorm2_getNFKCInstance(&status);
}

Ref<> ud_decomposition(Object* self, Object* arg)
{
    Py_UCS4 ch;
    if (!get_char("decomposition", 0, arg, &ch)) return nullptr;
    // Hangul syllables decompose algorithmically; UnicodeData.txt (and so
    // CPython) gives them no decomposition field.
    if (!assigned_in(ch, version_of(self)) || (ch >= 0xAC00 && ch < 0xAC00 + 11172)) return unicode_from_string("");
    UChar raw[32];
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = unorm2_getRawDecomposition(nfkc_instance(), static_cast<UChar32>(ch), raw, 32, &status);
    if (U_FAILURE(status) || n < 0) return unicode_from_string("");
    std::string out;
    int type = u_getIntPropertyValue(static_cast<UChar32>(ch), UCHAR_DECOMPOSITION_TYPE);
    if (type > 0 && type < static_cast<int>(std::size(decomposition_tags))) out = decomposition_tags[type];
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(raw, i, n, c);
        char hex[16];
        std::snprintf(hex, sizeof hex, "%s%04X", out.empty() ? "" : " ", static_cast<unsigned>(c));
        out += hex;
    }
    return unicode_from_string(out.c_str());
}

// --- Names -----------------------------------------------------------------------------------

// _getucname: the name of ch in version v, or false (runtime's
// unicode_char_name knows Unicode 14.0's names; older versions have fewer).
bool char_name(Py_UCS4 ch, Version v, std::string* out)
{
    return assigned_in(ch, v) && unicode_char_name(ch, out);
}

Ref<> ud_name(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Py_UCS4 ch;
    Object* deflt;
    if (!get_char_default("name", args, nargs, &ch, &deflt)) return nullptr;
    std::string name;
    if (!char_name(ch, version_of(self), &name)) return default_or_error(deflt, "no such name");
    return unicode_from_string(name.c_str());
}

// _getcode: the character called name (or one of its aliases) in version v:
// runtime's lookup of the 14.0 database, narrowed for 3.2 to what that
// version assigned, without aliases (NameAliases.txt is not part of it).
bool lookup_char(std::string_view name, Version v, Py_UCS4* out)
{
    bool via_alias;
    Py_UCS4 ch;
    if (!unicode_lookup_name(name, &ch, &via_alias)) return false;
    if (is_old(v) && (via_alias || !assigned_in(ch, v))) return false;
    *out = ch;
    return true;
}

// lookup(): a character, or (in the current version) a named sequence.
Ref<> lookup_name(std::string_view name, Version v)
{
    Py_UCS4 ch;
    if (lookup_char(name, v, &ch)) return unicode_from_ordinal(ch);
    if (!is_old(v)) {
        for (const NamedSequence& seq : named_sequences) {
            // Named sequences match without regard to (ASCII) case.
            if (std::strlen(seq.name) != name.size() || strncasecmp(seq.name, name.data(), name.size()) != 0) continue;
            Py_UCS4 chars[5];
            Py_ssize_t n = 0;
            while (n < 5 && seq.chars[n]) {
                chars[n] = seq.chars[n];
                n++;
            }
            return unicode_from_ucs4(chars, n);
        }
    }
    // CPython formats the name as a C string: it ends at a NUL.
    Ref<> shown = unicode_decode(bytes_from_view(name.substr(0, name.find('\0'))).get(), nullptr, nullptr);
    if (!shown) return nullptr;
    format_error(Exc_KeyError, "undefined character name '%U'", shown.get());
    return nullptr;
}

Ref<> ud_lookup(Object* self, Object* arg)
{
    // The s# converter: a str (as UTF-8) or a read-only bytes-like object.
    std::string name;
    if (unicode_check(arg)) {
        Py_ssize_t size;
        const char* s = unicode_as_utf8(arg, &size);
        if (!s) return nullptr;
        name.assign(s, static_cast<std::size_t>(size));
    } else if (bytes_check(arg)) {
        name = bytes_view(arg);
    } else {
        // Other buffers (bytearray, memoryview) are refused as mutable or
        // possibly so; non-buffers get the buffer protocol's own message.
        Py_buffer view;
        if (object_get_buffer(arg, &view, PyBUF_SIMPLE) < 0) return nullptr;
        buffer_release(&view);
        return format_error(Exc_TypeError, "lookup() argument must be read-only bytes-like object, not %.50s",
                            Py_TYPE(arg)->tp_name);
    }
    // NAME_MAXLEN: no character name is longer.
    if (name.size() > 256) {
        set_error(Exc_KeyError, "name too long");
        return nullptr;
    }
    return lookup_name(name, version_of(self));
}

// --- Normalization ---------------------------------------------------------------------------

enum class Form { NFC, NFKC, NFD, NFKD };

[[nodiscard]] bool parse_form(Object* form, Form* out)
{
    static const std::pair<const char*, Form> forms[] = {
        {"NFC", Form::NFC}, {"NFKC", Form::NFKC}, {"NFD", Form::NFD}, {"NFKD", Form::NFKD}};
    for (const auto& [name, f] : forms)
        if (unicode_equal_to_ascii(form, name)) {
            *out = f;
            return true;
        }
    set_error(Exc_ValueError, "invalid normalization form");
    return false;
}

// ICU's normalizer for the form, restricted to the characters the version
// assigned: the others are left alone and block reordering and composition
// as unassigned characters (starters without mappings) do. For 3.2, the
// characters added later that have no decomposition stay in: CPython's 3.2
// normalization leaves them undecomposed but orders and composes them with
// the current tables.
const UNormalizer2* normalizer(Form form, Version v)
{
    static const UNormalizer2* filtered[2][4];
    int which = is_old(v) ? 1 : 0;
    const UNormalizer2*& slot = filtered[which][static_cast<int>(form)];
    if (slot) return slot;
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* base = form == Form::NFC    ? unorm2_getNFCInstance(&status)
                               : form == Form::NFKC ? unorm2_getNFKCInstance(&status)
                               : form == Form::NFD  ? unorm2_getNFDInstance(&status)
                                                    : unorm2_getNFKDInstance(&status);
    const UChar* pattern = which ? u"[[:age=3.2:][[:age=14.0:]&[:dt=none:]]]" : u"[:age=14.0:]";
    USet* set = uset_openPattern(pattern, -1, &status);
    uset_freeze(set);
    // Both live until the process ends, like CPython's static tables.
    slot = unorm2_openFiltered(base, set, &status);
    if (U_FAILURE(status)) slot = base;
    return slot;
}

// A str's code points [start, end) as UTF-16 for ICU; the range holds no
// surrogate code points (see segments()).
std::u16string to_utf16(Object* s, Py_ssize_t start, Py_ssize_t end)
{
    std::u16string out;
    out.reserve(static_cast<std::size_t>(end - start));
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 ch = unicode_read_char(s, i);
        if (ch >= 0x10000) {
            out += static_cast<char16_t>(0xD800 + ((ch - 0x10000) >> 10));
            out += static_cast<char16_t>(0xDC00 + ((ch - 0x10000) & 0x3FF));
        } else {
            out += static_cast<char16_t>(ch);
        }
    }
    return out;
}

// A str may hold lone surrogate code points, which UTF-16 cannot carry
// (two in a row would read as one pair). They are starters without
// mappings, so nothing composes or reorders across them: the text between
// them is normalized piece by piece and they stay as they are.
// Calls f(start, end, surrogate) for each surrogate-free piece and the
// surrogate after it (0 after the last); false as soon as f is.
template <class F>
bool for_each_segment(Object* s, F f)
{
    Py_ssize_t n = unicode_length(s), start = 0;
    for (Py_ssize_t i = 0; i <= n; i++) {
        Py_UCS4 ch = i < n ? unicode_read_char(s, i) : 0;
        if (i < n && (ch < 0xD800 || ch > 0xDFFF)) continue;
        if (!f(start, i, i < n ? ch : 0)) return false;
        start = i + 1;
    }
    return true;
}

bool segment_is_normalized(const UNormalizer2* norm, Object* s, Py_ssize_t start, Py_ssize_t end)
{
    std::u16string src = to_utf16(s, start, end);
    UErrorCode status = U_ZERO_ERROR;
    UBool yes = unorm2_isNormalized(norm, src.data(), static_cast<int32_t>(src.size()), &status);
    return U_SUCCESS(status) && yes;
}

// Appends the normal form of s[start:end) to out; false (MemoryError set) on failure.
bool normalize_segment(const UNormalizer2* norm, Object* s, Py_ssize_t start, Py_ssize_t end,
                       std::vector<Py_UCS4>& out)
{
    std::u16string src = to_utf16(s, start, end);
    UErrorCode status = U_ZERO_ERROR;
    // NFKD can grow a character 18-fold (U+FDFA); ask ICU for the size first.
    int32_t len = unorm2_normalize(norm, src.data(), static_cast<int32_t>(src.size()), nullptr, 0, &status);
    std::u16string dst(static_cast<std::size_t>(len), u'\0');
    status = U_ZERO_ERROR;
    unorm2_normalize(norm, src.data(), static_cast<int32_t>(src.size()), dst.data(), len, &status);
    if (U_FAILURE(status)) {
        set_error(Exc_MemoryError, "");
        return false;
    }
    for (int32_t i = 0; i < len;) {
        UChar32 c;
        U16_NEXT(dst.data(), i, len, c);
        out.push_back(static_cast<Py_UCS4>(c));
    }
    return true;
}

[[nodiscard]] bool normalize_args(const char* fname, Object* const* args, Py_ssize_t nargs, Form* form)
{
    if (!check_positional(fname, nargs, 2, 2)) return false;
    for (int i = 0; i < 2; i++)
        if (!unicode_check(args[i])) {
            format_error(Exc_TypeError, "%s() argument %d must be str, not %.50s", fname, i + 1,
                         Py_TYPE(args[i])->tp_name);
            return false;
        }
    return parse_form(args[0], form);
}

Ref<> ud_normalize(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Form form;
    if (!normalize_args("normalize", args, nargs, &form)) return nullptr;
    Object* s = args[1];
    const UNormalizer2* norm = normalizer(form, version_of(self));
    bool normalized = for_each_segment(s, [&](Py_ssize_t start, Py_ssize_t end, Py_UCS4) {
        return segment_is_normalized(norm, s, start, end);
    });
    if (normalized) return new_ref(s);  // CPython returns the argument itself when it is normalized
    std::vector<Py_UCS4> chars;
    bool ok = for_each_segment(s, [&](Py_ssize_t start, Py_ssize_t end, Py_UCS4 surrogate) {
        if (!normalize_segment(norm, s, start, end, chars)) return false;
        if (surrogate) chars.push_back(surrogate);
        return true;
    });
    if (!ok) return nullptr;
    return unicode_from_ucs4(chars.data(), static_cast<Py_ssize_t>(chars.size()));
}

Ref<> ud_is_normalized(Object* self, Object* const* args, Py_ssize_t nargs)
{
    Form form;
    if (!normalize_args("is_normalized", args, nargs, &form)) return nullptr;
    Object* s = args[1];
    const UNormalizer2* norm = normalizer(form, version_of(self));
    return bool_from_long(for_each_segment(s, [&](Py_ssize_t start, Py_ssize_t end, Py_UCS4) {
        return segment_is_normalized(norm, s, start, end);
    }));
}

// --- The module and the UCD type -------------------------------------------------------------

#define UD_METHODS                                                                                               \
    method_fast("decimal", ud_decimal,                                                                           \
                "decimal($self, chr, default=<unrepresentable>, /)\n--\n\n"                                      \
                "Converts a Unicode character into its equivalent decimal value.\n\n"                            \
                "Returns the decimal value assigned to the character chr as integer.\n"                          \
                "If no such value is defined, default is returned, or, if not given,\n"                          \
                "ValueError is raised."),                                                                        \
        method_fast("digit", ud_digit,                                                                           \
                    "digit($self, chr, default=<unrepresentable>, /)\n--\n\n"                                    \
                    "Converts a Unicode character into its equivalent digit value."),                            \
        method_fast("numeric", ud_numeric,                                                                       \
                    "numeric($self, chr, default=<unrepresentable>, /)\n--\n\n"                                  \
                    "Converts a Unicode character into its equivalent numeric value."),                          \
        method_o("category", ud_category,                                                                        \
                 "category($self, chr, /)\n--\n\nReturns the general category assigned to the character chr as " \
                 "string."),                                                                                     \
        method_o("bidirectional", ud_bidirectional,                                                              \
                 "bidirectional($self, chr, /)\n--\n\nReturns the bidirectional class assigned to the character " \
                 "chr as string."),                                                                              \
        method_o("combining", ud_combining,                                                                      \
                 "combining($self, chr, /)\n--\n\nReturns the canonical combining class assigned to the "        \
                 "character chr as integer."),                                                                   \
        method_o("mirrored", ud_mirrored,                                                                        \
                 "mirrored($self, chr, /)\n--\n\nReturns the mirrored property assigned to the character chr as " \
                 "integer."),                                                                                    \
        method_o("east_asian_width", ud_east_asian_width,                                                        \
                 "east_asian_width($self, chr, /)\n--\n\nReturns the east asian width assigned to the character " \
                 "chr as string."),                                                                              \
        method_o("decomposition", ud_decomposition,                                                              \
                 "decomposition($self, chr, /)\n--\n\nReturns the character decomposition mapping assigned to "  \
                 "the character chr as string."),                                                                \
        method_fast("name", ud_name,                                                                             \
                    "name($self, chr, default=<unrepresentable>, /)\n--\n\n"                                     \
                    "Returns the name assigned to the character chr as a string."),                              \
        method_o("lookup", ud_lookup,                                                                            \
                 "lookup($self, name, /)\n--\n\nLook up character by name.\n\nIf a character with the given "    \
                 "name is found, return the\ncorresponding character.  If not found, KeyError is raised."),      \
        method_fast("is_normalized", ud_is_normalized,                                                           \
                    "is_normalized($self, form, unistr, /)\n--\n\n"                                              \
                    "Return whether the Unicode string unistr is in the normal form 'form'."),                   \
        method_fast("normalize", ud_normalize,                                                                   \
                    "normalize($self, form, unistr, /)\n--\n\n"                                                  \
                    "Return the normal form 'form' for the Unicode string unistr."),                             \
    {                                                                                                            \
    }

MethodDef module_methods[] = {UD_METHODS};
MethodDef ucd_methods[] = {UD_METHODS};

void ucd_dealloc(Object* op) { object_dealloc_memory(op); }

Ref<> ucd_get_version(Object* self, void*)
{
    auto* u = static_cast<UCDObject*>(self);
    return unicode_from_format("%d.%d.0", u->major, u->minor);
}

GetSetDef ucd_getset[] = {
    {"unidata_version", ucd_get_version, nullptr, nullptr, nullptr},
    {},
};

TypeObject UCD_Type = [] {
    TypeObject t = static_type("unicodedata.UCD", sizeof(UCDObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION, nullptr);
    t.tp_dealloc = ucd_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_methods = ucd_methods;
    t.tp_getset = ucd_getset;
    return t;
}();

}  // namespace

bool unicodedata_lookup_char(std::string_view name, Py_UCS4* ch) { return lookup_char(name, unicode_14, ch); }

Ref<> unicodedata_module_create()
{
    if (!(UCD_Type.tp_flags & Py_TPFLAGS_READY) && type_ready(&UCD_Type) < 0) return nullptr;
    Ref<> mod = module_new("unicodedata");
    if (!mod || module_add_functions(mod.get(), module_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string(
        "This module provides access to the Unicode Character Database which\n"
        "defines character properties for all Unicode characters. The data in\n"
        "this database is based on the UnicodeData.txt file version\n"
        "14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n"
        "The module uses the same names and symbols as defined by the\n"
        "UnicodeData File Format 14.0.0.");
    Ref<> version = unicode_from_string("14.0.0");
    if (!doc || !version || module_add_object(mod.get(), "__doc__", doc.get()) < 0 ||
        module_add_object(mod.get(), "unidata_version", version.get()) < 0 ||
        module_add_object(mod.get(), "UCD", &UCD_Type) < 0)
        return nullptr;
    Ref<UCDObject> old = alloc_instance<UCDObject>(&UCD_Type);
    if (!old) return nullptr;
    old->major = 3;
    old->minor = 2;
    if (module_add_object(mod.get(), "ucd_3_2_0", old.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
