// longobject.cpp: int, arbitrary-precision integers in base 2**30.
// Mirrors CPython 3.11 Objects/longobject.c. Book chapter 11.
//
// Read first: the representation note in longobject.h, then x_add/x_sub,
// x_mul and x_divrem (Knuth's algorithm D, TAOCP vol. 2 §4.3.1), on which
// every operator is built. Magnitude helpers work on little-endian digit
// vectors ("Mag"); results become LongObjects through long_from_mag, which
// normalizes and returns shared small ints for -5..256.
//
// Semantics worth knowing (all as CPython):
//  - // and % round toward negative infinity: the remainder has the sign
//    of the divisor (l_divmod adjusts the truncating divrem);
//  - >> on negatives is a floor shift; &, |, ^ act on the infinite two's
//    complement form;
//  - hash is the value modulo 2**61 - 1 (with -1 mapped to -2);
//  - decimal conversions of more than 4300 digits raise ValueError.
#include "minipy/runtime/longobject.h"

#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/pyhash.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_format.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

constexpr int MAX_STR_DIGITS_THRESHOLD = 640;  // _PY_LONG_MAX_STR_DIGITS_THRESHOLD

LongObject small_ints[NSMALLNEGINTS + NSMALLPOSINTS];

using Mag = std::vector<digit>;  // magnitude, least significant digit first

LongObject* L(Object* o) { return static_cast<LongObject*>(o); }
Py_ssize_t ndigits(const LongObject* v) { return long_ndigits(v); }
int sign_of(const LongObject* v) { return v->ob_size < 0 ? -1 : v->ob_size > 0; }

void mag_normalize(Mag& m)
{
    while (!m.empty() && m.back() == 0) m.pop_back();
}

Mag mag_of(const LongObject* v)
{
    return Mag(v->ob_digit, v->ob_digit + ndigits(v));
}

Mag mag_from_u64(unsigned long long x)
{
    Mag m;
    while (x) {
        m.push_back(static_cast<digit>(x & PyLong_MASK));
        x >>= PyLong_SHIFT;
    }
    return m;
}

int mag_cmp(const Mag& a, const Mag& b)
{
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (std::size_t i = a.size(); i-- > 0;)
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    return 0;
}

