// mathmodule.cpp: the math module: libm's functions with Python's error
// rules, plus the exact integer functions (factorial, comb, perm, isqrt,
// gcd, lcm) and the accurate float sums (fsum, hypot, dist).
// Mirrors CPython 3.11 Modules/mathmodule.c. Book chapter 12, "The Standard
// Library".
//
// Design notes
// ------------
// * Errors follow C99 Annex F as CPython maps it: "invalid" and
//   "divide-by-zero" become ValueError("math domain error"), "overflow"
//   becomes OverflowError("math range error"), underflow returns a zero.
//   Wrappers (math_1, math_1a, math_2) look at the result's class and at
//   errno, exactly as CPython's do, so platform libm quirks hit the same
//   checks; is_error() ignores ERANGE for results below 1.5 in magnitude
//   (underflow, including expm1's underflow towards -1).
// * gamma and lgamma are CPython's own Lanczos approximation (N=13,
//   g=6.024680040776729583740234375), not glibc's tgamma/lgamma: their
//   last bits differ, and python3.11's reprs are the reference.
// * fsum keeps Shewchuk's list of non-overlapping partial sums and rounds
//   the final sum half-even across partials; hypot/dist scale by a power of
//   two, square with Veltkamp-Dekker splitting, sum with compensation and
//   correct the square root once (CPython 3.11's vector_norm), so results
//   match bit for bit.
// * The integer functions only need exact results; they work on Python
//   ints through the abstract number protocol, with machine-integer fast
//   paths where the values fit.
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "clinic_args.h"

namespace minipy::modules {

using namespace runtime;

namespace {

constexpr double PI = 3.141592653589793238462643383279502884197;
constexpr double LOGPI = 1.144729885849400174143427351353058711647;

bool is_nan(double x) { return std::isnan(x); }
bool is_inf(double x) { return std::isinf(x); }
bool is_finite(double x) { return std::isfinite(x); }


// PyFloat_AsDouble with the exact-type fast paths of ASSIGN_DOUBLE.
bool as_double(Object* obj, double* out)
{
    if (float_check_exact(obj)) {
        *out = float_value(obj);
        return true;
    }
    double v = long_check_exact(obj) ? long_as_double(obj) : float_as_double(obj);
    if (v == -1.0 && error_occurred()) return false;
    *out = v;
    return true;
}

// --- The error rules (math_1, math_1a, math_2, is_error) -------------------

// Called when errno != 0 after a libm call that returned x: sets the
// exception and returns true, or returns false for an ignorable underflow.
bool is_error(double x)
{
    if (errno == EDOM) {
        set_error(Exc_ValueError, "math domain error");
        return true;
    }
    if (errno == ERANGE) {
        if (std::fabs(x) < 1.5) return false;  // underflow: a zero (or -1 for expm1) is fine
        set_error(Exc_OverflowError, "math range error");
        return true;
    }
    format_error(Exc_ValueError, "%s", std::strerror(errno));
    return true;
}

// A libm function of one double whose errors are read from the result:
// nan from non-nan is invalid, inf from finite is overflow (can_overflow)
// or a singularity.
Ref<> math_1(Object* arg, double (*func)(double), bool can_overflow)
{
    double x = float_as_double(arg);
    if (x == -1.0 && error_occurred()) return nullptr;
    errno = 0;
    double r = func(x);
    if (is_nan(r) && !is_nan(x)) return format_error(Exc_ValueError, "math domain error");
    if (is_inf(r) && is_finite(x))
        return format_error(can_overflow ? Exc_OverflowError : Exc_ValueError,
                            can_overflow ? "math range error" : "math domain error");
    if (is_finite(r) && errno && is_error(r)) return nullptr;
    return float_from_double(r);
}

// For functions that set errno themselves (EDOM / ERANGE).
Ref<> math_1a(Object* arg, double (*func)(double))
{
    double x = float_as_double(arg);
    if (x == -1.0 && error_occurred()) return nullptr;
    errno = 0;
    double r = func(x);
    if (errno && is_error(r)) return nullptr;
    return float_from_double(r);
}

Ref<> math_2(Object* const* args, Py_ssize_t nargs, double (*func)(double, double), const char* name)
{
    if (!check_positional(name, nargs, 2, 2)) return nullptr;
    double x = float_as_double(args[0]);
    if (x == -1.0 && error_occurred()) return nullptr;
    double y = float_as_double(args[1]);
    if (y == -1.0 && error_occurred()) return nullptr;
    errno = 0;
    double r = func(x, y);
    if (is_nan(r)) errno = (!is_nan(x) && !is_nan(y)) ? EDOM : 0;
    else if (is_inf(r)) errno = (is_finite(x) && is_finite(y)) ? ERANGE : 0;
    if (errno && is_error(r)) return nullptr;
    return float_from_double(r);
}

// --- CPython's own real functions ---------------------------------------------

// sin(pi*x) accurate near integers, for the gamma reflection formula (x finite).
double m_sinpi(double x)
{
    double y = std::fmod(std::fabs(x), 2.0);
    int n = static_cast<int>(std::round(2.0 * y));
    double r = 0.0;
    switch (n) {
    case 0: r = std::sin(PI * y); break;
    case 1: r = std::cos(PI * (y - 0.5)); break;
    case 2: r = std::sin(PI * (1.0 - y)); break;  // not -sin(pi*(y-1)): keeps +0.0 at y == 1
    case 3: r = -std::cos(PI * (y - 1.5)); break;
    default: r = std::sin(PI * (y - 2.0)); break;
    }
    return std::copysign(1.0, x) * r;
}

// The Lanczos sum L_g(x) as a rational function (x > 0); the numerator
// and denominator coefficients are Boost's (N = 13).
constexpr int LANCZOS_N = 13;
constexpr double lanczos_g = 6.024680040776729583740234375;
constexpr double lanczos_g_minus_half = 5.524680040776729583740234375;
constexpr double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
// x*(x+1)*...*(x+LANCZOS_N-2) expanded.
constexpr double lanczos_den_coeffs[LANCZOS_N] = {0.0,      39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                                  45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                                  1925.0,     66.0,       1.0};
constexpr int NGAMMA_INTEGRAL = 23;
constexpr double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0,         1.0,          2.0,           6.0,            24.0,           120.0,
    720.0,       5040.0,       40320.0,       362880.0,       3628800.0,      39916800.0,
    479001600.0, 6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0,
    1124000727777607680000.0,
};

double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    // For large x, evaluate as a rational function of 1/x to avoid overflow.
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    }
    else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

