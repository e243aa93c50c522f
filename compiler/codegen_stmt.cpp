// codegen_stmt.cpp: code generation for statements: bodies and docstrings,
// function and class definitions, control flow (if/while/for/break/continue/
// return), exception handling (try/except/finally, except*), with and async
// with, imports, assignments and annotations.
//
// Mirrors the statement half of CPython 3.11 Python/compile.c
// (compiler_visit_stmt and the compiler_* helpers it calls; 3.12 moved them
// to Python/codegen.c). Book chapter 7, "The Compiler".
//
// Exception handling in 3.11 is "zero cost": no SETUP_FINALLY instruction
// reaches the bytecode. SETUP_FINALLY/SETUP_CLEANUP/SETUP_WITH and
// POP_BLOCK are pseudo-instructions that mark the protected ranges; the
// assembler turns them into co_exceptiontable entries. The frame-block stack
// (fblocks) remembers, at each point, what a break, continue or return has
// to undo on its way out (pop an iterator, run a finally body, call a
// context manager's __exit__, restore the handled exception).
#include "compile_internal.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::compiler {

using namespace minipy::runtime;
using namespace minipy::ast;

namespace {

bool compiler_unwind_fblock(Compiler* c, FBlockInfo* info, bool preserve_tos);

// find_ann: does a module or class body contain an annotated assignment
// (outside nested scopes)? It then needs SETUP_ANNOTATIONS.
bool find_ann(const asdl_stmt_seq* stmts)
{
    for (int i = 0; i < asdl_seq_LEN(stmts); ++i) {
        stmt_ty st = (*stmts)[i];
        bool res = false;
        switch (st->kind) {
        case AnnAssign_kind: return true;
        case For_kind: res = find_ann(st->v.For.body) || find_ann(st->v.For.orelse); break;
        case AsyncFor_kind: res = find_ann(st->v.AsyncFor.body) || find_ann(st->v.AsyncFor.orelse); break;
        case While_kind: res = find_ann(st->v.While.body) || find_ann(st->v.While.orelse); break;
        case If_kind: res = find_ann(st->v.If.body) || find_ann(st->v.If.orelse); break;
        case With_kind: res = find_ann(st->v.With.body); break;
        case AsyncWith_kind: res = find_ann(st->v.AsyncWith.body); break;
        case Try_kind:
        case TryStar_kind: {
            auto& t = st->v.Try;  // TryStar shares the layout (common initial sequence)
            for (int j = 0; j < asdl_seq_LEN(t.handlers); ++j) {
                if (find_ann((*t.handlers)[j]->v.ExceptHandler.body)) return true;
            }
            res = find_ann(t.body) || find_ann(t.finalbody) || find_ann(t.orelse);
            break;
        }
        default: break;
        }
        if (res) return true;
    }
    return false;
}

}  // namespace

// _PyAST_GetDocString: the first statement, if it is a str constant.
bool is_docstring_body(Compiler*, asdl_stmt_seq* body, Object** doc)
{
    *doc = nullptr;
    if (asdl_seq_LEN(body) == 0) return false;
    stmt_ty st = (*body)[0];
    if (st->kind != Expr_kind) return false;
    expr_ty e = st->v.Expr.value;
    if (e->kind == Constant_kind && unicode_check_exact(e->v.Constant.value)) {
        *doc = e->v.Constant.value;
        return true;
    }
    return false;
}

bool compiler_visit_stmts(Compiler* c, const asdl_stmt_seq* stmts)
{
    for (int i = 0; i < asdl_seq_LEN(stmts); ++i) VISIT(c, stmt, (*stmts)[i]);
    return true;
}

// compiler_body: a module or class body: SETUP_ANNOTATIONS if needed, the
// docstring stored as __doc__, then the statements.
bool compiler_body(Compiler* c, asdl_stmt_seq* stmts)
{
    // The module's first instructions take the first statement's location.
    if (c->u->scope_type == ScopeType::Module && asdl_seq_LEN(stmts) > 0) SET_LOC(c, (*stmts)[0]);
    if (find_ann(stmts)) ADDOP(c, SETUP_ANNOTATIONS);
    if (asdl_seq_LEN(stmts) == 0) return true;
    int i = 0;
    Object* doc = nullptr;
    if (c->optimize < 2 && is_docstring_body(c, stmts, &doc)) {
        i = 1;
        VISIT(c, expr, (*stmts)[0]->v.Expr.value);
        UNSET_LOC(c);
        RETURN_IF_FALSE(compiler_nameop(c, "__doc__", Store));
    }
    for (; i < asdl_seq_LEN(stmts); ++i) VISIT(c, stmt, (*stmts)[i]);
    return true;
}

// --- functions and classes ----------------------------------------------------------

