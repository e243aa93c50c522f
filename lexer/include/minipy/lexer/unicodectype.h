// unicodectype.h: the character classes of the lexer (and of the parser,
// which checks identifiers), answered by ICU.
// Mirrors the parts of CPython 3.11 Objects/unicodectype.c that the tokenizer
// and the tokenize module use (XID_Start/XID_Continue, isprintable, the re
// module's \w). ICU 72 knows Unicode 15 while CPython 3.11 knows Unicode 14:
// characters new in 15 are answered as unassigned, as CPython sees them
// (docs/chapters/lexer.md). Book ch. 6.
#pragma once

#include <string>
#include <string_view>

namespace minipy::lexer {

// Decodes one UTF-8 sequence at p (p < end). Returns its length and stores
// the code point, or returns 0 on a malformed sequence (overlong forms,
// surrogates and values above U+10FFFF are malformed, as in CPython's decoder).
int decode_utf8(const char* p, const char* end, char32_t* cp);

// For a malformed sequence at p (decode_utf8 returned 0), as CPython's UTF-8
// decoder reports it: the number of bytes it spans (they become one U+FFFD
// under errors="replace") and the reason ("invalid start byte", "invalid
// continuation byte" or "unexpected end of data").
int utf8_error_length(const char* p, const char* end, const char** reason);

// text decoded with errors="replace" and encoded back: valid UTF-8.
std::string utf8_replace(std::string_view text);

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text);

// Number of code points in valid UTF-8 text.
int count_code_points(std::string_view text);

// Appends the UTF-8 encoding of cp.
void append_utf8(std::string& out, char32_t cp);

bool is_xid_start(char32_t cp);     // _PyUnicode_IsXidStart
bool is_xid_continue(char32_t cp);  // _PyUnicode_IsXidContinue
bool is_printable(char32_t cp);     // Py_UNICODE_ISPRINTABLE (str.isprintable)
bool is_word_char(char32_t cp);     // the re module's \w: str.isalnum() or '_'
bool is_space(char32_t cp);         // Py_UNICODE_ISSPACE (str.isspace)

}  // namespace minipy::lexer
