// test_tokenizer.cpp: the parser's token stream, compared with python3.11's
// C tokenizer for each token class (names, numbers, strings, every operator,
// NEWLINE/NL, INDENT/DEDENT with tabs and form feeds, line joining, BOM and
// coding cookies). Mirrors what Lib/test/test_tokenize.py checks. Book ch. 6.
#include <doctest/doctest.h>

#include <cstdio>

#include "expectations.h"
#include "minipy/lexer/token.h"
#include "minipy/lexer/tokenize.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/lexer/tokenizer.h"

using namespace minipy::lexer;
using namespace lexer_expectations;
using minipy::runtime::unicode_repr_utf8;  // the one repr of UTF-8 text (runtime)

namespace {

std::string stream_of(std::string_view source)
{
    Tokenizer tokenizer(source, "case.py");
    std::string out;
    for (int guard = 0; guard < 100000; ++guard) {
        Token t = tokenizer.next();
        if (t.kind == ENDMARKER) break;
        if (t.kind == ERRORTOKEN) {
            out += "ERROR " + tokenizer.error()->msg + "\n";
            break;
        }
        char pos[80];
        std::snprintf(pos, sizeof pos, " %d,%d %d,%d\n", t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
        out += std::to_string(t.kind) + " " + unicode_repr_utf8(t.text) + pos;
    }
    return out;
}

}  // namespace

TEST_CASE("token kinds are numbered and named as in python3.11's token.py")
{
    CHECK(N_TOKENS == static_cast<int>(sizeof expected_token_names / sizeof expected_token_names[0]));
    for (const auto& [value, name] : expected_token_names) {
        CHECK(std::string(token_name(value)) == name);
    }
    CHECK(exact_token_kind("**=") == DOUBLESTAREQUAL);
    CHECK(exact_token_kind("->") == RARROW);
    CHECK(exact_token_kind("<>") == OP);
    int length = 0;
    const std::string_view shift = ">>=x";
    CHECK(match_operator(shift.data(), shift.data() + shift.size(), &length) == RIGHTSHIFTEQUAL);
    CHECK(length == 3);
    const std::string_view bang = "!x";
    CHECK(match_operator(bang.data(), bang.data() + bang.size(), &length) == -1);
}

TEST_CASE("the token stream matches python3.11's C tokenizer")
{
    for (const StreamCase& c : stream_cases) {
        CAPTURE(c.source);
        CHECK(stream_of(c.source) == std::string(c.tokens));
    }
}

TEST_CASE("columns are counted in bytes and in code points")
{
    Tokenizer tokenizer("\xc3\xa9t\xc3\xa9 = '\xe2\x82\xac'\n", "case.py");
    Token name = tokenizer.next();
    CHECK(name.kind == NAME);
    CHECK(name.col_offset == 0);
    CHECK(name.end_col_offset == 5);
    CHECK(name.end_col_cp == 3);
    CHECK(tokenizer.next().kind == EQUAL);
    Token string = tokenizer.next();
    CHECK(string.kind == STRING);
    CHECK(string.col_offset == 8);
    CHECK(string.col_cp == 6);
    CHECK(string.end_col_offset == 13);
    CHECK(string.end_col_cp == 9);
}

TEST_CASE("the tokenizer keeps returning ENDMARKER at the end")
{
    Tokenizer tokenizer("x\n", "case.py");
    CHECK(tokenizer.next().kind == NAME);
    CHECK(tokenizer.next().kind == NEWLINE);
    CHECK(tokenizer.next().kind == ENDMARKER);
    CHECK(tokenizer.next().kind == ENDMARKER);
    CHECK(tokenizer.error() == nullptr);
}

TEST_CASE("a coding cookie decodes the source")
{
    Tokenizer tokenizer("# coding: latin-1\ns = '\xe9'\n", "case.py");
    CHECK(tokenizer.encoding() == "iso-8859-1");
    CHECK(tokenizer.next().kind == NAME);
    CHECK(tokenizer.next().kind == EQUAL);
    CHECK(tokenizer.next().text == "'\xc3\xa9'");
}

TEST_CASE("identifiers are NFKC-normalized for the parser")
{
    CHECK(normalize_identifier("\xef\xac\x81") == "fi");  // U+FB01 LATIN SMALL LIGATURE FI
    CHECK(normalize_identifier("\xe2\x84\x8c") == "H");   // U+210C BLACK-LETTER CAPITAL H
    CHECK(normalize_identifier("abc") == "abc");
}
