// action_helpers.cpp: what the grammar's actions call. Mirrors CPython 3.11
// Parser/action_helpers.c (and the number parsing of Parser/pegen.c).
// Book ch. 6.
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/unicodeobject.h"
#include "pegen.h"

namespace minipy::parser {

PyArena* parser_arena(Parser* p)
{
    return p->arena;
}

namespace {

template <class T>
T* new_record(Parser* p)
{
    auto* r = static_cast<T*>(p->arena->alloc(sizeof(T)));
    if (r != nullptr) *r = T{};
    return r;
}

}  // namespace

// -- Sequences ----------------------------------------------------------------

asdl_stmt_seq* seq_flatten(Parser* p, asdl_seq<asdl_stmt_seq*>* seqs)
{
    int total = 0;
    for (asdl_stmt_seq* s : *seqs) total += asdl_seq_LEN(s);
    auto* out = asdl_stmt_seq::make(total, p->arena);
    if (out == nullptr) return nullptr;
    int k = 0;
    for (asdl_stmt_seq* s : *seqs) {
        for (int i = 0; i < asdl_seq_LEN(s); ++i) out->elements[k++] = (*s)[i];
    }
    return out;
}

int seq_count_dots(asdl_seq<Token*>* seq)
{
    int n = 0;
    for (int i = 0; i < asdl_seq_LEN(seq); ++i) {
        Token* t = (*seq)[i];
        n += t->type == lexer::ELLIPSIS ? 3 : 1;
    }
    return n;
}

asdl_identifier_seq* map_names_to_ids(Parser* p, asdl_expr_seq* seq)
{
    int n = asdl_seq_LEN(seq);
    auto* out = asdl_identifier_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    for (int i = 0; i < n; ++i) out->elements[i] = (*seq)[i]->v.Name.id;
    return out;
}

// -- Nodes ----------------------------------------------------------------------

mod_ty make_module(Parser* p, asdl_stmt_seq* a)
{
    asdl_type_ignore_seq* type_ignores = nullptr;
    int n = static_cast<int>(p->type_ignore_comments.size());
    if (n > 0) {
        type_ignores = asdl_type_ignore_seq::make(n, p->arena);
        if (type_ignores == nullptr) return nullptr;
        for (int i = 0; i < n; ++i) {
            const TypeIgnoreComment& c = p->type_ignore_comments[static_cast<std::size_t>(i)];
            type_ignore_ty ti = TypeIgnore(c.lineno, p->arena->copy(c.tag), p->arena);
            if (ti == nullptr) return nullptr;
            type_ignores->elements[i] = ti;
        }
    }
    return Module(a, type_ignores, p->arena);
}

asdl_stmt_seq* interactive_exit(Parser*)
{
    // CPython only records E_EOF here (the interactive loop's cue to stop);
    // the parse then fails like any other, with "invalid syntax".
    return nullptr;
}

namespace {

asdl_expr_seq* set_seq_context(Parser* p, asdl_expr_seq* seq, expr_context_ty ctx)
{
    int n = asdl_seq_LEN(seq);
    if (n == 0) return seq;
    auto* out = asdl_expr_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    for (int i = 0; i < n; ++i) out->elements[i] = set_expr_context(p, (*seq)[i], ctx);
    return out;
}

}  // namespace

// A copy of a target expression with its (and its elements') context set
// to Store or Del; other kinds of expressions are returned unchanged.
expr_ty set_expr_context(Parser* p, expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case Name_kind:
        return Name(e->v.Name.id, ctx, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, p->arena);
    case Tuple_kind:
        return Tuple(set_seq_context(p, e->v.Tuple.elts, ctx), ctx, e->lineno, e->col_offset, e->end_lineno,
                     e->end_col_offset, p->arena);
    case List_kind:
        return List(set_seq_context(p, e->v.List.elts, ctx), ctx, e->lineno, e->col_offset, e->end_lineno,
                    e->end_col_offset, p->arena);
    case Subscript_kind:
        return Subscript(e->v.Subscript.value, e->v.Subscript.slice, ctx, e->lineno, e->col_offset,
                         e->end_lineno, e->end_col_offset, p->arena);
    case Attribute_kind:
        return Attribute(e->v.Attribute.value, e->v.Attribute.attr, ctx, e->lineno, e->col_offset,
                         e->end_lineno, e->end_col_offset, p->arena);
    case Starred_kind:
        return Starred(set_expr_context(p, e->v.Starred.value, ctx), ctx, e->lineno, e->col_offset,
                       e->end_lineno, e->end_col_offset, p->arena);
    default:
        return e;
    }
}

