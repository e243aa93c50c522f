// tokenize.h: `minipy --dump=tokens`, the text of `python3.11 -m tokenize -e`.
// Mirrors CPython 3.11 Lib/tokenize.py (detect_encoding, _tokenize, main).
// Book ch. 6.
//
// The tokenize module is not the tokenizer the compiler uses: it is a
// pure-Python, regex-driven tokenizer that also yields COMMENT, NL, ENCODING
// and ERRORTOKEN, puts DEDENT before the first token of the next logical
// line, counts columns in code points, and accepts input the compiler
// rejects. docs/chapters/lexer.md lists every difference.
#pragma once

#include <string>
#include <string_view>

namespace minipy::lexer {

struct DumpResult {
    std::string out;  // what tokenize.main prints on stdout
    std::string err;  // ... and on stderr
    int exit_status = 0;
};

// bytes: the file's content; filename: as given on the command line (the
// module prints it verbatim in its error messages).
DumpResult dump_tokens(std::string_view bytes, const std::string& filename);

}  // namespace minipy::lexer
