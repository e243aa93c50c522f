// complexobject.cpp: the complex type.
// Mirrors CPython 3.11 Objects/complexobject.c (_Py_c_* arithmetic, repr,
// hash). Book chapter 11.
#include "minipy/runtime/complexobject.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include <strings.h>

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyhash.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_format.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

Ref<> complex_from_doubles(double real, double imag)
{
    Ref<ComplexObject> c = object_new<ComplexObject>(&Complex_Type);
    if (!c) return nullptr;
    c->cval = {real, imag};
    return c;
}

namespace {

Py_complex c_prod(Py_complex a, Py_complex b) { return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real}; }

// _Py_c_quot: Smith's method, scaling by the larger component of b.
Py_complex c_quot(Py_complex a, Py_complex b, int* err)
{
    *err = 0;
    double abs_breal = std::fabs(b.real), abs_bimag = std::fabs(b.imag);
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            *err = EDOM;
            return {0, 0};
        }
        double ratio = b.imag / b.real, denom = b.real + b.imag * ratio;
        return {(a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom};
    }
    if (abs_bimag >= abs_breal) {
        double ratio = b.real / b.imag, denom = b.real * ratio + b.imag;
        return {(a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom};
    }
    return {NAN, NAN};
}

Py_complex c_pow(Py_complex a, Py_complex b, int* err)
{
    *err = 0;
    if (b.real == 0. && b.imag == 0.) return {1., 0.};
    if (a.real == 0. && a.imag == 0.) {
        if (b.imag != 0. || b.real < 0.) *err = EDOM;
        return {0., 0.};
    }
    double vabs = std::hypot(a.real, a.imag);
    double len = std::pow(vabs, b.real);
    double at = std::atan2(a.imag, a.real);
    double phase = at * b.real;
    if (b.imag != 0.0) {
        len /= std::exp(at * b.imag);
        phase += b.imag * std::log(vabs);
    }
    // CPython sees errno == EDOM here (glibc's cos/sin of an infinite
    // angle) and raises ZeroDivisionError; errno is not reliable once the
    // compiler inlines the math, so test the cause directly.
    if (std::isinf(phase)) *err = EDOM;
    return {len * std::cos(phase), len * std::sin(phase)};
}

// c_powi: small integer exponents by repeated squaring (more accurate).
Py_complex c_powu(Py_complex x, long n)
{
    Py_complex r{1., 0.}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) r = c_prod(r, p);
        p = c_prod(p, p);
    }
    return r;
}

Ref<> pow_result(Py_complex a, Py_complex b)
{
    int err;
    Py_complex r;
    if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0) {
        long n = static_cast<long>(b.real);
        if (n > 0) r = c_powu(a, n), err = 0;
        else r = c_quot({1.0, 0.0}, c_powu(a, -n), &err);
    } else {
        r = c_pow(a, b, &err);
    }
    if (err == EDOM) return format_error(Exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (std::isinf(r.real) || std::isinf(r.imag)) return format_error(Exc_OverflowError, "complex exponentiation");
    return complex_from_doubles(r.real, r.imag);
}

enum class Conv { Ok, NotImpl, Error };
Conv to_complex(Object* o, Py_complex* out)
{
    if (complex_check(o)) {
        *out = static_cast<ComplexObject*>(o)->cval;
        return Conv::Ok;
    }
    if (float_check(o)) {
        *out = {float_value(o), 0.0};
        return Conv::Ok;
    }
    if (long_check(o)) {
        double d = long_as_double(o);
        if (d == -1.0 && error_occurred()) return Conv::Error;
        *out = {d, 0.0};
        return Conv::Ok;
    }
    return Conv::NotImpl;
}

#define CONVERT_BOTH(v, w, a, b)                               \
    Py_complex a, b;                                           \
    {                                                          \
        Conv c1 = to_complex(v, &a);                           \
        if (c1 == Conv::NotImpl) return not_implemented_ref(); \
        if (c1 == Conv::Error) return nullptr;                 \
        Conv c2 = to_complex(w, &b);                           \
        if (c2 == Conv::NotImpl) return not_implemented_ref(); \
        if (c2 == Conv::Error) return nullptr;                 \
    }

