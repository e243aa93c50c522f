// tokenizer.re: the tokenizer the parser consumes. Mirrors CPython 3.11
// Parser/tokenizer.c (tok_get, tok_continuation_line, verify_end_of_number,
// verify_identifier, the syntaxerror helpers) and the tokenizer-error half of
// Parser/pegen_errors.c (_PyPegen_tokenizer_error). Book ch. 6.
// re2c turns this file into tokenizer.cpp in the build directory.
//
// Shape of tok_get, as in CPython: at the beginning of a line, measure the
// indentation (col with tabs to multiples of 8, altcol with tabs counting 1;
// the two must order lines the same way, or it is a TabError) and queue
// INDENT/DEDENT tokens; then skip blanks and a comment, and scan one token.
// The scan is the re2c block in scan_token(): valid names, numbers, string
// openings and operators are regular expressions; the malformed numbers
// CPython words specially get rules of their own, so each rule's action
// knows the exact message and where CPython's cursor stands when it raises.
//
// Input: the whole file decoded to UTF-8 with newlines translated to '\n'
// (CPython's file reader does the same), a '\n' added at the end if missing,
// and a NUL after it. The first line CPython's reader would refuse (bytes
// that are not UTF-8 without a cookie, or a NUL byte) is cut off, and the
// error is raised when the scanner reaches it, which is when CPython reads it.
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "decoding.h"
#include "minipy/lexer/tokenizer.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::lexer {

constexpr int TABSIZE = 8;
constexpr int ALTTABSIZE = 1;
constexpr int MAXINDENT = 100;  // CPython's limit of indentation levels
constexpr int MAXLEVEL = 200;   // ... and of nested parentheses

const char* SyntaxErrorInfo::type_name() const
{
    switch (kind) {
    case IndentationError: return "IndentationError";
    case TabError: return "TabError";
    default: return "SyntaxError";
    }
}

struct TokState {
    std::string filename;
    std::string encoding = "utf-8";
    std::string buf;           // the decoded text, '\n'-terminated, then NUL
    const char* cur = nullptr;    // next character to read
    const char* inp = nullptr;    // end of the readable text (the NUL)
    const char* line_start = nullptr;
    const char* start = nullptr;  // start of the current token
    int lineno = 1;
    bool atbol = true;
    int pendin = 0;  // > 0: INDENTs to hand out; < 0: DEDENTs
    int indent = 0;
    int indstack[MAXINDENT] = {0};
    int altindstack[MAXINDENT] = {0};
    int level = 0;  // bracket nesting
    char parenstack[MAXLEVEL] = {0};
    int parenlinenostack[MAXLEVEL] = {0};
    int parencolstack[MAXLEVEL] = {0};  // bytes
    bool at_end = false;
    // Interactive input (CPython's tok->prompt != NULL): a totally empty
    // line ends a compound statement, and a first line of only blanks or a
    // comment is a statement of its own. The buffer then holds the lines
    // read so far; wanting a character past them is where CPython's
    // tokenizer would prompt for another line (tok_underflow_interactive).
    bool interactive = false;
    bool underflow = false;
    bool added_newline = false;  // the file did not end with a newline
    bool exec_input = true;      // add that newline (CPython: exec_input)
    bool string_input = false;   // error lines come from buf, not the file
    bool declared_encoding = false;  // a BOM or a cookie (CPython's tok->encoding is set)
    bool undecodable = false;        // some line of the file is not UTF-8 (and no cookie)
    std::unique_ptr<SyntaxErrorInfo> error;
    std::unique_ptr<SyntaxErrorInfo> deferred;  // raised when the scanner reaches inp
    std::vector<TokenizerWarning> warnings;

    // Code-point columns are counted from the last answer on the same line.
    const char* cp_line = nullptr;
    const char* cp_pos = nullptr;
    int cp_count = 0;

    // CPython counts a line when it reads it, not when it passes its '\n':
    // at the end of the input, the line number is still the last line's.
    // Without the added newline ('eval' strings), the last line is never
    // passed, and an empty text has no line at all (line 0).
    int reported_lineno() const
    {
        if (cur < inp) return lineno;
        if (buf.empty()) return exec_input ? lineno : 0;
        return buf.back() == '\n' ? lineno - 1 : lineno;
    }

    // The first non-ASCII byte at or after the last place looked from:
    // on the (many) lines before it, code points and bytes are the same.
    const char* nonascii = nullptr;

