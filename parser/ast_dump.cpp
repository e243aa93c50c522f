// ast_dump.cpp: layout and value reprs for the generated AST dumper.
// Mirrors ast.dump()'s _format() in CPython 3.11 Lib/ast.py, unicode_repr()
// in Objects/unicodeobject.c, bytes repr in Objects/bytesobject.c and the
// 'r' float format of Python/pystrtod.c. Book ch. 6.
#include "ast_dump.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include <unicode/uchar.h>

#include "utf8.h"

namespace minipy::ast {

std::string dump_prefix(const Dumper& d, int level)
{
    std::string prefix = "\n";
    for (int i = 0; i < level; ++i) prefix += d.indent;
    return prefix;
}

void NodeDump::add(const char* name, DumpText value)
{
    all_simple_ = all_simple_ && value.simple;
    args_.push_back(std::string(name) + "=" + value.text);
}

DumpText NodeDump::finish()
{
    std::string text = name_;
    text += "(";
    if (all_simple_ && args_.size() <= 3) {
        for (std::size_t i = 0; i < args_.size(); ++i) {
            if (i > 0) text += ", ";
            text += args_[i];
        }
        text += ")";
        return {text, args_.empty()};
    }
    std::string prefix = dump_prefix(d_, level_);
    for (std::size_t i = 0; i < args_.size(); ++i) {
        text += i == 0 ? prefix : "," + prefix;
        text += args_[i];
    }
    text += ")";
    return {text, false};
}

namespace {

// str.isprintable() for one code point: everything but the categories
// Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs, with ' ' the one printable separator.
bool is_printable(char32_t ch)
{
    if (ch == ' ') return true;
    switch (u_charType(static_cast<UChar32>(ch))) {
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

void append_hex(std::string& out, const char* prefix, unsigned value, int digits)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s%0*x", prefix, digits, value);
    out += buf;
}

char choose_quote(std::string_view text)
{
    bool has_single = text.find('\'') != std::string_view::npos;
    bool has_double = text.find('"') != std::string_view::npos;
    return has_single && !has_double ? '"' : '\'';
}

}  // namespace

std::string unicode_repr(std::string_view utf8)
{
    char quote = choose_quote(utf8);
    std::string out(1, quote);
    std::size_t i = 0;
    while (i < utf8.size()) {
        std::size_t start = i;
        char32_t ch = parser::utf8_decode(utf8, &i);
        if (ch == static_cast<char32_t>(quote) || ch == '\\') {
            out += '\\';
            out += static_cast<char>(ch);
        } else if (ch == '\t') {
            out += "\\t";
        } else if (ch == '\n') {
            out += "\\n";
        } else if (ch == '\r') {
            out += "\\r";
        } else if (ch < ' ' || ch == 0x7f) {
            append_hex(out, "\\x", ch, 2);
        } else if (ch < 0x7f) {
            out += static_cast<char>(ch);
        } else if (is_printable(ch)) {
            out.append(utf8.substr(start, i - start));
        } else if (ch <= 0xff) {
            append_hex(out, "\\x", ch, 2);
        } else if (ch <= 0xffff) {
            append_hex(out, "\\u", ch, 4);
        } else {
            append_hex(out, "\\U", ch, 8);
        }
    }
    out += quote;
    return out;
}

std::string bytes_repr(std::string_view bytes)
{
    char quote = choose_quote(bytes);
    std::string out = "b";
    out += quote;
    for (char c : bytes) {
        auto b = static_cast<unsigned char>(c);
        if (b == static_cast<unsigned char>(quote) || b == '\\') {
            out += '\\';
            out += c;
        } else if (b == '\t') {
            out += "\\t";
        } else if (b == '\n') {
            out += "\\n";
        } else if (b == '\r') {
            out += "\\r";
        } else if (b < ' ' || b >= 0x7f) {
            append_hex(out, "\\x", b, 2);
        } else {
            out += c;
        }
    }
    out += quote;
    return out;
}

// repr(float): the shortest digits that round-trip, written positionally
// when the decimal exponent is in [-4, 16), in scientific form otherwise
// (with a two-digit minimum exponent), ".0" added to integral values.
std::string float_repr(double value)
{
    if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
    if (std::isnan(value)) return "nan";
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    std::string sign;
    if (!sci.empty() && sci[0] == '-') {
        sign = "-";
        sci.erase(0, 1);
    }
    std::size_t epos = sci.find('e');
    std::string mantissa = sci.substr(0, epos);
    int exp10 = std::atoi(sci.c_str() + epos + 1);
    std::string digits;
    for (char c : mantissa) {
        if (c != '.') digits += c;
    }
    while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
    // value = 0.d1d2d3... * 10**decpt
    int decpt = exp10 + 1;
    std::string out;
    if (-4 < decpt && decpt <= 16) {
        if (decpt <= 0) {
            out = "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
        } else if (static_cast<std::size_t>(decpt) >= digits.size()) {
            out = digits + std::string(static_cast<std::size_t>(decpt) - digits.size(), '0') + ".0";
        } else {
            out = digits.substr(0, static_cast<std::size_t>(decpt)) + "." +
                  digits.substr(static_cast<std::size_t>(decpt));
        }
    } else {
        out = digits.substr(0, 1);
        if (digits.size() > 1) out += "." + digits.substr(1);
        int e = decpt - 1;
        char ebuf[16];
        std::snprintf(ebuf, sizeof ebuf, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        out += ebuf;
    }
    return sign + out;
}

DumpText dump_identifier(identifier value)
{
    return {unicode_repr(value), true};
}

DumpText dump_string(string value)
{
    return {unicode_repr(value), true};
}

DumpText dump_int(int value)
{
    return {std::to_string(value), true};
}

DumpText dump_constant(constant value)
{
    switch (value->kind) {
    case ConstantValue::None: return {"None", true};
    case ConstantValue::True: return {"True", true};
    case ConstantValue::False: return {"False", true};
    case ConstantValue::Ellipsis: return {"Ellipsis", true};
    case ConstantValue::Int: return {std::string(value->text), true};
    case ConstantValue::Float: return {float_repr(value->number), true};
    case ConstantValue::Complex: {
        // complex repr of a pure imaginary: the float repr without ".0", plus j.
        std::string text = float_repr(value->number);
        if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
        return {text + "j", true};
    }
    case ConstantValue::Str: return {unicode_repr(value->text), true};
    case ConstantValue::Bytes: return {bytes_repr(value->text), true};
    }
    return {"?", true};
}

void required_field_missing(const char* field, const char* node, PyArena* arena)
{
    arena->set_error(std::string("ValueError: field '") + field + "' is required for " + node);
}

}  // namespace minipy::ast
