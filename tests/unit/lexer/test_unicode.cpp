// test_unicode.cpp: the lexer's character classes (ICU 72, Unicode 15,
// with characters newer than Unicode 14 answered as unassigned) against
// python3.11's (Unicode 14) on every code point. Mirrors CPython 3.11
// Objects/unicodectype.c. Book ch. 6.
#include <doctest/doctest.h>

#include "minipy/lexer/unicodectype.h"
#include "expectations.h"

using namespace minipy::lexer;
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
        const int got = (is_xid_start(c) ? 16 : 0) | (is_xid_continue(c) ? 8 : 0) | (is_printable(c) ? 4 : 0) |
                        (is_word_char(c) ? 2 : 0) | (is_space(c) ? 1 : 0);
        if (got != expected && ++mismatches <= 10) {
            CAPTURE(static_cast<unsigned>(c));
            CHECK(got == expected);
        }
    }
    CHECK(mismatches == 0);
}
