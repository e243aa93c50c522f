// test_unicode.cpp: the character classes the lexer uses (the runtime's,
// runtime/unicodectype.cpp: ICU 72 answering as Unicode 14) against
// python3.11's on every code point. Mirrors CPython 3.11
// Objects/unicodectype.c. Book ch. 6.
#include <doctest/doctest.h>

#include "minipy/runtime/unicodeobject.h"
#include "expectations.h"

using namespace minipy::runtime;
using namespace lexer_expectations;

TEST_CASE("character classes agree with python3.11 on every code point")
{
    constexpr std::size_t n_runs = sizeof unicode_runs / sizeof unicode_runs[0];
    std::size_t run = 0;
    int mismatches = 0;
    for (char32_t c = 0; c < 0x110000; ++c) {
        if (c >= 0xD800 && c < 0xE000) continue;
        while (run + 1 < n_runs && unicode_runs[run + 1].first <= c) ++run;
        const int expected = unicode_runs[run].second;
        const bool word_char = c == '_' || unicode_isalnum(c);  // the re module's \w
        const int got = (unicode_isxid_start(c) ? 16 : 0) | (unicode_isxid_continue(c) ? 8 : 0) |
                        (unicode_isprintable(c) ? 4 : 0) | (word_char ? 2 : 0) | (unicode_isspace(c) ? 1 : 0);
        if (got != expected && ++mismatches <= 10) {
            CAPTURE(static_cast<unsigned>(c));
            CHECK(got == expected);
        }
    }
    CHECK(mismatches == 0);
}
