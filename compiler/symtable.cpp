// symtable.cpp: the symbol table: which block every name lives in. Mirrors
// CPython 3.11 Python/symtable.c. Book chapter 7, "The Compiler" ("Symbol
// Tables"); the book walks through CPython 3.9's version, which this one
// differs from only in details (see docs/chapters/compiler.md).
//
// Design notes
// ------------
// Pass 1 (symtable_visit_*) walks the AST once. Entering a def, class,
// lambda or comprehension pushes a new SymtableEntry; every name met is
// recorded in the current entry with the DEF_* facts of its use (bound,
// used, parameter, declared global/nonlocal, imported, annotated). Names are
// mangled (`__x` -> `_Class__x`) inside classes before they are recorded.
// What belongs to the enclosing block is visited before entering: default
// values, decorators, annotations (unless `from __future__ import
// annotations`), base classes, and a comprehension's first iterable.
//
// Pass 2 (symtable_analyze) turns the facts into scopes, top-down. Each
// block receives `bound` (names bound in the enclosing functions, nullptr
// for the module) and `global` (names declared global above it); it decides
// each of its names (analyze_name), hands the children the updated sets, and
// collects the names they found free. A local that a child needs becomes a
// CELL; a name free in a child but not bound here is passed further up as
// FREE, so intermediate functions can forward the closure. Class bodies are
// not visible from their methods: a class passes its own parent's sets down
// unchanged, plus `__class__`, which a method using super() or __class__
// then finds free and the class turns into its implicit cell.
//
// Invariant of both passes: a SymbolMap keeps CPython's dict insertion
// order; the free sets are ordered sets, so names a block only forwards
// (flags 0, appended last by update_symbols) come out sorted, where CPython's
// order follows string hashes (see docs/symtable-format.md).
#include "minipy/compiler/symtable.h"

#include <cstdio>
#include <set>

#include "minipy/runtime/unicodeobject.h"

namespace minipy::compiler {

using namespace minipy::ast;

namespace {

// The messages of Python/symtable.c (3.11).
constexpr const char* GLOBAL_PARAM = "name '%s' is parameter and global";
constexpr const char* NONLOCAL_PARAM = "name '%s' is parameter and nonlocal";
constexpr const char* GLOBAL_AFTER_ASSIGN = "name '%s' is assigned to before global declaration";
constexpr const char* NONLOCAL_AFTER_ASSIGN = "name '%s' is assigned to before nonlocal declaration";
constexpr const char* GLOBAL_AFTER_USE = "name '%s' is used prior to global declaration";
constexpr const char* NONLOCAL_AFTER_USE = "name '%s' is used prior to nonlocal declaration";
constexpr const char* GLOBAL_ANNOT = "annotated name '%s' can't be global";
constexpr const char* NONLOCAL_ANNOT = "annotated name '%s' can't be nonlocal";
constexpr const char* IMPORT_STAR_WARNING = "import * only allowed at module level";
constexpr const char* NAMED_EXPR_COMP_IN_CLASS =
    "assignment expression within a comprehension cannot be used in a class body";
constexpr const char* NAMED_EXPR_COMP_CONFLICT =
    "assignment expression cannot rebind comprehension iteration variable '%s'";
constexpr const char* NAMED_EXPR_COMP_INNER_LOOP_CONFLICT =
    "comprehension inner loop cannot rebind assignment expression target '%s'";
constexpr const char* NAMED_EXPR_COMP_ITER_EXPR =
    "assignment expression cannot be used in a comprehension iterable expression";
constexpr const char* ANNOTATION_NOT_ALLOWED = "'%s' can not be used within an annotation";
constexpr const char* DUPLICATE_ARGUMENT = "duplicate argument '%s' in function definition";

// COMPILER_STACK_FRAME_SCALE times the default recursion limit, as 3.11
// bounds the depth of the AST walk.
constexpr int RECURSION_LIMIT = 3 * 1000;

std::string format(const char* fmt, std::string_view name = {})
{
    std::string text = fmt;
    std::size_t at = text.find("%s");
    if (at != std::string::npos) text.replace(at, 2, std::string(name));
    return text;
}

std::unique_ptr<lexer::SyntaxErrorInfo> make_error(const std::string& msg, const std::string& filename,
                                                   std::string_view source, int lineno, int offset,
                                                   int end_lineno, int end_offset)
{
    auto error = std::make_unique<lexer::SyntaxErrorInfo>();
    error->msg = msg;
    error->filename = filename;
    error->lineno = lineno;
    error->offset = offset;
    error->end_lineno = end_lineno;
    error->end_offset = end_offset;
    error->has_text = error_source_line(source, filename, lineno, &error->text);
    return error;
}

// The state of one build (struct symtable's working fields).
class Builder {
public:
    Builder(Symtable* st, std::string_view source) : st_(st), source_(source) {}

    [[nodiscard]] bool build(mod_ty mod);
    [[nodiscard]] bool analyze();

    std::unique_ptr<lexer::SyntaxErrorInfo> error;
    bool recursion_error = false;

private:
    Symtable* st_;
    std::string_view source_;
    SymtableEntry* st_cur = nullptr;
    std::vector<SymtableEntry*> st_stack;
    SymbolMap* st_global = nullptr;  // the module's symbols
    std::string_view st_private;     // name of the class being visited, or empty
    bool has_private = false;
    int recursion_depth = 0;

    // PyErr_RangedSyntaxLocationObject with 0-based AST columns.
    bool fail(const std::string& msg, int lineno, int col_offset, int end_lineno, int end_col_offset)
    {
        error = make_error(msg, st_->st_filename, source_, lineno, col_offset + 1, end_lineno,
                           end_col_offset + 1);
        return false;
    }
    template <class Node>
    bool fail_at(const std::string& msg, const Node* n)
    {
        return fail(msg, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset);
    }

    std::string mangled(std::string_view name) const
    {
        return has_private ? mangle(st_private, name) : std::string(name);
    }

    [[nodiscard]] bool enter_block(std::string_view name, BlockType block, const void* ast, int lineno,
                                   int col_offset, int end_lineno, int end_col_offset);
    void exit_block();
    [[nodiscard]] bool add_def_helper(std::string_view name, long flag, SymtableEntry* ste, int lineno,
                                      int col_offset, int end_lineno, int end_col_offset);
    template <class Node>
    [[nodiscard]] bool add_def(std::string_view name, long flag, const Node* loc)
    {
        return add_def_helper(name, flag, st_cur, loc->lineno, loc->col_offset, loc->end_lineno,
                              loc->end_col_offset);
    }
    long lookup(std::string_view name) const { return st_cur->ste_symbols.get(mangled(name)); }
    void record_directive(std::string_view name, int lineno, int col_offset, int end_lineno,
                          int end_col_offset)
    {
        st_cur->ste_directives.push_back({mangled(name), lineno, col_offset, end_lineno, end_col_offset});
    }

