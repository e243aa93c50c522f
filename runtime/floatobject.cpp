// floatobject.cpp: float, an IEEE 754 binary64 value.
// Mirrors CPython 3.11 Objects/floatobject.c, with the repr and parsing of
// Python/pystrtod.c (PyOS_double_to_string, PyOS_string_to_double).
// Book chapter 11.
//
// repr is the shortest string that reads back to the same double
// (std::to_chars gives the digits; Python's layout rules are applied here):
// exponent notation when the decimal point position is < -4 or > 16,
// otherwise fixed notation with at least one digit after the point.
#include "minipy/runtime/floatobject.h"

#include <algorithm>
#include <cfloat>
#include <climits>
#include <cstdio>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyhash.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_format.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

Ref<> complex_from_doubles(double real, double imag);  // complexobject.cpp
Ref<> complex_pow_doubles(double ar, double ai, double br, double bi);

Ref<> float_from_double(double v)
{
    Ref<FloatObject> f = object_new<FloatObject>(&Float_Type);
    if (!f) return nullptr;
    f->ob_fval = v;
    return f;
}

// PyFloat_AsDouble: __float__, else __index__; never parses a str.
double float_as_double(Object* op)
{
    if (float_check(op)) return float_value(op);
    const NumberMethods* nb = Py_TYPE(op)->tp_as_number;
    if (!nb || (!nb->nb_float && !nb->nb_index)) {
        format_error(Exc_TypeError, "must be real number, not %.50s", Py_TYPE(op)->tp_name);
        return -1.0;
    }
    Ref<> f = nb->nb_float ? number_float(op) : nullptr;
    if (!nb->nb_float) {
        Ref<> i = number_index(op);
        return i ? long_as_double(i.get()) : -1.0;
    }
    return f ? float_value(f.get()) : -1.0;
}

// --- repr and formatting --------------------------------------------------------

namespace {

// Shortest round-trip digits and decimal exponent: v = 0.DIGITS * 10**decpt.
void shortest_digits(double v, std::string* digits, int* decpt)
{
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(v), std::chars_format::scientific);
    std::string s(buf, res.ptr);
    std::size_t e = s.find('e');
    std::string mant = s.substr(0, e);
    int exp10 = std::stoi(s.substr(e + 1));
    digits->clear();
    for (char c : mant)
        if (c != '.') *digits += c;
    while (digits->size() > 1 && digits->back() == '0') digits->pop_back();
    *decpt = exp10 + 1;
}

std::string exponent_suffix(int exp10)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    return buf;
}

}  // namespace

std::string float_repr_string(double v)
{
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    std::string sign = std::signbit(v) ? "-" : "";
    if (v == 0) return sign + "0.0";
    std::string digits;
    int decpt;
    shortest_digits(v, &digits, &decpt);
    int nd = static_cast<int>(digits.size());
    if (decpt <= -4 || decpt > 16) {
        std::string out = sign + digits.substr(0, 1);
        if (nd > 1) out += "." + digits.substr(1);
        return out + exponent_suffix(decpt - 1);
    }
    std::string out = sign;
    if (decpt <= 0) {
        out += "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
    } else if (decpt >= nd) {
        out += digits + std::string(static_cast<std::size_t>(decpt - nd), '0') + ".0";
    } else {
        out += digits.substr(0, static_cast<std::size_t>(decpt)) + "." + digits.substr(static_cast<std::size_t>(decpt));
    }
    return out;
}

