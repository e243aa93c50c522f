// cmathmodule.cpp: the cmath module: elementary functions of complex
// numbers with C99 Annex G's branch cuts and special values. Mirrors
// CPython 3.11 Modules/cmathmodule.c. Book chapter 12, "The Standard
// Library".
//
// Design notes
// ------------
// * Each c_* function returns its result and sets *err to 0, EDOM
//   ("invalid" or "divide-by-zero" in Annex G: ValueError("math domain
//   error")) or ERANGE (overflow: OverflowError("math range error")), as
//   CPython's functions set errno.
// * When a part of the argument is infinite or nan the result comes from
//   a 7x7 table indexed by the class of each part (special_type), except
//   where it depends on the value: exp, cosh, sinh, tanh and rect of an
//   infinite real part and a finite nonzero imaginary part take their signs
//   from cos/sin of it. The tables hold Annex G's values, which are
//   python3.11's results (tests/modules/test_cmath_vectors.py checks every
//   entry); U marks entries only finite arguments reach (never read).
// * Finite arguments use CPython's formulas, scaled where an intermediate
//   would overflow (beyond CM_LARGE_DOUBLE) or lose precision (subnormal
//   parts), so the results agree to the last bit with python3.11 on the
//   same libm.
// * Functions come in pairs through i: asin(z) = -i asinh(iz), atan(z) =
//   -i atanh(iz), sin(z) = -i sinh(iz), tan(z) = -i tanh(iz), cos(z) =
//   cosh(iz).
#include <cerrno>
#include <cfloat>
#include <cmath>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "clinic_args.h"

namespace minipy::modules {

using namespace runtime;

namespace {

constexpr double PI = 3.141592653589793238462643383279502884197;
constexpr double E = 2.718281828459045235360287471352662497757;
constexpr double LN2 = 0.6931471805599453094;
constexpr double LN10 = 2.302585092994045684;

// Above CM_LARGE_DOUBLE, sqrt, log and the inverse functions rescale to
// avoid overflow; above its log, exp and the hyperbolic functions do.
const double CM_LARGE_DOUBLE = DBL_MAX / 4.;
const double CM_SQRT_LARGE_DOUBLE = std::sqrt(CM_LARGE_DOUBLE);
const double CM_LOG_LARGE_DOUBLE = std::log(CM_LARGE_DOUBLE);
const double CM_SQRT_DBL_MIN = std::sqrt(DBL_MIN);
// Scaling by 2**CM_SCALE_UP (odd) makes subnormals normal; the square root
// scales back by 2**CM_SCALE_DOWN = 2**(-(CM_SCALE_UP+1)/2).
constexpr int CM_SCALE_UP = 2 * (DBL_MANT_DIG / 2) + 1;
constexpr int CM_SCALE_DOWN = -(CM_SCALE_UP + 1) / 2;

// log1p keeping the sign of a zero argument.
double m_log1p(double x) { return x == 0.0 ? x : std::log1p(x); }

enum SpecialType { ST_NINF, ST_NEG, ST_NZERO, ST_PZERO, ST_POS, ST_PINF, ST_NAN };

SpecialType special_type(double d)
{
    if (std::isfinite(d)) {
        if (d != 0) return std::signbit(d) ? ST_NEG : ST_POS;
        return std::signbit(d) ? ST_NZERO : ST_PZERO;
    }
    if (std::isnan(d)) return ST_NAN;
    return std::signbit(d) ? ST_NINF : ST_PINF;
}

bool is_special(Py_complex z) { return !std::isfinite(z.real) || !std::isfinite(z.imag); }

constexpr double INF = HUGE_VAL;
constexpr double N = __builtin_nan("");
constexpr double P = PI;
constexpr double P12 = 0.5 * PI;
constexpr double P14 = 0.25 * PI;
constexpr double P34 = 0.75 * PI;
constexpr Py_complex U = {-9.5426319407711027e33, -9.5426319407711027e33};  // never read

// Rows: class of the real part; columns: class of the imaginary part
// (rect: of r and of phi), in SpecialType order.
constexpr Py_complex acos_special_values[7][7] = {
    {{P34, INF}, {P, INF}, {P, INF}, {P, -INF}, {P, -INF}, {P34, -INF}, {N, INF}},
    {{P12, INF}, U, U, U, U, {P12, -INF}, {N, N}},
    {{P12, INF}, U, U, U, U, {P12, -INF}, {P12, N}},
    {{P12, INF}, U, U, U, U, {P12, -INF}, {P12, N}},
    {{P12, INF}, U, U, U, U, {P12, -INF}, {N, N}},
    {{P14, INF}, {0., INF}, {0., INF}, {0., -INF}, {0., -INF}, {P14, -INF}, {N, INF}},
    {{N, INF}, {N, N}, {N, N}, {N, N}, {N, N}, {N, -INF}, {N, N}},
};

constexpr Py_complex acosh_special_values[7][7] = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}},
};

