// codegen_pattern.cpp: code generation for the match statement (PEP 634):
// subjects, cases, guards and every pattern kind.
//
// Mirrors the pattern-matching part of CPython 3.11 Python/compile.c
// (compiler_match, compiler_pattern and its helpers; 3.12: Python/codegen.c).
// Book chapter 7, "The Compiler".
#include "compile_internal.h"
#include "minipy/runtime/pyerrors.h"

namespace minipy::compiler {

using namespace minipy::runtime;

bool compiler_match(Compiler* c, ast::stmt_ty)
{
    (void)c;
    set_error(Exc_SystemError, "the match statement is not compiled yet");
    return false;
}

}  // namespace minipy::compiler