Ref<> complex_add(Object* v, Object* w)
{
    CONVERT_BOTH(v, w, a, b);
    return complex_from_doubles(a.real + b.real, a.imag + b.imag);
}
Ref<> complex_sub(Object* v, Object* w)
{
    CONVERT_BOTH(v, w, a, b);
    return complex_from_doubles(a.real - b.real, a.imag - b.imag);
}
Ref<> complex_mul(Object* v, Object* w)
{
    CONVERT_BOTH(v, w, a, b);
    Py_complex r = c_prod(a, b);
    return complex_from_doubles(r.real, r.imag);
}
Ref<> complex_div(Object* v, Object* w)
{
    CONVERT_BOTH(v, w, a, b);
    int err;
    Py_complex r = c_quot(a, b, &err);
    if (err) return format_error(Exc_ZeroDivisionError, "complex division by zero");
    return complex_from_doubles(r.real, r.imag);
}
Ref<> complex_pow(Object* v, Object* w, Object* z)
{
    if (z != Py_None()) return format_error(Exc_ValueError, "complex modulo");
    CONVERT_BOTH(v, w, a, b);
    return pow_result(a, b);
}
Py_complex cval(Object* o) { return static_cast<ComplexObject*>(o)->cval; }
Ref<> complex_neg(Object* v) { return complex_from_doubles(-cval(v).real, -cval(v).imag); }
Ref<> complex_pos(Object* v) { return complex_from_doubles(cval(v).real, cval(v).imag); }
Ref<> complex_abs(Object* v)
{
    Py_complex c = cval(v);
    double r = std::hypot(c.real, c.imag);
    if (std::isinf(r) && std::isfinite(c.real) && std::isfinite(c.imag))
        return format_error(Exc_OverflowError, "absolute value too large");
    return float_from_double(r);
}
int complex_bool(Object* v) { return cval(v).real != 0.0 || cval(v).imag != 0.0; }

// repr is format(z, "") without the str() shortcut: formatter_unicode.cpp.
Ref<> complex_repr(Object* v) { return complex_repr_format(v); }

Py_hash_t complex_hash(Object* v)
{
    Py_complex c = cval(v);
    Py_uhash_t hashreal = static_cast<Py_uhash_t>(hash_double(v, c.real));
    Py_uhash_t hashimag = static_cast<Py_uhash_t>(hash_double(v, c.imag));
    Py_uhash_t combined = hashreal + static_cast<Py_uhash_t>(PyHASH_IMAG) * hashimag;
    auto r = static_cast<Py_hash_t>(combined);
    return r == -1 ? -2 : r;
}

Ref<> complex_richcompare(Object* v, Object* w, int op)
{
    if (op != Py_EQ && op != Py_NE) return not_implemented_ref();
    Py_complex a = cval(v);
    bool equal;
    if (long_check(w) || float_check(w)) {
        // Compare the real part exactly through float's comparison.
        if (a.imag != 0.0) equal = false;
        else {
            Ref<> re = float_from_double(a.real);
            Ref<> r = object_rich_compare(re.get(), w, Py_EQ);
            if (!r) return nullptr;
            equal = r.get() == Py_True();
        }
    } else if (complex_check(w)) {
        Py_complex b = cval(w);
        equal = a.real == b.real && a.imag == b.imag;
    } else {
        return not_implemented_ref();
    }
    return bool_from_long(equal == (op == Py_EQ));
}

Ref<> complex_conjugate(Object* self, Object*) { return complex_from_doubles(cval(self).real, -cval(self).imag); }

// complex.__complex__: an exact complex of the same value.
Ref<> complex_complex(Object* self, Object*)
{
    if (Py_TYPE(self) == &Complex_Type) return new_ref(self);
    return complex_from_doubles(cval(self).real, cval(self).imag);
}
Ref<> complex_getnewargs(Object* self, Object*)
{
    Ref<> re = float_from_double(cval(self).real), im = float_from_double(cval(self).imag);
    if (!re || !im) return nullptr;
    return tuple_pack({re.get(), im.get()});
}
Ref<> complex_format(Object* self, Object* spec) { return complex_format_spec(self, spec); }

MethodDef complex_methods[] = {
    method_noargs("conjugate", complex_conjugate, "Return the complex conjugate of its argument."),
    method_noargs("__complex__", complex_complex, "Convert complex to a complex."),
    method_noargs("__getnewargs__", complex_getnewargs),
    method_o("__format__", complex_format, "Convert to a string according to format_spec."),
    {},
};
// real and imag are READONLY T_DOUBLE members, as in complexobject.c
// (so assigning one says "readonly attribute").
MemberDef complex_members[] = {
    {"real", T_DOUBLE, offsetof(ComplexObject, cval) + offsetof(Py_complex, real), READONLY,
     "the real part of a complex number"},
    {"imag", T_DOUBLE, offsetof(ComplexObject, cval) + offsetof(Py_complex, imag), READONLY,
     "the imaginary part of a complex number"},
    {},
};

