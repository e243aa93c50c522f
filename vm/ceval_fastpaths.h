// ceval_fastpaths.h: what the generic eval-loop instructions do first for
// exact built-in operands: BINARY_OP on small ints and floats, COMPARE_OP
// on small ints and floats, BINARY_SUBSCR on list/tuple/dict, STORE_SUBSCR
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

#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/opcode.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

// An exact int of at most one 30-bit digit ("compact", as 3.12 calls it).
inline bool long_is_compact(Object* o)
{
    return Py_TYPE(o) == &Long_Type && static_cast<VarObject*>(o)->ob_size >= -1
        && static_cast<VarObject*>(o)->ob_size <= 1;
}
inline long long compact_value(Object* o)
{
    auto* v = static_cast<LongObject*>(o);
    return v->ob_size == 0 ? 0 : v->ob_size > 0 ? static_cast<long long>(v->ob_digit[0]) : -static_cast<long long>(v->ob_digit[0]);
}

inline Object* binary_op_compact_int(int op, long long a, long long b)
{
    long long r;
    switch (op) {
    case NB_ADD: case NB_INPLACE_ADD: r = a + b; break;
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT: r = a - b; break;
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY: r = a * b; break;  // |r| < 2**60
    case NB_AND: case NB_INPLACE_AND: r = a & b; break;
    case NB_OR: case NB_INPLACE_OR: r = a | b; break;
    case NB_XOR: case NB_INPLACE_XOR: r = a ^ b; break;
    case NB_FLOOR_DIVIDE: case NB_INPLACE_FLOOR_DIVIDE:
    case NB_REMAINDER: case NB_INPLACE_REMAINDER: {
        if (b == 0) return nullptr;
        long long q = a / b, m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) {  // Python floors toward -inf
            q -= 1;
            m += b;
        }
        r = (op == NB_FLOOR_DIVIDE || op == NB_INPLACE_FLOOR_DIVIDE) ? q : m;
        break;
    }
    case NB_LSHIFT: case NB_INPLACE_LSHIFT:
        if (b < 0 || b > 32) return nullptr;
        r = static_cast<long long>(static_cast<unsigned long long>(a) << b);  // |r| < 2**62
        break;
    case NB_RSHIFT: case NB_INPLACE_RSHIFT:
        if (b < 0) return nullptr;
        r = a >> (b > 40 ? 40 : b);
        break;
    case NB_TRUE_DIVIDE: case NB_INPLACE_TRUE_DIVIDE:
        // Both below 2**53: the double quotient is correctly rounded.
        if (b == 0) return nullptr;
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

// BINARY_OP on two compact ints, two floats, or a float and a compact int
// (exactly representable as a double).
inline Object* binary_op_fast(int op, Object* lhs, Object* rhs)
{
    if (long_is_compact(lhs)) {
        if (long_is_compact(rhs)) return binary_op_compact_int(op, compact_value(lhs), compact_value(rhs));
        if (Py_TYPE(rhs) == &Float_Type) return binary_op_float(op, static_cast<double>(compact_value(lhs)), float_value(rhs));
    }
    else if (Py_TYPE(lhs) == &Float_Type) {
        if (Py_TYPE(rhs) == &Float_Type) return binary_op_float(op, float_value(lhs), float_value(rhs));
        if (long_is_compact(rhs)) return binary_op_float(op, float_value(lhs), static_cast<double>(compact_value(rhs)));
    }
    return nullptr;
}

// COMPARE_OP on two compact ints or two floats: 1/0, or -1 when it does not
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
    if (long_is_compact(lhs) && long_is_compact(rhs)) return compare_values(compact_value(lhs), compact_value(rhs), op);
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
    if (!long_is_compact(sub)) return nullptr;
    long long i = compact_value(sub);
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
    if (Py_TYPE(container) != &List_Type || !long_is_compact(sub)) return -1;
    long long i = compact_value(sub);
    Py_ssize_t n = list_size(container);
    if (i < 0) i += n;
    if (i < 0 || i >= n) return -1;
    Object* old = list_item(container, i);
    list_set_item(container, i, v);
    decref(old);
    return 0;
}

}  // namespace minipy::vm
