// printf_format.cpp: printf-style formatting, `str % args` and
// `bytes % args` (and bytearray's), one engine for both.
// Mirrors CPython 3.11 PyUnicode_Format (Objects/unicodeobject.c) and
// _PyBytes_FormatEx (Objects/bytesobject.c), which implement the same
// algorithm twice; here the parsing of "%[(key)][flags][width][.prec]type",
// the argument walk, the numeric conversions (formatlong/formatfloat) and the
// padding are written once. Book chapter 11.
//
// The two callers differ only in what the text conversions mean (%s %r %a
// %c, and %b for bytes), in which args count as a mapping, in the wording of
// a few errors, and in the unit of the format: code points for str, bytes
// for bytes. The engine works on code points; a bytes format is widened
// byte by byte (0..255) and its output narrowed back.
//
// Argument walk (getnextarg): a tuple is consumed item by item. Any other
// args is one argument: arglen = -1 and argidx = -2, so the first fetch
// returns args itself and moves argidx to -1; a second fetch fails. At the
// end, argidx < arglen means something was left unconverted, unless args is
// a mapping (which may well have unused keys).
#include <cctype>
#include <climits>
#include <string>

#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_format.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

enum : unsigned { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

// PyNumber_Check: can it be converted to a number at all?
bool number_check(Object* o)
{
    const NumberMethods* nb = Py_TYPE(o)->tp_as_number;
    return (nb && (nb->nb_index || nb->nb_int || nb->nb_float)) || complex_check(o);
}

// _PyUnicode_FormatLong: sign, the "0x"/"0o"/"0X" prefix with '#', then
// the digits, zero-extended to `prec` digits.
bool format_long_digits(Object* num, bool alt, Py_ssize_t prec, Py_UCS4 type, std::string* out)
{
    int base = type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    Ref<> text = long_format(num, base, false);
    if (!text) return false;
    std::string digits = unicode_to_std(text.get());
    bool negative = digits[0] == '-';
    if (negative) digits.erase(0, 1);
    if (prec > static_cast<Py_ssize_t>(digits.size()))
        digits.insert(0, static_cast<std::size_t>(prec) - digits.size(), '0');
    std::string s = negative ? "-" : "";
    if (alt && base != 10) s += type == 'o' ? "0o" : "0x";
    s += digits;
    if (type == 'X')
        for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    *out = std::move(s);
    return true;
}

// formatlong: %d %i %u %o %x %X of an int, or of a number converted with
// int() (d i u) or __index__ (o x X).
bool format_long(Object* v, unsigned flags, Py_ssize_t prec, Py_UCS4 type, std::string* out)
{
    if (type == 'i' || type == 'u') type = 'd';
    if (long_check(v)) return format_long_digits(v, flags & F_ALT, prec, type, out);
    bool needs_index = type == 'o' || type == 'x' || type == 'X';
    if (number_check(v)) {
        Ref<> num = needs_index ? number_index(v) : number_long(v);
        if (num) return format_long_digits(num.get(), flags & F_ALT, prec, type, out);
        if (!error_matches(Exc_TypeError)) return false;
        error_clear();
    }
    format_error(Exc_TypeError, "%%%c format: %s is required, not %.200s", static_cast<int>(type),
                 needs_index ? "an integer" : "a real number", Py_TYPE(v)->tp_name);
    return false;
}

// formatfloat: %e %E %f %F %g %G.
bool format_float(Object* v, unsigned flags, Py_ssize_t prec, Py_UCS4 type, const PrintfKind& kind, std::string* out)
{
    double x = float_as_double(v);
    if (x == -1.0 && error_occurred()) {
        if (kind.float_error) {
            error_clear();
            format_error(Exc_TypeError, kind.float_error, Py_TYPE(v)->tp_name);
        }
        return false;
    }
    if (prec < 0) prec = 6;
    *out = double_to_string(x, static_cast<char>(type), static_cast<int>(prec), false, flags & F_ALT, false);
    return true;
}

struct Parser {
    std::u32string_view fmt;
    std::size_t pos = 0;
    bool at_end() const { return pos >= fmt.size(); }
    Py_UCS4 peek() const { return fmt[pos]; }
};

bool is_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }

}  // namespace

