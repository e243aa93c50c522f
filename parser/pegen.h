// pegen.h: the runtime of the generated parser (build/.../parser.cpp): the
// Parser state, tokens and their memo lists, the token-matching helpers the
// rules call, and error raising. Mirrors CPython 3.11 Parser/pegen.h and
// Parser/pegen.c. Book ch. 6 ("Lexing and Parsing").
//
// How a parse runs (pegen's design): tokens are pulled from the tokenizer on
// demand into `tokens`; `mark` is the index of the next token to match. A rule
// function saves the mark, tries its alternatives in order and restores the
// mark after each failure, so backtracking is free. Each token carries a memo
// list (rule type -> result and end mark), which makes the parse linear
// (packrat parsing) for the rules marked (memo) and for left-recursive ones.
// When the first pass fails, a second pass with call_invalid_rules set runs
// the invalid_ rules, which only exist to raise precise SyntaxErrors.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "minipy/lexer/tokenizer.h"
#include "minipy/parser/Python-ast.h"
#include "minipy/parser/parser.h"

namespace minipy::parser {

using ast::asdl_seq;
using ast::expr_ty;

// Deeper rule nesting than this ends the parse with CPython's error
// ("too many nested parentheses" is caught earlier, by the tokenizer).
constexpr int MAXSTACK = 6000;

struct Memo {
    int type;
    void* node;
    int mark;
    Memo* next;
};

struct Token {
    int type;                 // a TokenKind, or a keyword's number (>= 500)
    std::string_view bytes;   // the token's text (in the arena)
    int level;                // parenthesis depth (unused by 3.11's rules)
    int lineno, col_offset, end_lineno, end_col_offset;  // col: UTF-8 bytes
    Memo* memo;
};

struct KeywordToken {
    const char* str;
    int type;
};

// The keyword tables the generator derives from the grammar's quoted names.
struct Keywords {
    const KeywordToken* reserved;
    std::size_t n_reserved;
    const char* const* soft;
    std::size_t n_soft;
};
const Keywords& grammar_keywords();  // generated

// The source split in lines, for SyntaxError.text and byte -> character
// column conversion (the tokenizer does not keep the lines for us).
struct SourceLines {
    std::vector<std::string_view> lines;  // each without its line ending
    std::string text;                     // the UTF-8 source, newlines translated
    std::string_view line(int lineno) const;
};

struct TypeIgnoreComment {
    int lineno;
    std::string tag;
};

struct Parser {
    lexer::Tokenizer* tok = nullptr;
    bool exec_input = true;  // the tokenizer added a missing final newline
    std::vector<lexer::TokenizerWarning> warnings;  // the parser's own (invalid escapes)
    std::vector<Token*> tokens;
    int mark = 0;
    int fill = 0;
    PyArena* arena = nullptr;
    const Keywords* keywords = nullptr;
    StartRule start_rule = StartRule::FILE_INPUT;
    int error_indicator = 0;
    int call_invalid_rules = 0;
    int level = 0;
    bool debug = false;
    bool type_comments = false;
    const SourceLines* source = nullptr;
    std::string filename;
    std::unique_ptr<lexer::SyntaxErrorInfo> error;  // the exception raised, once raised
    Token* known_err_token = nullptr;
    std::vector<TypeIgnoreComment> type_ignore_comments;
    // Positions of an f-string expression's sub-parse (see string_parser.cpp):
    // its tokens are moved by these, as CPython's fstring_compile_expr does.
    int starting_lineno = 0;
    int starting_col_offset = 0;
    // Comment scanning for type comments: the end of the previous token.
    int paren_level = 0;  // the tokenizer's parenthesis depth (Token::level)
    // True for string input (ast.parse, compile): CPython's tokenizer then has
    // no encoding unless the source declares one, and SyntaxError columns
    // stay in bytes instead of being converted to characters.
    bool byte_offsets = false;
    int last_end_lineno = 1;
    int last_end_col = 0;
    std::vector<lexer::Token> pending;  // tokens read ahead of a synthesized TYPE_COMMENT
    bool interactive = false;      // the tokenizer has a prompt (the REPL)
    bool parsing_started = false;  // single input: a token other than ENDMARKER was read

