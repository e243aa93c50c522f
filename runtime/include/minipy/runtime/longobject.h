// longobject.h: int, arbitrary precision with 30-bit digits.
// Mirrors CPython 3.11 Include/longobject.h, Include/cpython/longintrepr.h
// and Objects/longobject.c. Book chapter 11.
//
// Representation (as in CPython 3.11): the absolute value is
//     sum(ob_digit[i] * 2**(30*i) for i in range(abs(ob_size)))
// and the sign of ob_size is the sign of the number; zero has ob_size 0.
// Digits are normalized: the most significant digit is never 0.
// -5..256 are preallocated (the small-int cache) and shared.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

using digit = std::uint32_t;
using twodigits = std::uint64_t;
using stwodigits = std::int64_t;
inline constexpr int PyLong_SHIFT = 30;
inline constexpr digit PyLong_BASE = digit{1} << PyLong_SHIFT;
inline constexpr digit PyLong_MASK = PyLong_BASE - 1;

inline constexpr int NSMALLNEGINTS = 5;
inline constexpr int NSMALLPOSINTS = 257;

struct LongObject : VarObject {
    digit ob_digit[1];
};

extern TypeObject Long_Type;

inline bool long_check(const Object* op) { return type_fast_subclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS); }
inline bool long_check_exact(const Object* op) { return Py_TYPE(op) == &Long_Type; }

// Machine-integer views of small ints, shared by longobject.cpp's "medium"
// paths (one digit, CPython 3.11's MEDIUM_VALUE) and the eval loop's fast
// paths (up to two digits, |v| < 2**60).
inline Py_ssize_t long_ndigits(const Object* op)
{
    Py_ssize_t size = static_cast<const VarObject*>(op)->ob_size;
    return size < 0 ? -size : size;
}
// The value of an int of at most two digits.
inline long long long_small_value(const Object* op)
{
    const auto* v = static_cast<const LongObject*>(op);
    Py_ssize_t n = long_ndigits(op);
    long long abs = n == 0 ? 0 : static_cast<long long>(v->ob_digit[0]);
    if (n == 2) abs |= static_cast<long long>(v->ob_digit[1]) << PyLong_SHIFT;
    return v->ob_size < 0 ? -abs : abs;
}
// Floor division and modulo of machine integers with Python's signs (b != 0).
inline long long floor_div_ll(long long a, long long b)
{
    long long q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
    return q;
}
inline long long floor_mod_ll(long long a, long long b)
{
    long long r = a % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return r;
}

[[nodiscard]] Ref<> long_from_long(long long v);
[[nodiscard]] Ref<> long_from_unsigned(unsigned long long v);
[[nodiscard]] Ref<> long_from_ssize_t(Py_ssize_t v);
[[nodiscard]] Ref<> long_from_double(double v);  // int(v): truncates; errors for inf/nan
// PyLong_FromString on a text: base 0 or 2..36, underscores, sign and
// surrounding whitespace allowed; ValueError with CPython's message otherwise.
[[nodiscard]] Ref<> long_from_string(std::string_view text, int base);
// PyLong_FromUnicodeObject: long_from_string after mapping Unicode decimal
// digits and spaces to ASCII; the error message quotes the original str.
[[nodiscard]] Ref<> long_from_unicode_object(Object* u, int base);
// _PyLong_FromBytes: the text of a bytes or bytearray; the message quotes it
// as a bytes repr (b'...').
[[nodiscard]] Ref<> long_from_bytes(Object* b, int base);
// _PyLong_Copy: an exact int with the value of an int (or subclass).
[[nodiscard]] Ref<> long_copy(Object* v);
// The small-int cache entry for -5 <= v <= 256 (borrowed).
LongObject* small_int(int v);

// PyLong_AsLongLong & co.: -1 with OverflowError/TypeError set on failure.
[[nodiscard]] long long long_as_long_long(Object* v);
[[nodiscard]] long long long_as_long_long_and_overflow(Object* v, int* overflow);
[[nodiscard]] Py_ssize_t long_as_ssize_t(Object* v);
[[nodiscard]] double long_as_double(Object* v);  // -1.0 + OverflowError when too large
// _PyLong_AsInt, Argument Clinic's `int` converter: any object with
// __index__ to a C int; false with TypeError ("'float' object cannot be
// interpreted as an integer") or OverflowError ("Python int too large to
// convert to C int").
[[nodiscard]] bool long_as_int(Object* v, int* out);
// Correctly rounded a/b for ints (int.__truediv__).
[[nodiscard]] Ref<> long_true_divide(Object* a, Object* b);
// Frexp-like: v == x * 2**e with 0.5 <= |x| < 1, correctly rounded (_PyLong_Frexp).
[[nodiscard]] double long_frexp(LongObject* v, Py_ssize_t* e);
int long_sign(const LongObject* v);  // -1, 0, 1
// Number of bits in abs(v) (int.bit_length()).
Py_ssize_t long_num_bits(const LongObject* v);
// _PyLong_FromByteArray/_PyLong_AsByteArray in 32-bit words, least
// significant first, for _random (seeding, getrandbits): the non-negative
// int sum(words[i] << 32*i), and the words of abs(v) (at least one; no
// high zero words beyond the first).
[[nodiscard]] Ref<> long_from_u32_words(const std::uint32_t* words, std::size_t n);
std::vector<std::uint32_t> long_abs_u32_words(const LongObject* v);
// str(v) in base 2, 8, 10 or 16 with Python's prefixes for non-10 bases
// ("0b", "0o", "0x"); a text ValueError when the 4300-digit limit is hit.
[[nodiscard]] Ref<> long_format(Object* v, int base, bool alternate = true);
// Comparison -1/0/1 of two ints.
int long_compare(const LongObject* a, const LongObject* b);
// The int hash (modulo 2**61 - 1).
Py_hash_t long_hash(Object* v);
// Used by the format mini-language and tests: decimal digits of abs(v).
[[nodiscard]] bool long_to_decimal_string(Object* v, std::string* out);

void init_long_type();

}  // namespace minipy::runtime