    [[nodiscard]] bool enter_recursion()
    {
        if (++recursion_depth > RECURSION_LIMIT) {
            error = std::make_unique<lexer::SyntaxErrorInfo>();
            error->msg = "maximum recursion depth exceeded during compilation";
            recursion_error = true;
            return false;
        }
        return true;
    }

    [[nodiscard]] bool visit_stmt(stmt_ty s);
    [[nodiscard]] bool visit_stmt_body(stmt_ty s);
    [[nodiscard]] bool visit_expr(expr_ty e);
    [[nodiscard]] bool visit_expr_body(expr_ty e);
    [[nodiscard]] bool visit_stmts(const asdl_stmt_seq* seq);
    [[nodiscard]] bool visit_exprs(const asdl_expr_seq* seq);  // skips null elements
    [[nodiscard]] bool visit_global_or_nonlocal(stmt_ty s, bool is_global);
    [[nodiscard]] bool visit_annassign(stmt_ty s);
    [[nodiscard]] bool visit_function(stmt_ty s, identifier name, arguments_ty args, asdl_stmt_seq* body,
                                      asdl_expr_seq* decorators, expr_ty returns, bool is_async);
    [[nodiscard]] bool visit_arguments(arguments_ty a);
    [[nodiscard]] bool visit_params(const asdl_arg_seq* args);
    [[nodiscard]] bool visit_argannotations(const asdl_arg_seq* args);
    [[nodiscard]] bool visit_annotation(expr_ty annotation);
    [[nodiscard]] bool visit_annotations(stmt_ty o, arguments_ty a, expr_ty returns);
    [[nodiscard]] bool visit_try(const asdl_stmt_seq* body, const asdl_excepthandler_seq* handlers,
                                 const asdl_stmt_seq* orelse, const asdl_stmt_seq* finalbody);
    [[nodiscard]] bool visit_with(const asdl_withitem_seq* items, const asdl_stmt_seq* body);
    [[nodiscard]] bool visit_excepthandler(excepthandler_ty eh);
    [[nodiscard]] bool visit_alias(alias_ty a);
    [[nodiscard]] bool visit_withitem(withitem_ty item);
    [[nodiscard]] bool visit_match_case(match_case_ty m);
    [[nodiscard]] bool visit_pattern(pattern_ty p);
    [[nodiscard]] bool visit_patterns(const asdl_pattern_seq* seq);
    [[nodiscard]] bool visit_comprehension(comprehension_ty lc);
    [[nodiscard]] bool handle_comprehension(expr_ty e, std::string_view scope_name,
                                            asdl_comprehension_seq* generators, expr_ty elt, expr_ty value);
    [[nodiscard]] bool handle_namedexpr(expr_ty e);
    [[nodiscard]] bool extend_namedexpr_scope(expr_ty e);
    [[nodiscard]] bool raise_if_annotation_block(const char* name, expr_ty e);
    [[nodiscard]] bool raise_if_comprehension_block(expr_ty e);
    [[nodiscard]] bool implicit_arg(int pos);

