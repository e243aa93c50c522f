// string_parser.cpp: the second step of parsing string literals. The
// grammar only collects STRING tokens (`strings: STRING+`); this file gives
// them their value: prefixes, escapes, implicit concatenation, and
// f-strings, whose expressions are parsed by a parser of their own over
// "(expression)" (CPython 3.11 does the same; 3.12 moved f-strings into the
// tokenizer). Mirrors CPython 3.11 Parser/string_parser.c. Book ch. 6.
#include "string_parser.h"

#include <cstdio>
#include <vector>

#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pegen.h"

namespace minipy::parser {

namespace {

bool is_octal(char c)
{
    return c >= '0' && c <= '7';
}

// The one-character escapes str and bytes literals share (\n, \t, \\, ...,
// and a backslash-newline, which stands for nothing): the character, or
// ESCAPE_NOTHING, or NOT_SIMPLE for any other escape.
constexpr int ESCAPE_NOTHING = -1;
constexpr int NOT_SIMPLE = -2;
int simple_escape(char e)
{
    switch (e) {
    case '\n': return ESCAPE_NOTHING;
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return NOT_SIMPLE;
    }
}

int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string codec_error(std::size_t start, std::size_t end, const char* reason)
{
    char buf[200];
    if (end - start <= 1) {
        std::snprintf(buf, sizeof buf, "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %zu: %s",
                      start, reason);
    } else {
        std::snprintf(buf, sizeof buf,
                      "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s", start,
                      end - 1, reason);
    }
    return buf;
}

}  // namespace

// CPython first rewrites each non-ASCII character of the literal as a
// 10-byte \UXXXXXXXX escape and then runs the unicode-escape codec, so the
// positions in its error messages count in that rewritten text; `pos`
// below tracks the same numbering.
bool decode_unicode_with_escapes(std::string_view s, runtime::UnicodeWriter* out, std::string* error,
                                 std::string* first_invalid)
{
    std::size_t i = 0, pos = 0;
    while (i < s.size()) {
        if (s[i] != '\\') {
            // A run of literal text (valid UTF-8: the tokenizer checked it);
            // every non-ASCII character counts 10 in CPython's positions.
            std::size_t start = i;
            for (; i < s.size() && s[i] != '\\'; ++i) {
                auto c = static_cast<unsigned char>(s[i]);
                if (c < 0x80) pos += 1;
                else if ((c & 0xc0) != 0x80) pos += 10;
            }
            out->write_utf8(s.substr(start, i - start));
            continue;
        }
        std::size_t esc_pos = pos;
        ++i;
        if (i >= s.size()) {
            *error = "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position " +
                     std::to_string(esc_pos) + ": \\ at end of string";
            return false;
        }
        char e = s[i];
        if (static_cast<unsigned char>(e) >= 0x80) {
            // A backslash before a non-ASCII character stays a backslash.
            out->write_char('\\');
            pos += 6;
            continue;
        }
        ++i;
        pos += 2;
        if (int simple = simple_escape(e); simple != NOT_SIMPLE) {
            if (simple != ESCAPE_NOTHING) out->write_char(static_cast<runtime::Py_UCS4>(simple));
            continue;
        }
        switch (e) {
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = static_cast<unsigned>(e - '0');
            const std::size_t first_digit = i - 1;
            for (int k = 0; k < 2 && i < s.size() && is_octal(s[i]); ++k, ++i, ++pos) v = v * 8 + static_cast<unsigned>(s[i] - '0');
            // Above \377: valid for now, with a DeprecationWarning (3.11).
            if (v > 0377 && first_invalid && first_invalid->empty()) *first_invalid = std::string(s.substr(first_digit, 3));
            out->write_char(v);
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            runtime::Py_UCS4 v = 0;
            int k = 0;
            for (; k < digits && i < s.size() && hex_value(s[i]) >= 0; ++k, ++i, ++pos) v = v * 16 + static_cast<runtime::Py_UCS4>(hex_value(s[i]));
            if (k < digits) {
                const char* reason = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape"
                                                                                    : "truncated \\UXXXXXXXX escape";
                *error = codec_error(esc_pos, pos, reason);
                return false;
            }
            if (v > 0x10ffff) {
                *error = codec_error(esc_pos, pos, "illegal Unicode character");
                return false;
            }
            out->write_char(v);
            break;
        }
        case 'N': {
            // \N{NAME}: the character named NAME in the Unicode 14.0
            // database, or one of its aliases (runtime's unicode_lookup_name,
            // CPython's _ucnhash_CAPI).
            std::size_t close = std::string_view::npos;
            if (i < s.size() && s[i] == '{') close = s.find('}', i + 1);
            if (close == std::string_view::npos || close == i + 1) {
                std::size_t end_pos = pos + (i < s.size() && s[i] == '{' ? 1 : 0);
                *error = codec_error(esc_pos, end_pos, "malformed \\N character escape");
                return false;
            }
            runtime::Py_UCS4 ch;
            bool found = runtime::unicode_lookup_name(s.substr(i + 1, close - i - 1), &ch);
            std::size_t consumed = close + 1 - i;
            if (!found) {
                *error = codec_error(esc_pos, pos + consumed, "unknown Unicode character name");
                return false;
            }
            i = close + 1;
            pos += consumed;
            out->write_char(ch);
            break;
        }
        default:
            // An unknown escape keeps its backslash (a DeprecationWarning in 3.11).
            if (first_invalid && first_invalid->empty()) *first_invalid = std::string(1, e);
            out->write_char('\\');
            out->write_char(static_cast<unsigned char>(e));
            break;
        }
    }
    return true;
}