constexpr Py_complex asinh_special_values[7][7] = {
    {{-INF, -P14}, {-INF, -0.}, {-INF, -0.}, {-INF, 0.}, {-INF, 0.}, {-INF, P14}, {-INF, N}},
    {{-INF, -P12}, U, U, U, U, {-INF, P12}, {N, N}},
    {{-INF, -P12}, U, U, U, U, {-INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {INF, N}, {N, N}},
};

constexpr Py_complex atanh_special_values[7][7] = {
    {{-0., -P12}, {-0., -P12}, {-0., -P12}, {-0., P12}, {-0., P12}, {-0., P12}, {-0., N}},
    {{-0., -P12}, U, U, U, U, {-0., P12}, {N, N}},
    {{-0., -P12}, U, U, U, U, {-0., P12}, {-0., N}},
    {{0., -P12}, U, U, U, U, {0., P12}, {0., N}},
    {{0., -P12}, U, U, U, U, {0., P12}, {N, N}},
    {{0., -P12}, {0., -P12}, {0., -P12}, {0., P12}, {0., P12}, {0., P12}, {0., N}},
    {{0., -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {0., P12}, {N, N}},
};

constexpr Py_complex cosh_special_values[7][7] = {
    {U, {-INF, INF}, {INF, 0.}, {INF, -0.}, {-INF, -INF}, U, {INF, N}},
    {U, U, U, U, U, U, {N, N}},
    {U, U, U, U, U, U, {N, 0.}},
    {U, U, U, U, U, U, {N, 0.}},
    {U, U, U, U, U, U, {N, N}},
    {U, {-INF, -INF}, {INF, -0.}, {INF, 0.}, {-INF, INF}, U, {INF, N}},
    {{N, N}, {N, N}, {N, 0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};

constexpr Py_complex exp_special_values[7][7] = {
    {{0., 0.}, {-0., -0.}, {0., -0.}, {0., 0.}, {-0., 0.}, {0., 0.}, {0., 0.}},
    {U, U, U, U, U, U, {N, N}},
    {U, U, U, U, U, U, {N, N}},
    {U, U, U, U, U, U, {N, N}},
    {U, U, U, U, U, U, {N, N}},
    {U, {-INF, -INF}, {INF, -0.}, {INF, 0.}, {-INF, INF}, U, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};

constexpr Py_complex log_special_values[7][7] = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P12}, U, U, U, U, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}},
};

constexpr Py_complex sinh_special_values[7][7] = {
    {U, {INF, -INF}, {-INF, -0.}, {-INF, 0.}, {INF, INF}, U, {INF, N}},
    {U, U, U, U, U, U, {N, N}},
    {U, U, U, U, U, U, {0., N}},
    {U, U, U, U, U, U, {0., N}},
    {U, U, U, U, U, U, {N, N}},
    {U, {-INF, -INF}, {INF, -0.}, {INF, 0.}, {-INF, INF}, U, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};

constexpr Py_complex sqrt_special_values[7][7] = {
    {{INF, -INF}, {0., -INF}, {0., -INF}, {0., INF}, {0., INF}, {INF, INF}, {N, INF}},
    {{INF, -INF}, U, U, U, U, {INF, INF}, {N, N}},
    {{INF, -INF}, U, U, U, U, {INF, INF}, {N, N}},
    {{INF, -INF}, U, U, U, U, {INF, INF}, {N, N}},
    {{INF, -INF}, U, U, U, U, {INF, INF}, {N, N}},
    {{INF, -INF}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, INF}, {INF, N}},
    {{INF, -INF}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, INF}, {N, N}},
};