    // Pass 2.
    using NameSet = std::set<std::string>;
    [[nodiscard]] bool analyze_name(SymtableEntry* ste, SymbolMap& scopes, const std::string& name, long flags,
                                    NameSet* bound, NameSet& local, NameSet& free, NameSet& global);
    [[nodiscard]] bool analyze_block(SymtableEntry* ste, NameSet* bound, NameSet& free, NameSet& global);
    [[nodiscard]] bool analyze_child_block(SymtableEntry* entry, const NameSet& bound, const NameSet& free,
                                           const NameSet& global, NameSet& child_free);
    [[nodiscard]] bool error_at_directive(SymtableEntry* ste, const std::string& name, const std::string& msg);
};

// ---------------------------------------------------------------------------
// Blocks and definitions

bool Builder::enter_block(std::string_view name, BlockType block, const void* ast, int lineno, int col_offset,
                          int end_lineno, int end_col_offset)
{
    // ste_new
    auto owned = std::make_unique<SymtableEntry>();
    SymtableEntry* ste = owned.get();
    ste->ste_table = st_;
    ste->ste_id = ast;
    ste->ste_name = std::string(name);
    ste->ste_type = block;
    ste->ste_lineno = lineno;
    ste->ste_col_offset = col_offset;
    ste->ste_end_lineno = end_lineno;
    ste->ste_end_col_offset = end_col_offset;
    SymtableEntry* prev = st_cur;
    if (prev != nullptr && (prev->ste_nested || prev->ste_type == FunctionBlock)) ste->ste_nested = true;
    // bpo-37757: every assignment expression inside the outermost iterable
    // of a comprehension is refused, even in a nested lambda or comprehension.
    if (prev != nullptr) ste->ste_comp_iter_expr = prev->ste_comp_iter_expr;

    st_stack.push_back(ste);
    st_cur = ste;
    // Annotation blocks (future annotations) only catch forbidden
    // expressions: the compiler turns the annotations into strings, so they
    // bind nothing and are nobody's child.
    if (block == AnnotationBlock) {
        st_->st_annotation_blocks.push_back(std::move(owned));
        return true;
    }
    st_->st_blocks[ast] = std::move(owned);
    if (block == ModuleBlock) st_global = &ste->ste_symbols;
    if (prev != nullptr) prev->ste_children.push_back(ste);
    return true;
}

void Builder::exit_block()
{
    st_stack.pop_back();
    st_cur = st_stack.empty() ? nullptr : st_stack.back();
}

bool Builder::add_def_helper(std::string_view name, long flag, SymtableEntry* ste, int lineno, int col_offset,
                             int end_lineno, int end_col_offset)
{
    std::string key = mangled(name);
    long val = flag;
    if (ste->ste_symbols.contains(key)) {
        long old = ste->ste_symbols.get(key);
        if ((flag & DEF_PARAM) && (old & DEF_PARAM)) {
            return fail(format(DUPLICATE_ARGUMENT, name), lineno, col_offset, end_lineno, end_col_offset);
        }
        val = old | flag;
    }
    if (ste->ste_comp_iter_target) {
        // An iteration variable of a comprehension: it must not be a name
        // an assignment expression of the comprehension already bound
        // outside, and later assignment expressions must not rebind it.
        if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
            return fail(format(NAMED_EXPR_COMP_INNER_LOOP_CONFLICT, name), lineno, col_offset, end_lineno,
                        end_col_offset);
        }
        val |= DEF_COMP_ITER;
    }
    ste->ste_symbols.set(key, val);
    if (flag & DEF_PARAM) {
        ste->ste_varnames.push_back(key);
    }
    else if (flag & DEF_GLOBAL) {
        // A global declaration anywhere also records the name in the module.
        st_global->set(key, flag | st_global->get(key));
    }
    return true;
}

bool Builder::implicit_arg(int pos)
{
    std::string id = "." + std::to_string(pos);
    SymtableEntry* ste = st_cur;
    return add_def_helper(id, DEF_PARAM, ste, ste->ste_lineno, ste->ste_col_offset, ste->ste_end_lineno,
                          ste->ste_end_col_offset);
}

// ---------------------------------------------------------------------------
// Pass 1: statements

bool Builder::build(mod_ty mod)
{
    if (!enter_block("top", ModuleBlock, mod, 0, 0, 0, 0)) return false;
    st_->st_top = st_cur;
    bool ok = true;
    switch (mod->kind) {
    case Module_kind:
        ok = visit_stmts(mod->v.Module.body);
        break;
    case Interactive_kind:
        ok = visit_stmts(mod->v.Interactive.body);
        break;
    case Expression_kind:
        ok = visit_expr(mod->v.Expression.body);
        break;
    case FunctionType_kind:
        error = std::make_unique<lexer::SyntaxErrorInfo>();
        error->msg = "this compiler does not handle FunctionTypes";
        ok = false;
        break;
    }
    exit_block();
    return ok;
}

bool Builder::visit_stmts(const asdl_stmt_seq* seq)
{
    for (int i = 0; i < asdl_seq_LEN(seq); ++i) {
        if (!visit_stmt((*seq)[i])) return false;
    }
    return true;
}

bool Builder::visit_exprs(const asdl_expr_seq* seq)
{
    for (int i = 0; i < asdl_seq_LEN(seq); ++i) {
        expr_ty e = (*seq)[i];
        if (e != nullptr && !visit_expr(e)) return false;
    }
    return true;
}

bool Builder::visit_stmt(stmt_ty s)
{
    if (!enter_recursion()) return false;
    bool ok = visit_stmt_body(s);
    --recursion_depth;
    return ok;
}

bool Builder::visit_function(stmt_ty s, identifier name, arguments_ty args, asdl_stmt_seq* body,
                             asdl_expr_seq* decorators, expr_ty returns, bool is_async)
{
    // The name, defaults, annotations and decorators belong to the
    // enclosing block; the parameters and the body to the new one.
    if (!add_def(name, DEF_LOCAL, s)) return false;
    if (!visit_exprs(args->defaults)) return false;
    if (!visit_exprs(args->kw_defaults)) return false;
    if (!visit_annotations(s, args, returns)) return false;
    if (!visit_exprs(decorators)) return false;
    if (!enter_block(name, FunctionBlock, s, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset)) {
        return false;
    }
    if (is_async) st_cur->ste_coroutine = true;
    if (!visit_arguments(args) || !visit_stmts(body)) return false;
    exit_block();
    return true;
}

bool Builder::visit_stmt_body(stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind: {
        auto& f = s->v.FunctionDef;
        return visit_function(s, f.name, f.args, f.body, f.decorator_list, f.returns, false);
    }
    case AsyncFunctionDef_kind: {
        auto& f = s->v.AsyncFunctionDef;
        return visit_function(s, f.name, f.args, f.body, f.decorator_list, f.returns, true);
    }
    case ClassDef_kind: {
        auto& c = s->v.ClassDef;
        if (!add_def(c.name, DEF_LOCAL, s)) return false;
        if (!visit_exprs(c.bases)) return false;
        for (int i = 0; i < asdl_seq_LEN(c.keywords); ++i) {
            if (!visit_expr((*c.keywords)[i]->value)) return false;
        }
        if (!visit_exprs(c.decorator_list)) return false;
        if (!enter_block(c.name, ClassBlock, s, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset)) {
            return false;
        }
        std::string_view saved = st_private;
        bool saved_has = has_private;
        st_private = c.name;
        has_private = true;
        if (!visit_stmts(c.body)) return false;
        st_private = saved;
        has_private = saved_has;
        exit_block();
        return true;
    }
    case Return_kind:
        if (s->v.Return.value != nullptr) {
            if (!visit_expr(s->v.Return.value)) return false;
            st_cur->ste_returns_value = true;
        }
        return true;
    case Delete_kind:
        return visit_exprs(s->v.Delete.targets);
    case Assign_kind:
        return visit_exprs(s->v.Assign.targets) && visit_expr(s->v.Assign.value);
    case AnnAssign_kind:
        return visit_annassign(s);
    case AugAssign_kind:
        return visit_expr(s->v.AugAssign.target) && visit_expr(s->v.AugAssign.value);
    case For_kind:
        return visit_expr(s->v.For.target) && visit_expr(s->v.For.iter) && visit_stmts(s->v.For.body) &&
               visit_stmts(s->v.For.orelse);
    case AsyncFor_kind:
        return visit_expr(s->v.AsyncFor.target) && visit_expr(s->v.AsyncFor.iter) &&
               visit_stmts(s->v.AsyncFor.body) && visit_stmts(s->v.AsyncFor.orelse);
    case While_kind:
        return visit_expr(s->v.While.test) && visit_stmts(s->v.While.body) && visit_stmts(s->v.While.orelse);
    case If_kind:
        return visit_expr(s->v.If.test) && visit_stmts(s->v.If.body) && visit_stmts(s->v.If.orelse);
    case Match_kind: {
        if (!visit_expr(s->v.Match.subject)) return false;
        for (int i = 0; i < asdl_seq_LEN(s->v.Match.cases); ++i) {
            if (!visit_match_case((*s->v.Match.cases)[i])) return false;
        }
        return true;
    }
    case Raise_kind:
        if (s->v.Raise.exc != nullptr) {
            if (!visit_expr(s->v.Raise.exc)) return false;
            if (s->v.Raise.cause != nullptr && !visit_expr(s->v.Raise.cause)) return false;
        }
        return true;
    case Try_kind:
        return visit_try(s->v.Try.body, s->v.Try.handlers, s->v.Try.orelse, s->v.Try.finalbody);
    case TryStar_kind:
        return visit_try(s->v.TryStar.body, s->v.TryStar.handlers, s->v.TryStar.orelse, s->v.TryStar.finalbody);
    case Assert_kind:
        if (!visit_expr(s->v.Assert.test)) return false;
        return s->v.Assert.msg == nullptr || visit_expr(s->v.Assert.msg);
    case Import_kind:
        for (int i = 0; i < asdl_seq_LEN(s->v.Import.names); ++i) {
            if (!visit_alias((*s->v.Import.names)[i])) return false;
        }
        return true;
    case ImportFrom_kind:
        for (int i = 0; i < asdl_seq_LEN(s->v.ImportFrom.names); ++i) {
            if (!visit_alias((*s->v.ImportFrom.names)[i])) return false;
        }
        return true;
    case Global_kind:
        return visit_global_or_nonlocal(s, true);
    case Nonlocal_kind:
        return visit_global_or_nonlocal(s, false);
    case Expr_kind:
        return visit_expr(s->v.Expr.value);
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        return true;
    case With_kind:
        return visit_with(s->v.With.items, s->v.With.body);
    case AsyncWith_kind:
        return visit_with(s->v.AsyncWith.items, s->v.AsyncWith.body);
    }
    return true;
}

