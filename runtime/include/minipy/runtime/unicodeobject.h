// unicodeobject.h: str, with PEP 393 compact storage.
// Mirrors CPython 3.11 Include/unicodeobject.h, Include/cpython/unicodeobject.h
// and Objects/unicodeobject.c. Book chapter 11.
//
// Storage (PEP 393): each string picks the narrowest kind that holds its
// largest code point, 1 byte (Latin-1; "ascii" when all < 128), 2 bytes
// (UCS-2) or 4 bytes (UCS-4), so indexing is O(1). The code points follow
// the header in the same block, terminated by a 0 unit. A UTF-8 copy is made
// on demand (for non-ASCII strings) and cached. Strings are immutable once
// shared; the hash is cached (-1 until computed). Interned strings are kept
// in one dict so that identifiers compare by identity.
#pragma once

#include <cstdarg>
#include <cstdint>
#include <string>
#include <string_view>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

using Py_UCS1 = std::uint8_t;
using Py_UCS2 = std::uint16_t;
using Py_UCS4 = std::uint32_t;

enum UnicodeKind : unsigned { PyUnicode_1BYTE_KIND = 1, PyUnicode_2BYTE_KIND = 2, PyUnicode_4BYTE_KIND = 4 };
enum : unsigned { SSTATE_NOT_INTERNED = 0, SSTATE_INTERNED_MORTAL = 1, SSTATE_INTERNED_IMMORTAL = 2 };
inline constexpr Py_UCS4 MAX_UNICODE = 0x10FFFF;

struct UnicodeObject : Object {
    Py_ssize_t length;  // code points
    Py_hash_t hash;     // -1 until computed
    struct {
        unsigned interned : 2;
        unsigned kind : 3;
        unsigned compact : 1;
        unsigned ascii : 1;
    } state;
    char* utf8;                // null until asked for; == data for ASCII
    Py_ssize_t utf8_length;
    // the code points follow here
};

extern TypeObject Unicode_Type;
extern TypeObject UnicodeIter_Type;

inline bool unicode_check(const Object* op) { return type_fast_subclass(Py_TYPE(op), Py_TPFLAGS_UNICODE_SUBCLASS); }
inline bool unicode_check_exact(const Object* op) { return Py_TYPE(op) == &Unicode_Type; }

inline UnicodeObject* as_unicode(Object* op) { return static_cast<UnicodeObject*>(op); }
inline Py_ssize_t unicode_length(const Object* op) { return static_cast<const UnicodeObject*>(op)->length; }
inline unsigned unicode_kind(const Object* op) { return static_cast<const UnicodeObject*>(op)->state.kind; }
inline void* unicode_data(const Object* op)
{
    return const_cast<UnicodeObject*>(static_cast<const UnicodeObject*>(op)) + 1;
}
inline Py_UCS4 unicode_read(unsigned kind, const void* data, Py_ssize_t i)
{
    if (kind == PyUnicode_1BYTE_KIND) return static_cast<const Py_UCS1*>(data)[i];
    if (kind == PyUnicode_2BYTE_KIND) return static_cast<const Py_UCS2*>(data)[i];
    return static_cast<const Py_UCS4*>(data)[i];
}
inline void unicode_write(unsigned kind, void* data, Py_ssize_t i, Py_UCS4 ch)
{
    if (kind == PyUnicode_1BYTE_KIND) static_cast<Py_UCS1*>(data)[i] = static_cast<Py_UCS1>(ch);
    else if (kind == PyUnicode_2BYTE_KIND) static_cast<Py_UCS2*>(data)[i] = static_cast<Py_UCS2>(ch);
    else static_cast<Py_UCS4*>(data)[i] = ch;
}
inline Py_UCS4 unicode_read_char(const Object* op, Py_ssize_t i)
{
    return unicode_read(unicode_kind(op), unicode_data(op), i);
}

