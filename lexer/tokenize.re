// tokenize.re: the token stream of Lib/tokenize.py, for `--dump=tokens`.
// Mirrors CPython 3.11 Lib/tokenize.py (_tokenize, detect_encoding, main).
// Book ch. 6. re2c turns this file into tokenize.cpp in the build directory.
//
// tokenize.py is a line-at-a-time loop around one big regular expression,
// PseudoToken = Whitespace + (PseudoExtras | Number | Funny | ContStr | Name).
// match_pseudo() below is that expression as a re2c scanner. Python's
// regex alternation takes the first alternative that matches while re2c
// takes the longest match; for this expression they agree, because every
// alternative that comes first in Python's order is also the longest one
// that can start at that character (a digit always starts a Number, a string
// match is longer than the prefix it starts with, "'''" is longer than "''",
// operators are tried longest first). The loop around it, dump_tokens(),
// follows _tokenize statement by statement, state variables included, so
// that its quirks (ERRORTOKEN for each space before a stray character, the
// NEWLINE it invents at the end of a file, DEDENTs at the next statement)
// come out the same.
#include <cstring>
#include <vector>

#include "decoding.h"
#include "minipy/lexer/token.h"
#include "minipy/lexer/tokenize.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::lexer {

namespace {

// The re module's \w, which tokenize.py's patterns use: str.isalnum() or '_'.
bool is_word_char(runtime::Py_UCS4 cp) { return cp == '_' || runtime::unicode_isalnum(cp); }

// What matched at the cursor, after the leading whitespace.
enum class Pseudo {
    None,          // no alternative matched: the caller emits an ERRORTOKEN
    Continuation,  // \\\r?\n
    Comment,
    Triple,        // a prefix and ''' or """: the string's start only
    Number,
    Newline,       // \r?\n
    Operator,
    String,        // ContStr: a whole one-line string, or one ending in \\\n
    Name,          // \w+ (Unicode)
};

// Extends a Name over the re module's \w characters; returns its end, or
// p when the character at p is not one.
const char* scan_word(const char* p, const char* end)
{
    const char* q = p;
    while (q < end) {
        runtime::Py_UCS4 cp;
        int n = runtime::utf8_decode_char(q, end, &cp);
        if (n == 0 || !is_word_char(cp)) break;
        q += n;
    }
    return q;
}

// Matches PseudoToken's group at p (the whitespace is already skipped).
// end is the end of the text (a NUL byte sits there). No alternative
// crosses a '\n', so matching against the whole text equals matching
// against the current line.
Pseudo match_pseudo(const char* p, const char* end, const char** match_end)
{
    const char* YYCURSOR = p;
    const char* YYMARKER = p;
    const char* const YYLIMIT = end;
    Pseudo kind = Pseudo::None;
    /*!re2c
        re2c:define:YYCTYPE = "unsigned char";
        re2c:yyfill:enable = 0;
        re2c:eof = 0;

        prefix = 'r' | 'u' | 'f' | 'b' | 'br' | 'rb' | 'fr' | 'rf';
        digitpart = [0-9] ("_"? [0-9])*;
        hexnumber = "0" [xX] ("_"? [0-9a-fA-F])+;
        binnumber = "0" [bB] ("_"? [01])+;
        octnumber = "0" [oO] ("_"? [0-7])+;
        decnumber = "0" ("_"? "0")* | [1-9] ("_"? [0-9])*;
        exponent = [eE] [-+]? digitpart;
        pointfloat = (digitpart "." digitpart? | "." digitpart) exponent?;
        expfloat = digitpart exponent;
        floatnumber = pointfloat | expfloat;
        imagnumber = (digitpart | floatnumber) [jJ];
        number = imagnumber | floatnumber | hexnumber | binnumber | octnumber | decnumber;
        newline = "\r"? "\n";
        sq_body = ([^\n'\\] | "\\" [^\n])*;
        dq_body = ([^\n"\\] | "\\" [^\n])*;
        contstr = prefix? ("'" sq_body ("'" | "\\" newline) | ["] dq_body (["] | "\\" newline));

        "\\" newline            { kind = Pseudo::Continuation; goto done; }
        "#" [^\r\n]*            { kind = Pseudo::Comment; goto done; }
        prefix? ("'''" | ["]["]["]) { kind = Pseudo::Triple; goto done; }
        number                  { kind = Pseudo::Number; goto done; }
        newline                 { kind = Pseudo::Newline; goto done; }
        [-+*/%&|^~<>=!.:,;@()[\]{}] {
            int length = 0;
            if (match_operator(p, end, &length) < 0) goto done;  // a lone '!'
            YYCURSOR = p + length;
            kind = Pseudo::Operator;
            goto done;
        }
        contstr                 { kind = Pseudo::String; goto done; }
        [a-zA-Z_\x80-\xff] {
            const char* word_end = scan_word(p, end);
            if (word_end == p) goto done;  // a non-ASCII character that is not \w
            YYCURSOR = word_end;
            kind = Pseudo::Name;
            goto done;
        }
        *                       { goto done; }
        $                       { goto done; }
    */
done:
    *match_end = YYCURSOR;
    return kind;
}