// global NAME, ... / nonlocal NAME, ...: the name must not have been
// bound, used or annotated earlier in the block, nor be a parameter.
bool Builder::visit_global_or_nonlocal(stmt_ty s, bool is_global)
{
    const asdl_identifier_seq* names = is_global ? s->v.Global.names : s->v.Nonlocal.names;
    for (int i = 0; i < asdl_seq_LEN(names); ++i) {
        identifier name = (*names)[i];
        long cur = lookup(name);
        if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            const char* msg;
            if (cur & DEF_PARAM) msg = is_global ? GLOBAL_PARAM : NONLOCAL_PARAM;
            else if (cur & USE) msg = is_global ? GLOBAL_AFTER_USE : NONLOCAL_AFTER_USE;
            else if (cur & DEF_ANNOT) msg = is_global ? GLOBAL_ANNOT : NONLOCAL_ANNOT;
            else msg = is_global ? GLOBAL_AFTER_ASSIGN : NONLOCAL_AFTER_ASSIGN;
            return fail_at(format(msg, name), s);
        }
        if (!add_def(name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, s)) return false;
        record_directive(name, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset);
    }
    return true;
}

bool Builder::visit_annassign(stmt_ty s)
{
    auto& a = s->v.AnnAssign;
    if (a.target->kind == Name_kind) {
        expr_ty e_name = a.target;
        long cur = lookup(e_name->v.Name.id);
        if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && &st_cur->ste_symbols != st_global && a.simple) {
            return fail_at(format(cur & DEF_GLOBAL ? GLOBAL_ANNOT : NONLOCAL_ANNOT, e_name->v.Name.id), s);
        }
        // CPython's test reads `if (simple && !add_def(ANNOT|LOCAL)) fail;
        // else if (value) add_def(LOCAL)`: a simple target with a value
        // goes through both, which only repeats DEF_LOCAL.
        if (a.simple && !add_def(e_name->v.Name.id, DEF_ANNOT | DEF_LOCAL, e_name)) return false;
        if (a.value != nullptr && !add_def(e_name->v.Name.id, DEF_LOCAL, e_name)) return false;
    }
    else if (!visit_expr(a.target)) {
        return false;
    }
    if (!visit_annotation(a.annotation)) return false;
    return a.value == nullptr || visit_expr(a.value);
}

// try/try*: the else block is visited before the handlers, as CPython does.
bool Builder::visit_try(const asdl_stmt_seq* body, const asdl_excepthandler_seq* handlers,
                        const asdl_stmt_seq* orelse, const asdl_stmt_seq* finalbody)
{
    if (!visit_stmts(body) || !visit_stmts(orelse)) return false;
    for (int i = 0; i < asdl_seq_LEN(handlers); ++i) {
        if (!visit_excepthandler((*handlers)[i])) return false;
    }
    return visit_stmts(finalbody);
}

bool Builder::visit_with(const asdl_withitem_seq* items, const asdl_stmt_seq* body)
{
    for (int i = 0; i < asdl_seq_LEN(items); ++i) {
        if (!visit_withitem((*items)[i])) return false;
    }
    return visit_stmts(body);
}

bool Builder::visit_excepthandler(excepthandler_ty eh)
{
    auto& h = eh->v.ExceptHandler;
    if (h.type != nullptr && !visit_expr(h.type)) return false;
    if (h.name.data() != nullptr && !add_def(h.name, DEF_LOCAL, eh)) return false;
    return visit_stmts(h.body);
}

// import a.b.c binds `a`; `import a.b as c` binds `c`; `*` binds nothing and
// is refused outside the module.
bool Builder::visit_alias(alias_ty a)
{
    identifier name = a->asname.data() != nullptr ? a->asname : a->name;
    std::size_t dot = name.find('.');
    identifier store_name = dot == std::string_view::npos ? name : name.substr(0, dot);
    if (name != "*") return add_def(store_name, DEF_IMPORT, a);
    if (st_cur->ste_type != ModuleBlock) return fail_at(IMPORT_STAR_WARNING, a);
    return true;
}

bool Builder::visit_withitem(withitem_ty item)
{
    if (!visit_expr(item->context_expr)) return false;
    return item->optional_vars == nullptr || visit_expr(item->optional_vars);
}

bool Builder::visit_match_case(match_case_ty m)
{
    if (!visit_pattern(m->pattern)) return false;
    if (m->guard != nullptr && !visit_expr(m->guard)) return false;
    return visit_stmts(m->body);
}

bool Builder::visit_patterns(const asdl_pattern_seq* seq)
{
    for (int i = 0; i < asdl_seq_LEN(seq); ++i) {
        if (!visit_pattern((*seq)[i])) return false;
    }
    return true;
}

