// unicode_repr.cpp: repr() of a str, as the tokenize dump prints it with %r.
// Mirrors CPython 3.11 Objects/unicodeobject.c (unicode_repr). Book ch. 6.
#include <cstdio>

#include "minipy/lexer/tokenize.h"
#include "minipy/lexer/unicodectype.h"

namespace minipy::lexer {

std::string unicode_repr(std::string_view text)
{
    // Single quotes unless the text holds a single quote and no double quote.
    const bool has_single = text.find('\'') != std::string_view::npos;
    const bool has_double = text.find('"') != std::string_view::npos;
    const char quote = (has_single && !has_double) ? '"' : '\'';

    std::string out;
    out.reserve(text.size() + 2);
    out += quote;
    const char* p = text.data();
    const char* end = p + text.size();
    char buf[16];
    while (p < end) {
        char32_t ch;
        int n = decode_utf8(p, end, &ch);
        if (n == 0) {  // not reachable for decoded text; keep the byte visible
            ch = static_cast<unsigned char>(*p);
            n = 1;
        }
        if (ch == static_cast<char32_t>(quote) || ch == '\\') {
            out += '\\';
            out += static_cast<char>(ch);
        }
        else if (ch == '\t') {
            out += "\\t";
        }
        else if (ch == '\n') {
            out += "\\n";
        }
        else if (ch == '\r') {
            out += "\\r";
        }
        else if (ch < ' ' || ch == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(ch));
            out += buf;
        }
        else if (ch < 0x7F || is_printable(ch)) {
            out.append(p, static_cast<std::size_t>(n));
        }
        else if (ch <= 0xFF) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(ch));
            out += buf;
        }
        else if (ch <= 0xFFFF) {
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(ch));
            out += buf;
        }
        else {
            std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(ch));
            out += buf;
        }
        p += n;
    }
    out += quote;
    return out;
}

}  // namespace minipy::lexer