constexpr Py_complex tanh_special_values[7][7] = {
    {{-1., 0.}, {-1., 0.}, {-1., -0.}, {-1., 0.}, {-1., -0.}, {-1., 0.}, {-1., 0.}},
    {U, U, U, U, U, U, {N, N}},
    {U, U, U, U, U, U, {N, N}},
    {U, U, U, U, U, U, {N, N}},
    {U, U, U, U, U, U, {N, N}},
    {{1., 0.}, {1., 0.}, {1., -0.}, {1., 0.}, {1., -0.}, {1., 0.}, {1., 0.}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};

constexpr Py_complex rect_special_values[7][7] = {
    {U, {INF, INF}, {-INF, 0.}, {-INF, -0.}, {INF, -INF}, U, {INF, N}},
    {U, U, U, U, U, U, {N, N}},
    {{0., 0.}, U, U, U, U, {0., 0.}, {0., 0.}},
    {{0., 0.}, U, U, U, U, {0., 0.}, {0., 0.}},
    {U, U, U, U, U, U, {N, N}},
    {U, {-INF, -INF}, {INF, -0.}, {INF, 0.}, {-INF, INF}, U, {INF, N}},
    {{N, N}, {N, N}, {N, 0.}, {N, 0.}, {N, N}, {N, N}, {N, N}},
};

Py_complex special_value(const Py_complex (&table)[7][7], Py_complex z)
{
    return table[special_type(z.real)][special_type(z.imag)];
}

Py_complex c_sqrt(Py_complex z, int* err)
{
    // For x, y >= 0: s = sqrt((x + hypot(x, y)) / 2), computed as
    // 2*sqrt(x/8 + hypot(x/8, y/8)) so that nothing overflows, and the
    // imaginary part is y / (2s); the signs give the other quadrants.
    *err = 0;
    if (is_special(z)) return special_value(sqrt_special_values, z);
    if (z.real == 0. && z.imag == 0.) return {0., z.imag};
    double ax = std::fabs(z.real), ay = std::fabs(z.imag), s;
    if (ax < DBL_MIN && ay < DBL_MIN && (ax > 0. || ay > 0.)) {
        ax = std::ldexp(ax, CM_SCALE_UP);
        s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, CM_SCALE_UP))), CM_SCALE_DOWN);
    } else {
        ax /= 8.;
        s = 2. * std::sqrt(ax + std::hypot(ax, ay / 8.));
    }
    double d = ay / (2. * s);
    if (z.real >= 0.) return {s, std::copysign(d, z.imag)};
    return {d, std::copysign(s, z.imag)};
}

Py_complex c_acos(Py_complex z, int* err)
{
    *err = 0;
    if (is_special(z)) return special_value(acos_special_values, z);
    Py_complex r;
    if (std::fabs(z.real) > CM_LARGE_DOUBLE || std::fabs(z.imag) > CM_LARGE_DOUBLE) {
        r.real = std::atan2(std::fabs(z.imag), z.real);
        double m = std::log(std::hypot(z.real / 2., z.imag / 2.)) + LN2 * 2.;
        // Two cases keep the branch cut continuous with signed zeros.
        r.imag = z.real < 0. ? -std::copysign(m, z.imag) : std::copysign(m, -z.imag);
    } else {
        int e;
        Py_complex s1 = c_sqrt({1. - z.real, -z.imag}, &e);
        Py_complex s2 = c_sqrt({1. + z.real, z.imag}, &e);
        r.real = 2. * std::atan2(s1.real, s2.real);
        r.imag = std::asinh(s2.real * s1.imag - s2.imag * s1.real);
    }
    return r;
}

