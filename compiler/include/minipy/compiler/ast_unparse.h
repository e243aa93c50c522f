// ast_unparse.h: an expression back to source text, the form annotations take
// under `from __future__ import annotations` (PEP 563). Mirrors CPython 3.11
// Python/ast_unparse.c (_PyAST_ExprAsUnicode). Book ch. 7.
#pragma once

#include "minipy/parser/Python-ast.h"

namespace minipy::compiler {

// _PyAST_ExprAsUnicode: the str 3.11 stores for the annotation `e`, with its
// minimal parentheses (by operator precedence), its quoting (repr() of the
// constants, inf written 1e309) and its f-string forms. nullptr with the
// error indicator set on failure (MemoryError, SystemError for a malformed
// f-string node).
[[nodiscard]] runtime::Ref<> ast_unparse_expr(ast::expr_ty e);

}  // namespace minipy::compiler
