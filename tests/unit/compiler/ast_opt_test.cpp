// ast_opt_test.cpp: the AST optimizer (compiler/ast_opt.cpp) against
// python3.11's constant folding. The expectations (ast_opt_expect.inc) are
// written by tools/gen_ast_opt_expect.py from python3.11's bytecode: for
// each expression, whether 3.11 folds it, to which constant, or into which
// f-string. Book ch. 7.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "minipy/compiler/ast_opt.h"
#include "minipy/compiler/symtable.h"
#include "minipy/memory/obmalloc.h"
#include "minipy/parser/parser.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace {

// The parser starts the runtime (Constant values are runtime objects). Its
// static types keep dicts whose big blocks LeakSanitizer sees as reachable
// only when every block comes from malloc (it does not scan pymalloc's
// arenas): the compiler's tests pick malloc unless PYTHONMALLOC says
// otherwise, before any block is allocated.
const bool allocator_chosen = [] {
    const char* name = std::getenv("PYTHONMALLOC");
    return minipy::memory::set_allocator_by_name(name && *name ? name : "malloc");
}();

struct AstOptExpectation {
    const char* kind;  // "value", "in" or "for"
    const char* expr;
    int optimize;
    const char* want;
};

#include "ast_opt_expect.inc"

using namespace minipy;
namespace rt = minipy::runtime;

std::string repr(rt::Object* v)
{
    rt::Ref<> r = rt::object_repr(v);
    if (!r) {
        rt::error_clear();
        return "<repr failed>";
    }
    return rt::unicode_to_std(r.get());
}

// What gen_ast_opt_expect.py prints for a constant.
std::string describe_const(rt::Object* v)
{
    if (rt::frozenset_check(v)) {
        std::vector<std::string> items;
        int r = rt::for_each_item(v, [&](rt::Object* item) {
            items.push_back(repr(item));
            return 0;
        });
        REQUIRE(r == 0);
        std::sort(items.begin(), items.end());
        std::string out = "C:frozenset:";
        for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + items[i];
        return out;
    }
    return std::string("C:") + rt::Py_TYPE(v)->tp_name + ":" + repr(v);
}

std::string describe_operand(ast::expr_ty e)
{
    if (e->kind == ast::Constant_kind) return repr(e->v.Constant.value);
    if (e->kind == ast::Name_kind) return std::string(e->v.Name.id);
    return "<" + std::to_string(e->kind) + ">";
}

// The value of `x = (EXPR)` after the optimizer, as the generator describes
// the bytecode 3.11 compiles it to.
std::string describe_value(ast::expr_ty e)
{
    if (e->kind == ast::Constant_kind) return describe_const(e->v.Constant.value);
    if (e->kind != ast::JoinedStr_kind) return "N";
    const ast::asdl_expr_seq* values = e->v.JoinedStr.values;
    // A JoinedStr of one constant compiles to a LOAD_CONST of it.
    if (ast::asdl_seq_LEN(values) == 1 && (*values)[0]->kind == ast::Constant_kind) {
        return describe_const((*values)[0]->v.Constant.value);
    }
    std::string out = "F:";
    for (int i = 0; i < ast::asdl_seq_LEN(values); ++i) {
        ast::expr_ty v = (*values)[i];
        if (i > 0) out += "|";
        if (v->kind != ast::FormattedValue_kind) {
            out += describe_operand(v);
            continue;
        }
        out += "{" + describe_operand(v->v.FormattedValue.value) + "!";
        int conv = v->v.FormattedValue.conversion;
        if (conv > 0) out += static_cast<char>(conv);
        if (v->v.FormattedValue.format_spec != nullptr) out += ":" + describe_operand(v->v.FormattedValue.format_spec);
        out += "}";
    }
    return out;
}

std::string describe_iter(ast::expr_ty e)
{
    switch (e->kind) {
    case ast::Constant_kind: return describe_const(e->v.Constant.value);
    case ast::Tuple_kind: return "T";
    case ast::List_kind: return "L";
    case ast::Set_kind: return "S";
    default: return "?";
    }
}

struct Optimized {
    parser::ParseResult parsed;
    int ok = 0;
};

Optimized optimize(const std::string& source, int level, int ff_features = 0)
{
    Optimized out;
    parser::ParseOptions options;
    options.string_input = true;
    out.parsed = parser::parse_source(source, "<s>", options);
    REQUIRE(out.parsed.mod != nullptr);
    out.ok = compiler::ast_optimize(out.parsed.mod, out.parsed.arena.get(), level, ff_features);
    return out;
}