Py_complex c_acosh(Py_complex z, int* err)
{
    *err = 0;
    if (is_special(z)) return special_value(acosh_special_values, z);
    Py_complex r;
    if (std::fabs(z.real) > CM_LARGE_DOUBLE || std::fabs(z.imag) > CM_LARGE_DOUBLE) {
        r.real = std::log(std::hypot(z.real / 2., z.imag / 2.)) + LN2 * 2.;
        r.imag = std::atan2(z.imag, z.real);
    } else {
        int e;
        Py_complex s1 = c_sqrt({z.real - 1., z.imag}, &e);
        Py_complex s2 = c_sqrt({z.real + 1., z.imag}, &e);
        r.real = std::asinh(s1.real * s2.real + s1.imag * s2.imag);
        r.imag = 2. * std::atan2(s1.imag, s2.real);
    }
    return r;
}

Py_complex c_asinh(Py_complex z, int* err)
{
    *err = 0;
    if (is_special(z)) return special_value(asinh_special_values, z);
    Py_complex r;
    if (std::fabs(z.real) > CM_LARGE_DOUBLE || std::fabs(z.imag) > CM_LARGE_DOUBLE) {
        double m = std::log(std::hypot(z.real / 2., z.imag / 2.)) + LN2 * 2.;
        r.real = z.imag >= 0. ? std::copysign(m, z.real) : -std::copysign(m, -z.real);
        r.imag = std::atan2(z.imag, std::fabs(z.real));
    } else {
        int e;
        Py_complex s1 = c_sqrt({1. + z.imag, -z.real}, &e);
        Py_complex s2 = c_sqrt({1. - z.imag, z.real}, &e);
        r.real = std::asinh(s1.real * s2.imag - s2.real * s1.imag);
        r.imag = std::atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag);
    }
    return r;
}

// f(z) = -i g(iz): the rotations that turn asinh into asin and so on.
template <Py_complex (*g)(Py_complex, int*)>
Py_complex through_i(Py_complex z, int* err)
{
    Py_complex s = g({-z.imag, z.real}, err);
    return {s.imag, -s.real};
}

Py_complex c_atanh(Py_complex z, int* err)
{
    *err = 0;
    if (is_special(z)) return special_value(atanh_special_values, z);
    if (z.real < 0.) {
        // atanh is odd: work with a nonnegative real part.
        Py_complex r = c_atanh({-z.real, -z.imag}, err);
        return {-r.real, -r.imag};
    }
    double ay = std::fabs(z.imag);
    if (z.real > CM_SQRT_LARGE_DOUBLE || ay > CM_SQRT_LARGE_DOUBLE) {
        // For large |z|, atanh(z) ~ 1/z +- i*pi/2.
        double h = std::hypot(z.real / 2., z.imag / 2.);
        return {z.real / 4. / h / h, -std::copysign(PI / 2., -z.imag)};
    }
    if (z.real == 1. && ay < CM_SQRT_DBL_MIN) {
        if (ay == 0.) {
            *err = EDOM;  // a pole: atanh(1 +- 0i) = inf +- 0i
            return {INF, z.imag};
        }
        return {-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.))),
                std::copysign(std::atan2(2., -ay) / 2, z.imag)};
    }
    return {m_log1p(4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.,
            -std::atan2(-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.};
}

// The overflow check shared by exp, cosh and sinh of finite arguments.
Py_complex overflow_checked(Py_complex r, int* err)
{
    *err = std::isinf(r.real) || std::isinf(r.imag) ? ERANGE : 0;
    return r;
}

Py_complex c_cosh(Py_complex z, int* err)
{
    if (is_special(z)) {
        Py_complex r;
        if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.) {
            r.real = std::copysign(INF, std::cos(z.imag));
            r.imag = z.real > 0 ? std::copysign(INF, std::sin(z.imag)) : -std::copysign(INF, std::sin(z.imag));
        } else {
            r = special_value(cosh_special_values, z);
        }
        *err = std::isinf(z.imag) && !std::isnan(z.real) ? EDOM : 0;
        return r;
    }
    if (std::fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        // cosh(x) may overflow where cosh(x)*cos(y) does not: use x -+ 1.
        double x_minus_one = z.real - std::copysign(1., z.real);
        return overflow_checked({std::cos(z.imag) * std::cosh(x_minus_one) * E,
                                 std::sin(z.imag) * std::sinh(x_minus_one) * E}, err);
    }
    return overflow_checked({std::cos(z.imag) * std::cosh(z.real), std::sin(z.imag) * std::sinh(z.real)}, err);
}

