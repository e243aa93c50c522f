// compile.cpp: the code generator's driver: compiler state, the stack of
// compiler units (one per code object), the name and constant tables, name
// resolution (compiler_nameop), frame blocks and the entry points of
// compile.h. The visitors live in codegen_stmt.cpp, codegen_expr.cpp and
// codegen_pattern.cpp.
//
// Mirrors CPython 3.11 Python/compile.c (_PyAST_Compile, compiler_mod,
// compiler_enter_scope, compiler_exit_scope, compiler_set_qualname,
// compiler_add_o, compiler_add_const, compiler_nameop, compiler_error) and
// Python/pythonrun.c's Py_CompileStringObject. Book chapter 7, "The Compiler".
#include <algorithm>
#include <cstdarg>
#include <cstdio>

#include "compile_internal.h"
#include "minipy/compiler/ast_opt.h"
#include "minipy/parser/parser.h"
#include "minipy/runtime/warnings.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::compiler {

using namespace minipy::runtime;

Ref<> str_obj(std::string_view s) { return unicode_from_utf8(s); }

// --- SyntaxError objects -----------------------------------------------------------

namespace {

TypeObject* syntax_error_type(lexer::SyntaxErrorInfo::Kind kind)
{
    switch (kind) {
    case lexer::SyntaxErrorInfo::IndentationError: return Exc_IndentationError;
    case lexer::SyntaxErrorInfo::TabError: return Exc_TabError;
    default: return Exc_SyntaxError;
    }
}

}  // namespace

void raise_syntax_error(const lexer::SyntaxErrorInfo& info)
{
    Ref<> msg = str_obj(info.msg);
    if (!msg) return;
    Ref<> args;
    if (info.filename.empty()) {
        args = tuple_pack({msg.get()});
    } else {
        Ref<> filename = str_obj(info.filename);
        Ref<> lineno = long_from_long(info.lineno);
        Ref<> offset = long_from_long(info.offset);
        Ref<> text = info.has_text ? str_obj(info.text) : none_ref();
        Ref<> end_lineno = long_from_long(info.end_lineno);
        Ref<> end_offset = long_from_long(info.end_offset);
        if (!filename || !lineno || !offset || !text || !end_lineno || !end_offset) return;
        Ref<> loc = tuple_pack({filename.get(), lineno.get(), offset.get(), text.get(), end_lineno.get(),
                                end_offset.get()});
        if (!loc) return;
        args = tuple_pack({msg.get(), loc.get()});
    }
    if (!args) return;
    TypeObject* type = syntax_error_type(info.kind);
    Ref<> exc = exception_new(type, args.get());
    if (!exc) return;
    set_error_object(type, exc.get());
}

std::unique_ptr<lexer::SyntaxErrorInfo> syntax_error_info()
{
    if (!error_occurred() || !error_matches(Exc_SyntaxError)) return nullptr;
    Ref<> exc = fetch_exception();
    auto info = std::make_unique<lexer::SyntaxErrorInfo>();
    if (exc && given_exception_matches(exc.get(), Exc_SyntaxError)) {
        auto* se = static_cast<SyntaxErrorObject*>(exc.get());
        if (given_exception_matches(exc.get(), Exc_TabError)) info->kind = lexer::SyntaxErrorInfo::TabError;
        else if (given_exception_matches(exc.get(), Exc_IndentationError))
            info->kind = lexer::SyntaxErrorInfo::IndentationError;
        auto text_of = [](Object* o, std::string* out) {
            if (o == nullptr || o == Py_None()) return false;
            Ref<> s = object_str(o);
            if (!s) {
                error_clear();
                return false;
            }
            Py_ssize_t n = 0;
            const char* p = unicode_as_utf8(s.get(), &n);
            if (p == nullptr) {
                error_clear();
                return false;
            }
            out->assign(p, static_cast<std::size_t>(n));
            return true;
        };
        auto int_of = [](Object* o) {
            if (o == nullptr || !long_check(o)) return 0;
            return static_cast<int>(long_as_long_long(o));
        };
        text_of(se->msg, &info->msg);
        text_of(se->filename, &info->filename);
        info->lineno = int_of(se->lineno);
        info->offset = int_of(se->offset);
        info->end_lineno = int_of(se->end_lineno);
        info->end_offset = int_of(se->end_offset);
        info->has_text = text_of(se->text, &info->text);
    }
    restore_exception(std::move(exc));
    return info;
}