// --- complex(str) (complex_from_string_inner) --------------------------------

bool ascii_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

// The length of the longest prefix of [p, end) that float() reads as a
// number (PyOS_string_to_double with an end pointer): [sign] digits [.
// digits] [e [sign] digits], or [sign] inf/infinity/nan. 0 when none.
std::size_t scan_float(const char* p, const char* end)
{
    const char* q = p;
    if (q < end && (*q == '+' || *q == '-')) q++;
    for (const char* word : {"infinity", "inf", "nan"}) {
        std::size_t n = std::strlen(word);
        if (static_cast<std::size_t>(end - q) >= n && strncasecmp(q, word, n) == 0)
            return static_cast<std::size_t>(q + n - p);
    }
    const char* digits = q;
    while (q < end && ascii_digit(*q)) q++;
    bool any = q > digits;
    if (q < end && *q == '.') {
        const char* frac = ++q;
        while (q < end && ascii_digit(*q)) q++;
        any = any || q > frac;
    }
    if (!any) return 0;
    if (q < end && (*q == 'e' || *q == 'E')) {
        const char* e = q + 1;
        if (e < end && (*e == '+' || *e == '-')) e++;
        if (e < end && ascii_digit(*e)) {
            while (e < end && ascii_digit(*e)) e++;
            q = e;
        }
    }
    return static_cast<std::size_t>(q - p);
}

double parse_double(const char* p, std::size_t n) { return std::strtod(std::string(p, n).c_str(), nullptr); }