// cos(z) = cosh(iz), with no rotation back.
Py_complex c_cos(Py_complex z, int* err) { return c_cosh({-z.imag, z.real}, err); }

Py_complex c_sinh(Py_complex z, int* err)
{
    if (is_special(z)) {
        Py_complex r;
        if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.) {
            r.real = z.real > 0 ? std::copysign(INF, std::cos(z.imag)) : -std::copysign(INF, std::cos(z.imag));
            r.imag = std::copysign(INF, std::sin(z.imag));
        } else {
            r = special_value(sinh_special_values, z);
        }
        *err = std::isinf(z.imag) && !std::isnan(z.real) ? EDOM : 0;
        return r;
    }
    if (std::fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        double x_minus_one = z.real - std::copysign(1., z.real);
        return overflow_checked({std::cos(z.imag) * std::sinh(x_minus_one) * E,
                                 std::sin(z.imag) * std::cosh(x_minus_one) * E}, err);
    }
    return overflow_checked({std::cos(z.imag) * std::sinh(z.real), std::sin(z.imag) * std::cosh(z.real)}, err);
}

Py_complex c_tanh(Py_complex z, int* err)
{
    // tanh(x+iy) = (tanh(x)(1+tan(y)^2) + i tan(y)(1-tanh(x)^2)) /
    // (1 + tan(y)^2 tanh(x)^2), with 1-tanh(x)^2 as 1/cosh(x)^2, or as
    // 4 exp(-2|x|) when cosh(x) would overflow.
    if (is_special(z)) {
        Py_complex r;
        if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.) {
            r.real = z.real > 0 ? 1.0 : -1.0;
            r.imag = std::copysign(0., 2. * std::sin(z.imag) * std::cos(z.imag));
        } else {
            r = special_value(tanh_special_values, z);
        }
        *err = std::isinf(z.imag) && std::isfinite(z.real) ? EDOM : 0;
        return r;
    }
    *err = 0;
    if (std::fabs(z.real) > CM_LOG_LARGE_DOUBLE)
        return {std::copysign(1., z.real), 4. * std::sin(z.imag) * std::cos(z.imag) * std::exp(-2. * std::fabs(z.real))};
    double tx = std::tanh(z.real);
    double ty = std::tan(z.imag);
    double cx = 1. / std::cosh(z.real);
    double txty = tx * ty;
    double denom = 1. + txty * txty;
    return {tx * (1. + ty * ty) / denom, ((ty / denom) * cx) * cx};
}

Py_complex c_exp(Py_complex z, int* err)
{
    if (is_special(z)) {
        Py_complex r;
        if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.) {
            double mag = z.real > 0 ? INF : 0.;
            r = {std::copysign(mag, std::cos(z.imag)), std::copysign(mag, std::sin(z.imag))};
        } else {
            r = special_value(exp_special_values, z);
        }
        *err = std::isinf(z.imag) && (std::isfinite(z.real) || (std::isinf(z.real) && z.real > 0)) ? EDOM : 0;
        return r;
    }
    if (z.real > CM_LOG_LARGE_DOUBLE) {
        double l = std::exp(z.real - 1.);
        return overflow_checked({l * std::cos(z.imag) * E, l * std::sin(z.imag) * E}, err);
    }
    double l = std::exp(z.real);
    return overflow_checked({l * std::cos(z.imag), l * std::sin(z.imag)}, err);
}

Py_complex c_log(Py_complex z, int* err)
{
    // The real part is log|z|, computed so as to stay accurate where the
    // plain formula fails: |z| subnormal (rescale up), |z| beyond DBL_MAX
    // (rescale down), |z| near 1 (log1p of (max-1)(max+1) + min^2). z = 0
    // is a pole.
    *err = 0;
    if (is_special(z)) return special_value(log_special_values, z);
    double ax = std::fabs(z.real), ay = std::fabs(z.imag);
    Py_complex r;
    if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE) {
        r.real = std::log(std::hypot(ax / 2., ay / 2.)) + LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.) {
            r.real = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) -
                     DBL_MANT_DIG * LN2;
        } else {
            *err = EDOM;
            return {-INF, std::atan2(z.imag, z.real)};
        }
    } else {
        double h = std::hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            r.real = m_log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else {
            r.real = std::log(h);
        }
    }
    r.imag = std::atan2(z.imag, z.real);
    return r;
}