bool decode_bytes_with_escapes(std::string_view s, std::string* out, std::string* error, std::string* first_invalid)
{
    std::size_t i = 0;
    while (i < s.size()) {
        char c = s[i];
        if (c != '\\') {
            out->push_back(c);
            ++i;
            continue;
        }
        std::size_t esc = i;
        ++i;
        if (i >= s.size()) {
            *error = "(value error) Trailing \\ in string";
            return false;
        }
        char e = s[i++];
        if (int simple = simple_escape(e); simple != NOT_SIMPLE) {
            if (simple != ESCAPE_NOTHING) out->push_back(static_cast<char>(simple));
            continue;
        }
        switch (e) {
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = static_cast<unsigned>(e - '0');
            const std::size_t first_digit = i - 1;
            for (int k = 0; k < 2 && i < s.size() && is_octal(s[i]); ++k, ++i) v = v * 8 + static_cast<unsigned>(s[i] - '0');
            if (v > 0377 && first_invalid && first_invalid->empty()) *first_invalid = std::string(s.substr(first_digit, 3));
            out->push_back(static_cast<char>(v & 0xff));
            break;
        }
        case 'x': {
            if (i + 1 < s.size() + 0 && hex_value(s[i]) >= 0 && i + 1 < s.size() && hex_value(s[i + 1]) >= 0) {
                out->push_back(static_cast<char>(hex_value(s[i]) * 16 + hex_value(s[i + 1])));
                i += 2;
            } else {
                *error = "(value error) invalid \\x escape at position " + std::to_string(esc);
                return false;
            }
            break;
        }
        default:
            if (first_invalid && first_invalid->empty()) *first_invalid = std::string(1, e);
            out->push_back('\\');
            out->push_back(e);
            break;
        }
    }
    return true;
}

