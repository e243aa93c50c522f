// codegen_expr.cpp: code generation for expressions: names and constants,
// operators, comparisons and conditional jumps, calls (PRECALL/CALL,
// KW_NAMES, LOAD_METHOD, CALL_FUNCTION_EX), displays and unpacking,
// comprehensions and generator expressions (nested functions in 3.11),
// lambdas, f-strings, await and yield.
//
// Mirrors the expression half of CPython 3.11 Python/compile.c
// (compiler_visit_expr1 and the helpers it calls; 3.12 moved them to
// Python/codegen.c). Book chapter 7, "The Compiler".
//
// 3.11's calling convention: the callable is preceded on the stack by NULL
// (PUSH_NULL, or LOAD_GLOBAL with its low oparg bit) or, for `obj.meth(...)`,
// LOAD_METHOD pushes the unbound method and `obj`; PRECALL n + CALL n then
// call with the n arguments above; KW_NAMES names the trailing keyword
// arguments by a tuple constant.
#include "compile_internal.h"
#include "minipy/compiler/ast_unparse.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/warnings.h"

namespace minipy::compiler {

using namespace minipy::runtime;
using namespace minipy::ast;

// BINARY_OP's oparg (Include/internal/pycore_opcode.h NB_*): the operators
// in alphabetical order of their nb_ slot, inplace forms 13 later.
int binop_oparg(operator_ty op, bool inplace)
{
    int arg = 0;
    switch (op) {
    case Add: arg = 0; break;
    case BitAnd: arg = 1; break;
    case FloorDiv: arg = 2; break;
    case LShift: arg = 3; break;
    case MatMult: arg = 4; break;
    case Mult: arg = 5; break;
    case Mod: arg = 6; break;
    case BitOr: arg = 7; break;
    case Pow: arg = 8; break;
    case RShift: arg = 9; break;
    case Sub: arg = 10; break;
    case Div: arg = 11; break;
    case BitXor: arg = 12; break;
    }
    return inplace ? arg + 13 : arg;
}

// An attribute spanning lines is located at its name: the caret of a
// traceback then points at `.attr`, not at the start of the object.
void update_location_to_match_attr(Compiler* c, expr_ty meth)
{
    if (meth->lineno != meth->end_lineno) {
        c->u->loc.lineno = meth->end_lineno;
        Ref<> attr = str_obj(meth->v.Attribute.attr);
        const int len = attr ? static_cast<int>(unicode_length(attr.get())) : 0;
        if (!attr) error_clear();
        c->u->loc.col_offset = meth->end_col_offset - len;
    }
}

bool forbidden_name(Compiler* c, std::string_view name, expr_context_ty ctx)
{
    if (ctx == Store && name == "__debug__") {
        (void)compiler_error(c, "cannot assign to __debug__");
        return true;
    }
    if (ctx == Del && name == "__debug__") {
        (void)compiler_error(c, "cannot delete __debug__");
        return true;
    }
    return false;
}

namespace {

bool are_all_items_const(const asdl_expr_seq* seq, int begin, int end)
{
    for (int i = begin; i < end; ++i) {
        expr_ty key = (*seq)[i];
        if (key == nullptr || key->kind != Constant_kind) return false;
    }
    return true;
}

// starunpack_helper: a list/tuple/set display, with `*x` items and big
// displays built incrementally; all-constant displays load one constant.
bool starunpack_helper(Compiler* c, asdl_expr_seq* elts, int pushed, int build, int add, int extend, bool tuple)
{
    const int n = asdl_seq_LEN(elts);
    if (n > 2 && are_all_items_const(elts, 0, n)) {
        Ref<> folded = tuple_new(n);
        if (!folded) return false;
        for (int i = 0; i < n; ++i) {
            Object* v = (*elts)[i]->v.Constant.value;
            incref(v);
            tuple_set_item(folded.get(), i, v);
        }
        if (tuple && !pushed) {
            ADDOP_LOAD_CONST(c, folded.get());
        } else {
            if (add == SET_ADD) {
                folded = frozenset_new(folded.get());
                if (!folded) return false;
            }
            ADDOP_I(c, build, pushed);
            ADDOP_LOAD_CONST(c, folded.get());
            ADDOP_I(c, extend, 1);
            if (tuple) ADDOP(c, LIST_TO_TUPLE);
        }
        return true;
    }
    const bool big = n + pushed > STACK_USE_GUIDELINE;
    bool seen_star = false;
    for (int i = 0; i < n; ++i) {
        if ((*elts)[i]->kind == Starred_kind) seen_star = true;
    }
    if (!seen_star && !big) {
        VISIT_SEQ(c, expr, elts);
        ADDOP_I(c, tuple ? BUILD_TUPLE : build, n + pushed);
        return true;
    }
    bool sequence_built = false;
    if (big) {
        ADDOP_I(c, build, pushed);
        sequence_built = true;
    }
    for (int i = 0; i < n; ++i) {
        expr_ty elt = (*elts)[i];
        if (elt->kind == Starred_kind) {
            if (!sequence_built) {
                ADDOP_I(c, build, i + pushed);
                sequence_built = true;
            }
            VISIT(c, expr, elt->v.Starred.value);
            ADDOP_I(c, extend, 1);
        } else {
            VISIT(c, expr, elt);
            if (sequence_built) ADDOP_I(c, add, 1);
        }
    }
    if (tuple) ADDOP(c, LIST_TO_TUPLE);
    return true;
}

bool assignment_helper(Compiler* c, asdl_expr_seq* elts)
{
    RETURN_IF_FALSE(compiler_unpack_helper(c, elts));
    for (int i = 0; i < asdl_seq_LEN(elts); ++i) {
        expr_ty elt = (*elts)[i];
        VISIT(c, expr, elt->kind != Starred_kind ? elt : elt->v.Starred.value);
    }
    return true;
}

bool compiler_list_or_tuple(Compiler* c, expr_ty e, bool tuple)
{
    asdl_expr_seq* elts = tuple ? e->v.Tuple.elts : e->v.List.elts;
    expr_context_ty ctx = tuple ? e->v.Tuple.ctx : e->v.List.ctx;
    if (ctx == Store) return assignment_helper(c, elts);
    if (ctx == Load) return starunpack_helper(c, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, tuple);
    VISIT_SEQ(c, expr, elts);
    return true;
}

// compiler_subdict: keys [begin, end) of a dict display.
bool compiler_subdict(Compiler* c, expr_ty e, int begin, int end)
{
    const int n = end - begin;
    const bool big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && are_all_items_const(e->v.Dict.keys, begin, end)) {
        for (int i = begin; i < end; ++i) VISIT(c, expr, (*e->v.Dict.values)[i]);
        Ref<> keys = tuple_new(n);
        if (!keys) return false;
        for (int i = begin; i < end; ++i) {
            Object* k = (*e->v.Dict.keys)[i]->v.Constant.value;
            incref(k);
            tuple_set_item(keys.get(), i - begin, k);
        }
        ADDOP_LOAD_CONST(c, keys.get());
        ADDOP_I(c, BUILD_CONST_KEY_MAP, n);
        return true;
    }
    if (big) ADDOP_I(c, BUILD_MAP, 0);
    for (int i = begin; i < end; ++i) {
        VISIT(c, expr, (*e->v.Dict.keys)[i]);
        VISIT(c, expr, (*e->v.Dict.values)[i]);
        if (big) ADDOP_I(c, MAP_ADD, 1);
    }
    if (!big) ADDOP_I(c, BUILD_MAP, n);
    return true;
}

bool compiler_dict(Compiler* c, expr_ty e)
{
    const int n = asdl_seq_LEN(e->v.Dict.values);
    bool have_dict = false;
    int elements = 0;
    for (int i = 0; i < n; ++i) {
        if ((*e->v.Dict.keys)[i] == nullptr) {  // **mapping
            if (elements) {
                RETURN_IF_FALSE(compiler_subdict(c, e, i - elements, i));
                if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                ADDOP_I(c, BUILD_MAP, 0);
                have_dict = true;
            }
            VISIT(c, expr, (*e->v.Dict.values)[i]);
            ADDOP_I(c, DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            RETURN_IF_FALSE(compiler_subdict(c, e, i - elements, i + 1));
            if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
            have_dict = true;
            elements = 0;
        } else {
            ++elements;
        }
    }
    if (elements) {
        RETURN_IF_FALSE(compiler_subdict(c, e, n - elements, n));
        if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
        have_dict = true;
    }
    if (!have_dict) ADDOP_I(c, BUILD_MAP, 0);
    return true;
}

// compiler_warn: a SyntaxWarning at the current line, through the
// warnings machinery; a warning turned into an error (-W error) becomes
// the SyntaxError it describes.
bool compiler_warn(Compiler* c, const char* message)
{
    Ref<> msg = unicode_from_string(message);
    if (!msg) return false;
    if (error_warn_explicit(Exc_SyntaxWarning, msg.get(), c->filename_obj.get(), c->u->loc.lineno, nullptr,
                            nullptr) < 0) {
        if (error_matches(Exc_SyntaxWarning)) {
            error_clear();
            (void)compiler_error(c, "%s", message);
        }
        return false;
    }
    return true;
}

// check_is_arg: an operand of `is` that is fine: not a constant, or one of
// the named singletons.
bool check_is_arg(expr_ty e)
{
    if (e->kind != Constant_kind) return true;
    Object* value = e->v.Constant.value;
    return value == Py_None() || value == Py_False() || value == Py_True() || value == Py_Ellipsis();
}

// check_compare: `x is 1` and `x is not "a"` compare identities of
// literals, almost always a mistake for == / !=: a SyntaxWarning.
bool check_compare(Compiler* c, expr_ty e)
{
    bool left = check_is_arg(e->v.Compare.left);
    const int n = asdl_seq_LEN(e->v.Compare.ops);
    for (int i = 0; i < n; ++i) {
        const cmpop_ty op = (*e->v.Compare.ops)[i];
        const bool right = check_is_arg((*e->v.Compare.comparators)[i]);
        if ((op == Is || op == IsNot) && (!right || !left)) {
            return compiler_warn(c, op == Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                             : "\"is not\" with a literal. Did you mean \"!=\"?");
        }
        left = right;
    }
    return true;
}

// A chain a < b < c: each intermediate value is kept (SWAP/COPY) for the
// next comparison; a false link jumps to the cleanup that drops it.
bool compiler_compare(Compiler* c, expr_ty e)
{
    RETURN_IF_FALSE(check_compare(c, e));
    VISIT(c, expr, e->v.Compare.left);
    const int n = asdl_seq_LEN(e->v.Compare.ops) - 1;
    if (n == 0) {
        VISIT(c, expr, (*e->v.Compare.comparators)[0]);
        return compiler_addop_compare(c, (*e->v.Compare.ops)[0]);
    }
    BasicBlock* cleanup = compiler_new_block(c);
    for (int i = 0; i < n; ++i) {
        VISIT(c, expr, (*e->v.Compare.comparators)[i]);
        ADDOP_I(c, SWAP, 2);
        ADDOP_I(c, COPY, 2);
        RETURN_IF_FALSE(compiler_addop_compare(c, (*e->v.Compare.ops)[i]));
        ADDOP_JUMP(c, JUMP_IF_FALSE_OR_POP, cleanup);
    }
    VISIT(c, expr, (*e->v.Compare.comparators)[n]);
    RETURN_IF_FALSE(compiler_addop_compare(c, (*e->v.Compare.ops)[n]));
    BasicBlock* end = compiler_new_block(c);
    ADDOP_JUMP_NOLINE(c, JUMP, end);
    compiler_use_next_block(c, cleanup);
    ADDOP_I(c, SWAP, 2);
    ADDOP(c, POP_TOP);
    compiler_use_next_block(c, end);
    return true;
}

bool compiler_boolop(Compiler* c, expr_ty e)
{
    const int jumpi = e->v.BoolOp.op == And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
    BasicBlock* end = compiler_new_block(c);
    asdl_expr_seq* s = e->v.BoolOp.values;
    const int n = asdl_seq_LEN(s) - 1;
    for (int i = 0; i < n; ++i) {
        VISIT(c, expr, (*s)[i]);
        ADDOP_JUMP(c, jumpi, end);
        compiler_use_next_block(c, compiler_new_block(c));
    }
    VISIT(c, expr, (*s)[n]);
    compiler_use_next_block(c, end);
    return true;
}

bool compiler_ifexp(Compiler* c, expr_ty e)
{
    BasicBlock* end = compiler_new_block(c);
    BasicBlock* next = compiler_new_block(c);
    RETURN_IF_FALSE(compiler_jump_if(c, e->v.IfExp.test, next, false));
    VISIT(c, expr, e->v.IfExp.body);
    ADDOP_JUMP_NOLINE(c, JUMP, end);
    compiler_use_next_block(c, next);
    VISIT(c, expr, e->v.IfExp.orelse);
    compiler_use_next_block(c, end);
    return true;
}

// --- calls -------------------------------------------------------------------------------

bool validate_keywords(Compiler* c, asdl_keyword_seq* keywords)
{
    const int n = asdl_seq_LEN(keywords);
    for (int i = 0; i < n; ++i) {
        keyword_ty key = (*keywords)[i];
        if (key->arg.data() == nullptr) continue;
        if (forbidden_name(c, key->arg, Store)) return false;
        for (int j = i + 1; j < n; ++j) {
            keyword_ty other = (*keywords)[j];
            if (other->arg.data() != nullptr && other->arg == key->arg) {
                c->u->loc = {other->lineno, other->end_lineno, other->col_offset, other->end_col_offset};
                return compiler_error(c, "keyword argument repeated: %s", std::string(key->arg).c_str());
            }
        }
    }
    return true;
}

// The values of simple keyword arguments are on the stack; KW_NAMES names them.
bool compiler_call_simple_kw_helper(Compiler* c, asdl_keyword_seq* keywords, int nkwelts)
{
    Ref<> names = tuple_new(nkwelts);
    if (!names) return false;
    for (int i = 0; i < nkwelts; ++i) {
        Ref<> name = str_obj((*keywords)[i]->arg);
        if (!name) return false;
        tuple_set_item(names.get(), i, name.release());
    }
    int arg = compiler_add_const(c, names.get());
    if (arg < 0) return false;
    ADDOP_I(c, KW_NAMES, arg);
    return true;
}

bool compiler_visit_keywords(Compiler* c, asdl_keyword_seq* keywords)
{
    for (int i = 0; i < asdl_seq_LEN(keywords); ++i) VISIT(c, expr, (*keywords)[i]->value);
    return true;
}

// keywords [begin, end) as one dict for CALL_FUNCTION_EX.
bool compiler_subkwargs(Compiler* c, asdl_keyword_seq* keywords, int begin, int end)
{
    const int n = end - begin;
    const bool big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        Ref<> keys = tuple_new(n);
        if (!keys) return false;
        for (int i = begin; i < end; ++i) {
            Ref<> key = str_obj((*keywords)[i]->arg);
            if (!key) return false;
            tuple_set_item(keys.get(), i - begin, key.release());
        }
        for (int i = begin; i < end; ++i) VISIT(c, expr, (*keywords)[i]->value);
        ADDOP_LOAD_CONST(c, keys.get());
        ADDOP_I(c, BUILD_CONST_KEY_MAP, n);
        return true;
    }
    if (big) RETURN_IF_FALSE(compiler_addop_noline(c, BUILD_MAP, 0));
    for (int i = begin; i < end; ++i) {
        Ref<> key = str_obj((*keywords)[i]->arg);
        if (!key) return false;
        ADDOP_LOAD_CONST(c, key.get());
        VISIT(c, expr, (*keywords)[i]->value);
        if (big) RETURN_IF_FALSE(compiler_addop_noline(c, MAP_ADD, 1));
    }
    if (!big) ADDOP_I(c, BUILD_MAP, n);
    return true;
}

// Is `e` a name bound by an import at module level? (Its methods are not
// called through LOAD_METHOD: modules rarely benefit.)
bool is_import_originated(Compiler* c, expr_ty e)
{
    if (e->kind != Name_kind) return false;
    long flags = c->st->st_top->ste_symbols.get(e->v.Name.id);
    return (flags & DEF_IMPORT) != 0;
}

// obj.meth(args) as LOAD_METHOD + CALL when no *args/**kwargs are involved;
// returns -1 when the general path must be taken.
int maybe_optimize_method_call(Compiler* c, expr_ty e)
{
    expr_ty meth = e->v.Call.func;
    asdl_expr_seq* args = e->v.Call.args;
    asdl_keyword_seq* kwds = e->v.Call.keywords;
    if (meth->kind != Attribute_kind || meth->v.Attribute.ctx != Load) return -1;
    if (is_import_originated(c, meth->v.Attribute.value)) return -1;
    const int argsl = asdl_seq_LEN(args);
    const int kwdsl = asdl_seq_LEN(kwds);
    if (argsl + kwdsl + (kwdsl != 0) >= STACK_USE_GUIDELINE) return -1;
    for (int i = 0; i < argsl; ++i) {
        if ((*args)[i]->kind == Starred_kind) return -1;
    }
    for (int i = 0; i < kwdsl; ++i) {
        if ((*kwds)[i]->arg.data() == nullptr) return -1;
    }
    if (!compiler_visit_expr(c, meth->v.Attribute.value)) return 0;
    SET_LOC(c, meth);
    update_location_to_match_attr(c, meth);
    if (!compiler_addop_name(c, LOAD_METHOD, meth->v.Attribute.attr)) return 0;
    if (!compiler_visit_exprs(c, args)) return 0;
    if (kwdsl) {
        if (!validate_keywords(c, kwds)) return 0;
        if (!compiler_visit_keywords(c, kwds)) return 0;
        if (!compiler_call_simple_kw_helper(c, kwds, kwdsl)) return 0;
    }
    SET_LOC(c, e);
    update_location_to_match_attr(c, meth);
    if (!compiler_addop_i(c, PRECALL, argsl + kwdsl)) return 0;
    if (!compiler_addop_i(c, CALL, argsl + kwdsl)) return 0;
    return 1;
}

bool compiler_call(Compiler* c, expr_ty e)
{
    int ret = maybe_optimize_method_call(c, e);
    if (ret >= 0) return ret == 1;
    SET_LOC(c, e->v.Call.func);
    ADDOP(c, PUSH_NULL);
    SET_LOC(c, e);
    VISIT(c, expr, e->v.Call.func);
    return compiler_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

// --- comprehensions -------------------------------------------------------------------------

enum ComprehensionKind { COMP_GENEXP, COMP_LISTCOMP, COMP_SETCOMP, COMP_DICTCOMP };

bool compiler_comprehension_generator(Compiler* c, asdl_comprehension_seq* generators, int gen_index, int depth,
                                      expr_ty elt, expr_ty val, ComprehensionKind type);

// The innermost loop body: yield or append the element.
bool compiler_comprehension_element(Compiler* c, expr_ty elt, expr_ty val, ComprehensionKind type, int depth)
{
    switch (type) {
    case COMP_GENEXP:
        VISIT(c, expr, elt);
        if (c->u->ste->ste_generator && c->u->ste->ste_coroutine) ADDOP(c, ASYNC_GEN_WRAP);
        ADDOP(c, YIELD_VALUE);
        ADDOP_I(c, RESUME, 1);
        ADDOP(c, POP_TOP);
        break;
    case COMP_LISTCOMP:
        VISIT(c, expr, elt);
        ADDOP_I(c, LIST_APPEND, depth + 1);
        break;
    case COMP_SETCOMP:
        VISIT(c, expr, elt);
        ADDOP_I(c, SET_ADD, depth + 1);
        break;
    case COMP_DICTCOMP:
        // {k: v}: k is evaluated before v.
        VISIT(c, expr, elt);
        VISIT(c, expr, val);
        ADDOP_I(c, MAP_ADD, depth + 1);
        break;
    }
    return true;
}

bool compiler_sync_comprehension_generator(Compiler* c, asdl_comprehension_seq* generators, int gen_index,
                                           int depth, expr_ty elt, expr_ty val, ComprehensionKind type)
{
    BasicBlock* start = compiler_new_block(c);
    BasicBlock* if_cleanup = compiler_new_block(c);
    BasicBlock* anchor = compiler_new_block(c);
    comprehension_ty gen = (*generators)[gen_index];
    if (gen_index == 0) {
        // The outermost iterator arrives as the argument `.0`.
        c->u->meta.argcount = 1;
        ADDOP_I(c, LOAD_FAST, 0);
    } else {
        // `for y in [f(x)]` binds y without a loop.
        asdl_expr_seq* elts = nullptr;
        if (gen->iter->kind == List_kind) elts = gen->iter->v.List.elts;
        else if (gen->iter->kind == Tuple_kind) elts = gen->iter->v.Tuple.elts;
        if (asdl_seq_LEN(elts) == 1 && (*elts)[0]->kind != Starred_kind) {
            VISIT(c, expr, (*elts)[0]);
            start = nullptr;
        }
        if (start) {
            VISIT(c, expr, gen->iter);
            ADDOP(c, GET_ITER);
        }
    }
    if (start) {
        ++depth;
        compiler_use_next_block(c, start);
        ADDOP_JUMP(c, FOR_ITER, anchor);
    }
    VISIT(c, expr, gen->target);
    for (int i = 0; i < asdl_seq_LEN(gen->ifs); ++i) {
        RETURN_IF_FALSE(compiler_jump_if(c, (*gen->ifs)[i], if_cleanup, false));
    }
    if (++gen_index < asdl_seq_LEN(generators)) {
        RETURN_IF_FALSE(compiler_comprehension_generator(c, generators, gen_index, depth, elt, val, type));
    }
    if (gen_index >= asdl_seq_LEN(generators)) {
        RETURN_IF_FALSE(compiler_comprehension_element(c, elt, val, type, depth));
    }
    compiler_use_next_block(c, if_cleanup);
    if (start) {
        ADDOP_JUMP(c, JUMP, start);
        compiler_use_next_block(c, anchor);
    }
    return true;
}

bool compiler_async_comprehension_generator(Compiler* c, asdl_comprehension_seq* generators, int gen_index,
                                            int depth, expr_ty elt, expr_ty val, ComprehensionKind type)
{
    BasicBlock* start = compiler_new_block(c);
    BasicBlock* except = compiler_new_block(c);
    BasicBlock* if_cleanup = compiler_new_block(c);
    comprehension_ty gen = (*generators)[gen_index];
    if (gen_index == 0) {
        c->u->meta.argcount = 1;
        ADDOP_I(c, LOAD_FAST, 0);
    } else {
        VISIT(c, expr, gen->iter);
        ADDOP(c, GET_AITER);
    }
    compiler_use_next_block(c, start);
    RETURN_IF_FALSE(compiler_push_fblock(c, {ASYNC_COMPREHENSION_GENERATOR, start, nullptr}));
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    ADDOP(c, GET_ANEXT);
    ADDOP_LOAD_CONST(c, Py_None());
    RETURN_IF_FALSE(compiler_add_yield_from(c, true));
    ADDOP(c, POP_BLOCK);
    VISIT(c, expr, gen->target);
    for (int i = 0; i < asdl_seq_LEN(gen->ifs); ++i) {
        RETURN_IF_FALSE(compiler_jump_if(c, (*gen->ifs)[i], if_cleanup, false));
    }
    ++depth;
    if (++gen_index < asdl_seq_LEN(generators)) {
        RETURN_IF_FALSE(compiler_comprehension_generator(c, generators, gen_index, depth, elt, val, type));
    }
    if (gen_index >= asdl_seq_LEN(generators)) {
        RETURN_IF_FALSE(compiler_comprehension_element(c, elt, val, type, depth));
    }
    compiler_use_next_block(c, if_cleanup);
    ADDOP_JUMP(c, JUMP, start);
    compiler_pop_fblock(c, ASYNC_COMPREHENSION_GENERATOR, start);
    compiler_use_next_block(c, except);
    ADDOP(c, END_ASYNC_FOR);
    return true;
}

bool compiler_comprehension_generator(Compiler* c, asdl_comprehension_seq* generators, int gen_index, int depth,
                                      expr_ty elt, expr_ty val, ComprehensionKind type)
{
    if ((*generators)[gen_index]->is_async)
        return compiler_async_comprehension_generator(c, generators, gen_index, depth, elt, val, type);
    return compiler_sync_comprehension_generator(c, generators, gen_index, depth, elt, val, type);
}

// A comprehension is a nested function called at once with iter(outermost
// iterable) as its only argument.
bool compiler_comprehension(Compiler* c, expr_ty e, ComprehensionKind type, std::string_view name,
                            asdl_comprehension_seq* generators, expr_ty elt, expr_ty val)
{
    const ScopeType outer_scope = c->u->scope_type;
    comprehension_ty outermost = (*generators)[0];
    if (!compiler_enter_scope(c, name, ScopeType::Comprehension, e, e->lineno)) return false;
    SET_LOC(c, e);
    const bool is_async_generator = c->u->ste->ste_coroutine;
    Ref<> co;
    std::vector<std::string> freevars;
    bool ok = true;
    if (is_async_generator && type != COMP_GENEXP && outer_scope != ScopeType::AsyncFunction &&
        outer_scope != ScopeType::Comprehension) {
        ok = compiler_error(c, "asynchronous comprehension outside of an asynchronous function");
    }
    if (ok && type != COMP_GENEXP) {
        ok = compiler_addop_i(c, type == COMP_LISTCOMP ? BUILD_LIST : type == COMP_SETCOMP ? BUILD_SET : BUILD_MAP,
                              0);
    }
    if (ok) ok = compiler_comprehension_generator(c, generators, 0, 0, elt, val, type);
    if (ok && type != COMP_GENEXP) ok = compiler_addop(c, RETURN_VALUE);
    if (ok) {
        Object* dict = c->u->meta.freevars.get();
        freevars.resize(static_cast<std::size_t>(dict_size(dict)));
        const long ncells = static_cast<long>(dict_size(c->u->meta.cellvars.get()));
        Py_ssize_t pos = 0;
        Object* key = nullptr;
        Object* value = nullptr;
        while (dict_next(dict, &pos, &key, &value))
            freevars[static_cast<std::size_t>(long_as_long_long(value) - ncells)] = unicode_as_utf8(key);
        co = compiler_assemble(c, true);
    }
    compiler_exit_scope(c);
    if (!co) return false;
    RETURN_IF_FALSE(compiler_make_closure(c, co.get(), freevars, 0));
    VISIT(c, expr, outermost->iter);
    ADDOP(c, outermost->is_async ? GET_AITER : GET_ITER);
    ADDOP_I(c, PRECALL, 0);
    ADDOP_I(c, CALL, 0);
    if (is_async_generator && type != COMP_GENEXP) {
        ADDOP_I(c, GET_AWAITABLE, 0);
        ADDOP_LOAD_CONST(c, Py_None());
        RETURN_IF_FALSE(compiler_add_yield_from(c, true));
    }
    return true;
}

bool compiler_lambda(Compiler* c, expr_ty e)
{
    arguments_ty args = e->v.Lambda.args;
    RETURN_IF_FALSE(compiler_check_debug_args(c, args));
    int funcflags = compiler_default_arguments(c, args);
    if (funcflags < 0) return false;
    if (!compiler_enter_scope(c, "<lambda>", ScopeType::Lambda, e, e->lineno)) return false;
    Ref<> co;
    std::vector<std::string> freevars;
    // None first: a lambda has no docstring.
    bool ok = compiler_add_const(c, Py_None()) >= 0;
    if (ok) {
        c->u->meta.argcount = asdl_seq_LEN(args->args);
        c->u->meta.posonlyargcount = asdl_seq_LEN(args->posonlyargs);
        c->u->meta.kwonlyargcount = asdl_seq_LEN(args->kwonlyargs);
        ok = compiler_visit_expr(c, e->v.Lambda.body);
    }
    bool add_none = true;
    if (ok) {
        if (c->u->ste->ste_generator) {
            add_none = false;
        } else {
            ok = compiler_addop(c, RETURN_VALUE);
        }
    }
    if (ok) {
        Object* dict = c->u->meta.freevars.get();
        freevars.resize(static_cast<std::size_t>(dict_size(dict)));
        const long ncells = static_cast<long>(dict_size(c->u->meta.cellvars.get()));
        Py_ssize_t pos = 0;
        Object* key = nullptr;
        Object* value = nullptr;
        while (dict_next(dict, &pos, &key, &value))
            freevars[static_cast<std::size_t>(long_as_long_long(value) - ncells)] = unicode_as_utf8(key);
        co = compiler_assemble(c, add_none);
    }
    compiler_exit_scope(c);
    if (!co) return false;
    return compiler_make_closure(c, co.get(), freevars, funcflags);
}

// --- f-strings ------------------------------------------------------------------------------

bool compiler_formatted_value(Compiler* c, expr_ty e)
{
    VISIT(c, expr, e->v.FormattedValue.value);
    int oparg = 0;  // FVC_NONE
    switch (e->v.FormattedValue.conversion) {
    case 's': oparg = 1; break;  // FVC_STR
    case 'r': oparg = 2; break;  // FVC_REPR
    case 'a': oparg = 3; break;  // FVC_ASCII
    case -1: oparg = 0; break;
    default:
        format_error(Exc_SystemError, "Unrecognized conversion character %d", e->v.FormattedValue.conversion);
        return false;
    }
    if (e->v.FormattedValue.format_spec) {
        VISIT(c, expr, e->v.FormattedValue.format_spec);
        oparg |= 4;  // FVS_HAVE_SPEC
    }
    ADDOP_I(c, FORMAT_VALUE, oparg);
    return true;
}

bool compiler_joined_str(Compiler* c, expr_ty e)
{
    asdl_expr_seq* values = e->v.JoinedStr.values;
    const int n = asdl_seq_LEN(values);
    if (n > STACK_USE_GUIDELINE) {
        // ''.join([...]) for very long f-strings.
        Ref<> empty = str_obj("");
        if (!empty) return false;
        ADDOP_LOAD_CONST(c, empty.get());
        ADDOP_NAME(c, LOAD_METHOD, "join");
        ADDOP_I(c, BUILD_LIST, 0);
        for (int i = 0; i < n; ++i) {
            VISIT(c, expr, (*values)[i]);
            ADDOP_I(c, LIST_APPEND, 1);
        }
        ADDOP_I(c, PRECALL, 1);
        ADDOP_I(c, CALL, 1);
    } else {
        VISIT_SEQ(c, expr, values);
        if (n != 1) ADDOP_I(c, BUILD_STRING, n);
    }
    return true;
}

bool compiler_slice(Compiler* c, expr_ty s)
{
    int n = 2;
    if (s->v.Slice.lower) {
        VISIT(c, expr, s->v.Slice.lower);
    } else {
        ADDOP_LOAD_CONST(c, Py_None());
    }
    if (s->v.Slice.upper) {
        VISIT(c, expr, s->v.Slice.upper);
    } else {
        ADDOP_LOAD_CONST(c, Py_None());
    }
    if (s->v.Slice.step) {
        ++n;
        VISIT(c, expr, s->v.Slice.step);
    }
    ADDOP_I(c, BUILD_SLICE, n);
    return true;
}

bool compiler_visit_expr1(Compiler* c, expr_ty e)
{
    switch (e->kind) {
    case NamedExpr_kind:
        VISIT(c, expr, e->v.NamedExpr.value);
        ADDOP_I(c, COPY, 1);
        VISIT(c, expr, e->v.NamedExpr.target);
        return true;
    case BoolOp_kind: return compiler_boolop(c, e);
    case BinOp_kind:
        VISIT(c, expr, e->v.BinOp.left);
        VISIT(c, expr, e->v.BinOp.right);
        ADDOP_I(c, BINARY_OP, binop_oparg(e->v.BinOp.op, false));
        return true;
    case UnaryOp_kind: {
        VISIT(c, expr, e->v.UnaryOp.operand);
        int op = UNARY_NOT;
        switch (e->v.UnaryOp.op) {
        case Invert: op = UNARY_INVERT; break;
        case Not: op = UNARY_NOT; break;
        case UAdd: op = UNARY_POSITIVE; break;
        case USub: op = UNARY_NEGATIVE; break;
        }
        ADDOP(c, op);
        return true;
    }
    case Lambda_kind: return compiler_lambda(c, e);
    case IfExp_kind: return compiler_ifexp(c, e);
    case Dict_kind: return compiler_dict(c, e);
    case Set_kind: return starunpack_helper(c, e->v.Set.elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, false);
    case GeneratorExp_kind:
        return compiler_comprehension(c, e, COMP_GENEXP, "<genexpr>", e->v.GeneratorExp.generators,
                                      e->v.GeneratorExp.elt, nullptr);
    case ListComp_kind:
        return compiler_comprehension(c, e, COMP_LISTCOMP, "<listcomp>", e->v.ListComp.generators,
                                      e->v.ListComp.elt, nullptr);
    case SetComp_kind:
        return compiler_comprehension(c, e, COMP_SETCOMP, "<setcomp>", e->v.SetComp.generators,
                                      e->v.SetComp.elt, nullptr);
    case DictComp_kind:
        return compiler_comprehension(c, e, COMP_DICTCOMP, "<dictcomp>", e->v.DictComp.generators,
                                      e->v.DictComp.key, e->v.DictComp.value);
    case Yield_kind:
        if (c->u->ste->ste_type != FunctionBlock) return compiler_error(c, "'yield' outside function");
        if (e->v.Yield.value) {
            VISIT(c, expr, e->v.Yield.value);
        } else {
            ADDOP_LOAD_CONST(c, Py_None());
        }
        if (c->u->ste->ste_generator && c->u->ste->ste_coroutine) ADDOP(c, ASYNC_GEN_WRAP);
        ADDOP(c, YIELD_VALUE);
        ADDOP_I(c, RESUME, 1);
        return true;
    case YieldFrom_kind:
        if (c->u->ste->ste_type != FunctionBlock) return compiler_error(c, "'yield' outside function");
        if (c->u->scope_type == ScopeType::AsyncFunction)
            return compiler_error(c, "'yield from' inside async function");
        VISIT(c, expr, e->v.YieldFrom.value);
        ADDOP(c, GET_YIELD_FROM_ITER);
        ADDOP_LOAD_CONST(c, Py_None());
        return compiler_add_yield_from(c, false);
    case Await_kind:
        if (c->u->ste->ste_type != FunctionBlock) return compiler_error(c, "'await' outside function");
        if (c->u->scope_type != ScopeType::AsyncFunction && c->u->scope_type != ScopeType::Comprehension)
            return compiler_error(c, "'await' outside async function");
        VISIT(c, expr, e->v.Await.value);
        ADDOP_I(c, GET_AWAITABLE, 0);
        ADDOP_LOAD_CONST(c, Py_None());
        return compiler_add_yield_from(c, true);
    case Compare_kind: return compiler_compare(c, e);
    case Call_kind: return compiler_call(c, e);
    case Constant_kind: ADDOP_LOAD_CONST(c, e->v.Constant.value); return true;
    case JoinedStr_kind: return compiler_joined_str(c, e);
    case FormattedValue_kind: return compiler_formatted_value(c, e);
    case Attribute_kind:
        VISIT(c, expr, e->v.Attribute.value);
        update_location_to_match_attr(c, e);
        switch (e->v.Attribute.ctx) {
        case Load: ADDOP_NAME(c, LOAD_ATTR, e->v.Attribute.attr); break;
        case Store:
            if (forbidden_name(c, e->v.Attribute.attr, Store)) return false;
            ADDOP_NAME(c, STORE_ATTR, e->v.Attribute.attr);
            break;
        case Del: ADDOP_NAME(c, DELETE_ATTR, e->v.Attribute.attr); break;
        }
        return true;
    case Subscript_kind: {
        const expr_context_ty ctx = e->v.Subscript.ctx;
        VISIT(c, expr, e->v.Subscript.value);
        VISIT(c, expr, e->v.Subscript.slice);
        ADDOP(c, ctx == Load ? BINARY_SUBSCR : ctx == Store ? STORE_SUBSCR : DELETE_SUBSCR);
        return true;
    }
    case Starred_kind:
        if (e->v.Starred.ctx == Store)
            return compiler_error(c, "starred assignment target must be in a list or tuple");
        return compiler_error(c, "can't use starred expression here");
    case Slice_kind: return compiler_slice(c, e);
    case Name_kind: return compiler_nameop(c, e->v.Name.id, e->v.Name.ctx);
    case List_kind: return compiler_list_or_tuple(c, e, false);
    case Tuple_kind: return compiler_list_or_tuple(c, e, true);
    }
    return true;
}

}  // namespace

bool compiler_visit_expr(Compiler* c, expr_ty e)
{
    const Location saved = c->u->loc;
    SET_LOC(c, e);
    const bool ok = compiler_visit_expr1(c, e);
    c->u->loc = saved;
    return ok;
}

bool compiler_visit_exprs(Compiler* c, const asdl_expr_seq* es)
{
    for (int i = 0; i < asdl_seq_LEN(es); ++i) VISIT(c, expr, (*es)[i]);
    return true;
}

bool compiler_addop_compare(Compiler* c, cmpop_ty op)
{
    switch (op) {
    case Eq: ADDOP_I(c, COMPARE_OP, 2); break;
    case NotEq: ADDOP_I(c, COMPARE_OP, 3); break;
    case Lt: ADDOP_I(c, COMPARE_OP, 0); break;
    case LtE: ADDOP_I(c, COMPARE_OP, 1); break;
    case Gt: ADDOP_I(c, COMPARE_OP, 4); break;
    case GtE: ADDOP_I(c, COMPARE_OP, 5); break;
    case Is: ADDOP_I(c, IS_OP, 0); break;
    case IsNot: ADDOP_I(c, IS_OP, 1); break;
    case In: ADDOP_I(c, CONTAINS_OP, 0); break;
    case NotIn: ADDOP_I(c, CONTAINS_OP, 1); break;
    default:
        // An operator added to the grammar (the parser chapter's `~=`
        // exercise) has no bytecode until the compiler learns it.
        format_error(Exc_SystemError, "no bytecode for comparison operator %d", static_cast<int>(op));
        return false;
    }
    return true;
}

// compiler_jump_if: jump to `next` when `e` is `cond`, without building the
// boolean when the shape of e allows (not, and/or, if-else, comparisons).
bool compiler_jump_if(Compiler* c, expr_ty e, BasicBlock* next, bool cond)
{
    switch (e->kind) {
    case UnaryOp_kind:
        if (e->v.UnaryOp.op == Not) return compiler_jump_if(c, e->v.UnaryOp.operand, next, !cond);
        break;
    case BoolOp_kind: {
        asdl_expr_seq* s = e->v.BoolOp.values;
        const int n = asdl_seq_LEN(s) - 1;
        const bool cond2 = e->v.BoolOp.op == Or;
        BasicBlock* next2 = next;
        if (cond2 != cond) next2 = compiler_new_block(c);
        for (int i = 0; i < n; ++i) RETURN_IF_FALSE(compiler_jump_if(c, (*s)[i], next2, cond2));
        RETURN_IF_FALSE(compiler_jump_if(c, (*s)[n], next, cond));
        if (next2 != next) compiler_use_next_block(c, next2);
        return true;
    }
    case IfExp_kind: {
        BasicBlock* end = compiler_new_block(c);
        BasicBlock* next2 = compiler_new_block(c);
        RETURN_IF_FALSE(compiler_jump_if(c, e->v.IfExp.test, next2, false));
        RETURN_IF_FALSE(compiler_jump_if(c, e->v.IfExp.body, next, cond));
        ADDOP_JUMP_NOLINE(c, JUMP, end);
        compiler_use_next_block(c, next2);
        RETURN_IF_FALSE(compiler_jump_if(c, e->v.IfExp.orelse, next, cond));
        compiler_use_next_block(c, end);
        return true;
    }
    case Compare_kind: {
        // A comparison's jump is located at the comparison, and so is what
        // follows until the next statement (3.11 leaves the location set).
        SET_LOC(c, e);
        const int n = asdl_seq_LEN(e->v.Compare.ops) - 1;
        if (n > 0) {
            // (A single comparison is checked once, by compiler_compare below.)
            RETURN_IF_FALSE(check_compare(c, e));
            BasicBlock* cleanup = compiler_new_block(c);
            VISIT(c, expr, e->v.Compare.left);
            for (int i = 0; i < n; ++i) {
                VISIT(c, expr, (*e->v.Compare.comparators)[i]);
                ADDOP_I(c, SWAP, 2);
                ADDOP_I(c, COPY, 2);
                RETURN_IF_FALSE(compiler_addop_compare(c, (*e->v.Compare.ops)[i]));
                ADDOP_JUMP(c, POP_JUMP_IF_FALSE, cleanup);
            }
            VISIT(c, expr, (*e->v.Compare.comparators)[n]);
            RETURN_IF_FALSE(compiler_addop_compare(c, (*e->v.Compare.ops)[n]));
            ADDOP_JUMP(c, cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
            BasicBlock* end = compiler_new_block(c);
            ADDOP_JUMP_NOLINE(c, JUMP, end);
            compiler_use_next_block(c, cleanup);
            ADDOP(c, POP_TOP);
            if (!cond) ADDOP_JUMP_NOLINE(c, JUMP, next);
            compiler_use_next_block(c, end);
            return true;
        }
        break;
    }
    default: break;
    }
    VISIT(c, expr, e);
    ADDOP_JUMP(c, cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
    return true;
}

// compiler_call_helper: the arguments of a call whose callable (and `n`
// extra positional arguments, e.g. __build_class__'s function and name) are
// already pushed. *args and **kwargs need CALL_FUNCTION_EX with a tuple and
// a dict built on the stack.
bool compiler_call_helper(Compiler* c, int n, asdl_expr_seq* args, asdl_keyword_seq* keywords)
{
    RETURN_IF_FALSE(validate_keywords(c, keywords));
    const int nelts = asdl_seq_LEN(args);
    const int nkwelts = asdl_seq_LEN(keywords);
    bool ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE;
    for (int i = 0; !ex_call && i < nelts; ++i) {
        if ((*args)[i]->kind == Starred_kind) ex_call = true;
    }
    for (int i = 0; !ex_call && i < nkwelts; ++i) {
        if ((*keywords)[i]->arg.data() == nullptr) ex_call = true;
    }
    if (!ex_call) {
        VISIT_SEQ(c, expr, args);
        if (nkwelts) {
            RETURN_IF_FALSE(compiler_visit_keywords(c, keywords));
            RETURN_IF_FALSE(compiler_call_simple_kw_helper(c, keywords, nkwelts));
        }
        ADDOP_I(c, PRECALL, n + nelts + nkwelts);
        ADDOP_I(c, CALL, n + nelts + nkwelts);
        return true;
    }
    // Positional arguments as one tuple.
    if (n == 0 && nelts == 1 && (*args)[0]->kind == Starred_kind) {
        VISIT(c, expr, (*args)[0]->v.Starred.value);
    } else {
        RETURN_IF_FALSE(starunpack_helper(c, args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true));
    }
    // Keyword arguments as one dict.
    if (nkwelts) {
        bool have_dict = false;
        int nseen = 0;  // keyword arguments on the stack not yet in the dict
        for (int i = 0; i < nkwelts; ++i) {
            keyword_ty kw = (*keywords)[i];
            if (kw->arg.data() == nullptr) {  // **mapping
                if (nseen) {
                    RETURN_IF_FALSE(compiler_subkwargs(c, keywords, i - nseen, i));
                    if (have_dict) ADDOP_I(c, DICT_MERGE, 1);
                    have_dict = true;
                    nseen = 0;
                }
                if (!have_dict) {
                    ADDOP_I(c, BUILD_MAP, 0);
                    have_dict = true;
                }
                VISIT(c, expr, kw->value);
                ADDOP_I(c, DICT_MERGE, 1);
            } else {
                ++nseen;
            }
        }
        if (nseen) {
            RETURN_IF_FALSE(compiler_subkwargs(c, keywords, nkwelts - nseen, nkwelts));
            if (have_dict) ADDOP_I(c, DICT_MERGE, 1);
        }
    }
    ADDOP_I(c, CALL_FUNCTION_EX, nkwelts > 0);
    return true;
}

bool compiler_unpack_helper(Compiler* c, asdl_expr_seq* elts)
{
    const int n = asdl_seq_LEN(elts);
    bool seen_star = false;
    for (int i = 0; i < n; ++i) {
        expr_ty elt = (*elts)[i];
        if (elt->kind == Starred_kind && !seen_star) {
            if (i >= (1 << 8) || (n - i - 1) >= (0x7fffffff >> 8))
                return compiler_error(c, "too many expressions in star-unpacking assignment");
            ADDOP_I(c, UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = true;
        } else if (elt->kind == Starred_kind) {
            return compiler_error(c, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star) ADDOP_I(c, UNPACK_SEQUENCE, n);
    return true;
}

// Under `from __future__ import annotations` an annotation is stored as the
// string of its source (ast_unparse).
bool compiler_visit_annexpr(Compiler* c, expr_ty annotation)
{
    Ref<> text = ast_unparse_expr(annotation);
    if (!text) return false;
    ADDOP_LOAD_CONST(c, text.get());
    return true;
}

bool compiler_check_debug_args(Compiler* c, arguments_ty args)
{
    auto check = [c](arg_ty a) {
        if (a != nullptr && a->arg == "__debug__") {
            c->u->loc = {a->lineno, a->end_lineno, a->col_offset, a->end_col_offset};
            (void)compiler_error(c, "cannot assign to __debug__");
            return false;
        }
        return true;
    };
    for (asdl_arg_seq* seq : {args->posonlyargs, args->args, args->kwonlyargs}) {
        for (int i = 0; i < asdl_seq_LEN(seq); ++i) {
            if (!check((*seq)[i])) return false;
        }
    }
    return check(args->vararg) && check(args->kwarg);
}

}  // namespace minipy::compiler
