// formatter_unicode.cpp: the format-spec mini-language (format(x, spec),
// str.__format__, int.__format__, float.__format__, complex.__format__).
// Mirrors CPython 3.11 Python/formatter_unicode.c. Book chapter 11.
// (printf-style `%` formatting is in printf_format.cpp.)
//
// A spec is [[fill]align][sign][z][#][0][width][grouping][.precision][type].
// Numbers are rendered as: padding, sign, prefix ("0x"), grouped digits,
// fraction/exponent, suffix ("%"), with '=' alignment putting the padding
// between the sign/prefix and the digits (where zeros are grouped too).
#include <cmath>
#include <cstring>
#include <string>

#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_format.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

struct FormatSpec {
    Py_UCS4 fill_char = ' ';
    Py_UCS4 align = 0;
    char sign = 0;
    bool no_neg_0 = false;
    bool alternate = false;
    Py_ssize_t width = -1;
    char thousands = 0;  // ',' or '_' or 0
    Py_ssize_t precision = -1;
    Py_UCS4 type = 0;
};

bool is_align(Py_UCS4 c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

std::string type_char_repr(Py_UCS4 c)
{
    char buf[16];
    if (c > 32 && c < 128) std::snprintf(buf, sizeof buf, "%c", static_cast<char>(c));
    else std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(c));
    return buf;
}

bool parse_spec(Object* obj, Object* spec, Py_UCS4 default_type, Py_UCS4 default_align, FormatSpec* f)
{
    Py_ssize_t pos = 0, end = unicode_length(spec);
    auto at = [&](Py_ssize_t i) { return unicode_read_char(spec, i); };
    f->type = default_type;
    f->align = default_align;
    bool fill_specified = false, align_specified = false;
    if (end - pos >= 2 && is_align(at(pos + 1))) {
        f->fill_char = at(pos);
        f->align = at(pos + 1);
        fill_specified = align_specified = true;
        pos += 2;
    } else if (end - pos >= 1 && is_align(at(pos))) {
        f->align = at(pos);
        align_specified = true;
        pos++;
    }
    if (end - pos >= 1 && (at(pos) == '+' || at(pos) == '-' || at(pos) == ' ')) f->sign = static_cast<char>(at(pos++));
    if (end - pos >= 1 && at(pos) == 'z') {
        f->no_neg_0 = true;
        pos++;
    }
    if (end - pos >= 1 && at(pos) == '#') {
        f->alternate = true;
        pos++;
    }
    if (!fill_specified && end - pos >= 1 && at(pos) == '0') {
        f->fill_char = '0';
        if (!align_specified && default_align == '>') f->align = '=';
        pos++;
    }
    auto get_integer = [&](Py_ssize_t* out) -> int {
        Py_ssize_t n = 0;
        int digits = 0;
        while (pos < end && at(pos) >= '0' && at(pos) <= '9') {
            if (n > (PTRDIFF_MAX - 9) / 10) {
                set_error(Exc_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            n = n * 10 + (at(pos++) - '0');
            digits++;
        }
        *out = n;
        return digits;
    };
    Py_ssize_t w;
    int consumed = get_integer(&w);
    if (consumed < 0) return false;
    if (consumed) f->width = w;
    if (end - pos >= 1 && at(pos) == ',') {
        f->thousands = ',';
        pos++;
    }
    if (end - pos >= 1 && at(pos) == '_') {
        if (f->thousands) {
            set_error(Exc_ValueError, "Cannot specify both ',' and '_'.");
            return false;
        }
        f->thousands = '_';
        pos++;
    }
    if (end - pos >= 1 && at(pos) == ',' && f->thousands == '_') {
        set_error(Exc_ValueError, "Cannot specify both ',' and '_'.");
        return false;
    }
    if (end - pos >= 1 && at(pos) == '.') {
        pos++;
        consumed = get_integer(&f->precision);
        if (consumed < 0) return false;
        if (!consumed) {
            set_error(Exc_ValueError, "Format specifier missing precision");
            return false;
        }
    }
    if (end - pos > 1) {
        format_error(Exc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'", spec, Py_TYPE(obj)->tp_name);
        return false;
    }
    if (end - pos == 1) f->type = at(pos);
    if (f->thousands) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0: break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->thousands == '_') break;
            [[fallthrough]];
        default:
            format_error(Exc_ValueError, "Cannot specify '%c' with '%s'.", f->thousands, type_char_repr(f->type).c_str());
            return false;
        }
    }
    return true;
}