    int cp_col(const char* pos)
    {
        if (nonascii < line_start) {
            nonascii = line_start;
            while (inp - nonascii >= 8) {
                std::uint64_t word;
                std::memcpy(&word, nonascii, 8);
                if ((word & 0x8080808080808080ULL) != 0) break;
                nonascii += 8;
            }
            while (nonascii < inp && static_cast<unsigned char>(*nonascii) < 0x80) ++nonascii;
        }
        if (pos <= nonascii) return static_cast<int>(pos - line_start);
        if (cp_line != line_start || pos < cp_pos) {
            cp_line = cp_pos = line_start;
            cp_count = 0;
        }
        for (const char* p = cp_pos; p < pos; ++p) {
            if ((static_cast<unsigned char>(*p) & 0xC0) != 0x80) ++cp_count;
        }
        cp_pos = pos;
        return cp_count;
    }

    // The text of the line starting at `from`, with its '\n' (what pegen
    // reads back from the file) or without it (what the tokenizer's own
    // errors carry).
    std::string line_text(const char* from, bool with_newline = true) const
    {
        const char* nl = static_cast<const char*>(std::memchr(from, '\n', static_cast<std::size_t>(inp - from)));
        // The '\n' added at the end of a file that lacked one is not in the file.
        if (nl != nullptr && nl + 1 == inp && added_newline && !string_input) with_newline = false;
        std::string_view line(from, static_cast<std::size_t>((nl == nullptr ? inp : with_newline ? nl + 1 : nl) - from));
        // Under a utf-8 cookie a line may hold undecodable bytes: CPython
        // decodes the error's text with errors="replace".
        if (runtime::utf8_find_invalid(line) != std::string_view::npos) return runtime::utf8_replace(line);
        return std::string(line);
    }

    // The scanner reached the end of the buffer: in interactive mode,
    // CPython would read another line here.
    void at_buffer_end()
    {
        if (interactive) underflow = true;
    }

    // Moves past a '\n' at p (cur must then be p + 1).
    void newline_at(const char* p)
    {
        ++lineno;
        line_start = p + 1;
    }

    SyntaxErrorInfo& raise(SyntaxErrorInfo::Kind kind, std::string msg, int lineno_, int offset, int end_offset,
                           std::string text)
    {
        error = std::make_unique<SyntaxErrorInfo>();
        error->kind = kind;
        error->msg = std::move(msg);
        error->filename = filename;
        error->lineno = error->end_lineno = lineno_;
        error->offset = offset;
        error->end_offset = end_offset;
        error->text = std::move(text);
        return *error;
    }

    // _syntaxerror_range with col_offset -1: the location is the cursor,
    // counted in code points from the start of the line.
    int syntaxerror(std::string msg)
    {
        const int col = cp_col(cur);
        raise(SyntaxErrorInfo::SyntaxError, std::move(msg), lineno, col, col, line_text(line_start, false));
        return ERRORTOKEN;
    }

    // _syntaxerror_range with a known range (1-based, in bytes as CPython passes them).
    int syntaxerror_known_range(int col_offset, int end_col_offset, std::string msg)
    {
        raise(SyntaxErrorInfo::SyntaxError, std::move(msg), lineno, col_offset, end_col_offset,
              line_text(line_start, false));
        return ERRORTOKEN;
    }

    // The errors tok_get reports through tok->done and pegen turns into an
    // exception located at column 0 of the current line (E_TABSPACE,
    // E_TOODEEP, E_DEDENT) or at a given column (E_LINECONT).
    // The offset pegen reports for a location it computes itself: a byte
    // offset, which it converts to code points only when the file declared
    // its encoding (tok->encoding != NULL: a BOM or a cookie).
    int pegen_offset(const char* line, int byte_offset) const
    {
        if (!declared_encoding) return byte_offset;
        return runtime::utf8_count_code_points(std::string_view(line, static_cast<std::size_t>(byte_offset)));
    }

    int done_error(SyntaxErrorInfo::Kind kind, const char* msg, int col_offset, const char* done)
    {
        raise(kind, msg, lineno, col_offset + 1, 0, line_text(line_start)).done = done;
        return ERRORTOKEN;
    }
};

namespace {

std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

std::string format(const char* fmt, ...)
{
    char text[256];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
    return text;
}

bool is_potential_identifier_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 128;
}