std::string take_error()
{
    rt::Ref<> exc = rt::fetch_exception();
    if (!exc) return "<no exception>";
    rt::Ref<> msg = rt::object_str(exc.get());
    return std::string(rt::Py_TYPE(exc.get())->tp_name) + ": " + (msg ? rt::unicode_to_std(msg.get()) : "?");
}

}  // namespace

TEST_CASE("the AST optimizer folds what python3.11's folds, to the same constants")
{
    REQUIRE(allocator_chosen);
    int checked = 0;
    for (const AstOptExpectation& e : ast_opt_expectations) {
        std::string kind = e.kind;
        std::string source = kind == "value" ? "x = (" + std::string(e.expr) + ")\n"
                             : kind == "in"  ? "x = (a in " + std::string(e.expr) + ")\n"
                                             : "for i in " + std::string(e.expr) + ": pass\n";
        CAPTURE(source);
        CAPTURE(e.optimize);
        Optimized o = optimize(source, e.optimize);
        REQUIRE(o.ok == 1);
        CHECK(rt::error_occurred() == nullptr);
        ast::stmt_ty st = (*o.parsed.mod->v.Module.body)[0];
        std::string got;
        if (kind == "value") {
            got = describe_value(st->v.Assign.value);
        } else if (kind == "in") {
            ast::expr_ty cmp = st->v.Assign.value;
            REQUIRE(cmp->kind == ast::Compare_kind);
            got = describe_iter((*cmp->v.Compare.comparators)[0]);
        } else {
            got = describe_iter(st->v.For.iter);
        }
        CHECK(got == std::string(e.want));
        ++checked;
    }
    CHECK(checked > 600);
}

TEST_CASE("a folded expression is no docstring; annotations wait under the future import")
{
    // python3.11: compile("'a' 'b'\n") has a docstring, compile("'a' + 'b'\n")
    // none (co_consts[0] is None): the fold is wrapped in a JoinedStr.
    Optimized o = optimize("'a' + 'b'\n", 0);
    REQUIRE(o.ok == 1);
    ast::expr_ty doc = (*o.parsed.mod->v.Module.body)[0]->v.Expr.value;
    REQUIRE(doc->kind == ast::JoinedStr_kind);
    CHECK(describe_value(doc) == "C:str:'ab'");

    o = optimize("def f(a: 1 + 1) -> 2 * 2: pass\n", 0, compiler::CO_FUTURE_ANNOTATIONS);
    REQUIRE(o.ok == 1);
    ast::stmt_ty def = (*o.parsed.mod->v.Module.body)[0];
    CHECK(def->v.FunctionDef.returns->kind == ast::BinOp_kind);
    CHECK((*def->v.FunctionDef.args->args)[0]->annotation->kind == ast::BinOp_kind);
    o = optimize("def f(a: 1 + 1) -> 2 * 2: pass\n", 0);
    def = (*o.parsed.mod->v.Module.body)[0];
    CHECK(def->v.FunctionDef.returns->kind == ast::Constant_kind);
}

TEST_CASE("an absurdly deep tree is a RecursionError of the optimizer")
{
    // 3.11 allows 3 x the recursion limit (1000) of nested stmt/expr/pattern
    // levels, less 3 per frame already running (none here). `x = -(-(...1))`:
    // the Assign, 2998 unary minus and the 1 fit exactly, one more does not.
    // The parser stops such chains earlier (ast.parse's own limit), so the
    // trees are built by hand.
    auto chain = [](PyArena* arena, int n) {
        ast::expr_ty e = ast::Constant(rt::small_int(1), {}, 1, 0, 1, 1, arena);
        for (int i = 0; i < n; ++i) e = ast::UnaryOp(ast::USub, e, 1, 0, 1, 1, arena);
        ast::expr_ty target = ast::Name(arena->copy("x"), ast::Store, 1, 0, 1, 1, arena);
        auto* targets = ast::asdl_expr_seq::make(1, arena);
        (*targets)[0] = target;
        auto* body = ast::asdl_stmt_seq::make(1, arena);
        (*body)[0] = ast::Assign(targets, e, {}, 1, 0, 1, 1, arena);
        return ast::Module(body, nullptr, arena);
    };
    rt::initialize();
    PyArena arena;
    CHECK(compiler::ast_optimize(chain(&arena, 2998), &arena, 0, 0) == 1);
    CHECK(rt::error_occurred() == nullptr);
    CHECK(compiler::ast_optimize(chain(&arena, 2999), &arena, 0, 0) == 0);
    CHECK(take_error() == "RecursionError: maximum recursion depth exceeded during compilation");
}
