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

namespace {

// The operators grouped by first byte, longest first: what CPython's
// generated PyToken_OneChar/TwoChars/ThreeChars switches encode.
struct OperatorIndex {
    struct Entry {
        const char* text;
        int length;
        int kind;
    };
    static constexpr int MAX_PER_BYTE = 6;
    Entry by_first[256][MAX_PER_BYTE] = {};
    int count[256] = {};

    OperatorIndex()
    {
        for (int length = 3; length >= 1; --length) {
            for (int kind = 0; kind < N_TOKENS; ++kind) {
                const char* s = token_table[kind].string;
                if (s == nullptr || static_cast<int>(std::strlen(s)) != length) continue;
                const auto first = static_cast<unsigned char>(s[0]);
                by_first[first][count[first]++] = {s, length, kind};
            }
        }
    }
};

const OperatorIndex operator_index;

}  // namespace

int exact_token_kind(std::string_view text)
{
    if (text.empty() || text.size() > 3) return OP;
    const auto first = static_cast<unsigned char>(text[0]);
    for (int i = 0; i < operator_index.count[first]; ++i) {
        const OperatorIndex::Entry& e = operator_index.by_first[first][i];
        if (static_cast<std::size_t>(e.length) == text.size() && std::memcmp(e.text, text.data(), text.size()) == 0) {
            return e.kind;
        }
    }
    return OP;
}

int match_operator(const char* p, const char* end, int* length)
{
    *length = 0;
    if (p >= end) return -1;
    const auto first = static_cast<unsigned char>(p[0]);
    const std::size_t avail = static_cast<std::size_t>(end - p);
    for (int i = 0; i < operator_index.count[first]; ++i) {
        const OperatorIndex::Entry& e = operator_index.by_first[first][i];
        if (static_cast<std::size_t>(e.length) <= avail && std::memcmp(e.text, p, static_cast<std::size_t>(e.length)) == 0) {
            *length = e.length;
            return e.kind;
        }
    }
    return -1;
}

}  // namespace minipy::lexer