    bool error_occurred() const { return error != nullptr || !arena->error().empty(); }
};

// -- Tokens ------------------------------------------------------------------
[[nodiscard]] int fill_token(Parser* p);
Token* expect_token(Parser* p, int type);
Token* expect_forced_token(Parser* p, int type, const char* expected);
expr_ty expect_soft_keyword(Parser* p, const char* keyword);
Token* get_last_nonwhitespace_token(Parser* p);
expr_ty name_token(Parser* p);
expr_ty number_token(Parser* p);
Token* string_token(Parser* p);
expr_ty soft_keyword_token(Parser* p);
void* dummy_name(Parser* p);

template <class T>
T expect_forced_result(Parser* p, T result, const char* expected);

template <class F>
bool lookahead(Parser* p, bool positive, F&& f)
{
    int mark = p->mark;
    bool matched = f();
    p->mark = mark;
    return matched == positive;
}

// -- Memo --------------------------------------------------------------------
bool is_memoized_raw(Parser* p, int type, void** pres);
int insert_memo(Parser* p, int mark, int type, void* node);
int update_memo(Parser* p, int mark, int type, void* node);

template <class T>
bool is_memoized(Parser* p, int type, T* pres)
{
    void* raw = nullptr;
    if (!is_memoized_raw(p, type, &raw)) return false;
    *pres = static_cast<T>(raw);
    return true;
}

template <class T>
int insert_memo(Parser* p, int mark, int type, T node)
{
    return insert_memo(p, mark, type, static_cast<void*>(node));
}

template <class T>
int update_memo(Parser* p, int mark, int type, T node)
{
    return update_memo(p, mark, type, static_cast<void*>(node));
}

// Results flow through void* in groups; pegen_cast gives them their type back.
template <class To, class From>
To pegen_cast(From value)
{
    if constexpr (std::is_same_v<To, From>) {
        return value;
    } else if constexpr (std::is_same_v<From, void*> || std::is_same_v<To, void*>) {
        return static_cast<To>(value);
    } else {
        return reinterpret_cast<To>(value);
    }
}

template <class T>
asdl_seq<T>* make_seq(Parser* p, const std::vector<T>& items)
{
    auto* seq = asdl_seq<T>::make(static_cast<int>(items.size()), p->arena);
    if (seq == nullptr) return nullptr;
    for (std::size_t i = 0; i < items.size(); ++i) seq->elements[i] = items[i];
    return seq;
}

// -- Errors ------------------------------------------------------------------
enum class ErrorType { SyntaxError, IndentationError, TabError };

// Raises at the last token read (CPython's RAISE_SYNTAX_ERROR) or at the
// next one (use_mark).
void* raise_error(Parser* p, ErrorType type, bool use_mark, std::string msg);
// Raises with an explicit location: 1-based byte columns, end_col -1 = none.
void* raise_error_known_location(Parser* p, ErrorType type, int lineno, int col_offset,
                                 int end_lineno, int end_col_offset, std::string msg);
void stack_overflow(Parser* p);

#define RAISE_SYNTAX_ERROR(msg) raise_error(p, ErrorType::SyntaxError, false, (msg))
#define RAISE_INDENTATION_ERROR(msg) raise_error(p, ErrorType::IndentationError, false, (msg))
// CURRENT_POS as an end position means "where the tokenizer is now".
constexpr int CURRENT_POS = -5;
#define RAISE_ERROR_KNOWN_LOCATION(type, a_lineno, a_col, a_end_lineno, a_end_col, msg)              \
    raise_error_known_location(p, type, (a_lineno), (a_col) == CURRENT_POS ? CURRENT_POS : (a_col) + 1, \
                               (a_end_lineno), (a_end_col) == CURRENT_POS ? CURRENT_POS : (a_end_col) + 1, \
                               (msg))
#define RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg)                                             \
    RAISE_ERROR_KNOWN_LOCATION(ErrorType::SyntaxError, (a)->lineno, (a)->col_offset,          \
                               (a)->end_lineno, (a)->end_col_offset, (msg))
#define RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg)                                             \
    RAISE_ERROR_KNOWN_LOCATION(ErrorType::SyntaxError, (a)->lineno, (a)->col_offset,          \
                               (b)->end_lineno, (b)->end_col_offset, (msg))
#define RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg)                                              \
    RAISE_ERROR_KNOWN_LOCATION(ErrorType::SyntaxError, (a)->lineno, (a)->col_offset,          \
                               CURRENT_POS, CURRENT_POS, (msg))
#define RAISE_INDENTATION_ERROR_KNOWN_LOCATION(a, msg)                                        \
    RAISE_ERROR_KNOWN_LOCATION(ErrorType::IndentationError, (a)->lineno, (a)->col_offset,     \
                               (a)->end_lineno, (a)->end_col_offset, (msg))
#define RAISE_SYNTAX_ERROR_INVALID_TARGET(type, e) raise_syntax_error_invalid_target(p, (type), (e))

// The positions of the current alternative, for node constructors.
#define EXTRA _start_lineno, _start_col_offset, _end_lineno, _end_col_offset, p->arena

// The -d trace (CPython's D() macro in parser.c).
void debug_trace(Parser* p, const char* what, const char* rule, int mark, const char* alt);
#define D(p, what, rule, mark, alt) \
    do {                            \
        if ((p)->debug) debug_trace((p), (what), (rule), (mark), (alt)); \
    } while (0)

// The entry point of the generated parser.
void* run_start_rule(Parser* p);

template <class T>
T expect_forced_result(Parser* p, T result, const char* expected)
{
    if (p->error_indicator) return nullptr;
    if (result == nullptr) {
        raise_error(p, ErrorType::SyntaxError, true, std::string("expected ") + expected);
        return nullptr;
    }
    return result;
}

// Runs a whole parse (both passes), mirrors _PyPegen_run_parser.
void* run_parser(Parser* p);

}  // namespace minipy::parser

#include "action_helpers.h"
