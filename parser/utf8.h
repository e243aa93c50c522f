// utf8.h: decoding and encoding one code point of UTF-8, for the string
// literal parser and the AST dumper. Lenient like CPython's internal
// "surrogatepass" handling: 3-byte encodings of U+D800..U+DFFF are accepted,
// since string literals such as "\ud800" put lone surrogates in str values.
// Book ch. 6.
#pragma once

#include <string>
#include <string_view>

namespace minipy::parser {

// The code point starting at text[*pos]; advances *pos past it. Invalid
// bytes decode as themselves (one byte each).
inline char32_t utf8_decode(std::string_view text, std::size_t* pos)
{
    auto b0 = static_cast<unsigned char>(text[*pos]);
    std::size_t n = b0 < 0x80 ? 1 : b0 >= 0xf0 ? 4 : b0 >= 0xe0 ? 3 : b0 >= 0xc0 ? 2 : 1;
    if (*pos + n > text.size()) n = 1;
    char32_t ch = n == 1 ? b0 : n == 2 ? (b0 & 0x1f) : n == 3 ? (b0 & 0x0f) : (b0 & 0x07);
    for (std::size_t k = 1; k < n; ++k) ch = (ch << 6) | (static_cast<unsigned char>(text[*pos + k]) & 0x3f);
    *pos += n;
    return ch;
}

inline void utf8_encode(std::string& out, char32_t ch)
{
    if (ch < 0x80) {
        out += static_cast<char>(ch);
    } else if (ch < 0x800) {
        out += static_cast<char>(0xc0 | (ch >> 6));
        out += static_cast<char>(0x80 | (ch & 0x3f));
    } else if (ch < 0x10000) {
        out += static_cast<char>(0xe0 | (ch >> 12));
        out += static_cast<char>(0x80 | ((ch >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (ch & 0x3f));
    } else {
        out += static_cast<char>(0xf0 | (ch >> 18));
        out += static_cast<char>(0x80 | ((ch >> 12) & 0x3f));
        out += static_cast<char>(0x80 | ((ch >> 6) & 0x3f));
        out += static_cast<char>(0x80 | (ch & 0x3f));
    }
}

// Length in code points (what SyntaxError offsets count).
inline int utf8_length(std::string_view text)
{
    int n = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++n;
    }
    return n;
}

}  // namespace minipy::parser
