// pegen.cpp: the generated parser's runtime: pulling tokens from the lexer
// (keywords, type comments), memoization, token helpers, SyntaxError
// raising and the two-pass driver. Mirrors CPython 3.11 Parser/pegen.c and
// Parser/pegen_errors.c. Book ch. 6.
#include "pegen.h"

#include <cstring>

#include "minipy/lexer/token.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::parser {

using namespace minipy::lexer;

std::string_view SourceLines::line(int lineno) const
{
    if (lineno < 1 || lineno > static_cast<int>(lines.size())) return {};
    return lines[static_cast<std::size_t>(lineno - 1)];
}

// -- Type comments -------------------------------------------------------------
//
// CPython's tokenizer, when asked for type comments, turns comments that
// start with "# type: " (each space matching any run of blanks) into
// TYPE_COMMENT tokens, or TYPE_IGNORE for "type: ignore<tag>". minipy's
// lexer skips every comment, so the parser finds them itself, in the gap
// between two tokens (where a '#' can only start a comment). A comment on a
// line of its own is followed by a NEWLINE, as CPython's tokenizer gives it.
namespace {

struct GapComment {
    int lineno;
    int col;              // byte column of '#'
    std::string_view text;  // from '#' to the end of the line
    bool own_line;
};

// "# type: " with each ' ' matching zero or more blanks; returns the
// position after the prefix, or npos.
std::size_t match_type_comment_prefix(std::string_view c)
{
    const char* prefix = "# type: ";
    std::size_t i = 0;
    for (const char* q = prefix; *q; ++q) {
        if (*q == ' ') {
            while (i < c.size() && (c[i] == ' ' || c[i] == '\t')) ++i;
        } else if (i < c.size() && c[i] == *q) {
            ++i;
        } else {
            return std::string_view::npos;
        }
    }
    return i;
}

bool is_alnum_ascii(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

Token* new_token(Parser* p, int type, std::string_view text, int lineno, int col, int end_lineno,
                 int end_col)
{
    auto* t = static_cast<Token*>(p->arena->alloc(sizeof(Token)));
    if (t == nullptr) return nullptr;
    t->type = type;
    t->bytes = p->arena->copy(text);
    t->level = 0;
    t->lineno = lineno;
    t->col_offset = col;
    t->end_lineno = end_lineno;
    t->end_col_offset = end_col;
    t->memo = nullptr;
    return t;
}

int keyword_type(Parser* p, std::string_view name)
{
    const Keywords* k = p->keywords;
    for (std::size_t i = 0; i < k->n_reserved; ++i) {
        if (name == k->reserved[i].str) return k->reserved[i].type;
    }
    return NAME;
}

// Moves a token of an f-string expression's sub-parse to where the
// expression sits in the file (CPython: initialize_token with
// starting_lineno/starting_col_offset).
void place_token(Parser* p, Token* t)
{
    if (p->start_rule != StartRule::FSTRING_INPUT) return;
    bool first_line = t->end_lineno == 1;
    if (t->lineno == 1 || first_line) {
        if (t->lineno == 1) t->col_offset += p->starting_col_offset;
        if (t->end_lineno == 1) t->end_col_offset += p->starting_col_offset;
    }
    t->lineno += p->starting_lineno - 1;
    t->end_lineno += p->starting_lineno - 1;
}

int append_token(Parser* p, Token* t)
{
    if (t == nullptr) {
        p->error_indicator = 1;
        return -1;
    }
    place_token(p, t);
    p->tokens.push_back(t);
    p->fill += 1;
    return 0;
}

// Scans the gap before `next` for comments; queues the tokens CPython's
// tokenizer would have produced for type comments found there.
int scan_type_comments(Parser* p, const lexer::Token& next)
{
    if (p->source == nullptr) return 0;
    int start_line = p->last_end_lineno;
    // INDENT/DEDENT (column -1) come before the first token of their line:
    // their gap ends with the line above.
    int end_line = next.kind == ENDMARKER                         ? static_cast<int>(p->source->lines.size())
                   : next.kind == INDENT || next.kind == DEDENT ? next.lineno - 1
                                                                  : next.lineno;
    for (int ln = start_line; ln <= end_line; ++ln) {
        std::string_view line = p->source->line(ln);
        std::size_t from = ln == start_line ? static_cast<std::size_t>(p->last_end_col) : 0;
        std::size_t to = line.size();
        if (ln == next.lineno && next.kind != ENDMARKER && next.kind != NEWLINE)
            to = static_cast<std::size_t>(next.col_offset);
        if (from > line.size()) continue;
        std::size_t hash = line.find('#', from);
        if (hash == std::string_view::npos || hash >= to) continue;
        // Only blanks and a line continuation may precede a comment in the gap.
        std::string_view comment = line.substr(hash);
        bool own_line = line.substr(0, hash).find_first_not_of(" \t\f") == std::string_view::npos;
        std::size_t after = match_type_comment_prefix(comment);
        if (after == std::string_view::npos) continue;
        int col = static_cast<int>(hash);
        int end_col = static_cast<int>(line.size());
        std::string_view rest = comment.substr(after);
        bool is_ignore = rest.size() >= 6 && rest.substr(0, 6) == "ignore" &&
                         !(rest.size() > 6 && (static_cast<unsigned char>(rest[6]) >= 128 ||
                                               is_alnum_ascii(static_cast<unsigned char>(rest[6]))));
        if (is_ignore) {
            p->type_ignore_comments.push_back({ln, std::string(rest.substr(6))});
            continue;
        }
        Token* t = new_token(p, TYPE_COMMENT, rest, ln, col, ln, end_col);
        if (append_token(p, t) < 0) return -1;
        if (own_line) {
            Token* nl = new_token(p, NEWLINE, "", ln, end_col, ln, end_col + 1);
            if (append_token(p, nl) < 0) return -1;
        }
    }
    return 0;
}

}  // namespace

int fill_token(Parser* p)
{
    lexer::Token lt = p->tok->next();
    if (lt.kind == ERRORTOKEN) {
        if (!p->error) {
            const SyntaxErrorInfo* info = p->tok->error();
            p->error = std::make_unique<SyntaxErrorInfo>(info ? *info : SyntaxErrorInfo{});
            if (!info) p->error->msg = "invalid syntax";
        }
        Token* t = new_token(p, ERRORTOKEN, lt.text, lt.lineno, lt.col_offset, lt.end_lineno, lt.end_col_offset);
        if (t != nullptr) {
            p->tokens.push_back(t);
            p->fill += 1;
        }
        p->error_indicator = 1;
        return -1;
    }
    if (p->type_comments && scan_type_comments(p, lt) < 0) return -1;
    int type = lt.kind == NAME ? keyword_type(p, lt.text) : lt.kind;
    // A single interactive statement ends at the end of the input even
    // without the NEWLINE that compound_stmt wants after it: the first
    // ENDMARKER after some tokens is turned into that NEWLINE.
    if (type == ENDMARKER && p->start_rule == StartRule::SINGLE_INPUT && p->parsing_started) {
        type = NEWLINE;
        p->parsing_started = false;
        // And the blocks still open end with it: DEDENTs come next.
        p->tok->imply_dedents();
    }
    else {
        p->parsing_started = true;
    }
    // The implied NEWLINE keeps ENDMARKER's missing position (column -1).
    Token* t = new_token(p, type, lt.text, lt.lineno, lt.col_offset, lt.end_lineno, lt.end_col_offset);
    // The depth after this token, as CPython's tok->level when it returns it.
    if (lt.kind == LPAR || lt.kind == LSQB || lt.kind == LBRACE) ++p->paren_level;
    else if ((lt.kind == RPAR || lt.kind == RSQB || lt.kind == RBRACE) && p->paren_level > 0) --p->paren_level;
    if (t != nullptr) t->level = p->paren_level;
    if (lt.kind != NEWLINE && lt.kind != INDENT && lt.kind != DEDENT && lt.kind != ENDMARKER) {
        p->last_end_lineno = lt.end_lineno;
        p->last_end_col = lt.end_col_offset;
    } else if (lt.kind == NEWLINE) {
        p->last_end_lineno = lt.lineno + 1;
        p->last_end_col = 0;
    } else if (lt.lineno > p->last_end_lineno) {
        // INDENT/DEDENT: the lines before them are scanned; their own line
        // holds only indentation before the next token.
        p->last_end_lineno = lt.lineno;
        p->last_end_col = 0;
    }
    return append_token(p, t);
}

// -- Memo ----------------------------------------------------------------------

bool is_memoized_raw(Parser* p, int type, void** pres)
{
    if (p->mark == p->fill && fill_token(p) < 0) {
        p->error_indicator = 1;
        return false;
    }
    Token* t = p->tokens[static_cast<std::size_t>(p->mark)];
    for (Memo* m = t->memo; m != nullptr; m = m->next) {
        if (m->type == type) {
            p->mark = m->mark;
            *pres = m->node;
            return true;
        }
    }
    return false;
}

int insert_memo(Parser* p, int mark, int type, void* node)
{
    auto* m = static_cast<Memo*>(p->arena->alloc(sizeof(Memo)));
    if (m == nullptr) return -1;
    Token* t = p->tokens[static_cast<std::size_t>(mark)];
    *m = Memo{type, node, p->mark, t->memo};
    t->memo = m;
    return 0;
}

int update_memo(Parser* p, int mark, int type, void* node)
{
    for (Memo* m = p->tokens[static_cast<std::size_t>(mark)]->memo; m != nullptr; m = m->next) {
        if (m->type == type) {
            m->node = node;
            m->mark = p->mark;
            return 0;
        }
    }
    return insert_memo(p, mark, type, node);
}

// -- Token helpers ---------------------------------------------------------------

Token* expect_token(Parser* p, int type)
{
    if (p->mark == p->fill && fill_token(p) < 0) {
        p->error_indicator = 1;
        return nullptr;
    }
    Token* t = p->tokens[static_cast<std::size_t>(p->mark)];
    if (t->type != type) return nullptr;
    p->mark += 1;
    return t;
}

Token* expect_forced_token(Parser* p, int type, const char* expected)
{
    if (p->error_indicator) return nullptr;
    if (p->mark == p->fill && fill_token(p) < 0) {
        p->error_indicator = 1;
        return nullptr;
    }
    Token* t = p->tokens[static_cast<std::size_t>(p->mark)];
    if (t->type != type) {
        RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t, std::string("expected '") + expected + "'");
        return nullptr;
    }
    p->mark += 1;
    return t;
}

