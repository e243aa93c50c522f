// pyhash.h: hashing of numbers, bytes and pointers.
// Mirrors CPython 3.11 Include/pyhash.h and Python/pyhash.c. Book chapter 11.
//
// Numeric hashes are reduction modulo the Mersenne prime P = 2**61 - 1, so
// that equal numbers of different types (1, 1.0, True) hash alike. Bytes and
// str hash with SipHash-1-3 keyed by the hash secret; PYTHONHASHSEED=0 makes
// the key zero, which is how the tests compare with python3.11.
#pragma once

#include <cstdint>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

inline constexpr int PyHASH_BITS = 61;
inline constexpr Py_uhash_t PyHASH_MODULUS = (Py_uhash_t{1} << PyHASH_BITS) - 1;
inline constexpr Py_hash_t PyHASH_INF = 314159;
inline constexpr Py_hash_t PyHASH_IMAG = 1000003;  // multiplier for complex

// _Py_HashDouble: inst is the float object (its identity hashes a NaN).
Py_hash_t hash_double(Object* inst, double v);
Py_hash_t hash_pointer(const void* p);
Py_hash_t hash_bytes(const void* data, Py_ssize_t len);

// Sets the SipHash key from a PYTHONHASHSEED-style seed (0: no randomization).
void hash_secret_init(std::uint64_t seed, bool randomize);

}  // namespace minipy::runtime