// PyUnicode_New: an uninitialized string able to hold code points <= maxchar.
[[nodiscard]] Ref<UnicodeObject> unicode_new(Py_ssize_t length, Py_UCS4 maxchar);
// From UTF-8 (strict: UnicodeDecodeError on invalid input).
[[nodiscard]] Ref<> unicode_from_utf8(std::string_view utf8);
// PyUnicode_Decode of a bytes object and PyUnicode_AsEncodedString of a str
// (unicode_codecs.cpp) with the built-in codecs (utf-8, ascii, latin-1,
// utf-16[-le|-be], utf-32[-le|-be] under their encodings.aliases names) and
// error handlers. encoding and errors are str or nullptr (utf-8, strict);
// LookupError "unknown encoding: <name as given>" for any other codec.
[[nodiscard]] Ref<> unicode_decode(Object* bytes, Object* encoding, Object* errors = nullptr);
[[nodiscard]] Ref<> unicode_encode(Object* str, Object* encoding, Object* errors = nullptr);
// PyUnicode_EncodeFSDefault / PyUnicode_DecodeFSDefaultAndSize: the file
// system encoding, UTF-8 with "surrogateescape" (os, io, the path arguments
// of system calls).
[[nodiscard]] Ref<> unicode_encode_fs_default(Object* str);
[[nodiscard]] Ref<> unicode_decode_fs_default(std::string_view data);
[[nodiscard]] Ref<> unicode_from_string(const char* utf8);
[[nodiscard]] Ref<> unicode_from_ucs4(const Py_UCS4* chars, Py_ssize_t n);
// PyUnicode_FromFormat: %s (UTF-8), %.Ns, %d %i %u %ld %lu %lld %llu %zd %zu
// %x %c %p %%, %R (repr), %S (str), %A (ascii), %U (str object), %V (str
// object or UTF-8 fallback), %T is not supported.
[[nodiscard]] Ref<> unicode_from_format(const char* format, ...);
[[nodiscard]] Ref<> unicode_from_format_v(const char* format, va_list va);
// The UTF-8 of a str (cached; valid while the string lives). Null and
// UnicodeEncodeError for lone surrogates.
[[nodiscard]] const char* unicode_as_utf8(Object* op, Py_ssize_t* size = nullptr);
// A std::string copy (surrogates escaped as in "backslashreplace"); for C++ callers and tests.
std::string unicode_to_std(Object* op);
// The single-character strings of Latin-1 are cached.
[[nodiscard]] Ref<> unicode_from_ordinal(Py_UCS4 ch);
[[nodiscard]] Ref<> unicode_substring(Object* s, Py_ssize_t start, Py_ssize_t end);
[[nodiscard]] Ref<> unicode_concat(Object* a, Object* b);
[[nodiscard]] Ref<> unicode_join(Object* sep, Object* iterable);
[[nodiscard]] Ref<> unicode_repr(Object* s);
Py_UCS4 unicode_max_char(Object* s);

// Compare: -1/0/1; equality check on (string) values.
int unicode_compare(Object* a, Object* b);
bool unicode_eq(Object* a, Object* b);
bool unicode_equal_to_ascii(Object* s, const char* ascii);
Py_hash_t unicode_hash(Object* s);

// Interning (sys.intern): *p is replaced by the interned copy.
void unicode_intern_in_place(Ref<>* p);
[[nodiscard]] Ref<> unicode_intern_from_string(const char* s);
// The empty string singleton.
Object* unicode_empty();

