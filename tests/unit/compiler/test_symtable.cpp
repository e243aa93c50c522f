// test_symtable.cpp: minipy's symbol tables (compiler/symtable.cpp) against
// python3.11's, computed at test time by symtable_reference.py: the
// --dump=symtable text of each snippet (scopes, DEF_* flags, insertion order,
// child order, varnames), the SyntaxError the symtable raises (message and
// location), and the block flags the compiler will read (generator,
// coroutine, varargs, nested, the class's __class__ cell), checked through
// the co_flags python3.11's compiler derives from them. Mirrors CPython 3.11
// Python/symtable.c. Book chapter 7.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "minipy/compiler/symtable.h"
#include "minipy/parser/parser.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pystate.h"
#include "symtable_test_util.h"

using namespace minipy;
using namespace minipy::compiler;
using namespace symtable_test;

namespace {

// Every block kind, binding form and scope rule, and every error of the
// symtable (plus the future statements checked before it).
const char* const CASES[] = {
    // Scopes: local, global (explicit, implicit), free, cell, forwarding.
    "x = 1\ndef f(a, b=2):\n    y = a\n    return lambda: a + y + x\n",
    "def f():\n    a = b = c = 1\n    def g():\n        def h():\n            return a, b, c\n    return g\n",
    "def f():\n    global g\n    g = 1\n    def h():\n        return g\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n        def h():\n            return x\n",
    "def f():\n    def g():\n        return x\n    x = 1\n",
    "def f(x):\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n",
    "def f():\n    x = 1\n    class C:\n        def m(self):\n            return x\n        x = 3\n",
    "class C:\n    global v\n    def w(self):\n        return v\n",
    // Parameters: order of varnames, *args/**kwargs, lambdas, defaults.
    "def f(a, b, /, c, *d, e, f=1, **g):\n    pass\n",
    "def f(a, *, b=c, **d):\n    lambda e=g, *h: h\n",
    "def f(*, k):\n    return k\ndef g(**kw):\n    return kw\n",
    // Classes: mangling, super(), __class__.
    "class C:\n    def f(self): super()\n    def g(self): __class__\n    def __h(self, __k): return __y\n"
    "    __z = 1\n    class __D: pass\n    __e__ = 2\n",
    "class _:\n    __x = 1\nclass __A:\n    __y = 2\nclass B_:\n    import __m.n\n    from q import __r as __s\n",
    "class C:\n    def f(self):\n        def g():\n            return super()\n        return g\n",
    "class A:\n    class B:\n        def f(self):\n            return __class__\n",
    "def outer():\n    class C:\n        def f(self):\n            return __class__\n    return C\n",
    // Decorators, bases, keywords, annotations (with and without the future).
    "@dec(a)\ndef f(x: int, *y: Y, z: Z = 1, **w: W) -> R:\n    v: V = 1\n    (u): U\n    q.a: Q\n",
    "@d1\n@d2\nclass C(B, metaclass=M, **kw):\n    x: int\n    y: str = 'a'\n",
    "from __future__ import annotations\nx: int = 1\ndef f(a: A, *b: B) -> R:\n    y: Y\nclass C:\n    z: Z\n",
    "def f():\n    x: (yield)\n",
    "x: (y := 1) = 2\nprint(y)\n",
    // Comprehensions as nested functions, generator expressions.
    "[x for x in range(3) if x]\n{y for y in z}\n{k: v for k, v in d.items()}\n(w for w in ws)\n",
    "def f(a):\n    return [x + a for x in range(a) for y in x if y]\n",
    "[[i * j for j in range(i)] for i in range(3)]\n",
    "def f():\n    return (y for y in (z for z in range(3)))\n",
    "def f():\n    return [lambda: i for i in range(3)]\n",
    "async def f():\n    return [x async for x in g()]\n",
    "async def f():\n    return (x async for x in g())\n",
    "async def f():\n    return [await x for x in g()]\n",
    "async def f():\n    return [[y async for y in x] for x in g()]\n",
    // Assignment expressions in comprehensions bind outside.
    "def f():\n    [(y := x) for x in range(3)]\n    return y\n",
    "[(y := x) for x in range(3)]\n",
    "def f():\n    global y\n    [(y := x) for x in range(3)]\n",
    "def f():\n    [[(y := x) for x in range(3)] for z in range(2)]\n",
    "def f():\n    lambda: [(y := 1) for x in ()]\n",
    "if (n := 10) > 5:\n    print(n)\n",
    // Generators, coroutines, returns.
    "def g():\n    yield 1\ndef h():\n    yield from g()\nasync def a():\n    await h()\n"
    "async def ag():\n    yield 1\n",
    "async def f():\n    async with a as b:\n        pass\n    async for c in d:\n        pass\n",
    // Every statement that binds.
    "import os, os.path as p, a.b.c\nfrom x import y, z as w\nfrom . import q\n",
    "from m import *\n",
    "try:\n    a\nexcept b as c:\n    d\nelse:\n    e\nfinally:\n    f\n",
    "try:\n    pass\nexcept* E as g:\n    h\n",
    "with a as (b, c), d as e[f]:\n    pass\n",
    "for i, (j, *k) in l:\n    m\nelse:\n    n\nwhile o:\n    p\n",
    "del a, b.c, d[e]\na += 1\nb.c -= 2\n",
    "match p:\n    case [1, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n"
    "    case Point(x=0, y=yy) as pt if pt:\n        pass\n    case A.B | C() | None:\n        pass\n"
    "    case (a, _):\n        pass\n    case _:\n        pass\n",
    "def f(s):\n    match s:\n        case [x, *y]:\n            return lambda: x\n",
    "{g: h, i: j, **k}\n{l: m for n in o}\nf(a, *b, c=d, **e)\nx[1:y:z]\nf'{a!r:{b}}'\n",
    "assert a, b\nraise c from d\nraise\n",
    "__debug__\nif __debug__:\n    pass\n",
    "def f():\n    def g():\n        def h():\n            nonlocal x\n            x = 1\n        x = 2\n    x = 3\n",
    "class C:\n    x = 1\n    [x for y in range(x)]\n    def f(self):\n        x\n",
    // Errors of the symtable.
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f(x):\n    global x\n",
    "def f():\n    x: int\n    global x\n",
    "x: int\nglobal x\n",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
    "def f(x):\n    nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        x: int\n        nonlocal x\n",
    "def f():\n    global x\n    x: int\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int = 2\n",
    "nonlocal x\n",
    "x = 1; nonlocal y\n",
    "\xc3\xa9 = 1; nonlocal y\n",
    "def f():\n    def g():\n        nonlocal q\n",
    "class C:\n    nonlocal x\n",
    "def f():\n    global x\n    nonlocal x\n",
    "def f(a, a): pass\n",
    "def f(a, *, a): pass\n",
    "lambda a, b, a: 1\n",
    "def f(a, **a): pass\n",
    "class C:\n    def f(self, __a, _C__a): pass\n",
    "def f():\n    from os import *\n",
    "class C:\n    from os import *\n",
    "x = [(yield 1) for i in ()]\n",
    "def f():\n    return {(yield) for i in ()}\n",
    "def f():\n    return {i: (yield from g) for i in ()}\n",
    "def g(): (yield from [1 for a in ((yield) for b in c)])\n",
    "[i for i in (j := range(3))]\n",
    "[i for i in [k for k in (j := range(3))]]\n",
    "[i for i in range(3) if [(lambda: (j := 1)) for k in (m := 3)]]\n",
    "[(i := 0) for i in range(3)]\n",
    "[i for i in range(3) for j in range(2) if (j := 1)]\n",
    "[[(j := 0) for k in ()] for j in range(3)]\n",
    "[0 for x in range(2) if (y := 1) for y in range(3)]\n",
    "class C:\n    [(y := 1) for i in range(3)]\n",
    "from __future__ import annotations\ndef f():\n    x: (yield)\n",
    "from __future__ import annotations\nx: (y := 1)\n",
    "from __future__ import annotations\nasync def f():\n    x: await y\n",
    "from __future__ import annotations\ndef f(a: (yield)): pass\n",
    "from __future__ import annotations\ndef f() -> (x := 1): pass\n",
    // Future statements (Python/future.c, checked before the symtable).
    "\"doc\"\nfrom __future__ import braces\n",
    "from __future__ import nope\n",
    "from __future__ import annotations, generator_stop\nimport os\n",
    "import os\nfrom __future__ import annotations\n",
    "from __future__ import annotations; import os; from __future__ import division\n",
};

// What compute_code_flags (Python/compile.c) makes of the entry's flags.
void code_lines(const SymtableEntry& ste, std::vector<std::string>& out)
{
    std::string line = code_name(ste) + " " + std::to_string(code_firstlineno(ste));
    if (ste.ste_type == FunctionBlock) {
        if (ste.ste_nested) line += " NESTED";
        if (ste.ste_generator && !ste.ste_coroutine) line += " GENERATOR";
        if (!ste.ste_generator && ste.ste_coroutine) line += " COROUTINE";
        if (ste.ste_generator && ste.ste_coroutine) line += " ASYNC_GENERATOR";
        if (ste.ste_varargs) line += " VARARGS";
        if (ste.ste_varkeywords) line += " VARKEYWORDS";
    }
    if (ste.ste_type == ClassBlock && ste.ste_needs_class_closure) line += " class_cell";
    out.push_back(line);
    for (const SymtableEntry* child : ste.ste_children) code_lines(*child, out);
}

// minipy's answer in symtable_reference.py's form; `compilable` says
// whether python3.11's compiler accepted the source (its own errors are
// outside the symtable).
std::string minipy_answer(const std::string& source, const std::string& path, bool compilable)
{
    parser::ParseResult parsed = parser::parse_source(source, path);
    if (parsed.mod == nullptr) return "parse error: " + (parsed.error ? parsed.error->msg : std::string("?"));
    SymtableResult result = symtable_build(parsed.mod, path, source);
    if (result.table == nullptr) {
        const lexer::SyntaxErrorInfo& e = *result.error;
        std::string text = e.has_text ? e.text : "\n";
        return "error\n" + e.msg + "\n" + std::to_string(e.lineno) + " " + std::to_string(e.offset) + " " +
               std::to_string(e.end_lineno) + " " + std::to_string(e.end_offset) + "\n" + text;
    }
    std::string out = dump_symtable(*result.table) + "--- code\n";
    if (!compilable) return out + "uncompilable\n";
    std::vector<std::string> lines;
    code_lines(*result.table->st_top, lines);
    std::sort(lines.begin(), lines.end());
    for (const std::string& line : lines) out += line + "\n";
    return out;
}

}  // namespace

