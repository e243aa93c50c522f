// ast_unparse_test.cpp: compiler/ast_unparse.cpp against the annotation
// strings python3.11 builds under `from __future__ import annotations`
// (ast_unparse_expect.inc, written by tools/gen_ast_unparse_expect.py:
// corner cases of every node kind and precedence level, and the annotations
// of python3.11's Lib). Book ch. 7.
#include <doctest/doctest.h>

#include <string>

#include "minipy/compiler/ast_unparse.h"
#include "minipy/parser/parser.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/unicodeobject.h"

namespace {

struct AstUnparseExpectation {
    const char* expr;
    const char* want;  // UTF-8 (lone surrogates as 3-byte sequences)
};

#include "ast_unparse_expect.inc"

using namespace minipy;
namespace rt = minipy::runtime;

// The str as UTF-8 with lone surrogates encoded like any code point, as the
// generator writes python3.11's strings ("surrogatepass").
std::string to_utf8(rt::Object* s)
{
    std::string out;
    for (rt::Py_ssize_t i = 0; i < rt::unicode_length(s); ++i) {
        rt::Py_UCS4 ch = rt::unicode_read_char(s, i);
        if (ch < 0x80) {
            out += static_cast<char>(ch);
        } else if (ch < 0x800) {
            out += static_cast<char>(0xc0 | (ch >> 6));
            out += static_cast<char>(0x80 | (ch & 0x3f));
        } else if (ch < 0x10000) {
            out += static_cast<char>(0xe0 | (ch >> 12));
            out += static_cast<char>(0x80 | ((ch >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (ch & 0x3f));
        } else {
            out += static_cast<char>(0xf0 | (ch >> 18));
            out += static_cast<char>(0x80 | ((ch >> 12) & 0x3f));
            out += static_cast<char>(0x80 | ((ch >> 6) & 0x3f));
            out += static_cast<char>(0x80 | (ch & 0x3f));
        }
    }
    return out;
}

}  // namespace

TEST_CASE("annotations unparse to python3.11's strings")
{
    int checked = 0;
    for (const AstUnparseExpectation& e : ast_unparse_expectations) {
        std::string source = "from __future__ import annotations\nx: " + std::string(e.expr) + "\n";
        CAPTURE(source);
        parser::ParseOptions options;
        options.string_input = true;
        parser::ParseResult parsed = parser::parse_source(source, "<s>", options);
        REQUIRE(parsed.mod != nullptr);
        ast::stmt_ty st = (*parsed.mod->v.Module.body)[1];
        REQUIRE(st->kind == ast::AnnAssign_kind);
        rt::Ref<> text = compiler::ast_unparse_expr(st->v.AnnAssign.annotation);
        REQUIRE(text);
        CHECK(to_utf8(text.get()) == std::string(e.want));
        ++checked;
    }
    CHECK(checked > 250);
}