// verify_end_of_number: a number directly followed by a letter is an error,
// except before the keywords that may follow a number in valid code ("1if
// x else y"), where CPython only warns. *end is the number's end; returns
// false with the error raised.
bool verify_end_of_number(TokState* tok, const char* end, const char* kind)
{
    const auto c = static_cast<unsigned char>(*end);
    // lookahead: the rest of the keyword, not followed by a name character.
    auto lookahead = [&](const char* rest) {
        const std::size_t n = std::strlen(rest);
        if (tok->inp - (end + 1) < static_cast<std::ptrdiff_t>(n) || std::strncmp(end + 1, rest, n) != 0) return false;
        const char* after = end + 1 + n;
        return after >= tok->inp || !is_potential_identifier_char(static_cast<unsigned char>(*after));
    };
    bool r = false;
    if (c == 'a') r = lookahead("nd");
    else if (c == 'e') r = lookahead("lse");
    else if (c == 'f') r = lookahead("or");
    else if (c == 'i') r = end[1] == 'f' || end[1] == 'n' || end[1] == 's';  // no check after: "1ifx" warns
    else if (c == 'o') r = lookahead("r");
    else if (c == 'n') r = lookahead("ot");
    if (r) {
        // parser_warn: valid code today, a SyntaxWarning for now.
        TokenizerWarning warning;
        warning.category = "SyntaxWarning";
        warning.msg = format("invalid %s literal", kind);
        warning.lineno = tok->lineno;
        // The warning shows the line as linecache reads it from the file:
        // nothing when the file as a whole does not decode.
        if (!tok->undecodable) warning.line = tok->line_text(tok->line_start, false);
        // Under -W error, CPython's syntaxerror() at the character after
        // the number (its cursor, backed up to it).
        warning.col_offset = static_cast<int>(end - tok->line_start);
        auto error = std::make_shared<SyntaxErrorInfo>();
        error->msg = warning.msg;
        error->filename = tok->filename;
        error->lineno = error->end_lineno = tok->lineno;
        error->offset = error->end_offset = tok->cp_col(end);
        error->text = tok->line_text(tok->line_start, false);
        warning.as_error = std::move(error);
        tok->warnings.push_back(std::move(warning));
        return true;
    }
    // Only ASCII letters: a non-ASCII character after a number is left to
    // the next token, which reports it as an invalid character.
    if (end < tok->inp && c < 128 && is_potential_identifier_char(c)) {
        tok->cur = end;
        tok->syntaxerror(format("invalid %s literal", kind));
        return false;
    }
    return true;
}

// verify_identifier: a name with non-ASCII bytes must be XID_Start
// XID_Continue*; the error names the first character that is not.
bool verify_identifier(TokState* tok)
{
    const char* p = tok->start;
    const char* end = tok->cur;
    bool first = true;
    while (p < end) {
        runtime::Py_UCS4 ch;
        int n = runtime::utf8_decode_char(p, end, &ch);
        if (n == 0) {
            // Only reachable under a utf-8 cookie, whose lines are not
            // checked when read: CPython fails decoding the name (E_DECODE)
            // and pegen reports the decoder's error at the bad byte.
            const char* reason;
            const int length = runtime::utf8_error_length(p, end, &reason);
            const int position = static_cast<int>(p - tok->start);
            std::string msg =
                length == 1
                    ? format("(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: %s",
                             static_cast<unsigned char>(*p), position, reason)
                    : format("(unicode error) 'utf-8' codec can't decode bytes in position %d-%d: %s", position,
                             position + length - 1, reason);
            tok->cur = p;
            tok->raise(SyntaxErrorInfo::SyntaxError, std::move(msg), tok->lineno, tok->cp_col(p) + 1, -1,
                       tok->line_text(tok->line_start)).done = "E_DECODE";
            return false;
        }
        const bool ok = first ? (ch == '_' || runtime::unicode_isxid_start(ch)) : runtime::unicode_isxid_continue(ch);
        if (!ok) {
            tok->cur = p + n;  // the error points just after the bad character
            char hex[16];
            std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(ch));
            if (runtime::unicode_isprintable(ch)) {
                std::string shown;
                runtime::utf8_append(shown, ch);
                tok->syntaxerror("invalid character '" + shown + "' (U+" + hex + ")");
            }
            else {
                tok->syntaxerror(std::string("invalid non-printable character U+") + hex);
            }
            return false;
        }
        first = false;
        p += n;
    }
    return true;
}

// E_EOF inside brackets: pegen's raise_unclosed_parentheses_error points
// at the innermost open bracket.
bool raise_unclosed_parentheses_error(TokState* tok)
{
    const int lineno = tok->parenlinenostack[tok->level - 1];
    const char* line = tok->buf.data();
    for (int n = 1; n < lineno; ++n) line = std::strchr(line, '\n') + 1;
    const auto col_bytes = static_cast<std::size_t>(tok->parencolstack[tok->level - 1]);
    tok->raise(SyntaxErrorInfo::SyntaxError, format("'%c' was never closed", tok->parenstack[tok->level - 1]),
               lineno, tok->pegen_offset(line, static_cast<int>(col_bytes) + 1), 0, tok->line_text(line))
        .done = "E_EOF";
    return false;
}

// tok_continuation_line: after a backslash, only a newline may follow.
// cur is just past the backslash. Returns false with the error raised.
bool raise_unclosed_parentheses_error(TokState* tok);