// <float> | <float>j | <float><signed-float>j, optionally in parentheses,
// plus the old forms <float><sign>j, <sign>j and j; spaces around.
Ref<> complex_from_string(Object* text)
{
    Py_ssize_t len;
    const char* utf8 = unicode_as_utf8(text, &len);
    if (!utf8) return nullptr;
    std::string str(utf8, static_cast<std::size_t>(len));
    // Underscores only between digits (_Py_string_to_number_with_underscores).
    if (str.find('_') != std::string::npos) {
        std::string plain;
        for (std::size_t i = 0; i < str.size(); i++) {
            if (str[i] != '_') {
                plain += str[i];
                continue;
            }
            if (i == 0 || i + 1 == str.size() || !ascii_digit(str[i - 1]) || !ascii_digit(str[i + 1]))
                return format_error(Exc_ValueError, "could not convert string to complex: %R", text);
        }
        str = plain;
    }
    const char* s = str.data();
    const char* end = s + str.size();
    auto malformed = [] { return format_error(Exc_ValueError, "complex() arg is a malformed string"); };
    double x = 0.0, y = 0.0;
    while (s < end && ascii_space(*s)) s++;
    bool bracket = s < end && *s == '(';
    if (bracket) {
        s++;
        while (s < end && ascii_space(*s)) s++;
    }
    if (std::size_t n = scan_float(s, end)) {
        double z = parse_double(s, n);
        s += n;
        if (s < end && (*s == '+' || *s == '-')) {
            x = z;
            if (std::size_t m = scan_float(s, end)) {
                y = parse_double(s, m);
                s += m;
            } else {
                y = *s++ == '+' ? 1.0 : -1.0;
            }
            if (s == end || (*s != 'j' && *s != 'J')) return malformed();
            s++;
        } else if (s < end && (*s == 'j' || *s == 'J')) {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        y = 1.0;
        if (s < end && (*s == '+' || *s == '-')) y = *s++ == '+' ? 1.0 : -1.0;
        if (s == end || (*s != 'j' && *s != 'J')) return malformed();
        s++;
    }
    while (s < end && ascii_space(*s)) s++;
    if (bracket) {
        if (s == end || *s != ')') return malformed();
        s++;
        while (s < end && ascii_space(*s)) s++;
    }
    if (s != end) return malformed();
    return complex_from_doubles(x, y);
}

// complex(real=0, imag=0): argv[i] null when the argument is absent.
Ref<> complex_new_exact(Object* args, Object* kwds)
{
    Py_ssize_t npos = tuple_size(args);
    if (!check_positional("complex", npos, 0, 2)) return nullptr;
    Object* argv[2] = {npos > 0 ? tuple_item(args, 0) : nullptr, npos > 1 ? tuple_item(args, 1) : nullptr};
    if (kwds) {
        Py_ssize_t pos = 0;
        Object *key, *value;
        while (dict_next(kwds, &pos, &key, &value)) {
            int k = unicode_check(key) && unicode_equal_to_ascii(key, "real") ? 0
                    : unicode_check(key) && unicode_equal_to_ascii(key, "imag") ? 1 : -1;
            if (k < 0) return format_error(Exc_TypeError, "'%S' is an invalid keyword argument for complex()", key);
            if (k < npos)
                return format_error(Exc_TypeError, "argument for complex() given by name ('%s') and position (%d)",
                                    k ? "imag" : "real", k + 1);
            argv[k] = value;
        }
    }
    bool has_imag = argv[1] != nullptr;
    Py_complex a{0, 0}, b{0, 0};
    bool is_complex[2] = {false, false};
    for (int i = 0; i < 2; i++) {
        Object* o = argv[i];
        if (!o) continue;
        Py_complex& dst = i == 0 ? a : b;
        is_complex[i] = complex_check(o) || type_lookup(Py_TYPE(o), intern_id("__complex__"));
        if (unicode_check(o)) {
            if (i == 1) return format_error(Exc_TypeError, "complex() second arg can't be a string");
            if (has_imag) return format_error(Exc_TypeError, "complex() can't take second arg if first is a string");
            return complex_from_string(o);
        }
        if (is_complex[i] && !complex_check(o)) {
            // try_complex_special_method: __complex__ must give a complex.
            Ref<> c = call_method(o, "__complex__");
            if (!c) return nullptr;
            if (!complex_check(c.get()))
                return format_error(Exc_TypeError, "__complex__ returned non-complex (type %.200s)", Py_TYPE(c.get())->tp_name);
            dst = cval(c.get());
            continue;
        }
        if (to_complex(o, &dst) != Conv::Ok) {
            if (error_occurred()) return nullptr;
            // A number is what has __float__ or __index__ (bytes, which
            // float() also parses, is not).
            NumberMethods* nb = Py_TYPE(o)->tp_as_number;
            if (!nb || (!nb->nb_float && !nb->nb_index))
                return format_error(Exc_TypeError, i == 0 ? "complex() first argument must be a string or a number, not '%.200s'"
                                                          : "complex() second argument must be a number, not '%.200s'",
                                    Py_TYPE(o)->tp_name);
            Ref<> f = number_float(o);
            if (!f) return nullptr;
            dst = {float_value(f.get()), 0.0};
        }
    }
    // As complex_new_impl: only complex parts mix, so that the sign of a
    // zero imaginary part survives (complex(1.5, -0.0) is (1.5-0j)).
    double real = a.real, imag = has_imag ? b.real : a.imag;
    if (is_complex[1]) real -= b.imag;
    if (is_complex[0] && has_imag) imag += a.imag;
    return complex_from_doubles(real, imag);
}

// A subclass gets its own instance with the value computed for complex
// (complex_subtype_from_doubles in Objects/complexobject.c).
Ref<> complex_new(TypeObject* type, Object* args, Object* kwds)
{
    Ref<> c = complex_new_exact(args, kwds);
    if (!c || type == &Complex_Type) return c;
    Ref<ComplexObject> sub = steal_ref(static_cast<ComplexObject*>(object_alloc_raw(type, 0)));
    if (!sub) return nullptr;
    sub->cval = cval(c.get());
    return sub;
}

NumberMethods complex_as_number = [] {
    NumberMethods nb{};
    nb.nb_add = complex_add;
    nb.nb_subtract = complex_sub;
    nb.nb_multiply = complex_mul;
    nb.nb_power = complex_pow;
    nb.nb_negative = complex_neg;
    nb.nb_positive = complex_pos;
    nb.nb_absolute = complex_abs;
    nb.nb_bool = complex_bool;
    nb.nb_true_divide = complex_div;
    return nb;
}();

}  // namespace

Py_complex complex_quot(Py_complex a, Py_complex b, int* err) { return c_quot(a, b, err); }

Ref<> complex_pow_doubles(double ar, double ai, double br, double bi) { return pow_result({ar, ai}, {br, bi}); }

TypeObject Complex_Type = [] {
    TypeObject t = static_type("complex", sizeof(ComplexObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MATCH_SELF,
                               "complex(real=0, imag=0)\n--\n\nCreate a complex number from a real part and an optional imaginary part.");
    t.tp_dealloc = object_generic_dealloc;
    t.tp_repr = complex_repr;
    t.tp_as_number = &complex_as_number;
    t.tp_hash = complex_hash;
    t.tp_getattro = object_generic_get_attr;
    t.tp_richcompare = complex_richcompare;
    t.tp_methods = complex_methods;
    t.tp_members = complex_members;
    t.tp_new = complex_new;
    return t;
}();

}  // namespace minipy::runtime