namespace {

bool compiler_decorators(Compiler* c, asdl_expr_seq* decos)
{
    VISIT_SEQ(c, expr, decos);
    return true;
}

// Decorators are called innermost first, each at its own location.
bool compiler_apply_decorators(Compiler* c, asdl_expr_seq* decos)
{
    const Location saved = c->u->loc;
    for (int i = asdl_seq_LEN(decos) - 1; i >= 0; --i) {
        SET_LOC(c, (*decos)[i]);
        ADDOP_I(c, PRECALL, 0);
        ADDOP_I(c, CALL, 0);
    }
    c->u->loc = saved;
    return true;
}

// Returns 1 if a dict of keyword-only defaults was pushed, -1 if none, 0 on error.
int compiler_visit_kwonlydefaults(Compiler* c, asdl_arg_seq* kwonlyargs, asdl_expr_seq* kw_defaults)
{
    Ref<> keys;
    for (int i = 0; i < asdl_seq_LEN(kwonlyargs); ++i) {
        arg_ty arg = (*kwonlyargs)[i];
        expr_ty default_ = (*kw_defaults)[i];
        if (default_ == nullptr) continue;
        Ref<> mangled = str_obj(compiler_mangle(c, arg->arg));
        if (!mangled) return 0;
        if (!keys && !(keys = list_new(0))) return 0;
        if (list_append(keys.get(), mangled.get()) < 0) return 0;
        if (!compiler_visit_expr(c, default_)) return 0;
    }
    if (!keys) return -1;
    Ref<> keys_tuple = list_as_tuple(keys.get());
    if (!keys_tuple || !compiler_addop_load_const(c, keys_tuple.get())) return 0;
    if (!compiler_addop_i(c, BUILD_CONST_KEY_MAP, static_cast<int>(list_size(keys.get())))) return 0;
    return 1;
}

bool compiler_visit_argannotation(Compiler* c, std::string_view id, expr_ty annotation, int* len)
{
    if (annotation == nullptr) return true;
    Ref<> mangled = str_obj(compiler_mangle(c, id));
    if (!mangled) return false;
    ADDOP_LOAD_CONST(c, mangled.get());
    if (c->future.ff_features & CO_FUTURE_ANNOTATIONS) {
        VISIT(c, annexpr, annotation);
    } else if (annotation->kind == Starred_kind) {
        // *args: *Ts, evaluated as [annotation] = [*Ts].
        VISIT(c, expr, annotation->v.Starred.value);
        ADDOP_I(c, UNPACK_SEQUENCE, 1);
    } else {
        VISIT(c, expr, annotation);
    }
    *len += 2;
    return true;
}

bool compiler_visit_argannotations(Compiler* c, asdl_arg_seq* args, int* len)
{
    for (int i = 0; i < asdl_seq_LEN(args); ++i) {
        arg_ty arg = (*args)[i];
        RETURN_IF_FALSE(compiler_visit_argannotation(c, arg->arg, arg->annotation, len));
    }
    return true;
}

// The annotations of a def as a flat tuple (name, value, name, value...):
// 1 if pushed, -1 if there are none, 0 on error.
int compiler_visit_annotations(Compiler* c, arguments_ty args, expr_ty returns)
{
    int len = 0;
    if (!compiler_visit_argannotations(c, args->args, &len)) return 0;
    if (!compiler_visit_argannotations(c, args->posonlyargs, &len)) return 0;
    if (args->vararg && args->vararg->annotation &&
        !compiler_visit_argannotation(c, args->vararg->arg, args->vararg->annotation, &len))
        return 0;
    if (!compiler_visit_argannotations(c, args->kwonlyargs, &len)) return 0;
    if (args->kwarg && args->kwarg->annotation &&
        !compiler_visit_argannotation(c, args->kwarg->arg, args->kwarg->annotation, &len))
        return 0;
    if (!compiler_visit_argannotation(c, "return", returns, &len)) return 0;
    if (len == 0) return -1;
    if (!compiler_addop_i(c, BUILD_TUPLE, len)) return 0;
    return 1;
}

// The names of a unit's free variables in index order (co_freevars).
std::vector<std::string> unit_freevars(CompilerUnit* u)
{
    Object* dict = u->meta.freevars.get();
    std::vector<std::string> names(static_cast<std::size_t>(dict_size(dict)));
    const long ncells = static_cast<long>(dict_size(u->meta.cellvars.get()));
    Py_ssize_t pos = 0;
    Object* key = nullptr;
    Object* value = nullptr;
    while (dict_next(dict, &pos, &key, &value)) {
        names[static_cast<std::size_t>(long_as_long_long(value) - ncells)] = unicode_as_utf8(key);
    }
    return names;
}

bool compiler_function(Compiler* c, stmt_ty s, bool is_async)
{
    auto& f = s->v.FunctionDef;  // AsyncFunctionDef shares the layout
    RETURN_IF_FALSE(compiler_check_debug_args(c, f.args));
    RETURN_IF_FALSE(compiler_decorators(c, f.decorator_list));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(f.decorator_list) > 0) firstlineno = (*f.decorator_list)[0]->lineno;

    int funcflags = compiler_default_arguments(c, f.args);
    if (funcflags < 0) return false;
    int annotations = compiler_visit_annotations(c, f.args, f.returns);
    if (annotations == 0) return false;
    if (annotations > 0) funcflags |= 0x04;

    if (!compiler_enter_scope(c, f.name, is_async ? ScopeType::AsyncFunction : ScopeType::Function, s,
                              firstlineno))
        return false;
    Object* doc = nullptr;
    if (c->optimize < 2) is_docstring_body(c, f.body, &doc);
    Ref<> co;
    std::vector<std::string> freevars;
    bool ok = compiler_add_const(c, doc ? doc : Py_None()) >= 0;
    if (ok) {
        c->u->meta.argcount = asdl_seq_LEN(f.args->args);
        c->u->meta.posonlyargcount = asdl_seq_LEN(f.args->posonlyargs);
        c->u->meta.kwonlyargcount = asdl_seq_LEN(f.args->kwonlyargs);
        for (int i = doc ? 1 : 0; ok && i < asdl_seq_LEN(f.body); ++i) ok = compiler_visit_stmt(c, (*f.body)[i]);
    }
    if (ok) {
        freevars = unit_freevars(c->u);
        co = compiler_assemble(c, true);
    }
    compiler_exit_scope(c);
    if (!co) return false;
    RETURN_IF_FALSE(compiler_make_closure(c, co.get(), freevars, funcflags));
    RETURN_IF_FALSE(compiler_apply_decorators(c, f.decorator_list));
    return compiler_nameop(c, f.name, Store);
}

bool compiler_class_body(Compiler* c, stmt_ty s)
{
    c->u->private_name = std::string(s->v.ClassDef.name);
    c->u->has_private = true;
    RETURN_IF_FALSE(compiler_nameop(c, "__name__", Load));
    RETURN_IF_FALSE(compiler_nameop(c, "__module__", Store));
    ADDOP_LOAD_CONST(c, c->u->meta.qualname.get());
    RETURN_IF_FALSE(compiler_nameop(c, "__qualname__", Store));
    RETURN_IF_FALSE(compiler_body(c, s->v.ClassDef.body));
    UNSET_LOC(c);
    if (c->u->ste->ste_needs_class_closure) {
        // Return the __class__ cell (stored as __classcell__ for type.__new__).
        ADDOP_I(c, LOAD_CLOSURE, 0);
        ADDOP_I(c, COPY, 1);
        RETURN_IF_FALSE(compiler_nameop(c, "__classcell__", Store));
    } else {
        ADDOP_LOAD_CONST(c, Py_None());
    }
    ADDOP(c, RETURN_VALUE);
    return true;
}

// <name> = __build_class__(<func>, <name>, *<bases>, **<keywords>)
bool compiler_class(Compiler* c, stmt_ty s)
{
    asdl_expr_seq* decos = s->v.ClassDef.decorator_list;
    RETURN_IF_FALSE(compiler_decorators(c, decos));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos) > 0) firstlineno = (*decos)[0]->lineno;

    if (!compiler_enter_scope(c, s->v.ClassDef.name, ScopeType::Class, s, firstlineno)) return false;
    Ref<> co;
    std::vector<std::string> freevars;
    if (compiler_class_body(c, s)) {
        freevars = unit_freevars(c->u);
        co = compiler_assemble(c, true);
    }
    compiler_exit_scope(c);
    if (!co) return false;

    ADDOP(c, PUSH_NULL);
    ADDOP(c, LOAD_BUILD_CLASS);
    RETURN_IF_FALSE(compiler_make_closure(c, co.get(), freevars, 0));
    Ref<> name = str_obj(s->v.ClassDef.name);
    if (!name) return false;
    ADDOP_LOAD_CONST(c, name.get());
    RETURN_IF_FALSE(compiler_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    RETURN_IF_FALSE(compiler_apply_decorators(c, decos));
    return compiler_nameop(c, s->v.ClassDef.name, Store);
}

}  // namespace

