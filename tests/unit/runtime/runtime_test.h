// runtime_test.h: helpers shared by the runtime stage's unit tests.
// Every test starts the runtime (idempotent) and speaks in strings: the
// repr of a result, or "ExcName: message" for the exception it raised, so
// that expectations read like python3.11 sessions.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <initializer_list>
#include <string>

#include "minipy/memory/obmalloc.h"

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/object.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace rt = minipy::runtime;

namespace runtime_test {

// Starts the runtime once. The allocator comes from PYTHONMALLOC like in
// minipy; unset, the tests use malloc so that ASan and LeakSanitizer see
// every block through their own allocator. tests/runtime/ runs them again
// with pymalloc, LeakSanitizer on (arenas are LSan root regions).
inline void start()
{
    static const bool allocator_set = [] {
        const char* name = std::getenv("PYTHONMALLOC");
        return minipy::memory::set_allocator_by_name(name && *name ? name : "malloc");
    }();
    (void)allocator_set;
    rt::initialize();
}

// The pending exception as "TypeError: message" (and clears it).
inline std::string take_error()
{
    rt::Ref<> exc = rt::fetch_exception();
    if (!exc) return "<no exception>";
    std::string name = rt::Py_TYPE(exc.get())->tp_name;
    rt::Ref<> msg = rt::object_str(exc.get());
    if (!msg) {
        rt::error_clear();
        return name + ": <str failed>";
    }
    std::string text = rt::unicode_to_std(msg.get());
    return text.empty() ? name : name + ": " + text;
}

// repr(result), or the exception raised while computing it.
inline std::string show(const rt::Ref<>& result)
{
    if (!result) return take_error();
    rt::Ref<> r = rt::object_repr(result.get());
    if (!r) return take_error();
    return rt::unicode_to_std(r.get());
}

inline rt::Ref<> str(const char* s) { return rt::unicode_from_string(s); }
inline rt::Ref<> integer(long long v) { return rt::long_from_long(v); }
inline rt::Ref<> integer(const char* digits, int base = 10) { return rt::long_from_string(digits, base); }
inline rt::Ref<> flt(double v) { return rt::float_from_double(v); }

// Calls obj.name(*args) and shows the result.
inline std::string method(rt::Object* obj, const char* name, std::initializer_list<rt::Object*> args = {})
{
    return show(rt::call_method(obj, name, args));
}

}  // namespace runtime_test