bool printf_format(std::u32string_view format, Object* args, const PrintfKind& kind, std::u32string* out)
{
    Py_ssize_t arglen = -1, argidx = -2;
    if (tuple_check(args)) {
        arglen = tuple_size(args);
        argidx = 0;
    }
    Object* dict = kind.is_mapping(args) ? args : nullptr;
    Ref<> mapped;  // the value of the last %(key), which becomes the args
    Object* cur_args = args;
    auto next_arg = [&]() -> Object* {
        if (argidx < arglen) {
            Py_ssize_t i = argidx++;
            return arglen < 0 ? cur_args : tuple_item(cur_args, i);
        }
        set_error(Exc_TypeError, "not enough arguments for format string");
        return nullptr;
    };
    Parser p{format};
    while (!p.at_end()) {
        Py_UCS4 ch = p.fmt[p.pos++];
        if (ch != '%') {
            out->push_back(static_cast<char32_t>(ch));
            continue;
        }
        if (p.at_end()) {
            set_error(Exc_ValueError, "incomplete format");
            return false;
        }
        if (p.peek() == '%') {
            out->push_back(U'%');
            p.pos++;
            continue;
        }
        if (p.peek() == '(') {
            if (!dict) {
                set_error(Exc_TypeError, "format requires a mapping");
                return false;
            }
            std::size_t keystart = ++p.pos;
            int pcount = 1;
            while (pcount > 0 && !p.at_end()) {
                Py_UCS4 k = p.fmt[p.pos++];
                if (k == ')') pcount--;
                else if (k == '(') pcount++;
            }
            if (pcount > 0) {
                set_error(Exc_ValueError, "incomplete format key");
                return false;
            }
            Ref<> key = kind.make_key(p.fmt.substr(keystart, p.pos - keystart - 1));
            if (!key) return false;
            mapped = object_get_item(dict, key.get());
            if (!mapped) return false;
            cur_args = mapped.get();
            arglen = -1;
            argidx = -2;
        }
        unsigned flags = 0;
        for (; !p.at_end(); p.pos++) {
            Py_UCS4 c = p.peek();
            if (c == '-') flags |= F_LJUST;
            else if (c == '+') flags |= F_SIGN;
            else if (c == ' ') flags |= F_BLANK;
            else if (c == '#') flags |= F_ALT;
            else if (c == '0') flags |= F_ZERO;
            else break;
        }
        // "*" takes the value from the arguments (an int, within `max`);
        // digits are bounded by `max` too, with `too_big` as the error.
        auto read_number = [&](Py_ssize_t max, const char* too_big, Py_ssize_t* out, bool* star) -> bool {
            *star = !p.at_end() && p.peek() == '*';
            if (*star) {
                p.pos++;
                Object* v = next_arg();
                if (!v) return false;
                if (!long_check(v)) {
                    set_error(Exc_TypeError, "* wants int");
                    return false;
                }
                long long n = long_as_long_long(v);
                if (n == -1 && error_occurred()) return false;
                if (n > max || n < -max) {
                    set_error(Exc_OverflowError, max == INT_MAX ? "Python int too large to convert to C int"
                                                                : "Python int too large to convert to C ssize_t");
                    return false;
                }
                *out = static_cast<Py_ssize_t>(n);
                return true;
            }
            while (!p.at_end() && is_digit(p.peek())) {
                int d = static_cast<int>(p.fmt[p.pos++] - '0');
                Py_ssize_t cur = *out < 0 ? 0 : *out;
                if (cur > (max - d) / 10) {
                    set_error(Exc_ValueError, too_big);
                    return false;
                }
                *out = cur * 10 + d;
            }
            return true;
        };
        Py_ssize_t width = -1, prec = -1;
        bool star;
        if (!read_number(PTRDIFF_MAX, "width too big", &width, &star)) return false;
        if (star && width < 0) {  // a negative * width means '-'
            flags |= F_LJUST;
            width = -width;
        }
        if (!p.at_end() && p.peek() == '.') {
            p.pos++;
            prec = 0;
            if (!read_number(INT_MAX, kind.prec_too_big, &prec, &star)) return false;
            if (prec < 0) prec = 0;
        }
        if (!p.at_end() && (p.peek() == 'h' || p.peek() == 'l' || p.peek() == 'L')) p.pos++;
        if (p.at_end()) {
            set_error(Exc_ValueError, "incomplete format");
            return false;
        }
        Py_UCS4 c = p.fmt[p.pos++];
        Object* v = next_arg();
        if (!v) return false;

        // Convert: text (no sign handling, space fill) or a number (sign,
        // '#' prefix and '0' fill apply).
        std::u32string text;
        bool numeric = false;
        switch (c) {
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            std::string s;
            bool ok = (c == 'e' || c == 'E' || c == 'f' || c == 'F' || c == 'g' || c == 'G')
                          ? format_float(v, flags, prec, c, kind, &s)
                          : format_long(v, flags, prec, c, &s);
            if (!ok) return false;
            text.assign(s.begin(), s.end());
            numeric = true;
            break;
        }
        default: {
            int r = kind.convert_text(v, c, prec, &text);
            if (r < 0) return false;
            if (r == 0) {
                kind.unsupported(c, static_cast<Py_ssize_t>(p.pos - 1));
                return false;
            }
        }
        }

        // The padding (shared by both of CPython's copies): the sign and the
        // "0x" prefix go before '0' fill and after ' ' fill.
        Py_UCS4 fill = numeric && (flags & F_ZERO) ? '0' : ' ';
        std::size_t b = 0, len = text.size();
        Py_UCS4 sign = 0;
        if (numeric) {
            if (text[0] == '-' || text[0] == '+') {
                sign = text[0];
                b++;
                len--;
            } else if (flags & F_SIGN) sign = '+';
            else if (flags & F_BLANK) sign = ' ';
        }
        Py_ssize_t w = std::max<Py_ssize_t>(width, static_cast<Py_ssize_t>(len));
        if (sign) {
            if (fill != ' ') out->push_back(static_cast<char32_t>(sign));
            if (w > static_cast<Py_ssize_t>(len)) w--;
        }
        bool prefix = numeric && (flags & F_ALT) && (c == 'o' || c == 'x' || c == 'X');
        if (prefix) {
            if (fill != ' ') {
                out->append(text, b, 2);
                b += 2;
            }
            w = std::max<Py_ssize_t>(w - 2, 0);
            len -= 2;
        }
        if (w > static_cast<Py_ssize_t>(len) && !(flags & F_LJUST)) {
            out->append(static_cast<std::size_t>(w) - len, static_cast<char32_t>(fill));
            w = static_cast<Py_ssize_t>(len);
        }
        if (fill == ' ') {
            if (sign) out->push_back(static_cast<char32_t>(sign));
            if (prefix) {
                out->append(text, b, 2);
                b += 2;
            }
        }
        out->append(text, b, len);
        if (w > static_cast<Py_ssize_t>(len)) out->append(static_cast<std::size_t>(w) - len, U' ');
        if (dict && argidx < arglen) {
            format_error(Exc_TypeError, "not all arguments converted during %s formatting", kind.what);
            return false;
        }
    }
    if (argidx < arglen && !dict) {
        format_error(Exc_TypeError, "not all arguments converted during %s formatting", kind.what);
        return false;
    }
    return true;
}

