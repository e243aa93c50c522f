// ceval_fastpaths.h: what the generic eval-loop instructions do first for
// exact built-in operands: BINARY_OP on ints below 2**60 and floats,
// COMPARE_OP on those, BINARY_SUBSCR on list/tuple/dict, STORE_SUBSCR
// on list. Mirrors the bodies of CPython 3.11's specialized instructions in
// Python/ceval.c (BINARY_OP_ADD_INT, BINARY_OP_MULTIPLY_FLOAT,
// COMPARE_OP_INT_JUMP, BINARY_SUBSCR_LIST_INT, BINARY_SUBSCR_DICT,
// STORE_SUBSCR_LIST_INT) and the "medium value" fast paths of
// Objects/longobject.c. Private to ceval.cpp. Book chapter 8.
//
// Design notes
// ------------
// CPython 3.11 reaches its int/float/list/dict fast paths through the
// specializing interpreter (BINARY_OP_ADD_INT, COMPARE_OP_INT_JUMP,
// BINARY_SUBSCR_LIST_INT, ...), which rewrites instructions in place. Until
// minipy has it, the generic instructions test for those operand types
// first and otherwise take the slot path; the result is the same object
// value, only reached without the protocol dispatch and without the
// digit-vector arithmetic of longobject.cpp. Each returns null *without* an
// error when it does not apply (a zero divisor, say, takes the slow path,
// which raises CPython's error).

#pragma once

#include <cstdint>

#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/opcode.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

// An exact int of at most two 30-bit digits (|v| < 2**60, CPython's
// "medium value" widened to what int64 arithmetic covers): its value fits
// a long long with room for one addition.
inline bool long_is_medium(Object* o) { return Py_TYPE(o) == &Long_Type && long_ndigits(o) <= 2; }
inline long long medium_value(Object* o) { return long_small_value(o); }
// Ints up to 2**53 convert to double exactly (true division, mixed float).
inline bool exact_in_double(long long v) { return v <= (1LL << 53) && v >= -(1LL << 53); }

inline Object* binary_op_medium_int(int op, long long a, long long b)
{
    long long r;
    switch (op) {
    case NB_ADD: case NB_INPLACE_ADD: r = a + b; break;  // |r| < 2**61
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT: r = a - b; break;
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY:
        if (__builtin_mul_overflow(a, b, &r)) return nullptr;
        break;
    // Python's bitwise operators act on infinite two's complement, which
    // int64 matches for these magnitudes.
    case NB_AND: case NB_INPLACE_AND: r = a & b; break;
    case NB_OR: case NB_INPLACE_OR: r = a | b; break;
    case NB_XOR: case NB_INPLACE_XOR: r = a ^ b; break;
    case NB_FLOOR_DIVIDE: case NB_INPLACE_FLOOR_DIVIDE:
    case NB_REMAINDER: case NB_INPLACE_REMAINDER: {
        if (b == 0) return nullptr;
        r = (op == NB_FLOOR_DIVIDE || op == NB_INPLACE_FLOOR_DIVIDE) ? floor_div_ll(a, b) : floor_mod_ll(a, b);
        break;
    }
    case NB_LSHIFT: case NB_INPLACE_LSHIFT: {
        if (b < 0 || b >= 64) return nullptr;
        __int128 wide = static_cast<__int128>(a) * (static_cast<__int128>(1) << b);  // |wide| < 2**124
        if (wide > INT64_MAX || wide < INT64_MIN) return nullptr;
        r = static_cast<long long>(wide);
        break;
    }
    case NB_RSHIFT: case NB_INPLACE_RSHIFT:
        if (b < 0) return nullptr;
        r = a >> (b > 62 ? 62 : b);
        break;
    case NB_TRUE_DIVIDE: case NB_INPLACE_TRUE_DIVIDE:
        // Both within 2**53: the double quotient is correctly rounded.
        if (b == 0 || !exact_in_double(a) || !exact_in_double(b)) return nullptr;
        return float_from_double(static_cast<double>(a) / static_cast<double>(b)).release();
    default: return nullptr;
    }
    return long_from_long(r).release();
}