std::string double_to_string(double v, char code, int precision, bool always_sign, bool alternate,
                             bool add_dot_0_if_integer)
{
    std::string out;
    if (std::isnan(v) || std::isinf(v)) {
        out = std::isnan(v) ? "nan" : "inf";
        if (std::isupper(static_cast<unsigned char>(code))) out = std::isnan(v) ? "NAN" : "INF";
        if (std::signbit(v) && !std::isnan(v)) out = "-" + out;
        else if (always_sign) out = "+" + out;
        return out;
    }
    if (code == 'r') {
        out = float_repr_string(v);
        // Py_DTSF_ALT ('#'): the mantissa always has a point ("1.e+16").
        if (alternate && out.find('.') == std::string::npos) {
            std::size_t e = out.find('e');
            out.insert(e == std::string::npos ? out.size() : e, ".");
        }
    } else {
        char fmt[16];
        char buf[512];
        std::snprintf(fmt, sizeof fmt, "%%%s.%d%c", alternate ? "#" : "", precision, code);
        std::vector<char> big;
        int n = std::snprintf(buf, sizeof buf, fmt, v);
        if (n >= static_cast<int>(sizeof buf)) {
            big.resize(static_cast<std::size_t>(n) + 1);
            std::snprintf(big.data(), big.size(), fmt, v);
            out.assign(big.data(), static_cast<std::size_t>(n));
        } else {
            out.assign(buf, static_cast<std::size_t>(n));
        }
        // Python's 'g' without '#' never leaves a bare trailing point, and
        // add_dot_0_if_integer turns "1" into "1.0" (format(1.0, '.3')).
        if (add_dot_0_if_integer && out.find_first_of(".eEnN") == std::string::npos) out += ".0";
        else if (add_dot_0_if_integer) {
            std::size_t e = out.find_first_of("eE");
            std::string mant = out.substr(0, e);
            if (mant.find('.') == std::string::npos && e != std::string::npos) {
                // Scientific without a point: leave as CPython does ("1e+20").
            }
        }
    }
    if (always_sign && out[0] != '-') out = "+" + out;
    return out;
}

// --- Parsing --------------------------------------------------------------------

namespace {

// PyFloat_FromString's parse of the ASCII text s; text is the argument
// float() was given, shown by the ValueError.
Ref<> float_from_ascii(std::string s, Object* text);

}  // namespace

Ref<> float_from_string(Object* text)
{
    std::string s;
    if (bytes_check(text) || bytearray_check(text)) {
        // Bytes are read as ASCII: no Unicode digits or spaces, and any
        // other byte fails the parse.
        std::string_view v = bytes_check(text) ? bytes_view(text) : bytearray_view(text);
        for (char c : v) s += static_cast<unsigned char>(c) < 128 && c != '\0' ? c : '?';
        return float_from_ascii(std::move(s), text);
    }
    // Unicode digits and spaces map to ASCII as for int().
    for (Py_ssize_t i = 0; i < unicode_length(text); i++) {
        Py_UCS4 ch = unicode_read_char(text, i);
        int d = ch < 128 ? -1 : unicode_todecimal(ch);
        if (d >= 0) s += static_cast<char>('0' + d);
        else if (ch >= 128 && unicode_isspace(ch)) s += ' ';
        else if (ch < 128) s += static_cast<char>(ch);
        else s += '?';
    }
    return float_from_ascii(std::move(s), text);
}

namespace {

Ref<> float_from_ascii(std::string s, Object* text)
{
    auto fail = [&]() -> std::nullptr_t {
        return format_error(Exc_ValueError, "could not convert string to float: %R", text);
    };
    std::size_t b = s.find_first_not_of(" \t\n\v\f\r");
    if (b == std::string::npos) return fail();
    std::size_t e = s.find_last_not_of(" \t\n\v\f\r");
    s = s.substr(b, e - b + 1);
    // Underscores only between digits.
    std::string clean;
    for (std::size_t i = 0; i < s.size(); i++) {
        if (s[i] == '_') {
            if (i == 0 || i + 1 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i - 1])) ||
                !std::isdigit(static_cast<unsigned char>(s[i + 1])))
                return fail();
            continue;
        }
        clean += s[i];
    }
    bool negative = false;
    std::size_t i = 0;
    if (i < clean.size() && (clean[i] == '+' || clean[i] == '-')) negative = clean[i++] == '-';
    std::string body = clean.substr(i);
    std::string lower;
    for (char c : body) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    double v;
    if (lower == "inf" || lower == "infinity") v = HUGE_VAL;
    else if (lower == "nan") v = std::nan("");
    else {
        if (body.empty() || body.find_first_of("(xXpP") != std::string::npos || lower.rfind("in", 0) == 0 ||
            lower.rfind("na", 0) == 0 || body[0] == '+' || body[0] == '-')
            return fail();
        auto res = std::from_chars(body.data(), body.data() + body.size(), v, std::chars_format::general);
        if (res.ec == std::errc::result_out_of_range) {
            // Overflow gives inf, underflow 0 (strtod's answers, as CPython).
            v = std::strtod(body.c_str(), nullptr);
        } else if (res.ec != std::errc() || res.ptr != body.data() + body.size()) {
            return fail();
        }
    }
    return float_from_double(negative ? -v : v);
}

}  // namespace

