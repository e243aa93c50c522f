// test_symtable_exercise.cpp: the check of chapter 7's exercise
// (docs/chapters/compiler.md): compute a block's co_cellvars and
// co_freevars from its symbol table, as the compiler's compiler_enter_scope
// does with dictbytype in CPython 3.11 Python/compile.c: the cells are the
// names whose scope is CELL, plus `__class__` for a class that needs the
// implicit cell; the free variables are the names whose scope is FREE, plus
// those a class body marks DEF_FREE_CLASS. Expectations are python3.11's
// co_cellvars and co_freevars (closure_reference.py, run at test time).
// Book chapter 7.
//
// Skipped in normal runs: minipy's symtable does not offer ste_cellvars /
// ste_freevars. docs/chapters/exercises/compiler/check.sh runs it with
// --no-skip, where it fails until the exercise is solved.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "minipy/compiler/symtable.h"
#include "minipy/parser/parser.h"
#include "symtable_test_util.h"

using namespace minipy;
using namespace symtable_test;

namespace {

// True once the exercise's two functions exist (found through the entry's
// namespace, minipy::compiler).
template <typename Entry>
constexpr bool solved = requires(const Entry& e) {
    { ste_cellvars(e) } -> std::same_as<std::vector<std::string>>;
    { ste_freevars(e) } -> std::same_as<std::vector<std::string>>;
};

[[maybe_unused]] std::string joined(std::vector<std::string> names)
{
    std::sort(names.begin(), names.end());
    std::string text;
    for (const std::string& n : names) text += (text.empty() ? "" : ",") + n;
    return text;
}

template <typename Entry>
void closure_lines(const Entry& ste, std::vector<std::string>& out)
{
    if constexpr (solved<Entry>) {
        out.push_back(code_name(ste) + " " + std::to_string(code_firstlineno(ste)) +
                      " cells=" + joined(ste_cellvars(ste)) + " frees=" + joined(ste_freevars(ste)));
        for (const Entry* child : ste.ste_children) closure_lines(*child, out);
    }
}

const char* const SOURCES[] = {
    "def f(a):\n    b = 1\n    return lambda: a + b\n",
    "def f():\n    x = 1\n    def g():\n        def h():\n            return x\n        return h\n    return g\n",
    "def f(x):\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n",
    "class C:\n    def f(self):\n        return super().f()\n    def g(self):\n        return __class__\n",
    "def f():\n    class C:\n        def m(self):\n            return [__class__ for _ in ()]\n    return C\n",
    "def f(a, *b, **c):\n    return [lambda: (a, b, c, i) for i in range(3)]\n",
    "def f():\n    y = 0\n    def g():\n        nonlocal y\n        y += 1\n    return g\n",
    "def f():\n    [(n := i) for i in range(3)]\n    return lambda: n\n",
};

}  // namespace

TEST_CASE("exercise ch07: co_cellvars and co_freevars from the symbol table" * doctest::skip())
{
    REQUIRE_MESSAGE(solved<compiler::SymtableEntry>,
                    "declare ste_cellvars() and ste_freevars() in minipy/compiler/symtable.h");
    const std::string path = "/tmp/minipy_test_closure_" + std::to_string(getpid()) + ".py";
    for (const char* case_source : SOURCES) {
        const std::string source = case_source;
        CAPTURE(source);
        Completed expected = reference("closure_reference.py", path, source);
        REQUIRE(expected.status == 0);
        parser::ParseResult parsed = parser::parse_source(source, path);
        REQUIRE(parsed.mod != nullptr);
        compiler::SymtableResult result = compiler::symtable_build(parsed.mod, path, source);
        REQUIRE(result.table != nullptr);
        std::vector<std::string> lines;
        closure_lines(*result.table->st_top, lines);
        std::sort(lines.begin(), lines.end());
        std::string actual;
        for (const std::string& line : lines) actual += line + "\n";
        CHECK(actual == expected.out);
    }
    std::remove(path.c_str());
}