bool compiler_error_at(Compiler* c, int lineno, int col, int end_lineno, int end_col, const char* message)
{
    // compile.c passes byte offsets + 1, as SyntaxError.offset.
    lexer::SyntaxErrorInfo info;
    info.msg = message;
    info.filename = c->filename;
    info.lineno = lineno;
    info.offset = col + 1;
    info.end_lineno = end_lineno;
    info.end_offset = end_col + 1;
    info.has_text = error_source_line(c->source, c->filename, lineno, &info.text);
    raise_syntax_error(info);
    return false;
}

bool compiler_error(Compiler* c, const char* format, ...)
{
    char buffer[512];
    va_list va;
    va_start(va, format);
    std::vsnprintf(buffer, sizeof buffer, format, va);
    va_end(va);
    const Location& loc = c->u->loc;
    return compiler_error_at(c, loc.lineno, loc.col_offset, loc.end_lineno, loc.end_col_offset, buffer);
}

// --- emission ----------------------------------------------------------------------

namespace {

// IS_TERMINATOR_OPCODE: jumps (conditional ones included) and scope exits.
bool is_terminator(int opcode)
{
    if (opcode < 0) return opcode != POP_BLOCK && opcode != SETUP_FINALLY && opcode != SETUP_CLEANUP &&
                           opcode != SETUP_WITH;
    return (opcode_info[opcode].flags & (HAS_JREL | HAS_JABS)) != 0 || opcode == RETURN_VALUE ||
           opcode == RAISE_VARARGS || opcode == RERAISE;
}

// compiler_use_new_implicit_block_if_needed: an instruction never follows
// a jump or a scope exit in the same basic block.
void use_new_implicit_block_if_needed(Compiler* c)
{
    const Instr* last = c->u->cfg.current()->last();
    if (last != nullptr && is_terminator(last->opcode)) c->u->cfg.next_block();
}

}  // namespace

bool compiler_addop(Compiler* c, int opcode)
{
    use_new_implicit_block_if_needed(c);
    if (!c->u->cfg.addop(opcode, 0, c->u->loc)) return error_no_memory(), false;
    return true;
}

bool compiler_addop_i(Compiler* c, int opcode, int oparg)
{
    use_new_implicit_block_if_needed(c);
    if (!c->u->cfg.addop(opcode, oparg, c->u->loc)) return error_no_memory(), false;
    return true;
}

bool compiler_addop_noline(Compiler* c, int opcode, int oparg)
{
    use_new_implicit_block_if_needed(c);
    if (!c->u->cfg.addop(opcode, oparg, Location{})) return error_no_memory(), false;
    return true;
}

bool compiler_addop_j(Compiler* c, int opcode, BasicBlock* target)
{
    use_new_implicit_block_if_needed(c);
    if (!c->u->cfg.addop_jump(opcode, target, c->u->loc)) return error_no_memory(), false;
    return true;
}

bool compiler_addop_j_noline(Compiler* c, int opcode, BasicBlock* target)
{
    use_new_implicit_block_if_needed(c);
    if (!c->u->cfg.addop_jump(opcode, target, Location{})) return error_no_memory(), false;
    return true;
}

BasicBlock* compiler_new_block(Compiler* c) { return c->u->cfg.new_block(); }

void compiler_use_next_block(Compiler* c, BasicBlock* b) { c->u->cfg.use_next_block(b); }

bool compiler_next_block(Compiler* c) { return c->u->cfg.next_block() != nullptr; }

// --- tables ------------------------------------------------------------------------

