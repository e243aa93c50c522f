// symtable.h: the symbol table, the compiler's first pass over the AST: one
// block (SymtableEntry) per module, class, function, lambda and
// comprehension, each with the names it uses and binds and, after the
// analysis, the scope of every name (local, global, free or cell).
//
// Mirrors CPython 3.11 Include/internal/pycore_symtable.h and
// Python/symtable.c (with the few lines of Python/future.c it needs). Book
// chapter 7, "The Compiler" ("Symbol Tables").
//
// Reading order: symtable_build() (symtable.cpp) runs the two passes; the
// first visits the AST (symtable_visit_stmt / _expr) and records raw DEF_*
// facts per block; the second (symtable_analyze) resolves each name's scope
// top-down, passing the names bound in enclosing functions to the children
// and collecting their free variables on the way back up.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "minipy/lexer/tokenizer.h"
#include "minipy/parser/Python-ast.h"

namespace minipy::compiler {

enum BlockType { FunctionBlock, ClassBlock, ModuleBlock, AnnotationBlock };

enum ComprehensionType {
    NoComprehension = 0,
    ListComprehension = 1,
    DictComprehension = 2,
    SetComprehension = 3,
    GeneratorExpression = 4
};

// The DEF_* facts of pycore_symtable.h, recorded by the first pass.
constexpr long DEF_GLOBAL = 1;            // global statement
constexpr long DEF_LOCAL = 2 << 0;        // assignment in the block
constexpr long DEF_PARAM = 2 << 1;        // formal parameter
constexpr long DEF_NONLOCAL = 2 << 2;     // nonlocal statement
constexpr long USE = 2 << 3;              // name is used
constexpr long DEF_FREE = 2 << 4;         // used but not defined in a nested block
constexpr long DEF_FREE_CLASS = 2 << 5;   // free variable of a method, bound in the class
constexpr long DEF_IMPORT = 2 << 6;       // bound by an import
constexpr long DEF_ANNOT = 2 << 7;        // annotated
constexpr long DEF_COMP_ITER = 2 << 8;    // iteration variable of a comprehension
constexpr long DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

// The scope the analysis gives a name, stored in its flags from bit
// SCOPE_OFFSET up (so one long holds both).
constexpr int SCOPE_OFFSET = 11;
constexpr long SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;
constexpr int LOCAL = 1;
constexpr int GLOBAL_EXPLICIT = 2;
constexpr int GLOBAL_IMPLICIT = 3;
constexpr int FREE = 4;
constexpr int CELL = 5;

// co_flags bits of the __future__ features the front end looks at
// (Include/cpython/code.h).
constexpr int CO_FUTURE_BARRY_AS_BDFL = 0x400000;
constexpr int CO_FUTURE_ANNOTATIONS = 0x1000000;

// PyFutureFeatures (Python/future.c): the features a module's leading
// `from __future__ import ...` statements turn on.
struct FutureFeatures {
    int ff_features = 0;  // CO_FUTURE_* bits
    int ff_lineno = -1;   // line of the last future statement
};

// A dict of name -> flags that keeps insertion order, as CPython's
// ste_symbols dict does (the order the symtable module reports).
class SymbolMap {
public:
    // 0 when the name is absent (_PyST_GetSymbol).
    long get(std::string_view name) const;
    bool contains(std::string_view name) const;
    // Inserts at the end, or updates in place.
    void set(std::string_view name, long flags);
    const std::vector<std::pair<std::string, long>>& items() const { return items_; }
    std::size_t size() const { return items_.size(); }

private:
    std::vector<std::pair<std::string, long>> items_;
    std::unordered_map<std::string, std::size_t> index_;
};

// A global or nonlocal directive, for errors pointing at the statement.
struct Directive {
    std::string name;  // mangled
    int lineno, col_offset, end_lineno, end_col_offset;
};

struct Symtable;

// PySTEntryObject: one block.
struct SymtableEntry {
    const void* ste_id = nullptr;   // the AST node of the block (key of st_blocks)
    SymbolMap ste_symbols;          // name -> DEF_* flags | scope << SCOPE_OFFSET
    std::string ste_name;           // "top", the def/class name, "lambda", "listcomp", ...
    std::vector<std::string> ste_varnames;       // parameters, in definition order
    std::vector<SymtableEntry*> ste_children;    // nested blocks, in source order
    std::vector<Directive> ste_directives;       // global/nonlocal statements
    BlockType ste_type = ModuleBlock;
    bool ste_nested = false;          // inside a function
    bool ste_free = false;            // has free variables
    bool ste_child_free = false;      // a child block has free variables (or implicit globals)
    bool ste_generator = false;       // contains yield (or is a generator expression)
    bool ste_coroutine = false;       // async def, await, or an async comprehension
    ComprehensionType ste_comprehension = NoComprehension;
    bool ste_varargs = false;         // has *args
    bool ste_varkeywords = false;     // has **kwargs
    bool ste_returns_value = false;   // has `return value`
    bool ste_needs_class_closure = false;  // class: a method uses __class__ or super()
    bool ste_comp_iter_target = false;     // while visiting a comprehension's target
    int ste_comp_iter_expr = 0;       // > 0 while visiting a comprehension's iterable
    int ste_lineno = 0, ste_col_offset = 0, ste_end_lineno = 0, ste_end_col_offset = 0;
    Symtable* ste_table = nullptr;