// The tail of a string continued on a later line: endpats' Single/Double
// (quote_size 1) or Single3/Double3 (quote_size 3), matched from the start of
// the line. `\\.` does not match a backslash before '\n', which is why a
// continued line can fail to match and be carried over whole. Returns the
// end of the match or nullptr.
const char* match_string_tail(const char* p, const char* line_end, char quote, int quote_size)
{
    while (p < line_end) {
        if (*p == '\\') {
            if (p + 1 >= line_end || p[1] == '\n') return nullptr;
            p += 2;
            // `.` covers one code point, but the next step never splits one.
            continue;
        }
        if (*p == quote) {
            if (quote_size == 1) return p + 1;
            if (line_end - p >= 3 && p[1] == quote && p[2] == quote) return p + 3;
        }
        ++p;
    }
    return nullptr;
}

struct TokenizeLoop {
    std::string out;
    const char* text;      // start of the decoded text
    const char* text_end;  // its end (a NUL byte sits there)

    // Column in code points of byte offset `at` of a line. Counts on from
    // the previous answer when it was for the same line, so that a long line
    // with many tokens stays linear.
    const char* col_line = nullptr;
    const char* col_at = nullptr;
    int col_count = 0;

    int column(const char* line, const char* at)
    {
        if (line != col_line || at < col_at) {
            col_line = col_at = line;
            col_count = 0;
        }
        col_count += runtime::utf8_count_code_points(std::string_view(col_at, static_cast<std::size_t>(at - col_at)));
        col_at = at;
        return col_count;
    }

    // One printed line: "%-20s%-15s%-15r" of (range, tok_name[exact_type], string).
    void emit(int type, std::string_view string, int srow, int scol, int erow, int ecol)
    {
        if (type == OP) type = exact_token_kind(string);
        char range[64];
        int n = std::snprintf(range, sizeof range, "%d,%d-%d,%d:", srow, scol, erow, ecol);
        out.append(range, static_cast<std::size_t>(n));
        if (n < 20) out.append(static_cast<std::size_t>(20 - n), ' ');
        const char* name = token_name(type);
        std::size_t name_len = std::strlen(name);
        out.append(name, name_len);
        if (name_len < 15) out.append(15 - name_len, ' ');
        std::string repr = runtime::unicode_repr_utf8(string);
        int repr_len = runtime::utf8_count_code_points(repr);
        out += repr;
        if (repr_len < 15) out.append(static_cast<std::size_t>(15 - repr_len), ' ');
        out += '\n';
    }
};


// The Python exceptions _tokenize raises, as main() reports them.
struct TokenizeFailure {
    std::string message;
    int line = 0;
    int column = 0;
};