std::nullptr_t unknown_code(Py_UCS4 type, Object* obj)
{
    return format_error(Exc_ValueError, "Unknown format code '%s' for object of type '%.200s'", type_char_repr(type).c_str(),
                        Py_TYPE(obj)->tp_name);
}

// Pads `body` (a sequence of code points) to the spec's width.
Ref<> pad_and_finish(const std::u32string& body, const FormatSpec& f, Py_ssize_t sign_prefix_len = 0)
{
    Py_ssize_t len = static_cast<Py_ssize_t>(body.size());
    Py_ssize_t total = std::max(f.width, len);
    Py_ssize_t left = 0;
    if (f.align == '>') left = total - len;
    else if (f.align == '^') left = (total - len) / 2;
    UnicodeWriter w;
    if (f.align == '=') {
        for (Py_ssize_t i = 0; i < sign_prefix_len; i++) w.write_char(body[static_cast<std::size_t>(i)]);
        for (Py_ssize_t i = 0; i < total - len; i++) w.write_char(f.fill_char);
        for (std::size_t i = static_cast<std::size_t>(sign_prefix_len); i < body.size(); i++) w.write_char(body[i]);
        return w.finish();
    }
    for (Py_ssize_t i = 0; i < left; i++) w.write_char(f.fill_char);
    for (char32_t c : body) w.write_char(c);
    for (Py_ssize_t i = left + len; i < total; i++) w.write_char(f.fill_char);
    return w.finish();
}

std::u32string widen(const std::string& s) { return std::u32string(s.begin(), s.end()); }

// Inserts separators every `every` digits from the right. With zero
// padding ('=' and fill '0'), zeros are added (and grouped) until the
// digits reach min_width.
std::string group_digits(std::string digits, char sep, int every, Py_ssize_t min_width)
{
    auto grouped = [&](const std::string& d) {
        if (!sep) return d;
        std::string out;
        int count = 0;
        for (std::size_t i = d.size(); i-- > 0;) {
            if (count && count % every == 0) out += sep;
            out += d[i];
            count++;
        }
        return std::string(out.rbegin(), out.rend());
    };
    std::string g = grouped(digits);
    while (static_cast<Py_ssize_t>(g.size()) < min_width) {
        digits = "0" + digits;
        g = grouped(digits);
    }
    return g;
}

// Assembles sign + prefix + grouped integer part + rest, honouring '=' zero padding.
Ref<> render_number(bool negative, const std::string& prefix, const std::string& intdigits, const std::string& rest,
                    const FormatSpec& f, int group_every)
{
    std::string sign = negative ? "-" : f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
    std::string lead = sign + prefix;
    Py_ssize_t min_digits = 0;
    if (f.fill_char == '0' && f.align == '=' && f.width > 0)
        min_digits = f.width - static_cast<Py_ssize_t>(lead.size() + rest.size());
    std::string body;
    if (min_digits > 0 && f.thousands) {
        body = group_digits(intdigits, f.thousands, group_every, min_digits);
    } else {
        body = group_digits(intdigits, f.thousands, group_every, 0);
    }
    return pad_and_finish(widen(lead + body + rest), f, static_cast<Py_ssize_t>(lead.size()));
}

Ref<> format_float_value(Object* obj, double val, FormatSpec f);

}  // namespace