bool continuation_line(TokState* tok, bool at_bol)
{
    if (tok->cur >= tok->inp && tok->deferred) {
        tok->error = std::move(tok->deferred);
        return false;
    }
    if (*tok->cur != '\n') {
        // E_LINECONT, located at the character after the backslash.
        // At the end of an 'eval' string CPython's cursor has not moved
        // past the missing character, so the column is one less.
        const int col_bytes = static_cast<int>(tok->cur - tok->line_start) - (tok->cur >= tok->inp ? 1 : 0);
        tok->done_error(SyntaxErrorInfo::SyntaxError, "unexpected character after line continuation character",
                        tok->pegen_offset(tok->line_start, col_bytes + 1) - 1, "E_LINECONT");
        return false;
    }
    const char* nl = tok->cur;
    tok->cur++;
    if (tok->cur >= tok->inp && !tok->deferred) {
        tok->at_buffer_end();
        // E_EOF right after the backslash. Inside brackets pegen reports
        // the open bracket; otherwise the end of the backslash's line, or
        // no column when the backslash stood in the indentation.
        if (tok->level > 0) return raise_unclosed_parentheses_error(tok);
        const int col = at_bol ? 0 : tok->pegen_offset(tok->line_start, static_cast<int>(nl + 1 - tok->line_start));
        tok->raise(SyntaxErrorInfo::SyntaxError, "unexpected EOF while parsing", tok->lineno, col, -1,
                   tok->line_text(tok->line_start)).done = "E_EOF";
        return false;
    }
    tok->newline_at(nl);
    return true;
}

// The string body after its opening quote(s), as tok_get's loop: a
// backslash escapes the next character (a newline too), a one-quote string
// ends at the end of the line.
int scan_string(TokState* tok, char quote, int quote_size)
{
    const int first_lineno = tok->lineno;
    const char* multi_line_start = tok->line_start;
    int end_quote_size = 0;
    while (end_quote_size != quote_size) {
        if (tok->cur >= tok->inp || (quote_size == 1 && *tok->cur == '\n')) {
            if (tok->cur >= tok->inp) tok->at_buffer_end();
            if (tok->cur >= tok->inp && tok->deferred) {
                tok->error = std::move(tok->deferred);
                return ERRORTOKEN;
            }
            // Reported at the opening quote, with the line where it was
            // noticed (at the end of the input, the last line read).
            const int detected = tok->cur >= tok->inp ? tok->reported_lineno() : tok->lineno;
            tok->lineno = first_lineno;
            tok->line_start = multi_line_start;
            tok->cur = tok->start + 1;
            if (quote_size == 3) {
                return tok->syntaxerror(
                    format("unterminated triple-quoted string literal (detected at line %d)", detected));
            }
            return tok->syntaxerror(format("unterminated string literal (detected at line %d)", detected));
        }
        const char c = *tok->cur++;
        if (c == quote) {
            end_quote_size += 1;
            continue;
        }
        end_quote_size = 0;
        if (c == '\n') {
            tok->newline_at(tok->cur - 1);
        }
        else if (c == '\\' && tok->cur < tok->inp) {
            if (*tok->cur == '\n') tok->newline_at(tok->cur);
            tok->cur++;
        }
    }
    return STRING;
}