// _tokenize over the decoded text. Returns false with *failure set when it
// raises TokenError or IndentationError.
bool run_tokenize(TokenizeLoop& loop, const std::string& encoding, TokenizeFailure* failure)
{
    const char* const text = loop.text;
    const char* const text_end = loop.text_end;
    const int tabsize = 8;
    int lnum = 0;
    int parenlev = 0;
    bool continued = false;
    std::vector<int> indents = {0};
    // The continued string: where it started, its text so far, the tail
    // pattern that ends it, and whether it is a one-quote string whose line
    // ended in a backslash (needcont).
    std::string contstr;
    bool in_contstr = false;
    bool needcont = false;
    int strstart_row = 0, strstart_col = 0;
    char end_quote = 0;
    int end_quote_size = 0;

    loop.emit(ENCODING, encoding, 0, 0, 0, 0);

    const char* next = text;  // where readline() reads the next line
    std::string_view last_line;
    std::string_view line;
    for (;;) {
        last_line = line;
        if (next < text_end) {
            const char* nl = static_cast<const char*>(std::memchr(next, '\n', static_cast<std::size_t>(text_end - next)));
            const char* stop = nl != nullptr ? nl + 1 : text_end;
            line = std::string_view(next, static_cast<std::size_t>(stop - next));
            next = stop;
        }
        else {
            line = std::string_view(text_end, 0);
        }
        ++lnum;
        const char* const ls = line.data();
        const char* const max = ls + line.size();
        const char* pos = ls;

        if (in_contstr) {
            if (line.empty()) {
                failure->message = "EOF in multi-line string";
                failure->line = strstart_row;
                failure->column = strstart_col;
                return false;
            }
            const char* endmatch = match_string_tail(ls, max, end_quote, end_quote_size);
            if (endmatch != nullptr) {
                pos = endmatch;
                contstr.append(ls, static_cast<std::size_t>(endmatch - ls));
                loop.emit(STRING, contstr, strstart_row, strstart_col, lnum, loop.column(ls, endmatch));
                contstr.clear();
                in_contstr = needcont = false;
            }
            else if (needcont && !line.ends_with("\\\n") && !line.ends_with("\\\r\n")) {
                contstr.append(line);
                loop.emit(ERRORTOKEN, contstr, strstart_row, strstart_col, lnum, loop.column(ls, max));
                contstr.clear();
                in_contstr = false;
                continue;
            }
            else {
                contstr.append(line);
                continue;
            }
        }
        else if (parenlev == 0 && !continued) {  // a new statement
            if (line.empty()) break;
            int col = 0;
            while (pos < max) {  // measure the leading whitespace
                if (*pos == ' ') {
                    col += 1;
                }
                else if (*pos == '\t') {
                    col = (col / tabsize + 1) * tabsize;
                }
                else if (*pos == '\f') {
                    col = 0;
                }
                else {
                    break;
                }
                ++pos;
            }
            if (pos == max) break;

            if (*pos == '#' || *pos == '\r' || *pos == '\n') {  // comments and blank lines
                if (*pos == '#') {
                    const char* comment_end = max;
                    while (comment_end > pos && (comment_end[-1] == '\r' || comment_end[-1] == '\n')) --comment_end;
                    loop.emit(COMMENT, std::string_view(pos, static_cast<std::size_t>(comment_end - pos)), lnum,
                              loop.column(ls, pos), lnum, loop.column(ls, comment_end));
                    pos = comment_end;
                }
                loop.emit(NL, std::string_view(pos, static_cast<std::size_t>(max - pos)), lnum, loop.column(ls, pos), lnum,
                          loop.column(ls, max));
                continue;
            }

            const int pos_col = loop.column(ls, pos);
            if (col > indents.back()) {
                indents.push_back(col);
                loop.emit(INDENT, std::string_view(ls, static_cast<std::size_t>(pos - ls)), lnum, 0, lnum, pos_col);
            }
            while (col < indents.back()) {
                bool known = false;
                for (int level : indents) known = known || level == col;
                if (!known) {
                    failure->message = "unindent does not match any outer indentation level";
                    failure->line = lnum;
                    failure->column = pos_col;
                    return false;
                }
                indents.pop_back();
                loop.emit(DEDENT, "", lnum, pos_col, lnum, pos_col);
            }
        }
        else {  // a continued statement
            if (line.empty()) {
                failure->message = "EOF in multi-line statement";
                failure->line = lnum;
                failure->column = 0;
                return false;
            }
            continued = false;
        }

        while (pos < max) {
            const char* start = pos;
            while (start < max && (*start == ' ' || *start == '\f' || *start == '\t')) ++start;
            if (start == max) {  // only \Z can match here
                pos = max;
                continue;
            }
            const char* end = nullptr;
            Pseudo kind = match_pseudo(start, text_end, &end);
            if (kind == Pseudo::None) {
                // The whole PseudoToken failed: one ERRORTOKEN for the
                // character at pos, which may be one of the spaces skipped.
                runtime::Py_UCS4 cp;
                int n = runtime::utf8_decode_char(pos, max, &cp);
                if (n == 0) n = 1;
                const int c = loop.column(ls, pos);
                loop.emit(ERRORTOKEN, std::string_view(pos, static_cast<std::size_t>(n)), lnum, c, lnum, c + 1);
                pos += n;
                continue;
            }
            const int scol = loop.column(ls, start);
            const int ecol = loop.column(ls, end);
            std::string_view token(start, static_cast<std::size_t>(end - start));
            pos = end;
            switch (kind) {
            case Pseudo::Number:
                loop.emit(NUMBER, token, lnum, scol, lnum, ecol);
                break;
            case Pseudo::Newline:
                loop.emit(parenlev > 0 ? NL : NEWLINE, token, lnum, scol, lnum, ecol);
                break;
            case Pseudo::Comment:
                loop.emit(COMMENT, token, lnum, scol, lnum, ecol);
                break;
            case Pseudo::Triple: {
                const char quote = token.back();
                const char* endmatch = match_string_tail(pos, max, quote, 3);
                if (endmatch != nullptr) {
                    pos = endmatch;
                    loop.emit(STRING, std::string_view(start, static_cast<std::size_t>(endmatch - start)), lnum, scol,
                              lnum, loop.column(ls, endmatch));
                }
                else {
                    strstart_row = lnum;
                    strstart_col = scol;
                    contstr.assign(start, static_cast<std::size_t>(max - start));
                    in_contstr = true;
                    needcont = false;
                    end_quote = quote;
                    end_quote_size = 3;
                    pos = max;
                }
                break;
            }
            case Pseudo::String:
                if (token.back() == '\n') {  // continued with a backslash
                    strstart_row = lnum;
                    strstart_col = scol;
                    const char* q = start;
                    while (*q != '\'' && *q != '"') ++q;
                    end_quote = *q;
                    end_quote_size = 1;
                    contstr.assign(start, static_cast<std::size_t>(max - start));
                    in_contstr = true;
                    needcont = true;
                    pos = max;
                }
                else {
                    loop.emit(STRING, token, lnum, scol, lnum, ecol);
                }
                break;
            case Pseudo::Name:
            case Pseudo::Operator: {
                runtime::Py_UCS4 initial;
                if (runtime::utf8_decode_char(start, end, &initial) == 0) initial = 0;
                if (kind == Pseudo::Name && (initial == '_' || runtime::unicode_isxid_start(initial))) {
                    loop.emit(NAME, token, lnum, scol, lnum, ecol);
                    break;
                }
                if (initial == '(' || initial == '[' || initial == '{') {
                    ++parenlev;
                }
                else if (initial == ')' || initial == ']' || initial == '}') {
                    --parenlev;
                }
                loop.emit(OP, token, lnum, scol, lnum, ecol);
                break;
            }
            case Pseudo::Continuation:
                continued = true;
                break;
            case Pseudo::None:
                break;
            }
        }
    }

    // An implicit NEWLINE when the input does not end in one.
    if (!last_line.empty() && last_line.back() != '\r' && last_line.back() != '\n') {
        const char* p = last_line.data();
        const char* e = p + last_line.size();
        while (p < e) {  // str.strip() before the startswith("#")
            runtime::Py_UCS4 cp;
            int n = runtime::utf8_decode_char(p, e, &cp);
            if (n == 0 || !runtime::unicode_isspace(cp)) break;
            p += n;
        }
        if (p == e || *p != '#') {
            const int len = runtime::utf8_count_code_points(last_line);
            loop.emit(NEWLINE, "", lnum - 1, len, lnum - 1, len + 1);
        }
    }
    for (std::size_t i = 1; i < indents.size(); ++i) loop.emit(DEDENT, "", lnum, 0, lnum, 0);
    loop.emit(ENDMARKER, "", lnum, 0, lnum, 0);
    return true;
}

}  // namespace