    // The resolved scope of a name (LOCAL ... CELL), 0 when absent
    // (_PyST_GetScope).
    int scope_of(std::string_view name) const
    {
        return static_cast<int>((ste_symbols.get(name) >> SCOPE_OFFSET) & SCOPE_MASK);
    }
};

// struct symtable: the tables of one module.
struct Symtable {
    std::string st_filename;
    SymtableEntry* st_top = nullptr;
    // Every entry, keyed by its AST node (PySymtable_Lookup).
    std::unordered_map<const void*, std::unique_ptr<SymtableEntry>> st_blocks;
    // Annotation blocks (from __future__ import annotations) are not children
    // of anything and not looked up; they are kept here.
    std::vector<std::unique_ptr<SymtableEntry>> st_annotation_blocks;
    FutureFeatures st_future;

    // The entry of a block's AST node (a mod, stmt or expr); nullptr if none.
    SymtableEntry* lookup(const void* key) const;
};

// The outcome of building a module's symbol table.
struct SymtableResult {
    std::unique_ptr<Symtable> table;                 // nullptr on error
    std::unique_ptr<lexer::SyntaxErrorInfo> error;   // set when table is nullptr
    bool recursion_error = false;  // the error is a RecursionError, not a SyntaxError
};

// _PyFuture_FromAST: the module's future features, or the SyntaxError of a
// bad future statement (Python/future.c). `source`, when not empty, gives
// the error's text (else it is read from the file: error_source_line).
[[nodiscard]] std::unique_ptr<lexer::SyntaxErrorInfo> future_from_ast(
    ast::mod_ty mod, const std::string& filename, std::string_view source, FutureFeatures* ff);

// _PySymtable_Build (with the future pass before it, as
// _Py_SymtableStringObjectFlags does): both passes over `mod`. `source` is
// the file's text when the caller has it, for the source line of an error;
// empty: the line is read from the file (error_source_line).
SymtableResult symtable_build(ast::mod_ty mod, const std::string& filename, std::string_view source);

// The text of a SyntaxError raised by the future pass, the symtable or
// codegen: line `lineno` (1-based) with its newline, of `source` when the
// caller holds the text, else read from the file `filename` names only now
// that an error needs it, as CPython's PyErr_ProgramTextObject does (no
// text for a string compiled under a made-up name such as "<string>").
// False when there is no such line.
bool error_source_line(std::string_view source, const std::string& filename, int lineno, std::string* line);

// _Py_Mangle: `__name` inside class `private_name` becomes `_Class__name`.
std::string mangle(std::string_view private_name, std::string_view name);

// The --dump=symtable text (docs/symtable-format.md).
std::string dump_symtable(const Symtable& st);

}  // namespace minipy::compiler