Ref<> unicode_format_spec(Object* self, Object* spec)
{
    if (!unicode_check(spec))
        return format_error(Exc_TypeError, "__format__() argument must be str, not %.200s", Py_TYPE(spec)->tp_name);
    if (unicode_length(spec) == 0) return object_str(self);
    FormatSpec f;
    if (!parse_spec(self, spec, 's', '<', &f)) return nullptr;
    if (f.type != 's') return unknown_code(f.type, self);
    if (f.sign)
        return format_error(Exc_ValueError, f.sign == ' ' ? "Space not allowed in string format specifier"
                                                          : "Sign not allowed in string format specifier");
    if (f.no_neg_0) return format_error(Exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate) return format_error(Exc_ValueError, "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=') return format_error(Exc_ValueError, "'=' alignment not allowed in string format specifier");
    Py_ssize_t len = unicode_length(self);
    if (f.precision >= 0 && f.precision < len) len = f.precision;
    std::u32string body;
    for (Py_ssize_t i = 0; i < len; i++) body += static_cast<char32_t>(unicode_read_char(self, i));
    return pad_and_finish(body, f);
}

Ref<> long_format_spec(Object* self, Object* spec)
{
    if (!unicode_check(spec))
        return format_error(Exc_TypeError, "__format__() argument must be str, not %.200s", Py_TYPE(spec)->tp_name);
    if (unicode_length(spec) == 0) return object_str(self);
    FormatSpec f;
    if (!parse_spec(self, spec, 'd', '>', &f)) return nullptr;
    switch (f.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double d = long_as_double(self);
        if (d == -1.0 && error_occurred()) return nullptr;
        return format_float_value(self, d, f);
    }
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
    default: return unknown_code(f.type, self);
    }
    if (f.precision != -1) return format_error(Exc_ValueError, "Precision not allowed in integer format specifier");
    if (f.no_neg_0) return format_error(Exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
    if (f.type == 'c') {
        if (f.sign) return format_error(Exc_ValueError, "Sign not allowed with integer format specifier 'c'");
        if (f.alternate) return format_error(Exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
        long long x = long_as_long_long(self);
        if (x == -1 && error_occurred()) return nullptr;
        if (x < 0 || x > 0x10ffff) return format_error(Exc_OverflowError, "%%c arg not in range(0x110000)");
        return pad_and_finish(std::u32string(1, static_cast<char32_t>(x)), f);
    }
    int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
    Ref<> text = long_format(self, base, false);
    if (!text) return nullptr;
    std::string digits = unicode_to_std(text.get());
    bool negative = digits[0] == '-';
    if (negative) digits.erase(0, 1);
    if (f.type == 'X')
        for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::string prefix;
    if (f.alternate && base != 10) prefix.append(base == 2 ? "0b" : base == 8 ? "0o" : f.type == 'X' ? "0X" : "0x");
    return render_number(negative, prefix, digits, "", f, base == 10 ? 3 : 4);
}

namespace {

// The "" presentation with a precision: 'g' rules, except that exponent
// notation starts one digit earlier so that a ".0" always fits
// (format(123.456, '.3') == '1.23e+02', format(1.0, '.3') == '1.0').
std::string format_general_dot0(double v, int precision)
{
    if (precision == 0) precision = 1;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
    int exp10 = std::atoi(std::strchr(buf, 'e') + 1);
    int decpt = exp10 + 1;
    std::string s;
    if (decpt <= -4 || decpt > precision - 1) {
        std::string mant(buf, static_cast<std::size_t>(std::strchr(buf, 'e') - buf));
        if (mant.find('.') != std::string::npos) {
            while (mant.back() == '0') mant.pop_back();
            if (mant.back() == '.') mant.pop_back();
        }
        char e[16];
        std::snprintf(e, sizeof e, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
        return mant + e;
    }
    std::snprintf(buf, sizeof buf, "%.*f", precision - decpt, v);
    s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    if (s.find('.') == std::string::npos) s += ".0";
    return s;
}

// A formatted float split for rendering: the sign, the integer digits
// (which get grouped) and the rest (point, fraction, exponent). With 'z',
// a negative zero after rounding loses its sign.
struct FloatText {
    bool negative;
    std::string intpart, rest;
};

FloatText split_float_text(std::string s, double val, bool no_neg_0)
{
    FloatText t{s[0] == '-', {}, {}};
    if (t.negative) s.erase(0, 1);
    if (t.negative && no_neg_0 && s.find_first_of("123456789") == std::string::npos && std::isfinite(val))
        t.negative = false;
    std::size_t k = 0;
    while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) k++;
    t.intpart = s.substr(0, k);
    t.rest = s.substr(k);
    if (t.intpart.empty()) {
        t.intpart = s;  // inf / nan
        t.rest.clear();
    }
    return t;
}

Ref<> format_float_value(Object* obj, double val, FormatSpec f)
{
    Py_UCS4 type = f.type;
    if (type == 'r') return unknown_code(type, obj);  // internal to repr, not a spec code
    bool add_dot_0 = false;
    int default_precision = 6;
    if (type == 0) {
        add_dot_0 = true;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    bool add_pct = false;
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = true;
    }
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'r': break;
    default: return unknown_code(f.type, obj);
    }
    Py_ssize_t precision = f.precision;
    if (precision < 0) precision = default_precision;
    else if (type == 'r') type = 'g';
    if (precision > 0x7fffffff) return format_error(Exc_ValueError, "precision too big");
    std::string s = add_dot_0 && type == 'g' && std::isfinite(val) && !f.alternate
                        ? format_general_dot0(val, static_cast<int>(precision))
                        : double_to_string(val, static_cast<char>(type), static_cast<int>(precision), false, f.alternate,
                                           add_dot_0 && type != 'r');
    FloatText t = split_float_text(std::move(s), val, f.no_neg_0);
    if (add_pct) t.rest += "%";
    return render_number(t.negative, "", t.intpart, t.rest, f, 3);
}

// repr's digits without the ".0" float's repr adds ('r' without
// Py_DTSF_ADD_DOT_0); '#' keeps a point: "1.", "1.e+16".
std::string repr_digits(double v, bool alternate)
{
    std::string s = float_repr_string(v);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    if (alternate && std::isfinite(v) && s.find('.') == std::string::npos) {
        std::size_t e = s.find('e');
        s.insert(e == std::string::npos ? s.size() : e, ".");
    }
    return s;
}

// format_complex_internal: both parts in the float presentation, the
// imaginary one always signed when the real one is shown. No type means
// repr's form: shortest digits, parentheses unless the real part is +0.
// Zero padding and '=' have no meaning for a pair and are refused.
Ref<> format_complex_value(Object* obj, double re, double im, const FormatSpec& f)
{
    if (f.fill_char == '0') return format_error(Exc_ValueError, "Zero padding is not allowed in complex format specifier");
    if (f.align == '=')
        return format_error(Exc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
    Py_UCS4 type = f.type;
    if (type == 'r') return unknown_code(type, obj);  // internal to repr, not a spec code
    Py_ssize_t precision = f.precision, default_precision = 6;
    bool skip_re = false, add_parens = false;
    if (type == 0) {
        type = 'r';
        default_precision = 0;
        if (re == 0.0 && std::copysign(1.0, re) == 1.0) skip_re = true;
        else add_parens = true;
    }
    if (type == 'n') type = 'g';
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'r': break;
    default: return unknown_code(f.type, obj);
    }
    if (precision < 0) precision = default_precision;
    else if (type == 'r') type = 'g';
    if (precision > 0x7fffffff) return format_error(Exc_ValueError, "precision too big");
    auto part = [&](double v, bool force_sign) {
        FloatText t = split_float_text(type == 'r' ? repr_digits(v, f.alternate)
                                                   : double_to_string(v, static_cast<char>(type), static_cast<int>(precision),
                                                                      false, f.alternate, false),
                                       v, f.no_neg_0);
        std::string sign = t.negative ? "-" : force_sign || f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
        return sign + group_digits(t.intpart, f.thousands, 3, 0) + t.rest;
    };
    std::string body = add_parens ? "(" : "";
    if (!skip_re) body += part(re, false);
    body += part(im, !skip_re) + "j";
    if (add_parens) body += ")";
    return pad_and_finish(widen(body), f);
}

}  // namespace

Ref<> complex_repr_format(Object* self)
{
    Py_complex c = static_cast<ComplexObject*>(self)->cval;
    return format_complex_value(self, c.real, c.imag, FormatSpec{});
}

Ref<> complex_format_spec(Object* self, Object* spec)
{
    if (!unicode_check(spec))
        return format_error(Exc_TypeError, "__format__() argument must be str, not %.200s", Py_TYPE(spec)->tp_name);
    if (unicode_length(spec) == 0) return object_str(self);
    FormatSpec f;
    if (!parse_spec(self, spec, 0, '>', &f)) return nullptr;
    Py_complex c = static_cast<ComplexObject*>(self)->cval;
    return format_complex_value(self, c.real, c.imag, f);
}

Ref<> float_format_spec(Object* self, Object* spec)
{
    if (!unicode_check(spec))
        return format_error(Exc_TypeError, "__format__() argument must be str, not %.200s", Py_TYPE(spec)->tp_name);
    if (unicode_length(spec) == 0) return object_str(self);
    FormatSpec f;
    if (!parse_spec(self, spec, 0, '>', &f)) return nullptr;
    return format_float_value(self, float_value(self), f);
}

}  // namespace minipy::runtime
