// pytime.h: timeouts and durations given in seconds, as the modules of
// modules/ read them (time.sleep, lock.acquire(timeout=...)).
// Mirrors CPython 3.11 Python/pytime.c (_PyTime_FromSecondsObject with
// _PyTime_ROUND_TIMEOUT, _PyTime_AsMicroseconds). Book chapter 12.
#pragma once

#include <cmath>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"

namespace minipy::modules {

constexpr long long SEC_TO_NS = 1000000000LL;

// _PyTime_FromSecondsObject(..., _PyTime_ROUND_TIMEOUT): an int or float
// number of seconds as nanoseconds, rounded away from zero so that a wait
// is never shorter than asked. false with CPython's errors: ValueError for
// NaN, OverflowError past _PyTime_t (worded differently for floats and
// ints, as CPython's are), TypeError for a non-number.
[[nodiscard]] inline bool time_from_seconds_object(runtime::Object* arg, long long* ns)
{
    using namespace runtime;
    if (float_check(arg)) {
        double d = float_value(arg);
        if (std::isnan(d)) {
            format_error(Exc_ValueError, "Invalid value NaN (not a number)");
            return false;
        }
        double dns = d * 1e9;
        dns = dns >= 0 ? std::ceil(dns) : std::floor(dns);
        // _Py_InIntegralTypeRange(_PyTime_t, dns): [-2**63, 2**63).
        if (!(dns >= -9223372036854775808.0 && dns < 9223372036854775808.0)) {
            format_error(Exc_OverflowError, "timestamp out of range for platform time_t");
            return false;
        }
        *ns = static_cast<long long>(dns);
        return true;
    }
    Ref<> i = number_index(arg);
    if (!i) return false;
    int overflow = 0;
    long long secs = long_as_long_long_and_overflow(i.get(), &overflow);
    if (secs == -1 && error_occurred()) return false;
    if (overflow || __builtin_mul_overflow(secs, SEC_TO_NS, ns)) {
        format_error(Exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return false;
    }
    return true;
}

// _PyTime_AsMicroseconds(ns, _PyTime_ROUND_TIMEOUT).
inline long long time_as_microseconds_timeout(long long ns)
{
    long long us = ns / 1000;
    long long rem = ns % 1000;
    if (rem > 0) us++;
    else if (rem < 0) us--;
    return us;
}

}  // namespace minipy::modules