Py_complex c_log10(Py_complex z, int* err)
{
    Py_complex r = c_log(z, err);
    return {r.real / LN10, r.imag / LN10};
}

// phase(): atan2 with Annex G's answers for infinities and zeros spelled
// out (some platforms' atan2 get them wrong).
double c_atan2(Py_complex z)
{
    if (std::isnan(z.real) || std::isnan(z.imag)) return N;
    if (std::isinf(z.imag)) {
        if (std::isinf(z.real)) return std::copysign(std::signbit(z.real) ? 0.75 * PI : 0.25 * PI, z.imag);
        return std::copysign(0.5 * PI, z.imag);
    }
    if (std::isinf(z.real) || z.imag == 0.)
        return std::copysign(std::signbit(z.real) ? PI : 0., z.imag);
    return std::atan2(z.imag, z.real);
}

// _Py_c_abs: an infinite part wins over a nan; overflow of a finite
// argument's modulus is ERANGE.
double c_abs(Py_complex z, int* err)
{
    *err = 0;
    if (!std::isfinite(z.real) || !std::isfinite(z.imag)) {
        if (std::isinf(z.real)) return std::fabs(z.real);
        if (std::isinf(z.imag)) return std::fabs(z.imag);
        return N;
    }
    double result = std::hypot(z.real, z.imag);
    if (!std::isfinite(result)) *err = ERANGE;
    return result;
}

Py_complex c_rect(double r, double phi, int* err)
{
    *err = 0;
    if (!std::isfinite(r) || !std::isfinite(phi)) {
        Py_complex z;
        if (std::isinf(r) && std::isfinite(phi) && phi != 0.) {
            double sign = r > 0 ? 1. : -1.;
            z = {sign * std::copysign(INF, std::cos(phi)), sign * std::copysign(INF, std::sin(phi))};
        } else {
            z = special_value(rect_special_values, {r, phi});
        }
        if (r != 0. && !std::isnan(r) && std::isinf(phi)) *err = EDOM;
        return z;
    }
    if (phi == 0.0) return {r, r * phi};  // keeps the sign of a zero phi
    return {r * std::cos(phi), r * std::sin(phi)};
}

Ref<> math_error(int err)
{
    if (err == EDOM) return format_error(Exc_ValueError, "math domain error");
    return format_error(Exc_OverflowError, "math range error");
}

// PyComplex_AsCComplex: a complex, an object with __complex__ (which must
// return a complex), or a real number (__float__/__index__).
[[nodiscard]] bool as_ccomplex(Object* o, Py_complex* out)
{
    if (complex_check(o)) {
        *out = static_cast<ComplexObject*>(o)->cval;
        return true;
    }
    Ref<> method = lookup_special(o, "__complex__");
    if (method) {
        Ref<> c = call_no_args(method.get());
        if (!c) return false;
        if (!complex_check(c.get())) {
            format_error(Exc_TypeError, "__complex__ returned non-complex (type %.200s)", Py_TYPE(c.get())->tp_name);
            return false;
        }
        *out = static_cast<ComplexObject*>(c.get())->cval;
        return true;
    }
    if (error_occurred()) return false;
    double d = float_as_double(o);
    if (d == -1.0 && error_occurred()) return false;
    *out = {d, 0.0};
    return true;
}

template <Py_complex (*f)(Py_complex, int*)>
Ref<> cmath_func(Object*, Object* arg)
{
    Py_complex z;
    if (!as_ccomplex(arg, &z)) return nullptr;
    int err = 0;
    Py_complex r = f(z, &err);
    if (err) return math_error(err);
    return complex_from_doubles(r.real, r.imag);
}

