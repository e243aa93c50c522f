// tokenizer.h: the tokenizer the parser consumes. Mirrors CPython 3.11
// Parser/tokenizer.h (struct tok_state, _PyTokenizer_Get) and the decoding
// half of Parser/tokenizer.c (BOM, PEP 263 cookie). Book ch. 6.
//
// A Tokenizer owns the source decoded to UTF-8 (newlines translated to \n,
// as CPython's readers do) and hands out tokens one at a time, exactly as the
// C tokenizer hands them to pegen: comments and blank lines are skipped, NL
// tokens do not exist, INDENT/DEDENT come before the first token of a line
// (with column -1), NEWLINE's text is the comment that ends its line if any,
// operators carry their exact kind (LPAR, PLUSEQUAL, ...), and `async` and
// `await` are the ASYNC and AWAIT kinds that 3.11's grammar still uses. On
// invalid input next() returns ERRORTOKEN and error() describes the
// SyntaxError CPython 3.11 raises. tokenize._generate_tokens_from_c_tokenizer
// shows the same stream in python3.11 (tests/unit/lexer compares them).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "minipy/lexer/token.h"

namespace minipy::lexer {

// One token. Lines are 1-based; columns are 0-based from the start of the
// token's line (end columns from the start of the end line), in UTF-8 bytes
// (what the AST's col_offset counts) and in code points (what
// SyntaxError.offset and the tokenize module count).
struct Token {
    int kind = ENDMARKER;
    int lineno = 0;
    int end_lineno = 0;
    int col_offset = 0;
    int end_col_offset = 0;
    int col_cp = 0;
    int end_col_cp = 0;
    std::string_view text;  // points into the tokenizer's buffer; empty for NEWLINE/INDENT/DEDENT
};

// The exception CPython raises for a tokenizer error, as a plain struct
// (the runtime turns it into a SyntaxError object; main/pythonrun.cpp prints it).
struct SyntaxErrorInfo {
    enum Kind { SyntaxError, IndentationError, TabError };
    Kind kind = SyntaxError;
    std::string msg;
    std::string filename;  // empty: the exception carries no location at all
    int lineno = 0;
    int offset = 0;       // 1-based, in code points (0: no caret)
    int end_lineno = 0;
    int end_offset = 0;
    std::string text;     // the source line, decoded (as SyntaxError.text)
    bool has_text = true;
    // How CPython raises it. "E_ERROR": the tokenizer raised the exception
    // itself (syntaxerror()), so it wins even after a parser error (pegen's
    // _PyPegen_tokenize_full_source_to_check_for_errors). Otherwise the
    // tok->done code pegen turns into this exception when the parser reads
    // the failing token: "E_EOF" (unexpected EOF, or a bracket never
    // closed), "E_DEDENT", "E_TABSPACE", "E_TOODEEP", "E_LINECONT", "E_DECODE".
    const char* done = "E_ERROR";

    const char* type_name() const;
};

// A warning the tokenizer issues, as CPython's parser_warn does: a number
// directly followed by a keyword ("1if x else y") is a SyntaxWarning
// "invalid decimal literal" (an error under -W error).
struct TokenizerWarning {
    std::string category;  // "SyntaxWarning" (the parser's: "DeprecationWarning")
    std::string msg;
    int lineno = 0;
    std::string line;  // the source line, for the warning's second line
    int col_offset = 0;  // where in the line (bytes): warnings are issued in source order
    // The SyntaxError this warning becomes when the warnings filters turn
    // it into an error (-W error), located as CPython locates it.
    std::shared_ptr<const SyntaxErrorInfo> as_error;
};

struct TokState;  // tokenizer.re

class Tokenizer {
public:
    // bytes: the raw file content. filename: as SyntaxError reports it.
    // exec_input: a '\n' is added when the text does not end with one, as
    // CPython does for files and for 'exec' strings; compile() of an 'eval',
    // 'single' or 'func_type' string passes false (CPython's exec_input=0),
    // and its last line then ends at the end of the text, without a NEWLINE.
    Tokenizer(std::string_view bytes, std::string filename, bool exec_input = true);
    ~Tokenizer();
    Tokenizer(const Tokenizer&) = delete;
    Tokenizer& operator=(const Tokenizer&) = delete;

    // The next token; ERRORTOKEN (with error() set) on invalid input, and
    // ENDMARKER forever after the end.
    Token next();

    // Non-null once next() has returned ERRORTOKEN (or decoding failed).
    const SyntaxErrorInfo* error() const;

    // The warnings issued so far, in order.
    const std::vector<TokenizerWarning>& warnings() const;

    // The source encoding: "utf-8" unless a PEP 263 cookie said otherwise.
    const std::string& encoding() const;

    // Interactive input (the REPL; CPython's tok->prompt): a totally empty
    // line is a NEWLINE that ends a compound statement, a first line of
    // only blanks or a comment is let through. Call before next().
    void set_interactive();
    // The text is a string (compile(), ast.parse), not a file: pegen then
    // reads an error's line back from the tokenizer's buffer, where the
    // added final newline is, instead of from the file, where it is not.
    void set_string_input();
    // Interactive mode: whether the tokenizer wanted a character past the
    // end of its text, where CPython's would have prompted for another
    // line. The tokens after that point are what the end of input gives.
    bool underflowed() const;
    // The text not consumed yet (pegen's bad_single_statement looks at it).
    std::string_view rest_of_buffer() const;
    // Where CPython's cursor stands, in bytes from the start of the line it
    // read last (tok->cur - tok->line_start): pegen reports errors on tokens
    // without a position (INDENT, DEDENT, ENDMARKER) there. CPython reads a
    // line only when it needs its first character, so right after a '\n'
    // (and at the end of the input) the line read last is the one before.
    int cursor_column() const;
    // pegen turned the end of a single statement into its NEWLINE: the
    // indented blocks still open are closed by DEDENT tokens before the
    // next ENDMARKER (CPython sets tok->pendin = -tok->indent).
    void imply_dedents();

private:
    std::unique_ptr<TokState> tok_;
};

// Runs a tokenizer to the end: nullptr when the whole source tokenizes,
// the error otherwise (what `compile()` would raise from the tokenizer).
std::unique_ptr<SyntaxErrorInfo> check_tokens(std::string_view bytes, const std::string& filename);

// NFKC normalization of a UTF-8 identifier (PEP 3131), for the parser:
// identifiers that are not ASCII must be normalized before interning.
std::string normalize_identifier(std::string_view name);

}  // namespace minipy::lexer