Token* get_last_nonwhitespace_token(Parser* p)
{
    Token* token = nullptr;
    for (int m = p->mark - 1; m >= 0; --m) {
        token = p->tokens[static_cast<std::size_t>(m)];
        if (token->type != ENDMARKER && (token->type < NEWLINE || token->type > DEDENT)) break;
    }
    return token;
}

namespace {

ast::identifier new_identifier(Parser* p, std::string_view name)
{
    for (char c : name) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            // PEP 3131: identifiers are NFKC-normalized before use.
            return p->arena->copy(lexer::normalize_identifier(name));
        }
    }
    return p->arena->copy(name);
}

Token* next_token_of(Parser* p, int type)
{
    if (p->mark == p->fill && fill_token(p) < 0) {
        p->error_indicator = 1;
        return nullptr;
    }
    Token* t = p->tokens[static_cast<std::size_t>(p->mark)];
    return t->type == type ? t : nullptr;
}

expr_ty name_from_token(Parser* p, Token* t)
{
    ast::identifier id = new_identifier(p, t->bytes);
    if (id.data() == nullptr) {
        p->error_indicator = 1;
        return nullptr;
    }
    return ast::Name(id, ast::Load, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, p->arena);
}

}  // namespace

expr_ty name_token(Parser* p)
{
    Token* t = next_token_of(p, NAME);
    if (t == nullptr) return nullptr;
    p->mark += 1;
    return name_from_token(p, t);
}