// --- Arithmetic -------------------------------------------------------------------

namespace {

// CONVERT_TO_DOUBLE: floats and ints take part; anything else passes.
enum class Conv { Ok, NotImpl, Error };
Conv to_double(Object* o, double* out)
{
    if (float_check(o)) {
        *out = float_value(o);
        return Conv::Ok;
    }
    if (long_check(o)) {
        *out = long_as_double(o);
        if (*out == -1.0 && error_occurred()) return Conv::Error;
        return Conv::Ok;
    }
    return Conv::NotImpl;
}

#define CONVERT_BOTH(v, w, a, b)                               \
    double a, b;                                               \
    {                                                          \
        Conv c1 = to_double(v, &a);                            \
        if (c1 == Conv::NotImpl) return not_implemented_ref(); \
        if (c1 == Conv::Error) return nullptr;                 \
        Conv c2 = to_double(w, &b);                            \
        if (c2 == Conv::NotImpl) return not_implemented_ref(); \
        if (c2 == Conv::Error) return nullptr;                 \
    }

Ref<> float_add(Object* v, Object* w)
{
    CONVERT_BOTH(v, w, a, b);
    return float_from_double(a + b);
}
Ref<> float_sub(Object* v, Object* w)
{
    CONVERT_BOTH(v, w, a, b);
    return float_from_double(a - b);
}
Ref<> float_mul(Object* v, Object* w)
{
    CONVERT_BOTH(v, w, a, b);
    return float_from_double(a * b);
}
Ref<> float_div(Object* v, Object* w)
{
    CONVERT_BOTH(v, w, a, b);
    if (b == 0.0) return format_error(Exc_ZeroDivisionError, "float division by zero");
    return float_from_double(a / b);
}

Ref<> float_rem(Object* v, Object* w)
{
    CONVERT_BOTH(v, w, vx, wx);
    if (wx == 0.0) return format_error(Exc_ZeroDivisionError, "float modulo");
    double mod = std::fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0)) mod += wx;
    } else {
        mod = std::copysign(0.0, wx);
    }
    return float_from_double(mod);
}

// _float_div_mod: floor division and modulo consistent with each other.
void float_divmod_values(double vx, double wx, double* floordiv, double* mod)
{
    *mod = std::fmod(vx, wx);
    double div = (vx - *mod) / wx;
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = std::copysign(0.0, wx);
    }
    if (div) {
        *floordiv = std::floor(div);
        if (div - *floordiv > 0.5) *floordiv += 1.0;
    } else {
        *floordiv = std::copysign(0.0, vx / wx);
    }
}

Ref<> float_divmod(Object* v, Object* w)
{
    CONVERT_BOTH(v, w, vx, wx);
    if (wx == 0.0) return format_error(Exc_ZeroDivisionError, "float divmod()");
    double fd, mod;
    float_divmod_values(vx, wx, &fd, &mod);
    Ref<> a = float_from_double(fd), b = float_from_double(mod);
    if (!a || !b) return nullptr;
    return tuple_pack({a.get(), b.get()});
}

Ref<> float_floor_div(Object* v, Object* w)
{
    CONVERT_BOTH(v, w, vx, wx);
    if (wx == 0.0) return format_error(Exc_ZeroDivisionError, "float floor division by zero");
    double fd, mod;
    float_divmod_values(vx, wx, &fd, &mod);
    return float_from_double(fd);
}

bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

Ref<> float_pow(Object* v, Object* w, Object* z)
{
    if (z != Py_None())
        return format_error(Exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    CONVERT_BOTH(v, w, iv, iw);
    if (iw == 0) return float_from_double(1.0);
    if (std::isnan(iv)) return float_from_double(iv == 1.0 ? 1.0 : iv);
    if (std::isnan(iw)) return float_from_double(iv == 1.0 ? 1.0 : iw);
    if (std::isinf(iw)) {
        iv = std::fabs(iv);
        if (iv == 1.0) return float_from_double(1.0);
        if ((iw > 0.0) == (iv > 1.0)) return float_from_double(std::fabs(iw));
        return float_from_double(0.0);
    }
    if (std::isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) return float_from_double(odd ? iv : std::fabs(iv));
        return float_from_double(odd ? std::copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0) return format_error(Exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_from_double(odd ? iv : 0.0);
    }
    bool negate_result = false;
    if (iv < 0.0) {
        // A negative base with a fractional exponent has a complex result.
        if (iw != std::floor(iw)) return complex_pow_doubles(iv, 0.0, iw, 0.0);
        iv = -iv;
        negate_result = is_odd_integer(iw);
    }
    if (iv == 1.0) return float_from_double(negate_result ? -1.0 : 1.0);
    double ix = std::pow(iv, iw);
    if (std::isinf(ix)) {
        Ref<> args = nullptr;
        Ref<> code = long_from_long(34);
        Ref<> msg = unicode_from_string("Numerical result out of range");
        if (code && msg) args = tuple_pack({code.get(), msg.get()});
        if (args) set_error_object(Exc_OverflowError, args.get());
        return nullptr;
    }
    return float_from_double(negate_result ? -ix : ix);
}

Ref<> float_neg(Object* v) { return float_from_double(-float_value(v)); }
Ref<> float_pos(Object* v) { return float_from_double(float_value(v)); }
Ref<> float_abs(Object* v) { return float_from_double(std::fabs(float_value(v))); }
int float_bool(Object* v) { return float_value(v) != 0.0; }
Ref<> float_float(Object* v)
{
    if (float_check_exact(v)) return new_ref(v);
    return float_from_double(float_value(v));
}
Ref<> float_trunc(Object* v) { return long_from_double(float_value(v)); }

Ref<> float_repr(Object* v) { return unicode_from_ascii(float_repr_string(float_value(v))); }

Py_hash_t float_hash(Object* v) { return hash_double(v, float_value(v)); }

// Exact comparison with ints of any size (float_richcompare).
Ref<> float_richcompare(Object* v, Object* w, int op)
{
    if (!float_check(v)) return not_implemented_ref();
    double i = float_value(v);
    auto result = [&](double a, double b) {
        bool r = op == Py_LT ? a < b : op == Py_LE ? a <= b : op == Py_EQ ? a == b : op == Py_NE ? a != b : op == Py_GT ? a > b : a >= b;
        return bool_from_long(r);
    };
    if (float_check(w)) return result(i, float_value(w));
    if (!long_check(w)) return not_implemented_ref();
    if (!std::isfinite(i)) return result(i, 0.0);  // inf/nan compare like against any finite
    auto* lw = static_cast<LongObject*>(w);
    int vsign = i == 0.0 ? 0 : i < 0.0 ? -1 : 1;
    int wsign = long_sign(lw);
    if (vsign != wsign) return result(static_cast<double>(vsign), static_cast<double>(wsign));
    Py_ssize_t nbits = long_num_bits(lw);
    if (nbits <= 48) return result(i, long_as_double(w));
    // Compare exponents first: |v| < 2**exponent, |w| >= 2**(nbits-1).
    int exponent;
    std::frexp(i, &exponent);
    if (exponent < 0 || exponent < nbits) return result(1.0 * vsign, 2.0 * vsign);
    if (exponent > nbits) return result(2.0 * vsign, 1.0 * vsign);
    // Same exponent: compare integral parts as ints, the fraction breaks ties.
    double intpart;
    double fracpart = std::modf(i, &intpart);
    Ref<> vv = long_from_double(intpart);
    if (!vv) return nullptr;
    Ref<> ww = new_ref(w);
    if (fracpart != 0.0) {
        Ref<> one = long_from_long(1);
        vv = number_lshift(vv.get(), one.get());
        if (!vv) return nullptr;
        vv = number_or(vv.get(), one.get());
        ww = number_lshift(w, one.get());
        if (!vv || !ww) return nullptr;
    }
    int c = long_compare(static_cast<LongObject*>(vv.get()), static_cast<LongObject*>(ww.get()));
    return result(static_cast<double>(c), 0.0);
}

// --- Methods ------------------------------------------------------------------

Ref<> float_is_integer(Object* self, Object*)
{
    double x = float_value(self);
    if (!std::isfinite(x)) return new_ref(Py_False());
    return bool_from_long(std::floor(x) == x);
}

Ref<> float_as_integer_ratio(Object* self, Object*)
{
    double x = float_value(self);
    if (std::isinf(x)) return format_error(Exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (std::isnan(x)) return format_error(Exc_ValueError, "cannot convert NaN to integer ratio");
    int exponent;
    double frac = std::frexp(x, &exponent);
    for (int k = 0; k < 300 && frac != std::floor(frac); k++) {
        frac *= 2.0;
        exponent--;
    }
    Ref<> num = long_from_double(frac);
    Ref<> den = long_from_long(1);
    if (!num || !den) return nullptr;
    Ref<> e = long_from_long(exponent < 0 ? -exponent : exponent);
    if (exponent > 0) num = number_lshift(num.get(), e.get());
    else den = number_lshift(den.get(), e.get());
    if (!num || !den) return nullptr;
    return tuple_pack({num.get(), den.get()});
}

Ref<> float_trunc_method(Object* self, Object*) { return float_trunc(self); }
Ref<> float_floor(Object* self, Object*) { return long_from_double(std::floor(float_value(self))); }
Ref<> float_ceil(Object* self, Object*) { return long_from_double(std::ceil(float_value(self))); }

Ref<> float_round_method(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("__round__", nargs, 0, 1)) return nullptr;
    double x = float_value(self);
    if (nargs == 0 || args[0] == Py_None()) {
        // Round half to even, then to int.
        double rounded = std::round(x);
        if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
        return long_from_double(rounded);
    }
    return float_round(x, args[0]);
}

Ref<> float_conjugate(Object* self, Object*) { return float_float(self); }
Ref<> float_format(Object* self, Object* spec) { return float_format_spec(self, spec); }
Ref<> float_getnewargs(Object* self, Object*)
{
    Ref<> f = float_from_double(float_value(self));
    if (!f) return nullptr;
    return tuple_pack({f.get()});
}
Ref<> float_get_real(Object* self, void*) { return float_float(self); }
Ref<> float_get_imag(Object*, void*) { return float_from_double(0.0); }

}  // namespace

