// test_dump.cpp: --dump=tokens against `python3.11 -m tokenize -e` on small
// tricky sources (ERRORTOKEN, the invented NEWLINE, DEDENT placement,
// CRLF, coding cookies, the module's error messages), and Python's repr().
// Mirrors CPython 3.11 Lib/tokenize.py and Objects/unicodeobject.c
// (unicode_repr). Book ch. 6.
#include <doctest/doctest.h>

#include "expectations.h"
#include "minipy/lexer/tokenize.h"
#include "minipy/runtime/unicodeobject.h"

using namespace minipy::lexer;
using namespace lexer_expectations;
using minipy::runtime::unicode_repr_utf8;  // the one repr of UTF-8 text (runtime)

TEST_CASE("the dump matches python3.11 -m tokenize -e")
{
    for (const DumpCase& c : dump_cases) {
        CAPTURE(c.source);
        DumpResult result = dump_tokens(c.source, "case.py");
        CHECK(result.out == std::string(c.out));
        CHECK(result.err == std::string(c.err));
        CHECK(result.exit_status == c.status);
    }
}

TEST_CASE("repr() of str picks its quotes and escapes as Python does")
{
    CHECK(unicode_repr_utf8("abc") == "'abc'");
    CHECK(unicode_repr_utf8("it's") == "\"it's\"");
    CHECK(unicode_repr_utf8("'\"") == "'\\'\"'");
    CHECK(unicode_repr_utf8("a\\b") == "'a\\\\b'");
    CHECK(unicode_repr_utf8("\t\n\r\x01\x7f") == "'\\t\\n\\r\\x01\\x7f'");
    CHECK(unicode_repr_utf8("\xc3\xa9\xe2\x82\xac") == "'\xc3\xa9\xe2\x82\xac'");       // printable: as is
    CHECK(unicode_repr_utf8("\xc2\xa0") == "'\\xa0'");                                 // NO-BREAK SPACE
    CHECK(unicode_repr_utf8("\xe2\x80\xa8") == "'\\u2028'");                           // LINE SEPARATOR
    CHECK(unicode_repr_utf8("\xf3\xb0\x80\x80") == "'\\U000f0000'");                   // private use, plane 15
    CHECK(unicode_repr_utf8("\xee\x80\x80") == "'\\ue000'");                           // private use
}