Token* string_token(Parser* p)
{
    Token* t = next_token_of(p, STRING);
    if (t != nullptr) p->mark += 1;
    return t;
}

expr_ty expect_soft_keyword(Parser* p, const char* keyword)
{
    Token* t = next_token_of(p, NAME);
    if (t == nullptr || t->bytes != keyword) return nullptr;
    p->mark += 1;
    return name_from_token(p, t);
}

expr_ty soft_keyword_token(Parser* p)
{
    Token* t = next_token_of(p, NAME);
    if (t == nullptr) return nullptr;
    for (std::size_t i = 0; i < p->keywords->n_soft; ++i) {
        if (t->bytes == p->keywords->soft[i]) {
            p->mark += 1;
            return name_from_token(p, t);
        }
    }
    return nullptr;
}

expr_ty number_token(Parser* p)
{
    Token* t = next_token_of(p, NUMBER);
    if (t == nullptr) return nullptr;
    p->mark += 1;
    ast::constant c = parse_number(p, t->bytes);
    if (c == nullptr) {
        // The one ValueError PyLong_FromString raises for a valid literal is
        // the 4300-digit limit; 3.11 turns it into a SyntaxError on the
        // token's line without columns (no wall of carets under the digits).
        if (runtime::error_matches(runtime::Exc_ValueError)) {
            runtime::Ref<> exc = runtime::fetch_exception();
            runtime::Ref<> message = runtime::object_str(exc.get());
            if (!message) return runtime_error_to_parser_error(p), nullptr;
            RAISE_ERROR_KNOWN_LOCATION(ErrorType::SyntaxError, t->lineno, -1, t->end_lineno, -1,
                                       runtime::unicode_to_std(message.get()) +
                                           " - Consider hexadecimal for huge integer literals to avoid decimal "
                                           "conversion limits.");
            return nullptr;
        }
        return static_cast<expr_ty>(runtime_error_to_parser_error(p));
    }
    return ast::Constant(c, {}, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, p->arena);
}