bool Builder::visit_pattern(pattern_ty p)
{
    if (!enter_recursion()) return false;
    bool ok = true;
    switch (p->kind) {
    case MatchValue_kind:
        ok = visit_expr(p->v.MatchValue.value);
        break;
    case MatchSingleton_kind:
        break;
    case MatchSequence_kind:
        ok = visit_patterns(p->v.MatchSequence.patterns);
        break;
    case MatchStar_kind:
        if (p->v.MatchStar.name.data() != nullptr) ok = add_def(p->v.MatchStar.name, DEF_LOCAL, p);
        break;
    case MatchMapping_kind:
        ok = visit_exprs(p->v.MatchMapping.keys) && visit_patterns(p->v.MatchMapping.patterns);
        if (ok && p->v.MatchMapping.rest.data() != nullptr) ok = add_def(p->v.MatchMapping.rest, DEF_LOCAL, p);
        break;
    case MatchClass_kind:
        ok = visit_expr(p->v.MatchClass.cls) && visit_patterns(p->v.MatchClass.patterns) &&
             visit_patterns(p->v.MatchClass.kwd_patterns);
        break;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern != nullptr) ok = visit_pattern(p->v.MatchAs.pattern);
        if (ok && p->v.MatchAs.name.data() != nullptr) ok = add_def(p->v.MatchAs.name, DEF_LOCAL, p);
        break;
    case MatchOr_kind:
        ok = visit_patterns(p->v.MatchOr.patterns);
        break;
    }
    --recursion_depth;
    return ok;
}

// ---------------------------------------------------------------------------
// Pass 1: parameters and annotations

bool Builder::visit_params(const asdl_arg_seq* args)
{
    for (int i = 0; i < asdl_seq_LEN(args); ++i) {
        arg_ty a = (*args)[i];
        if (!add_def(a->arg, DEF_PARAM, a)) return false;
    }
    return true;
}

// The parameters in co_varnames order: positional, keyword-only, then
// *args and **kwargs.
bool Builder::visit_arguments(arguments_ty a)
{
    if (!visit_params(a->posonlyargs) || !visit_params(a->args) || !visit_params(a->kwonlyargs)) return false;
    if (a->vararg != nullptr) {
        if (!add_def(a->vararg->arg, DEF_PARAM, a->vararg)) return false;
        st_cur->ste_varargs = true;
    }
    if (a->kwarg != nullptr) {
        if (!add_def(a->kwarg->arg, DEF_PARAM, a->kwarg)) return false;
        st_cur->ste_varkeywords = true;
    }
    return true;
}

bool Builder::visit_argannotations(const asdl_arg_seq* args)
{
    for (int i = 0; i < asdl_seq_LEN(args); ++i) {
        arg_ty a = (*args)[i];
        if (a->annotation != nullptr && !visit_expr(a->annotation)) return false;
    }
    return true;
}

bool Builder::visit_annotation(expr_ty annotation)
{
    const bool future_annotations = st_->st_future.ff_features & CO_FUTURE_ANNOTATIONS;
    if (future_annotations &&
        !enter_block("_annotation", AnnotationBlock, annotation, annotation->lineno, annotation->col_offset,
                     annotation->end_lineno, annotation->end_col_offset)) {
        return false;
    }
    if (!visit_expr(annotation)) return false;
    if (future_annotations) exit_block();
    return true;
}

// A function's parameter annotations (one annotation block for all of them
// under future annotations), then its return annotation.
bool Builder::visit_annotations(stmt_ty o, arguments_ty a, expr_ty returns)
{
    const bool future_annotations = st_->st_future.ff_features & CO_FUTURE_ANNOTATIONS;
    if (future_annotations &&
        !enter_block("_annotation", AnnotationBlock, a, o->lineno, o->col_offset, o->end_lineno,
                     o->end_col_offset)) {
        return false;
    }
    if (!visit_argannotations(a->posonlyargs) || !visit_argannotations(a->args)) return false;
    if (a->vararg != nullptr && a->vararg->annotation != nullptr && !visit_expr(a->vararg->annotation)) {
        return false;
    }
    if (a->kwarg != nullptr && a->kwarg->annotation != nullptr && !visit_expr(a->kwarg->annotation)) {
        return false;
    }
    if (!visit_argannotations(a->kwonlyargs)) return false;
    if (future_annotations) exit_block();
    return returns == nullptr || visit_annotation(returns);
}

// ---------------------------------------------------------------------------
// Pass 1: expressions

bool Builder::visit_expr(expr_ty e)
{
    if (!enter_recursion()) return false;
    bool ok = visit_expr_body(e);
    --recursion_depth;
    return ok;
}

bool Builder::raise_if_annotation_block(const char* name, expr_ty e)
{
    if (st_cur->ste_type != AnnotationBlock) return true;
    return fail_at(format(ANNOTATION_NOT_ALLOWED, name), e);
}

bool Builder::raise_if_comprehension_block(expr_ty e)
{
    const ComprehensionType type = st_cur->ste_comprehension;
    const char* msg = type == ListComprehension  ? "'yield' inside list comprehension"
                      : type == SetComprehension ? "'yield' inside set comprehension"
                      : type == DictComprehension ? "'yield' inside dict comprehension"
                                                  : "'yield' inside generator expression";
    return fail_at(msg, e);
}