namespace {

// -- One literal ------------------------------------------------------------------

struct ParsedString {
    bool bytesmode = false;
    bool rawmode = false;
    bool fmode = false;
    runtime::Ref<> value;    // the decoded str or bytes (not for f-strings)
    std::string_view body;   // the text between the quotes
    std::size_t body_offset = 0;  // where body starts in the token's text
};

// warn_invalid_escape_sequence: an unknown escape (or an octal one above
// \377) is kept, with a DeprecationWarning located at the string's token.
// The parse runs on its own thread, so the warning is queued for the
// caller to issue (compile_source); under -W error it becomes a
// SyntaxError at the token, as CPython turns it into one. Each token warns
// once, though the error pass may parse it again.
void warn_invalid_escape_sequence(Parser* p, const std::string& invalid, Token* t)
{
    const bool octal = invalid[0] >= '4' && invalid[0] <= '7';
    lexer::TokenizerWarning w;
    w.category = "DeprecationWarning";
    w.msg = (octal ? "invalid octal escape sequence '\\" : "invalid escape sequence '\\") + invalid + "'";
    w.lineno = t->lineno;
    w.col_offset = t->col_offset;
    for (const lexer::TokenizerWarning& seen : p->warnings)
        if (seen.lineno == w.lineno && seen.col_offset == w.col_offset && seen.msg == w.msg) return;
    // The SyntaxError it would be: made by the parser's own error routine
    // (located at the token), without disturbing the parse's error state.
    std::unique_ptr<lexer::SyntaxErrorInfo> saved_error = std::move(p->error);
    const int saved_indicator = p->error_indicator;
    Token* saved_token = p->known_err_token;
    p->known_err_token = t;
    RAISE_SYNTAX_ERROR(w.msg);
    w.as_error = std::move(p->error);
    p->error = std::move(saved_error);
    p->error_indicator = saved_indicator;
    p->known_err_token = saved_token;
    p->warnings.push_back(std::move(w));
}

// CPython's _PyPegen_parsestr: prefix, quotes, and (not for f-strings) escapes.
bool parsestr(Parser* p, Token* t, ParsedString* r)
{
    std::string_view s = t->bytes;
    std::size_t i = 0;
    while (i < s.size() && s[i] != '\'' && s[i] != '"') {
        char c = static_cast<char>(s[i] | 0x20);
        if (c == 'b') r->bytesmode = true;
        else if (c == 'r') r->rawmode = true;
        else if (c == 'f') r->fmode = true;
        ++i;
    }
    char quote = s[i];
    std::size_t qlen = s.size() - i >= 6 && s[i + 1] == quote && s[i + 2] == quote ? 3 : 1;
    r->body_offset = i + qlen;
    r->body = s.substr(i + qlen, s.size() - i - 2 * qlen);
    if (r->fmode) return true;
    bool raw = r->rawmode || r->body.find('\\') == std::string_view::npos;
    std::string error;
    if (r->bytesmode) {
        for (char c : r->body) {
            if (static_cast<unsigned char>(c) >= 0x80) {
                RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t, "bytes can only contain ASCII literal characters");
                return false;
            }
        }
        std::string bytes, invalid;
        if (!raw && !decode_bytes_with_escapes(r->body, &bytes, &error, &invalid)) {
            RAISE_SYNTAX_ERROR(error);
            return false;
        }
        if (!invalid.empty()) warn_invalid_escape_sequence(p, invalid, t);
        r->value = runtime::bytes_from_view(raw ? r->body : std::string_view(bytes));
    } else if (raw) {
        r->value = runtime::unicode_from_utf8(r->body);
    } else {
        runtime::UnicodeWriter w;
        std::string invalid;
        if (!decode_unicode_with_escapes(r->body, &w, &error, &invalid)) {
            RAISE_SYNTAX_ERROR(error);
            return false;
        }
        if (!invalid.empty()) warn_invalid_escape_sequence(p, invalid, t);
        r->value = w.finish();
    }
    if (!r->value) return runtime_error_to_parser_error(p), false;
    return true;
}

// -- f-strings ----------------------------------------------------------------------

constexpr int MAXLEVEL = 200;

// The nodes being built for one implicit concatenation (CPython's
// FstringParser): `last_str` is the literal text not yet turned into a
// Constant. A single piece stays the str it is; only when a second one
// comes are the pieces copied into `joined`.
struct FstringParser {
    std::vector<expr_ty> expr_list;
    runtime::Ref<> last_str;
    runtime::UnicodeWriter joined;
    bool in_joined = false;
    bool has_last_str = false;
    bool fmode = false;
};

expr_ty make_str_node(Parser* p, FstringParser* state, Token* first_token, Token* last_token)
{
    string kind{};
    if (!first_token->bytes.empty() && first_token->bytes[0] == 'u') kind = p->arena->copy("u");
    runtime::Ref<> value = state->in_joined         ? state->joined.finish()
                           : state->has_last_str ? std::move(state->last_str)
                                                 : runtime::new_ref(runtime::unicode_empty());
    state->last_str = nullptr;
    state->in_joined = false;
    state->has_last_str = false;
    constant v = arena_constant(p, std::move(value));
    if (v == nullptr) return static_cast<expr_ty>(runtime_error_to_parser_error(p));
    return Constant(v, kind, first_token->lineno, first_token->col_offset, last_token->end_lineno,
                    last_token->end_col_offset, p->arena);
}