DumpResult dump_tokens(std::string_view bytes, const std::string& filename)
{
    DumpResult result;
    auto fail = [&](const std::string& message) {
        result.err = message + "\n";
        result.exit_status = 1;
        return result;
    };
    const std::string shown = runtime::unicode_repr_utf8(filename);

    // detect_encoding
    CookieScan scan = scan_cookie(bytes);
    std::string encoding = "utf-8";
    if (scan.header_not_utf8) {
        return fail(filename + ": error: invalid or missing encoding declaration for " + shown);
    }
    if (!scan.spec.empty()) {
        encoding = scan.normal;
        std::string probe;
        bool known = true;
        (void)decode_to_utf8("", encoding, &probe, &known);
        if (!known) return fail(filename + ": error: unknown encoding for " + shown + ": " + encoding);
        if (scan.bom && encoding != "utf-8") {
            return fail(filename + ": error: encoding problem for " + shown + ": utf-8");
        }
    }

    std::string text;
    bool known = true;
    if (!decode_to_utf8(scan.body, encoding, &text, &known)) {
        // tokenize.py lets the UnicodeDecodeError of a later line escape:
        // main() prints this line and then a traceback (not reproduced).
        std::size_t bad = encoding == "utf-8" ? runtime::utf8_find_invalid(scan.body) : 0;
        std::size_t line_start = scan.body.rfind('\n', bad == 0 ? 0 : bad - 1);
        line_start = line_start == std::string_view::npos || bad == 0 ? 0 : line_start + 1;
        char msg[160];
        std::snprintf(msg, sizeof msg,
                      "unexpected error: '%s' codec can't decode byte 0x%02x in position %zu: invalid start byte",
                      encoding.c_str(), bad < scan.body.size() ? static_cast<unsigned char>(scan.body[bad]) : 0u,
                      bad - line_start);
        return fail(msg);
    }

    TokenizeLoop loop;
    loop.text = text.c_str();
    loop.text_end = text.c_str() + text.size();
    TokenizeFailure failure;
    if (!run_tokenize(loop, encoding, &failure)) {
        // tokenize.main collects every token before printing: nothing on stdout.
        return fail(filename + ":" + std::to_string(failure.line) + ":" + std::to_string(failure.column) +
                    ": error: " + failure.message);
    }
    result.out = std::move(loop.out);
    return result;
}

}  // namespace minipy::lexer
