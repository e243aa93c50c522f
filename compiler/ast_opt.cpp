// ast_opt.cpp: the AST optimizer, run between the parser and the code
// generator. Mirrors CPython 3.11 Python/ast_opt.c. Book ch. 7.
//
// One walk over the tree (astfold_*), bottom-up: children are folded first,
// then the node itself may be replaced by a Constant holding a runtime
// object computed with the same abstract-object operations the eval loop
// would run (number_add, object_get_item, ...). Rules:
//  - a fold that raises is not an error: the error is dropped and the
//    expression stays, to raise at run time (1/0, 'a' + 1, ...), except for
//    KeyboardInterrupt (make_const);
//  - results are bounded so that a short expression cannot build a huge
//    constant: ints of at most MAX_INT_SIZE bits from *, ** and <<,
//    sequences of MAX_COLLECTION_SIZE items (MAX_TOTAL_ITEMS nested),
//    strings and bytes of MAX_STR_SIZE (safe_multiply & co.);
//  - `x in [a, b]` and `for x in [a, b]` iterate over a tuple (a constant
//    one when all items are constants), `{a, b}` becomes a frozenset;
//  - `'%s %r' % (a, b)` becomes the f-string f'{a!s} {b!r}' when every
//    conversion is %s, %r or %a with simple width/precision (optimize_format);
//  - `__debug__` is True, or False under -O.
// Nodes are replaced in place (COPY_NODE), so parents need not know.
#include "minipy/compiler/ast_opt.h"

#include <climits>
#include <cstdio>
#include <cstring>

#include "minipy/compiler/symtable.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::compiler {

using namespace minipy::ast;
using runtime::Object;
using runtime::Py_ssize_t;
using runtime::Ref;