void concat_literal(FstringParser* state, runtime::Ref<> text)
{
    if (runtime::unicode_length(text.get()) == 0) return;
    if (!state->has_last_str) {
        state->last_str = std::move(text);
        state->has_last_str = true;
        return;
    }
    if (!state->in_joined) {
        state->joined.write_str(state->last_str.get());
        state->last_str = nullptr;
        state->in_joined = true;
    }
    state->joined.write_str(text.get());
}

expr_ty fstring_parse(Parser* p, const char** str, const char* end, bool raw, int recurse_lvl,
                      Token* first_token, Token* t, Token* last_token);

// Where the expression starting at `expr_start` (its '{') sits relative to
// the token: lines below the token's first line, and the column the
// sub-parser's first line starts at (CPython: fstring_find_expr_location).
void fstring_find_expr_location(Token* t, const char* expr_start, int* p_lines, int* p_cols)
{
    *p_lines = 0;
    *p_cols = 0;
    const char* parent = t->bytes.data();
    bool newline_after_brace = true;
    for (const char* c = expr_start + 1; c < parent + t->bytes.size() && *c != '}' && *c != '\n'; ++c) {
        if (*c != ' ' && *c != '\t' && *c != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    if (!newline_after_brace) {
        const char* start = expr_start;
        while (start > parent && *start != '\n') --start;
        *p_cols += static_cast<int>(expr_start - start);
        if (*start == '\n') *p_cols -= 1;
    }
    for (const char* c = parent; c < expr_start; ++c) {
        if (*c == '\n') ++*p_lines;
    }
}

expr_ty fstring_compile_expr(Parser* p, const char* expr_start, const char* expr_end, Token* t)
{
    const char* s = expr_start;
    while (s != expr_end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) ++s;
    if (s == expr_end) {
        RAISE_SYNTAX_ERROR("f-string: empty expression not allowed");
        return nullptr;
    }
    std::string text = "(" + std::string(expr_start, expr_end) + ")";
    int lines = 0, cols = 0;
    fstring_find_expr_location(t, expr_start - 1, &lines, &cols);

    lexer::Tokenizer tok(text, p->filename);
    SourceLines sub_source;
    sub_source.text = text;
    std::size_t line_start = 0;
    for (std::size_t k = 0; k <= sub_source.text.size(); ++k) {
        if (k == sub_source.text.size() || sub_source.text[k] == '\n') {
            sub_source.lines.push_back(std::string_view(sub_source.text).substr(line_start, k - line_start));
            line_start = k + 1;
        }
    }
    Parser p2;
    p2.tok = &tok;
    p2.arena = p->arena;
    p2.keywords = p->keywords;
    p2.start_rule = StartRule::FSTRING_INPUT;
    p2.debug = p->debug;
    p2.source = &sub_source;
    p2.filename = p->filename;
    p2.starting_lineno = t->lineno + lines;
    p2.starting_col_offset = lines != 0 ? cols : t->col_offset + cols;
    auto* result = static_cast<expr_ty>(run_parser(&p2));
    if (result == nullptr) {
        p->error_indicator = 1;
        if (p2.error && !p->error) p->error = std::move(p2.error);
        return nullptr;
    }
    return result;
}

// Scans one expression "{...}" (CPython: fstring_find_expr).
int fstring_find_expr(Parser* p, const char** str, const char* end, bool raw, int recurse_lvl,
                      std::string* expr_text, bool* has_expr_text, expr_ty* expression, Token* first_token,
                      Token* t, Token* last_token)
{
    char quote_char = 0;
    int string_type = 0;
    int nested_depth = 0;
    char parenstack[MAXLEVEL];
    int conversion = -1;
    expr_ty format_spec = nullptr;
    *has_expr_text = false;

    if (recurse_lvl >= 2) {
        RAISE_SYNTAX_ERROR("f-string: expressions nested too deeply");
        return -1;
    }
    *str += 1;  // the '{'
    const char* expr_start = *str;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            RAISE_SYNTAX_ERROR("f-string expression part cannot include a backslash");
            return -1;
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && *(*str + 1) == ch && *(*str + 2) == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                    }
                } else {
                    string_type = 0;
                    quote_char = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && *(*str + 1) == ch && *(*str + 2) == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (nested_depth >= MAXLEVEL) {
                RAISE_SYNTAX_ERROR("f-string: too many nested parenthesis");
                return -1;
            }
            parenstack[nested_depth++] = ch;
        } else if (ch == '#') {
            RAISE_SYNTAX_ERROR("f-string expression part cannot include '#'");
            return -1;
        } else if (nested_depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = *(*str + 1);
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && next == '=') {
                    *str += 1;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (nested_depth == 0) {
                RAISE_SYNTAX_ERROR(std::string("f-string: unmatched '") + ch + "'");
                return -1;
            }
            char opening = parenstack[--nested_depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') || (opening == '{' && ch == '}'))) {
                RAISE_SYNTAX_ERROR(std::string("f-string: closing parenthesis '") + ch +
                                   "' does not match opening parenthesis '" + opening + "'");
                return -1;
            }
        }
    }
    const char* expr_end = *str;
    if (quote_char) {
        RAISE_SYNTAX_ERROR("f-string: unterminated string");
        return -1;
    }
    if (nested_depth) {
        RAISE_SYNTAX_ERROR(std::string("f-string: unmatched '") + parenstack[nested_depth - 1] + "'");
        return -1;
    }
    if (*str >= end) goto unexpected_end_of_string;
    {
        expr_ty simple_expression = fstring_compile_expr(p, expr_start, expr_end, t);
        if (simple_expression == nullptr) return -1;

        if (**str == '=') {
            *str += 1;
            while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r' ||
                                  **str == '\f' || **str == '\v'))
                *str += 1;
            if (*str >= end) goto unexpected_end_of_string;
            *expr_text = std::string(expr_start, *str);
            *has_expr_text = true;
        }
        if (**str == '!') {
            *str += 1;
            if (*str >= end) goto unexpected_end_of_string;
            conversion = static_cast<unsigned char>(**str);
            *str += 1;
            if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
                RAISE_SYNTAX_ERROR("f-string: invalid conversion character: expected 's', 'r', or 'a'");
                return -1;
            }
        }
        if (*str >= end) goto unexpected_end_of_string;
        if (**str == ':') {
            *str += 1;
            if (*str >= end) goto unexpected_end_of_string;
            format_spec = fstring_parse(p, str, end, raw, recurse_lvl + 1, first_token, t, last_token);
            if (format_spec == nullptr) return -1;
        }
        if (*str >= end || **str != '}') goto unexpected_end_of_string;
        *str += 1;
        if (*has_expr_text && format_spec == nullptr && conversion == -1) conversion = 'r';
        *expression = FormattedValue(simple_expression, conversion, format_spec, first_token->lineno,
                                     first_token->col_offset, last_token->end_lineno, last_token->end_col_offset,
                                     p->arena);
        return *expression == nullptr ? -1 : 0;
    }