string new_type_comment(Parser* p, Token* tc)
{
    if (tc == nullptr) return {};
    return p->arena->copy(tc->bytes);
}

arg_ty add_type_comment_to_arg(Parser* p, arg_ty a, Token* tc)
{
    if (tc == nullptr) return a;
    return arg(a->arg, a->annotation, new_type_comment(p, tc), a->lineno, a->col_offset, a->end_lineno,
               a->end_col_offset, p->arena);
}

AugOperator* augoperator(Parser* p, operator_ty kind)
{
    auto* a = new_record<AugOperator>(p);
    if (a != nullptr) a->kind = kind;
    return a;
}

alias_ty alias_for_star(Parser* p, int lineno, int col_offset, int end_lineno, int end_col_offset,
                        PyArena* arena)
{
    return alias(p->arena->copy("*"), {}, lineno, col_offset, end_lineno, end_col_offset, arena);
}

expr_ty join_names_with_dot(Parser* p, expr_ty first, expr_ty second)
{
    std::string joined(first->v.Name.id);
    joined += ".";
    joined += second->v.Name.id;
    return Name(p->arena->copy(joined), Load, first->lineno, first->col_offset, second->end_lineno,
                second->end_col_offset, p->arena);
}

stmt_ty function_def_decorators(Parser* p, asdl_expr_seq* decorators, stmt_ty f)
{
    if (f->kind == AsyncFunctionDef_kind) {
        auto& v = f->v.AsyncFunctionDef;
        return AsyncFunctionDef(v.name, v.args, v.body, decorators, v.returns, v.type_comment, f->lineno,
                                f->col_offset, f->end_lineno, f->end_col_offset, p->arena);
    }
    auto& v = f->v.FunctionDef;
    return FunctionDef(v.name, v.args, v.body, decorators, v.returns, v.type_comment, f->lineno, f->col_offset,
                       f->end_lineno, f->end_col_offset, p->arena);
}

stmt_ty class_def_decorators(Parser* p, asdl_expr_seq* decorators, stmt_ty c)
{
    auto& v = c->v.ClassDef;
    return ClassDef(v.name, v.bases, v.keywords, v.body, decorators, c->lineno, c->col_offset, c->end_lineno,
                    c->end_col_offset, p->arena);
}

// -- Parameters -----------------------------------------------------------------

NameDefaultPair* name_default_pair(Parser* p, arg_ty a, expr_ty value, Token* tc)
{
    auto* r = new_record<NameDefaultPair>(p);
    if (r == nullptr) return nullptr;
    r->arg = add_type_comment_to_arg(p, a, tc);
    r->value = value;
    return r;
}

SlashWithDefault* slash_with_default(Parser* p, asdl_arg_seq* plain_names,
                                     asdl_seq<NameDefaultPair*>* names_with_defaults)
{
    auto* r = new_record<SlashWithDefault>(p);
    if (r == nullptr) return nullptr;
    r->plain_names = plain_names;
    r->names_with_defaults = names_with_defaults;
    return r;
}