bool Builder::visit_expr_body(expr_ty e)
{
    switch (e->kind) {
    case NamedExpr_kind:
        return raise_if_annotation_block("named expression", e) && handle_namedexpr(e);
    case BoolOp_kind:
        return visit_exprs(e->v.BoolOp.values);
    case BinOp_kind:
        return visit_expr(e->v.BinOp.left) && visit_expr(e->v.BinOp.right);
    case UnaryOp_kind:
        return visit_expr(e->v.UnaryOp.operand);
    case Lambda_kind: {
        arguments_ty args = e->v.Lambda.args;
        if (!visit_exprs(args->defaults) || !visit_exprs(args->kw_defaults)) return false;
        if (!enter_block("lambda", FunctionBlock, e, e->lineno, e->col_offset, e->end_lineno,
                         e->end_col_offset)) {
            return false;
        }
        if (!visit_arguments(args) || !visit_expr(e->v.Lambda.body)) return false;
        exit_block();
        return true;
    }
    case IfExp_kind:
        return visit_expr(e->v.IfExp.test) && visit_expr(e->v.IfExp.body) && visit_expr(e->v.IfExp.orelse);
    case Dict_kind:
        // All keys (None for **mapping) first, then all values.
        return visit_exprs(e->v.Dict.keys) && visit_exprs(e->v.Dict.values);
    case Set_kind:
        return visit_exprs(e->v.Set.elts);
    case GeneratorExp_kind:
        return handle_comprehension(e, "genexpr", e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, nullptr);
    case ListComp_kind:
        return handle_comprehension(e, "listcomp", e->v.ListComp.generators, e->v.ListComp.elt, nullptr);
    case SetComp_kind:
        return handle_comprehension(e, "setcomp", e->v.SetComp.generators, e->v.SetComp.elt, nullptr);
    case DictComp_kind:
        return handle_comprehension(e, "dictcomp", e->v.DictComp.generators, e->v.DictComp.key,
                                    e->v.DictComp.value);
    case Yield_kind:
        if (!raise_if_annotation_block("yield expression", e)) return false;
        if (e->v.Yield.value != nullptr && !visit_expr(e->v.Yield.value)) return false;
        st_cur->ste_generator = true;
        if (st_cur->ste_comprehension) return raise_if_comprehension_block(e);
        return true;
    case YieldFrom_kind:
        if (!raise_if_annotation_block("yield expression", e)) return false;
        if (!visit_expr(e->v.YieldFrom.value)) return false;
        st_cur->ste_generator = true;
        if (st_cur->ste_comprehension) return raise_if_comprehension_block(e);
        return true;
    case Await_kind:
        if (!raise_if_annotation_block("await expression", e)) return false;
        if (!visit_expr(e->v.Await.value)) return false;
        st_cur->ste_coroutine = true;
        return true;
    case Compare_kind:
        return visit_expr(e->v.Compare.left) && visit_exprs(e->v.Compare.comparators);
    case Call_kind: {
        if (!visit_expr(e->v.Call.func) || !visit_exprs(e->v.Call.args)) return false;
        for (int i = 0; i < asdl_seq_LEN(e->v.Call.keywords); ++i) {
            if (!visit_expr((*e->v.Call.keywords)[i]->value)) return false;
        }
        return true;
    }
    case FormattedValue_kind:
        if (!visit_expr(e->v.FormattedValue.value)) return false;
        return e->v.FormattedValue.format_spec == nullptr || visit_expr(e->v.FormattedValue.format_spec);
    case JoinedStr_kind:
        return visit_exprs(e->v.JoinedStr.values);
    case Constant_kind:
        return true;
    case Attribute_kind:
        return visit_expr(e->v.Attribute.value);
    case Subscript_kind:
        return visit_expr(e->v.Subscript.value) && visit_expr(e->v.Subscript.slice);
    case Starred_kind:
        return visit_expr(e->v.Starred.value);
    case Slice_kind:
        if (e->v.Slice.lower != nullptr && !visit_expr(e->v.Slice.lower)) return false;
        if (e->v.Slice.upper != nullptr && !visit_expr(e->v.Slice.upper)) return false;
        return e->v.Slice.step == nullptr || visit_expr(e->v.Slice.step);
    case Name_kind:
        if (!add_def(e->v.Name.id, e->v.Name.ctx == Load ? USE : DEF_LOCAL, e)) return false;
        // A call of super() inside a function is a use of __class__: the
        // zero-argument form reads the class from that implicit cell.
        if (e->v.Name.ctx == Load && st_cur->ste_type == FunctionBlock && e->v.Name.id == "super") {
            return add_def("__class__", USE, e);
        }
        return true;
    case List_kind:
        return visit_exprs(e->v.List.elts);
    case Tuple_kind:
        return visit_exprs(e->v.Tuple.elts);
    }
    return true;
}

// ---------------------------------------------------------------------------
// Pass 1: comprehensions and assignment expressions

bool Builder::visit_comprehension(comprehension_ty lc)
{
    st_cur->ste_comp_iter_target = true;
    if (!visit_expr(lc->target)) return false;
    st_cur->ste_comp_iter_target = false;
    st_cur->ste_comp_iter_expr++;
    if (!visit_expr(lc->iter)) return false;
    st_cur->ste_comp_iter_expr--;
    if (!visit_exprs(lc->ifs)) return false;
    if (lc->is_async) st_cur->ste_coroutine = true;
    return true;
}

// A comprehension is a nested function whose one parameter, `.0`, is the
// iterator of its outermost iterable, evaluated in the enclosing block.
bool Builder::handle_comprehension(expr_ty e, std::string_view scope_name, asdl_comprehension_seq* generators,
                                   expr_ty elt, expr_ty value)
{
    const bool is_generator = e->kind == GeneratorExp_kind;
    comprehension_ty outermost = (*generators)[0];
    st_cur->ste_comp_iter_expr++;
    if (!visit_expr(outermost->iter)) return false;
    st_cur->ste_comp_iter_expr--;
    if (!enter_block(scope_name, FunctionBlock, e, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset)) {
        return false;
    }
    switch (e->kind) {
    case ListComp_kind: st_cur->ste_comprehension = ListComprehension; break;
    case SetComp_kind: st_cur->ste_comprehension = SetComprehension; break;
    case DictComp_kind: st_cur->ste_comprehension = DictComprehension; break;
    default: st_cur->ste_comprehension = GeneratorExpression; break;
    }
    if (outermost->is_async) st_cur->ste_coroutine = true;
    if (!implicit_arg(0)) return false;
    st_cur->ste_comp_iter_target = true;
    if (!visit_expr(outermost->target)) return false;
    st_cur->ste_comp_iter_target = false;
    if (!visit_exprs(outermost->ifs)) return false;
    for (int i = 1; i < asdl_seq_LEN(generators); ++i) {
        if (!visit_comprehension((*generators)[i])) return false;
    }
    // A dict comprehension's value is visited before its key.
    if (value != nullptr && !visit_expr(value)) return false;
    if (!visit_expr(elt)) return false;
    st_cur->ste_generator = is_generator;
    // An async list/set/dict comprehension makes its enclosing block a
    // coroutine too (it is awaited there); a generator expression does not.
    const bool is_async = st_cur->ste_coroutine && !is_generator;
    exit_block();
    if (is_async) st_cur->ste_coroutine = true;
    return true;
}

bool Builder::handle_namedexpr(expr_ty e)
{
    if (st_cur->ste_comp_iter_expr > 0) return fail_at(NAMED_EXPR_COMP_ITER_EXPR, e);
    if (st_cur->ste_comprehension && !extend_namedexpr_scope(e->v.NamedExpr.target)) return false;
    return visit_expr(e->v.NamedExpr.value) && visit_expr(e->v.NamedExpr.target);
}

