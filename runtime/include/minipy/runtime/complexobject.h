// complexobject.h: complex numbers (a pair of doubles).
// Mirrors CPython 3.11 Include/complexobject.h and Objects/complexobject.c. Book chapter 11.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct Py_complex {
    double real;
    double imag;
};

struct ComplexObject : Object {
    Py_complex cval;
};

extern TypeObject Complex_Type;

inline bool complex_check(Object* op) { return object_type_check(op, &Complex_Type); }

[[nodiscard]] Ref<> complex_from_doubles(double real, double imag);
// a ** b on doubles (used by float.__pow__ for negative bases).
[[nodiscard]] Ref<> complex_pow_doubles(double ar, double ai, double br, double bi);
// _Py_c_quot: a / b by Smith's method; *err is EDOM for a zero b (the
// result is then 0), else 0. cmath.log(z, base) divides with it.
Py_complex complex_quot(Py_complex a, Py_complex b, int* err);

}  // namespace minipy::runtime
