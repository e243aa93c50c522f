// token.h: the token kinds and their names. Mirrors CPython 3.11
// Include/token.h, Parser/token.c and Lib/token.py, all generated in CPython
// from Grammar/Tokens; here they all expand from tokens.def. Book ch. 6.
#pragma once

#include <string_view>

namespace minipy::lexer {

// The kinds, numbered as token.py numbers them (ENDMARKER = 0 ... ENCODING = 63).
enum TokenKind : int {
#define TOKEN(name, string) name,
#include "minipy/lexer/tokens.def"
    N_TOKENS
};

// "NAME", "LPAR", ...: token.tok_name[kind]. "<unknown>" outside the range.
const char* token_name(int kind);

// "(" for LPAR; nullptr for the kinds that have no fixed text.
const char* token_string(int kind);

// The exact kind of an operator text ("**=" -> DOUBLESTAREQUAL), or OP when
// the text is not one of token.EXACT_TOKEN_TYPES (what TokenInfo.exact_type does).
int exact_token_kind(std::string_view text);

// The longest operator or delimiter that starts at p (at most 3 bytes, and
// never past end), like PyToken_OneChar/TwoChars/ThreeChars. Stores its
// length in *length and returns its kind, or returns -1 when p[0] starts no
// operator of token.EXACT_TOKEN_TYPES.
int match_operator(const char* p, const char* end, int* length);

}  // namespace minipy::lexer
