// pythonrun.cpp: the front half of running a file, and the display of a
// SyntaxError. Mirrors CPython 3.11 Python/pythonrun.c (pyrun_file,
// print_exception's SyntaxError branch, print_error_text). Book ch. 5.
#include "pythonrun.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include "minipy/compiler/symtable.h"
#include "minipy/parser/parser.h"
#include "minipy/vm/pythonrun.h"

namespace minipy {

bool read_source_bytes(const std::string& filename, std::string* bytes)
{
    std::ifstream file(filename, std::ios::binary);
    if (!file) return false;
    bytes->assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    return !file.bad();
}

void print_syntax_error(std::FILE* out, const lexer::SyntaxErrorInfo& error)
{
    std::fflush(stdout);
    if (!error.filename.empty()) {
        std::fprintf(out, "  File \"%s\", line %d\n", error.filename.c_str(), error.lineno);
        if (error.has_text) {
            long end_offset = error.end_offset;
            const long line_size = static_cast<long>(error.text.size());
            // A location spanning lines is highlighted to the end of the first.
            if (error.end_lineno > error.lineno) end_offset = line_size;
            if (end_offset > line_size + 1) end_offset = line_size + 1;
            // An IndentationError (TabError too) gets one caret, as in
            // python3.11, whatever its end_offset.
            if (error.kind != lexer::SyntaxErrorInfo::SyntaxError) end_offset = -1;
            std::fputs(vm::format_error_text("", error.offset, end_offset, error.text).c_str(), out);
        }
    }
    std::fprintf(out, "%s: %s\n", error.type_name(), error.msg.c_str());
    std::fflush(out);
}

namespace {

// warnings.showwarning: "FILE:LINE: Category: msg" and the stripped source
// line. The tokenizer warns without a registry, so CPython shows every one,
// even twice on the same line.
void print_warnings(const std::vector<lexer::TokenizerWarning>& warnings, std::size_t* printed,
                    const std::string& filename)
{
    for (; *printed < warnings.size(); ++*printed) {
        const lexer::TokenizerWarning& w = warnings[*printed];
        // DeprecationWarnings are hidden by the default filters.
        if (w.category == "DeprecationWarning") continue;
        std::string line = w.line;
        const char* blanks = " \t\n\r\f\v";
        line.erase(0, line.find_first_not_of(blanks) == std::string::npos ? line.size() : line.find_first_not_of(blanks));
        line.erase(line.find_last_not_of(blanks) + 1);
        std::fprintf(stderr, "%s:%d: %s: %s\n", filename.c_str(), w.lineno, w.category.c_str(), w.msg.c_str());
        if (!line.empty()) std::fprintf(stderr, "  %s\n", line.c_str());
    }
}

}  // namespace

int run_file_front_end(const std::string& filename, const std::string& shown_filename)
{
    std::string bytes;
    if (!read_source_bytes(filename, &bytes)) return -1;  // check_source_file reported it
    // The warnings of a file that compiles are issued later, through the
    // warnings machinery (compile_source); a file that fails here shows
    // the ones before its error the way the default filters would.
    lexer::Tokenizer tokenizer(bytes, shown_filename);
    std::size_t printed = 0;
    for (;;) {
        const lexer::Token token = tokenizer.next();
        if (token.kind == lexer::ENDMARKER) break;
        if (token.kind == lexer::ERRORTOKEN) {
            print_warnings(tokenizer.warnings(), &printed, shown_filename);
            print_syntax_error(stderr, *tokenizer.error());
            return 1;
        }
    }

    // Then the rest of what compiling the file checks before any code runs
    // (_PyParser_ASTFromFile, then _PyAST_Compile's symtable pass).
    parser::ParseResult parsed = parser::parse_source(bytes, shown_filename);
    if (parsed.mod == nullptr) {
        print_warnings(parsed.warnings, &printed, shown_filename);
        if (parsed.error) print_syntax_error(stderr, *parsed.error);
        else std::fprintf(stderr, "%s\n", parsed.exception.c_str());  // MemoryError, RecursionError
        return 1;
    }
    compiler::SymtableResult table = compiler::symtable_build(parsed.mod, shown_filename, bytes);
    if (table.table == nullptr) {
        if (table.recursion_error) std::fprintf(stderr, "RecursionError: %s\n", table.error->msg.c_str());
        else print_syntax_error(stderr, *table.error);
        return 1;
    }
    return -1;
}

}  // namespace minipy