// PEP 572: the target of `:=` inside a comprehension binds in the nearest
// enclosing function (as nonlocal) or module (as global), never in the
// comprehension and never in a class.
bool Builder::extend_namedexpr_scope(expr_ty e)
{
    identifier target_name = e->v.Name.id;
    for (std::size_t i = st_stack.size(); i-- > 0;) {
        SymtableEntry* ste = st_stack[i];
        if (ste->ste_comprehension) {
            if (ste->ste_symbols.get(target_name) & DEF_COMP_ITER) {
                return fail_at(format(NAMED_EXPR_COMP_CONFLICT, target_name), e);
            }
            continue;
        }
        if (ste->ste_type == FunctionBlock) {
            long target_in_scope = ste->ste_symbols.get(target_name);
            if (!add_def(target_name, (target_in_scope & DEF_GLOBAL) ? DEF_GLOBAL : DEF_NONLOCAL, e)) {
                return false;
            }
            record_directive(target_name, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
            return add_def_helper(target_name, DEF_LOCAL, ste, e->lineno, e->col_offset, e->end_lineno,
                                  e->end_col_offset);
        }
        if (ste->ste_type == ModuleBlock) {
            if (!add_def(target_name, DEF_GLOBAL, e)) return false;
            record_directive(target_name, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset);
            return add_def_helper(target_name, DEF_GLOBAL, ste, e->lineno, e->col_offset, e->end_lineno,
                                  e->end_col_offset);
        }
        if (ste->ste_type == ClassBlock) return fail_at(NAMED_EXPR_COMP_IN_CLASS, e);
    }
    // Unreachable: the stack always holds the module.
    return true;
}

// ---------------------------------------------------------------------------
// Pass 2: analysis

bool Builder::error_at_directive(SymtableEntry* ste, const std::string& name, const std::string& msg)
{
    for (const Directive& d : ste->ste_directives) {
        if (d.name == name) return fail(msg, d.lineno, d.col_offset, d.end_lineno, d.end_col_offset);
    }
    error = std::make_unique<lexer::SyntaxErrorInfo>();
    error->msg = "BUG: internal directive bookkeeping broken";
    return false;
}

// Decides the scope of one name of `ste` from its flags and the sets of the
// enclosing blocks (see the design notes at the top).
bool Builder::analyze_name(SymtableEntry* ste, SymbolMap& scopes, const std::string& name, long flags,
                           NameSet* bound, NameSet& local, NameSet& free, NameSet& global)
{
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL) {
            return error_at_directive(ste, name, format("name '%s' is nonlocal and global", name));
        }
        scopes.set(name, GLOBAL_EXPLICIT);
        global.insert(name);
        if (bound != nullptr) bound->erase(name);
        return true;
    }
    if (flags & DEF_NONLOCAL) {
        if (bound == nullptr) {
            return error_at_directive(ste, name, "nonlocal declaration not allowed at module level");
        }
        if (bound->count(name) == 0) {
            return error_at_directive(ste, name, format("no binding for nonlocal '%s' found", name));
        }
        scopes.set(name, FREE);
        ste->ste_free = true;
        free.insert(name);
        return true;
    }
    if (flags & DEF_BOUND) {
        scopes.set(name, LOCAL);
        local.insert(name);
        global.erase(name);
        return true;
    }
    // Bound in an enclosing function: a free variable, not a global.
    if (bound != nullptr && bound->count(name) != 0) {
        scopes.set(name, FREE);
        ste->ste_free = true;
        free.insert(name);
        return true;
    }
    if (global.count(name) != 0) {
        scopes.set(name, GLOBAL_IMPLICIT);
        return true;
    }
    if (ste->ste_nested) ste->ste_free = true;
    scopes.set(name, GLOBAL_IMPLICIT);
    return true;
}

// analyze_cells: a local of a function that a child needs becomes a cell,
// and stops being free further up.
void analyze_cells(SymbolMap& scopes, std::set<std::string>& free)
{
    for (const auto& [name, scope] : scopes.items()) {
        if (scope != LOCAL || free.count(name) == 0) continue;
        scopes.set(name, CELL);
        free.erase(name);
    }
}

// drop_class_free: __class__ free in a method is provided by the class
// itself (the implicit cell), not by an enclosing function.
void drop_class_free(SymtableEntry* ste, std::set<std::string>& free)
{
    if (free.erase("__class__") != 0) ste->ste_needs_class_closure = true;
}

// update_symbols: store each name's scope in its flags, and add the names
// that are free in children but not defined here (this block forwards them).
void update_symbols(SymbolMap& symbols, const SymbolMap& scopes, const std::set<std::string>* bound,
                    const std::set<std::string>& free, bool classflag)
{
    for (const auto& [name, flags] : std::vector<std::pair<std::string, long>>(symbols.items())) {
        symbols.set(name, flags | (scopes.get(name) << SCOPE_OFFSET));
    }
    for (const std::string& name : free) {
        if (symbols.contains(name)) {
            // A method's free variable with the name of a class-level
            // binding: the class body must still use its own.
            long flags = symbols.get(name);
            if (classflag && (flags & (DEF_BOUND | DEF_GLOBAL))) symbols.set(name, flags | DEF_FREE_CLASS);
            continue;  // a cell, or already free here
        }
        if (bound != nullptr && bound->count(name) == 0) continue;  // a global
        symbols.set(name, static_cast<long>(FREE) << SCOPE_OFFSET);
    }
}

bool Builder::analyze_block(SymtableEntry* ste, NameSet* bound, NameSet& free, NameSet& global)
{
    NameSet local, newglobal, newfree, newbound, allfree;
    SymbolMap scopes;

    // A class's own names are invisible to its methods, so it passes down
    // what it received, computed before its names change the sets.
    if (ste->ste_type == ClassBlock) {
        newglobal = global;
        if (bound != nullptr) newbound = *bound;
    }
    for (const auto& [name, flags] : ste->ste_symbols.items()) {
        if (!analyze_name(ste, scopes, name, flags, bound, local, free, global)) return false;
    }
    if (ste->ste_type != ClassBlock) {
        if (ste->ste_type == FunctionBlock) newbound.insert(local.begin(), local.end());
        if (bound != nullptr) newbound.insert(bound->begin(), bound->end());
        newglobal.insert(global.begin(), global.end());
    }
    else {
        newbound.insert("__class__");
    }

    for (SymtableEntry* entry : ste->ste_children) {
        if (!analyze_child_block(entry, newbound, newfree, newglobal, allfree)) return false;
        if (entry->ste_free || entry->ste_child_free) ste->ste_child_free = true;
    }
    newfree.insert(allfree.begin(), allfree.end());

    if (ste->ste_type == FunctionBlock) analyze_cells(scopes, newfree);
    else if (ste->ste_type == ClassBlock) drop_class_free(ste, newfree);

    update_symbols(ste->ste_symbols, scopes, bound, newfree, ste->ste_type == ClassBlock);
    free.insert(newfree.begin(), newfree.end());
    return true;
}