// log(x[, base]): both logs are taken; the error reported is the one of
// the last step, as in CPython (log(0, 2) divides -inf by log(2)).
Ref<> cmath_log(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (nargs < 1) return format_error(Exc_TypeError, "log expected at least 1 argument, got %zd", nargs);
    if (nargs > 2) return format_error(Exc_TypeError, "log expected at most 2 arguments, got %zd", nargs);
    Py_complex x;
    if (!as_ccomplex(args[0], &x)) return nullptr;
    int err = 0;
    x = c_log(x, &err);
    if (nargs == 2) {
        Py_complex y;
        if (!as_ccomplex(args[1], &y)) return nullptr;
        y = c_log(y, &err);
        int qerr = 0;
        x = complex_quot(x, y, &qerr);
        if (qerr) err = qerr;
    }
    if (err) return math_error(err);
    return complex_from_doubles(x.real, x.imag);
}

Ref<> cmath_phase(Object*, Object* arg)
{
    Py_complex z;
    if (!as_ccomplex(arg, &z)) return nullptr;
    // libm's errno is the verdict here, as in CPython: glibc's atan2 sets
    // ERANGE when the angle underflows (phase(1e308+1e-310j)).
    errno = 0;
    double phi = c_atan2(z);
    if (errno) return math_error(errno);
    return float_from_double(phi);
}

Ref<> cmath_polar(Object*, Object* arg)
{
    Py_complex z;
    if (!as_ccomplex(arg, &z)) return nullptr;
    double phi = c_atan2(z);
    int err = 0;
    double r = c_abs(z, &err);
    if (err) return math_error(err);
    Ref<> rr = float_from_double(r);
    Ref<> pp = float_from_double(phi);
    if (!rr || !pp) return nullptr;
    return tuple_pack({rr.get(), pp.get()});
}

Ref<> cmath_rect(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (nargs != 2) return format_error(Exc_TypeError, "rect expected 2 arguments, got %zd", nargs);
    double r = float_as_double(args[0]);
    if (r == -1.0 && error_occurred()) return nullptr;
    double phi = float_as_double(args[1]);
    if (phi == -1.0 && error_occurred()) return nullptr;
    int err = 0;
    Py_complex z = c_rect(r, phi, &err);
    if (err) return math_error(err);
    return complex_from_doubles(z.real, z.imag);
}

template <bool (*pred)(Py_complex)>
Ref<> cmath_predicate(Object*, Object* arg)
{
    Py_complex z;
    if (!as_ccomplex(arg, &z)) return nullptr;
    return new_ref(pred(z) ? Py_True() : Py_False());
}

bool z_isfinite(Py_complex z) { return std::isfinite(z.real) && std::isfinite(z.imag); }
bool z_isnan(Py_complex z) { return std::isnan(z.real) || std::isnan(z.imag); }
bool z_isinf(Py_complex z) { return std::isinf(z.real) || std::isinf(z.imag); }

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0): Boost's "weak" test on
// |a - b|; equal values (infinities included) are close, other infinities
// and nans are not.
Ref<> cmath_isclose(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[4] = {};
    if (!parse_clinic_args("isclose", args, nargs, kwnames, {"a", "b", "rel_tol", "abs_tol"}, 2, 2, out))
        return nullptr;
    Py_complex a, b;
    if (!as_ccomplex(out[0], &a) || !as_ccomplex(out[1], &b)) return nullptr;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (out[2]) {
        rel_tol = float_as_double(out[2]);
        if (rel_tol == -1.0 && error_occurred()) return nullptr;
    }
    if (out[3]) {
        abs_tol = float_as_double(out[3]);
        if (abs_tol == -1.0 && error_occurred()) return nullptr;
    }
    if (rel_tol < 0.0 || abs_tol < 0.0) return format_error(Exc_ValueError, "tolerances must be non-negative");
    if (a.real == b.real && a.imag == b.imag) return new_ref(Py_True());
    if (std::isinf(a.real) || std::isinf(a.imag) || std::isinf(b.real) || std::isinf(b.imag))
        return new_ref(Py_False());
    int e;
    double diff = c_abs({a.real - b.real, a.imag - b.imag}, &e);
    bool close = diff <= rel_tol * c_abs(b, &e) || diff <= rel_tol * c_abs(a, &e) || diff <= abs_tol;
    return new_ref(close ? Py_True() : Py_False());
}