void* dummy_name(Parser*)
{
    // Any non-null result: the value of an alternative without action.
    static ast::_expr dummy{};
    return &dummy;
}

// -- Errors --------------------------------------------------------------------

namespace {

// CPython's _PyPegen_byte_offset_to_character_offset: how many code points
// the first col_offset bytes of the line hold (col_offset is 1-based, so
// this is the 1-based character column).
int byte_offset_to_character_offset(std::string_view line_with_newline, int col_offset)
{
    int len = static_cast<int>(line_with_newline.size());
    if (col_offset > len + 1) col_offset = len + 1;
    if (col_offset < 0) col_offset = 0;
    std::string_view prefix = line_with_newline.substr(0, static_cast<std::size_t>(std::min(col_offset, len)));
    // CPython decodes the prefix (errors="replace") and takes its length.
    // The prefix of a line the tokenizer accepted is valid UTF-8; should it
    // not be, bytes are counted.
    int chars = static_cast<int>(prefix.size());
    if (runtime::Ref<> text = runtime::unicode_from_utf8(prefix)) {
        chars = static_cast<int>(runtime::unicode_length(text.get()));
    } else {
        runtime::error_clear();
    }
    return chars + (col_offset > len ? 1 : 0);
}

}  // namespace

void* raise_error_known_location(Parser* p, ErrorType type, int lineno, int col_offset, int end_lineno,
                                 int end_col_offset, std::string msg)
{
    p->error_indicator = 1;
    if (p->error) return nullptr;  // the first error wins
    auto info = std::make_unique<SyntaxErrorInfo>();
    info->kind = type == ErrorType::IndentationError ? SyntaxErrorInfo::IndentationError
                 : type == ErrorType::TabError       ? SyntaxErrorInfo::TabError
                                                     : SyntaxErrorInfo::SyntaxError;
    if (end_lineno == CURRENT_POS || end_col_offset == CURRENT_POS) {
        // Where the tokenizer is: the end of the last token it produced.
        Token* last = p->fill > 0 ? p->tokens[static_cast<std::size_t>(p->fill - 1)] : nullptr;
        if (end_lineno == CURRENT_POS) end_lineno = last != nullptr ? last->end_lineno : lineno;
        if (end_col_offset == CURRENT_POS) end_col_offset = last != nullptr ? last->end_col_offset : -1;
    }
    if (p->start_rule == StartRule::FSTRING_INPUT) {
        msg = "f-string: " + msg;
        col_offset -= p->starting_col_offset;
        end_col_offset -= p->starting_col_offset;
    }
    info->msg = std::move(msg);
    info->filename = p->filename;
    info->lineno = lineno;
    std::string line;
    if (p->source != nullptr) {
        // An f-string expression's parser reports the line of its own
        // "(expression)" buffer, as CPython's does.
        int index = p->start_rule == StartRule::FSTRING_INPUT ? lineno - p->starting_lineno + 1 : lineno;
        line = std::string(p->source->line(index));
        // The line as the tokenizer's buffer holds it: with its '\n', except
        // a last line that has none when no newline was added (exec_input).
        const int count = static_cast<int>(p->source->lines.size());
        const bool unterminated = index == count && !p->exec_input &&
                                  (p->source->text.empty() || p->source->text.back() != '\n');
        if (index >= 1 && index <= count && !unterminated) line += "\n";
    }
    info->text = line;
    info->end_lineno = end_lineno;
    if (p->byte_offsets) {
        info->offset = col_offset;
        info->end_offset = end_col_offset;
    } else {
        info->offset = byte_offset_to_character_offset(line, col_offset);
        info->end_offset = end_col_offset > 0 ? byte_offset_to_character_offset(line, end_col_offset) : end_col_offset;
    }
    p->error = std::move(info);
    return nullptr;
}