TEST_CASE("symbol tables, their errors and block flags match python3.11's")
{
    const std::string path = "/tmp/minipy_test_symtable_" + std::to_string(getpid()) + ".py";
    for (const char* case_source : CASES) {
        const std::string source = case_source;
        CAPTURE(source);
        Completed expected = reference("symtable_reference.py", path, source);
        REQUIRE(expected.status == 0);
        const bool compilable = expected.out.find("--- code\nuncompilable\n") == std::string::npos;
        CHECK(minipy_answer(source, path, compilable) == expected.out);
    }
    std::remove(path.c_str());
}

TEST_CASE("the forwarded free variables are the only hash-ordered symbols")
{
    // CPython appends them from a set; minipy sorts them, and
    // tools/symtable_dump.py prints them sorted whatever PYTHONHASHSEED is.
    const std::string path = "/tmp/minipy_test_symtable_seed_" + std::to_string(getpid()) + ".py";
    const std::string source =
        "def f():\n    a = b = c = d = e = 1\n    def g():\n        def h():\n            return e, d, c, b, a\n";
    {
        std::ofstream file(path, std::ios::binary);
        file << source;
    }
    std::string first;
    for (int seed : {0, 1, 2, 3, 4}) {
        Completed expected = run("PYTHONHASHSEED=" + std::to_string(seed) + " " MINIPY_REFERENCE_PYTHON " '"
                                 MINIPY_SOURCE_DIR "/tools/symtable_dump.py' '" + path + "'");
        REQUIRE(expected.status == 0);
        if (seed == 0) first = expected.out;
        CHECK(expected.out == first);
    }
    parser::ParseResult parsed = parser::parse_source(source, path);
    REQUIRE(parsed.mod != nullptr);
    SymtableResult result = symtable_build(parsed.mod, path, source);
    REQUIRE(result.table != nullptr);
    CHECK(dump_symtable(*result.table) == first);
    std::remove(path.c_str());
}