// One token at tok->cur (blanks and comments already skipped, not at EOF).
int scan_token(TokState* tok)
{
    const char* YYCURSOR = tok->cur;
    const char* YYMARKER = YYCURSOR;
    const char* const YYLIMIT = tok->inp;
    const char* const start = tok->cur;
    /*!re2c
        re2c:define:YYCTYPE = "unsigned char";
        re2c:yyfill:enable = 0;
        re2c:eof = 0;

        prefix = 'r' | 'u' | 'f' | 'b' | 'br' | 'rb' | 'fr' | 'rf';
        namechar = [a-zA-Z0-9_\x80-\xff];
        name = [a-zA-Z_\x80-\xff] namechar*;
        dec = [0-9] ("_"? [0-9])*;
        hex = "0" [xX] ("_"? [0-9a-fA-F])+;
        oct = "0" [oO] ("_"? [0-7])+;
        bin = "0" [bB] ("_"? [01])+;
        exponent = [eE] [-+]? dec;
        mantissa = dec "." dec? | "." dec;
        fraction = dec "." dec | "." dec;
        float = mantissa exponent? | dec exponent;

        name {
            tok->cur = YYCURSOR;
            for (const char* p = start; p < YYCURSOR; ++p) {
                if (static_cast<unsigned char>(*p) >= 128) {
                    if (!verify_identifier(tok)) return ERRORTOKEN;
                    break;
                }
            }
            // 3.11's grammar still has ASYNC and AWAIT tokens; the C
            // tokenizer returns them for these two names, always.
            if (YYCURSOR - start == 5 && std::memcmp(start, "async", 5) == 0) return ASYNC;
            if (YYCURSOR - start == 5 && std::memcmp(start, "await", 5) == 0) return AWAIT;
            return NAME;
        }

        prefix? ("'''" | ["]["]["]) { tok->cur = YYCURSOR; return scan_string(tok, YYCURSOR[-1], 3); }
        prefix? ["']    { tok->cur = YYCURSOR; return scan_string(tok, YYCURSOR[-1], 1); }

        hex       { tok->cur = YYCURSOR; return verify_end_of_number(tok, YYCURSOR, "hexadecimal") ? NUMBER : ERRORTOKEN; }
        oct       { tok->cur = YYCURSOR; return verify_end_of_number(tok, YYCURSOR, "octal") ? NUMBER : ERRORTOKEN; }
        bin       { tok->cur = YYCURSOR; return verify_end_of_number(tok, YYCURSOR, "binary") ? NUMBER : ERRORTOKEN; }
        "0" [xX] "_"? | hex "_" {
            tok->cur = YYCURSOR;
            return tok->syntaxerror("invalid hexadecimal literal");
        }
        ("0" [oO] "_"? | oct "_"?) [89] | oct [89] {
            tok->cur = YYCURSOR;
            return tok->syntaxerror(format("invalid digit '%c' in octal literal", YYCURSOR[-1]));
        }
        "0" [oO] "_"? | oct "_" {
            tok->cur = YYCURSOR;
            return tok->syntaxerror("invalid octal literal");
        }
        ("0" [bB] "_"? | bin "_"?) [2-9] {
            tok->cur = YYCURSOR;
            return tok->syntaxerror(format("invalid digit '%c' in binary literal", YYCURSOR[-1]));
        }
        "0" [bB] "_"? | bin "_" {
            tok->cur = YYCURSOR;
            return tok->syntaxerror("invalid binary literal");
        }

        dec {
            // "0777": zeros, then other digits, and no '.', 'e' or 'j' after.
            tok->cur = YYCURSOR;
            const auto next = static_cast<unsigned char>(*YYCURSOR);
            if (start[0] == '0' && next != 'e' && next != 'E') {
                const char* p = start;
                while (p < YYCURSOR && (*p == '0' || *p == '_')) ++p;
                if (p < YYCURSOR) {
                    // The range runs from the first zero to just past the
                    // first other digit, in bytes as CPython passes it.
                    const int begin = static_cast<int>(start - tok->line_start) + 1;
                    const int zeros_end = static_cast<int>(p + 1 - tok->line_start);
                    return tok->syntaxerror_known_range(begin, zeros_end,
                        "leading zeros in decimal integer literals are not permitted; "
                        "use an 0o prefix for octal integers");
                }
            }
            return verify_end_of_number(tok, YYCURSOR, "decimal") ? NUMBER : ERRORTOKEN;
        }
        float          { tok->cur = YYCURSOR; return verify_end_of_number(tok, YYCURSOR, "decimal") ? NUMBER : ERRORTOKEN; }
        (dec | float) [jJ] { tok->cur = YYCURSOR; return verify_end_of_number(tok, YYCURSOR, "imaginary") ? NUMBER : ERRORTOKEN; }
        (dec | fraction | (dec | mantissa) [eE] [-+]? dec) "_" | (dec | mantissa) [eE] [-+] {
            // tok_decimal_tail: an underscore or a sign not followed by a digit.
            tok->cur = YYCURSOR;
            return tok->syntaxerror("invalid decimal literal");
        }

        [-+*/%&|^~<>=!.:,;@] {
            int length = 0;
            int kind = match_operator(start, YYLIMIT, &length);
            if (start[0] == '<' && start[1] == '>') {
                kind = NOTEQUAL;  // PyToken_TwoChars knows Barry's "<>"; the parser refuses it
                length = 2;
            }
            tok->cur = start + (kind < 0 ? 1 : length);
            return kind < 0 ? OP : kind;
        }
        [([{] {
            tok->cur = YYCURSOR;
            if (tok->level >= MAXLEVEL) return tok->syntaxerror("too many nested parentheses");
            tok->parenstack[tok->level] = start[0];
            tok->parenlinenostack[tok->level] = tok->lineno;
            tok->parencolstack[tok->level] = static_cast<int>(start - tok->line_start);
            tok->level++;
            return start[0] == '(' ? LPAR : start[0] == '[' ? LSQB : LBRACE;
        }
        [)\]}] {
            tok->cur = YYCURSOR;
            const char c = start[0];
            if (tok->level == 0) return tok->syntaxerror(format("unmatched '%c'", c));
            tok->level--;
            const char opening = tok->parenstack[tok->level];
            if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') || (opening == '{' && c == '}'))) {
                if (tok->parenlinenostack[tok->level] != tok->lineno) {
                    return tok->syntaxerror(format(
                        "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, opening,
                        tok->parenlinenostack[tok->level]));
                }
                return tok->syntaxerror(
                    format("closing parenthesis '%c' does not match opening parenthesis '%c'", c, opening));
            }
            return c == ')' ? RPAR : c == ']' ? RSQB : RBRACE;
        }
        * {
            // Any other byte: an OP the parser will refuse if printable
            // ('$', '?', '`'), an error otherwise.
            tok->cur = YYCURSOR;
            const auto c = static_cast<unsigned char>(start[0]);
            if (!runtime::unicode_isprintable(c)) return tok->syntaxerror(format("invalid non-printable character U+%04X", c));
            return OP;
        }
        $ { return ENDMARKER; }
    */
}