int compiler_default_arguments(Compiler* c, arguments_ty args)
{
    int funcflags = 0;
    if (asdl_seq_LEN(args->defaults) > 0) {
        if (!compiler_visit_exprs(c, args->defaults)) return -1;
        if (!compiler_addop_i(c, BUILD_TUPLE, asdl_seq_LEN(args->defaults))) return -1;
        funcflags |= 0x01;
    }
    if (args->kwonlyargs) {
        int res = compiler_visit_kwonlydefaults(c, args->kwonlyargs, args->kw_defaults);
        if (res == 0) return -1;
        if (res > 0) funcflags |= 0x02;
    }
    return funcflags;
}

// compiler_make_closure: MAKE_FUNCTION over a code object, after a tuple of
// the cells its free variables come from (LOAD_CLOSURE reaches the cell
// itself, not its content).
bool compiler_make_closure(Compiler* c, Object* co, const std::vector<std::string>& freevars, int flags)
{
    if (!freevars.empty()) {
        for (const std::string& name : freevars) {
            // A class's __class__ is its own cell; a method's free variable
            // may also be a class-level name, and comes from the class's
            // free variables then (get_ref_type).
            int reftype;
            if (c->u->scope_type == ScopeType::Class && name == "__class__") reftype = CELL;
            else reftype = c->u->ste->scope_of(name);
            Object* dict = reftype == CELL ? c->u->meta.cellvars.get() : c->u->meta.freevars.get();
            Ref<> key = str_obj(name);
            if (!key) return false;
            Object* v = dict_get_item_with_error(dict, key.get());
            if (v == nullptr) {
                if (!error_occurred())
                    format_error(Exc_SystemError, "compiler_make_closure: cannot find the cell of '%s'",
                                 name.c_str());
                return false;
            }
            ADDOP_I(c, LOAD_CLOSURE, static_cast<int>(long_as_long_long(v)));
        }
        flags |= 0x08;
        ADDOP_I(c, BUILD_TUPLE, static_cast<int>(freevars.size()));
    }
    ADDOP_LOAD_CONST(c, co);
    ADDOP_I(c, MAKE_FUNCTION, flags);
    return true;
}

// --- control flow --------------------------------------------------------------------

namespace {

bool compiler_if(Compiler* c, stmt_ty s)
{
    BasicBlock* end = compiler_new_block(c);
    BasicBlock* next = asdl_seq_LEN(s->v.If.orelse) ? compiler_new_block(c) : end;
    RETURN_IF_FALSE(compiler_jump_if(c, s->v.If.test, next, false));
    VISIT_SEQ(c, stmt, s->v.If.body);
    if (asdl_seq_LEN(s->v.If.orelse)) {
        ADDOP_JUMP_NOLINE(c, JUMP, end);
        compiler_use_next_block(c, next);
        VISIT_SEQ(c, stmt, s->v.If.orelse);
    }
    compiler_use_next_block(c, end);
    return true;
}

bool compiler_for(Compiler* c, stmt_ty s)
{
    BasicBlock* start = compiler_new_block(c);
    BasicBlock* body = compiler_new_block(c);
    BasicBlock* cleanup = compiler_new_block(c);
    BasicBlock* end = compiler_new_block(c);
    RETURN_IF_FALSE(compiler_push_fblock(c, {FOR_LOOP, start, end}));
    VISIT(c, expr, s->v.For.iter);
    ADDOP(c, GET_ITER);
    compiler_use_next_block(c, start);
    ADDOP_JUMP(c, FOR_ITER, cleanup);
    compiler_use_next_block(c, body);
    VISIT(c, expr, s->v.For.target);
    VISIT_SEQ(c, stmt, s->v.For.body);
    UNSET_LOC(c);  // the jump back is artificial
    ADDOP_JUMP(c, JUMP, start);
    compiler_use_next_block(c, cleanup);
    compiler_pop_fblock(c, FOR_LOOP, start);
    VISIT_SEQ(c, stmt, s->v.For.orelse);
    compiler_use_next_block(c, end);
    return true;
}

bool compiler_async_for(Compiler* c, stmt_ty s)
{
    if (c->u->scope_type != ScopeType::AsyncFunction) return compiler_error(c, "'async for' outside async function");
    BasicBlock* start = compiler_new_block(c);
    BasicBlock* except = compiler_new_block(c);
    BasicBlock* end = compiler_new_block(c);
    VISIT(c, expr, s->v.AsyncFor.iter);
    ADDOP(c, GET_AITER);
    compiler_use_next_block(c, start);
    RETURN_IF_FALSE(compiler_push_fblock(c, {FOR_LOOP, start, end}));
    // SETUP_FINALLY guards the __anext__ call: StopAsyncIteration ends the loop.
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    ADDOP(c, GET_ANEXT);
    ADDOP_LOAD_CONST(c, Py_None());
    RETURN_IF_FALSE(compiler_add_yield_from(c, true));
    ADDOP(c, POP_BLOCK);
    VISIT(c, expr, s->v.AsyncFor.target);
    VISIT_SEQ(c, stmt, s->v.AsyncFor.body);
    UNSET_LOC(c);
    ADDOP_JUMP(c, JUMP, start);
    compiler_pop_fblock(c, FOR_LOOP, start);
    compiler_use_next_block(c, except);
    // END_ASYNC_FOR belongs to the `for`, so it takes the iterator's line.
    SET_LOC(c, s->v.AsyncFor.iter);
    ADDOP(c, END_ASYNC_FOR);
    VISIT_SEQ(c, stmt, s->v.AsyncFor.orelse);
    compiler_use_next_block(c, end);
    return true;
}

bool compiler_while(Compiler* c, stmt_ty s)
{
    BasicBlock* loop = compiler_new_block(c);
    BasicBlock* body = compiler_new_block(c);
    BasicBlock* anchor = compiler_new_block(c);
    BasicBlock* end = compiler_new_block(c);
    compiler_use_next_block(c, loop);
    RETURN_IF_FALSE(compiler_push_fblock(c, {WHILE_LOOP, loop, end}));
    RETURN_IF_FALSE(compiler_jump_if(c, s->v.While.test, anchor, false));
    compiler_use_next_block(c, body);
    VISIT_SEQ(c, stmt, s->v.While.body);
    // The test is repeated at the bottom of the loop (one jump per iteration).
    SET_LOC(c, s);
    RETURN_IF_FALSE(compiler_jump_if(c, s->v.While.test, body, true));
    compiler_pop_fblock(c, WHILE_LOOP, loop);
    compiler_use_next_block(c, anchor);
    VISIT_SEQ(c, stmt, s->v.While.orelse);
    compiler_use_next_block(c, end);
    return true;
}

bool compiler_return(Compiler* c, stmt_ty s)
{
    expr_ty value = s->v.Return.value;
    const bool preserve_tos = value != nullptr && value->kind != Constant_kind;
    if (c->u->ste->ste_type != FunctionBlock) return compiler_error(c, "'return' outside function");
    if (value != nullptr && c->u->ste->ste_coroutine && c->u->ste->ste_generator)
        return compiler_error(c, "'return' with value in async generator");
    if (preserve_tos) {
        VISIT(c, expr, value);
    } else if (value != nullptr) {
        // A NOP keeps the line of a constant return value.
        SET_LOC(c, value);
        ADDOP(c, NOP);
    }
    if (value == nullptr || value->lineno != s->lineno) {
        SET_LOC(c, s);
        ADDOP(c, NOP);
    }
    RETURN_IF_FALSE(compiler_unwind_fblock_stack(c, preserve_tos, nullptr));
    if (value == nullptr) {
        ADDOP_LOAD_CONST(c, Py_None());
    } else if (!preserve_tos) {
        ADDOP_LOAD_CONST(c, value->v.Constant.value);
    }
    // No NEXT_BLOCK: a unit ending in a return needs no implicit `return
    // None` (and so gets no None constant); code after it starts a new block
    // anyway.
    ADDOP(c, RETURN_VALUE);
    return true;
}

bool compiler_break(Compiler* c)
{
    FBlockInfo* loop = nullptr;
    ADDOP(c, NOP);  // keeps the statement's line
    RETURN_IF_FALSE(compiler_unwind_fblock_stack(c, false, &loop));
    if (loop == nullptr) return compiler_error(c, "'break' outside loop");
    FBlockInfo copy = *loop;
    RETURN_IF_FALSE(compiler_unwind_fblock(c, &copy, false));
    ADDOP_JUMP(c, JUMP, copy.exit);
    NEXT_BLOCK(c);
    return true;
}

bool compiler_continue(Compiler* c)
{
    FBlockInfo* loop = nullptr;
    ADDOP(c, NOP);
    RETURN_IF_FALSE(compiler_unwind_fblock_stack(c, false, &loop));
    if (loop == nullptr) return compiler_error(c, "'continue' not properly in loop");
    ADDOP_JUMP(c, JUMP, loop->block);
    NEXT_BLOCK(c);
    return true;
}

}  // namespace