void* raise_error(Parser* p, ErrorType type, bool use_mark, std::string msg)
{
    if (p->error_indicator && p->error) return nullptr;
    if (p->fill == 0) {
        return raise_error_known_location(p, type, 0, 0, 0, -1, std::move(msg));
    }
    if (use_mark && p->mark == p->fill && fill_token(p) < 0) {
        p->error_indicator = 1;
        return nullptr;
    }
    Token* t = p->known_err_token != nullptr ? p->known_err_token
               : p->tokens[static_cast<std::size_t>(use_mark ? p->mark : p->fill - 1)];
    // A token without a position (INDENT, DEDENT, ENDMARKER): where the
    // tokenizer's cursor stands, as a 0-based byte count (CPython adds no 1).
    int col_offset = t->col_offset != -1 ? t->col_offset + 1 : p->tok != nullptr ? p->tok->cursor_column() : 0;
    int end_col_offset = t->end_col_offset == -1 ? -1 : t->end_col_offset + 1;
    return raise_error_known_location(p, type, t->lineno, col_offset, t->end_lineno, end_col_offset,
                                      std::move(msg));
}

void stack_overflow(Parser* p)
{
    p->error_indicator = 1;
    if (!p->error) {
        // CPython raises a bare MemoryError here; SyntaxErrorInfo has no
        // such kind, so the driver reports it by the message.
        p->error = std::make_unique<SyntaxErrorInfo>();
        p->error->msg = "MemoryError";
        p->error->filename.clear();
    }
}

void debug_trace(Parser* p, const char* what, const char* rule, int mark, const char* alt)
{
    const char* suffix = "";
    if (std::strcmp(what, "+") == 0) suffix = " succeeded!";
    else if (std::strcmp(what, "-") == 0 || std::strcmp(what, "ERROR!") == 0) suffix = " failed!";
    std::fprintf(stderr, "%*c%s %s[%d-%d]: %s%s\n", p->level, ' ', what, rule, mark, p->mark, alt, suffix);
}

// -- The driver ------------------------------------------------------------------

