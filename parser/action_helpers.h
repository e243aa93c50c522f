// action_helpers.h: the helpers the grammar's actions call to build AST
// nodes, and the small records rules pass between each other (a keyword's
// name and default, a comparison operator with its operand, ...). Mirrors
// CPython 3.11 Parser/action_helpers.c and the helper part of Parser/pegen.h.
// Book ch. 6.
#pragma once

#include <string>
#include <vector>

#include "minipy/parser/Python-ast.h"
#include "minipy/runtime/boolobject.h"

namespace minipy::parser {

struct Parser;
struct Token;

using namespace minipy::ast;

// -- The records rules pass around (pegen.h's typedefs) --------------------
struct AugOperator {
    operator_ty kind;
};
struct CmpopExprPair {
    cmpop_ty cmpop;
    expr_ty expr;
};
struct KeyValuePair {
    expr_ty key;  // nullptr for `**mapping`
    expr_ty value;
};
struct KeyPatternPair {
    expr_ty key;
    pattern_ty pattern;
};
struct NameDefaultPair {
    arg_ty arg;
    expr_ty value;  // nullptr when the parameter has no default
};
struct SlashWithDefault {
    asdl_arg_seq* plain_names;
    asdl_seq<NameDefaultPair*>* names_with_defaults;
};
struct StarEtc {
    arg_ty vararg;
    asdl_seq<NameDefaultPair*>* kwonlyargs;
    arg_ty kwarg;
};
struct KeywordOrStarred {
    void* element;  // keyword_ty when is_keyword, else expr_ty (a Starred)
    bool is_keyword;
};

enum TargetsType { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS };

// The singleton constants the grammar's actions use (`Constant(Py_None(), ...)`):
// statically allocated runtime objects, held by nodes without a reference.
using runtime::Py_Ellipsis;
using runtime::Py_False;
using runtime::Py_None;
using runtime::Py_True;

PyArena* parser_arena(Parser* p);

// -- Sequences ----------------------------------------------------------------
template <class T>
asdl_seq<T>* singleton_seq(Parser* p, T a)
{
    auto* seq = asdl_seq<T>::make(1, parser_arena(p));
    if (seq != nullptr) seq->elements[0] = a;
    return seq;
}

template <class T>
asdl_seq<T>* seq_insert_in_front(Parser* p, T a, const asdl_seq<T>* seq)
{
    int n = asdl_seq_LEN(seq);
    auto* out = asdl_seq<T>::make(n + 1, parser_arena(p));
    if (out == nullptr) return nullptr;
    out->elements[0] = a;
    for (int i = 0; i < n; ++i) out->elements[i + 1] = (*seq)[i];
    return out;
}

template <class T>
asdl_seq<T>* seq_append_to_end(Parser* p, const asdl_seq<T>* seq, T a)
{
    int n = asdl_seq_LEN(seq);
    auto* out = asdl_seq<T>::make(n + 1, parser_arena(p));
    if (out == nullptr) return nullptr;
    for (int i = 0; i < n; ++i) out->elements[i] = (*seq)[i];
    out->elements[n] = a;
    return out;
}

template <class T>
asdl_seq<T>* join_sequences(Parser* p, const asdl_seq<T>* a, const asdl_seq<T>* b)
{
    int na = asdl_seq_LEN(a), nb = asdl_seq_LEN(b);
    auto* out = asdl_seq<T>::make(na + nb, parser_arena(p));
    if (out == nullptr) return nullptr;
    for (int i = 0; i < na; ++i) out->elements[i] = (*a)[i];
    for (int i = 0; i < nb; ++i) out->elements[na + i] = (*b)[i];
    return out;
}

template <class T>
T seq_last(const asdl_seq<T>* seq)
{
    return (*seq)[seq->size - 1];
}

asdl_stmt_seq* seq_flatten(Parser* p, asdl_seq<asdl_stmt_seq*>* seqs);
int seq_count_dots(asdl_seq<Token*>* seq);
asdl_identifier_seq* map_names_to_ids(Parser* p, asdl_expr_seq* seq);

// -- Nodes ----------------------------------------------------------------------
mod_ty make_module(Parser* p, asdl_stmt_seq* a);
asdl_stmt_seq* interactive_exit(Parser* p);
expr_ty set_expr_context(Parser* p, expr_ty e, expr_context_ty ctx);
string new_type_comment(Parser* p, Token* tc);
arg_ty add_type_comment_to_arg(Parser* p, arg_ty a, Token* tc);
AugOperator* augoperator(Parser* p, operator_ty kind);
alias_ty alias_for_star(Parser* p, int lineno, int col_offset, int end_lineno, int end_col_offset,
                        PyArena* arena);
expr_ty join_names_with_dot(Parser* p, expr_ty first, expr_ty second);
stmt_ty function_def_decorators(Parser* p, asdl_expr_seq* decorators, stmt_ty function_def);
stmt_ty class_def_decorators(Parser* p, asdl_expr_seq* decorators, stmt_ty class_def);

// -- Parameters -----------------------------------------------------------------
NameDefaultPair* name_default_pair(Parser* p, arg_ty arg, expr_ty value, Token* tc);
SlashWithDefault* slash_with_default(Parser* p, asdl_arg_seq* plain_names,
                                     asdl_seq<NameDefaultPair*>* names_with_defaults);
StarEtc* star_etc(Parser* p, arg_ty vararg, asdl_seq<NameDefaultPair*>* kwonlyargs, arg_ty kwarg);
arguments_ty make_arguments(Parser* p, asdl_arg_seq* slash_without_default,
                            SlashWithDefault* slash_with_default, asdl_arg_seq* plain_names,
                            asdl_seq<NameDefaultPair*>* names_with_default, StarEtc* star_etc);
arguments_ty empty_arguments(Parser* p);

// -- Expressions ------------------------------------------------------------------
CmpopExprPair* cmpop_expr_pair(Parser* p, cmpop_ty cmpop, expr_ty expr);
asdl_cmpop_seq* get_cmpops(Parser* p, asdl_seq<CmpopExprPair*>* seq);
asdl_expr_seq* get_exprs(Parser* p, asdl_seq<CmpopExprPair*>* seq);
int check_barry_as_flufl(Parser* p, Token* t);
KeyValuePair* key_value_pair(Parser* p, expr_ty key, expr_ty value);
asdl_expr_seq* get_keys(Parser* p, asdl_seq<KeyValuePair*>* seq);
asdl_expr_seq* get_values(Parser* p, asdl_seq<KeyValuePair*>* seq);
KeyPatternPair* key_pattern_pair(Parser* p, expr_ty key, pattern_ty pattern);
asdl_expr_seq* get_pattern_keys(Parser* p, asdl_seq<KeyPatternPair*>* seq);
asdl_pattern_seq* get_patterns(Parser* p, asdl_seq<KeyPatternPair*>* seq);
KeywordOrStarred* keyword_or_starred(Parser* p, void* element, bool is_keyword);
asdl_expr_seq* seq_extract_starred_exprs(Parser* p, asdl_seq<KeywordOrStarred*>* kwargs);
asdl_keyword_seq* seq_delete_starred_exprs(Parser* p, asdl_seq<KeywordOrStarred*>* kwargs);
expr_ty collect_call_seqs(Parser* p, asdl_expr_seq* a, asdl_seq<KeywordOrStarred*>* b, int lineno,
                          int col_offset, int end_lineno, int end_col_offset, PyArena* arena);
expr_ty ensure_real(Parser* p, expr_ty exp);
expr_ty ensure_imaginary(Parser* p, expr_ty exp);
// The Constant value of a NUMBER token's text (CPython: parsenumber): an
// int, float or complex owned by the arena; nullptr with the runtime's error
// indicator set on failure (ValueError past the 4300-digit limit).
constant parse_number(Parser* p, std::string_view text);
// A new reference handed to the arena (nullptr stays nullptr): the value a
// Constant node can hold.
constant arena_constant(Parser* p, runtime::Ref<> obj);
// Turns the runtime's pending exception (a failed object operation) into the
// parser's error: recorded as the arena's error text ("MemoryError",
// "ValueError: ..."), error_indicator set. Returns nullptr.
void* runtime_error_to_parser_error(Parser* p);
// STRING+ -> Constant or JoinedStr (string_parser.cpp).
expr_ty concatenate_strings(Parser* p, asdl_seq<Token*>* strings);

// -- Error helpers -------------------------------------------------------------------
const char* get_expr_name(expr_ty e);
expr_ty get_invalid_target(expr_ty e, TargetsType type);
void* raise_syntax_error_invalid_target(Parser* p, TargetsType type, expr_ty e);
bool check_legacy_stmt(Parser* p, expr_ty name);
expr_ty get_last_comprehension_item(comprehension_ty comprehension);
void* nonparen_genexp_in_call(Parser* p, expr_ty args, asdl_comprehension_seq* comprehensions);
void* arguments_parsing_error(Parser* p, expr_ty e);

}  // namespace minipy::parser