StarEtc* star_etc(Parser* p, arg_ty vararg, asdl_seq<NameDefaultPair*>* kwonlyargs, arg_ty kwarg)
{
    auto* r = new_record<StarEtc>(p);
    if (r == nullptr) return nullptr;
    r->vararg = vararg;
    r->kwonlyargs = kwonlyargs;
    r->kwarg = kwarg;
    return r;
}

namespace {

asdl_arg_seq* get_names(Parser* p, asdl_seq<NameDefaultPair*>* pairs)
{
    int n = asdl_seq_LEN(pairs);
    auto* out = asdl_arg_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    for (int i = 0; i < n; ++i) out->elements[i] = (*pairs)[i]->arg;
    return out;
}

asdl_expr_seq* get_defaults(Parser* p, asdl_seq<NameDefaultPair*>* pairs)
{
    int n = asdl_seq_LEN(pairs);
    auto* out = asdl_expr_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    for (int i = 0; i < n; ++i) out->elements[i] = (*pairs)[i]->value;
    return out;
}

}  // namespace

// The `arguments` node from the pieces the parameter rules matched, in the
// order CPython's _PyPegen_make_arguments assembles them.
arguments_ty make_arguments(Parser* p, asdl_arg_seq* slash_without_default, SlashWithDefault* slash_with,
                            asdl_arg_seq* plain_names, asdl_seq<NameDefaultPair*>* names_with_default,
                            StarEtc* star)
{
    asdl_arg_seq* posonlyargs;
    if (slash_without_default != nullptr) {
        posonlyargs = slash_without_default;
    } else if (slash_with != nullptr) {
        posonlyargs = join_sequences(p, slash_with->plain_names, get_names(p, slash_with->names_with_defaults));
    } else {
        posonlyargs = asdl_arg_seq::make(0, p->arena);
    }

    asdl_arg_seq* posargs;
    if (plain_names != nullptr && names_with_default != nullptr) {
        posargs = join_sequences(p, plain_names, get_names(p, names_with_default));
    } else if (names_with_default != nullptr) {
        posargs = get_names(p, names_with_default);
    } else if (plain_names != nullptr) {
        posargs = plain_names;
    } else {
        posargs = asdl_arg_seq::make(0, p->arena);
    }

    asdl_expr_seq* posdefaults;
    if (slash_with != nullptr && names_with_default != nullptr) {
        posdefaults = join_sequences(p, get_defaults(p, slash_with->names_with_defaults),
                                     get_defaults(p, names_with_default));
    } else if (names_with_default != nullptr) {
        posdefaults = get_defaults(p, names_with_default);
    } else if (slash_with != nullptr) {
        posdefaults = get_defaults(p, slash_with->names_with_defaults);
    } else {
        posdefaults = asdl_expr_seq::make(0, p->arena);
    }

    arg_ty vararg = star != nullptr ? star->vararg : nullptr;
    asdl_arg_seq* kwonlyargs = star != nullptr && star->kwonlyargs != nullptr
                                   ? get_names(p, star->kwonlyargs)
                                   : asdl_arg_seq::make(0, p->arena);
    asdl_expr_seq* kwdefaults = star != nullptr && star->kwonlyargs != nullptr
                                    ? get_defaults(p, star->kwonlyargs)
                                    : asdl_expr_seq::make(0, p->arena);
    arg_ty kwarg = star != nullptr ? star->kwarg : nullptr;
    return arguments(posonlyargs, posargs, vararg, kwonlyargs, kwdefaults, kwarg, posdefaults, p->arena);
}

arguments_ty empty_arguments(Parser* p)
{
    return arguments(nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, p->arena);
}

// -- Expressions ------------------------------------------------------------------

CmpopExprPair* cmpop_expr_pair(Parser* p, cmpop_ty cmpop, expr_ty expr)
{
    auto* r = new_record<CmpopExprPair>(p);
    if (r == nullptr) return nullptr;
    r->cmpop = cmpop;
    r->expr = expr;
    return r;
}

