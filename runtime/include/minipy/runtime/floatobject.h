// floatobject.h: float, an IEEE 754 double.
// Mirrors CPython 3.11 Include/floatobject.h and Objects/floatobject.c
// (repr from Python/pystrtod.c). Book chapter 11.
#pragma once

#include <string>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct FloatObject : Object {
    double ob_fval;
};

extern TypeObject Float_Type;

inline bool float_check(const Object* op) { return object_type_check(const_cast<Object*>(op), &Float_Type); }
inline bool float_check_exact(const Object* op) { return Py_TYPE(op) == &Float_Type; }

[[nodiscard]] Ref<> float_from_double(double v);
// PyFloat_AsDouble: accepts floats and anything with __float__/__index__;
// -1.0 with an error set on failure.
[[nodiscard]] double float_as_double(Object* op);
inline double float_value(const Object* op) { return static_cast<const FloatObject*>(op)->ob_fval; }
// float(text): Python's float() parser (underscores, inf/nan, whitespace).
[[nodiscard]] Ref<> float_from_string(Object* text);
// repr(float): the shortest string that round-trips, in Python's style
// ('1e+16', '0.0001', '1e-05', 'inf', 'nan', '-0.0').
std::string float_repr_string(double v);
// PyOS_double_to_string for the format codes 'e', 'f', 'g', 'r' (and '%'
// handled by the caller), with flags for alternate form and sign.
std::string double_to_string(double v, char code, int precision, bool always_sign, bool alternate,
                             bool add_dot_0_if_integer);
// round(x, ndigits) with correct decimal rounding (half-even).
[[nodiscard]] Ref<> float_round(double x, Object* ndigits);

}  // namespace minipy::runtime