namespace {

// The limits of 3.11's folding.
constexpr int MAX_INT_SIZE = 128;         // bits
constexpr int MAX_COLLECTION_SIZE = 256;  // items
constexpr int MAX_STR_SIZE = 4096;        // characters
constexpr int MAX_TOTAL_ITEMS = 1024;     // including nested collections
// The optimizer's recursion budget is 3 times Python's recursion limit.
constexpr int COMPILER_STACK_FRAME_SCALE = 3;

// Replaces node by a Constant of val (a new reference, or null when the fold
// failed: the error is dropped then, unless it is a KeyboardInterrupt).
int make_const(expr_ty node, Ref<> val, PyArena* arena)
{
    if (!val) {
        if (runtime::error_occurred() != nullptr && runtime::error_matches(runtime::Exc_KeyboardInterrupt)) return 0;
        runtime::error_clear();
        return 1;
    }
    Object* obj = arena->add_object(val.release());
    if (obj == nullptr) {
        runtime::error_no_memory();
        return 0;
    }
    node->kind = Constant_kind;
    node->v.Constant.kind = {};
    node->v.Constant.value = obj;
    return 1;
}

void copy_node(expr_ty to, expr_ty from)
{
    std::memcpy(static_cast<void*>(to), static_cast<const void*>(from), sizeof(*to));
}

bool has_starred(const asdl_expr_seq* elts)
{
    for (int i = 0; i < asdl_seq_LEN(elts); ++i) {
        if ((*elts)[i]->kind == Starred_kind) return true;
    }
    return false;
}

Ref<> unary_not(Object* v)
{
    int r = runtime::object_is_true(v);
    if (r < 0) return nullptr;
    return runtime::bool_from_long(!r);
}

int fold_unaryop(expr_ty node, PyArena* arena)
{
    expr_ty arg = node->v.UnaryOp.operand;
    if (arg->kind != Constant_kind) {
        // `not a is b` -> `a is not b` (and in/not in). ==, <, ... are left
        // alone: classes may define them inconsistently with their negation.
        if (node->v.UnaryOp.op == Not && arg->kind == Compare_kind && asdl_seq_LEN(arg->v.Compare.ops) == 1) {
            cmpop_ty op = (*arg->v.Compare.ops)[0];
            bool invertible = true;
            switch (op) {
            case Is: op = IsNot; break;
            case IsNot: op = Is; break;
            case In: op = NotIn; break;
            case NotIn: op = In; break;
            case Eq:
            case NotEq:
            case Lt:
            case LtE:
            case Gt:
            case GtE: invertible = false; break;
            default: invertible = false; break;  // an operator added to the grammar (parser exercise)
            }
            if (invertible) {
                (*arg->v.Compare.ops)[0] = op;
                copy_node(node, arg);
            }
        }
        return 1;
    }
    Object* v = arg->v.Constant.value;
    Ref<> newval;
    switch (node->v.UnaryOp.op) {
    case Invert: newval = runtime::number_invert(v); break;
    case Not: newval = unary_not(v); break;
    case UAdd: newval = runtime::number_positive(v); break;
    case USub: newval = runtime::number_negative(v); break;
    }
    return make_const(node, std::move(newval), arena);
}

// How much of `limit` (a count of items) is left once obj's items and those
// of the tuples and frozensets inside it are counted; negative when too many.
// Guards against constants whose hash would take too long to compute.
Py_ssize_t check_complexity(Object* obj, Py_ssize_t limit)
{
    if (runtime::tuple_check(obj)) {
        limit -= runtime::tuple_size(obj);
        for (Py_ssize_t i = 0; limit >= 0 && i < runtime::tuple_size(obj); ++i) {
            limit = check_complexity(runtime::tuple_item(obj, i), limit);
        }
    } else if (runtime::frozenset_check(obj)) {
        limit -= runtime::set_size(obj);
        int r = runtime::for_each_item(obj, [&](Object* item) {
            if (limit < 0) return 1;
            limit = check_complexity(item, limit);
            return 0;
        });
        if (r < 0) runtime::error_clear();
    }
    return limit;
}

// Py_SIZE(v) != 0 for an int: not zero.
bool long_nonzero(Object* v)
{
    return runtime::long_sign(static_cast<runtime::LongObject*>(v)) != 0;
}

std::size_t long_bits(Object* v)
{
    return static_cast<std::size_t>(runtime::long_num_bits(static_cast<runtime::LongObject*>(v)));
}

// PyLong_AsSize_t: false (no error set; the caller gives up the fold) for a
// negative or too large value.
bool long_as_size_t(Object* v, std::size_t* out)
{
    int overflow = 0;
    long long n = runtime::long_as_long_long_and_overflow(v, &overflow);
    if (overflow != 0 || n < 0) {
        if (n == -1 && runtime::error_occurred() != nullptr) runtime::error_clear();
        return false;
    }
    *out = static_cast<std::size_t>(n);
    return true;
}

Ref<> safe_multiply(Object* v, Object* w)
{
    using namespace runtime;
    if (long_check(v) && long_check(w) && long_nonzero(v) && long_nonzero(w)) {
        if (long_bits(v) + long_bits(w) > MAX_INT_SIZE) return nullptr;
    } else if (long_check(v) && (tuple_check(w) || frozenset_check(w))) {
        Py_ssize_t size = tuple_check(w) ? tuple_size(w) : set_size(w);
        if (size != 0) {
            long long n = long_as_long_long(v);  // PyLong_AsLong: OverflowError -> -1
            if (n < 0 || n > MAX_COLLECTION_SIZE / size) return nullptr;
            if (n != 0 && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0) return nullptr;
        }
    } else if (long_check(v) && (unicode_check(w) || bytes_check(w))) {
        Py_ssize_t size = unicode_check(w) ? unicode_length(w) : bytes_size(w);
        if (size != 0) {
            long long n = long_as_long_long(v);
            if (n < 0 || n > MAX_STR_SIZE / size) return nullptr;
        }
    } else if (long_check(w) && (tuple_check(v) || frozenset_check(v) || unicode_check(v) || bytes_check(v))) {
        return safe_multiply(w, v);
    }
    return number_multiply(v, w);
}

Ref<> safe_power(Object* v, Object* w)
{
    using namespace runtime;
    if (long_check(v) && long_check(w) && long_nonzero(v) && long_sign(static_cast<LongObject*>(w)) > 0) {
        std::size_t vbits = long_bits(v);
        std::size_t wbits = 0;
        if (!long_as_size_t(w, &wbits)) return nullptr;
        if (vbits > MAX_INT_SIZE / wbits) return nullptr;
    }
    return number_power(v, w, Py_None());
}

Ref<> safe_lshift(Object* v, Object* w)
{
    using namespace runtime;
    if (long_check(v) && long_check(w) && long_nonzero(v) && long_nonzero(w)) {
        std::size_t vbits = long_bits(v);
        std::size_t wbits = 0;
        if (!long_as_size_t(w, &wbits)) return nullptr;
        if (wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits) return nullptr;
    }
    return number_lshift(v, w);
}

// str % x and bytes % x are left to run time (the result's size is unknown).
Ref<> safe_mod(Object* v, Object* w)
{
    if (runtime::unicode_check(v) || runtime::bytes_check(v)) return nullptr;
    return runtime::number_remainder(v, w);
}

// -- '%'-formatting to f-strings (optimize_format) --------------------------------

// A Constant str node with no location (the code generator never reports one).
expr_ty new_str_constant(Ref<> str, PyArena* arena)
{
    if (!str) return nullptr;
    Object* obj = arena->add_object(str.release());
    if (obj == nullptr) {
        runtime::error_no_memory();
        return nullptr;
    }
    return Constant(obj, {}, -1, -1, -1, -1, arena);
}

// The literal text at *ppos up to the next single '%', with '%%' made '%'.
// nullptr without an error when there is none.
expr_ty parse_literal(Object* fmt, Py_ssize_t* ppos, PyArena* arena)
{
    Py_ssize_t size = runtime::unicode_length(fmt);
    Py_ssize_t start = *ppos, pos = *ppos;
    runtime::UnicodeWriter text;
    while (pos < size) {
        runtime::Py_UCS4 ch = runtime::unicode_read_char(fmt, pos);
        if (ch != '%') {
            text.write_char(ch);
            pos++;
        } else if (pos + 1 < size && runtime::unicode_read_char(fmt, pos + 1) == '%') {
            text.write_char('%');
            pos += 2;
        } else {
            break;
        }
    }
    *ppos = pos;
    if (pos == start) return nullptr;
    return new_str_constant(text.finish(), arena);
}

constexpr int MAXDIGITS = 3;
enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

// One conversion after its '%': flags, width and precision of at most
// MAXDIGITS - 1 digits, and the conversion character. 0 when unsupported
// ('*', long numbers, the end of the string).
int simple_format_arg_parse(Object* fmt, Py_ssize_t* ppos, int* spec, int* flags, int* width, int* prec)
{
    Py_ssize_t pos = *ppos, len = runtime::unicode_length(fmt);
    runtime::Py_UCS4 ch = 0;
    auto nextc = [&]() {
        if (pos >= len) return false;
        ch = runtime::unicode_read_char(fmt, pos);
        pos++;
        return true;
    };
    *flags = 0;
    for (;;) {
        if (!nextc()) return 0;
        if (ch == '-') *flags |= F_LJUST;
        else if (ch == '+') *flags |= F_SIGN;
        else if (ch == ' ') *flags |= F_BLANK;
        else if (ch == '#') *flags |= F_ALT;
        else if (ch == '0') *flags |= F_ZERO;
        else break;
    }
    if ('0' <= ch && ch <= '9') {
        *width = 0;
        int digits = 0;
        while ('0' <= ch && ch <= '9') {
            *width = *width * 10 + static_cast<int>(ch - '0');
            if (!nextc()) return 0;
            if (++digits >= MAXDIGITS) return 0;
        }
    }
    if (ch == '.') {
        if (!nextc()) return 0;
        *prec = 0;
        if ('0' <= ch && ch <= '9') {
            int digits = 0;
            while ('0' <= ch && ch <= '9') {
                *prec = *prec * 10 + static_cast<int>(ch - '0');
                if (!nextc()) return 0;
                if (++digits >= MAXDIGITS) return 0;
            }
        }
    }
    *spec = static_cast<int>(ch);
    *ppos = pos;
    return 1;
}

// `%-5.2s` -> FormattedValue(arg, 's', '5.2'); nullptr when unsupported.
expr_ty parse_format(Object* fmt, Py_ssize_t* ppos, expr_ty arg, PyArena* arena)
{
    int spec = 0, flags = 0, width = -1, prec = -1;
    if (!simple_format_arg_parse(fmt, ppos, &spec, &flags, &width, &prec)) return nullptr;
    if (spec != 's' && spec != 'r' && spec != 'a') return nullptr;
    char buf[1 + MAXDIGITS + 1 + MAXDIGITS + 1];
    char* p = buf;
    if (!(flags & F_LJUST) && width > 0) *p++ = '>';
    if (width >= 0) p += std::snprintf(p, MAXDIGITS + 1, "%d", width);
    if (prec >= 0) p += std::snprintf(p, MAXDIGITS + 2, ".%d", prec);
    expr_ty format_spec = nullptr;
    if (p != buf) {
        format_spec = new_str_constant(runtime::unicode_from_utf8(std::string_view(buf, static_cast<std::size_t>(p - buf))), arena);
        if (format_spec == nullptr) return nullptr;
    }
    return FormattedValue(arg, spec, format_spec, arg->lineno, arg->col_offset, arg->end_lineno, arg->end_col_offset,
                          arena);
}

int optimize_format(expr_ty node, Object* fmt, asdl_expr_seq* elts, PyArena* arena)
{
    Py_ssize_t pos = 0;
    int cnt = 0;
    int n = asdl_seq_LEN(elts);
    asdl_expr_seq* seq = asdl_expr_seq::make(n * 2 + 1, arena);
    if (seq == nullptr) return runtime::error_no_memory(), 0;
    seq->size = 0;
    for (;;) {
        expr_ty lit = parse_literal(fmt, &pos, arena);
        if (lit != nullptr) seq->elements[seq->size++] = lit;
        else if (runtime::error_occurred() != nullptr) return 0;
        if (pos >= runtime::unicode_length(fmt)) break;
        if (cnt >= n) return 1;  // more conversions than items: left to run time
        pos++;                   // the '%'
        expr_ty expr = parse_format(fmt, &pos, (*elts)[cnt], arena);
        cnt++;
        if (expr == nullptr) return runtime::error_occurred() == nullptr;
        seq->elements[seq->size++] = expr;
    }
    if (cnt < n) return 1;  // more items than conversions: a run-time TypeError
    expr_ty res = JoinedStr(seq, node->lineno, node->col_offset, node->end_lineno, node->end_col_offset, arena);
    if (res == nullptr) return runtime::error_no_memory(), 0;
    copy_node(node, res);
    return 1;
}

int fold_binop(expr_ty node, PyArena* arena)
{
    expr_ty lhs = node->v.BinOp.left;
    expr_ty rhs = node->v.BinOp.right;
    if (lhs->kind != Constant_kind) return 1;
    Object* lv = lhs->v.Constant.value;
    if (node->v.BinOp.op == Mod && rhs->kind == Tuple_kind && runtime::unicode_check(lv) &&
        !has_starred(rhs->v.Tuple.elts)) {
        return optimize_format(node, lv, rhs->v.Tuple.elts, arena);
    }
    if (rhs->kind != Constant_kind) return 1;
    Object* rv = rhs->v.Constant.value;
    Ref<> newval;
    switch (node->v.BinOp.op) {
    case Add: newval = runtime::number_add(lv, rv); break;
    case Sub: newval = runtime::number_subtract(lv, rv); break;
    case Mult: newval = safe_multiply(lv, rv); break;
    case Div: newval = runtime::number_true_divide(lv, rv); break;
    case FloorDiv: newval = runtime::number_floor_divide(lv, rv); break;
    case Mod: newval = safe_mod(lv, rv); break;
    case Pow: newval = safe_power(lv, rv); break;
    case LShift: newval = safe_lshift(lv, rv); break;
    case RShift: newval = runtime::number_rshift(lv, rv); break;
    case BitOr: newval = runtime::number_or(lv, rv); break;
    case BitXor: newval = runtime::number_xor(lv, rv); break;
    case BitAnd: newval = runtime::number_and(lv, rv); break;
    case MatMult: return 1;  // no constant type implements @
    }
    return make_const(node, std::move(newval), arena);
}

// A tuple of the elements' values when all are Constants, else nullptr
// (no error set).
Ref<> make_const_tuple(const asdl_expr_seq* elts)
{
    int n = asdl_seq_LEN(elts);
    for (int i = 0; i < n; ++i) {
        if ((*elts)[i]->kind != Constant_kind) return nullptr;
    }
    Ref<> t = runtime::tuple_new(n);
    if (!t) return nullptr;
    for (int i = 0; i < n; ++i) {
        Object* v = (*elts)[i]->v.Constant.value;
        runtime::incref(v);
        runtime::tuple_set_item(t.get(), i, v);
    }
    return t;
}

int fold_tuple(expr_ty node, PyArena* arena)
{
    if (node->v.Tuple.ctx != Load) return 1;
    return make_const(node, make_const_tuple(node->v.Tuple.elts), arena);
}

int fold_subscr(expr_ty node, PyArena* arena)
{
    expr_ty arg = node->v.Subscript.value;
    expr_ty idx = node->v.Subscript.slice;
    if (node->v.Subscript.ctx != Load || arg->kind != Constant_kind || idx->kind != Constant_kind) return 1;
    return make_const(node, runtime::object_get_item(arg->v.Constant.value, idx->v.Constant.value), arena);
}

// The iterable of `in`, `not in`, `for` and comprehensions: a list display
// becomes a tuple (a constant one when it can), a set display of constants
// a frozenset constant.
int fold_iter(expr_ty arg, PyArena* arena)
{
    Ref<> newval;
    if (arg->kind == List_kind) {
        asdl_expr_seq* elts = arg->v.List.elts;
        if (has_starred(elts)) return 1;
        expr_context_ty ctx = arg->v.List.ctx;
        arg->kind = Tuple_kind;
        arg->v.Tuple.elts = elts;
        arg->v.Tuple.ctx = ctx;
        newval = make_const_tuple(elts);
    } else if (arg->kind == Set_kind) {
        newval = make_const_tuple(arg->v.Set.elts);
        if (newval) newval = runtime::frozenset_new(newval.get());
    } else {
        return 1;
    }
    return make_const(arg, std::move(newval), arena);
}

int fold_compare(expr_ty node, PyArena* arena)
{
    asdl_cmpop_seq* ops = node->v.Compare.ops;
    asdl_expr_seq* args = node->v.Compare.comparators;
    int i = asdl_seq_LEN(ops) - 1;
    cmpop_ty op = (*ops)[i];
    if (op == In || op == NotIn) return fold_iter((*args)[i], arena);
    return 1;
}

// -- The walk ------------------------------------------------------------------------

class Folder {
public:
    Folder(PyArena* arena, AstOptimizeState* state) : arena_(arena), state_(state) {}

