// compile_internal.h: the code generator's private state, shared by
// compile.cpp (units, scopes, names, constants, entry points) and the
// codegen_*.cpp visitors (statements, expressions, patterns).
//
// Mirrors the first half of CPython 3.11 Python/compile.c: struct compiler,
// struct compiler_unit, struct fblockinfo and the ADDOP family of macros
// (3.12 moved this half to Python/codegen.c). Book chapter 7, "The Compiler".
//
// Design notes
// ------------
// * One CompilerUnit per code object being built: the module, then every
//   class, function, lambda and comprehension met on the way down; the units
//   form a stack (c->stack, c->u the top). A unit owns its CFG (flowgraph.h)
//   and the name/constant tables the assembler turns into co_* fields.
// * The location of the next instruction is the unit's current `loc`, set
//   by SET_LOC from the statement or expression being visited and restored
//   when an expression's visit ends (3.11's u_lineno & co.). Instructions
//   added with a -1 line ("artificial") get their line from the flowgraph's
//   line propagation.
// * Every visitor returns false with the error indicator set on failure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "flowgraph.h"
#include "minipy/compiler/compile.h"
#include "minipy/compiler/symtable.h"
#include "minipy/runtime/opcode.h"

namespace minipy::compiler {

// compile.c's CO_MAXBLOCKS: the static nesting limit of loops/try/with.
constexpr int CO_MAXBLOCKS = 20;
// STACK_USE_GUIDELINE: past this many items, build collections step by step.
constexpr int STACK_USE_GUIDELINE = 30;

// enum fblocktype: what a frame block on the unit's block stack protects.
enum FBlockType {
    WHILE_LOOP,
    FOR_LOOP,
    TRY_EXCEPT,
    FINALLY_TRY,
    FINALLY_END,
    WITH,
    ASYNC_WITH,
    HANDLER_CLEANUP,
    POP_VALUE,
    EXCEPTION_HANDLER,
    EXCEPTION_GROUP_HANDLER,
    ASYNC_COMPREHENSION_GENERATOR,
};

// struct fblockinfo. `datum` is the finally body (FINALLY_TRY), the with
// statement (WITH/ASYNC_WITH) or the bound exception name (HANDLER_CLEANUP).
struct FBlockInfo {
    FBlockInfo() = default;
    FBlockInfo(FBlockType t, BasicBlock* b, BasicBlock* e) : type(t), block(b), exit(e) {}
    FBlockType type = WHILE_LOOP;
    BasicBlock* block = nullptr;
    BasicBlock* exit = nullptr;
    const ast::asdl_stmt_seq* finalbody = nullptr;
    ast::stmt_ty with_stmt = nullptr;
    std::string_view name;  // data() == nullptr: none
};

// struct compiler_unit.
struct CompilerUnit {
    SymtableEntry* ste = nullptr;
    UnitMetadata meta;          // name, qualname, consts, names, varnames, cells, frees, counts
    runtime::Ref<> const_keys;  // dict: code_constant_key -> index (u_consts' dedup)
    CFGBuilder cfg;
    ScopeType scope_type = ScopeType::Module;
    std::string private_name;   // u_private: the class name used for mangling
    bool has_private = false;
    FBlockInfo fblocks[CO_MAXBLOCKS];
    int nfblocks = 0;
    Location loc;               // where the next instruction comes from
};

// struct compiler.
struct Compiler {
    std::string filename;
    runtime::Ref<> filename_obj;
    std::string_view source;    // for SyntaxError.text
    Symtable* st = nullptr;
    FutureFeatures future;
    int optimize = 0;
    bool interactive = false;
    int nestlevel = 0;
    std::vector<std::unique_ptr<CompilerUnit>> stack;  // c_stack plus the current unit
    CompilerUnit* u = nullptr;
    PyArena* arena = nullptr;
};

// --- compile.cpp: units, tables, emission -------------------------------------
[[nodiscard]] bool compiler_enter_scope(Compiler* c, std::string_view name, ScopeType type,
                                        const void* key, int lineno);
void compiler_exit_scope(Compiler* c);
// assemble() of the current unit after the implicit `return None` (addNone
// false: a bare RETURN_VALUE, for expressions and generator lambdas).
[[nodiscard]] runtime::Ref<> compiler_assemble(Compiler* c, bool add_none);

[[nodiscard]] bool compiler_addop(Compiler* c, int opcode);
[[nodiscard]] bool compiler_addop_i(Compiler* c, int opcode, int oparg);
[[nodiscard]] bool compiler_addop_noline(Compiler* c, int opcode, int oparg = 0);
[[nodiscard]] bool compiler_addop_j(Compiler* c, int opcode, BasicBlock* target);
[[nodiscard]] bool compiler_addop_j_noline(Compiler* c, int opcode, BasicBlock* target);
[[nodiscard]] BasicBlock* compiler_new_block(Compiler* c);
void compiler_use_next_block(Compiler* c, BasicBlock* b);
[[nodiscard]] bool compiler_next_block(Compiler* c);

// Index of a constant (deduplicated by code_constant_key), -1 on error.
[[nodiscard]] int compiler_add_const(Compiler* c, runtime::Object* o);
[[nodiscard]] bool compiler_addop_load_const(Compiler* c, runtime::Object* o);
// Index of a name in one of the unit's name dicts (added when absent).
[[nodiscard]] int compiler_add_o(runtime::Object* dict, runtime::Object* o);
[[nodiscard]] int compiler_add_name(runtime::Object* dict, std::string_view name);
// ADDOP_NAME: the name mangled first; ADDOP_N: as is.
[[nodiscard]] bool compiler_addop_name(Compiler* c, int opcode, std::string_view name, bool mangle_it = true);
[[nodiscard]] bool compiler_nameop(Compiler* c, std::string_view name, ast::expr_context_ty ctx);
// forbidden_name: true (with the SyntaxError set) when ctx stores to or
// deletes __debug__.
[[nodiscard]] bool forbidden_name(Compiler* c, std::string_view name, ast::expr_context_ty ctx);
std::string compiler_mangle(Compiler* c, std::string_view name);

// Frame blocks.
[[nodiscard]] bool compiler_push_fblock(Compiler* c, const FBlockInfo& info);
void compiler_pop_fblock(Compiler* c, FBlockType type, BasicBlock* block);

// compiler_error: a SyntaxError at the current location.
[[nodiscard]] bool compiler_error(Compiler* c, const char* format, ...);
// The same at a given node's location.
[[nodiscard]] bool compiler_error_at(Compiler* c, int lineno, int col, int end_lineno, int end_col,
                                     const char* message);

// Locations.
inline Location loc_of(ast::stmt_ty s) { return {s->lineno, s->end_lineno, s->col_offset, s->end_col_offset}; }
inline Location loc_of(ast::expr_ty e) { return {e->lineno, e->end_lineno, e->col_offset, e->end_col_offset}; }
inline void SET_LOC(Compiler* c, ast::stmt_ty s) { c->u->loc = loc_of(s); }
inline void SET_LOC(Compiler* c, ast::expr_ty e) { c->u->loc = loc_of(e); }
inline void UNSET_LOC(Compiler* c) { c->u->loc.lineno = -1; }

// New runtime str from UTF-8.
[[nodiscard]] runtime::Ref<> str_obj(std::string_view s);

// --- codegen_stmt.cpp -----------------------------------------------------------
[[nodiscard]] bool compiler_visit_stmt(Compiler* c, ast::stmt_ty s);
[[nodiscard]] bool compiler_body(Compiler* c, ast::asdl_stmt_seq* stmts);
[[nodiscard]] bool compiler_visit_stmts(Compiler* c, const ast::asdl_stmt_seq* stmts);
[[nodiscard]] bool compiler_unwind_fblock_stack(Compiler* c, bool preserve_tos, FBlockInfo** loop);
[[nodiscard]] bool compiler_add_yield_from(Compiler* c, bool await);
[[nodiscard]] bool compiler_pop_except_and_reraise(Compiler* c);
[[nodiscard]] bool compiler_make_closure(Compiler* c, runtime::Object* co, const std::vector<std::string>& freevars,
                                         int flags);
[[nodiscard]] int compiler_default_arguments(Compiler* c, ast::arguments_ty args);
bool is_docstring_body(Compiler* c, ast::asdl_stmt_seq* body, runtime::Object** doc);

// --- codegen_expr.cpp -----------------------------------------------------------
[[nodiscard]] bool compiler_visit_expr(Compiler* c, ast::expr_ty e);
[[nodiscard]] bool compiler_visit_exprs(Compiler* c, const ast::asdl_expr_seq* es);
[[nodiscard]] bool compiler_jump_if(Compiler* c, ast::expr_ty e, BasicBlock* next, bool cond);
[[nodiscard]] bool compiler_call_helper(Compiler* c, int n, ast::asdl_expr_seq* args, ast::asdl_keyword_seq* keywords);
[[nodiscard]] bool compiler_visit_annexpr(Compiler* c, ast::expr_ty annotation);
[[nodiscard]] bool compiler_check_debug_args(Compiler* c, ast::arguments_ty args);
[[nodiscard]] bool compiler_addop_compare(Compiler* c, ast::cmpop_ty op);
[[nodiscard]] bool compiler_call_exit_with_nones(Compiler* c);
[[nodiscard]] bool compiler_unpack_helper(Compiler* c, ast::asdl_expr_seq* elts);
void update_location_to_match_attr(Compiler* c, ast::expr_ty attr);
int binop_oparg(ast::operator_ty op, bool inplace);

// --- codegen_pattern.cpp ----------------------------------------------------------
[[nodiscard]] bool compiler_match(Compiler* c, ast::stmt_ty s);

}  // namespace minipy::compiler