// tok_get: the next token for the parser.
int tok_get(TokState* tok, Token* token)
{
    bool blankline = false;
nextline:
    blankline = false;
    if (tok->atbol) {
        // Measure the indentation of a new line.
        int col = 0;
        int altcol = 0;
        int cont_line_col = 0;
        tok->atbol = false;
        for (;;) {
            const char c = *tok->cur;
            if (tok->cur >= tok->inp) break;
            if (c == ' ') {
                col++, altcol++;
            }
            else if (c == '\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
            }
            else if (c == '\014') {  // form feed
                col = altcol = 0;
            }
            else if (c == '\\') {
                // A backslash in the indentation: the first one fixes the level.
                cont_line_col = cont_line_col ? cont_line_col : col;
                tok->cur++;
                if (!continuation_line(tok, true)) return ERRORTOKEN;
                continue;
            }
            else {
                break;
            }
            tok->cur++;
        }
        const bool at_eof = tok->cur >= tok->inp;
        if (at_eof) tok->at_buffer_end();
        if (!at_eof && (*tok->cur == '#' || *tok->cur == '\n')) {
            // Comments and blank lines do not change the indentation, except
            // in interactive mode a totally empty line (it ends a block) and
            // a first line of blanks or a comment (it is let through).
            if (tok->interactive && col == 0 && cont_line_col == 0 && *tok->cur == '\n') {
                blankline = false;
            }
            else if (tok->interactive && tok->lineno == 1) {
                blankline = false;
                col = altcol = 0;
            }
            else {
                blankline = true;
            }
        }
        if (at_eof && tok->deferred) {
            tok->error = std::move(tok->deferred);
            return ERRORTOKEN;
        }
        if (!blankline && tok->level == 0) {
            col = cont_line_col ? cont_line_col : col;
            altcol = cont_line_col ? cont_line_col : altcol;
            if (col == tok->indstack[tok->indent]) {
                if (altcol != tok->altindstack[tok->indent]) {
                    return tok->done_error(SyntaxErrorInfo::TabError,
                                           "inconsistent use of tabs and spaces in indentation", 0, "E_TABSPACE");
                }
            }
            else if (col > tok->indstack[tok->indent]) {
                if (tok->indent + 1 >= MAXINDENT) {
                    return tok->done_error(SyntaxErrorInfo::IndentationError, "too many levels of indentation", 0, "E_TOODEEP");
                }
                if (altcol <= tok->altindstack[tok->indent]) {
                    return tok->done_error(SyntaxErrorInfo::TabError,
                                           "inconsistent use of tabs and spaces in indentation", 0, "E_TABSPACE");
                }
                tok->pendin++;
                tok->indstack[++tok->indent] = col;
                tok->altindstack[tok->indent] = altcol;
            }
            else {
                while (tok->indent > 0 && col < tok->indstack[tok->indent]) {
                    tok->pendin--;
                    tok->indent--;
                }
                if (col != tok->indstack[tok->indent]) {
                    // E_DEDENT: CPython moves the cursor to the end of the
                    // line read, and pegen reports the error there.
                    std::string line = tok->line_text(tok->line_start);
                    const char* nl = static_cast<const char*>(
                        std::memchr(tok->line_start, '\n', static_cast<std::size_t>(tok->inp - tok->line_start)));
                    if (nl == nullptr) nl = tok->inp - 1;
                    tok->raise(SyntaxErrorInfo::IndentationError,
                               "unindent does not match any outer indentation level", tok->lineno,
                               tok->pegen_offset(tok->line_start, static_cast<int>(nl + 1 - tok->line_start)), -1,
                               line)
                        .done = "E_DEDENT";
                    return ERRORTOKEN;
                }
                if (altcol != tok->altindstack[tok->indent]) {
                    return tok->done_error(SyntaxErrorInfo::TabError,
                                           "inconsistent use of tabs and spaces in indentation", 0, "E_TABSPACE");
                }
            }
        }
    }

    tok->start = tok->cur;
    if (tok->pendin != 0) {
        // INDENT and DEDENT have no text and, as in CPython, no column.
        token->kind = tok->pendin < 0 ? DEDENT : INDENT;
        tok->pendin += tok->pendin < 0 ? 1 : -1;
        token->lineno = token->end_lineno = tok->reported_lineno();
        token->col_offset = token->end_col_offset = -1;
        token->col_cp = token->end_col_cp = -1;
        token->text = {};
        return token->kind;
    }

again:
    while (tok->cur < tok->inp && (*tok->cur == ' ' || *tok->cur == '\t' || *tok->cur == '\014')) tok->cur++;
    tok->start = tok->cur;
    if (tok->cur < tok->inp && *tok->cur == '#') {
        while (tok->cur < tok->inp && *tok->cur != '\n') tok->cur++;
    }

    const int start_lineno = tok->lineno;
    const char* start_line = tok->line_start;
    int kind;
    if (tok->cur >= tok->inp) {
        tok->at_buffer_end();
        if (tok->deferred) {
            tok->error = std::move(tok->deferred);
            return ERRORTOKEN;
        }
        if (tok->level > 0) {
            raise_unclosed_parentheses_error(tok);
            return ERRORTOKEN;
        }
        // ENDMARKER has no position in CPython (its start is NULL): errors
        // on it are located where the cursor stands (cursor_column).
        token->kind = ENDMARKER;
        token->lineno = token->end_lineno = tok->reported_lineno();
        token->col_offset = token->end_col_offset = token->col_cp = token->end_col_cp = -1;
        token->text = {};
        return ENDMARKER;
    }
    else if (*tok->cur == '\n') {
        tok->cur++;
        tok->atbol = true;
        if (blankline || tok->level > 0) {
            tok->newline_at(tok->cur - 1);
            goto nextline;
        }
        // NEWLINE runs from the token start (a comment, if the line ends
        // with one, as in CPython) to the '\n', which it leaves out.
        const char* nl = tok->cur - 1;
        token->kind = NEWLINE;
        token->lineno = token->end_lineno = tok->lineno;
        token->col_offset = static_cast<int>(tok->start - tok->line_start);
        token->end_col_offset = static_cast<int>(nl - tok->line_start);
        token->col_cp = tok->cp_col(tok->start);
        token->end_col_cp = tok->cp_col(nl);
        token->text = std::string_view(tok->start, static_cast<std::size_t>(nl - tok->start));
        tok->newline_at(nl);
        return NEWLINE;
    }
    else if (*tok->cur == '\\') {
        tok->cur++;
        if (!continuation_line(tok, false)) return ERRORTOKEN;
        goto again;
    }
    else {
        kind = scan_token(tok);
        if (kind == ERRORTOKEN) return ERRORTOKEN;
    }
    token->kind = kind;
    token->lineno = start_lineno;
    token->end_lineno = tok->lineno;
    token->col_offset = static_cast<int>(tok->start - start_line);
    token->end_col_offset = static_cast<int>(tok->cur - tok->line_start);
    if (start_line == tok->line_start) {
        token->col_cp = tok->cp_col(tok->start);
    }
    else {  // a token over several lines (a string): counted once
        token->col_cp = runtime::utf8_count_code_points(std::string_view(start_line, static_cast<std::size_t>(tok->start - start_line)));
    }
    token->end_col_cp = tok->cp_col(tok->cur);
    token->text = std::string_view(tok->start, static_cast<std::size_t>(tok->cur - tok->start));
    return kind;
}

}  // namespace