asdl_cmpop_seq* get_cmpops(Parser* p, asdl_seq<CmpopExprPair*>* seq)
{
    int n = asdl_seq_LEN(seq);
    auto* out = asdl_cmpop_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    for (int i = 0; i < n; ++i) out->elements[i] = (*seq)[i]->cmpop;
    return out;
}

asdl_expr_seq* get_exprs(Parser* p, asdl_seq<CmpopExprPair*>* seq)
{
    int n = asdl_seq_LEN(seq);
    auto* out = asdl_expr_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    for (int i = 0; i < n; ++i) out->elements[i] = (*seq)[i]->expr;
    return out;
}

// Non-zero when the NOTEQUAL token is not acceptable: without the
// barry_as_FLUFL future, only "!=" is (the tokenizer also makes "<>" NOTEQUAL).
int check_barry_as_flufl(Parser*, Token* t)
{
    return t->bytes != "!=";
}

KeyValuePair* key_value_pair(Parser* p, expr_ty key, expr_ty value)
{
    auto* r = new_record<KeyValuePair>(p);
    if (r == nullptr) return nullptr;
    r->key = key;
    r->value = value;
    return r;
}

asdl_expr_seq* get_keys(Parser* p, asdl_seq<KeyValuePair*>* seq)
{
    int n = asdl_seq_LEN(seq);
    auto* out = asdl_expr_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    for (int i = 0; i < n; ++i) out->elements[i] = (*seq)[i]->key;
    return out;
}

asdl_expr_seq* get_values(Parser* p, asdl_seq<KeyValuePair*>* seq)
{
    int n = asdl_seq_LEN(seq);
    auto* out = asdl_expr_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    for (int i = 0; i < n; ++i) out->elements[i] = (*seq)[i]->value;
    return out;
}

KeyPatternPair* key_pattern_pair(Parser* p, expr_ty key, pattern_ty pattern)
{
    auto* r = new_record<KeyPatternPair>(p);
    if (r == nullptr) return nullptr;
    r->key = key;
    r->pattern = pattern;
    return r;
}

asdl_expr_seq* get_pattern_keys(Parser* p, asdl_seq<KeyPatternPair*>* seq)
{
    int n = asdl_seq_LEN(seq);
    auto* out = asdl_expr_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    for (int i = 0; i < n; ++i) out->elements[i] = (*seq)[i]->key;
    return out;
}

asdl_pattern_seq* get_patterns(Parser* p, asdl_seq<KeyPatternPair*>* seq)
{
    int n = asdl_seq_LEN(seq);
    auto* out = asdl_pattern_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    for (int i = 0; i < n; ++i) out->elements[i] = (*seq)[i]->pattern;
    return out;
}

KeywordOrStarred* keyword_or_starred(Parser* p, void* element, bool is_keyword)
{
    if (element == nullptr) return nullptr;
    auto* r = new_record<KeywordOrStarred>(p);
    if (r == nullptr) return nullptr;
    r->element = element;
    r->is_keyword = is_keyword;
    return r;
}

asdl_expr_seq* seq_extract_starred_exprs(Parser* p, asdl_seq<KeywordOrStarred*>* kwargs)
{
    int n = 0;
    for (KeywordOrStarred* k : *kwargs) n += k->is_keyword ? 0 : 1;
    if (n == 0) return nullptr;
    auto* out = asdl_expr_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    int i = 0;
    for (KeywordOrStarred* k : *kwargs) {
        if (!k->is_keyword) out->elements[i++] = static_cast<expr_ty>(k->element);
    }
    return out;
}

asdl_keyword_seq* seq_delete_starred_exprs(Parser* p, asdl_seq<KeywordOrStarred*>* kwargs)
{
    int n = 0;
    for (KeywordOrStarred* k : *kwargs) n += k->is_keyword ? 1 : 0;
    if (n == 0) return nullptr;
    auto* out = asdl_keyword_seq::make(n, p->arena);
    if (out == nullptr) return nullptr;
    int i = 0;
    for (KeywordOrStarred* k : *kwargs) {
        if (k->is_keyword) out->elements[i++] = static_cast<keyword_ty>(k->element);
    }
    return out;
}