// --- unwinding the frame-block stack ---------------------------------------------------

bool compiler_call_exit_with_nones(Compiler* c)
{
    ADDOP_LOAD_CONST(c, Py_None());
    ADDOP_LOAD_CONST(c, Py_None());
    ADDOP_LOAD_CONST(c, Py_None());
    ADDOP_I(c, PRECALL, 2);
    ADDOP_I(c, CALL, 2);
    return true;
}

// SEND/YIELD_VALUE loop of `yield from` and `await` (the awaitable or
// iterator is below the value sent first).
bool compiler_add_yield_from(Compiler* c, bool await)
{
    BasicBlock* start = compiler_new_block(c);
    BasicBlock* resume = compiler_new_block(c);
    BasicBlock* exit = compiler_new_block(c);
    compiler_use_next_block(c, start);
    ADDOP_JUMP(c, SEND, exit);
    compiler_use_next_block(c, resume);
    ADDOP(c, YIELD_VALUE);
    ADDOP_I(c, RESUME, await ? 3 : 2);
    ADDOP_JUMP(c, JUMP_NO_INTERRUPT, start);
    compiler_use_next_block(c, exit);
    return true;
}

bool compiler_pop_except_and_reraise(Compiler* c)
{
    // Stack: lasti, previous exception, exception. Restore the previous
    // handled exception and re-raise the current one.
    ADDOP_I(c, COPY, 3);
    ADDOP(c, POP_EXCEPT);
    ADDOP_I(c, RERAISE, 1);
    return true;
}

namespace {

// compiler_unwind_fblock: the code a break/continue/return runs to leave
// one frame block. preserve_tos: the return value is on top of the stack.
bool compiler_unwind_fblock(Compiler* c, FBlockInfo* info, bool preserve_tos)
{
    switch (info->type) {
    case WHILE_LOOP:
    case EXCEPTION_HANDLER:
    case EXCEPTION_GROUP_HANDLER:
    case ASYNC_COMPREHENSION_GENERATOR: return true;
    case FOR_LOOP:
        // Pop the iterator.
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);
        return true;
    case TRY_EXCEPT: ADDOP(c, POP_BLOCK); return true;
    case FINALLY_TRY:
        // This POP_BLOCK gets the line of the unwinding statement.
        ADDOP(c, POP_BLOCK);
        if (preserve_tos) RETURN_IF_FALSE(compiler_push_fblock(c, {POP_VALUE, nullptr, nullptr}));
        VISIT_SEQ(c, stmt, info->finalbody);
        if (preserve_tos) compiler_pop_fblock(c, POP_VALUE, nullptr);
        // The finally body appears to run after the unwinding statement.
        UNSET_LOC(c);
        return true;
    case FINALLY_END:
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);  // exc_value
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_EXCEPT);
        return true;
    case WITH:
    case ASYNC_WITH:
        SET_LOC(c, info->with_stmt);
        ADDOP(c, POP_BLOCK);
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        RETURN_IF_FALSE(compiler_call_exit_with_nones(c));
        if (info->type == ASYNC_WITH) {
            ADDOP_I(c, GET_AWAITABLE, 2);
            ADDOP_LOAD_CONST(c, Py_None());
            RETURN_IF_FALSE(compiler_add_yield_from(c, true));
        }
        ADDOP(c, POP_TOP);
        UNSET_LOC(c);
        return true;
    case HANDLER_CLEANUP:
        if (info->name.data() != nullptr) ADDOP(c, POP_BLOCK);
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_BLOCK);
        ADDOP(c, POP_EXCEPT);
        if (info->name.data() != nullptr) {
            ADDOP_LOAD_CONST(c, Py_None());
            RETURN_IF_FALSE(compiler_nameop(c, info->name, Store));
            RETURN_IF_FALSE(compiler_nameop(c, info->name, Del));
        }
        return true;
    case POP_VALUE:
        if (preserve_tos) ADDOP_I(c, SWAP, 2);
        ADDOP(c, POP_TOP);
        return true;
    }
    return true;
}

}  // namespace

// Unwinds the whole stack, or up to the innermost loop when `loop` is given
// (which then points at it). The blocks are restored afterwards: the code
// after the jump is still inside them.
bool compiler_unwind_fblock_stack(Compiler* c, bool preserve_tos, FBlockInfo** loop)
{
    if (c->u->nfblocks == 0) return true;
    FBlockInfo* top = &c->u->fblocks[c->u->nfblocks - 1];
    if (top->type == EXCEPTION_GROUP_HANDLER)
        return compiler_error(c, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop != nullptr && (top->type == WHILE_LOOP || top->type == FOR_LOOP)) {
        *loop = top;
        return true;
    }
    FBlockInfo copy = *top;
    c->u->nfblocks--;
    RETURN_IF_FALSE(compiler_unwind_fblock(c, &copy, preserve_tos));
    RETURN_IF_FALSE(compiler_unwind_fblock_stack(c, preserve_tos, loop));
    c->u->fblocks[c->u->nfblocks] = copy;
    c->u->nfblocks++;
    return true;
}

// --- try ---------------------------------------------------------------------------------

