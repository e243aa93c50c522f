// pyhash.cpp: SipHash-1-3 for bytes and str, and the numeric hash of floats.
// Mirrors CPython 3.11 Python/pyhash.c. Book chapter 11.
#include "minipy/runtime/pyhash.h"

#include <cmath>
#include <cstring>
#include <random>

namespace minipy::runtime {

namespace {

std::uint64_t k0 = 0, k1 = 0;  // the hash secret (PYTHONHASHSEED=0: zeros)

inline std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

#define HALF_ROUND(a, b, c, d, s, t) \
    a += b;                          \
    c += d;                          \
    b = rotl(b, s) ^ a;              \
    d = rotl(d, t) ^ c;              \
    a = rotl(a, 32);

#define SINGLE_ROUND(v0, v1, v2, v3)  \
    HALF_ROUND(v0, v1, v2, v3, 13, 16); \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

// SipHash-1-3 (one compression round, three finalization rounds), the
// function CPython 3.11 uses by default (Py_HASH_ALGORITHM = SIPHASH13).
std::uint64_t siphash13(std::uint64_t key0, std::uint64_t key1, const void* src, std::size_t len)
{
    std::uint64_t b = static_cast<std::uint64_t>(len) << 56;
    std::uint64_t v0 = key0 ^ 0x736f6d6570736575ULL;
    std::uint64_t v1 = key1 ^ 0x646f72616e646f6dULL;
    std::uint64_t v2 = key0 ^ 0x6c7967656e657261ULL;
    std::uint64_t v3 = key1 ^ 0x7465646279746573ULL;
    const auto* in = static_cast<const unsigned char*>(src);
    while (len >= 8) {
        std::uint64_t mi;
        std::memcpy(&mi, in, 8);  // little-endian host assumed (x86-64, aarch64)
        in += 8;
        len -= 8;
        v3 ^= mi;
        SINGLE_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    std::uint64_t t = 0;
    for (std::size_t i = 0; i < len; i++) t |= static_cast<std::uint64_t>(in[i]) << (8 * i);
    b |= t;
    v3 ^= b;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

}  // namespace

void hash_secret_init(std::uint64_t seed, bool randomize)
{
    if (!randomize && seed == 0) {
        k0 = k1 = 0;
        return;
    }
    std::mt19937_64 gen(randomize ? std::random_device{}() : seed);
    k0 = gen();
    k1 = gen();
}

Py_hash_t hash_bytes(const void* data, Py_ssize_t len)
{
    if (len == 0) return 0;
    auto x = static_cast<Py_hash_t>(siphash13(k0, k1, data, static_cast<std::size_t>(len)));
    return x == -1 ? -2 : x;
}

Py_hash_t hash_pointer(const void* p)
{
    // Rotate by 4: the low bits of an address are always zero.
    auto y = reinterpret_cast<std::size_t>(p);
    y = (y >> 4) | (y << (8 * sizeof(void*) - 4));
    auto x = static_cast<Py_hash_t>(y);
    return x == -1 ? -2 : x;
}

// _Py_HashDouble: the hash of the rational number v modulo 2**61 - 1, so
// that hash(2.0) == hash(2) and hash(0.5) == hash(Fraction(1, 2)).
Py_hash_t hash_double(Object* inst, double v)
{
    if (!std::isfinite(v)) {
        if (std::isinf(v)) return v > 0 ? PyHASH_INF : -PyHASH_INF;
        return hash_pointer(inst);
    }
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    Py_uhash_t x = 0;
    // Process 28 bits at a time, each step multiplying by 2**28 mod P.
    while (m) {
        x = ((x << 28) & PyHASH_MODULUS) | x >> (PyHASH_BITS - 28);
        m *= 268435456.0;  // 2**28
        e -= 28;
        auto y = static_cast<Py_uhash_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= PyHASH_MODULUS) x -= PyHASH_MODULUS;
    }
    // Multiply by 2**e mod P: a rotation.
    e = e >= 0 ? e % PyHASH_BITS : PyHASH_BITS - 1 - ((-1 - e) % PyHASH_BITS);
    x = ((x << e) & PyHASH_MODULUS) | x >> (PyHASH_BITS - e);
    auto r = static_cast<Py_hash_t>(x) * sign;
    return r == -1 ? -2 : r;
}

}  // namespace minipy::runtime