// The Call node `args` builds (its func is a placeholder the caller replaces).
expr_ty collect_call_seqs(Parser* p, asdl_expr_seq* a, asdl_seq<KeywordOrStarred*>* b, int lineno,
                          int col_offset, int end_lineno, int end_col_offset, PyArena* arena)
{
    auto* dummy = static_cast<expr_ty>(dummy_name(p));
    if (b == nullptr) return Call(dummy, a, nullptr, lineno, col_offset, end_lineno, end_col_offset, arena);
    asdl_expr_seq* starreds = seq_extract_starred_exprs(p, b);
    asdl_keyword_seq* keywords = seq_delete_starred_exprs(p, b);
    asdl_expr_seq* args = starreds != nullptr ? join_sequences(p, a, starreds) : a;
    return Call(dummy, args, keywords, lineno, col_offset, end_lineno, end_col_offset, arena);
}

expr_ty ensure_real(Parser* p, expr_ty exp)
{
    if (exp->kind != Constant_kind || runtime::complex_check(exp->v.Constant.value)) {
        RAISE_SYNTAX_ERROR_KNOWN_LOCATION(exp, "real number required in complex literal");
        return nullptr;
    }
    return exp;
}

expr_ty ensure_imaginary(Parser* p, expr_ty exp)
{
    if (exp->kind != Constant_kind || !runtime::complex_check(exp->v.Constant.value)) {
        RAISE_SYNTAX_ERROR_KNOWN_LOCATION(exp, "imaginary number required in complex literal");
        return nullptr;
    }
    return exp;
}

// -- Numbers -----------------------------------------------------------------------

constant arena_constant(Parser* p, runtime::Ref<> obj)
{
    if (!obj) return nullptr;
    return p->arena->add_object(obj.release());
}

void* runtime_error_to_parser_error(Parser* p)
{
    p->error_indicator = 1;
    runtime::Ref<> exc = runtime::fetch_exception();
    if (!exc) return nullptr;
    std::string text = Py_TYPE(exc.get())->tp_name;
    runtime::Ref<> message = runtime::object_str(exc.get());
    if (message && runtime::unicode_length(message.get()) > 0) text += ": " + runtime::unicode_to_std(message.get());
    runtime::error_clear();
    p->arena->set_error(text);
    return nullptr;
}

// CPython's parsenumber_raw, after parsenumber removed the underscores: a
// trailing j makes an imaginary complex, a '.' or an exponent (outside hex
// literals) a float, anything else an int through PyLong_FromString.
constant parse_number(Parser* p, std::string_view text)
{
    std::string s;
    s.reserve(text.size());
    for (char c : text) {
        if (c != '_') s += c;
    }
    char last = s.empty() ? '\0' : s.back();
    if (last == 'j' || last == 'J') {
        s.pop_back();
        return arena_constant(p, runtime::complex_from_doubles(0.0, std::strtod(s.c_str(), nullptr)));
    }
    bool hex = s.size() > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    if (hex || s.find_first_of(".eE") == std::string::npos) return arena_constant(p, runtime::long_from_string(s, 0));
    return arena_constant(p, runtime::float_from_double(std::strtod(s.c_str(), nullptr)));
}

// -- Error helpers -------------------------------------------------------------------