    int mod(mod_ty node);

private:
    int stmt(stmt_ty node);
    int expr(expr_ty node);
    int pattern(pattern_ty node);
    int body(asdl_stmt_seq* stmts);
    int arguments(arguments_ty node);
    int arg(arg_ty node);
    int comprehension(comprehension_ty node);
    int excepthandler(excepthandler_ty node);
    int match_case(match_case_ty node);

    int opt(expr_ty node) { return node == nullptr || expr(node); }
    template <class T, class F>
    int seq(asdl_seq<T>* s, F f)
    {
        for (int i = 0; i < asdl_seq_LEN(s); ++i) {
            T e = (*s)[i];
            if (e != nullptr && !(this->*f)(e)) return 0;
        }
        return 1;
    }
    int exprs(asdl_expr_seq* s) { return seq(s, &Folder::expr); }
    int stmts(asdl_stmt_seq* s) { return seq(s, &Folder::stmt); }
    int keywords(asdl_keyword_seq* s)
    {
        for (int i = 0; i < asdl_seq_LEN(s); ++i) {
            if (!expr((*s)[i]->value)) return 0;
        }
        return 1;
    }
    int withitems(asdl_withitem_seq* s)
    {
        for (int i = 0; i < asdl_seq_LEN(s); ++i) {
            if (!expr((*s)[i]->context_expr) || !opt((*s)[i]->optional_vars)) return 0;
        }
        return 1;
    }
    bool future_annotations() const { return (state_->ff_features & CO_FUTURE_ANNOTATIONS) != 0; }
    int enter()
    {
        if (++state_->recursion_depth > state_->recursion_limit) {
            runtime::set_error(runtime::Exc_RecursionError, "maximum recursion depth exceeded during compilation");
            return 0;
        }
        return 1;
    }
    int leave()
    {
        state_->recursion_depth--;
        return 1;
    }