Tokenizer::Tokenizer(std::string_view bytes, std::string filename, bool exec_input) : tok_(std::make_unique<TokState>())
{
    TokState& tok = *tok_;
    tok.exec_input = exec_input;
    tok.filename = std::move(filename);
    auto no_location = [&](std::string msg) {
        tok.error = std::make_unique<SyntaxErrorInfo>();
        tok.error->msg = std::move(msg);
        tok.buf.assign(1, '\0');
        tok.cur = tok.inp = tok.line_start = tok.buf.data();
    };

    CookieScan scan = scan_cookie(bytes);
    tok.declared_encoding = scan.bom || !scan.spec.empty();
    std::string text;
    bool check_utf8 = true;
    if (!scan.spec.empty()) {
        tok.encoding = scan.normal;
        if (scan.bom && tok.encoding != "utf-8") {
            no_location("encoding problem: " + tok.encoding + " with BOM");
            return;
        }
        if (tok.encoding != "utf-8") {
            bool known = true;
            if (!decode_to_utf8(scan.body, tok.encoding, &text, &known)) {
                no_location("encoding problem: " + tok.encoding);
                return;
            }
            check_utf8 = false;
        }
        else {
            // Under a utf-8 cookie the reader does not check the lines;
            // undecodable bytes surface later, in names and literals.
            text.assign(scan.body);
            check_utf8 = false;
        }
    }
    else {
        text.assign(scan.body);
    }

    // The first line the reader refuses: a NUL byte, or bytes that are not UTF-8.
    std::size_t bad = text.find('\0');
    bool bad_is_nul = bad != std::string::npos;
    if (check_utf8) {
        std::size_t invalid = runtime::utf8_find_invalid(text);
        if (invalid < bad) {
            bad = invalid;
            bad_is_nul = false;
        }
    }
    std::size_t cut = text.size();
    if (bad != std::string::npos) {
        // The reader splits lines at "\n", "\r\n" and a lone "\r".
        cut = bad == 0 ? std::string::npos : text.find_last_of("\r\n", bad - 1);
        cut = cut == std::string::npos ? 0 : cut + 1;
        int bad_line = 1;
        for (std::size_t i = 0; i < cut; ++i) {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++bad_line;
        }
        tok.deferred = std::make_unique<SyntaxErrorInfo>();
        if (bad_is_nul) {
            tok.deferred->msg = "source code cannot contain null bytes";
            tok.deferred->filename = tok.filename;
            tok.deferred->lineno = tok.deferred->end_lineno = bad_line;
            tok.deferred->offset = 0;
            tok.deferred->end_offset = 0;
            tok.deferred->text = text.substr(cut, bad - cut);
        }
        else {
            tok.undecodable = true;
            tok.deferred->msg = format("Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                                       "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                                       static_cast<unsigned char>(text[bad]), tok.filename.c_str(), bad_line);
        }
    }

    // Translate newlines, as the file reader does, and end with '\n'.
    tok.buf.reserve(cut + 2);
    for (std::size_t i = 0; i < cut;) {
        const std::size_t cr = text.find('\r', i);
        const std::size_t stop = cr == std::string::npos || cr > cut ? cut : cr;
        tok.buf.append(text, i, stop - i);
        if (stop == cut) break;
        tok.buf += '\n';
        i = stop + ((stop + 1 < cut && text[stop + 1] == '\n') ? 2 : 1);
    }
    if (exec_input && !tok.buf.empty() && tok.buf.back() != '\n' && !tok.deferred) {
        tok.buf += '\n';
        tok.added_newline = true;
    }
    tok.cur = tok.line_start = tok.buf.data();
    tok.inp = tok.buf.data() + tok.buf.size();
}