// --- Character properties (unicodectype.cpp) ---------------------------------
// The one copy for the whole interpreter: str methods, the tokenizer
// (identifiers, "invalid non-printable character", the tokenize dump's
// reprs) and the parser use these. ICU answers, as of Unicode 14.0 like
// CPython 3.11: a character ICU 72 knows from Unicode 15.0 is unassigned
// here (tests/unit/runtime/test_unicodectype.cpp checks every code point).
bool unicode_isprintable(Py_UCS4 ch);     // _PyUnicode_IsPrintable (repr escapes the others)
bool unicode_isspace(Py_UCS4 ch);         // _PyUnicode_IsWhitespace
bool unicode_isalpha(Py_UCS4 ch);         // _PyUnicode_IsAlpha
bool unicode_isdecimal(Py_UCS4 ch);       // _PyUnicode_IsDecimalDigit
bool unicode_isdigit(Py_UCS4 ch);         // _PyUnicode_IsDigit
bool unicode_isnumeric(Py_UCS4 ch);       // _PyUnicode_IsNumeric
bool unicode_isalnum(Py_UCS4 ch);         // Py_UNICODE_ISALNUM
bool unicode_islower_char(Py_UCS4 ch);    // _PyUnicode_IsLowercase
bool unicode_isupper_char(Py_UCS4 ch);    // _PyUnicode_IsUppercase
bool unicode_istitle_char(Py_UCS4 ch);    // _PyUnicode_IsTitlecase
bool unicode_isxid_start(Py_UCS4 ch);     // _PyUnicode_IsXidStart
bool unicode_isxid_continue(Py_UCS4 ch);  // _PyUnicode_IsXidContinue
int unicode_todecimal(Py_UCS4 ch);        // -1 when not a decimal digit
// Full case mappings: write up to 3 code points to out, return the count.
int unicode_to_lower_full(Py_UCS4 ch, Py_UCS4* out);
int unicode_to_upper_full(Py_UCS4 ch, Py_UCS4* out);
int unicode_to_title_full(Py_UCS4 ch, Py_UCS4* out);
int unicode_to_folded_full(Py_UCS4 ch, Py_UCS4* out);
bool unicode_isidentifier(Object* s);     // str.isidentifier()
// unicodedata.name(ch) as of Unicode 14.0 (algorithmic names of Hangul
// syllables and CJK ideographs included; none for Tangut ideographs, as in
// CPython 3.11); false when ch has no name. The "namereplace" error
// handler and the unicodedata module use it.
bool unicode_char_name(Py_UCS4 ch, std::string* name);
// The character a name stands for in Unicode 14.0 (CPython's _getcode
// through the _ucnhash_CAPI that "\N{...}" escapes use): any character
// name regardless of case, except that the computed Hangul and CJK names
// must be spelled exactly, or a name alias (*via_alias then true). Named
// sequences are not characters: unicodedata.lookup adds them.
bool unicode_lookup_name(std::string_view name, Py_UCS4* out, bool* via_alias = nullptr);

// --- UTF-8 on bytes, without objects (unicodeobject.cpp) ----------------------
// CPython's UTF-8 decoder (Objects/stringlib/codecs.h) as byte-level helpers
// for the tokenizer and the parser, which work on UTF-8 source text. The
// str constructors above use the same decoder.

// Decodes one sequence at p (p < end): its length, code point in *cp; 0 when
// malformed (overlong forms, surrogates and values above U+10FFFF are).
int utf8_decode_char(const char* p, const char* end, Py_UCS4* cp);
// For a malformed sequence at p, as CPython's decoder reports it: how many
// bytes the error spans (one U+FFFD under errors="replace") and the reason
// ("invalid start byte", "invalid continuation byte", "unexpected end of data").
int utf8_error_length(const char* p, const char* end, const char** reason);
// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t utf8_find_invalid(std::string_view text);
// text decoded with errors="replace" and encoded back: valid UTF-8.
std::string utf8_replace(std::string_view text);
// Number of code points in valid UTF-8 text.
Py_ssize_t utf8_count_code_points(std::string_view text);
// Appends the UTF-8 encoding of ch (surrogates too, like "surrogatepass").
void utf8_append(std::string& out, Py_UCS4 ch);
// repr() of the str whose UTF-8 is text, as UTF-8: unicode_repr without
// building objects (the tokenize dump prints one per token).
std::string unicode_repr_utf8(std::string_view text);

// A growable buffer of code points (_PyUnicodeWriter, simplified): ASCII and
// Latin-1 text go in narrow, wider code points widen the whole buffer.
class UnicodeWriter {
public:
    void write_char(Py_UCS4 ch);
    void write_ascii(std::string_view s);
    void write_utf8(std::string_view s);  // assumes valid UTF-8
    void write_str(Object* s);
    void write_substring(Object* s, Py_ssize_t start, Py_ssize_t end);
    Py_ssize_t length() const { return static_cast<Py_ssize_t>(buf_.size()); }
    [[nodiscard]] Ref<> finish();

private:
    std::u32string buf_;
    Py_UCS4 maxchar_ = 0;
};

void init_unicode_type();
void fini_unicode();

}  // namespace minipy::runtime
