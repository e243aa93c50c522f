// ast_unparse.cpp: expressions back to source text, for the annotations of
// `from __future__ import annotations`. Mirrors CPython 3.11
// Python/ast_unparse.c. Book ch. 7.
//
// Each expression is written at a precedence level, the level of the slot it
// sits in: an operator whose own precedence is lower than the slot's gets
// parentheses, nothing else does (`(a + b) * c`, but `a + b * c`). Binary
// operators pass pr + 1 to the side that must bind tighter (the right side,
// except for the right-associative **). Constants print as repr() does, with
// one twist: an infinite float or any complex writes inf as 1e309, a literal
// that reads back as inf. F-strings are rebuilt from their JoinedStr:
// literal text with its braces doubled, each FormattedValue as
// {expr!conv:spec}, and the whole body quoted by repr() after an `f`.
// The quirks of 3.11 are kept (`lambda*a: 0`, a space after `{` when the
// expression starts with a brace) since the strings must be the same.
#include "minipy/compiler/ast_unparse.h"

#include <cfloat>
#include <cmath>
#include <string>

#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::compiler {

using namespace minipy::ast;
using runtime::Object;
using runtime::Py_ssize_t;
using runtime::Ref;
using runtime::UnicodeWriter;

namespace {

// Precedence levels, lowest first (ast_unparse.c's PR_*).
enum Precedence {
    PR_TUPLE,
    PR_TEST,  // 'if'-'else', 'lambda'
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,   // comparisons, 'in', 'is'
    PR_EXPR,
    PR_BOR = PR_EXPR,
    PR_BXOR,
    PR_BAND,
    PR_SHIFT,
    PR_ARITH,   // binary + -
    PR_TERM,    // * @ / % //
    PR_FACTOR,  // unary + - ~
    PR_POWER,
    PR_AWAIT,
    PR_ATOM,
};

class Unparser {
public:
    explicit Unparser(UnicodeWriter& w) : w_(w) {}

    bool expr(expr_ty e, int level);

private:
    void str(const char* s) { w_.write_ascii(s); }
    void str_if(bool cond, const char* s)
    {
        if (cond) w_.write_ascii(s);
    }
    bool repr(Object* obj);
    bool boolop(expr_ty e, int level);
    bool binop(expr_ty e, int level);
    bool unaryop(expr_ty e, int level);
    bool arg(arg_ty a);
    bool args(arguments_ty a);
    bool lambda(expr_ty e, int level);
    bool ifexp(expr_ty e, int level);
    bool dict(expr_ty e);
    bool set(expr_ty e);
    bool list(expr_ty e);
    bool tuple(expr_ty e, int level);
    bool comprehension(comprehension_ty gen);
    bool comprehensions(const asdl_comprehension_seq* gens);
    bool compare(expr_ty e, int level);
    bool keyword(keyword_ty kw);
    bool call(expr_ty e);
    bool fstring_unicode(Object* text);
    bool fstring_element(expr_ty e, bool is_format_spec);
    bool joinedstr(expr_ty e, bool is_format_spec);
    bool formattedvalue(expr_ty e);
    bool attribute(expr_ty e);
    bool slice(expr_ty e);
    bool subscript(expr_ty e);