Mag mag_add(const Mag& a, const Mag& b)
{
    const Mag& x = a.size() >= b.size() ? a : b;
    const Mag& y = a.size() >= b.size() ? b : a;
    Mag r(x.size() + 1);
    digit carry = 0;
    std::size_t i = 0;
    for (; i < y.size(); i++) {
        carry += x[i] + y[i];
        r[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    for (; i < x.size(); i++) {
        carry += x[i];
        r[i] = carry & PyLong_MASK;
        carry >>= PyLong_SHIFT;
    }
    r[i] = carry;
    mag_normalize(r);
    return r;
}

// a - b for a >= b.
Mag mag_sub(const Mag& a, const Mag& b)
{
    Mag r(a.size());
    digit borrow = 0;
    std::size_t i = 0;
    for (; i < b.size(); i++) {
        borrow = a[i] - b[i] - borrow;
        r[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    for (; i < a.size(); i++) {
        borrow = a[i] - borrow;
        r[i] = borrow & PyLong_MASK;
        borrow = (borrow >> PyLong_SHIFT) & 1;
    }
    mag_normalize(r);
    return r;
}

Mag mag_mul(const Mag& a, const Mag& b)
{
    if (a.empty() || b.empty()) return {};
    Mag r(a.size() + b.size(), 0);
    for (std::size_t i = 0; i < a.size(); i++) {
        twodigits carry = 0;
        twodigits f = a[i];
        for (std::size_t j = 0; j < b.size(); j++) {
            carry += r[i + j] + f * b[j];
            r[i + j] = static_cast<digit>(carry & PyLong_MASK);
            carry >>= PyLong_SHIFT;
        }
        std::size_t k = i + b.size();
        while (carry) {
            carry += r[k];
            r[k++] = static_cast<digit>(carry & PyLong_MASK);
            carry >>= PyLong_SHIFT;
        }
    }
    mag_normalize(r);
    return r;
}

// In-place a = a * m + add, for small m and add (< 2**30).
void mag_muladd1(Mag& a, digit m, digit add)
{
    twodigits carry = add;
    for (digit& d : a) {
        carry += static_cast<twodigits>(d) * m;
        d = static_cast<digit>(carry & PyLong_MASK);
        carry >>= PyLong_SHIFT;
    }
    while (carry) {
        a.push_back(static_cast<digit>(carry & PyLong_MASK));
        carry >>= PyLong_SHIFT;
    }
}

// In-place a //= n; returns a % n (n < 2**30).
digit mag_divrem1(Mag& a, digit n)
{
    twodigits rem = 0;
    for (std::size_t i = a.size(); i-- > 0;) {
        rem = (rem << PyLong_SHIFT) | a[i];
        a[i] = static_cast<digit>(rem / n);
        rem %= n;
    }
    mag_normalize(a);
    return static_cast<digit>(rem);
}

int bit_length_digit(digit d)
{
    int n = 0;
    while (d) {
        n++;
        d >>= 1;
    }
    return n;
}

Mag mag_lshift(const Mag& a, Py_ssize_t n)
{
    if (a.empty()) return {};
    std::size_t wordshift = static_cast<std::size_t>(n / PyLong_SHIFT);
    int remshift = static_cast<int>(n % PyLong_SHIFT);
    Mag r(wordshift, 0);
    r.reserve(wordshift + a.size() + 1);
    twodigits accum = 0;
    for (digit d : a) {
        accum |= static_cast<twodigits>(d) << remshift;
        r.push_back(static_cast<digit>(accum & PyLong_MASK));
        accum >>= PyLong_SHIFT;
    }
    r.push_back(static_cast<digit>(accum));
    mag_normalize(r);
    return r;
}

// Floor shift of a magnitude; *lost is set when nonzero bits fell off.
Mag mag_rshift(const Mag& a, Py_ssize_t n, bool* lost = nullptr)
{
    std::size_t wordshift = static_cast<std::size_t>(n / PyLong_SHIFT);
    int remshift = static_cast<int>(n % PyLong_SHIFT);
    if (lost) {
        *lost = false;
        for (std::size_t i = 0; i < std::min(wordshift, a.size()); i++) *lost |= a[i] != 0;
        if (wordshift < a.size()) *lost |= (a[wordshift] & ((digit{1} << remshift) - 1)) != 0;
    }
    if (wordshift >= a.size()) return {};
    Mag r(a.size() - wordshift);
    for (std::size_t i = 0; i < r.size(); i++) {
        twodigits v = a[i + wordshift] >> remshift;
        if (i + wordshift + 1 < a.size()) v |= (static_cast<twodigits>(a[i + wordshift + 1]) << (PyLong_SHIFT - remshift));
        r[i] = static_cast<digit>(v & PyLong_MASK);
    }
    mag_normalize(r);
    return r;
}

// x_divrem: Knuth's algorithm D for |w| >= 2 digits; q = v // w, r = v % w.
void mag_divrem(const Mag& v1, const Mag& w1, Mag& q, Mag& r)
{
    if (mag_cmp(v1, w1) < 0) {
        q.clear();
        r = v1;
        return;
    }
    if (w1.size() == 1) {
        q = v1;
        digit rem = mag_divrem1(q, w1[0]);
        r = rem ? Mag{rem} : Mag{};
        return;
    }
    // Normalize so that the top digit of w has its high bit set (D1).
    int d = PyLong_SHIFT - bit_length_digit(w1.back());
    Mag w = mag_lshift(w1, d);
    Mag v = mag_lshift(v1, d);
    std::size_t size_w = w.size();
    if (v.size() == v1.size()) v.push_back(0);
    while (v.size() < v1.size() + 1) v.push_back(0);
    std::size_t k = v.size() - size_w;
    q.assign(k, 0);
    const digit wm1 = w[size_w - 1], wm2 = w[size_w - 2];
    for (std::size_t j = k; j-- > 0;) {
        // D3: estimate the quotient digit from the top two digits.
        digit vtop = v[j + size_w];
        twodigits vv = (static_cast<twodigits>(vtop) << PyLong_SHIFT) | v[j + size_w - 1];
        digit qd = static_cast<digit>(vv / wm1);
        digit rd = static_cast<digit>(vv - static_cast<twodigits>(wm1) * qd);
        while (static_cast<twodigits>(wm2) * qd > ((static_cast<twodigits>(rd) << PyLong_SHIFT) | v[j + size_w - 2])) {
            --qd;
            rd += wm1;
            if (rd >= PyLong_BASE) break;
        }
        // D4: subtract qd * w from the window of v.
        stwodigits zhi = 0;
        for (std::size_t i = 0; i < size_w; i++) {
            stwodigits z = static_cast<stwodigits>(v[j + i]) + zhi -
                           static_cast<stwodigits>(qd) * static_cast<stwodigits>(w[i]);
            v[j + i] = static_cast<digit>(z) & PyLong_MASK;
            zhi = z >> PyLong_SHIFT;  // arithmetic shift: the borrow
        }
        // D6: the estimate was one too big; add w back.
        if (static_cast<stwodigits>(vtop) + zhi < 0) {
            digit carry = 0;
            for (std::size_t i = 0; i < size_w; i++) {
                carry += v[j + i] + w[i];
                v[j + i] = carry & PyLong_MASK;
                carry >>= PyLong_SHIFT;
            }
            --qd;
        }
        v[j + size_w] = 0;
        q[j] = qd;
    }
    mag_normalize(q);
    v.resize(size_w);
    mag_normalize(v);
    r = mag_rshift(v, d);
}

// --- Object construction ----------------------------------------------------------

Ref<LongObject> long_alloc(Py_ssize_t size)
{
    Ref<LongObject> v = object_new<LongObject>(&Long_Type, std::max<Py_ssize_t>(size, 1));
    if (v) v->ob_size = size;
    return v;
}

Ref<> long_from_mag(const Mag& m, int sign)
{
    if (m.empty()) return new_ref<Object>(small_int(0));
    if (m.size() == 1) {
        long long v = sign < 0 ? -static_cast<long long>(m[0]) : m[0];
        if (v >= -NSMALLNEGINTS && v < NSMALLPOSINTS) return new_ref<Object>(small_int(static_cast<int>(v)));
    }
    Ref<LongObject> r = long_alloc(static_cast<Py_ssize_t>(m.size()));
    if (!r) return nullptr;
    std::memcpy(r->ob_digit, m.data(), m.size() * sizeof(digit));
    if (sign < 0) r->ob_size = -r->ob_size;
    return r;
}

struct Signed {
    Mag mag;
    int sign;  // -1, 0, 1
};

Signed signed_of(Object* o)
{
    LongObject* v = L(o);
    return {mag_of(v), sign_of(v)};
}

Ref<> from_signed(const Signed& s) { return long_from_mag(s.mag, s.mag.empty() ? 0 : s.sign); }

Signed s_add(const Signed& a, const Signed& b)
{
    if (a.sign == 0) return b;
    if (b.sign == 0) return a;
    if (a.sign == b.sign) return {mag_add(a.mag, b.mag), a.sign};
    int c = mag_cmp(a.mag, b.mag);
    if (c == 0) return {{}, 0};
    if (c > 0) return {mag_sub(a.mag, b.mag), a.sign};
    return {mag_sub(b.mag, a.mag), b.sign};
}

Signed s_neg(Signed a)
{
    a.sign = -a.sign;
    return a;
}

// Floor division and modulo (l_divmod).
void s_divmod(const Signed& a, const Signed& b, Signed* div, Signed* mod)
{
    Mag q, r;
    mag_divrem(a.mag, b.mag, q, r);
    Signed sq{q, q.empty() ? 0 : a.sign * b.sign};
    Signed sr{r, r.empty() ? 0 : a.sign};
    if (sr.sign != 0 && sr.sign != b.sign) {
        sr = s_add(sr, b);
        sq = s_add(sq, Signed{{1}, -1});
    }
    if (div) *div = sq;
    if (mod) *mod = sr;
}

Py_ssize_t mag_bits(const Mag& m)
{
    if (m.empty()) return 0;
    return static_cast<Py_ssize_t>(m.size() - 1) * PyLong_SHIFT + bit_length_digit(m.back());
}

}  // namespace

// --- Public constructors and conversions ----------------------------------------------

LongObject* small_int(int v) { return &small_ints[v + NSMALLNEGINTS]; }

Ref<> long_from_long(long long v)
{
    if (v >= -NSMALLNEGINTS && v < NSMALLPOSINTS) return new_ref<Object>(small_int(static_cast<int>(v)));
    unsigned long long abs = v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    // Digits straight into the object (no temporary vector: the hot path of arithmetic).
    Py_ssize_t nd = 0;
    for (unsigned long long t = abs; t; t >>= PyLong_SHIFT) nd++;
    Ref<LongObject> r = long_alloc(nd);
    if (!r) return nullptr;
    for (Py_ssize_t i = 0; i < nd; i++, abs >>= PyLong_SHIFT) r->ob_digit[i] = static_cast<digit>(abs & PyLong_MASK);
    if (v < 0) r->ob_size = -nd;
    return r;
}

Ref<> long_from_unsigned(unsigned long long v) { return long_from_mag(mag_from_u64(v), 1); }
Ref<> long_from_ssize_t(Py_ssize_t v) { return long_from_long(v); }

Ref<> long_copy(Object* v)
{
    if (long_check_exact(v)) return new_ref(v);
    return from_signed(signed_of(v));
}

Ref<> long_from_double(double dval)
{
    if (std::isinf(dval)) return format_error(Exc_OverflowError, "cannot convert float infinity to integer");
    if (std::isnan(dval)) return format_error(Exc_ValueError, "cannot convert float NaN to integer");
    double t = std::trunc(dval);
    if (std::fabs(t) < 9.2e18) return long_from_long(static_cast<long long>(t));
    // frexp gives t = frac * 2**expo with 0.5 <= |frac| < 1; peel 30 bits at a time.
    int expo;
    double frac = std::frexp(std::fabs(t), &expo);
    Py_ssize_t nd = (expo - 1) / PyLong_SHIFT + 1;
    Mag m(static_cast<std::size_t>(nd), 0);
    frac = std::ldexp(frac, (expo - 1) % PyLong_SHIFT + 1);
    for (Py_ssize_t i = nd; --i >= 0;) {
        digit bits = static_cast<digit>(frac);
        m[static_cast<std::size_t>(i)] = bits;
        frac -= bits;
        frac = std::ldexp(frac, PyLong_SHIFT);
    }
    mag_normalize(m);
    return long_from_mag(m, t < 0 ? -1 : 1);
}

int long_sign(const LongObject* v) { return sign_of(v); }

Py_ssize_t long_num_bits(const LongObject* v) { return mag_bits(mag_of(v)); }

// Bits are regrouped from 32-bit words into 30-bit digits and back, one
// pass each (int.from_bytes/to_bytes go through Python-level arguments).
Ref<> long_from_u32_words(const std::uint32_t* words, std::size_t n)
{
    Mag m;
    m.reserve(n * 32 / PyLong_SHIFT + 1);
    twodigits acc = 0;
    int accbits = 0;
    for (std::size_t i = 0; i < n; i++) {
        acc |= static_cast<twodigits>(words[i]) << accbits;
        accbits += 32;
        while (accbits >= PyLong_SHIFT) {
            m.push_back(static_cast<digit>(acc & PyLong_MASK));
            acc >>= PyLong_SHIFT;
            accbits -= PyLong_SHIFT;
        }
    }
    if (accbits) m.push_back(static_cast<digit>(acc));
    mag_normalize(m);
    return long_from_mag(m, 1);
}

std::vector<std::uint32_t> long_abs_u32_words(const LongObject* v)
{
    std::vector<std::uint32_t> words;
    twodigits acc = 0;
    int accbits = 0;
    for (Py_ssize_t i = 0; i < ndigits(v); i++) {
        acc |= static_cast<twodigits>(v->ob_digit[i]) << accbits;
        accbits += PyLong_SHIFT;
        if (accbits >= 32) {
            words.push_back(static_cast<std::uint32_t>(acc));
            acc >>= 32;
            accbits -= 32;
        }
    }
    if (accbits) words.push_back(static_cast<std::uint32_t>(acc));
    while (words.size() > 1 && words.back() == 0) words.pop_back();
    if (words.empty()) words.push_back(0);
    return words;
}

long long long_as_long_long_and_overflow(Object* vv, int* overflow)
{
    *overflow = 0;
    Ref<> keep;
    if (!long_check(vv)) {
        keep = number_index(vv);
        if (!keep) return -1;
        vv = keep.get();
    }
    LongObject* v = L(vv);
    unsigned long long x = 0;
    for (Py_ssize_t i = ndigits(v); --i >= 0;) {
        if (x > (~0ULL >> PyLong_SHIFT)) {
            *overflow = sign_of(v);
            return -1;
        }
        x = (x << PyLong_SHIFT) | v->ob_digit[i];
    }
    if (sign_of(v) >= 0) {
        if (x > static_cast<unsigned long long>(LLONG_MAX)) {
            *overflow = 1;
            return -1;
        }
        return static_cast<long long>(x);
    }
    if (x > static_cast<unsigned long long>(LLONG_MAX) + 1) {
        *overflow = -1;
        return -1;
    }
    return static_cast<long long>(0ULL - x);
}

bool long_as_int(Object* v, int* out)
{
    int overflow = 0;
    long long x = long_as_long_long_and_overflow(v, &overflow);
    if (x == -1 && error_occurred()) return false;
    if (overflow || x > INT_MAX || x < INT_MIN) {
        set_error(Exc_OverflowError, "Python int too large to convert to C int");
        return false;
    }
    *out = static_cast<int>(x);
    return true;
}

long long long_as_long_long(Object* v)
{
    int overflow;
    long long r = long_as_long_long_and_overflow(v, &overflow);
    if (overflow) {
        set_error(Exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

Py_ssize_t long_as_ssize_t(Object* v)
{
    if (!long_check(v)) {
        set_error(Exc_TypeError, "an integer is required");
        return -1;
    }
    int overflow;
    long long r = long_as_long_long_and_overflow(v, &overflow);
    if (overflow) {
        set_error(Exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return static_cast<Py_ssize_t>(r);
}

// _PyLong_Frexp: the top 55 bits with a sticky bit make the double
// conversion round correctly (half to even) in one hardware rounding.
double long_frexp(LongObject* v, Py_ssize_t* e)
{
    Mag m = mag_of(v);
    Py_ssize_t nbits = mag_bits(m);
    if (nbits == 0) {
        *e = 0;
        return 0.0;
    }
    double x;
    if (nbits <= DBL_MANT_DIG + 2) {
        unsigned long long u = 0;
        for (std::size_t i = m.size(); i-- > 0;) u = (u << PyLong_SHIFT) | m[i];
        x = std::ldexp(static_cast<double>(u), static_cast<int>(-nbits));
    } else {
        bool lost;
        Mag top = mag_rshift(m, nbits - (DBL_MANT_DIG + 2), &lost);
        unsigned long long u = 0;
        for (std::size_t i = top.size(); i-- > 0;) u = (u << PyLong_SHIFT) | top[i];
        if (lost) u |= 1;
        x = std::ldexp(static_cast<double>(u), -(DBL_MANT_DIG + 2));
    }
    // Rounding may have carried up to 1.0.
    if (x == 1.0) {
        x = 0.5;
        nbits++;
    }
    *e = nbits;
    return sign_of(v) < 0 ? -x : x;
}

double long_as_double(Object* v)
{
    if (!long_check(v)) {
        set_error(Exc_TypeError, "an integer is required");
        return -1.0;
    }
    LongObject* lv = L(v);
    if (ndigits(lv) <= 1) return static_cast<double>(sign_of(lv)) * (ndigits(lv) ? lv->ob_digit[0] : 0);
    Py_ssize_t e;
    double x = long_frexp(lv, &e);
    if (e > DBL_MAX_EXP) {
        set_error(Exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return std::ldexp(x, static_cast<int>(e));
}

int long_compare(const LongObject* a, const LongObject* b)
{
    if (a->ob_size != b->ob_size) return a->ob_size < b->ob_size ? -1 : 1;
    Py_ssize_t i = ndigits(a);
    while (--i >= 0 && a->ob_digit[i] == b->ob_digit[i]) {
    }
    if (i < 0) return 0;
    int c = a->ob_digit[i] < b->ob_digit[i] ? -1 : 1;
    return a->ob_size < 0 ? -c : c;
}

Py_hash_t long_hash(Object* op)
{
    LongObject* v = L(op);
    Py_ssize_t i = ndigits(v);
    Py_uhash_t x = 0;
    // Fold digits from the top: x = (x * 2**30 + d) mod (2**61 - 1), the
    // multiplication by 2**30 being a rotation within 61 bits.
    while (--i >= 0) {
        x = ((x << PyLong_SHIFT) & PyHASH_MODULUS) | (x >> (PyHASH_BITS - PyLong_SHIFT));
        x += v->ob_digit[i];
        if (x >= PyHASH_MODULUS) x -= PyHASH_MODULUS;
    }
    Py_hash_t r = static_cast<Py_hash_t>(x) * sign_of(v);
    return r == -1 ? -2 : r;
}

// --- Text conversion -------------------------------------------------------------------

namespace {

int max_str_digits() { return interpreter_get()->int_max_str_digits; }

std::nullptr_t too_many_digits_to_str(int limit)
{
    return format_error(Exc_ValueError,
                        "Exceeds the limit (%d digits) for integer string conversion; "
                        "use sys.set_int_max_str_digits() to increase the limit",
                        limit);
}

}  // namespace

bool long_to_decimal_string(Object* v, std::string* out)
{
    LongObject* lv = L(v);
    Py_ssize_t size_a = ndigits(lv);
    int limit = max_str_digits();
    // A cheap early test (as CPython) avoids quadratic work on huge values.
    if (size_a >= 10 * MAX_STR_DIGITS_THRESHOLD / (3 * PyLong_SHIFT) + 2 && limit > 0 &&
        limit / (3 * PyLong_SHIFT) <= (size_a - 11) / 10) {
        too_many_digits_to_str(limit);
        return false;
    }
    Mag m = mag_of(lv);
    std::vector<digit> chunks;  // base 10**9, least significant first
    while (!m.empty()) chunks.push_back(mag_divrem1(m, 1000000000));
    std::string s;
    if (chunks.empty()) s = "0";
    else {
        s = std::to_string(chunks.back());
        char buf[16];
        for (std::size_t i = chunks.size() - 1; i-- > 0;) {
            std::snprintf(buf, sizeof buf, "%09u", chunks[i]);
            s += buf;
        }
    }
    if (static_cast<Py_ssize_t>(s.size()) > MAX_STR_DIGITS_THRESHOLD && limit > 0 &&
        static_cast<Py_ssize_t>(s.size()) > limit) {
        too_many_digits_to_str(limit);
        return false;
    }
    out->clear();
    if (sign_of(lv) < 0) out->push_back('-');
    out->append(s);
    return true;
}

Ref<> long_format(Object* v, int base, bool alternate)
{
    if (base == 10) {
        std::string s;
        if (!long_to_decimal_string(v, &s)) return nullptr;
        return unicode_from_ascii(s);
    }
    int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
    Mag m = mag_of(L(v));
    std::string digits;
    static const char hex[] = "0123456789abcdef";
    twodigits accum = 0;
    int accumbits = 0;
    for (std::size_t i = 0; i < m.size(); i++) {
        accum |= static_cast<twodigits>(m[i]) << accumbits;
        accumbits += PyLong_SHIFT;
        while (accumbits >= bits && (i + 1 < m.size() || accum)) {
            digits += hex[accum & ((1u << bits) - 1)];
            accum >>= bits;
            accumbits -= bits;
        }
    }
    while (accum) {
        digits += hex[accum & ((1u << bits) - 1)];
        accum >>= bits;
    }
    if (digits.empty()) digits.push_back('0');
    std::string s;
    if (sign_of(L(v)) < 0) s.push_back('-');
    if (alternate) s.append(base == 2 ? "0b" : base == 8 ? "0o" : "0x");
    s.append(digits.rbegin(), digits.rend());
    return unicode_from_ascii(s);
}

Ref<> long_from_unicode_object(Object* u, int base)
{
    // _PyUnicode_TransformDecimalAndSpaceToASCII: every Unicode decimal digit
    // becomes its ASCII digit and every Unicode space an ASCII space; any other
    // non-ASCII character becomes '?', which the parser then rejects.
    std::string text;
    Py_ssize_t n = unicode_length(u);
    text.reserve(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = unicode_read_char(u, i);
        if (ch < 128) {
            text += static_cast<char>(ch);
        } else if (int d = unicode_todecimal(ch); d >= 0) {
            text += static_cast<char>('0' + d);
        } else {
            text += unicode_isspace(ch) ? ' ' : '?';
        }
    }
    Ref<> result = long_from_string(text, base);
    if (!result && error_matches(Exc_ValueError)) {
        // The message must quote the caller's text, not the ASCII transform;
        // other ValueErrors (the digit limit) pass through unchanged.
        Ref<> exc = fetch_exception();
        Ref<> msg = object_str(exc.get());
        if (msg && unicode_to_std(msg.get()).rfind("invalid literal", 0) == 0) {
            Ref<> shown = n > 200 ? unicode_substring(u, 0, 200) : new_ref(u);
            return format_error(Exc_ValueError, "invalid literal for int() with base %d: %R", base, shown.get());
        }
        restore_exception(std::move(exc));
    }
    return result;
}

Ref<> long_from_bytes(Object* b, int base)
{
    std::string_view text = bytes_check(b) ? bytes_view(b) : bytearray_view(b);
    Ref<> result = long_from_string(text, base);
    if (!result && error_matches(Exc_ValueError)) {
        Ref<> exc = fetch_exception();
        Ref<> msg = object_str(exc.get());
        if (msg && unicode_to_std(msg.get()).rfind("invalid literal", 0) == 0) {
            Ref<> shown = bytes_from_view(text.substr(0, 200));
            if (!shown) return nullptr;
            return format_error(Exc_ValueError, "invalid literal for int() with base %d: %R", base, shown.get());
        }
        restore_exception(std::move(exc));
    }
    return result;
}

Ref<> long_from_string(std::string_view text, int base)
{
    auto invalid = [&]() -> std::nullptr_t {
        // The message quotes the original text (at most 200 characters).
        Ref<> u = unicode_from_utf8(text);
        if (!u) {
            error_clear();
            u = unicode_from_ascii("?");
        }
        Ref<> shown = unicode_length(u.get()) > 200 ? unicode_substring(u.get(), 0, 200) : u;
        return format_error(Exc_ValueError, "invalid literal for int() with base %d: %R", base, shown.get());
    };
    if ((base != 0 && base < 2) || base > 36)
        return format_error(Exc_ValueError, "int() arg 2 must be >= 2 and <= 36");
    std::size_t i = 0, n = text.size();
    auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
    while (i < n && is_space(text[i])) i++;
    int sign = 1;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
        if (text[i] == '-') sign = -1;
        i++;
    }
    int b = base;
    bool prefixed = false;
    if (i + 1 < n && text[i] == '0') {
        char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i + 1])));
        if ((c == 'x' && (b == 0 || b == 16)) || (c == 'o' && (b == 0 || b == 8)) || (c == 'b' && (b == 0 || b == 2))) {
            b = c == 'x' ? 16 : c == 'o' ? 8 : 2;
            i += 2;
            prefixed = true;
        }
    }
    bool leading_zero_base0 = false;
    if (b == 0) {
        b = 10;
        leading_zero_base0 = i < n && text[i] == '0';
    }
    // Digits with single underscores between them (one allowed after a prefix).
    std::string digits;
    bool last_underscore = prefixed;  // "0x_1" is valid, "_1" is not
    if (!prefixed && i < n && text[i] == '_') return invalid();
    std::size_t j = i;
    for (; j < n; j++) {
        char c = text[j];
        if (c == '_') {
            if (last_underscore && !(prefixed && digits.empty())) return invalid();
            if (digits.empty() && !prefixed) return invalid();
            last_underscore = true;
            continue;
        }
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                : std::isalpha(static_cast<unsigned char>(c))
                    ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                    : 99;
        if (d >= b) break;
        digits += c;
        last_underscore = false;
    }
    if (digits.empty() || (last_underscore && j > i && text[j - 1] == '_')) return invalid();
    std::size_t k = j;
    while (k < n && is_space(text[k])) k++;
    if (k != n) return invalid();
    if (leading_zero_base0 && digits.find_first_not_of('0') != std::string::npos) return invalid();
    // The 4300-digit limit applies to bases that are not powers of two.
    if ((b & (b - 1)) != 0 && static_cast<Py_ssize_t>(digits.size()) > MAX_STR_DIGITS_THRESHOLD) {
        int limit = max_str_digits();
        if (limit > 0 && static_cast<Py_ssize_t>(digits.size()) > limit)
            return format_error(Exc_ValueError,
                                "Exceeds the limit (%d digits) for integer string conversion: value has %zd "
                                "digits; use sys.set_int_max_str_digits() to increase the limit",
                                limit, static_cast<Py_ssize_t>(digits.size()));
    }
    // Accumulate several digits per multiply-add step while it fits 2**30.
    Mag m;
    digit chunk = 0, mult = 1;
    for (char c : digits) {
        int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
        if (static_cast<twodigits>(mult) * static_cast<twodigits>(b) >= PyLong_BASE) {
            mag_muladd1(m, mult, chunk);
            chunk = 0;
            mult = 1;
        }
        chunk = chunk * static_cast<digit>(b) + static_cast<digit>(d);
        mult *= static_cast<digit>(b);
    }
    mag_muladd1(m, mult, chunk);
    mag_normalize(m);
    return long_from_mag(m, sign);
}

// --- Arithmetic slots ----------------------------------------------------------------

namespace {

#define CHECK_BINOP(v, w)                                               \
    if (!long_check(v) || !long_check(w)) return not_implemented_ref();

// "Medium" ints (at most one digit, |v| < 2**30) take a machine-integer
// fast path, as CPython 3.11's MEDIUM_VALUE: no digit vectors at all.
bool is_medium(Object* v) { return long_ndigits(v) <= 1; }
long long medium_value(Object* v) { return long_small_value(v); }

Ref<> long_add(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    if (is_medium(a) && is_medium(b)) return long_from_long(medium_value(a) + medium_value(b));
    return from_signed(s_add(signed_of(a), signed_of(b)));
}

Ref<> long_sub(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    if (is_medium(a) && is_medium(b)) return long_from_long(medium_value(a) - medium_value(b));
    return from_signed(s_add(signed_of(a), s_neg(signed_of(b))));
}

Ref<> long_mul(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    if (is_medium(a) && is_medium(b)) return long_from_long(medium_value(a) * medium_value(b));
    Signed x = signed_of(a), y = signed_of(b);
    return from_signed({mag_mul(x.mag, y.mag), x.sign * y.sign});
}

bool check_zero_divisor(Object* b, const char* msg)
{
    if (sign_of(L(b)) != 0) return true;
    set_error(Exc_ZeroDivisionError, msg);
    return false;
}

Ref<> long_floor_div(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    if (!check_zero_divisor(b, "integer division or modulo by zero")) return nullptr;
    if (is_medium(a) && is_medium(b)) return long_from_long(floor_div_ll(medium_value(a), medium_value(b)));
    Signed q;
    s_divmod(signed_of(a), signed_of(b), &q, nullptr);
    return from_signed(q);
}

Ref<> long_mod(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    if (!check_zero_divisor(b, "integer modulo by zero")) return nullptr;
    if (is_medium(a) && is_medium(b)) return long_from_long(floor_mod_ll(medium_value(a), medium_value(b)));
    Signed r;
    s_divmod(signed_of(a), signed_of(b), nullptr, &r);
    return from_signed(r);
}

Ref<> long_divmod(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    if (!check_zero_divisor(b, "integer division or modulo by zero")) return nullptr;
    Signed q, r;
    s_divmod(signed_of(a), signed_of(b), &q, &r);
    Ref<> qo = from_signed(q), ro = from_signed(r);
    if (!qo || !ro) return nullptr;
    return tuple_pack({qo.get(), ro.get()});
}

Ref<> long_true_divide_slot(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    return long_true_divide(a, b);
}

// The modular inverse for pow(base, -n, mod) (long_invmod): extended Euclid.
bool invmod(const Signed& a, const Signed& n, Signed* out)
{
    Signed b = n, x{{1}, 1}, y{{}, 0}, aa = a;
    s_divmod(aa, n, nullptr, &aa);
    Signed a2 = aa;
    while (b.sign != 0) {
        Signed q, r;
        s_divmod(a2, b, &q, &r);
        a2 = b;
        b = r;
        Signed t = s_add(x, s_neg(Signed{mag_mul(q.mag, y.mag), q.sign * y.sign}));
        x = y;
        y = t;
    }
    if (!(a2.sign == 1 && a2.mag == Mag{1})) {
        set_error(Exc_ValueError, "base is not invertible for the given modulus");
        return false;
    }
    s_divmod(x, n, nullptr, out);
    return true;
}

Signed s_mulmod(const Signed& a, const Signed& b, const Signed* mod)
{
    Signed r{mag_mul(a.mag, b.mag), a.sign * b.sign};
    if (r.mag.empty()) r.sign = 0;
    if (mod) s_divmod(r, *mod, nullptr, &r);
    return r;
}

Ref<> long_pow(Object* v, Object* w, Object* x)
{
    CHECK_BINOP(v, w);
    bool has_mod = x != Py_None();
    if (has_mod && !long_check(x)) return not_implemented_ref();
    Signed base = signed_of(v), exp = signed_of(w);
    if (exp.sign < 0 && !has_mod) {
        // A negative exponent without modulus gives a float.
        Ref<> fv = float_from_double(long_as_double(v));
        if (!fv) return nullptr;
        Ref<> fw = float_from_double(long_as_double(w));
        if (!fw) return nullptr;
        return Float_Type.tp_as_number->nb_power(fv.get(), fw.get(), Py_None());
    }
    Signed mod{{}, 0};
    bool negative_output = false;
    if (has_mod) {
        mod = signed_of(x);
        if (mod.sign == 0) return format_error(Exc_ValueError, "pow() 3rd argument cannot be 0");
        if (mod.sign < 0) {
            negative_output = true;
            mod.sign = 1;
        }
        if (mod.mag == Mag{1}) return long_from_long(0);
        if (exp.sign < 0) {
            Signed inv;
            if (!invmod(base, mod, &inv)) return nullptr;
            base = inv;
            exp.sign = 1;
        }
        s_divmod(base, mod, nullptr, &base);
    }
    // Left-to-right binary exponentiation.
    Signed result{{1}, 1};
    const Signed* m = has_mod ? &mod : nullptr;
    for (Py_ssize_t i = mag_bits(exp.mag); --i >= 0;) {
        result = s_mulmod(result, result, m);
        digit d = exp.mag[static_cast<std::size_t>(i / PyLong_SHIFT)];
        if ((d >> (i % PyLong_SHIFT)) & 1) result = s_mulmod(result, base, m);
    }
    if (negative_output && result.sign != 0) result = s_add(result, s_neg(mod));
    return from_signed(result);
}

Ref<> long_neg(Object* v)
{
    if (is_medium(v)) return long_from_long(-medium_value(v));
    return from_signed(s_neg(signed_of(v)));
}
Ref<> long_pos(Object* v) { return long_copy(v); }
Ref<> long_abs(Object* v)
{
    Signed s = signed_of(v);
    if (s.sign < 0) s.sign = 1;
    return from_signed(s);
}
int long_bool(Object* v) { return sign_of(L(v)) != 0; }
Ref<> long_invert(Object* v) { return from_signed(s_neg(s_add(signed_of(v), Signed{{1}, 1}))); }

bool shift_count(Object* b, Py_ssize_t* count)
{
    if (sign_of(L(b)) < 0) {
        set_error(Exc_ValueError, "negative shift count");
        return false;
    }
    int overflow;
    long long n = long_as_long_long_and_overflow(b, &overflow);
    *count = overflow ? PTRDIFF_MAX : static_cast<Py_ssize_t>(n);
    return true;
}

Ref<> long_lshift(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    Py_ssize_t n;
    if (!shift_count(b, &n)) return nullptr;
    Signed x = signed_of(a);
    if (x.sign == 0) return long_from_long(0);
    // A count past Py_ssize_t is CPython's divmod_shift OverflowError; a
    // result too big to allocate is its MemoryError (std::vector would throw
    // bad_alloc and abort the process instead).
    if (n == PTRDIFF_MAX) return format_error(Exc_OverflowError, "too many digits in integer");
    if (n / PyLong_SHIFT > (Py_ssize_t{1} << 40)) return error_no_memory();
    return from_signed({mag_lshift(x.mag, n), x.sign});
}

Ref<> long_rshift(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    Py_ssize_t n;
    if (!shift_count(b, &n)) return nullptr;
    Signed x = signed_of(a);
    if (x.sign >= 0) return from_signed({mag_rshift(x.mag, n), 1});
    // Floor shift of a negative: -((|a| - 1) >> n) - 1.
    Mag m = mag_sub(x.mag, Mag{1});
    Mag r = mag_rshift(m, n);
    return from_signed({mag_add(r, Mag{1}), -1});
}

// &, |, ^ on two's complement forms one digit wider than either operand.
Ref<> long_bitwise(Object* a, char op, Object* b)
{
    Signed x = signed_of(a), y = signed_of(b);
    std::size_t n = std::max(x.mag.size(), y.mag.size()) + 1;
    auto twos = [n](const Signed& s) {
        Mag m = s.mag;
        m.resize(n, 0);
        if (s.sign < 0) {
            digit carry = 1;
            for (digit& d : m) {
                carry += (~d) & PyLong_MASK;
                d = carry & PyLong_MASK;
                carry >>= PyLong_SHIFT;
            }
        }
        return m;
    };
    Mag p = twos(x), q = twos(y), r(n);
    for (std::size_t i = 0; i < n; i++) r[i] = op == '&' ? (p[i] & q[i]) : op == '|' ? (p[i] | q[i]) : (p[i] ^ q[i]);
    bool negative = (r[n - 1] >> (PyLong_SHIFT - 1)) & 1;
    if (negative) {
        digit carry = 1;
        for (digit& d : r) {
            carry += (~d) & PyLong_MASK;
            d = carry & PyLong_MASK;
            carry >>= PyLong_SHIFT;
        }
    }
    mag_normalize(r);
    return long_from_mag(r, negative ? -1 : 1);
}

Ref<> long_and(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    if (is_medium(a) && is_medium(b)) return long_from_long(medium_value(a) & medium_value(b));
    return long_bitwise(a, '&', b);
}
Ref<> long_or(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    if (is_medium(a) && is_medium(b)) return long_from_long(medium_value(a) | medium_value(b));
    return long_bitwise(a, '|', b);
}
Ref<> long_xor(Object* a, Object* b)
{
    CHECK_BINOP(a, b);
    if (is_medium(a) && is_medium(b)) return long_from_long(medium_value(a) ^ medium_value(b));
    return long_bitwise(a, '^', b);
}

Ref<> long_long(Object* v) { return long_copy(v); }

Ref<> long_float(Object* v)
{
    double d = long_as_double(v);
    if (d == -1.0 && error_occurred()) return nullptr;
    return float_from_double(d);
}

Ref<> long_richcompare(Object* a, Object* b, int op)
{
    CHECK_BINOP(a, b);
    int c = a == b ? 0 : long_compare(L(a), L(b));
    bool r = op == Py_LT ? c < 0 : op == Py_LE ? c <= 0 : op == Py_EQ ? c == 0 : op == Py_NE ? c != 0 : op == Py_GT ? c > 0 : c >= 0;
    return bool_from_long(r);
}

Ref<> long_to_decimal(Object* v) { return long_format(v, 10); }

// --- Methods -------------------------------------------------------------------

Ref<> int_bit_length(Object* self, Object*) { return long_from_ssize_t(long_num_bits(L(self))); }

Ref<> int_bit_count(Object* self, Object*)
{
    Py_ssize_t count = 0;
    LongObject* v = L(self);
    for (Py_ssize_t i = 0; i < ndigits(v); i++) count += __builtin_popcount(v->ob_digit[i]);
    return long_from_ssize_t(count);
}

Ref<> int_conjugate(Object* self, Object*) { return long_copy(self); }

Ref<> int_as_integer_ratio(Object* self, Object*)
{
    Ref<> n = long_copy(self);
    if (!n) return nullptr;
    return tuple_pack({n.get(), small_int(1)});
}

// int.__round__(ndigits): round half to even at 10**-ndigits.
Ref<> int_round(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("__round__", nargs, 0, 1)) return nullptr;
    if (nargs == 0 || args[0] == Py_None()) return long_copy(self);
    Ref<> nd = number_index(args[0]);
    if (!nd) return nullptr;
    if (sign_of(L(nd.get())) >= 0) return long_copy(self);
    // q, r = divmod(self, 10**-ndigits); round r against the half.
    Ref<> ten = long_from_long(10);
    Ref<> negnd = long_neg(nd.get());
    Ref<> pow10 = long_pow(ten.get(), negnd.get(), Py_None());
    if (!pow10) return nullptr;
    Signed q, r, p = signed_of(pow10.get());
    s_divmod(signed_of(self), p, &q, &r);
    Signed twice_r{mag_add(r.mag, r.mag), r.sign};
    int c = mag_cmp(twice_r.mag, p.mag);
    bool q_odd = !q.mag.empty() && (q.mag[0] & 1);
    if (c > 0 || (c == 0 && q_odd)) q = s_add(q, Signed{{1}, 1});
    Signed res{mag_mul(q.mag, p.mag), q.sign};
    return from_signed(res);
}

Ref<> int_trunc(Object* self, Object*) { return long_copy(self); }

Ref<> int_format(Object* self, Object* spec) { return long_format_spec(self, spec); }

Ref<> int_sizeof(Object* self, Object*)
{
    return long_from_ssize_t(static_cast<Py_ssize_t>(offsetof(LongObject, ob_digit)) +
                             std::max<Py_ssize_t>(ndigits(L(self)), 1) * static_cast<Py_ssize_t>(sizeof(digit)));
}

Ref<> int_getnewargs(Object* self, Object*)
{
    Ref<> c = long_copy(self);
    if (!c) return nullptr;
    return tuple_pack({c.get()});
}

// The byteorder argument: 0 little, 1 big, -1 error.
int parse_byteorder(Object* o)
{
    if (!o) return 1;
    if (!unicode_check(o)) {
        format_error(Exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %.50s", Py_TYPE(o)->tp_name);
        return -1;
    }
    if (unicode_equal_to_ascii(o, "little")) return 0;
    if (unicode_equal_to_ascii(o, "big")) return 1;
    set_error(Exc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
Ref<> int_to_bytes(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[3];
    if (!parse_args_fastkw("to_bytes", args, nargs, kwnames, {"length", "byteorder", "signed"}, 0, out)) return nullptr;
    Py_ssize_t length = 1;
    if (out[0]) {
        length = number_as_ssize_t(out[0], Exc_OverflowError);
        if (length == -1 && error_occurred()) return nullptr;
        if (length < 0) return format_error(Exc_ValueError, "length argument must be non-negative");
    }
    int big = parse_byteorder(out[1]);
    if (big < 0) return nullptr;
    int is_signed = out[2] ? object_is_true(out[2]) : 0;
    if (is_signed < 0) return nullptr;
    Signed v = signed_of(self);
    if (v.sign < 0 && !is_signed) return format_error(Exc_OverflowError, "can't convert negative int to unsigned");
    // Negative values are written in two's complement: ~(|v| - 1).
    Mag m = v.sign < 0 ? mag_sub(v.mag, Mag{1}) : v.mag;
    Py_ssize_t bits = mag_bits(m);
    if (bits > 8 * length - (is_signed ? 1 : 0)) return format_error(Exc_OverflowError, "int too big to convert");
    std::string bytes(static_cast<std::size_t>(length), '\0');
    for (Py_ssize_t i = 0; i < length; i++) {
        unsigned byte = 0;
        for (int b = 0; b < 8; b++) {
            Py_ssize_t bit = 8 * i + b;
            std::size_t d = static_cast<std::size_t>(bit / PyLong_SHIFT);
            if (d < m.size() && ((m[d] >> (bit % PyLong_SHIFT)) & 1)) byte |= 1u << b;
        }
        if (v.sign < 0) byte = ~byte & 0xFF;
        bytes[static_cast<std::size_t>(big ? length - 1 - i : i)] = static_cast<char>(byte);
    }
    return bytes_from_view(bytes);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False)
Ref<> int_from_bytes(Object* cls, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* out[3];
    if (!parse_args_fastkw("from_bytes", args, nargs, kwnames, {"bytes", "byteorder", "signed"}, 1, out)) return nullptr;
    int big = parse_byteorder(out[1]);
    if (big < 0) return nullptr;
    int is_signed = out[2] ? object_is_true(out[2]) : 0;
    if (is_signed < 0) return nullptr;
    if (unicode_check(out[0]))
        return format_error(Exc_TypeError, "cannot convert '%.200s' object to bytes", Py_TYPE(out[0])->tp_name);
    Ref<> data = bytes_check(out[0]) ? new_ref(out[0]) : call_one_arg(&Bytes_Type, out[0]);
    if (!data) return nullptr;
    std::string_view b = bytes_view(data.get());
    Mag m;
    for (std::size_t k = 0; k < b.size(); k++) {
        auto byte = static_cast<unsigned char>(b[big ? k : b.size() - 1 - k]);
        mag_muladd1(m, 256, byte);
    }
    mag_normalize(m);
    Signed v{m, m.empty() ? 0 : 1};
    if (is_signed && !b.empty() && (static_cast<unsigned char>(b[big ? 0 : b.size() - 1]) & 0x80)) {
        // Subtract 2**(8n) for a set sign bit.
        Mag full = mag_lshift(Mag{1}, 8 * static_cast<Py_ssize_t>(b.size()));
        v = s_add(v, Signed{full, -1});
    }
    Ref<> result = from_signed(v);
    if (!result || cls == &Long_Type) return result;
    return call_one_arg(cls, result.get());
}

Ref<> int_get_self(Object* self, void*) { return long_copy(self); }
Ref<> int_get_zero(Object*, void*) { return long_from_long(0); }
Ref<> int_get_one(Object*, void*) { return long_from_long(1); }

MethodDef long_methods[] = {
    method_noargs("conjugate", int_conjugate, "Returns self, the complex conjugate of any int."),
    method_noargs("bit_length", int_bit_length, "Number of bits necessary to represent self in binary."),
    method_noargs("bit_count", int_bit_count, "Number of ones in the binary representation of the absolute value of self."),
    method_noargs("as_integer_ratio", int_as_integer_ratio, "Return integer ratio."),
    method_fastkw("to_bytes", int_to_bytes, "Return an array of bytes representing an integer."),
    method_fastkw("from_bytes", int_from_bytes, "Return the integer represented by the given array of bytes.", METH_CLASS),
    method_noargs("__trunc__", int_trunc, "Truncating an Integral returns itself."),
    method_noargs("__floor__", int_trunc, "Flooring an Integral returns itself."),
    method_noargs("__ceil__", int_trunc, "Ceiling of an Integral returns itself."),
    method_fast("__round__", int_round, "Rounding an Integral returns itself."),
    method_noargs("__getnewargs__", int_getnewargs),
    method_o("__format__", int_format),
    method_noargs("__sizeof__", int_sizeof, "Returns size in memory, in bytes."),
    {},
};

GetSetDef long_getsets[] = {
    {"real", int_get_self, nullptr, "the real part of a complex number", nullptr},
    {"imag", int_get_zero, nullptr, "the imaginary part of a complex number", nullptr},
    {"numerator", int_get_self, nullptr, "the numerator of a rational number in lowest terms", nullptr},
    {"denominator", int_get_one, nullptr, "the denominator of a rational number in lowest terms", nullptr},
    {},
};

// int(x=0) / int(x, base=10)
Ref<> long_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* out[2] = {nullptr, nullptr};
    Py_ssize_t nargs = tuple_size(args);
    if (nargs > 2) return format_error(Exc_TypeError, "int() takes at most 2 arguments (%zd given)", nargs);
    for (Py_ssize_t i = 0; i < nargs; i++) out[i] = tuple_item(args, i);
    if (kwds && dict_size(kwds)) {
        Object* b = dict_get_item_string(kwds, "base");
        if (!b || dict_size(kwds) > 1) return format_error(Exc_TypeError, "'x' is an invalid keyword argument for int()");
        if (out[1]) return format_error(Exc_TypeError, "argument for int() given by name ('base') and position (2)");
        out[1] = b;
    }
    Ref<> result;
    if (!out[1]) {
        result = out[0] ? number_long(out[0]) : long_from_long(0);
    } else {
        Py_ssize_t base = number_as_ssize_t(out[1], nullptr);
        if (base == -1 && error_occurred()) return nullptr;
        if ((base != 0 && base < 2) || base > 36)
            return format_error(Exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        if (!out[0]) return format_error(Exc_TypeError, "int() missing string argument");
        if (unicode_check(out[0])) {
            result = long_from_unicode_object(out[0], static_cast<int>(base));
        } else if (bytes_check(out[0]) || bytearray_check(out[0])) {
            result = long_from_bytes(out[0], static_cast<int>(base));
        } else {
            return format_error(Exc_TypeError, "int() can't convert non-string with explicit base");
        }
    }
    if (!result || type == &Long_Type) return result;
    // A subclass: copy the digits into an instance of the subtype.
    LongObject* src = L(result.get());
    Ref<> obj = steal_ref(object_alloc_raw(type, std::max<Py_ssize_t>(ndigits(src), 1)));
    if (!obj) return nullptr;
    L(obj.get())->ob_size = src->ob_size;
    std::memcpy(L(obj.get())->ob_digit, src->ob_digit, static_cast<std::size_t>(ndigits(src)) * sizeof(digit));
    return obj;
}

void long_dealloc(Object* op)
{
    auto* v = L(op);
    if (v >= &small_ints[0] && v < &small_ints[NSMALLNEGINTS + NSMALLPOSINTS]) {
        std::fprintf(stderr, "Fatal Python error: deallocating a cached small int\n");
        std::abort();
    }
    object_dealloc_memory(op);
}

NumberMethods long_as_number = [] {
    NumberMethods nb{};
    nb.nb_add = long_add;
    nb.nb_subtract = long_sub;
    nb.nb_multiply = long_mul;
    nb.nb_remainder = long_mod;
    nb.nb_divmod = long_divmod;
    nb.nb_power = long_pow;
    nb.nb_negative = long_neg;
    nb.nb_positive = long_pos;
    nb.nb_absolute = long_abs;
    nb.nb_bool = long_bool;
    nb.nb_invert = long_invert;
    nb.nb_lshift = long_lshift;
    nb.nb_rshift = long_rshift;
    nb.nb_and = long_and;
    nb.nb_xor = long_xor;
    nb.nb_or = long_or;
    nb.nb_int = long_long;
    nb.nb_float = long_float;
    nb.nb_floor_divide = long_floor_div;
    nb.nb_true_divide = long_true_divide_slot;
    nb.nb_index = long_long;
    return nb;
}();

}  // namespace

// long_true_divide: a / b correctly rounded (see the notes in CPython's
// long_true_divide): scale a so the quotient has DBL_MANT_DIG + 2 or 3 bits,
// fold the remainder into a sticky bit, round once to the final precision
// (fewer bits when the result is subnormal), then scale by 2**shift.
Ref<> long_true_divide(Object* a, Object* b)
{
    Signed x = signed_of(a), y = signed_of(b);
    if (y.sign == 0) return format_error(Exc_ZeroDivisionError, "division by zero");
    if (x.sign == 0) return float_from_double(y.sign < 0 ? -0.0 : 0.0);
    int sign = x.sign * y.sign;
    Py_ssize_t a_bits = mag_bits(x.mag), b_bits = mag_bits(y.mag);
    if (a_bits <= DBL_MANT_DIG && b_bits <= DBL_MANT_DIG) {
        double r = long_as_double(a) / long_as_double(b);
        return float_from_double(r);
    }
    Py_ssize_t diff = a_bits - b_bits;
    if (diff > DBL_MAX_EXP) return format_error(Exc_OverflowError, "integer division result too large for a float");
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return float_from_double(sign < 0 ? -0.0 : 0.0);
    Py_ssize_t shift = std::max<Py_ssize_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    Mag num = shift <= 0 ? mag_lshift(x.mag, -shift) : mag_rshift(x.mag, shift, &inexact);
    Mag q, r;
    mag_divrem(num, y.mag, q, r);
    inexact |= !r.empty();
    Py_ssize_t x_bits = mag_bits(q);
    Py_ssize_t extra_bits = std::max<Py_ssize_t>(x_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    unsigned long long u = 0;
    for (std::size_t i = q.size(); i-- > 0;) u = (u << PyLong_SHIFT) | q[i];
    // Round half to even at bit extra_bits, using the inexact flag as sticky.
    unsigned long long mask = 1ULL << (extra_bits - 1);
    unsigned long long low = u | (inexact ? 1 : 0);  // bit extra_bits is the lsb kept: ties go to even
    if ((low & mask) && (low & (3 * mask - 1))) u += mask;
    u &= ~(2 * mask - 1);
    double dx = static_cast<double>(u);
    if (shift + x_bits >= DBL_MAX_EXP && std::ldexp(dx, static_cast<int>(shift)) == HUGE_VAL)
        return format_error(Exc_OverflowError, "integer division result too large for a float");
    double result = std::ldexp(dx, static_cast<int>(shift));
    if (std::isinf(result)) return format_error(Exc_OverflowError, "integer division result too large for a float");
    return float_from_double(sign < 0 ? -result : result);
}

TypeObject Long_Type = [] {
    TypeObject t = static_type("int", offsetof(LongObject, ob_digit), sizeof(digit),
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_MATCH_SELF,
                               "int([x]) -> integer\nint(x, base=10) -> integer");
    t.tp_dealloc = long_dealloc;
    t.tp_repr = long_to_decimal;
    t.tp_as_number = &long_as_number;
    t.tp_hash = long_hash;
    t.tp_getattro = object_generic_get_attr;
    t.tp_richcompare = long_richcompare;
    t.tp_methods = long_methods;
    t.tp_getset = long_getsets;
    t.tp_new = long_new;
    return t;
}();

void init_long_type()
{
    for (int v = -NSMALLNEGINTS; v < NSMALLPOSINTS; v++) {
        LongObject& s = small_ints[v + NSMALLNEGINTS];
        s.ob_refcnt = 1;
        s.ob_type = &Long_Type;
        s.ob_size = v < 0 ? -1 : v > 0 ? 1 : 0;
        s.ob_digit[0] = static_cast<digit>(v < 0 ? -v : v);
    }
}

}  // namespace minipy::runtime
