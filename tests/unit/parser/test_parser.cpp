// test_parser.cpp: unit tests of the parser stage through its public
// interface (parser.h, pyarena.h, Python-ast.h). Expectations come from
// python3.11 via make_expectations.py (expectations.inc). Book ch. 6.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "minipy/memory/obmalloc.h"
#include "minipy/parser/parser.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/unicodeobject.h"

namespace {

// Constants are runtime objects, so parsing starts the runtime. Its static
// types keep dicts whose big blocks LeakSanitizer only sees as reachable
// when every block comes from malloc (it does not scan pymalloc's arenas),
// so the tests pick malloc unless PYTHONMALLOC says otherwise, before any
// block is allocated (as tests/unit/runtime/runtime_test.h does).
const bool allocator_chosen = [] {
    const char* name = std::getenv("PYTHONMALLOC");
    return minipy::memory::set_allocator_by_name(name && *name ? name : "malloc");
}();

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

TEST_CASE("Constant nodes hold runtime objects the arena owns")
{
    CHECK(allocator_chosen);
    parser::ParseResult result = parse("1; 2.5; 3j; 's\\ud800'; b'b'; None; True; ...; 'a' 'b'; f'{x}y'\n");
    REQUIRE(result.mod != nullptr);
    const ast::asdl_stmt_seq* body = result.mod->v.Module.body;
    REQUIRE(ast::asdl_seq_LEN(body) == 10);
    auto value = [&](int i) {
        ast::expr_ty e = (*body)[i]->v.Expr.value;
        REQUIRE(e->kind == ast::Constant_kind);
        return e->v.Constant.value;
    };
    CHECK(runtime::long_check_exact(value(0)));
    CHECK(runtime::float_check_exact(value(1)));
    CHECK(runtime::complex_check(value(2)));
    REQUIRE(runtime::unicode_check_exact(value(3)));
    CHECK(runtime::unicode_length(value(3)) == 2);
    CHECK(runtime::unicode_read_char(value(3), 1) == 0xd800);  // a lone surrogate, kept as is
    CHECK(runtime::bytes_check_exact(value(4)));
    CHECK(value(5) == runtime::Py_None());
    CHECK(value(6) == runtime::Py_True());
    CHECK(value(7) == runtime::Py_Ellipsis());
    CHECK(runtime::unicode_equal_to_ascii(value(8), "ab"));
    ast::expr_ty joined = (*body)[9]->v.Expr.value;
    REQUIRE(joined->kind == ast::JoinedStr_kind);
    ast::expr_ty tail = (*joined->v.JoinedStr.values)[1];
    REQUIRE(tail->kind == ast::Constant_kind);
    CHECK(runtime::unicode_equal_to_ascii(tail->v.Constant.value, "y"));

    // The arena holds one reference; dropping the arena drops it.
    runtime::Object* s = value(3);
    runtime::Ref<> keep = runtime::new_ref(s);
    CHECK(runtime::get_refcount(s) == 2);
    result.arena.reset();
    CHECK(runtime::get_refcount(s) == 1);
}

TEST_CASE("an int past the 4300-digit limit fails the dump as ast.dump's repr() does")
{
    // python3.11 -m ast on `x = 0x<5000 f>`: the literal parses (power-of-two
    // base), repr() raises this ValueError.
    parser::ParseResult result = parse("x = 0x" + std::string(5000, 'f') + "\n");
    REQUIRE(result.mod != nullptr);
    std::string text, exception;
    CHECK_FALSE(parser::dump_ast(result.mod, &text, &exception));
    CHECK(exception ==
          "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
          "sys.set_int_max_str_digits() to increase the limit");
}
