// compile.h: the compiler's entry points: source or AST in, a 3.11 code
// object out. Mirrors CPython 3.11 Include/internal/pycore_compile.h
// (_PyAST_Compile) and the front half of Python/pythonrun.c's
// Py_CompileStringObject. Book chapter 7, "The Compiler".
//
// Pipeline (the map at the top of CPython's compile.c):
//   source --parse_source--> AST --ast_optimize--> AST --symtable_build--> scopes
//   --codegen (compile.cpp, codegen_*.cpp)--> basic blocks of instructions per
//   code unit --assemble (flowgraph/assemble)--> code object.
//
// Errors follow the one convention of minipy: a failing call returns nullptr
// with the error indicator set. Compile-time errors (parser, symtable,
// codegen) are raised as SyntaxError (or IndentationError/TabError) objects
// with CPython's args: (msg, (filename, lineno, offset, text, end_lineno,
// end_offset)); syntax_error_info() turns the indicator back into the
// struct main/pythonrun.cpp prints.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "minipy/lexer/tokenizer.h"
#include "minipy/parser/Python-ast.h"
#include "minipy/runtime/object.h"

namespace minipy::compiler {

// compile()'s mode argument: 'exec' (a module), 'eval' (one expression),
// 'single' (one interactive statement: expression values are printed).
enum class CompileMode { Exec, Eval, Single };

// Issues a parse's tokenizer and parser warnings (SyntaxWarning for odd
// number literals, DeprecationWarning for invalid escapes) through the
// warnings machinery; one the filters turn into an error raises the
// SyntaxError it describes. 0, or -1 with the exception set.
[[nodiscard]] int issue_parse_warnings(const std::vector<lexer::TokenizerWarning>& warnings,
                                       const std::string& filename);

// Py_CompileStringObject: parse `source` (raw bytes: BOM and coding cookie
// honoured) and compile it. `optimize` is compile()'s: -1 (the interpreter's
// level, 0 here), 0, 1 (no asserts, __debug__ false) or 2 (no docstrings
// either). Returns the code object of the module/expression, or nullptr
// with the error indicator set.
[[nodiscard]] runtime::Ref<> compile_source(std::string_view source, std::string_view filename,
                                            CompileMode mode, int optimize = -1);

// _PyAST_Compile: compile an already parsed tree (which the AST optimizer
// may rewrite in place; its new nodes go into `arena`). `source` is used
// only for the text line of SyntaxErrors (may be empty).
[[nodiscard]] runtime::Ref<> compile_ast(ast::mod_ty mod, std::string_view filename, int optimize,
                                         PyArena* arena, std::string_view source = {});

// Raises the SyntaxError (or IndentationError, TabError) described by
// `info` as the current exception.
void raise_syntax_error(const lexer::SyntaxErrorInfo& info);

// If the current exception is a SyntaxError, describes it (message,
// location, text) for printing, leaving the indicator untouched;
// nullptr otherwise.
std::unique_ptr<lexer::SyntaxErrorInfo> syntax_error_info();

}  // namespace minipy::compiler