int compiler_add_o(Object* dict, Object* o)
{
    Object* v = dict_get_item_with_error(dict, o);
    if (v != nullptr) return static_cast<int>(long_as_long_long(v));
    if (error_occurred()) return -1;
    Ref<> index = long_from_ssize_t(dict_size(dict));
    if (!index || dict_set_item(dict, o, index.get()) < 0) return -1;
    return static_cast<int>(long_as_long_long(index.get()));
}

int compiler_add_name(Object* dict, std::string_view name)
{
    Ref<> s = str_obj(name);
    if (!s) return -1;
    return compiler_add_o(dict, s.get());
}

int compiler_add_const(Compiler* c, Object* o)
{
    Ref<> key = code_constant_key(o);
    if (!key) return -1;
    Object* v = dict_get_item_with_error(c->u->const_keys.get(), key.get());
    if (v != nullptr) return static_cast<int>(long_as_long_long(v));
    if (error_occurred()) return -1;
    Object* consts = c->u->meta.consts.get();
    Ref<> index = long_from_ssize_t(list_size(consts));
    if (!index || list_append(consts, o) < 0 ||
        dict_set_item(c->u->const_keys.get(), key.get(), index.get()) < 0)
        return -1;
    return static_cast<int>(long_as_long_long(index.get()));
}

bool compiler_addop_load_const(Compiler* c, Object* o)
{
    int arg = compiler_add_const(c, o);
    if (arg < 0) return false;
    return compiler_addop_i(c, LOAD_CONST, arg);
}

std::string compiler_mangle(Compiler* c, std::string_view name)
{
    if (!c->u->has_private) return std::string(name);
    return mangle(c->u->private_name, name);
}

bool compiler_addop_name(Compiler* c, int opcode, std::string_view name, bool mangle_it)
{
    std::string mangled = mangle_it ? compiler_mangle(c, name) : std::string(name);
    int arg = compiler_add_name(c->u->meta.names.get(), mangled);
    if (arg < 0) return false;
    return compiler_addop_i(c, opcode, arg);
}

// compiler_nameop: which instruction reaches a name, from its scope in the
// symbol table: LOAD_FAST in functions, LOAD_DEREF for cells and free
// variables (LOAD_CLASSDEREF in a class body, which looks in the class
// namespace first), LOAD_GLOBAL for globals of functions or declared
// globals, LOAD_NAME otherwise (module and class bodies).
bool compiler_nameop(Compiler* c, std::string_view name, ast::expr_context_ty ctx)
{
    if (forbidden_name(c, name, ctx)) return false;
    enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } optype = OP_NAME;
    std::string mangled = compiler_mangle(c, name);
    const SymtableEntry* ste = c->u->ste;
    Object* dict = c->u->meta.names.get();
    const int scope = ste->scope_of(mangled);
    switch (scope) {
    case FREE:
        dict = c->u->meta.freevars.get();
        optype = OP_DEREF;
        break;
    case CELL:
        dict = c->u->meta.cellvars.get();
        optype = OP_DEREF;
        break;
    case LOCAL:
        if (ste->ste_type == FunctionBlock) optype = OP_FAST;
        break;
    case GLOBAL_IMPLICIT:
        if (ste->ste_type == FunctionBlock) optype = OP_GLOBAL;
        break;
    case GLOBAL_EXPLICIT: optype = OP_GLOBAL; break;
    default: break;  // 0: a name the symtable did not record (e.g. __doc__)
    }

    int op = 0;
    switch (optype) {
    case OP_DEREF:
        op = ctx == ast::Load ? (ste->ste_type == ClassBlock ? LOAD_CLASSDEREF : LOAD_DEREF)
             : ctx == ast::Store ? STORE_DEREF
                                 : DELETE_DEREF;
        break;
    case OP_FAST: {
        op = ctx == ast::Load ? LOAD_FAST : ctx == ast::Store ? STORE_FAST : DELETE_FAST;
        int arg = compiler_add_name(c->u->meta.varnames.get(), mangled);
        if (arg < 0) return false;
        return compiler_addop_i(c, op, arg);
    }
    case OP_GLOBAL: op = ctx == ast::Load ? LOAD_GLOBAL : ctx == ast::Store ? STORE_GLOBAL : DELETE_GLOBAL; break;
    case OP_NAME: op = ctx == ast::Load ? LOAD_NAME : ctx == ast::Store ? STORE_NAME : DELETE_NAME; break;
    }
    int arg = compiler_add_name(dict, mangled);
    if (arg < 0) return false;
    // LOAD_GLOBAL's low bit says "push NULL first" (set by the optimizer).
    if (op == LOAD_GLOBAL) arg <<= 1;
    return compiler_addop_i(c, op, arg);
}