double m_tgamma(double x)
{
    if (!is_finite(x)) {
        if (is_nan(x) || x > 0.0) return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return std::copysign(HUGE_VAL, x);
    }
    if (x == std::floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL) return gamma_integral[static_cast<int>(x) - 1];
    }
    double absx = std::fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (is_inf(r)) errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0) return 0.0 / m_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    // y = absx + g - 0.5 is rounded; z corrects pow(y, ..)/exp(y) for the
    // rounding error (the correction factor 1 + e*g/y). volatile keeps the
    // compiler from folding (y - absx) - (g - 0.5) to zero.
    volatile double y = absx + lanczos_g_minus_half;
    double z;
    if (absx > lanczos_g_minus_half) {
        volatile double q = y - absx;
        z = q - lanczos_g_minus_half;
    }
    else {
        volatile double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -PI / m_sinpi(absx) / absx * std::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= std::pow(y, absx - 0.5);
        }
        else {
            double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    }
    else {
        r = lanczos_sum(absx) / std::exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= std::pow(y, absx - 0.5);
        }
        else {
            double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (is_inf(r)) errno = ERANGE;
    return r;
}

double m_lgamma(double x)
{
    if (!is_finite(x)) return is_nan(x) ? x : HUGE_VAL;
    if (x == std::floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;  // a pole
            return HUGE_VAL;
        }
        return 0.0;  // lgamma(1) == lgamma(2) == 0
    }
    double absx = std::fabs(x);
    if (absx < 1e-20) return -std::log(absx);
    double r = std::log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (std::log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0) r = LOGPI - std::log(std::fabs(m_sinpi(absx))) - std::log(absx) - r;  // reflection
    if (is_inf(r)) errno = ERANGE;
    return r;
}

double m_atan2(double y, double x)
{
    if (is_nan(x) || is_nan(y)) return NAN;
    if (is_inf(y)) {
        if (is_inf(x)) return std::copysign(std::copysign(1., x) == 1. ? 0.25 * PI : 0.75 * PI, y);
        return std::copysign(0.5 * PI, y);
    }
    if (is_inf(x) || y == 0.) return std::copysign(std::copysign(1., x) == 1. ? 0. : PI, y);
    return std::atan2(y, x);
}

// IEEE 754 remainder: x - n*y with n the nearest integer to x/y (ties to
// even); always exact.
double m_remainder(double x, double y)
{
    if (is_finite(x) && is_finite(y)) {
        if (y == 0.0) return NAN;
        double absx = std::fabs(x), absy = std::fabs(y);
        double m = std::fmod(absx, absy);
        // Compare m with c = absy - m instead of 0.5*absy (which may not be
        // representable); c is exact whenever the comparison matters.
        double c = absy - m, r;
        if (m < c) r = m;
        else if (m > c) r = -c;
        else r = m - 2.0 * std::fmod(0.5 * (absx - m), absy);  // halfway: choose the even multiple
        return std::copysign(1.0, x) * r;
    }
    if (is_nan(x)) return x;
    if (is_nan(y)) return y;
    if (is_inf(x)) return NAN;
    return x;  // y infinite
}

