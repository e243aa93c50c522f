// ast_opt.h: the AST optimizer the compiler runs before generating code:
// constant folding with size limits, constant tuples, `in`/`for` over list
// and set displays, `__debug__`, and '%'-formatting turned into f-strings.
// Mirrors CPython 3.11 Python/ast_opt.c (_PyAST_Optimize) and
// Include/internal/pycore_compile.h (_PyASTOptimizeState). Book ch. 7.
#pragma once

#include "minipy/parser/Python-ast.h"

namespace minipy::compiler {

// _PyASTOptimizeState.
struct AstOptimizeState {
    int optimize = 0;     // -O level: __debug__ is True at 0, False above
    int ff_features = 0;  // CO_FUTURE_* bits: annotations are left alone under CO_FUTURE_ANNOTATIONS
    int recursion_depth = 0;
    int recursion_limit = 0;
};

// _PyAST_Optimize: rewrites `mod` in place; new nodes and constants go to
// `arena`. Returns 1, or 0 with the error indicator set: RecursionError
// "maximum recursion depth exceeded during compilation" for trees deeper
// than 3 x the recursion limit (counted from the thread state's current
// depth, as 3.11 does), MemoryError, KeyboardInterrupt. Every other error a
// fold raises (ZeroDivisionError, OverflowError, TypeError, ...) is
// swallowed and the expression is left to fail at run time.
[[nodiscard]] int ast_optimize(ast::mod_ty mod, PyArena* arena, int optimize, int ff_features);

}  // namespace minipy::compiler
