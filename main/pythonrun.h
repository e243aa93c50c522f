// pythonrun.h: running a file's source, and printing the SyntaxError of a
// source that does not compile. Mirrors CPython 3.11 Python/pythonrun.c
// (_PyRun_AnyFileObject, PyErr_Print's SyntaxError display). Book ch. 5.
#pragma once

#include <cstdio>
#include <string>

#include "minipy/lexer/tokenizer.h"

namespace minipy {

// Reads a whole file as bytes; false (errno set) when it cannot be read.
bool read_source_bytes(const std::string& filename, std::string* bytes);

// Writes a SyntaxError as PyErr_Print does: "  File ..., line N", the source
// line stripped of its indentation, the caret line, "SyntaxError: msg".
void print_syntax_error(std::FILE* out, const lexer::SyntaxErrorInfo& error);

// The front half of `minipy FILE`: reads the file, tokenizes, parses it and
// builds its symbol table; on an error prints it as python3.11 would and
// returns 1. Returns -1 when the source gets that far (the caller goes on to
// the next stage). A parse error before a later tokenizer error is reported
// as the tokenizer error: python3.11 reports the parse error.
int run_file_front_end(const std::string& filename, const std::string& shown_filename);

}  // namespace minipy