namespace {

void reset_parser_state_for_error_pass(Parser* p)
{
    for (int i = 0; i < p->fill; ++i) p->tokens[static_cast<std::size_t>(i)]->memo = nullptr;
    p->mark = 0;
    p->call_invalid_rules = 1;
    p->level = 0;
}

// After a generic "invalid syntax", a tokenizer error later in the file is
// the better message (CPython: _PyPegen_tokenize_full_source_to_check_for_errors).
//
// Only errors the C tokenizer raises itself replace it: not the ones it
// reports by status code (unindent mismatch, tabs, too deep, EOF), and an
// unclosed bracket only when the syntax error lies on a later line.
void tokenize_full_source_to_check_for_errors(Parser* p)
{
    // Interactive input is not read to its end for this.
    if (p->tok == nullptr || p->interactive) return;
    int current_err_line = p->error ? p->error->lineno : 0;
    for (;;) {
        lexer::Token lt = p->tok->next();
        if (lt.kind == ENDMARKER) return;
        if (lt.kind != ERRORTOKEN) continue;
        const SyntaxErrorInfo* info = p->tok->error();
        if (info == nullptr) return;
        const std::string& msg = info->msg;
        bool unclosed = msg.size() > 16 && msg.compare(msg.size() - 16, 16, " was never closed") == 0;
        if (msg.find("was never closed") != std::string::npos) unclosed = true;
        if (unclosed) {
            if (current_err_line > info->lineno) p->error = std::make_unique<SyntaxErrorInfo>(*info);
            return;
        }
        if (info->kind != SyntaxErrorInfo::SyntaxError || msg == "unexpected EOF while parsing") return;
        p->error = std::make_unique<SyntaxErrorInfo>(*info);
        return;
    }
}

void set_syntax_error(Parser* p, Token* last_token)
{
    if (p->error) return;  // an invalid_ rule (or the tokenizer) already said it
    if (!p->arena->error().empty()) return;
    if (p->fill == 0) {
        RAISE_SYNTAX_ERROR("error at start before reading any input");
        return;
    }
    if (last_token->type == INDENT || last_token->type == DEDENT) {
        p->known_err_token = last_token;
        RAISE_INDENTATION_ERROR(last_token->type == INDENT ? "unexpected indent" : "unexpected unindent");
        return;
    }
    RAISE_SYNTAX_ERROR_KNOWN_LOCATION(last_token, "invalid syntax");
    tokenize_full_source_to_check_for_errors(p);
}

// bad_single_statement: after one statement of single input, only blanks
// and comments may follow.
bool bad_single_statement(Parser* p)
{
    std::string_view rest = p->tok->rest_of_buffer();
    std::size_t i = 0;
    for (;;) {
        while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t' || rest[i] == '\n' || rest[i] == '\014')) ++i;
        if (i >= rest.size() || rest[i] == '\0') return false;
        if (rest[i] != '#') return true;
        while (i < rest.size() && rest[i] != '\n') ++i;
    }
}

}  // namespace

void* run_parser(Parser* p)
{
    void* res = run_start_rule(p);
    if (res != nullptr && !p->error) {
        if (p->start_rule == StartRule::SINGLE_INPUT && p->tok != nullptr && bad_single_statement(p)) {
            RAISE_SYNTAX_ERROR("multiple statements found while compiling a single statement");
            return nullptr;
        }
        return res;
    }
    if (p->error && p->error->msg == "MemoryError") return nullptr;
    if (p->error && !p->call_invalid_rules && p->fill > 0 &&
        p->tokens[static_cast<std::size_t>(p->fill - 1)]->type == ERRORTOKEN) {
        return nullptr;  // the tokenizer's error stands
    }
    Token* last_token = p->fill > 0 ? p->tokens[static_cast<std::size_t>(p->fill - 1)] : nullptr;
    if (p->error) return nullptr;  // raised by an action in the first pass
    reset_parser_state_for_error_pass(p);
    p->error_indicator = 0;
    (void)run_start_rule(p);
    set_syntax_error(p, last_token);
    return nullptr;
}

}  // namespace minipy::parser