namespace {

bool compiler_try_except(Compiler* c, stmt_ty s);
bool compiler_try_star_except(Compiler* c, stmt_ty s);

/*  try: <body> finally: <finalbody>
    The finally body is emitted twice: once on the normal path, once in the
    handler that runs it and re-raises.  */
bool compiler_try_finally(Compiler* c, stmt_ty s, bool star)
{
    auto& t = s->v.Try;  // TryStar shares the layout (common initial sequence)
    BasicBlock* body = compiler_new_block(c);
    BasicBlock* end = compiler_new_block(c);
    BasicBlock* exit = compiler_new_block(c);
    BasicBlock* cleanup = compiler_new_block(c);
    ADDOP_JUMP(c, SETUP_FINALLY, end);
    compiler_use_next_block(c, body);
    FBlockInfo info{FINALLY_TRY, body, end};
    info.finalbody = t.finalbody;
    RETURN_IF_FALSE(compiler_push_fblock(c, info));
    if (asdl_seq_LEN(t.handlers) > 0) {
        RETURN_IF_FALSE(star ? compiler_try_star_except(c, s) : compiler_try_except(c, s));
    } else {
        VISIT_SEQ(c, stmt, t.body);
    }
    ADDOP_NOLINE(c, POP_BLOCK);
    compiler_pop_fblock(c, FINALLY_TRY, body);
    VISIT_SEQ(c, stmt, t.finalbody);
    ADDOP_JUMP_NOLINE(c, JUMP, exit);
    // The exceptional path.
    compiler_use_next_block(c, end);
    UNSET_LOC(c);
    ADDOP_JUMP(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    RETURN_IF_FALSE(compiler_push_fblock(c, {FINALLY_END, end, nullptr}));
    VISIT_SEQ(c, stmt, t.finalbody);
    compiler_pop_fblock(c, FINALLY_END, end);
    ADDOP_I(c, RERAISE, 0);
    compiler_use_next_block(c, cleanup);
    RETURN_IF_FALSE(compiler_pop_except_and_reraise(c));
    compiler_use_next_block(c, exit);
    return true;
}

// Stores None into the handler's name and deletes it (`except E as name`
// must not keep the exception alive through a reference cycle).
bool compiler_clear_handler_name(Compiler* c, std::string_view name)
{
    ADDOP_LOAD_CONST(c, Py_None());
    RETURN_IF_FALSE(compiler_nameop(c, name, Store));
    return compiler_nameop(c, name, Del);
}

/*  try: <body> except E1 [as n]: <h1> ... else: <orelse>
    The handlers run with the exception pushed (PUSH_EXC_INFO); each one
    is tried in turn with CHECK_EXC_MATCH; none matching re-raises.  */
bool compiler_try_except(Compiler* c, stmt_ty s)
{
    BasicBlock* body = compiler_new_block(c);
    BasicBlock* except = compiler_new_block(c);
    BasicBlock* end = compiler_new_block(c);
    BasicBlock* cleanup = compiler_new_block(c);
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    compiler_use_next_block(c, body);
    RETURN_IF_FALSE(compiler_push_fblock(c, {TRY_EXCEPT, body, nullptr}));
    VISIT_SEQ(c, stmt, s->v.Try.body);
    compiler_pop_fblock(c, TRY_EXCEPT, body);
    ADDOP_NOLINE(c, POP_BLOCK);
    VISIT_SEQ(c, stmt, s->v.Try.orelse);
    ADDOP_JUMP_NOLINE(c, JUMP, end);
    const int n = asdl_seq_LEN(s->v.Try.handlers);
    compiler_use_next_block(c, except);
    UNSET_LOC(c);
    ADDOP_JUMP(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    RETURN_IF_FALSE(compiler_push_fblock(c, {EXCEPTION_HANDLER, nullptr, nullptr}));
    for (int i = 0; i < n; ++i) {
        excepthandler_ty handler = (*s->v.Try.handlers)[i];
        c->u->loc = {handler->lineno, handler->end_lineno, handler->col_offset, handler->end_col_offset};
        auto& h = handler->v.ExceptHandler;
        if (h.type == nullptr && i < n - 1) return compiler_error(c, "default 'except:' must be last");
        except = compiler_new_block(c);
        if (h.type) {
            VISIT(c, expr, h.type);
            ADDOP(c, CHECK_EXC_MATCH);
            ADDOP_JUMP(c, POP_JUMP_IF_FALSE, except);
        }
        if (h.name.data() != nullptr) {
            BasicBlock* cleanup_end = compiler_new_block(c);
            BasicBlock* cleanup_body = compiler_new_block(c);
            RETURN_IF_FALSE(compiler_nameop(c, h.name, Store));
            // try: <handler body> finally: name = None; del name
            ADDOP_JUMP(c, SETUP_CLEANUP, cleanup_end);
            compiler_use_next_block(c, cleanup_body);
            FBlockInfo info{HANDLER_CLEANUP, cleanup_body, nullptr};
            info.name = h.name;
            RETURN_IF_FALSE(compiler_push_fblock(c, info));
            VISIT_SEQ(c, stmt, h.body);
            compiler_pop_fblock(c, HANDLER_CLEANUP, cleanup_body);
            UNSET_LOC(c);
            ADDOP(c, POP_BLOCK);
            ADDOP(c, POP_BLOCK);
            ADDOP(c, POP_EXCEPT);
            RETURN_IF_FALSE(compiler_clear_handler_name(c, h.name));
            ADDOP_JUMP(c, JUMP, end);
            // The handler body raised.
            compiler_use_next_block(c, cleanup_end);
            UNSET_LOC(c);
            RETURN_IF_FALSE(compiler_clear_handler_name(c, h.name));
            ADDOP_I(c, RERAISE, 1);
        } else {
            BasicBlock* cleanup_body = compiler_new_block(c);
            ADDOP(c, POP_TOP);  // exc_value
            compiler_use_next_block(c, cleanup_body);
            RETURN_IF_FALSE(compiler_push_fblock(c, {HANDLER_CLEANUP, cleanup_body, nullptr}));
            VISIT_SEQ(c, stmt, h.body);
            compiler_pop_fblock(c, HANDLER_CLEANUP, cleanup_body);
            UNSET_LOC(c);
            ADDOP(c, POP_BLOCK);
            ADDOP(c, POP_EXCEPT);
            ADDOP_JUMP(c, JUMP, end);
        }
        compiler_use_next_block(c, except);
    }
    UNSET_LOC(c);
    compiler_pop_fblock(c, EXCEPTION_HANDLER, nullptr);
    ADDOP_I(c, RERAISE, 0);
    compiler_use_next_block(c, cleanup);
    RETURN_IF_FALSE(compiler_pop_except_and_reraise(c));
    compiler_use_next_block(c, end);
    return true;
}

/*  try: <body> except* E1 [as n]: <h1> ...
    Each handler splits the exception group with CHECK_EG_MATCH; what the
    handlers raise or leave unhandled is collected in a list that
    PREP_RERAISE_STAR turns into the group to re-raise (or None).  */
bool compiler_try_star_except(Compiler* c, stmt_ty s)
{
    auto& t = s->v.TryStar;
    BasicBlock* body = compiler_new_block(c);
    BasicBlock* except = compiler_new_block(c);
    BasicBlock* orelse = compiler_new_block(c);
    BasicBlock* end = compiler_new_block(c);
    BasicBlock* cleanup = compiler_new_block(c);
    BasicBlock* reraise_star = compiler_new_block(c);
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    compiler_use_next_block(c, body);
    RETURN_IF_FALSE(compiler_push_fblock(c, {TRY_EXCEPT, body, nullptr}));
    VISIT_SEQ(c, stmt, t.body);
    compiler_pop_fblock(c, TRY_EXCEPT, body);
    ADDOP_NOLINE(c, POP_BLOCK);
    ADDOP_JUMP_NOLINE(c, JUMP, orelse);
    const int n = asdl_seq_LEN(t.handlers);
    compiler_use_next_block(c, except);
    UNSET_LOC(c);
    ADDOP_JUMP(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    RETURN_IF_FALSE(compiler_push_fblock(c, {EXCEPTION_GROUP_HANDLER, nullptr, nullptr}));
    for (int i = 0; i < n; ++i) {
        excepthandler_ty handler = (*t.handlers)[i];
        auto& h = handler->v.ExceptHandler;
        c->u->loc = {handler->lineno, handler->end_lineno, handler->col_offset, handler->end_col_offset};
        except = compiler_new_block(c);
        BasicBlock* except_with_error = compiler_new_block(c);
        BasicBlock* no_match = compiler_new_block(c);
        if (i == 0) {
            // [exc] -> [orig, [], exc]: the original group, and the list of
            // exceptions raised or re-raised by the handlers.
            ADDOP_I(c, COPY, 1);
            ADDOP_I(c, BUILD_LIST, 0);
            ADDOP_I(c, SWAP, 2);
        }
        if (h.type) {
            VISIT(c, expr, h.type);
            ADDOP(c, CHECK_EG_MATCH);
            ADDOP_I(c, COPY, 1);
            ADDOP_JUMP(c, POP_JUMP_IF_NONE, no_match);
        }
        BasicBlock* cleanup_end = compiler_new_block(c);
        BasicBlock* cleanup_body = compiler_new_block(c);
        if (h.name.data() != nullptr) {
            RETURN_IF_FALSE(compiler_nameop(c, h.name, Store));
        } else {
            ADDOP(c, POP_TOP);  // exc
        }
        ADDOP_JUMP(c, SETUP_CLEANUP, cleanup_end);
        compiler_use_next_block(c, cleanup_body);
        FBlockInfo info{HANDLER_CLEANUP, cleanup_body, nullptr};
        info.name = h.name;
        RETURN_IF_FALSE(compiler_push_fblock(c, info));
        VISIT_SEQ(c, stmt, h.body);
        compiler_pop_fblock(c, HANDLER_CLEANUP, cleanup_body);
        UNSET_LOC(c);
        ADDOP(c, POP_BLOCK);
        if (h.name.data() != nullptr) RETURN_IF_FALSE(compiler_clear_handler_name(c, h.name));
        ADDOP_JUMP(c, JUMP, except);
        compiler_use_next_block(c, cleanup_end);
        UNSET_LOC(c);
        if (h.name.data() != nullptr) RETURN_IF_FALSE(compiler_clear_handler_name(c, h.name));
        // Add the exception the handler raised to the list.
        ADDOP_I(c, LIST_APPEND, 3);
        ADDOP(c, POP_TOP);  // lasti
        ADDOP_JUMP(c, JUMP, except_with_error);
        compiler_use_next_block(c, except);
        ADDOP(c, NOP);  // holds a propagated location
        ADDOP_JUMP(c, JUMP, except_with_error);
        compiler_use_next_block(c, no_match);
        ADDOP(c, POP_TOP);  // match (None)
        compiler_use_next_block(c, except_with_error);
        if (i == n - 1) {
            // The unhandled rest of the group (or None) goes to the list too.
            ADDOP_I(c, LIST_APPEND, 1);
            ADDOP_JUMP(c, JUMP, reraise_star);
        }
    }
    UNSET_LOC(c);
    compiler_pop_fblock(c, EXCEPTION_GROUP_HANDLER, nullptr);
    BasicBlock* reraise = compiler_new_block(c);
    compiler_use_next_block(c, reraise_star);
    ADDOP(c, PREP_RERAISE_STAR);
    ADDOP_I(c, COPY, 1);
    ADDOP_JUMP(c, POP_JUMP_IF_NOT_NONE, reraise);
    // Nothing to re-raise.
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_BLOCK);
    ADDOP(c, POP_EXCEPT);
    ADDOP_JUMP(c, JUMP, end);
    compiler_use_next_block(c, reraise);
    ADDOP(c, POP_BLOCK);
    ADDOP_I(c, SWAP, 2);
    ADDOP(c, POP_EXCEPT);
    ADDOP_I(c, RERAISE, 0);
    compiler_use_next_block(c, cleanup);
    RETURN_IF_FALSE(compiler_pop_except_and_reraise(c));
    compiler_use_next_block(c, orelse);
    VISIT_SEQ(c, stmt, t.orelse);
    compiler_use_next_block(c, end);
    return true;
}

// --- with ----------------------------------------------------------------------------

// After __exit__ returned (exception path): swallow the exception if it
// returned true, else re-raise it.
bool compiler_with_except_finish(Compiler* c, BasicBlock* cleanup)
{
    UNSET_LOC(c);
    BasicBlock* exit = compiler_new_block(c);
    ADDOP_JUMP(c, POP_JUMP_IF_TRUE, exit);
    ADDOP_I(c, RERAISE, 2);
    compiler_use_next_block(c, cleanup);
    RETURN_IF_FALSE(compiler_pop_except_and_reraise(c));
    compiler_use_next_block(c, exit);
    ADDOP(c, POP_TOP);  // exc_value
    ADDOP(c, POP_BLOCK);
    ADDOP(c, POP_EXCEPT);
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_TOP);
    return true;
}

/*  with EXPR as VAR: BLOCK   (one item per recursion level)
    BEFORE_WITH pushes __exit__ and the result of __enter__(); the normal
    exit calls __exit__(None, None, None), the exceptional one goes through
    WITH_EXCEPT_START.  */
bool compiler_with(Compiler* c, stmt_ty s, int pos, bool async)
{
    auto& w = s->v.With;  // AsyncWith shares the layout
    if (async && c->u->scope_type != ScopeType::AsyncFunction)
        return compiler_error(c, "'async with' outside async function");
    withitem_ty item = (*w.items)[pos];
    BasicBlock* body = compiler_new_block(c);
    BasicBlock* final = compiler_new_block(c);
    BasicBlock* exit = compiler_new_block(c);
    BasicBlock* cleanup = compiler_new_block(c);
    VISIT(c, expr, item->context_expr);
    if (async) {
        ADDOP(c, BEFORE_ASYNC_WITH);
        ADDOP_I(c, GET_AWAITABLE, 1);
        ADDOP_LOAD_CONST(c, Py_None());
        RETURN_IF_FALSE(compiler_add_yield_from(c, true));
    } else {
        ADDOP(c, BEFORE_WITH);
    }
    ADDOP_JUMP(c, SETUP_WITH, final);
    compiler_use_next_block(c, body);
    FBlockInfo info{async ? ASYNC_WITH : WITH, body, final};
    info.with_stmt = s;
    RETURN_IF_FALSE(compiler_push_fblock(c, info));
    if (item->optional_vars) {
        VISIT(c, expr, item->optional_vars);
    } else {
        ADDOP(c, POP_TOP);  // the result of __enter__()
    }
    ++pos;
    if (pos == asdl_seq_LEN(w.items)) {
        VISIT_SEQ(c, stmt, w.body);
    } else {
        RETURN_IF_FALSE(compiler_with(c, s, pos, async));
    }
    if (async) {
        compiler_pop_fblock(c, ASYNC_WITH, body);
        ADDOP(c, POP_BLOCK);
    } else {
        UNSET_LOC(c);
        ADDOP(c, POP_BLOCK);
        compiler_pop_fblock(c, WITH, body);
    }
    // Normal exit: __exit__(None, None, None).
    SET_LOC(c, s);
    RETURN_IF_FALSE(compiler_call_exit_with_nones(c));
    if (async) {
        ADDOP_I(c, GET_AWAITABLE, 2);
        ADDOP_LOAD_CONST(c, Py_None());
        RETURN_IF_FALSE(compiler_add_yield_from(c, true));
    }
    ADDOP(c, POP_TOP);
    ADDOP_JUMP(c, JUMP, exit);
    // Exceptional exit.
    compiler_use_next_block(c, final);
    ADDOP_JUMP(c, SETUP_CLEANUP, cleanup);
    ADDOP(c, PUSH_EXC_INFO);
    ADDOP(c, WITH_EXCEPT_START);
    if (async) {
        ADDOP_I(c, GET_AWAITABLE, 2);
        ADDOP_LOAD_CONST(c, Py_None());
        RETURN_IF_FALSE(compiler_add_yield_from(c, true));
    }
    RETURN_IF_FALSE(compiler_with_except_finish(c, cleanup));
    compiler_use_next_block(c, exit);
    return true;
}

// --- simple statements -------------------------------------------------------------------

bool compiler_raise(Compiler* c, stmt_ty s)
{
    int n = 0;
    if (s->v.Raise.exc) {
        VISIT(c, expr, s->v.Raise.exc);
        ++n;
        if (s->v.Raise.cause) {
            VISIT(c, expr, s->v.Raise.cause);
            ++n;
        }
    }
    ADDOP_I(c, RAISE_VARARGS, n);
    NEXT_BLOCK(c);
    return true;
}

bool compiler_assert(Compiler* c, stmt_ty s)
{
    if (c->optimize) return true;
    BasicBlock* end = compiler_new_block(c);
    RETURN_IF_FALSE(compiler_jump_if(c, s->v.Assert.test, end, true));
    ADDOP(c, LOAD_ASSERTION_ERROR);
    if (s->v.Assert.msg) {
        VISIT(c, expr, s->v.Assert.msg);
        ADDOP_I(c, PRECALL, 0);
        ADDOP_I(c, CALL, 0);
    }
    ADDOP_I(c, RAISE_VARARGS, 1);
    compiler_use_next_block(c, end);
    return true;
}

// `import a.b.c as d` binds d to a.b.c: IMPORT_FROM walks the attributes.
bool compiler_import_as(Compiler* c, std::string_view name, std::string_view asname)
{
    std::size_t dot = name.find('.');
    if (dot != std::string_view::npos) {
        for (;;) {
            std::size_t pos = dot + 1;
            dot = name.find('.', pos);
            std::string_view attr = name.substr(pos, dot == std::string_view::npos ? name.npos : dot - pos);
            ADDOP_N(c, IMPORT_FROM, attr);
            if (dot == std::string_view::npos) break;
            ADDOP_I(c, SWAP, 2);
            ADDOP(c, POP_TOP);
        }
        RETURN_IF_FALSE(compiler_nameop(c, asname, Store));
        ADDOP(c, POP_TOP);
        return true;
    }
    return compiler_nameop(c, asname, Store);
}

bool compiler_import(Compiler* c, stmt_ty s)
{
    Ref<> zero = long_from_long(0);
    if (!zero) return false;
    for (int i = 0; i < asdl_seq_LEN(s->v.Import.names); ++i) {
        alias_ty alias = (*s->v.Import.names)[i];
        ADDOP_LOAD_CONST(c, zero.get());
        ADDOP_LOAD_CONST(c, Py_None());
        ADDOP_NAME(c, IMPORT_NAME, alias->name);
        if (alias->asname.data() != nullptr) {
            RETURN_IF_FALSE(compiler_import_as(c, alias->name, alias->asname));
        } else {
            // `import a.b` binds a.
            std::string_view name = alias->name;
            RETURN_IF_FALSE(compiler_nameop(c, name.substr(0, name.find('.')), Store));
        }
    }
    return true;
}

bool compiler_from_import(Compiler* c, stmt_ty s)
{
    auto& f = s->v.ImportFrom;
    const int n = asdl_seq_LEN(f.names);
    Ref<> level = long_from_long(f.level);
    if (!level) return false;
    ADDOP_LOAD_CONST(c, level.get());
    Ref<> names = tuple_new(n);
    if (!names) return false;
    for (int i = 0; i < n; ++i) {
        Ref<> name = str_obj((*f.names)[i]->name);
        if (!name) return false;
        tuple_set_item(names.get(), i, name.release());
    }
    if (s->lineno > c->future.ff_lineno && f.module.data() != nullptr && f.module == "__future__")
        return compiler_error(c, "from __future__ imports must occur at the beginning of the file");
    ADDOP_LOAD_CONST(c, names.get());
    ADDOP_NAME(c, IMPORT_NAME, f.module.data() != nullptr ? f.module : std::string_view(""));
    for (int i = 0; i < n; ++i) {
        alias_ty alias = (*f.names)[i];
        if (i == 0 && alias->name.size() > 0 && alias->name[0] == '*') {
            ADDOP(c, IMPORT_STAR);
            return true;
        }
        ADDOP_NAME(c, IMPORT_FROM, alias->name);
        RETURN_IF_FALSE(compiler_nameop(c, alias->asname.data() != nullptr ? alias->asname : alias->name, Store));
    }
    ADDOP(c, POP_TOP);  // the module
    return true;
}

bool compiler_augassign(Compiler* c, stmt_ty s)
{
    expr_ty e = s->v.AugAssign.target;
    const Location saved = c->u->loc;
    SET_LOC(c, e);
    switch (e->kind) {
    case Attribute_kind:
        VISIT(c, expr, e->v.Attribute.value);
        ADDOP_I(c, COPY, 1);
        update_location_to_match_attr(c, e);
        ADDOP_NAME(c, LOAD_ATTR, e->v.Attribute.attr);
        break;
    case Subscript_kind:
        VISIT(c, expr, e->v.Subscript.value);
        VISIT(c, expr, e->v.Subscript.slice);
        ADDOP_I(c, COPY, 2);
        ADDOP_I(c, COPY, 2);
        ADDOP(c, BINARY_SUBSCR);
        break;
    case Name_kind: RETURN_IF_FALSE(compiler_nameop(c, e->v.Name.id, Load)); break;
    default:
        format_error(Exc_SystemError, "invalid node type (%d) for augmented assignment", static_cast<int>(e->kind));
        return false;
    }
    c->u->loc = saved;
    VISIT(c, expr, s->v.AugAssign.value);
    ADDOP_I(c, BINARY_OP, binop_oparg(s->v.AugAssign.op, true));
    SET_LOC(c, e);
    switch (e->kind) {
    case Attribute_kind:
        update_location_to_match_attr(c, e);
        ADDOP_I(c, SWAP, 2);
        ADDOP_NAME(c, STORE_ATTR, e->v.Attribute.attr);
        break;
    case Subscript_kind:
        ADDOP_I(c, SWAP, 3);
        ADDOP_I(c, SWAP, 2);
        ADDOP(c, STORE_SUBSCR);
        break;
    default: return compiler_nameop(c, e->v.Name.id, Store);
    }
    return true;
}

// An annotation target's parts are evaluated (for their errors) and dropped.
bool check_ann_expr(Compiler* c, expr_ty e)
{
    VISIT(c, expr, e);
    ADDOP(c, POP_TOP);
    return true;
}

bool check_ann_subscr(Compiler* c, expr_ty e)
{
    switch (e->kind) {
    case Slice_kind:
        if (e->v.Slice.lower && !check_ann_expr(c, e->v.Slice.lower)) return false;
        if (e->v.Slice.upper && !check_ann_expr(c, e->v.Slice.upper)) return false;
        if (e->v.Slice.step && !check_ann_expr(c, e->v.Slice.step)) return false;
        return true;
    case Tuple_kind:
        for (int i = 0; i < asdl_seq_LEN(e->v.Tuple.elts); ++i) {
            if (!check_ann_subscr(c, (*e->v.Tuple.elts)[i])) return false;
        }
        return true;
    default: return check_ann_expr(c, e);
    }
}

bool compiler_annassign(Compiler* c, stmt_ty s)
{
    auto& a = s->v.AnnAssign;
    expr_ty targ = a.target;
    const bool module_or_class = c->u->scope_type == ScopeType::Module || c->u->scope_type == ScopeType::Class;
    // The assignment first.
    if (a.value) {
        VISIT(c, expr, a.value);
        VISIT(c, expr, targ);
    }
    switch (targ->kind) {
    case Name_kind:
        // A simple name in a module or class: __annotations__[name] = annotation.
        if (a.simple && module_or_class) {
            if (c->future.ff_features & CO_FUTURE_ANNOTATIONS) {
                VISIT(c, annexpr, a.annotation);
            } else {
                VISIT(c, expr, a.annotation);
            }
            ADDOP_NAME(c, LOAD_NAME, "__annotations__");
            Ref<> mangled = str_obj(compiler_mangle(c, targ->v.Name.id));
            if (!mangled) return false;
            ADDOP_LOAD_CONST(c, mangled.get());
            ADDOP(c, STORE_SUBSCR);
        }
        break;
    case Attribute_kind:
        if (!a.value && !check_ann_expr(c, targ->v.Attribute.value)) return false;
        break;
    case Subscript_kind:
        if (!a.value &&
            (!check_ann_expr(c, targ->v.Subscript.value) || !check_ann_subscr(c, targ->v.Subscript.slice)))
            return false;
        break;
    default:
        format_error(Exc_SystemError, "invalid node type (%d) for annotated assignment", static_cast<int>(targ->kind));
        return false;
    }
    // The annotation of a complex target is evaluated last (not under
    // `from __future__ import annotations`, and only in modules and classes).
    if (!a.simple && !(c->future.ff_features & CO_FUTURE_ANNOTATIONS) && module_or_class) {
        RETURN_IF_FALSE(check_ann_expr(c, a.annotation));
    }
    return true;
}

bool compiler_stmt_expr(Compiler* c, expr_ty value)
{
    if (c->interactive && c->nestlevel <= 1) {
        VISIT(c, expr, value);
        ADDOP(c, PRINT_EXPR);
        return true;
    }
    if (value->kind == Constant_kind) {
        ADDOP(c, NOP);  // a constant statement only keeps its line
        return true;
    }
    VISIT(c, expr, value);
    UNSET_LOC(c);  // the POP_TOP is artificial
    ADDOP(c, POP_TOP);
    return true;
}

}  // namespace

bool compiler_visit_stmt(Compiler* c, stmt_ty s)
{
    SET_LOC(c, s);
    switch (s->kind) {
    case FunctionDef_kind: return compiler_function(c, s, false);
    case AsyncFunctionDef_kind: return compiler_function(c, s, true);
    case ClassDef_kind: return compiler_class(c, s);
    case Return_kind: return compiler_return(c, s);
    case Delete_kind: VISIT_SEQ(c, expr, s->v.Delete.targets); return true;
    case Assign_kind: {
        const int n = asdl_seq_LEN(s->v.Assign.targets);
        VISIT(c, expr, s->v.Assign.value);
        for (int i = 0; i < n; ++i) {
            if (i < n - 1) ADDOP_I(c, COPY, 1);
            VISIT(c, expr, (*s->v.Assign.targets)[i]);
        }
        return true;
    }
    case AugAssign_kind: return compiler_augassign(c, s);
    case AnnAssign_kind: return compiler_annassign(c, s);
    case For_kind: return compiler_for(c, s);
    case While_kind: return compiler_while(c, s);
    case If_kind: return compiler_if(c, s);
    case Match_kind: return compiler_match(c, s);
    case Raise_kind: return compiler_raise(c, s);
    case Try_kind:
        if (asdl_seq_LEN(s->v.Try.finalbody) > 0) return compiler_try_finally(c, s, false);
        return compiler_try_except(c, s);
    case TryStar_kind:
        if (asdl_seq_LEN(s->v.TryStar.finalbody) > 0) return compiler_try_finally(c, s, true);
        return compiler_try_star_except(c, s);
    case Assert_kind: return compiler_assert(c, s);
    case Import_kind: return compiler_import(c, s);
    case ImportFrom_kind: return compiler_from_import(c, s);
    case Global_kind:
    case Nonlocal_kind: return true;
    case Expr_kind: return compiler_stmt_expr(c, s->v.Expr.value);
    case Pass_kind: ADDOP(c, NOP); return true;
    case Break_kind: return compiler_break(c);
    case Continue_kind: return compiler_continue(c);
    case With_kind: return compiler_with(c, s, 0, false);
    case AsyncWith_kind: return compiler_with(c, s, 0, true);
    case AsyncFor_kind: return compiler_async_for(c, s);
    }
    return true;
}

}  // namespace minipy::compiler