    UnicodeWriter& w_;
};

// The text of an expression at a level, as a str (expr_as_unicode).
Ref<> expr_as_unicode(expr_ty e, int level)
{
    UnicodeWriter w;
    if (!Unparser(w).expr(e, level)) return nullptr;
    return w.finish();
}

// Writes s with every occurrence of `from` (ASCII) replaced by `to`.
void write_replacing(UnicodeWriter& w, Object* s, const char* from, const char* to)
{
    Py_ssize_t n = runtime::unicode_length(s);
    std::size_t flen = std::char_traits<char>::length(from);
    for (Py_ssize_t i = 0; i < n;) {
        bool match = i + static_cast<Py_ssize_t>(flen) <= n;
        for (std::size_t k = 0; match && k < flen; ++k) {
            match = runtime::unicode_read_char(s, i + static_cast<Py_ssize_t>(k)) ==
                    static_cast<runtime::Py_UCS4>(from[k]);
        }
        if (match) {
            w.write_ascii(to);
            i += static_cast<Py_ssize_t>(flen);
        } else {
            w.write_char(runtime::unicode_read_char(s, i));
            ++i;
        }
    }
}

bool Unparser::repr(Object* obj)
{
    Ref<> text = runtime::object_repr(obj);
    if (!text) return false;
    bool inf_float = runtime::float_check_exact(obj) && std::isinf(runtime::float_value(obj));
    if (inf_float || runtime::complex_check(obj)) {
        // "1e" + str(1 + DBL_MAX_10_EXP): a literal that overflows to inf.
        std::string replacement = "1e" + std::to_string(1 + DBL_MAX_10_EXP);
        write_replacing(w_, text.get(), "inf", replacement.c_str());
        return true;
    }
    w_.write_str(text.get());
    return true;
}

bool Unparser::boolop(expr_ty e, int level)
{
    const char* op = e->v.BoolOp.op == And ? " and " : " or ";
    int pr = e->v.BoolOp.op == And ? PR_AND : PR_OR;
    str_if(level > pr, "(");
    const asdl_expr_seq* values = e->v.BoolOp.values;
    for (int i = 0; i < asdl_seq_LEN(values); ++i) {
        str_if(i > 0, op);
        if (!expr((*values)[i], pr + 1)) return false;
    }
    str_if(level > pr, ")");
    return true;
}

bool Unparser::binop(expr_ty e, int level)
{
    const char* op = "";
    int pr = PR_ATOM;
    bool rassoc = false;
    switch (e->v.BinOp.op) {
    case Add: op = " + "; pr = PR_ARITH; break;
    case Sub: op = " - "; pr = PR_ARITH; break;
    case Mult: op = " * "; pr = PR_TERM; break;
    case MatMult: op = " @ "; pr = PR_TERM; break;
    case Div: op = " / "; pr = PR_TERM; break;
    case Mod: op = " % "; pr = PR_TERM; break;
    case LShift: op = " << "; pr = PR_SHIFT; break;
    case RShift: op = " >> "; pr = PR_SHIFT; break;
    case BitOr: op = " | "; pr = PR_BOR; break;
    case BitXor: op = " ^ "; pr = PR_BXOR; break;
    case BitAnd: op = " & "; pr = PR_BAND; break;
    case FloorDiv: op = " // "; pr = PR_TERM; break;
    case Pow: op = " ** "; pr = PR_POWER; rassoc = true; break;
    }
    str_if(level > pr, "(");
    if (!expr(e->v.BinOp.left, pr + (rassoc ? 1 : 0))) return false;
    str(op);
    if (!expr(e->v.BinOp.right, pr + (rassoc ? 0 : 1))) return false;
    str_if(level > pr, ")");
    return true;
}

bool Unparser::unaryop(expr_ty e, int level)
{
    const char* op = "";
    int pr = PR_FACTOR;
    switch (e->v.UnaryOp.op) {
    case Invert: op = "~"; break;
    case Not: op = "not "; pr = PR_NOT; break;
    case UAdd: op = "+"; break;
    case USub: op = "-"; break;
    }
    str_if(level > pr, "(");
    str(op);
    if (!expr(e->v.UnaryOp.operand, pr)) return false;
    str_if(level > pr, ")");
    return true;
}

bool Unparser::arg(arg_ty a)
{
    w_.write_utf8(a->arg);
    if (a->annotation != nullptr) {
        str(": ");
        if (!expr(a->annotation, PR_TEST)) return false;
    }
    return true;
}

bool Unparser::args(arguments_ty a)
{
    bool first = true;
    auto separator = [&]() {
        if (first) first = false;
        else str(", ");
    };
    int posonly = asdl_seq_LEN(a->posonlyargs);
    int nargs = asdl_seq_LEN(a->args);
    int ndefaults = asdl_seq_LEN(a->defaults);
    for (int i = 0; i < posonly + nargs; ++i) {
        separator();
        if (!arg(i < posonly ? (*a->posonlyargs)[i] : (*a->args)[i - posonly])) return false;
        int di = i - posonly - nargs + ndefaults;
        if (di >= 0) {
            str("=");
            if (!expr((*a->defaults)[di], PR_TEST)) return false;
        }
        if (posonly != 0 && i + 1 == posonly) str(", /");
    }
    // *args, or a bare * before keyword-only parameters
    if (a->vararg != nullptr || asdl_seq_LEN(a->kwonlyargs) != 0) {
        separator();
        str("*");
        if (a->vararg != nullptr && !arg(a->vararg)) return false;
    }
    int nkwonly = asdl_seq_LEN(a->kwonlyargs);
    int nkwdefaults = asdl_seq_LEN(a->kw_defaults);
    for (int i = 0; i < nkwonly; ++i) {
        separator();
        if (!arg((*a->kwonlyargs)[i])) return false;
        int di = i - nkwonly + nkwdefaults;
        if (di >= 0 && (*a->kw_defaults)[di] != nullptr) {
            str("=");
            if (!expr((*a->kw_defaults)[di], PR_TEST)) return false;
        }
    }
    if (a->kwarg != nullptr) {
        separator();
        str("**");
        if (!arg(a->kwarg)) return false;
    }
    return true;
}

bool Unparser::lambda(expr_ty e, int level)
{
    str_if(level > PR_TEST, "(");
    int positional = asdl_seq_LEN(e->v.Lambda.args->args) + asdl_seq_LEN(e->v.Lambda.args->posonlyargs);
    // 3.11 writes no space when there is no positional parameter: `lambda*a: 0`.
    str(positional != 0 ? "lambda " : "lambda");
    if (!args(e->v.Lambda.args)) return false;
    str(": ");
    if (!expr(e->v.Lambda.body, PR_TEST)) return false;
    str_if(level > PR_TEST, ")");
    return true;
}

bool Unparser::ifexp(expr_ty e, int level)
{
    str_if(level > PR_TEST, "(");
    if (!expr(e->v.IfExp.body, PR_TEST + 1)) return false;
    str(" if ");
    if (!expr(e->v.IfExp.test, PR_TEST + 1)) return false;
    str(" else ");
    if (!expr(e->v.IfExp.orelse, PR_TEST)) return false;
    str_if(level > PR_TEST, ")");
    return true;
}

bool Unparser::dict(expr_ty e)
{
    str("{");
    for (int i = 0; i < asdl_seq_LEN(e->v.Dict.values); ++i) {
        str_if(i > 0, ", ");
        expr_ty key = (*e->v.Dict.keys)[i];
        if (key != nullptr) {
            if (!expr(key, PR_TEST)) return false;
            str(": ");
            if (!expr((*e->v.Dict.values)[i], PR_TEST)) return false;
        } else {
            str("**");
            if (!expr((*e->v.Dict.values)[i], PR_EXPR)) return false;
        }
    }
    str("}");
    return true;
}

bool Unparser::set(expr_ty e)
{
    int n = asdl_seq_LEN(e->v.Set.elts);
    if (n == 0) {
        str("{*()}");  // an empty set display does not exist
        return true;
    }
    str("{");
    for (int i = 0; i < n; ++i) {
        str_if(i > 0, ", ");
        if (!expr((*e->v.Set.elts)[i], PR_TEST)) return false;
    }
    str("}");
    return true;
}

bool Unparser::list(expr_ty e)
{
    str("[");
    for (int i = 0; i < asdl_seq_LEN(e->v.List.elts); ++i) {
        str_if(i > 0, ", ");
        if (!expr((*e->v.List.elts)[i], PR_TEST)) return false;
    }
    str("]");
    return true;
}

bool Unparser::tuple(expr_ty e, int level)
{
    int n = asdl_seq_LEN(e->v.Tuple.elts);
    if (n == 0) {
        str("()");
        return true;
    }
    str_if(level > PR_TUPLE, "(");
    for (int i = 0; i < n; ++i) {
        str_if(i > 0, ", ");
        if (!expr((*e->v.Tuple.elts)[i], PR_TEST)) return false;
    }
    str_if(n == 1, ",");
    str_if(level > PR_TUPLE, ")");
    return true;
}

bool Unparser::comprehension(comprehension_ty gen)
{
    str(gen->is_async ? " async for " : " for ");
    if (!expr(gen->target, PR_TUPLE)) return false;
    str(" in ");
    if (!expr(gen->iter, PR_TEST + 1)) return false;
    for (int i = 0; i < asdl_seq_LEN(gen->ifs); ++i) {
        str(" if ");
        if (!expr((*gen->ifs)[i], PR_TEST + 1)) return false;
    }
    return true;
}

bool Unparser::comprehensions(const asdl_comprehension_seq* gens)
{
    for (int i = 0; i < asdl_seq_LEN(gens); ++i) {
        if (!comprehension((*gens)[i])) return false;
    }
    return true;
}

bool Unparser::compare(expr_ty e, int level)
{
    str_if(level > PR_CMP, "(");
    if (!expr(e->v.Compare.left, PR_CMP + 1)) return false;
    for (int i = 0; i < asdl_seq_LEN(e->v.Compare.comparators); ++i) {
        const char* op = "";
        switch ((*e->v.Compare.ops)[i]) {
        case Eq: op = " == "; break;
        case NotEq: op = " != "; break;
        case Lt: op = " < "; break;
        case LtE: op = " <= "; break;
        case Gt: op = " > "; break;
        case GtE: op = " >= "; break;
        case Is: op = " is "; break;
        case IsNot: op = " is not "; break;
        case In: op = " in "; break;
        case NotIn: op = " not in "; break;
        default:
            // An operator added to the grammar (the parser chapter's `~=`
            // exercise) that the compiler does not know yet.
            runtime::set_error(runtime::Exc_SystemError, "unknown comparison operator");
            return false;
        }
        str(op);
        if (!expr((*e->v.Compare.comparators)[i], PR_CMP + 1)) return false;
    }
    str_if(level > PR_CMP, ")");
    return true;
}

bool Unparser::keyword(keyword_ty kw)
{
    if (kw->arg.data() == nullptr) {
        str("**");
    } else {
        w_.write_utf8(kw->arg);
        str("=");
    }
    return expr(kw->value, PR_TEST);
}

bool Unparser::call(expr_ty e)
{
    if (!expr(e->v.Call.func, PR_ATOM)) return false;
    int nargs = asdl_seq_LEN(e->v.Call.args);
    int nkw = asdl_seq_LEN(e->v.Call.keywords);
    if (nargs == 1 && nkw == 0 && (*e->v.Call.args)[0]->kind == GeneratorExp_kind) {
        return expr((*e->v.Call.args)[0], PR_TEST);  // f(x for x in y): the genexp's parentheses
    }
    str("(");
    bool first = true;
    for (int i = 0; i < nargs; ++i) {
        str_if(!first, ", ");
        first = false;
        if (!expr((*e->v.Call.args)[i], PR_TEST)) return false;
    }
    for (int i = 0; i < nkw; ++i) {
        str_if(!first, ", ");
        first = false;
        if (!keyword((*e->v.Call.keywords)[i])) return false;
    }
    str(")");
    return true;
}

// Literal text of an f-string: braces doubled.
bool Unparser::fstring_unicode(Object* text)
{
    Py_ssize_t n = runtime::unicode_length(text);
    for (Py_ssize_t i = 0; i < n; ++i) {
        runtime::Py_UCS4 ch = runtime::unicode_read_char(text, i);
        w_.write_char(ch);
        if (ch == '{' || ch == '}') w_.write_char(ch);
    }
    return true;
}

bool Unparser::fstring_element(expr_ty e, bool is_format_spec)
{
    switch (e->kind) {
    case Constant_kind: return fstring_unicode(e->v.Constant.value);
    case JoinedStr_kind: return joinedstr(e, is_format_spec);
    case FormattedValue_kind: return formattedvalue(e);
    default:
        runtime::set_error(runtime::Exc_SystemError, "unknown expression kind inside f-string");
        return false;
    }
}

// f'...': the body is built apart, then quoted by repr() (a format spec is
// written unquoted inside its parent's braces).
bool Unparser::joinedstr(expr_ty e, bool is_format_spec)
{
    UnicodeWriter body;
    Unparser inner(body);
    for (int i = 0; i < asdl_seq_LEN(e->v.JoinedStr.values); ++i) {
        if (!inner.fstring_element((*e->v.JoinedStr.values)[i], is_format_spec)) return false;
    }
    Ref<> text = body.finish();
    if (!text) return false;
    if (is_format_spec) {
        w_.write_str(text.get());
        return true;
    }
    str("f");
    return repr(text.get());
}

bool Unparser::formattedvalue(expr_ty e)
{
    // PR_TEST + 1: a lambda or conditional expression gets parentheses, its
    // ':' would otherwise start the format spec.
    Ref<> value = expr_as_unicode(e->v.FormattedValue.value, PR_TEST + 1);
    if (!value) return false;
    bool starts_with_brace = runtime::unicode_length(value.get()) > 0 && runtime::unicode_read_char(value.get(), 0) == '{';
    str(starts_with_brace ? "{ " : "{");
    w_.write_str(value.get());
    switch (e->v.FormattedValue.conversion) {
    case -1: break;
    case 'a': str("!a"); break;
    case 'r': str("!r"); break;
    case 's': str("!s"); break;
    default:
        runtime::set_error(runtime::Exc_SystemError, "unknown f-value conversion kind");
        return false;
    }
    if (e->v.FormattedValue.format_spec != nullptr) {
        str(":");
        if (!fstring_element(e->v.FormattedValue.format_spec, true)) return false;
    }
    str("}");
    return true;
}

bool Unparser::attribute(expr_ty e)
{
    expr_ty v = e->v.Attribute.value;
    if (!expr(v, PR_ATOM)) return false;
    // `1 .real`: an int needs a space, `1.real` would read as a float.
    bool int_constant = v->kind == Constant_kind && runtime::long_check_exact(v->v.Constant.value);
    str(int_constant ? " ." : ".");
    w_.write_utf8(e->v.Attribute.attr);
    return true;
}

bool Unparser::slice(expr_ty e)
{
    if (e->v.Slice.lower != nullptr && !expr(e->v.Slice.lower, PR_TEST)) return false;
    str(":");
    if (e->v.Slice.upper != nullptr && !expr(e->v.Slice.upper, PR_TEST)) return false;
    if (e->v.Slice.step != nullptr) {
        str(":");
        if (!expr(e->v.Slice.step, PR_TEST)) return false;
    }
    return true;
}

bool Unparser::subscript(expr_ty e)
{
    if (!expr(e->v.Subscript.value, PR_ATOM)) return false;
    str("[");
    if (!expr(e->v.Subscript.slice, PR_TUPLE)) return false;
    str("]");
    return true;
}

bool Unparser::expr(expr_ty e, int level)
{
    switch (e->kind) {
    case BoolOp_kind: return boolop(e, level);
    case BinOp_kind: return binop(e, level);
    case UnaryOp_kind: return unaryop(e, level);
    case Lambda_kind: return lambda(e, level);
    case IfExp_kind: return ifexp(e, level);
    case Dict_kind: return dict(e);
    case Set_kind: return set(e);
    case GeneratorExp_kind:
        str("(");
        if (!expr(e->v.GeneratorExp.elt, PR_TEST) || !comprehensions(e->v.GeneratorExp.generators)) return false;
        str(")");
        return true;
    case ListComp_kind:
        str("[");
        if (!expr(e->v.ListComp.elt, PR_TEST) || !comprehensions(e->v.ListComp.generators)) return false;
        str("]");
        return true;
    case SetComp_kind:
        str("{");
        if (!expr(e->v.SetComp.elt, PR_TEST) || !comprehensions(e->v.SetComp.generators)) return false;
        str("}");
        return true;
    case DictComp_kind:
        str("{");
        if (!expr(e->v.DictComp.key, PR_TEST)) return false;
        str(": ");
        if (!expr(e->v.DictComp.value, PR_TEST) || !comprehensions(e->v.DictComp.generators)) return false;
        str("}");
        return true;
    case Yield_kind:
        if (e->v.Yield.value == nullptr) {
            str("(yield)");
            return true;
        }
        str("(yield ");
        if (!expr(e->v.Yield.value, PR_TEST)) return false;
        str(")");
        return true;
    case YieldFrom_kind:
        str("(yield from ");
        if (!expr(e->v.YieldFrom.value, PR_TEST)) return false;
        str(")");
        return true;
    case Await_kind:
        str_if(level > PR_AWAIT, "(");
        str("await ");
        if (!expr(e->v.Await.value, PR_ATOM)) return false;
        str_if(level > PR_AWAIT, ")");
        return true;
    case Compare_kind: return compare(e, level);
    case Call_kind: return call(e);
    case Constant_kind:
        if (e->v.Constant.value == runtime::Py_Ellipsis()) {
            str("...");
            return true;
        }
        if (e->v.Constant.kind.data() != nullptr) str("u");
        return repr(e->v.Constant.value);
    case JoinedStr_kind: return joinedstr(e, false);
    case FormattedValue_kind: return formattedvalue(e);
    case Attribute_kind: return attribute(e);
    case Subscript_kind: return subscript(e);
    case Starred_kind:
        str("*");
        return expr(e->v.Starred.value, PR_EXPR);
    case Slice_kind: return slice(e);
    case Name_kind: w_.write_utf8(e->v.Name.id); return true;
    case List_kind: return list(e);
    case Tuple_kind: return tuple(e, level);
    case NamedExpr_kind:
        str_if(level > PR_TUPLE, "(");
        if (!expr(e->v.NamedExpr.target, PR_ATOM)) return false;
        str(" := ");
        if (!expr(e->v.NamedExpr.value, PR_ATOM)) return false;
        str_if(level > PR_TUPLE, ")");
        return true;
    }
    runtime::set_error(runtime::Exc_SystemError, "unknown expression kind");
    return false;
}

}  // namespace

Ref<> ast_unparse_expr(expr_ty e)
{
    return expr_as_unicode(e, PR_TEST);
}

}  // namespace minipy::compiler