inline Object* binary_op_float(int op, double a, double b)
{
    double r;
    switch (op) {
    case NB_ADD: case NB_INPLACE_ADD: r = a + b; break;
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT: r = a - b; break;
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY: r = a * b; break;
    case NB_TRUE_DIVIDE: case NB_INPLACE_TRUE_DIVIDE:
        if (b == 0.0) return nullptr;
        r = a / b;
        break;
    default: return nullptr;
    }
    return float_from_double(r).release();
}

// BINARY_OP on two medium ints, two floats, or a float and an int that a
// double holds exactly.
inline Object* binary_op_fast(int op, Object* lhs, Object* rhs)
{
    if (long_is_medium(lhs)) {
        if (long_is_medium(rhs)) return binary_op_medium_int(op, medium_value(lhs), medium_value(rhs));
        if (Py_TYPE(rhs) == &Float_Type && exact_in_double(medium_value(lhs)))
            return binary_op_float(op, static_cast<double>(medium_value(lhs)), float_value(rhs));
    }
    else if (Py_TYPE(lhs) == &Float_Type) {
        if (Py_TYPE(rhs) == &Float_Type) return binary_op_float(op, float_value(lhs), float_value(rhs));
        if (long_is_medium(rhs) && exact_in_double(medium_value(rhs)))
            return binary_op_float(op, float_value(lhs), static_cast<double>(medium_value(rhs)));
    }
    return nullptr;
}

// COMPARE_OP on two medium ints or two floats: 1/0, or -1 when it does not
// apply. C++'s comparisons give IEEE results for NaN, as float_richcompare.
template <typename T>
inline int compare_values(T a, T b, int op)
{
    switch (op) {
    case Py_LT: return a < b;
    case Py_LE: return a <= b;
    case Py_EQ: return a == b;
    case Py_NE: return a != b;
    case Py_GT: return a > b;
    case Py_GE: return a >= b;
    default: return -1;
    }
}
inline int compare_op_fast(Object* lhs, Object* rhs, int op)
{
    if (long_is_medium(lhs) && long_is_medium(rhs)) return compare_values(medium_value(lhs), medium_value(rhs), op);
    if (Py_TYPE(lhs) == &Float_Type && Py_TYPE(rhs) == &Float_Type) return compare_values(float_value(lhs), float_value(rhs), op);
    return -1;
}

// BINARY_SUBSCR on list[int], tuple[int] and dict[key]: a new reference,
// or null (no error) to take the slow path (out of range, missing key).
inline Object* subscr_fast(Object* container, Object* sub)
{
    if (Py_TYPE(container) == &Dict_Type) {
        // Only keys whose hash and == run no Python code: a missing key
        // then costs a second lookup (the slow path raises KeyError), never
        // a second call of user code.
        if (Py_TYPE(sub) != &Unicode_Type && Py_TYPE(sub) != &Long_Type) return nullptr;
        Object* v = dict_get_item_with_error(container, sub);
        if (v) incref(v);
        return v;
    }
    if (!long_is_medium(sub)) return nullptr;
    long long i = medium_value(sub);
    if (Py_TYPE(container) == &List_Type) {
        Py_ssize_t n = list_size(container);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return nullptr;
        Object* v = list_item(container, i);
        incref(v);
        return v;
    }
    if (Py_TYPE(container) == &Tuple_Type) {
        Py_ssize_t n = tuple_size(container);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return nullptr;
        Object* v = tuple_item(container, i);
        incref(v);
        return v;
    }
    return nullptr;
}

// STORE_SUBSCR on list[int] in range: 0 when done, -1 to take the slow
// path. Steals v.
inline int store_subscr_list_fast(Object* container, Object* sub, Object* v)
{
    if (Py_TYPE(container) != &List_Type || !long_is_medium(sub)) return -1;
    long long i = medium_value(sub);
    Py_ssize_t n = list_size(container);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return -1;
    Object* old = list_item(container, i);
    list_set_item(container, i, v);
    decref(old);
    return 0;
}

}  // namespace minipy::vm
