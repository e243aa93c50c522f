// token.cpp: token names and operator lookup, expanded from tokens.def.
// Mirrors CPython 3.11 Parser/token.c (PyToken_OneChar, PyToken_TwoChars,
// PyToken_ThreeChars, _PyParser_TokenNames) and Lib/token.py. Book ch. 6.
#include "minipy/lexer/token.h"

#include <cstring>

namespace minipy::lexer {

namespace {

struct TokenEntry {
    const char* name;
    const char* string;
};

constexpr TokenEntry token_table[] = {
#define TOKEN(name, string) {#name, string},
#include "minipy/lexer/tokens.def"
};

static_assert(sizeof token_table / sizeof token_table[0] == N_TOKENS);

}  // namespace

const char* token_name(int kind)
{
    if (kind < 0 || kind >= N_TOKENS) return "<unknown>";
    return token_table[kind].name;
}

const char* token_string(int kind)
{
    if (kind < 0 || kind >= N_TOKENS) return nullptr;
    return token_table[kind].string;
}

int exact_token_kind(std::string_view text)
{
    for (int kind = 0; kind < N_TOKENS; ++kind) {
        const char* s = token_table[kind].string;
        if (s != nullptr && text == s) return kind;
    }
    return OP;
}

int match_operator(const char* p, const char* end, int* length)
{
    // CPython generates a switch per length; a scan of the 47 operators,
    // longest first, gives the same answer. The lexer only calls this on the
    // bytes [-+*/%&|^~<>=!.:,;@()[]{}], so it stays off the hot path of names.
    int best = -1;
    int best_len = 0;
    const std::size_t avail = static_cast<std::size_t>(end - p);
    for (int kind = 0; kind < N_TOKENS; ++kind) {
        const char* s = token_table[kind].string;
        if (s == nullptr) continue;
        const std::size_t n = std::strlen(s);
        if (static_cast<int>(n) > best_len && n <= avail && std::memcmp(p, s, n) == 0) {
            best = kind;
            best_len = static_cast<int>(n);
        }
    }
    *length = best_len;
    return best;
}

}  // namespace minipy::lexer