TEST_CASE("blocks are found by their AST node, as the compiler will look them up")
{
    const std::string source = "def f(a):\n    return [a for _ in ()]\nclass C:\n    pass\n";
    parser::ParseResult parsed = parser::parse_source(source, "t.py");
    REQUIRE(parsed.mod != nullptr);
    SymtableResult result = symtable_build(parsed.mod, "t.py", source);
    REQUIRE(result.table != nullptr);
    const Symtable& st = *result.table;
    CHECK(st.lookup(parsed.mod) == st.st_top);
    ast::stmt_ty f = (*parsed.mod->v.Module.body)[0];
    SymtableEntry* fe = st.lookup(f);
    REQUIRE(fe != nullptr);
    CHECK(fe->ste_name == "f");
    CHECK(fe->scope_of("a") == CELL);
    ast::expr_ty comp = (*f->v.FunctionDef.body)[0]->v.Return.value;
    SymtableEntry* ce = st.lookup(comp);
    REQUIRE(ce != nullptr);
    CHECK(ce->ste_comprehension == ListComprehension);
    CHECK(ce->scope_of("a") == FREE);
    CHECK(ce->ste_varnames == std::vector<std::string>{".0"});
    CHECK(fe->ste_child_free);
    CHECK(st.lookup((*parsed.mod->v.Module.body)[1])->ste_type == ClassBlock);
    CHECK(st.lookup(&st) == nullptr);
}