const char* get_expr_name(expr_ty e)
{
    switch (e->kind) {
    case Attribute_kind: return "attribute";
    case Subscript_kind: return "subscript";
    case Starred_kind: return "starred";
    case Name_kind: return "name";
    case List_kind: return "list";
    case Tuple_kind: return "tuple";
    case Lambda_kind: return "lambda";
    case Call_kind: return "function call";
    case BoolOp_kind:
    case BinOp_kind:
    case UnaryOp_kind: return "expression";
    case GeneratorExp_kind: return "generator expression";
    case Yield_kind:
    case YieldFrom_kind: return "yield expression";
    case Await_kind: return "await expression";
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    case Dict_kind: return "dict literal";
    case Set_kind: return "set display";
    case JoinedStr_kind:
    case FormattedValue_kind: return "f-string expression";
    case Constant_kind: {
        runtime::Object* value = e->v.Constant.value;
        if (value == runtime::Py_None()) return "None";
        if (value == runtime::Py_False()) return "False";
        if (value == runtime::Py_True()) return "True";
        if (value == runtime::Py_Ellipsis()) return "ellipsis";
        return "literal";
    }
    case Compare_kind: return "comparison";
    case IfExp_kind: return "conditional expression";
    case NamedExpr_kind: return "named expression";
    default: return "?";
    }
}

expr_ty get_invalid_target(expr_ty e, TargetsType type)
{
    if (e == nullptr) return nullptr;
    switch (e->kind) {
    case List_kind:
    case Tuple_kind: {
        // Only lists and tuples can hold valid targets when parsed as
        // expressions; other containers are invalid as a whole.
        asdl_expr_seq* elts = e->kind == List_kind ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < asdl_seq_LEN(elts); ++i) {
            expr_ty child = get_invalid_target((*elts)[i], type);
            if (child != nullptr) return child;
        }
        return nullptr;
    }
    case Starred_kind:
        if (type == DEL_TARGETS) return e;
        return get_invalid_target(e->v.Starred.value, type);
    case Compare_kind:
        // `for a in b`: the `a in b` was parsed as a comparison.
        if (type == FOR_TARGETS) {
            if ((*e->v.Compare.ops)[0] == In) return get_invalid_target(e->v.Compare.left, type);
            return nullptr;
        }
        return e;
    case Name_kind:
    case Subscript_kind:
    case Attribute_kind:
        return nullptr;
    default:
        return e;
    }
}

void* raise_syntax_error_invalid_target(Parser* p, TargetsType type, expr_ty e)
{
    expr_ty invalid = get_invalid_target(e, type);
    if (invalid != nullptr) {
        const char* what = type == DEL_TARGETS ? "cannot delete " : "cannot assign to ";
        return RAISE_SYNTAX_ERROR_KNOWN_LOCATION(invalid, std::string(what) + get_expr_name(invalid));
    }
    return nullptr;
}

bool check_legacy_stmt(Parser*, expr_ty name)
{
    if (name->kind != Name_kind) return false;
    return name->v.Name.id == "print" || name->v.Name.id == "exec";
}

expr_ty get_last_comprehension_item(comprehension_ty comprehension)
{
    if (asdl_seq_LEN(comprehension->ifs) == 0) return comprehension->iter;
    return seq_last(comprehension->ifs);
}

void* nonparen_genexp_in_call(Parser* p, expr_ty args, asdl_comprehension_seq* comprehensions)
{
    // `f(a, x for x in y)`: only an error when the generator is not the
    // only argument.
    int len = asdl_seq_LEN(args->v.Call.args);
    if (len <= 1) return nullptr;
    comprehension_ty last = seq_last(comprehensions);
    return RAISE_SYNTAX_ERROR_KNOWN_RANGE((*args->v.Call.args)[len - 1], get_last_comprehension_item(last),
                                          "Generator expression must be parenthesized");
}

void* arguments_parsing_error(Parser* p, expr_ty e)
{
    bool keyword_unpacking = false;
    for (int i = 0; i < asdl_seq_LEN(e->v.Call.keywords); ++i) {
        if ((*e->v.Call.keywords)[i]->arg.data() == nullptr) keyword_unpacking = true;
    }
    return RAISE_SYNTAX_ERROR(keyword_unpacking ? "positional argument follows keyword argument unpacking"
                                                : "positional argument follows keyword argument");
}

}  // namespace minipy::parser