unexpected_end_of_string:
    RAISE_SYNTAX_ERROR("f-string: expecting '}'");
    return -1;
}

// The literal text up to the next expression (CPython: fstring_find_literal).
// Returns 1 when the literal ended at a doubled brace (scan again), 0 at an
// expression or the end, -1 on error.
int fstring_find_literal(Parser* p, const char** str, const char* end, bool raw, runtime::Ref<>* literal,
                         bool* has_literal, int recurse_lvl, Token* t)
{
    const char* s = *str;
    const char* literal_start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                // "\N{NAME}": its braces are not an expression's.
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                    continue;
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    RAISE_SYNTAX_ERROR("f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (literal_start != s) {
        std::string_view body(literal_start, static_cast<std::size_t>(s - literal_start));
        *has_literal = true;
        if (raw) {
            *literal = runtime::unicode_from_utf8(body);
        } else {
            std::string error, invalid;
            runtime::UnicodeWriter w;
            if (!decode_unicode_with_escapes(body, &w, &error, &invalid)) {
                RAISE_SYNTAX_ERROR(error);
                return -1;
            }
            if (!invalid.empty()) warn_invalid_escape_sequence(p, invalid, t);
            *literal = w.finish();
        }
        if (!*literal) return runtime_error_to_parser_error(p), -1;
    }
    return result;
}

