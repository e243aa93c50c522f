// unicodectype.cpp: character classes from ICU. Mirrors CPython 3.11
// Objects/unicodectype.c and the UTF-8 decoder of Objects/stringlib/codecs.h.
// Book ch. 6.
#include "minipy/lexer/unicodectype.h"

#include <cstdint>
#include <cstring>
#include <unicode/uchar.h>

namespace minipy::lexer {

namespace {

// ICU 72 knows Unicode 15.0; CPython 3.11's tables are Unicode 14.0. A
// character assigned after 14.0 is unassigned (category Cn) for CPython:
// no identifier character, not printable, not alphanumeric. ICU records the
// version that assigned each character, so minipy answers as Unicode 14 does.
bool unassigned_in_unicode_14(UChar32 c)
{
    if (c < 0x0870) return false;  // all assigned long before Unicode 14
    UVersionInfo age;
    u_charAge(c, age);
    return age[0] > 14;
}

}  // namespace

int decode_utf8(const char* p, const char* end, char32_t* cp)
{
    const auto b0 = static_cast<unsigned char>(p[0]);
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    int len;
    char32_t value;
    char32_t min;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2, value = b0 & 0x1F, min = 0x80;
    }
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3, value = b0 & 0x0F, min = 0x800;
    }
    else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4, value = b0 & 0x07, min = 0x10000;
    }
    else {
        return 0;
    }
    if (end - p < len) return 0;
    for (int i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(p[i]);
        if ((b & 0xC0) != 0x80) return 0;
        value = (value << 6) | (b & 0x3F);
    }
    if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    *cp = value;
    return len;
}

int utf8_error_length(const char* p, const char* end, const char** reason)
{
    const auto b0 = static_cast<unsigned char>(p[0]);
    int need;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
    }
    else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        if (b0 == 0xE0) low = 0xA0;   // overlong
        if (b0 == 0xED) high = 0x9F;  // surrogates
    }
    else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        if (b0 == 0xF0) low = 0x90;   // overlong
        if (b0 == 0xF4) high = 0x8F;  // above U+10FFFF
    }
    else {
        *reason = "invalid start byte";
        return 1;
    }
    int k = 0;
    while (k < need) {
        if (p + 1 + k >= end) {
            *reason = "unexpected end of data";
            return 1 + k;
        }
        const auto b = static_cast<unsigned char>(p[1 + k]);
        const bool ok = k == 0 ? (b >= low && b <= high) : (b & 0xC0) == 0x80;
        if (!ok) break;
        ++k;
    }
    *reason = "invalid continuation byte";
    return 1 + k;
}

std::string utf8_replace(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        char32_t cp;
        int n = decode_utf8(p, end, &cp);
        if (n > 0) {
            out.append(p, static_cast<std::size_t>(n));
            p += n;
            continue;
        }
        const char* reason;
        p += utf8_error_length(p, end, &reason);
        out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    }
    return out;
}

std::size_t find_invalid_utf8(std::string_view text)
{
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        // ASCII runs, eight bytes at a time.
        while (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) != 0) break;
            p += 8;
        }
        if (p >= end) break;
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
            continue;
        }
        char32_t cp;
        int n = decode_utf8(p, end, &cp);
        if (n == 0) return static_cast<std::size_t>(p - text.data());
        p += n;
    }
    return std::string_view::npos;
}

int count_code_points(std::string_view text)
{
    int n = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    }
    return n;
}

void append_utf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    }
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_xid_start(char32_t cp)
{
    if (unassigned_in_unicode_14(static_cast<UChar32>(cp))) return false;
    return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_XID_START);
}

bool is_xid_continue(char32_t cp)
{
    if (unassigned_in_unicode_14(static_cast<UChar32>(cp))) return false;
    return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_XID_CONTINUE);
}

bool is_printable(char32_t cp)
{
    // CPython: every character is printable except those of the categories
    // "Other" (Cc, Cf, Cs, Co, Cn) and "Separator" (Zl, Zp, Zs) -- but the
    // ASCII space is printable.
    if (cp == ' ') return true;
    if (unassigned_in_unicode_14(static_cast<UChar32>(cp))) return false;
    switch (u_charType(static_cast<UChar32>(cp))) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_SURROGATE:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_SPACE_SEPARATOR:
        return false;
    default:
        return true;
    }
}

bool is_word_char(char32_t cp)
{
    if (cp < 0x80) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9') || cp == '_';
    }
    // str.isalnum(): a letter (L*) or a character with a numeric value.
    const auto c = static_cast<UChar32>(cp);
    if (unassigned_in_unicode_14(c)) return false;
    switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
        return true;
    default:
        break;
    }
    return u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

bool is_space(char32_t cp)
{
    if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
    // CPython: bidirectional class WS, B or S, or category Zs.
    const auto c = static_cast<UChar32>(cp);
    switch (u_charDirection(c)) {
    case U_WHITE_SPACE_NEUTRAL:
    case U_BLOCK_SEPARATOR:
    case U_SEGMENT_SEPARATOR:
        return true;
    default:
        return u_charType(c) == U_SPACE_SEPARATOR;
    }
}

}  // namespace minipy::lexer