Tokenizer::~Tokenizer() = default;

Token Tokenizer::next()
{
    TokState& tok = *tok_;
    Token token;
    if (tok.error) {
        token.kind = ERRORTOKEN;
        token.lineno = token.end_lineno = tok.lineno;
        return token;
    }
    if (tok.at_end) {
        token.kind = ENDMARKER;
        token.lineno = token.end_lineno = tok.reported_lineno();
        token.col_offset = token.end_col_offset = token.col_cp = token.end_col_cp = -1;
        return token;
    }
    int kind = tok_get(&tok, &token);
    if (kind == ERRORTOKEN) {
        token = Token{};
        token.kind = ERRORTOKEN;
        token.lineno = token.end_lineno = tok.lineno;
        return token;
    }
    if (kind == ENDMARKER) tok.at_end = true;
    return token;
}

const SyntaxErrorInfo* Tokenizer::error() const
{
    return tok_->error.get();
}

const std::vector<TokenizerWarning>& Tokenizer::warnings() const
{
    return tok_->warnings;
}

const std::string& Tokenizer::encoding() const
{
    return tok_->encoding;
}

void Tokenizer::set_string_input()
{
    tok_->string_input = true;
}

void Tokenizer::set_interactive()
{
    tok_->interactive = true;
}

bool Tokenizer::underflowed() const
{
    return tok_->underflow;
}

std::string_view Tokenizer::rest_of_buffer() const
{
    return std::string_view(tok_->cur, static_cast<std::size_t>(tok_->inp - tok_->cur));
}

void Tokenizer::imply_dedents()
{
    TokState& tok = *tok_;
    if (tok.indent == 0 || tok.error) return;
    tok.pendin = -tok.indent;
    tok.indent = 0;
    tok.at_end = false;
}

int Tokenizer::cursor_column() const
{
    const TokState& tok = *tok_;
    const char* begin = tok.buf.data();
    if (tok.cur == nullptr || tok.cur == begin) return 0;
    const char* line = tok.cur;
    if (line[-1] == '\n') --line;  // still the line just passed
    while (line > begin && line[-1] != '\n') --line;
    return static_cast<int>(tok.cur - line);
}

std::unique_ptr<SyntaxErrorInfo> check_tokens(std::string_view bytes, const std::string& filename)
{
    Tokenizer tokenizer(bytes, filename);
    for (;;) {
        Token token = tokenizer.next();
        if (token.kind == ERRORTOKEN) return std::make_unique<SyntaxErrorInfo>(*tokenizer.error());
        if (token.kind == ENDMARKER) return nullptr;
    }
}

std::string normalize_identifier(std::string_view name)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return std::string(name);
    icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    icu::UnicodeString normalized = nfkc->normalize(source, status);
    if (U_FAILURE(status)) return std::string(name);
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

}  // namespace minipy::lexer
