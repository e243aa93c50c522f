// test_unicodectype.cpp: every code point's character properties and case
// mappings (runtime/unicodectype.cpp) against python3.11's Unicode 14.0
// tables (unicode_tables.inc, written by tools/gen_unicode_tables.py).
// ICU 72 knows Unicode 15.0; the runtime answers as 14.0 does, and this
// test counts the code points where it does not. Book chapter 11.
#include <cstdint>
#include <string>
#include <vector>

#include "minipy/runtime/unicodeobject.h"
#include "runtime_test.h"

namespace {

struct CaseMapping {
    std::uint32_t cp;
    int n;
    std::uint32_t to[3];
};

#include "unicode_tables.inc"

template <std::size_t N>
std::vector<bool> expand(const std::uint32_t (&ranges)[N][2])
{
    std::vector<bool> bits(rt::MAX_UNICODE + 1, false);
    for (const auto& r : ranges)
        for (std::uint32_t c = r[0]; c < r[1]; c++) bits[c] = true;
    return bits;
}

// The one-character view each table was made with (see the generator).
bool isprintable(rt::Py_UCS4 c) { return rt::unicode_isprintable(c); }
bool isspace(rt::Py_UCS4 c) { return rt::unicode_isspace(c); }
bool isalpha(rt::Py_UCS4 c) { return rt::unicode_isalpha(c); }
bool isdecimal(rt::Py_UCS4 c) { return rt::unicode_isdecimal(c); }
bool isdigit(rt::Py_UCS4 c) { return rt::unicode_isdigit(c); }
bool isnumeric(rt::Py_UCS4 c) { return rt::unicode_isnumeric(c); }
bool isalnum(rt::Py_UCS4 c) { return rt::unicode_isalnum(c); }
bool islower(rt::Py_UCS4 c) { return rt::unicode_islower_char(c); }
bool isupper(rt::Py_UCS4 c) { return rt::unicode_isupper_char(c); }
bool istitle(rt::Py_UCS4 c) { return rt::unicode_isupper_char(c) || rt::unicode_istitle_char(c); }
bool isxid_start(rt::Py_UCS4 c) { return c == '_' || rt::unicode_isxid_start(c); }
bool isxid_continue(rt::Py_UCS4 c) { return rt::unicode_isxid_continue(c); }

int upper(rt::Py_UCS4 c, rt::Py_UCS4* out) { return rt::unicode_to_upper_full(c, out); }
int lower(rt::Py_UCS4 c, rt::Py_UCS4* out) { return rt::unicode_to_lower_full(c, out); }
int title(rt::Py_UCS4 c, rt::Py_UCS4* out) { return rt::unicode_to_title_full(c, out); }
int casefold(rt::Py_UCS4 c, rt::Py_UCS4* out) { return rt::unicode_to_folded_full(c, out); }

std::string hex(rt::Py_UCS4 c)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

}  // namespace

TEST_CASE("character properties of every code point are python3.11's (Unicode 14)")
{
    int total = 0;
#define CHECK_PROPERTY(name)                                                          \
    {                                                                                 \
        std::vector<bool> want = expand(name##_ranges);                               \
        int differ = 0;                                                               \
        std::string first;                                                            \
        for (rt::Py_UCS4 c = 0; c <= rt::MAX_UNICODE; c++) {                          \
            if (name(c) != want[c]) {                                                 \
                if (differ++ == 0) first = hex(c);                                    \
            }                                                                         \
        }                                                                             \
        INFO(#name, ": ", differ, " code points differ, the first ", first);          \
        CHECK(differ == 0);                                                           \
        total += differ;                                                              \
    }
    MINIPY_UNICODE_PROPERTIES(CHECK_PROPERTY)
#undef CHECK_PROPERTY
    MESSAGE("character properties: ", total, " (code point, property) pairs differ from python3.11");
}

TEST_CASE("case mappings of every code point are python3.11's (Unicode 14)")
{
    int total = 0;
#define CHECK_MAPPING(name)                                                           \
    {                                                                                 \
        std::vector<const CaseMapping*> want(rt::MAX_UNICODE + 1, nullptr);           \
        for (const CaseMapping& m : name##_mappings) want[m.cp] = &m;                 \
        int differ = 0;                                                               \
        std::string first;                                                            \
        for (rt::Py_UCS4 c = 0; c <= rt::MAX_UNICODE; c++) {                          \
            rt::Py_UCS4 out[3];                                                       \
            int n = name(c, out);                                                     \
            bool same;                                                                \
            if (!want[c]) {                                                           \
                same = n == 1 && out[0] == c;                                         \
            } else {                                                                  \
                same = n == want[c]->n;                                               \
                for (int k = 0; same && k < n; k++) same = out[k] == want[c]->to[k];  \
            }                                                                         \
            if (!same && differ++ == 0) first = hex(c);                               \
        }                                                                             \
        INFO(#name, ": ", differ, " code points differ, the first ", first);          \
        CHECK(differ == 0);                                                           \
        total += differ;                                                              \
    }
    MINIPY_UNICODE_MAPPINGS(CHECK_MAPPING)
#undef CHECK_MAPPING
    MESSAGE("case mappings: ", total, " code points map differently from python3.11");
}