// The ADDOP family, CPython's names: each returns false from the enclosing
// function on failure.
#define ADDOP(C, OP) \
    do { if (!::minipy::compiler::compiler_addop((C), (OP))) return false; } while (0)
#define ADDOP_I(C, OP, O) \
    do { if (!::minipy::compiler::compiler_addop_i((C), (OP), (O))) return false; } while (0)
#define ADDOP_NOLINE(C, OP) \
    do { if (!::minipy::compiler::compiler_addop_noline((C), (OP))) return false; } while (0)
#define ADDOP_JUMP(C, OP, B) \
    do { if (!::minipy::compiler::compiler_addop_j((C), (OP), (B))) return false; } while (0)
#define ADDOP_JUMP_NOLINE(C, OP, B) \
    do { if (!::minipy::compiler::compiler_addop_j_noline((C), (OP), (B))) return false; } while (0)
#define ADDOP_LOAD_CONST(C, O) \
    do { if (!::minipy::compiler::compiler_addop_load_const((C), (O))) return false; } while (0)
#define ADDOP_NAME(C, OP, NAME) \
    do { if (!::minipy::compiler::compiler_addop_name((C), (OP), (NAME))) return false; } while (0)
#define ADDOP_N(C, OP, NAME) \
    do { if (!::minipy::compiler::compiler_addop_name((C), (OP), (NAME), false)) return false; } while (0)
#define VISIT(C, KIND, V) \
    do { if (!::minipy::compiler::compiler_visit_##KIND((C), (V))) return false; } while (0)
#define VISIT_SEQ(C, KIND, SEQ) \
    do { if (!::minipy::compiler::compiler_visit_##KIND##s((C), (SEQ))) return false; } while (0)
#define NEXT_BLOCK(C) \
    do { if (!::minipy::compiler::compiler_next_block(C)) return false; } while (0)
#define RETURN_IF_FALSE(X) \
    do { if (!(X)) return false; } while (0)