// --- float.hex() and float.fromhex() (float_hex, float_fromhex) --------------
//
// The hexadecimal form is exact: 0x1.<13 hex digits>p<exponent>, the
// leading digit 1 for normal numbers and 0 for subnormals (exponent -1022).

namespace {

constexpr char hex_digits[] = "0123456789abcdef";

Ref<> float_hex(Object* self, Object*)
{
    double x = float_value(self);
    if (std::isnan(x) || std::isinf(x)) return float_repr(self);
    if (x == 0.0) return unicode_from_ascii(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = std::frexp(std::fabs(x), &e);
    // Normal numbers as 1.xxx * 2**(e-1); subnormals keep exponent -1022.
    int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
    m = std::ldexp(m, shift);
    e -= shift;
    std::string digits;
    digits += hex_digits[static_cast<int>(m)];
    m -= static_cast<int>(m);
    digits += '.';
    constexpr int nbits = DBL_MANT_DIG + 3 - (DBL_MANT_DIG + 2) % 4;  // 53: a whole number of hex digits after 1 bit
    for (int i = 0; i < (nbits - 1) / 4; i++) {
        m *= 16.0;
        digits += hex_digits[static_cast<int>(m)];
        m -= static_cast<int>(m);
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s0x%sp%c%d", x < 0.0 ? "-" : "", digits.c_str(), e < 0 ? '-' : '+',
                  e < 0 ? -e : e);
    return unicode_from_ascii(buf);
}

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Case-insensitive prefix test that advances p on success.
bool eat(const char*& p, const char* end, const char* word)
{
    std::size_t n = std::strlen(word);
    if (static_cast<std::size_t>(end - p) < n) return false;
    for (std::size_t i = 0; i < n; i++)
        if ((p[i] | 0x20) != word[i]) return false;
    p += n;
    return true;
}

// float.fromhex(string): [ws] [sign] ("inf" | "infinity" | "nan" |
// ["0x"] hexdigits ["." hexdigits] ["p" [sign] digits]) [ws], rounded
// half-even to the nearest double, as CPython's float_fromhex.
Ref<> float_fromhex_value(Object* string)
{
    Py_ssize_t length;
    const char* s = unicode_check(string) ? unicode_as_utf8(string, &length) : nullptr;
    if (!s) {
        if (!error_occurred()) (void)format_error(Exc_TypeError, "bad argument type for built-in operation");
        return nullptr;
    }
    const char* p = s;
    const char* end = s + length;
    auto parse_error = [] { return format_error(Exc_ValueError, "invalid hexadecimal floating-point string"); };
    auto overflow_error = [] {
        return format_error(Exc_OverflowError, "hexadecimal value too large to represent as a float");
    };
    while (p < end && ascii_space(*p)) p++;
    bool negate = false;
    if (p < end && (*p == '-' || *p == '+')) negate = *p++ == '-';
    double x;
    if (eat(p, end, "infinity") || eat(p, end, "inf")) {
        x = HUGE_VAL;
    } else if (eat(p, end, "nan")) {
        x = std::nan("");
    } else {
        if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') p += 2;
        // The coefficient's digits, most significant first, without the point.
        std::string digits;
        long fdigits = 0;
        while (p < end && hex_value(*p) >= 0) digits += *p++;
        if (p < end && *p == '.') {
            p++;
            while (p < end && hex_value(*p) >= 0) {
                digits += *p++;
                fdigits++;
            }
        }
        if (digits.empty()) return parse_error();
        long exp = 0;
        if (p < end && (*p | 0x20) == 'p') {
            p++;
            bool exp_negative = false;
            if (p < end && (*p == '-' || *p == '+')) exp_negative = *p++ == '-';
            if (p == end || *p < '0' || *p > '9') return parse_error();
            // Saturates like strtol: such exponents over- or underflow anyway.
            for (; p < end && *p >= '0' && *p <= '9'; p++) exp = exp > LONG_MAX / 20 ? LONG_MAX / 20 : exp * 10 + (*p - '0');
            if (exp_negative) exp = -exp;
        }
        if (digits.size() > static_cast<std::size_t>(INT_MAX / 4))
            return format_error(Exc_ValueError, "hexadecimal string too long to convert");
        // HEX_DIGIT(j): the j-th digit counting from the least significant.
        const auto total = static_cast<long>(digits.size());
        long ndigits = total;
        auto hex_digit = [&](long j) { return hex_value(digits[static_cast<std::size_t>(total - 1 - j)]); };
        while (ndigits > 0 && hex_digit(ndigits - 1) == 0) ndigits--;  // leading zeros
        x = 0.0;
        if (ndigits > 0 && exp >= LONG_MIN / 4) {
            exp -= 4 * fdigits;
            // top_exp: one more than the exponent of the coefficient's top bit.
            long top_exp = exp + 4 * (ndigits - 1);
            for (int d = hex_digit(ndigits - 1); d != 0; d /= 2) top_exp++;
            if (top_exp > DBL_MAX_EXP) return overflow_error();
            if (top_exp >= DBL_MIN_EXP - DBL_MANT_DIG) {
                // lsb: the exponent of the last bit the double keeps.
                long lsb = std::max(top_exp, static_cast<long>(DBL_MIN_EXP)) - DBL_MANT_DIG;
                if (exp >= lsb) {  // exact
                    for (long i = ndigits - 1; i >= 0; i--) x = 16.0 * x + hex_digit(i);
                    x = std::ldexp(x, static_cast<int>(exp));
                } else {
                    // key_digit holds the first bit rounded away (half_eps).
                    int half_eps = 1 << static_cast<int>((lsb - exp - 1) % 4);
                    long key_digit = (lsb - exp - 1) / 4;
                    for (long i = ndigits - 1; i > key_digit; i--) x = 16.0 * x + hex_digit(i);
                    int digit = hex_digit(key_digit);
                    x = 16.0 * x + static_cast<double>(digit & (16 - 2 * half_eps));
                    if (digit & half_eps) {
                        // Half-even: up when any lower bit is set or the kept
                        // last bit is odd.
                        bool round_up = (digit & (3 * half_eps - 1)) != 0 ||
                                        (half_eps == 8 && key_digit + 1 < ndigits && (hex_digit(key_digit + 1) & 1));
                        for (long i = key_digit - 1; !round_up && i >= 0; i--) round_up = hex_digit(i) != 0;
                        if (round_up) {
                            x += 2 * half_eps;
                            if (top_exp == DBL_MAX_EXP && x == std::ldexp(2.0 * half_eps, DBL_MANT_DIG))
                                return overflow_error();
                        }
                    }
                    x = std::ldexp(x, static_cast<int>(exp + 4 * key_digit));
                }
            }
        }
    }
    while (p < end && ascii_space(*p)) p++;
    if (p != end) return parse_error();
    return float_from_double(negate ? -x : x);
}

Ref<> float_fromhex(Object* type, Object* string)
{
    Ref<> result = float_fromhex_value(string);
    if (!result || type == &Float_Type) return result;
    Ref<> args = tuple_pack({result.get()});
    return args ? object_call(type, args.get(), nullptr) : nullptr;
}

}  // namespace

namespace {

// float.__getformat__(typestr): the C double and float formats, which
// are IEEE 754 little-endian on every platform minipy builds for.
Ref<> float_getformat(Object*, Object* typestr)
{
    if (!unicode_check(typestr))
        return format_error(Exc_TypeError, "__getformat__() argument must be str, not %.50s", Py_TYPE(typestr)->tp_name);
    if (!unicode_equal_to_ascii(typestr, "double") && !unicode_equal_to_ascii(typestr, "float"))
        return format_error(Exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return unicode_from_string("IEEE, little-endian");
}

MethodDef float_methods[] = {
    method_o("__getformat__", float_getformat, "You probably don't want to use this function.", METH_CLASS),
    method_noargs("conjugate", float_conjugate, "Return self, the complex conjugate of any float."),
    method_noargs("__trunc__", float_trunc_method, "Return the Integral closest to x between 0 and x."),
    method_noargs("__floor__", float_floor, "Return the floor as an Integral."),
    method_noargs("__ceil__", float_ceil, "Return the ceiling as an Integral."),
    method_fast("__round__", float_round_method, "Return the Integral closest to x, rounding half toward even."),
    method_noargs("as_integer_ratio", float_as_integer_ratio, "Return integer ratio."),
    method_noargs("is_integer", float_is_integer, "Return True if the float is an integer."),
    method_noargs("__getnewargs__", float_getnewargs),
    method_o("__format__", float_format, "Formats the float according to format_spec."),
    method_noargs("hex", float_hex, "Return a hexadecimal representation of a floating-point number."),
    method_o("fromhex", float_fromhex, "Create a floating-point number from a hexadecimal string.", METH_CLASS),
    {},
};

GetSetDef float_getsets[] = {
    {"real", float_get_real, nullptr, "the real part of a complex number", nullptr},
    {"imag", float_get_imag, nullptr, "the imaginary part of a complex number", nullptr},
    {},
};

Ref<> float_new(TypeObject* type, Object* args, Object* kwds)
{
    if (type == &Float_Type && !check_no_kwargs("float", kwds)) return nullptr;
    if (!check_positional("float", tuple_size(args), 0, 1)) return nullptr;
    Ref<> f = tuple_size(args) ? number_float(tuple_item(args, 0)) : float_from_double(0.0);
    if (!f || type == &Float_Type) return f;
    Ref<FloatObject> sub = steal_ref(static_cast<FloatObject*>(object_alloc_raw(type, 0)));
    if (!sub) return nullptr;
    sub->ob_fval = float_value(f.get());
    return sub;
}

NumberMethods float_as_number = [] {
    NumberMethods nb{};
    nb.nb_add = float_add;
    nb.nb_subtract = float_sub;
    nb.nb_multiply = float_mul;
    nb.nb_remainder = float_rem;
    nb.nb_divmod = float_divmod;
    nb.nb_power = float_pow;
    nb.nb_negative = float_neg;
    nb.nb_positive = float_pos;
    nb.nb_absolute = float_abs;
    nb.nb_bool = float_bool;
    nb.nb_int = float_trunc;
    nb.nb_float = float_float;
    nb.nb_floor_divide = float_floor_div;
    nb.nb_true_divide = float_div;
    return nb;
}();

}  // namespace

// round(x, ndigits): correctly rounded through the decimal string of x
// (glibc's printf rounds the exact binary value, ties to even, like dtoa).
Ref<> float_round(double x, Object* ndigits_obj)
{
    Py_ssize_t ndigits = number_as_ssize_t(ndigits_obj, nullptr);
    if (ndigits == -1 && error_occurred()) return nullptr;
    constexpr int NDIGITS_MAX = static_cast<int>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    constexpr int NDIGITS_MIN = -static_cast<int>((DBL_MAX_EXP + 1) * 0.30103);
    if (!std::isfinite(x) || x == 0.0) return float_from_double(x);
    if (ndigits > NDIGITS_MAX) return float_from_double(x);
    if (ndigits < NDIGITS_MIN) return float_from_double(0.0 * x);
    double rounded;
    if (ndigits >= 0) {
        std::vector<char> buf(static_cast<std::size_t>(ndigits) + 400);
        std::snprintf(buf.data(), buf.size(), "%.*f", static_cast<int>(ndigits), x);
        rounded = std::strtod(buf.data(), nullptr);
    } else {
        // Keep (decimal exponent + 1 + ndigits) significant digits.
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.17e", x);
        int exp10 = std::atoi(std::strchr(buf, 'e') + 1);
        int p = exp10 + static_cast<int>(ndigits);  // digits after the first one
        if (p >= 0) {
            std::vector<char> big(static_cast<std::size_t>(p) + 32);
            std::snprintf(big.data(), big.size(), "%.*e", p, x);
            rounded = std::strtod(big.data(), nullptr);
        } else if (p == -1) {
            double unit = std::pow(10.0, static_cast<double>(exp10 + 1));
            rounded = std::fabs(x) > unit / 2 ? std::copysign(unit, x) : 0.0 * x;
        } else {
            rounded = 0.0 * x;
        }
    }
    if (std::isinf(rounded)) return format_error(Exc_OverflowError, "rounded value too large to represent");
    return float_from_double(rounded);
}

TypeObject Float_Type = [] {
    TypeObject t = static_type("float", sizeof(FloatObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MATCH_SELF,
                               "float(x=0, /)\n--\n\nConvert a string or number to a floating point number, if possible.");
    t.tp_dealloc = object_generic_dealloc;
    t.tp_repr = float_repr;
    t.tp_as_number = &float_as_number;
    t.tp_hash = float_hash;
    t.tp_getattro = object_generic_get_attr;
    t.tp_richcompare = float_richcompare;
    t.tp_methods = float_methods;
    t.tp_getset = float_getsets;
    t.tp_new = float_new;
    return t;
}();

}  // namespace minipy::runtime
