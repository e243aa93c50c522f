// test_errors.cpp: every tokenizer error python3.11 raises, with its type,
// message and location (SyntaxError.args), compared with the lexer's
// SyntaxErrorInfo. The printed form is checked by tests/lexer against
// python3.11 itself. Mirrors CPython 3.11 Parser/tokenizer.c's syntaxerror
// calls and Parser/pegen_errors.c. Book ch. 6.
#include <doctest/doctest.h>

#include "expectations.h"
#include "minipy/lexer/tokenizer.h"

using namespace minipy::lexer;
using namespace lexer_expectations;

TEST_CASE("tokenizer errors match python3.11: type, message, location, text")
{
    for (const ErrorCase& c : error_cases) {
        CAPTURE(c.source);
        std::unique_ptr<SyntaxErrorInfo> error = check_tokens(c.source, "case.py");
        REQUIRE(error != nullptr);
        CHECK(error->kind == c.kind);
        CHECK(error->msg == std::string(c.msg));
        CHECK((error->filename.empty() ? 0 : 1) == c.has_location);
        if (c.has_location) {
            CHECK(error->lineno == c.lineno);
            CHECK(error->offset == c.offset);
            CHECK(error->end_lineno == c.end_lineno);
            CHECK(error->end_offset == c.end_offset);
            CHECK(error->text == std::string(c.text));
        }
    }
}

TEST_CASE("a source that tokenizes has no error")
{
    CHECK(check_tokens("x = (1,\n     2)\n", "case.py") == nullptr);
    CHECK(check_tokens("", "case.py") == nullptr);
    CHECK(check_tokens("x = 1if y else 2\n", "case.py") == nullptr);
}

TEST_CASE("numbers followed by a keyword issue python3.11's SyntaxWarning")
{
    for (const WarningCase& c : warning_cases) {
        CAPTURE(c.source);
        Tokenizer tokenizer(c.source, "case.py");
        for (Token t = tokenizer.next(); t.kind != ENDMARKER && t.kind != ERRORTOKEN; t = tokenizer.next()) {
        }
        std::string got;
        for (const TokenizerWarning& w : tokenizer.warnings()) {
            got += w.category + ":" + std::to_string(w.lineno) + ": " + w.msg + "\n";
        }
        CHECK(got == std::string(c.warnings));
    }
}