// --- frame blocks ------------------------------------------------------------------

bool compiler_push_fblock(Compiler* c, const FBlockInfo& info)
{
    if (c->u->nfblocks >= CO_MAXBLOCKS) {
        return compiler_error(c, "too many statically nested blocks");
    }
    c->u->fblocks[c->u->nfblocks++] = info;
    return true;
}

void compiler_pop_fblock(Compiler* c, FBlockType, BasicBlock*)
{
    --c->u->nfblocks;
}

// --- units -------------------------------------------------------------------------

namespace {

// dictbytype: the names of `ste` with the given scope (or flag), sorted so
// that indices do not depend on hash order, numbered from `offset`.
bool dictbytype(const SymtableEntry* ste, int scope_type, long flag, int offset, Object* dict)
{
    std::vector<std::string> names;
    for (const auto& [name, flags] : ste->ste_symbols.items()) {
        const int scope = static_cast<int>((flags >> SCOPE_OFFSET) & SCOPE_MASK);
        if (scope == scope_type || (flags & flag)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
        Ref<> key = str_obj(name);
        Ref<> index = long_from_long(offset++);
        if (!key || !index || dict_set_item(dict, key.get(), index.get()) < 0) return false;
    }
    return true;
}

bool is_function_scope(ScopeType t)
{
    return t == ScopeType::Function || t == ScopeType::AsyncFunction || t == ScopeType::Lambda;
}

// compiler_set_qualname: Outer.<locals>.inner for functions nested in
// functions, Outer.inner for methods, just the name at module level or for
// a name declared global in its parent.
bool compiler_set_qualname(Compiler* c)
{
    CompilerUnit* u = c->u;
    std::string base;
    bool have_base = false;
    if (c->stack.size() > 2) {
        CompilerUnit* parent = c->stack[c->stack.size() - 2].get();
        bool force_global = false;
        if (u->scope_type == ScopeType::Function || u->scope_type == ScopeType::AsyncFunction ||
            u->scope_type == ScopeType::Class) {
            std::string uname = unicode_as_utf8(u->meta.name.get());
            std::string mangled = parent->has_private ? mangle(parent->private_name, uname) : uname;
            if (parent->ste->scope_of(mangled) == GLOBAL_EXPLICIT) force_global = true;
        }
        if (!force_global) {
            base = unicode_as_utf8(parent->meta.qualname.get());
            if (is_function_scope(parent->scope_type)) base += ".<locals>";
            have_base = true;
        }
    }
    std::string name = unicode_as_utf8(u->meta.name.get());
    u->meta.qualname = have_base ? str_obj(base + "." + name) : new_ref(u->meta.name.get());
    return static_cast<bool>(u->meta.qualname);
}

}  // namespace

bool compiler_enter_scope(Compiler* c, std::string_view name, ScopeType type, const void* key, int lineno)
{
    auto unit = std::make_unique<CompilerUnit>();
    CompilerUnit* u = unit.get();
    u->scope_type = type;
    u->ste = c->st->lookup(key);
    if (u->ste == nullptr) {
        set_error(Exc_SystemError, "compiler_enter_scope: no symbol table entry for the block");
        return false;
    }
    u->meta.name = str_obj(name);
    u->meta.filename = new_ref(c->filename_obj.get());
    u->meta.consts = list_new(0);
    u->const_keys = dict_new();
    u->meta.names = dict_new();
    u->meta.varnames = dict_new();
    u->meta.cellvars = dict_new();
    u->meta.freevars = dict_new();
    if (!u->meta.name || !u->meta.consts || !u->const_keys || !u->meta.names || !u->meta.varnames ||
        !u->meta.cellvars || !u->meta.freevars)
        return false;
    for (const std::string& v : u->ste->ste_varnames) {
        if (compiler_add_name(u->meta.varnames.get(), v) < 0) return false;
    }
    if (!dictbytype(u->ste, CELL, 0, 0, u->meta.cellvars.get())) return false;
    if (u->ste->ste_needs_class_closure) {
        // The implicit __class__ cell of a class body whose methods use
        // super() or __class__; it is the class's only cell.
        if (compiler_add_name(u->meta.cellvars.get(), "__class__") < 0) return false;
    }
    if (!dictbytype(u->ste, FREE, DEF_FREE_CLASS, static_cast<int>(dict_size(u->meta.cellvars.get())),
                    u->meta.freevars.get()))
        return false;
    u->meta.firstlineno = lineno;
    u->meta.scope_type = type;
    u->meta.ste = u->ste;
    u->meta.future_flags = c->future.ff_features;
    u->loc = Location{lineno, lineno, 0, 0};

    // Inherit the private name (for mangling) from the enclosing unit.
    if (c->u != nullptr && c->u->has_private) {
        u->private_name = c->u->private_name;
        u->has_private = true;
    }
    c->stack.push_back(std::move(unit));
    c->u = u;
    c->nestlevel++;

    if (type == ScopeType::Module) {
        u->loc.lineno = 0;  // the module's RESUME is on line 0
    } else if (!compiler_set_qualname(c)) {
        return false;
    }
    ADDOP_I(c, RESUME, 0);
    if (type == ScopeType::Module) UNSET_LOC(c);
    return true;
}

void compiler_exit_scope(Compiler* c)
{
    c->nestlevel--;
    c->stack.pop_back();
    c->u = c->stack.empty() ? nullptr : c->stack.back().get();
}

Ref<> compiler_assemble(Compiler* c, bool add_none)
{
    // Make sure a unit that falls off its end returns (None).
    const Instr* last = c->u->cfg.current()->last();
    if (last == nullptr || last->opcode != RETURN_VALUE) {
        UNSET_LOC(c);
        if (add_none && !compiler_addop_load_const(c, Py_None())) return nullptr;
        if (!compiler_addop(c, RETURN_VALUE)) return nullptr;
    }
    return assemble(c->u->cfg, c->u->meta, c->optimize);
}

// --- entry points ------------------------------------------------------------------

namespace {

// compiler_mod: the module (or expression, or interactive statement) unit.
Ref<> compiler_mod(Compiler* c, ast::mod_ty mod)
{
    if (!compiler_enter_scope(c, "<module>", ScopeType::Module, mod, 1)) return nullptr;
    bool add_none = true;
    bool ok = true;
    switch (mod->kind) {
    case ast::Module_kind: ok = compiler_body(c, mod->v.Module.body); break;
    case ast::Interactive_kind:
        c->interactive = true;
        ok = compiler_visit_stmts(c, mod->v.Interactive.body);
        break;
    case ast::Expression_kind:
        ok = compiler_visit_expr(c, mod->v.Expression.body);
        add_none = false;
        break;
    default:
        set_error(Exc_SystemError, "module kind is not supported by the compiler");
        ok = false;
        break;
    }
    Ref<> co;
    if (ok) co = compiler_assemble(c, add_none);
    compiler_exit_scope(c);
    return co;
}

}  // namespace

Ref<> compile_ast(ast::mod_ty mod, std::string_view filename, int optimize, PyArena* arena, std::string_view source)
{
    Compiler c;
    c.filename = std::string(filename);
    c.filename_obj = str_obj(filename);
    if (!c.filename_obj) return nullptr;
    c.source = source;
    c.optimize = optimize < 0 ? 0 : optimize;
    c.arena = arena;

    // _PyAST_Compile's order: the future features, the AST optimizer (which
    // needs them), then the symbol table of the optimized tree.
    FutureFeatures future;
    if (auto error = future_from_ast(mod, c.filename, source, &future)) {
        raise_syntax_error(*error);
        return nullptr;
    }
    if (!ast_optimize(mod, arena, c.optimize, future.ff_features)) return nullptr;
    SymtableResult table = symtable_build(mod, c.filename, source);
    if (table.table == nullptr) {
        if (table.recursion_error) {
            set_error(Exc_RecursionError, table.error ? table.error->msg.c_str() : "maximum recursion depth exceeded");
        } else {
            raise_syntax_error(*table.error);
        }
        return nullptr;
    }
    c.st = table.table.get();
    c.future = c.st->st_future;
    return compiler_mod(&c, mod);
}

int issue_parse_warnings(const std::vector<lexer::TokenizerWarning>& warnings, const std::string& filename)
{
    if (warnings.empty()) return 0;
    Ref<> fname = unicode_from_utf8(filename);
    if (!fname) return -1;
    auto issue = [&](const lexer::TokenizerWarning& w) {
        TypeObject* category = w.category == "DeprecationWarning" ? Exc_DeprecationWarning : Exc_SyntaxWarning;
        Ref<> msg = unicode_from_utf8(w.msg);
        if (!msg) return -1;
        // No module and no registry: every warning is shown, as CPython's.
        if (error_warn_explicit(category, msg.get(), fname.get(), w.lineno, nullptr, nullptr) < 0) {
            // Turned into an error by the filters: the SyntaxError it describes.
            if (error_matches(category) && w.as_error) {
                error_clear();
                raise_syntax_error(*w.as_error);
            }
            return -1;
        }
        return 0;
    };
    for (std::size_t i = 0; i < warnings.size(); ++i) {
        if (issue(warnings[i]) == 0) continue;
        // A parser warning that became an error fails the parse; CPython
        // then tokenizes the rest of the source for a better error
        // (_PyPegen_tokenize_full_source_to_check_for_errors), so a later
        // tokenizer warning that becomes an error replaces it.
        if (warnings[i].category != "DeprecationWarning" || !error_matches(Exc_SyntaxError)) return -1;
        Ref<> first = fetch_exception();
        for (std::size_t j = i + 1; j < warnings.size(); ++j) {
            if (warnings[j].category == "DeprecationWarning") continue;
            if (issue(warnings[j]) < 0) return -1;
        }
        restore_exception(std::move(first));
        return -1;
    }
    return 0;
}

Ref<> compile_source(std::string_view source, std::string_view filename, CompileMode mode, int optimize)
{
    parser::ParseOptions options;
    options.start = mode == CompileMode::Exec   ? parser::StartRule::FILE_INPUT
                    : mode == CompileMode::Eval ? parser::StartRule::EVAL_INPUT
                                                : parser::StartRule::SINGLE_INPUT;
    options.string_input = true;
    const std::string fname(filename);
    parser::ParseResult parsed = parser::parse_source(source, fname, options);
    // The tokenizer's and parser's warnings come before any SyntaxError,
    // as CPython issues them while it parses.
    if (issue_parse_warnings(parsed.warnings, fname) < 0) return nullptr;
    if (parsed.mod == nullptr) {
        if (parsed.error) {
            raise_syntax_error(*parsed.error);
        } else if (parsed.exception.rfind("RecursionError", 0) == 0) {
            set_error(Exc_RecursionError, "maximum recursion depth exceeded during compilation");
        } else {
            error_no_memory();
        }
        return nullptr;
    }
    // No source text: the line of a SyntaxError the compiler raises comes
    // from the file the filename names, read only if there is an error
    // (error_source_line), as PyErr_ProgramTextObject reads it.
    return compile_ast(parsed.mod, filename, optimize, parsed.arena.get());
}

}  // namespace minipy::compiler