// --- str % args ------------------------------------------------------------------

namespace {

bool unicode_is_mapping(Object* args) { return mapping_check(args) && !tuple_check(args) && !unicode_check(args); }

Ref<> unicode_key(std::u32string_view key)
{
    return unicode_from_ucs4(reinterpret_cast<const Py_UCS4*>(key.data()), static_cast<Py_ssize_t>(key.size()));
}

void append_str(Object* s, Py_ssize_t prec, std::u32string* out)
{
    Py_ssize_t len = unicode_length(s);
    if (prec >= 0 && prec < len) len = prec;
    for (Py_ssize_t k = 0; k < len; k++) out->push_back(static_cast<char32_t>(unicode_read_char(s, k)));
}

// %s %r %a: str(), repr(), ascii(); %c: a one-character str or a code point.
int unicode_convert_text(Object* v, Py_UCS4 c, Py_ssize_t prec, std::u32string* out)
{
    if (c == 's' || c == 'r' || c == 'a') {
        Ref<> s = c == 's' ? object_str(v) : c == 'r' ? object_repr(v) : object_ascii(v);
        if (!s) return -1;
        append_str(s.get(), prec, out);
        return 1;
    }
    if (c != 'c') return 0;
    if (unicode_check(v)) {
        if (unicode_length(v) != 1) {
            set_error(Exc_TypeError, "%c requires int or char");
            return -1;
        }
        out->push_back(static_cast<char32_t>(unicode_read_char(v, 0)));
        return 1;
    }
    Ref<> num = index_check(v) ? number_index(v) : nullptr;
    if (!num) {
        if (!index_check(v) || error_matches(Exc_TypeError)) {
            error_clear();
            set_error(Exc_TypeError, "%c requires int or char");
        }
        return -1;
    }
    long long x = long_as_long_long(num.get());
    if (x == -1 && error_occurred()) {
        if (!error_matches(Exc_OverflowError)) return -1;
        error_clear();
        x = -1;
    }
    if (x < 0 || x > 0x10ffff) {
        set_error(Exc_OverflowError, "%c arg not in range(0x110000)");
        return -1;
    }
    out->push_back(static_cast<char32_t>(x));
    return 1;
}

void unicode_unsupported(Py_UCS4 c, Py_ssize_t index)
{
    format_error(Exc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                 c >= 32 && c <= 126 ? static_cast<int>(c) : '?', static_cast<unsigned>(c), index);
}

const PrintfKind unicode_printf_kind = {
    "string", "precision too big", nullptr, unicode_is_mapping, unicode_key, unicode_convert_text, unicode_unsupported,
};

}  // namespace

Ref<> unicode_printf_format(Object* format, Object* args)
{
    std::u32string fmt;
    Py_ssize_t n = unicode_length(format);
    fmt.reserve(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; i++) fmt.push_back(static_cast<char32_t>(unicode_read_char(format, i)));
    std::u32string out;
    if (!printf_format(fmt, args, unicode_printf_kind, &out)) return nullptr;
    return unicode_from_ucs4(reinterpret_cast<const Py_UCS4*>(out.data()), static_cast<Py_ssize_t>(out.size()));
}

}  // namespace minipy::runtime
