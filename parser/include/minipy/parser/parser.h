// parser.h: the parser stage's public interface: source bytes in, an AST (or
// the SyntaxError CPython 3.11 would raise) out. Mirrors CPython 3.11
// Include/internal/pycore_parser.h (_PyParser_ASTFromString) and the
// `ast.parse` / `python -m ast` entry points. Book ch. 6.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "minipy/lexer/tokenizer.h"
#include "minipy/parser/Python-ast.h"

namespace minipy::parser {

// The start symbols of the grammar (CPython's Py_file_input & co.).
enum class StartRule { FILE_INPUT, SINGLE_INPUT, EVAL_INPUT, FUNC_TYPE_INPUT, FSTRING_INPUT };

struct ParseOptions {
    StartRule start = StartRule::FILE_INPUT;
    bool type_comments = false;  // PyCF_TYPE_COMMENTS: TYPE_COMMENT tokens and TypeIgnores
    bool debug = false;          // -d: print the rule-by-rule trace on stderr
    // The source comes as a string (ast.parse, compile) rather than a file
    // being run: 3.11 then reports SyntaxError columns in bytes unless the
    // source declares its encoding.
    bool string_input = false;
    // The source is what the interactive loop has read so far (CPython's
    // tokenizer with a prompt): see Tokenizer::set_interactive. The full
    // source is not tokenized again after a syntax error.
    bool interactive = false;
};

// The result of one parse. The nodes live in `arena`; they stay valid as
// long as the result does.
struct ParseResult {
    std::unique_ptr<PyArena> arena;
    ast::mod_ty mod = nullptr;                        // nullptr on error
    std::unique_ptr<lexer::SyntaxErrorInfo> error;    // set when mod is nullptr
    // Set instead of `error` for the exceptions that are not SyntaxErrors:
    // the last line of CPython's report, e.g. "MemoryError" (parser stack
    // overflow) or "RecursionError: maximum recursion depth exceeded during
    // ast construction".
    std::string exception;
    // Interactive parses: the tokenizer wanted more text than it had, so
    // the interactive loop reads another line (with sys.ps2) and parses
    // again; the rest of the result is what the end of input would give.
    bool incomplete = false;
    // The tokenizer's and the parser's warnings, in source order, for the
    // caller to issue through the warnings machinery (compile_source).
    std::vector<lexer::TokenizerWarning> warnings;
};

// Parses a whole source (raw file bytes: BOM and coding cookie honoured).
ParseResult parse_source(std::string_view bytes, const std::string& filename,
                         const ParseOptions& options = {});

// What `python3.11 -m ast -a FILE` prints for the parse (no trailing
// newline). When the tree is too deep for that command's recursive dump,
// returns false and sets *exception to its RecursionError line instead.
bool dump_ast(ast::mod_ty mod, std::string* out, std::string* exception, bool include_attributes = true,
              int indent = 3);

}  // namespace minipy::parser