    PyArena* arena_;
    AstOptimizeState* state_;
};

// The docstring of a body: its first statement when that is a str constant.
bool is_docstring(const asdl_stmt_seq* stmts)
{
    if (asdl_seq_LEN(stmts) == 0) return false;
    stmt_ty st = (*stmts)[0];
    return st->kind == Expr_kind && st->v.Expr.value->kind == Constant_kind &&
           runtime::unicode_check_exact(st->v.Expr.value->v.Constant.value);
}

int Folder::mod(mod_ty node)
{
    switch (node->kind) {
    case Module_kind: return body(node->v.Module.body);
    case Interactive_kind: return stmts(node->v.Interactive.body);
    case Expression_kind: return expr(node->v.Expression.body);
    case FunctionType_kind: return 1;
    }
    return 1;
}

// A folded expression must not become a docstring (`'a' + 'b'` as the first
// statement is no docstring): it is wrapped in a JoinedStr.
int Folder::body(asdl_stmt_seq* s)
{
    bool docstring = is_docstring(s);
    if (!stmts(s)) return 0;
    if (!docstring && is_docstring(s)) {
        stmt_ty st = (*s)[0];
        asdl_expr_seq* values = asdl_expr_seq::make(1, arena_);
        if (values == nullptr) return runtime::error_no_memory(), 0;
        (*values)[0] = st->v.Expr.value;
        expr_ty e = JoinedStr(values, st->lineno, st->col_offset, st->end_lineno, st->end_col_offset, arena_);
        if (e == nullptr) return runtime::error_no_memory(), 0;
        st->v.Expr.value = e;
    }
    return 1;
}

int Folder::expr(expr_ty node)
{
    if (!enter()) return 0;
    int ok = 1;
    switch (node->kind) {
    case BoolOp_kind: ok = exprs(node->v.BoolOp.values); break;
    case BinOp_kind:
        ok = expr(node->v.BinOp.left) && expr(node->v.BinOp.right) && fold_binop(node, arena_);
        break;
    case UnaryOp_kind: ok = expr(node->v.UnaryOp.operand) && fold_unaryop(node, arena_); break;
    case Lambda_kind: ok = arguments(node->v.Lambda.args) && expr(node->v.Lambda.body); break;
    case IfExp_kind:
        ok = expr(node->v.IfExp.test) && expr(node->v.IfExp.body) && expr(node->v.IfExp.orelse);
        break;
    case Dict_kind: ok = exprs(node->v.Dict.keys) && exprs(node->v.Dict.values); break;
    case Set_kind: ok = exprs(node->v.Set.elts); break;
    case ListComp_kind:
        ok = expr(node->v.ListComp.elt) && seq(node->v.ListComp.generators, &Folder::comprehension);
        break;
    case SetComp_kind:
        ok = expr(node->v.SetComp.elt) && seq(node->v.SetComp.generators, &Folder::comprehension);
        break;
    case DictComp_kind:
        ok = expr(node->v.DictComp.key) && expr(node->v.DictComp.value) &&
             seq(node->v.DictComp.generators, &Folder::comprehension);
        break;
    case GeneratorExp_kind:
        ok = expr(node->v.GeneratorExp.elt) && seq(node->v.GeneratorExp.generators, &Folder::comprehension);
        break;
    case Await_kind: ok = expr(node->v.Await.value); break;
    case Yield_kind: ok = opt(node->v.Yield.value); break;
    case YieldFrom_kind: ok = expr(node->v.YieldFrom.value); break;
    case Compare_kind:
        ok = expr(node->v.Compare.left) && exprs(node->v.Compare.comparators) && fold_compare(node, arena_);
        break;
    case Call_kind:
        ok = expr(node->v.Call.func) && exprs(node->v.Call.args) && keywords(node->v.Call.keywords);
        break;
    case FormattedValue_kind: ok = expr(node->v.FormattedValue.value) && opt(node->v.FormattedValue.format_spec); break;
    case JoinedStr_kind: ok = exprs(node->v.JoinedStr.values); break;
    case Attribute_kind: ok = expr(node->v.Attribute.value); break;
    case Subscript_kind:
        ok = expr(node->v.Subscript.value) && expr(node->v.Subscript.slice) && fold_subscr(node, arena_);
        break;
    case Starred_kind: ok = expr(node->v.Starred.value); break;
    case Slice_kind: ok = opt(node->v.Slice.lower) && opt(node->v.Slice.upper) && opt(node->v.Slice.step); break;
    case List_kind: ok = exprs(node->v.List.elts); break;
    case Tuple_kind: ok = exprs(node->v.Tuple.elts) && fold_tuple(node, arena_); break;
    case Name_kind:
        if (node->v.Name.ctx == Load && node->v.Name.id == "__debug__") {
            ok = make_const(node, runtime::bool_from_long(state_->optimize == 0), arena_);
        }
        break;
    case NamedExpr_kind: ok = expr(node->v.NamedExpr.value); break;
    case Constant_kind: break;
    }
    if (!ok) return 0;
    return leave();
}

int Folder::arg(arg_ty node)
{
    return future_annotations() || opt(node->annotation);
}

int Folder::arguments(arguments_ty node)
{
    return seq(node->posonlyargs, &Folder::arg) && seq(node->args, &Folder::arg) &&
           (node->vararg == nullptr || arg(node->vararg)) && seq(node->kwonlyargs, &Folder::arg) &&
           exprs(node->kw_defaults) && (node->kwarg == nullptr || arg(node->kwarg)) && exprs(node->defaults);
}

int Folder::comprehension(comprehension_ty node)
{
    return expr(node->target) && expr(node->iter) && exprs(node->ifs) && fold_iter(node->iter, arena_);
}

int Folder::excepthandler(excepthandler_ty node)
{
    return opt(node->v.ExceptHandler.type) && stmts(node->v.ExceptHandler.body);
}

int Folder::match_case(match_case_ty node)
{
    return pattern(node->pattern) && opt(node->guard) && stmts(node->body);
}

int Folder::stmt(stmt_ty node)
{
    if (!enter()) return 0;
    int ok = 1;
    switch (node->kind) {
    case FunctionDef_kind: {
        auto& f = node->v.FunctionDef;
        ok = arguments(f.args) && body(f.body) && exprs(f.decorator_list) &&
             (future_annotations() || opt(f.returns));
        break;
    }
    case AsyncFunctionDef_kind: {
        auto& f = node->v.AsyncFunctionDef;
        ok = arguments(f.args) && body(f.body) && exprs(f.decorator_list) &&
             (future_annotations() || opt(f.returns));
        break;
    }
    case ClassDef_kind: {
        auto& c = node->v.ClassDef;
        ok = exprs(c.bases) && keywords(c.keywords) && body(c.body) && exprs(c.decorator_list);
        break;
    }
    case Return_kind: ok = opt(node->v.Return.value); break;
    case Delete_kind: ok = exprs(node->v.Delete.targets); break;
    case Assign_kind: ok = exprs(node->v.Assign.targets) && expr(node->v.Assign.value); break;
    case AugAssign_kind: ok = expr(node->v.AugAssign.target) && expr(node->v.AugAssign.value); break;
    case AnnAssign_kind:
        ok = expr(node->v.AnnAssign.target) && (future_annotations() || expr(node->v.AnnAssign.annotation)) &&
             opt(node->v.AnnAssign.value);
        break;
    case For_kind:
        ok = expr(node->v.For.target) && expr(node->v.For.iter) && stmts(node->v.For.body) &&
             stmts(node->v.For.orelse) && fold_iter(node->v.For.iter, arena_);
        break;
    case AsyncFor_kind:
        ok = expr(node->v.AsyncFor.target) && expr(node->v.AsyncFor.iter) && stmts(node->v.AsyncFor.body) &&
             stmts(node->v.AsyncFor.orelse);
        break;
    case While_kind:
        ok = expr(node->v.While.test) && stmts(node->v.While.body) && stmts(node->v.While.orelse);
        break;
    case If_kind: ok = expr(node->v.If.test) && stmts(node->v.If.body) && stmts(node->v.If.orelse); break;
    case With_kind: ok = withitems(node->v.With.items) && stmts(node->v.With.body); break;
    case AsyncWith_kind: ok = withitems(node->v.AsyncWith.items) && stmts(node->v.AsyncWith.body); break;
    case Raise_kind: ok = opt(node->v.Raise.exc) && opt(node->v.Raise.cause); break;
    case Match_kind:
        ok = expr(node->v.Match.subject) && seq(node->v.Match.cases, &Folder::match_case);
        break;
    case Try_kind:
        ok = stmts(node->v.Try.body) && seq(node->v.Try.handlers, &Folder::excepthandler) &&
             stmts(node->v.Try.orelse) && stmts(node->v.Try.finalbody);
        break;
    case TryStar_kind:
        ok = stmts(node->v.TryStar.body) && seq(node->v.TryStar.handlers, &Folder::excepthandler) &&
             stmts(node->v.TryStar.orelse) && stmts(node->v.TryStar.finalbody);
        break;
    case Assert_kind: ok = expr(node->v.Assert.test) && opt(node->v.Assert.msg); break;
    case Expr_kind: ok = expr(node->v.Expr.value); break;
    case Import_kind:
    case ImportFrom_kind:
    case Global_kind:
    case Nonlocal_kind:
    case Pass_kind:
    case Break_kind:
    case Continue_kind: break;  // nothing to fold inside
    }
    if (!ok) return 0;
    return leave();
}

int Folder::pattern(pattern_ty node)
{
    if (!enter()) return 0;
    int ok = 1;
    switch (node->kind) {
    case MatchValue_kind: ok = expr(node->v.MatchValue.value); break;
    case MatchSingleton_kind: break;
    case MatchSequence_kind: ok = seq(node->v.MatchSequence.patterns, &Folder::pattern); break;
    case MatchMapping_kind:
        ok = exprs(node->v.MatchMapping.keys) && seq(node->v.MatchMapping.patterns, &Folder::pattern);
        break;
    case MatchClass_kind:
        ok = expr(node->v.MatchClass.cls) && seq(node->v.MatchClass.patterns, &Folder::pattern) &&
             seq(node->v.MatchClass.kwd_patterns, &Folder::pattern);
        break;
    case MatchStar_kind: break;
    case MatchAs_kind: ok = node->v.MatchAs.pattern == nullptr || pattern(node->v.MatchAs.pattern); break;
    case MatchOr_kind: ok = seq(node->v.MatchOr.patterns, &Folder::pattern); break;
    }
    if (!ok) return 0;
    return leave();
}

}  // namespace

int ast_optimize(mod_ty mod, PyArena* arena, int optimize, int ff_features)
{
    runtime::ThreadState* ts = runtime::thread_state_get();
    if (ts == nullptr) ts = runtime::initialize();
    AstOptimizeState state;
    state.optimize = optimize;
    state.ff_features = ff_features;
    // The depth of the running Python code counts against the budget too.
    int depth = ts->recursion_limit - ts->recursion_remaining;
    int starting_depth = depth < INT_MAX / COMPILER_STACK_FRAME_SCALE ? depth * COMPILER_STACK_FRAME_SCALE : depth;
    int limit = ts->recursion_limit;
    state.recursion_depth = starting_depth;
    state.recursion_limit = limit < INT_MAX / COMPILER_STACK_FRAME_SCALE ? limit * COMPILER_STACK_FRAME_SCALE : limit;
    int ret = Folder(arena, &state).mod(mod);
    if (ret && state.recursion_depth != starting_depth) {
        runtime::format_error(runtime::Exc_SystemError,
                              "AST optimizer recursion depth mismatch (before=%d, after=%d)", starting_depth,
                              state.recursion_depth);
        return 0;
    }
    return ret;
}

}  // namespace minipy::compiler