#define CMATH_DOC(name, what) #name "($module, z, /)\n--\n\nReturn the " what " of z."

MethodDef cmath_methods[] = {
    method_o("acos", cmath_func<c_acos>, CMATH_DOC(acos, "arc cosine")),
    method_o("acosh", cmath_func<c_acosh>, CMATH_DOC(acosh, "inverse hyperbolic cosine")),
    method_o("asin", cmath_func<through_i<c_asinh>>, CMATH_DOC(asin, "arc sine")),
    method_o("asinh", cmath_func<c_asinh>, CMATH_DOC(asinh, "inverse hyperbolic sine")),
    method_o("atan", cmath_func<through_i<c_atanh>>, CMATH_DOC(atan, "arc tangent")),
    method_o("atanh", cmath_func<c_atanh>, CMATH_DOC(atanh, "inverse hyperbolic tangent")),
    method_o("cos", cmath_func<c_cos>, CMATH_DOC(cos, "cosine")),
    method_o("cosh", cmath_func<c_cosh>, CMATH_DOC(cosh, "hyperbolic cosine")),
    method_o("exp", cmath_func<c_exp>, "exp($module, z, /)\n--\n\nReturn the exponential value e**z."),
    method_fastkw("isclose", cmath_isclose,
                  "isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\n"
                  "Determine whether two complex numbers are close in value."),
    method_o("isfinite", cmath_predicate<z_isfinite>,
             "isfinite($module, z, /)\n--\n\nReturn True if both the real and imaginary parts of z are finite, else False."),
    method_o("isinf", cmath_predicate<z_isinf>,
             "isinf($module, z, /)\n--\n\nChecks if the real or imaginary part of z is infinite."),
    method_o("isnan", cmath_predicate<z_isnan>,
             "isnan($module, z, /)\n--\n\nChecks if the real or imaginary part of z not a number (NaN)."),
    method_fast("log", cmath_log,
                "log($module, x, y_obj=<unrepresentable>, /)\n--\n\nThe logarithm of z to the given base.\n\n"
                "If the base not specified, returns the natural logarithm (base e) of z."),
    method_o("log10", cmath_func<c_log10>, CMATH_DOC(log10, "base-10 logarithm")),
    method_o("phase", cmath_phase, "phase($module, z, /)\n--\n\nReturn argument, also known as the phase angle, of a complex."),
    method_o("polar", cmath_polar,
             "polar($module, z, /)\n--\n\nConvert a complex from rectangular coordinates to polar coordinates.\n\n"
             "r is the distance from 0 and phi the phase angle."),
    method_fast("rect", cmath_rect, "rect($module, r, phi, /)\n--\n\nConvert from polar coordinates to rectangular coordinates."),
    method_o("sin", cmath_func<through_i<c_sinh>>, CMATH_DOC(sin, "sine")),
    method_o("sinh", cmath_func<c_sinh>, CMATH_DOC(sinh, "hyperbolic sine")),
    method_o("sqrt", cmath_func<c_sqrt>, CMATH_DOC(sqrt, "square root")),
    method_o("tan", cmath_func<through_i<c_tanh>>, CMATH_DOC(tan, "tangent")),
    method_o("tanh", cmath_func<c_tanh>, CMATH_DOC(tanh, "hyperbolic tangent")),
    {},
};

}  // namespace

Ref<> cmath_module_create()
{
    Ref<> mod = module_new("cmath");
    if (!mod || module_add_functions(mod.get(), cmath_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("This module provides access to mathematical functions for complex\nnumbers.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    struct {
        const char* name;
        Ref<> value;
    } constants[] = {
        {"pi", float_from_double(PI)},
        {"e", float_from_double(E)},
        {"tau", float_from_double(2 * PI)},
        {"inf", float_from_double(INF)},
        {"infj", complex_from_doubles(0.0, INF)},
        {"nan", float_from_double(N)},
        {"nanj", complex_from_doubles(0.0, N)},
    };
    for (auto& c : constants)
        if (!c.value || module_add_object(mod.get(), c.name, c.value.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