TEST_CASE("_Py_Mangle")
{
    CHECK(mangle("C", "__x") == "_C__x");
    CHECK(mangle("_C", "__x") == "_C__x");
    CHECK(mangle("__C", "__x") == "_C__x");
    CHECK(mangle("___", "__x") == "__x");
    CHECK(mangle("C", "__x__") == "__x__");
    CHECK(mangle("C", "_x") == "_x");
    CHECK(mangle("C", "__a.b") == "__a.b");
    CHECK(mangle("", "__x") == "__x");
}

TEST_CASE("an absurdly deep expression is a RecursionError, not a crash")
{
    // The parser refuses deep nesting long before this depth, so the tree
    // is built by hand: a chain of 5000 unary minus operators.
    PyArena arena;
    runtime::initialize();
    ast::expr_ty e = ast::Constant(runtime::small_int(1), {}, 1, 0, 1, 1, &arena);
    REQUIRE(e != nullptr);
    for (int i = 0; i < 5000; ++i) {
        e = ast::UnaryOp(ast::USub, e, 1, 0, 1, 1, &arena);
        REQUIRE(e != nullptr);
    }
    ast::stmt_ty s = ast::Expr(e, 1, 0, 1, 1, &arena);
    auto* body = ast::asdl_stmt_seq::make(1, &arena);
    REQUIRE((s != nullptr && body != nullptr));
    (*body)[0] = s;
    ast::mod_ty mod = ast::Module(body, nullptr, &arena);
    REQUIRE(mod != nullptr);
    SymtableResult result = symtable_build(mod, "deep.py", "-1\n");
    CHECK(result.table == nullptr);
    REQUIRE(result.error != nullptr);
    CHECK(result.recursion_error);
    CHECK(result.error->msg == "maximum recursion depth exceeded during compilation");
}