// Each child works on copies: its bindings must not leak to its siblings.
bool Builder::analyze_child_block(SymtableEntry* entry, const NameSet& bound, const NameSet& free,
                                  const NameSet& global, NameSet& child_free)
{
    NameSet temp_bound = bound, temp_free = free, temp_global = global;
    if (!analyze_block(entry, &temp_bound, temp_free, temp_global)) return false;
    child_free.insert(temp_free.begin(), temp_free.end());
    return true;
}

bool Builder::analyze()
{
    NameSet free, global;
    return analyze_block(st_->st_top, nullptr, free, global);
}

}  // namespace

namespace {

// Line `lineno` of `source`, with its newline.
bool source_line(std::string_view source, int lineno, std::string* line)
{
    std::size_t start = 0;
    for (int n = 1; n < lineno; ++n) {
        std::size_t nl = source.find('\n', start);
        if (nl == std::string_view::npos) return false;
        start = nl + 1;
    }
    if (start >= source.size()) return false;
    std::size_t nl = source.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? source.size() : nl + 1;
    line->assign(source.substr(start, end - start));
    return true;
}

// PyErr_ProgramTextObject: line `lineno` of the file, with its newline,
// reading no further than that line.
bool program_text(const std::string& filename, int lineno, std::string* line)
{
    std::FILE* f = std::fopen(filename.c_str(), "rb");
    if (!f) return false;
    std::string text;
    int n = 1;
    for (int ch; (ch = std::getc(f)) != EOF;) {
        if (n == lineno) {
            text.push_back(static_cast<char>(ch));
            if (ch == '\n') break;
        } else if (ch == '\n') {
            n++;
        }
    }
    const bool ok = !std::ferror(f) && !text.empty();
    std::fclose(f);
    if (ok) *line = std::move(text);
    return ok;
}

}  // namespace

bool error_source_line(std::string_view source, const std::string& filename, int lineno, std::string* line)
{
    if (lineno < 1) return false;
    return source.empty() ? program_text(filename, lineno, line) : source_line(source, lineno, line);
}


// ---------------------------------------------------------------------------
// Public interface

long SymbolMap::get(std::string_view name) const
{
    auto it = index_.find(std::string(name));
    return it == index_.end() ? 0 : items_[it->second].second;
}

bool SymbolMap::contains(std::string_view name) const
{
    return index_.count(std::string(name)) != 0;
}

void SymbolMap::set(std::string_view name, long flags)
{
    std::string key(name);
    auto it = index_.find(key);
    if (it != index_.end()) {
        items_[it->second].second = flags;
        return;
    }
    index_.emplace(key, items_.size());
    items_.emplace_back(std::move(key), flags);
}

SymtableEntry* Symtable::lookup(const void* key) const
{
    auto it = st_blocks.find(key);
    return it == st_blocks.end() ? nullptr : it->second.get();
}

std::string mangle(std::string_view private_name, std::string_view name)
{
    // Only `__name` is mangled, not `__dunder__` nor a dotted import name.
    if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return std::string(name);
    if ((name.size() >= 2 && name[name.size() - 1] == '_' && name[name.size() - 2] == '_') ||
        name.find('.') != std::string_view::npos) {
        return std::string(name);
    }
    // The class name without its leading underscores; a class named only
    // with underscores mangles nothing.
    std::size_t start = private_name.find_first_not_of('_');
    if (start == std::string_view::npos) return std::string(name);
    std::string result = "_";
    result += private_name.substr(start);
    result += name;
    return result;
}

std::unique_ptr<lexer::SyntaxErrorInfo> future_from_ast(mod_ty mod, const std::string& filename,
                                                        std::string_view source, FutureFeatures* ff)
{
    // future_parse: only a docstring and other future statements may come
    // before a future statement. A late one is the compiler's error, except
    // on the same line as the last early one (`from __future__ import a;
    // import b; from __future__ import c`), caught here.
    if (mod->kind != Module_kind && mod->kind != Interactive_kind) return nullptr;
    const asdl_stmt_seq* body = mod->kind == Module_kind ? mod->v.Module.body : mod->v.Interactive.body;
    int n = asdl_seq_LEN(body);
    int i = 0;
    if (mod->kind == Module_kind && n > 0) {
        stmt_ty first = (*body)[0];
        if (first->kind == Expr_kind && first->v.Expr.value->kind == Constant_kind &&
            runtime::unicode_check_exact(first->v.Expr.value->v.Constant.value)) {
            i = 1;  // _PyAST_GetDocString
        }
    }
    bool done = false;
    int prev_line = 0;
    for (; i < n; ++i) {
        stmt_ty s = (*body)[i];
        if (done && s->lineno > prev_line) return nullptr;
        prev_line = s->lineno;
        if (s->kind != ImportFrom_kind || s->v.ImportFrom.module != "__future__") {
            done = true;
            continue;
        }
        if (done) {
            return make_error("from __future__ imports must occur at the beginning of the file", filename, source,
                              s->lineno, s->col_offset, s->lineno, 0);
        }
        // future_check_features
        const asdl_alias_seq* names = s->v.ImportFrom.names;
        for (int k = 0; k < asdl_seq_LEN(names); ++k) {
            std::string_view feature = (*names)[k]->name;
            if (feature == "nested_scopes" || feature == "generators" || feature == "division" ||
                feature == "absolute_import" || feature == "with_statement" || feature == "print_function" ||
                feature == "unicode_literals" || feature == "generator_stop") {
                continue;
            }
            if (feature == "barry_as_FLUFL") {
                ff->ff_features |= CO_FUTURE_BARRY_AS_BDFL;
            }
            else if (feature == "annotations") {
                ff->ff_features |= CO_FUTURE_ANNOTATIONS;
            }
            else if (feature == "braces") {
                return make_error("not a chance", filename, source, s->lineno, s->col_offset + 1, s->lineno, 0);
            }
            else {
                return make_error("future feature " + std::string(feature) + " is not defined", filename, source,
                                  s->lineno, s->col_offset + 1, s->lineno, 0);
            }
        }
        ff->ff_lineno = s->lineno;
    }
    return nullptr;
}

SymtableResult symtable_build(mod_ty mod, const std::string& filename, std::string_view source)
{
    SymtableResult result;
    auto st = std::make_unique<Symtable>();
    st->st_filename = filename;
    result.error = future_from_ast(mod, filename, source, &st->st_future);
    if (result.error != nullptr) return result;
    Builder builder(st.get(), source);
    if (!builder.build(mod) || !builder.analyze()) {
        result.error = std::move(builder.error);
        result.recursion_error = builder.recursion_error;
        return result;
    }
    result.table = std::move(st);
    return result;
}

}  // namespace minipy::compiler