double m_log(double x)
{
    if (is_finite(x)) {
        if (x > 0.0) return std::log(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (is_nan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
}

double m_log2(double x)
{
    if (!is_finite(x)) {
        if (is_nan(x) || x > 0.0) return x;
        errno = EDOM;
        return NAN;
    }
    if (x > 0.0) return std::log2(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

double m_log10(double x)
{
    if (is_finite(x)) {
        if (x > 0.0) return std::log10(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (is_nan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
}

double m_log1p(double x) { return x == 0.0 ? x : std::log1p(x); }  // keeps the sign of zero

// The libm functions as plain function pointers (the <cmath> overloads
// cannot be named directly).
double c_acos(double x) { return std::acos(x); }
double c_acosh(double x) { return std::acosh(x); }
double c_asin(double x) { return std::asin(x); }
double c_asinh(double x) { return std::asinh(x); }
double c_atan(double x) { return std::atan(x); }
double c_atanh(double x) { return std::atanh(x); }
double c_cbrt(double x) { return std::cbrt(x); }
double c_cos(double x) { return std::cos(x); }
double c_cosh(double x) { return std::cosh(x); }
double c_erf(double x) { return std::erf(x); }
double c_erfc(double x) { return std::erfc(x); }
double c_exp(double x) { return std::exp(x); }
double c_exp2(double x) { return std::exp2(x); }
double c_expm1(double x) { return std::expm1(x); }
double c_fabs(double x) { return std::fabs(x); }
double c_sin(double x) { return std::sin(x); }
double c_sinh(double x) { return std::sinh(x); }
double c_sqrt(double x) { return std::sqrt(x); }
double c_tan(double x) { return std::tan(x); }
double c_tanh(double x) { return std::tanh(x); }
double c_copysign(double x, double y) { return std::copysign(x, y); }

#define MATH_FUNC1(name, func, can_overflow) \
    Ref<> math_##name(Object*, Object* arg) { return math_1(arg, func, can_overflow); }
#define MATH_FUNC1A(name, func) \
    Ref<> math_##name(Object*, Object* arg) { return math_1a(arg, func); }
#define MATH_FUNC2(name, func) \
    Ref<> math_##name(Object*, Object* const* args, Py_ssize_t nargs) { return math_2(args, nargs, func, #name); }

MATH_FUNC1(acos, c_acos, false)
MATH_FUNC1(acosh, c_acosh, false)
MATH_FUNC1(asin, c_asin, false)
MATH_FUNC1(asinh, c_asinh, false)
MATH_FUNC1(atan, c_atan, false)
MATH_FUNC2(atan2, m_atan2)
MATH_FUNC1(atanh, c_atanh, false)
MATH_FUNC1(cbrt, c_cbrt, false)
MATH_FUNC2(copysign, c_copysign)
MATH_FUNC1(cos, c_cos, false)
MATH_FUNC1(cosh, c_cosh, true)
MATH_FUNC1A(erf, c_erf)
MATH_FUNC1A(erfc, c_erfc)
MATH_FUNC1(exp, c_exp, true)
MATH_FUNC1(exp2, c_exp2, true)
MATH_FUNC1(expm1, c_expm1, true)
MATH_FUNC1(fabs, c_fabs, false)
MATH_FUNC1A(gamma, m_tgamma)
MATH_FUNC1A(lgamma, m_lgamma)
MATH_FUNC1(log1p, m_log1p, false)
MATH_FUNC2(remainder, m_remainder)
MATH_FUNC1(sin, c_sin, false)
MATH_FUNC1(sinh, c_sinh, true)
MATH_FUNC1(sqrt, c_sqrt, false)
MATH_FUNC1(tan, c_tan, false)
MATH_FUNC1(tanh, c_tanh, false)

#undef MATH_FUNC1
#undef MATH_FUNC1A
#undef MATH_FUNC2

// --- Rounding to integers -----------------------------------------------------

// floor/ceil: floats round directly; anything else may define
// __floor__/__ceil__, else goes through float().
Ref<> round_to_integral(Object* number, const char* special, double (*round)(double))
{
    if (!float_check_exact(number)) {
        Ref<> method = lookup_special(number, special);
        if (method) return call_no_args(method.get());
        if (error_occurred()) return nullptr;
    }
    double x = float_as_double(number);
    if (x == -1.0 && error_occurred()) return nullptr;
    return long_from_double(round(x));
}

double c_floor(double x) { return std::floor(x); }
double c_ceil(double x) { return std::ceil(x); }
Ref<> math_floor(Object*, Object* number) { return round_to_integral(number, "__floor__", c_floor); }
Ref<> math_ceil(Object*, Object* number) { return round_to_integral(number, "__ceil__", c_ceil); }

Ref<> math_trunc(Object*, Object* x)
{
    if (float_check_exact(x)) return Float_Type.tp_as_number->nb_int(x);
    Ref<> method = lookup_special(x, "__trunc__");
    if (!method) {
        if (!error_occurred())
            format_error(Exc_TypeError, "type %.100s doesn't define __trunc__ method", Py_TYPE(x)->tp_name);
        return nullptr;
    }
    return call_no_args(method.get());
}

// --- Float decomposition ---------------------------------------------------------

Ref<> pack_double_pair(double a, double b)
{
    Ref<> x = float_from_double(a);
    if (!x) return nullptr;
    Ref<> y = float_from_double(b);
    if (!y) return nullptr;
    return tuple_pack({x.get(), y.get()});
}

Ref<> math_frexp(Object*, Object* arg)
{
    double x = float_as_double(arg);
    if (x == -1.0 && error_occurred()) return nullptr;
    int i = 0;
    if (!(is_nan(x) || is_inf(x) || !x)) x = std::frexp(x, &i);  // specials pass through with exponent 0
    Ref<> m = float_from_double(x);
    if (!m) return nullptr;
    Ref<> e = long_from_long(i);
    if (!e) return nullptr;
    return tuple_pack({m.get(), e.get()});
}

Ref<> math_ldexp(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("ldexp", nargs, 2, 2)) return nullptr;
    double x = float_as_double(args[0]);
    if (x == -1.0 && error_occurred()) return nullptr;
    if (!long_check(args[1])) return format_error(Exc_TypeError, "Expected an int as second argument to ldexp.");
    // An exponent beyond long long's range saturates: the result is
    // then an overflow or a zero anyway.
    int overflow = 0;
    long long exp = long_as_long_long_and_overflow(args[1], &overflow);
    if (exp == -1 && error_occurred()) return nullptr;
    if (overflow) exp = overflow < 0 ? LLONG_MIN : LLONG_MAX;
    double r;
    if (x == 0. || !is_finite(x)) {
        r = x;
        errno = 0;
    }
    else if (exp > INT_MAX) {
        r = std::copysign(HUGE_VAL, x);
        errno = ERANGE;
    }
    else if (exp < INT_MIN) {
        r = std::copysign(0., x);
        errno = 0;
    }
    else {
        errno = 0;
        r = std::ldexp(x, static_cast<int>(exp));
        if (is_inf(r)) errno = ERANGE;
    }
    if (errno && is_error(r)) return nullptr;
    return float_from_double(r);
}

Ref<> math_modf(Object*, Object* arg)
{
    double x = float_as_double(arg);
    if (x == -1.0 && error_occurred()) return nullptr;
    if (is_inf(x)) return pack_double_pair(std::copysign(0., x), x);
    if (is_nan(x)) return pack_double_pair(x, x);
    double ipart;
    double frac = std::modf(x, &ipart);
    return pack_double_pair(frac, ipart);
}

// --- Logarithms ----------------------------------------------------------------

// log, log2, log10 of ints of any size: an int too large for a double is
// split as x * 2**e first.
Ref<> loghelper(Object* arg, double (*func)(double))
{
    if (long_check(arg)) {
        if (static_cast<VarObject*>(arg)->ob_size <= 0) return format_error(Exc_ValueError, "math domain error");
        double x = long_as_double(arg);
        if (x == -1.0 && error_occurred()) {
            if (!error_matches(Exc_OverflowError)) return nullptr;
            error_clear();
            Py_ssize_t e = 0;
            x = long_frexp(static_cast<LongObject*>(arg), &e);
            if (x == -1.0 && error_occurred()) return nullptr;
            return float_from_double(func(x) + func(2.0) * static_cast<double>(e));
        }
        return float_from_double(func(x));
    }
    return math_1(arg, func, false);
}

Ref<> math_log(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) return format_error(Exc_TypeError, "math.log requires 1 to 2 arguments");
    Ref<> num = loghelper(args[0], m_log);
    if (!num || nargs == 1) return num;
    Ref<> den = loghelper(args[1], m_log);
    if (!den) return nullptr;
    return number_true_divide(num.get(), den.get());
}

Ref<> math_log2(Object*, Object* x) { return loghelper(x, m_log2); }
Ref<> math_log10(Object*, Object* x) { return loghelper(x, m_log10); }

// --- Two-argument float functions ------------------------------------------------

bool two_doubles(const char* name, Object* const* args, Py_ssize_t nargs, double* x, double* y)
{
    if (!check_positional(name, nargs, 2, 2)) return false;
    *x = float_as_double(args[0]);
    if (*x == -1.0 && error_occurred()) return false;
    *y = float_as_double(args[1]);
    return !(*y == -1.0 && error_occurred());
}

Ref<> math_fmod(Object*, Object* const* args, Py_ssize_t nargs)
{
    double x, y;
    if (!two_doubles("fmod", args, nargs, &x, &y)) return nullptr;
    if (is_inf(y) && is_finite(x)) return float_from_double(x);  // fmod(x, +-inf) == x
    errno = 0;
    double r = std::fmod(x, y);
    if (is_nan(r)) errno = (!is_nan(x) && !is_nan(y)) ? EDOM : 0;
    if (errno && is_error(r)) return nullptr;
    return float_from_double(r);
}

// pow has its own wrapper: an infinite result is a ValueError for 0**-n
// but an OverflowError for a finite overflow.
Ref<> math_pow(Object*, Object* const* args, Py_ssize_t nargs)
{
    double x, y, r = 0.;
    if (!two_doubles("pow", args, nargs, &x, &y)) return nullptr;
    if (!is_finite(x) || !is_finite(y)) {
        errno = 0;
        if (is_nan(x)) {
            r = y == 0. ? 1. : x;  // nan**0 == 1
        }
        else if (is_nan(y)) {
            r = x == 1. ? 1. : y;  // 1**nan == 1
        }
        else if (is_inf(x)) {
            bool odd_y = is_finite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
            if (y > 0.) r = odd_y ? x : std::fabs(x);
            else if (y == 0.) r = 1.;
            else r = odd_y ? std::copysign(0., x) : 0.;
        }
        else {  // y infinite
            if (std::fabs(x) == 1.0) r = 1.;
            else if (y > 0. && std::fabs(x) > 1.0) r = y;
            else if (y < 0. && std::fabs(x) < 1.0) r = -y;
            else r = 0.;
        }
    }
    else {
        errno = 0;
        r = std::pow(x, y);
        if (!is_finite(r)) {
            if (is_nan(r)) errno = EDOM;  // negative ** non-integer
            else errno = x == 0. ? EDOM : ERANGE;  // 0 ** negative, or overflow
        }
    }
    if (errno && is_error(r)) return nullptr;
    return float_from_double(r);
}

Ref<> math_nextafter(Object*, Object* const* args, Py_ssize_t nargs)
{
    double x, y;
    if (!two_doubles("nextafter", args, nargs, &x, &y)) return nullptr;
    return float_from_double(std::nextafter(x, y));
}

Ref<> math_ulp(Object*, Object* arg)
{
    double x = float_as_double(arg);
    if (x == -1.0 && error_occurred()) return nullptr;
    if (is_nan(x)) return float_from_double(x);
    x = std::fabs(x);
    if (is_inf(x)) return float_from_double(x);
    double x2 = std::nextafter(x, HUGE_VAL);
    if (is_inf(x2)) {  // x is the largest finite float: measure downwards
        x2 = std::nextafter(x, -HUGE_VAL);
        return float_from_double(x - x2);
    }
    return float_from_double(x2 - x);
}

Ref<> math_degrees(Object*, Object* arg)
{
    double x = float_as_double(arg);
    if (x == -1.0 && error_occurred()) return nullptr;
    return float_from_double(x * (180.0 / PI));
}

Ref<> math_radians(Object*, Object* arg)
{
    double x = float_as_double(arg);
    if (x == -1.0 && error_occurred()) return nullptr;
    return float_from_double(x * (PI / 180.0));
}

Ref<> float_predicate(Object* arg, bool (*pred)(double))
{
    double x = float_as_double(arg);
    if (x == -1.0 && error_occurred()) return nullptr;
    return bool_from_long(pred(x));
}
Ref<> math_isfinite(Object*, Object* arg) { return float_predicate(arg, is_finite); }
Ref<> math_isnan(Object*, Object* arg) { return float_predicate(arg, is_nan); }
Ref<> math_isinf(Object*, Object* arg) { return float_predicate(arg, is_inf); }

Ref<> math_isclose(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[4];
    if (!parse_clinic_args("isclose", args, nargs, kwnames, {"a", "b", "rel_tol", "abs_tol"}, 2, 2, a)) return nullptr;
    double x, y, rel_tol = 1e-09, abs_tol = 0.0;
    if (!as_double(a[0], &x) || !as_double(a[1], &y)) return nullptr;
    if (a[2] && !as_double(a[2], &rel_tol)) return nullptr;
    if (a[3] && !as_double(a[3], &abs_tol)) return nullptr;
    if (rel_tol < 0.0 || abs_tol < 0.0) return format_error(Exc_ValueError, "tolerances must be non-negative");
    if (x == y) return bool_from_long(1);  // also two infinities of the same sign
    if (is_inf(x) || is_inf(y)) return bool_from_long(0);
    double diff = std::fabs(y - x);
    // Boost's "weak" test: close relative to either value, or absolutely.
    return bool_from_long(diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) || diff <= abs_tol);
}

// --- Accurate sums ----------------------------------------------------------------

Ref<> math_fsum(Object*, Object* seq)
{
    Ref<> iter = object_get_iter(seq);
    if (!iter) return nullptr;
    // partials: non-zero, non-special, non-overlapping, increasing in magnitude.
    std::vector<double> p;
    double special_sum = 0.0, inf_sum = 0.0;
    volatile double hi, yr, lo = 0.0;  // volatile: no algebraic folding, no extended precision
    for (;;) {
        Ref<> item = iter_next(iter.get());
        if (!item) {
            if (error_occurred()) return nullptr;
            break;
        }
        double x;
        if (!as_double(item.get(), &x)) return nullptr;
        double xsave = x;
        std::size_t i = 0;
        for (std::size_t j = 0; j < p.size(); j++) {
            double y = p[j];
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        p.resize(i);
        if (x != 0.0) {
            if (!is_finite(x)) {
                // From an inf/nan summand, or from overflow of finite ones.
                if (is_finite(xsave))
                    return format_error(Exc_OverflowError, "intermediate overflow in fsum");
                if (is_inf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                p.clear();
            }
            else {
                p.push_back(x);
            }
        }
    }
    if (special_sum != 0.0) {
        if (is_nan(inf_sum)) return format_error(Exc_ValueError, "-inf + inf in fsum");
        return float_from_double(special_sum);
    }
    hi = 0.0;
    std::size_t n = p.size();
    if (n > 0) {
        hi = p[--n];
        // Add from the top while the sum stays exact.
        while (n > 0) {
            double x = hi;
            double y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        // Half-even rounding across partials: if the rest pushes the same
        // way as lo, the rounded hi may need one more ulp.
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    return float_from_double(hi);
}

// sqrt(sum(x**2 for x in vec)) for |x| <= max, nearly always correctly
// rounded (CPython 3.11's vector_norm; see the design notes).
double vector_norm(Py_ssize_t n, const double* vec, double max, bool found_nan)
{
    const double T27 = 134217729.0;  // 2**27 + 1: the Veltkamp-Dekker splitter
    if (is_inf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    int max_e;
    std::frexp(max, &max_e);
    double x, t, hi, lo, h, oldcsum;
    // csum starts at 1.0 so that |csum| >= every addend (a branch-free
    // Neumaier summation); the 1.0 is subtracted at the end.
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
    if (max_e >= -1023) {
        double scale = std::ldexp(1.0, -max_e);
        for (Py_ssize_t i = 0; i < n; i++) {
            x = vec[i] * scale;
            t = x * T27;
            hi = t - (t - x);
            lo = x - hi;
            x = hi * hi;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
            x = 2.0 * hi * lo;
            oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;
            frac3 += lo * lo;
        }
        h = std::sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
        // Differential correction: one Newton step on h**2 == sum.
        x = h;
        t = x * T27;
        hi = t - (t - x);
        lo = x - hi;
        x = -hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
        x = -2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;
        x = -lo * lo;
        oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;
        x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // Subnormal max: 2**-max_e would overflow, so divide by max instead.
    for (Py_ssize_t i = 0; i < n; i++) {
        x = vec[i] / max;
        x = x * x;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
    }
    return max * std::sqrt(csum - 1.0 + frac1);
}

Ref<> math_hypot(Object*, Object* const* args, Py_ssize_t nargs)
{
    std::vector<double> coords(static_cast<std::size_t>(nargs));
    double max = 0.0;
    bool found_nan = false;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        double x;
        if (!as_double(args[i], &x)) return nullptr;
        x = std::fabs(x);
        coords[static_cast<std::size_t>(i)] = x;
        found_nan |= is_nan(x);
        if (x > max) max = x;
    }
    return float_from_double(vector_norm(nargs, coords.data(), max, found_nan));
}

Ref<> math_dist(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("dist", nargs, 2, 2)) return nullptr;
    Ref<> p = tuple_check(args[0]) ? new_ref(args[0]) : sequence_tuple(args[0]);
    if (!p) return nullptr;
    Ref<> q = tuple_check(args[1]) ? new_ref(args[1]) : sequence_tuple(args[1]);
    if (!q) return nullptr;
    Py_ssize_t n = tuple_size(p.get());
    if (n != tuple_size(q.get()))
        return format_error(Exc_ValueError, "both points must have the same number of dimensions");
    std::vector<double> diffs(static_cast<std::size_t>(n));
    double max = 0.0;
    bool found_nan = false;
    for (Py_ssize_t i = 0; i < n; i++) {
        double px, qx;
        if (!as_double(tuple_item(p.get(), i), &px) || !as_double(tuple_item(q.get(), i), &qx)) return nullptr;
        double x = std::fabs(px - qx);
        diffs[static_cast<std::size_t>(i)] = x;
        found_nan |= is_nan(x);
        if (x > max) max = x;
    }
    return float_from_double(vector_norm(n, diffs.data(), max, found_nan));
}

// --- prod -----------------------------------------------------------------------

Ref<> math_prod(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2];
    if (!parse_clinic_args("prod", args, nargs, kwnames, {"", "start"}, 1, 1, a)) return nullptr;
    Ref<> iter = object_get_iter(a[0]);
    if (!iter) return nullptr;
    Ref<> result = a[1] ? new_ref(a[1]) : long_from_long(1);
    if (!result) return nullptr;
    // CPython's fast paths (machine ints, then doubles) give the same
    // values as the generic multiplication used here.
    for (;;) {
        Ref<> item = iter_next(iter.get());
        if (!item) return error_occurred() ? nullptr : result;
        result = number_multiply(result.get(), item.get());
        if (!result) return nullptr;
    }
}

// --- Exact integer functions --------------------------------------------------------

bool is_negative(Object* v) { return static_cast<VarObject*>(v)->ob_size < 0; }
bool is_zero(Object* v) { return static_cast<VarObject*>(v)->ob_size == 0; }

// The product lo * (lo+1) * ... * hi (lo <= hi), split in halves so that
// the multiplications are balanced.
Ref<> range_product(unsigned long long lo, unsigned long long hi)
{
    if (hi - lo < 8) {
        // Fits in 64 bits while the operands do: multiply in machine
        // integers until it would overflow.
        Ref<> acc = long_from_unsigned(1);
        unsigned long long part = 1;
        for (unsigned long long i = lo;; i++) {
            unsigned long long next;
            if (__builtin_mul_overflow(part, i, &next)) {
                Ref<> pv = long_from_unsigned(part);
                if (!pv) return nullptr;
                acc = number_multiply(acc.get(), pv.get());
                if (!acc) return nullptr;
                part = i;
            }
            else {
                part = next;
            }
            if (i == hi) break;
        }
        Ref<> pv = long_from_unsigned(part);
        if (!pv) return nullptr;
        return number_multiply(acc.get(), pv.get());
    }
    unsigned long long mid = lo + (hi - lo) / 2;
    Ref<> left = range_product(lo, mid);
    if (!left) return nullptr;
    Ref<> right = range_product(mid + 1, hi);
    if (!right) return nullptr;
    return number_multiply(left.get(), right.get());
}

Ref<> math_factorial(Object*, Object* arg)
{
    Ref<> n = number_index(arg);
    if (!n) return nullptr;
    int overflow = 0;
    long long x = long_as_long_long_and_overflow(n.get(), &overflow);
    if (x == -1 && error_occurred()) return nullptr;
    if (overflow == 1)
        return format_error(Exc_OverflowError, "factorial() argument should not exceed %lld", LLONG_MAX);
    if (overflow == -1 || x < 0) return format_error(Exc_ValueError, "factorial() not defined for negative values");
    if (x < 2) return long_from_long(1);
    return range_product(1, static_cast<unsigned long long>(x));
}

// Both arguments of comb/perm as exact ints with CPython's checks.
bool comb_perm_args(Object* n_arg, Object* k_arg, Ref<>* n, Ref<>* k)
{
    *n = number_index(n_arg);
    if (!*n) return false;
    *k = number_index(k_arg);
    if (!*k) return false;
    if (is_negative(n->get())) {
        set_error(Exc_ValueError, "n must be a non-negative integer");
        return false;
    }
    if (is_negative(k->get())) {
        set_error(Exc_ValueError, "k must be a non-negative integer");
        return false;
    }
    return true;
}

// n * (n-1) * ... * (n-k+1) for an int n >= k >= 0; when comb, divides by
// k! as it goes (each partial quotient is a binomial coefficient, exact).
Ref<> falling_product(Object* n, long long k, bool comb)
{
    Ref<> result = long_from_long(1);
    if (!result) return nullptr;
    Ref<> factor = new_ref(n);
    Ref<> one = long_from_long(1);
    if (!one) return nullptr;
    for (long long i = 1; i <= k; i++) {
        result = number_multiply(result.get(), factor.get());
        if (!result) return nullptr;
        if (comb) {
            Ref<> d = long_from_long(i);
            if (!d) return nullptr;
            result = number_floor_divide(result.get(), d.get());
            if (!result) return nullptr;
        }
        factor = number_subtract(factor.get(), one.get());
        if (!factor) return nullptr;
    }
    return result;
}

Ref<> math_perm(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("perm", nargs, 1, 2)) return nullptr;
    if (nargs == 1 || args[1] == Py_None()) return math_factorial(self, args[0]);
    Ref<> n, k;
    if (!comb_perm_args(args[0], args[1], &n, &k)) return nullptr;
    if (long_compare(static_cast<LongObject*>(n.get()), static_cast<LongObject*>(k.get())) < 0)
        return long_from_long(0);
    int overflow = 0;
    long long ki = long_as_long_long_and_overflow(k.get(), &overflow);
    if (overflow) return format_error(Exc_OverflowError, "k must not exceed %lld", LLONG_MAX);
    if (ki == -1 && error_occurred()) return nullptr;
    return falling_product(n.get(), ki, false);
}

Ref<> math_comb(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("comb", nargs, 2, 2)) return nullptr;
    Ref<> n, k;
    if (!comb_perm_args(args[0], args[1], &n, &k)) return nullptr;
    Ref<> n_minus_k = number_subtract(n.get(), k.get());
    if (!n_minus_k) return nullptr;
    if (is_negative(n_minus_k.get())) return long_from_long(0);
    // comb(n, k) == comb(n, n-k): use the smaller.
    if (long_compare(static_cast<LongObject*>(n_minus_k.get()), static_cast<LongObject*>(k.get())) < 0)
        k = n_minus_k;
    int overflow = 0;
    long long ki = long_as_long_long_and_overflow(k.get(), &overflow);
    if (overflow) return format_error(Exc_OverflowError, "min(n - k, k) must not exceed %lld", LLONG_MAX);
    if (ki == -1 && error_occurred()) return nullptr;
    return falling_product(n.get(), ki, true);
}

// Integer square root: Newton's iteration at doubling precision (the
// recursion of CPython's isqrt, done on Python ints), then a final
// correction.
Ref<> math_isqrt(Object*, Object* arg)
{
    Ref<> n = number_index(arg);
    if (!n) return nullptr;
    if (is_negative(n.get())) return format_error(Exc_ValueError, "isqrt() argument must be nonnegative");
    if (is_zero(n.get())) return long_from_long(0);
    Py_ssize_t bits = long_num_bits(static_cast<LongObject*>(n.get()));
    Py_ssize_t c = (bits - 1) / 2;
    // a approximates sqrt(n >> 2*(c - d)) within 1 at every step.
    Ref<> a = long_from_long(1);
    if (!a) return nullptr;
    Py_ssize_t d = 0;
    int cbits = 0;
    for (Py_ssize_t t = c; t; t >>= 1) cbits++;
    for (int s = cbits - 1; s >= 0; s--) {
        Py_ssize_t e = d;
        d = c >> s;
        Ref<> sh1 = long_from_ssize_t(d - e - 1);
        Ref<> sh2 = long_from_ssize_t(2 * c - e - d + 1);
        if (!sh1 || !sh2) return nullptr;
        Ref<> hi_part = number_lshift(a.get(), sh1.get());
        if (!hi_part) return nullptr;
        Ref<> top = number_rshift(n.get(), sh2.get());
        if (!top) return nullptr;
        Ref<> q = number_floor_divide(top.get(), a.get());
        if (!q) return nullptr;
        a = number_add(hi_part.get(), q.get());
        if (!a) return nullptr;
    }
    Ref<> sq = number_multiply(a.get(), a.get());
    if (!sq) return nullptr;
    if (long_compare(static_cast<LongObject*>(sq.get()), static_cast<LongObject*>(n.get())) > 0) {
        Ref<> one = long_from_long(1);
        if (!one) return nullptr;
        return number_subtract(a.get(), one.get());
    }
    return a;
}

// gcd of two ints (_PyLong_GCD): Euclid on Python ints, in machine
// integers once both fit.
Ref<> long_gcd(Object* a_in, Object* b_in)
{
    Ref<> a = number_absolute(a_in);
    if (!a) return nullptr;
    Ref<> b = number_absolute(b_in);
    if (!b) return nullptr;
    for (;;) {
        if (is_zero(b.get())) return a;
        if (long_ndigits(a.get()) <= 2 && long_ndigits(b.get()) <= 2) {
            unsigned long long x = static_cast<unsigned long long>(long_small_value(a.get()));
            unsigned long long y = static_cast<unsigned long long>(long_small_value(b.get()));
            while (y) {
                unsigned long long r = x % y;
                x = y;
                y = r;
            }
            return long_from_unsigned(x);
        }
        Ref<> r = number_remainder(a.get(), b.get());
        if (!r) return nullptr;
        a = std::move(b);
        b = std::move(r);
    }
}

bool is_one(Object* v) { return static_cast<VarObject*>(v)->ob_size == 1 && static_cast<LongObject*>(v)->ob_digit[0] == 1; }

Ref<> math_gcd(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (nargs == 0) return long_from_long(0);
    Ref<> res = number_index(args[0]);
    if (!res) return nullptr;
    if (nargs == 1) return number_absolute(res.get());
    for (Py_ssize_t i = 1; i < nargs; i++) {
        Ref<> x = number_index(args[i]);
        if (!x) return nullptr;
        if (is_one(res.get())) continue;  // the answer is 1: only check the arguments
        res = long_gcd(res.get(), x.get());
        if (!res) return nullptr;
    }
    return res;
}

Ref<> long_lcm(Object* a, Object* b)
{
    if (is_zero(a) || is_zero(b)) return long_from_long(0);
    Ref<> g = long_gcd(a, b);
    if (!g) return nullptr;
    Ref<> f = number_floor_divide(a, g.get());
    if (!f) return nullptr;
    Ref<> m = number_multiply(f.get(), b);
    if (!m) return nullptr;
    return number_absolute(m.get());
}

Ref<> math_lcm(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (nargs == 0) return long_from_long(1);
    Ref<> res = number_index(args[0]);
    if (!res) return nullptr;
    if (nargs == 1) return number_absolute(res.get());
    for (Py_ssize_t i = 1; i < nargs; i++) {
        Ref<> x = number_index(args[i]);
        if (!x) return nullptr;
        if (is_zero(res.get())) continue;  // the answer is 0: only check the arguments
        res = long_lcm(res.get(), x.get());
        if (!res) return nullptr;
    }
    return res;
}

MethodDef math_methods[] = {
    method_o("acos", math_acos, "acos($module, x, /)\n--\n\nReturn the arc cosine (measured in radians) of x.\n\nThe result is between 0 and pi."),
    method_o("acosh", math_acosh, "acosh($module, x, /)\n--\n\nReturn the inverse hyperbolic cosine of x."),
    method_o("asin", math_asin, "asin($module, x, /)\n--\n\nReturn the arc sine (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."),
    method_o("asinh", math_asinh, "asinh($module, x, /)\n--\n\nReturn the inverse hyperbolic sine of x."),
    method_o("atan", math_atan, "atan($module, x, /)\n--\n\nReturn the arc tangent (measured in radians) of x.\n\nThe result is between -pi/2 and pi/2."),
    method_fast("atan2", math_atan2, "atan2($module, y, x, /)\n--\n\nReturn the arc tangent (measured in radians) of y/x.\n\nUnlike atan(y/x), the signs of both x and y are considered."),
    method_o("atanh", math_atanh, "atanh($module, x, /)\n--\n\nReturn the inverse hyperbolic tangent of x."),
    method_o("cbrt", math_cbrt, "cbrt($module, x, /)\n--\n\nReturn the cube root of x."),
    method_o("ceil", math_ceil, "ceil($module, x, /)\n--\n\nReturn the ceiling of x as an Integral.\n\nThis is the smallest integer >= x."),
    method_fast("comb", math_comb, "comb($module, n, k, /)\n--\n\nNumber of ways to choose k items from n items without repetition and without order."),
    method_fast("copysign", math_copysign, "copysign($module, x, y, /)\n--\n\nReturn a float with the magnitude (absolute value) of x but the sign of y."),
    method_o("cos", math_cos, "cos($module, x, /)\n--\n\nReturn the cosine of x (measured in radians)."),
    method_o("cosh", math_cosh, "cosh($module, x, /)\n--\n\nReturn the hyperbolic cosine of x."),
    method_o("degrees", math_degrees, "degrees($module, x, /)\n--\n\nConvert angle x from radians to degrees."),
    method_fast("dist", math_dist, "dist($module, p, q, /)\n--\n\nReturn the Euclidean distance between two points p and q."),
    method_o("erf", math_erf, "erf($module, x, /)\n--\n\nError function at x."),
    method_o("erfc", math_erfc, "erfc($module, x, /)\n--\n\nComplementary error function at x."),
    method_o("exp", math_exp, "exp($module, x, /)\n--\n\nReturn e raised to the power of x."),
    method_o("exp2", math_exp2, "exp2($module, x, /)\n--\n\nReturn 2 raised to the power of x."),
    method_o("expm1", math_expm1, "expm1($module, x, /)\n--\n\nReturn exp(x)-1."),
    method_o("fabs", math_fabs, "fabs($module, x, /)\n--\n\nReturn the absolute value of the float x."),
    method_o("factorial", math_factorial, "factorial($module, n, /)\n--\n\nFind n!."),
    method_o("floor", math_floor, "floor($module, x, /)\n--\n\nReturn the floor of x as an Integral.\n\nThis is the largest integer <= x."),
    method_fast("fmod", math_fmod, "fmod($module, x, y, /)\n--\n\nReturn fmod(x, y), according to platform C.\n\nx % y may differ."),
    method_o("frexp", math_frexp, "frexp($module, x, /)\n--\n\nReturn the mantissa and exponent of x, as pair (m, e)."),
    method_o("fsum", math_fsum, "fsum($module, seq, /)\n--\n\nReturn an accurate floating point sum of values in the iterable seq."),
    method_o("gamma", math_gamma, "gamma($module, x, /)\n--\n\nGamma function at x."),
    method_fast("gcd", math_gcd, "gcd($module, *integers)\n--\n\nGreatest Common Divisor."),
    method_fast("hypot", math_hypot, "hypot(*coordinates) -> value\n\nMultidimensional Euclidean distance from the origin to a point."),
    method_fastkw("isclose", math_isclose, "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\nDetermine whether two floating point numbers are close in value."),
    method_o("isfinite", math_isfinite, "isfinite($module, x, /)\n--\n\nReturn True if x is neither an infinity nor a NaN, and False otherwise."),
    method_o("isinf", math_isinf, "isinf($module, x, /)\n--\n\nReturn True if x is a positive or negative infinity, and False otherwise."),
    method_o("isnan", math_isnan, "isnan($module, x, /)\n--\n\nReturn True if x is a NaN (not a number), and False otherwise."),
    method_o("isqrt", math_isqrt, "isqrt($module, n, /)\n--\n\nReturn the integer part of the square root of the input."),
    method_fast("lcm", math_lcm, "lcm($module, *integers)\n--\n\nLeast Common Multiple."),
    method_fast("ldexp", math_ldexp, "ldexp($module, x, i, /)\n--\n\nReturn x * (2**i).\n\nThis is essentially the inverse of frexp()."),
    method_o("lgamma", math_lgamma, "lgamma($module, x, /)\n--\n\nNatural logarithm of absolute value of Gamma function at x."),
    method_fast("log", math_log, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."),
    method_o("log10", math_log10, "log10($module, x, /)\n--\n\nReturn the base 10 logarithm of x."),
    method_o("log1p", math_log1p, "log1p($module, x, /)\n--\n\nReturn the natural logarithm of 1+x (base e)."),
    method_o("log2", math_log2, "log2($module, x, /)\n--\n\nReturn the base 2 logarithm of x."),
    method_o("modf", math_modf, "modf($module, x, /)\n--\n\nReturn the fractional and integer parts of x."),
    method_fast("nextafter", math_nextafter, "nextafter($module, x, y, /)\n--\n\nReturn the next floating-point value after x towards y."),
    method_fast("perm", math_perm, "perm($module, n, k=None, /)\n--\n\nNumber of ways to choose k items from n items without repetition and with order."),
    method_fast("pow", math_pow, "pow($module, x, y, /)\n--\n\nReturn x**y (x to the power of y)."),
    method_fastkw("prod", math_prod, "prod($module, iterable, /, *, start=1)\n--\n\nCalculate the product of all the elements in the input iterable."),
    method_o("radians", math_radians, "radians($module, x, /)\n--\n\nConvert angle x from degrees to radians."),
    method_fast("remainder", math_remainder, "remainder($module, x, y, /)\n--\n\nDifference between x and the closest integer multiple of y."),
    method_o("sin", math_sin, "sin($module, x, /)\n--\n\nReturn the sine of x (measured in radians)."),
    method_o("sinh", math_sinh, "sinh($module, x, /)\n--\n\nReturn the hyperbolic sine of x."),
    method_o("sqrt", math_sqrt, "sqrt($module, x, /)\n--\n\nReturn the square root of x."),
    method_o("tan", math_tan, "tan($module, x, /)\n--\n\nReturn the tangent of x (measured in radians)."),
    method_o("tanh", math_tanh, "tanh($module, x, /)\n--\n\nReturn the hyperbolic tangent of x."),
    method_o("trunc", math_trunc, "trunc($module, x, /)\n--\n\nTruncates the Real x to the nearest Integral toward 0."),
    method_o("ulp", math_ulp, "ulp($module, x, /)\n--\n\nReturn the value of the least significant bit of the float x."),
    {},
};

int add_float_constant(Object* mod, const char* name, double v)
{
    Ref<> f = float_from_double(v);
    if (!f) return -1;
    return module_add_object(mod, name, f.get());
}

}  // namespace

Ref<> math_module_create()
{
    Ref<> mod = module_new("math");
    if (!mod || module_add_functions(mod.get(), math_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("This module provides access to the mathematical functions\n"
                                    "defined by the C standard.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    if (add_float_constant(mod.get(), "pi", PI) < 0 || add_float_constant(mod.get(), "e", 2.718281828459045235360287471352662498) < 0 ||
        add_float_constant(mod.get(), "tau", 6.283185307179586476925286766559005768) < 0 ||
        add_float_constant(mod.get(), "inf", HUGE_VAL) < 0 || add_float_constant(mod.get(), "nan", std::fabs(NAN)) < 0)
        return nullptr;
    return mod;
}

}  // namespace minipy::modules