// Adds one f-string's pieces to the concatenation (CPython:
// _PyPegen_FstringParser_ConcatFstring).
int concat_fstring(Parser* p, FstringParser* state, const char** str, const char* end, bool raw,
                   int recurse_lvl, Token* first_token, Token* t, Token* last_token)
{
    state->fmode = true;
    for (;;) {
        runtime::Ref<> literal;
        std::string expr_text;
        bool has_literal = false, has_expr_text = false;
        expr_ty expression = nullptr;
        int result = fstring_find_literal(p, str, end, raw, &literal, &has_literal, recurse_lvl, t);
        if (result < 0) return -1;
        if (result == 0 && !(*str >= end || **str == '}')) {
            if (fstring_find_expr(p, str, end, raw, recurse_lvl, &expr_text, &has_expr_text, &expression,
                                  first_token, t, last_token) < 0)
                return -1;
        }
        if (has_literal) concat_literal(state, std::move(literal));
        if (has_expr_text) {
            runtime::Ref<> text = runtime::unicode_from_utf8(expr_text);
            if (!text) return runtime_error_to_parser_error(p), -1;
            concat_literal(state, std::move(text));
        }
        if (result == 1) continue;
        if (expression == nullptr) break;
        if (state->has_last_str) {
            expr_ty s = make_str_node(p, state, first_token, last_token);
            if (s == nullptr) return -1;
            state->expr_list.push_back(s);
        }
        state->expr_list.push_back(expression);
    }
    if (recurse_lvl == 0 && *str < end - 1) {
        RAISE_SYNTAX_ERROR("f-string: unexpected end of string");
        return -1;
    }
    if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
        RAISE_SYNTAX_ERROR("f-string: expecting '}'");
        return -1;
    }
    return 0;
}

expr_ty fstring_finish(Parser* p, FstringParser* state, Token* first_token, Token* last_token)
{
    if (!state->fmode) return make_str_node(p, state, first_token, last_token);
    if (state->has_last_str) {
        expr_ty s = make_str_node(p, state, first_token, last_token);
        if (s == nullptr) return nullptr;
        state->expr_list.push_back(s);
    }
    return JoinedStr(make_seq(p, state->expr_list), first_token->lineno, first_token->col_offset,
                     last_token->end_lineno, last_token->end_col_offset, p->arena);
}

// A format spec: an f-string of its own, one level down.
expr_ty fstring_parse(Parser* p, const char** str, const char* end, bool raw, int recurse_lvl,
                      Token* first_token, Token* t, Token* last_token)
{
    FstringParser state;
    if (concat_fstring(p, &state, str, end, raw, recurse_lvl, first_token, t, last_token) < 0) return nullptr;
    return fstring_finish(p, &state, t, t);
}

}  // namespace

expr_ty concatenate_strings(Parser* p, asdl_seq<Token*>* strings)
{
    Token* first = (*strings)[0];
    Token* last = seq_last(strings);
    bool bytesmode = false;
    runtime::Ref<> bytes_value;
    FstringParser state;
    for (int i = 0; i < strings->size; ++i) {
        Token* t = (*strings)[i];
        ParsedString r;
        if (!parsestr(p, t, &r)) return nullptr;
        if (i != 0 && bytesmode != r.bytesmode) {
            RAISE_SYNTAX_ERROR("cannot mix bytes and nonbytes literals");
            return nullptr;
        }
        bytesmode = r.bytesmode;
        if (r.fmode) {
            const char* fstr = r.body.data();
            if (concat_fstring(p, &state, &fstr, fstr + r.body.size(), r.rawmode, 0, first, t, last) < 0)
                return nullptr;
        } else if (bytesmode) {
            bytes_value = bytes_value ? runtime::bytes_concat(bytes_value.get(), r.value.get()) : std::move(r.value);
            if (!bytes_value) return static_cast<expr_ty>(runtime_error_to_parser_error(p));
        } else {
            concat_literal(&state, std::move(r.value));
        }
    }
    if (bytesmode) {
        constant v = arena_constant(p, std::move(bytes_value));
        if (v == nullptr) return static_cast<expr_ty>(runtime_error_to_parser_error(p));
        return Constant(v, {}, first->lineno, first->col_offset, last->end_lineno, last->end_col_offset, p->arena);
    }
    return fstring_finish(p, &state, first, last);
}

}  // namespace minipy::parser
