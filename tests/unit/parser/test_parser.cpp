// test_parser.cpp: unit tests of the parser stage through its public
// interface (parser.h, pyarena.h, Python-ast.h). Expectations come from
// python3.11 via make_expectations.py (expectations.inc). Book ch. 6.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "minipy/parser/parser.h"

namespace {

struct DumpExpectation {
    const char* source;
    const char* dump;
};

struct VisitExpectation {
    const char* source;
    int stmts, exprs, names;
};

struct ErrorExpectation {
    const char* source;
    const char* type;
    const char* msg;
    int lineno, offset, end_lineno, end_offset;
};

#include "expectations.inc"

using namespace minipy;

parser::ParseResult parse(const std::string& source)
{
    parser::ParseOptions options;
    options.type_comments = true;
    options.string_input = true;
    return parser::parse_source(source, "<unknown>", options);
}

}  // namespace

TEST_CASE("the arena hands out aligned blocks and frees them in one go")
{
    PyArena arena;
    for (std::size_t size : {1u, 3u, 8u, 24u, 100u, 10000u, 70000u}) {
        void* p = arena.alloc(size);
        REQUIRE(p != nullptr);
        CHECK(reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t) == 0);
    }
    std::string_view copy = arena.copy("identifier");
    CHECK(copy == "identifier");
    CHECK(arena.copy("").data() != nullptr);  // present, even when empty
    CHECK(arena.allocated() >= 80000u);
    CHECK(arena.error().empty());
}

TEST_CASE("parse_source + dump_ast print what python3.11 -m ast -a prints")
{
    for (const DumpExpectation& e : dump_expectations) {
        CAPTURE(e.source);
        parser::ParseResult result = parse(e.source);
        REQUIRE(result.mod != nullptr);
        std::string text, exception;
        REQUIRE(parser::dump_ast(result.mod, &text, &exception));
        CHECK(text == e.dump);
    }
}

TEST_CASE("SyntaxErrors carry python3.11's type, message and location")
{
    for (const ErrorExpectation& e : error_expectations) {
        CAPTURE(e.source);
        parser::ParseResult result = parse(e.source);
        CHECK(result.mod == nullptr);
        REQUIRE(result.error != nullptr);
        CHECK(std::string(result.error->type_name()) == e.type);
        CHECK(result.error->msg == e.msg);
        CHECK(result.error->lineno == e.lineno);
        CHECK(result.error->offset == e.offset);
        CHECK(result.error->end_lineno == e.end_lineno);
        CHECK(result.error->end_offset == e.end_offset);
    }
}

TEST_CASE("the visitor walks every node once, as ast.walk does")
{
    struct Counter : ast::NodeVisitor {
        int names = 0, exprs = 0, stmts = 0;
        bool visit_expr(ast::expr_ty e) override
        {
            ++exprs;
            if (e->kind == ast::Name_kind) ++names;
            return true;
        }
        bool visit_stmt(ast::stmt_ty) override
        {
            ++stmts;
            return true;
        }
    };
    for (const VisitExpectation& e : visit_expectations) {
        CAPTURE(e.source);
        parser::ParseResult result = parse(e.source);
        REQUIRE(result.mod != nullptr);
        Counter counter;
        counter.walk(result.mod);
        CHECK(counter.stmts == e.stmts);
        CHECK(counter.exprs == e.exprs);
        CHECK(counter.names == e.names);
    }
}

TEST_CASE("nesting too deep ends in CPython's errors, not a crash")
{
    parser::ParseResult result = parse(std::string(100000, '-') + "1\n");
    CHECK(result.mod == nullptr);
    CHECK(result.exception == "MemoryError");

    std::string chain = "a";
    for (int i = 0; i < 3000; ++i) chain += ".b";
    result = parse(chain + "\n");
    CHECK(result.mod == nullptr);
    CHECK(result.exception == "RecursionError: maximum recursion depth exceeded during ast construction");
}
