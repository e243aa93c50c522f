// sre_lib.cpp: the matching engine of _sre: a backtracking matcher over the
// code list that lib/re/_compiler.py produces, with the character-class,
// position and case helpers it needs.
// Mirrors CPython 3.11 Modules/_sre/sre_lib.h (SRE(match), SRE(search),
// SRE(count), SRE(charset), SRE(at)) and the helpers at the top of
// Modules/_sre/sre.c. Book chapter 12, "The Standard Library".
//
// Design notes.
// - No C recursion: where the matcher must try a sub-pattern and come back
//   (a branch alternative, one more repeat iteration, the tail after a
//   repeat, a lookaround), it saves its registers in the current
//   MatchContext, pushes a new context naming the resume label (`jump`) and
//   restarts at `entrance`; returning pops the context and resumes the
//   caller at that label. Deep patterns and long subjects therefore use heap
//   memory (State::contexts) and never the C stack. (SRE(count)'s general
//   case calls the matcher once per character for a one-character item: one
//   level, never deeper.)
// - Signals: every 4096 steps the matcher runs the pending signal handlers;
//   an exception from one (KeyboardInterrupt) ends the match with it.
// - Backtracking state: `lastmark` is the highest valid mark; a failed
//   alternative restores it (LASTMARK_SAVE/RESTORE), and inside a REPEAT the
//   marks themselves are saved on State::markstack (MARK_PUSH/POP), exactly
//   where CPython does, so group contents after backtracking agree with
//   CPython's even in the corner cases.
// - Every REPEAT guards against looping on empty iterations with last_ptr
//   (an iteration that starts where the previous one started stops the loop).
#include <cstring>

#include "minipy/runtime/pystate.h"
#include "minipy/runtime/unicodeobject.h"
#include "sre.h"

namespace minipy::modules::sre {

using runtime::Py_UCS4;

// ---------------------------------------------------------------------------
// Character helpers (sre.c: sre_lower_*, sre_category).

namespace {

inline bool ascii_isdigit(SRE_CODE ch) { return ch >= '0' && ch <= '9'; }
inline bool ascii_isspace(SRE_CODE ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }
inline bool ascii_isalnum(SRE_CODE ch)
{
    return ascii_isdigit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}
inline bool ascii_isword(SRE_CODE ch) { return ch < 128 && (ascii_isalnum(ch) || ch == '_'); }
// LOCALE: minipy runs in the C locale for bytes patterns, where only ASCII
// letters and digits are alphanumeric.
inline bool loc_isword(SRE_CODE ch) { return ascii_isword(ch); }
// The Unicode classes answer ASCII without asking ICU (the common case).
inline bool uni_isword(SRE_CODE ch) { return ch < 128 ? ascii_isword(ch) : runtime::unicode_isalnum(ch); }
inline bool uni_isdigit(SRE_CODE ch) { return ch < 128 ? ascii_isdigit(ch) : runtime::unicode_isdecimal(ch); }
inline bool uni_isspace(SRE_CODE ch)
{
    // str.isspace's ASCII members include the separators \x1c-\x1f
    return ch < 128 ? (ch == ' ' || (ch >= '\t' && ch <= '\r') || (ch >= 0x1c && ch <= 0x1f))
                    : runtime::unicode_isspace(ch);
}
inline bool uni_islinebreak(SRE_CODE ch)
{
    // Py_UNICODE_ISLINEBREAK: the characters str.splitlines() splits on.
    return (ch >= 0x0A && ch <= 0x0D) || (ch >= 0x1C && ch <= 0x1E) || ch == 0x85 || ch == 0x2028 ||
           ch == 0x2029;
}

bool sre_category(SRE_CODE category, SRE_CODE ch)
{
    switch (category) {
    case SRE_CATEGORY_DIGIT: return ascii_isdigit(ch);
    case SRE_CATEGORY_NOT_DIGIT: return !ascii_isdigit(ch);
    case SRE_CATEGORY_SPACE: return ascii_isspace(ch);
    case SRE_CATEGORY_NOT_SPACE: return !ascii_isspace(ch);
    case SRE_CATEGORY_WORD: return ascii_isword(ch);
    case SRE_CATEGORY_NOT_WORD: return !ascii_isword(ch);
    case SRE_CATEGORY_LINEBREAK: return ch == '\n';
    case SRE_CATEGORY_NOT_LINEBREAK: return ch != '\n';
    case SRE_CATEGORY_LOC_WORD: return loc_isword(ch);
    case SRE_CATEGORY_LOC_NOT_WORD: return !loc_isword(ch);
    case SRE_CATEGORY_UNI_DIGIT: return uni_isdigit(ch);
    case SRE_CATEGORY_UNI_NOT_DIGIT: return !uni_isdigit(ch);
    case SRE_CATEGORY_UNI_SPACE: return uni_isspace(ch);
    case SRE_CATEGORY_UNI_NOT_SPACE: return !uni_isspace(ch);
    case SRE_CATEGORY_UNI_WORD: return uni_isword(ch);
    case SRE_CATEGORY_UNI_NOT_WORD: return !uni_isword(ch);
    case SRE_CATEGORY_UNI_LINEBREAK: return uni_islinebreak(ch);
    case SRE_CATEGORY_UNI_NOT_LINEBREAK: return !uni_islinebreak(ch);
    default: return false;
    }
}

}  // namespace

SRE_CODE sre_lower_ascii(SRE_CODE ch) { return (ch >= 'A' && ch <= 'Z') ? ch + 32 : ch; }
SRE_CODE sre_upper_ascii(SRE_CODE ch) { return (ch >= 'a' && ch <= 'z') ? ch - 32 : ch; }
SRE_CODE sre_lower_locale(SRE_CODE ch) { return ch < 256 ? sre_lower_ascii(ch) : ch; }
SRE_CODE sre_upper_locale(SRE_CODE ch) { return ch < 256 ? sre_upper_ascii(ch) : ch; }

// _PyUnicode_ToLowercase/_PyUnicode_ToUppercase: the simple mapping, which
// for characters with a special (multi-character) mapping is the first
// character of it, as CPython's tables store them.
SRE_CODE sre_lower_unicode(SRE_CODE ch)
{
    if (ch < 128) return sre_lower_ascii(ch);
    if (ch > runtime::MAX_UNICODE) return ch;
    Py_UCS4 out[4];
    runtime::unicode_to_lower_full(ch, out);
    return out[0];
}

SRE_CODE sre_upper_unicode(SRE_CODE ch)
{
    if (ch < 128) return sre_upper_ascii(ch);
    if (ch > runtime::MAX_UNICODE) return ch;
    Py_UCS4 out[4];
    runtime::unicode_to_upper_full(ch, out);
    return out[0];
}

namespace {

// Latin-1 lower-case table, built once: IGNORECASE matching of 1-byte
// subjects then never calls ICU.
struct Latin1Lower {
    SRE_CODE table[256];
    Latin1Lower()
    {
        for (SRE_CODE c = 0; c < 256; c++) table[c] = sre_lower_unicode(c);
    }
};

inline SRE_CODE lower_unicode_fast(SRE_CODE ch)
{
    static const Latin1Lower latin1;
    return ch < 256 ? latin1.table[ch] : sre_lower_unicode(ch);
}

inline bool char_loc_ignore(SRE_CODE pattern, SRE_CODE ch)
{
    return ch == pattern || sre_lower_locale(ch) == pattern || sre_upper_locale(ch) == pattern;
}

// SRE(charset): is ch in the set that starts at `set` (ends with FAILURE)?
bool sre_charset(const SRE_CODE* set, SRE_CODE ch)
{
    bool ok = true;
    for (;;) {
        switch (*set++) {
        case SRE_OP_FAILURE: return !ok;
        case SRE_OP_LITERAL:
            if (ch == set[0]) return ok;
            set++;
            break;
        case SRE_OP_CATEGORY:
            if (sre_category(set[0], ch)) return ok;
            set++;
            break;
        case SRE_OP_CHARSET:
            // 256 bits in eight 32-bit words
            if (ch < 256 && (set[ch >> 5] & (1u << (ch & 31)))) return ok;
            set += 256 / 32;
            break;
        case SRE_OP_RANGE:
            if (set[0] <= ch && ch <= set[1]) return ok;
            set += 2;
            break;
        case SRE_OP_RANGE_UNI_IGNORE: {
            if (set[0] <= ch && ch <= set[1]) return ok;
            SRE_CODE uch = sre_upper_unicode(ch);
            if (set[0] <= uch && uch <= set[1]) return ok;
            set += 2;
            break;
        }
        case SRE_OP_NEGATE: ok = !ok; break;
        case SRE_OP_BIGCHARSET: {
            // <count> <256-byte map of 256-char blocks to bitmaps> <bitmaps>
            SRE_CODE count = *set++;
            if (ch < 65536) {
                unsigned block = reinterpret_cast<const unsigned char*>(set)[ch >> 8];
                set += 256 / sizeof(SRE_CODE);
                if (set[(block * 256 + (ch & 255)) >> 5] & (1u << (ch & 31))) return ok;
                set += count * (256 / 32);
            } else {
                set += 256 / sizeof(SRE_CODE) + count * (256 / 32);
            }
            break;
        }
        default: return false;  // internal error: bad set
        }
    }
}

bool sre_charset_loc_ignore(const SRE_CODE* set, SRE_CODE ch)
{
    SRE_CODE lo = sre_lower_locale(ch);
    if (sre_charset(set, lo)) return true;
    SRE_CODE up = sre_upper_locale(ch);
    return up != lo && sre_charset(set, up);
}

// ---------------------------------------------------------------------------
// The matcher, one instance per character width.

enum Jump {
    JUMP_NONE,
    JUMP_UNTIL_MIN,
    JUMP_MAX_UNTIL_2,
    JUMP_MAX_UNTIL_3,
    JUMP_MIN_UNTIL_2,
    JUMP_MIN_UNTIL_3,
    JUMP_REPEAT,
    JUMP_REPEAT_ONE,
    JUMP_MIN_REPEAT_ONE,
    JUMP_BRANCH,
    JUMP_ASSERT,
    JUMP_ASSERT_NOT,
    JUMP_POSS_REPEAT_1,
    JUMP_POSS_REPEAT_2,
    JUMP_ATOMIC_GROUP,
};

template <typename CharT>
struct Matcher {
    State* state;
    const CharT* s;

    bool at(Py_ssize_t ptr, SRE_CODE atcode) const
    {
        Py_ssize_t end = state->end;
        bool thisp, thatp;
        switch (atcode) {
        case SRE_AT_BEGINNING:
        case SRE_AT_BEGINNING_STRING: return ptr == 0;
        case SRE_AT_BEGINNING_LINE: return ptr == 0 || s[ptr - 1] == '\n';
        case SRE_AT_END: return (ptr + 1 == end && s[ptr] == '\n') || ptr == end;
        case SRE_AT_END_LINE: return ptr == end || s[ptr] == '\n';
        case SRE_AT_END_STRING: return ptr == end;
        case SRE_AT_BOUNDARY:
        case SRE_AT_NON_BOUNDARY:
            if (end == 0) return false;
            thatp = ptr > 0 && ascii_isword(s[ptr - 1]);
            thisp = ptr < end && ascii_isword(s[ptr]);
            return atcode == SRE_AT_BOUNDARY ? thisp != thatp : thisp == thatp;
        case SRE_AT_LOC_BOUNDARY:
        case SRE_AT_LOC_NON_BOUNDARY:
            if (end == 0) return false;
            thatp = ptr > 0 && loc_isword(s[ptr - 1]);
            thisp = ptr < end && loc_isword(s[ptr]);
            return atcode == SRE_AT_LOC_BOUNDARY ? thisp != thatp : thisp == thatp;
        case SRE_AT_UNI_BOUNDARY:
        case SRE_AT_UNI_NON_BOUNDARY:
            if (end == 0) return false;
            thatp = ptr > 0 && uni_isword(s[ptr - 1]);
            thisp = ptr < end && uni_isword(s[ptr]);
            return atcode == SRE_AT_UNI_BOUNDARY ? thisp != thatp : thisp == thatp;
        default: return false;
        }
    }

    // SRE(count): how many times (up to maxcount) the one-character item at
    // `pattern` matches from state->ptr.
    Py_ssize_t count(const SRE_CODE* pattern, Py_ssize_t maxcount)
    {
        Py_ssize_t ptr = state->ptr;
        Py_ssize_t end = state->end;
        if (maxcount < end - ptr && maxcount != static_cast<Py_ssize_t>(SRE_MAXREPEAT)) end = ptr + maxcount;
        SRE_CODE chr;
        switch (pattern[0]) {
        case SRE_OP_IN:
            while (ptr < end && sre_charset(pattern + 2, s[ptr])) ptr++;
            break;
        case SRE_OP_ANY:
            while (ptr < end && s[ptr] != '\n') ptr++;
            break;
        case SRE_OP_ANY_ALL: ptr = end; break;
        case SRE_OP_LITERAL:
            chr = pattern[1];
            while (ptr < end && static_cast<SRE_CODE>(s[ptr]) == chr) ptr++;
            break;
        case SRE_OP_LITERAL_IGNORE:
            chr = pattern[1];
            while (ptr < end && sre_lower_ascii(s[ptr]) == chr) ptr++;
            break;
        case SRE_OP_LITERAL_UNI_IGNORE:
            chr = pattern[1];
            while (ptr < end && lower_unicode_fast(s[ptr]) == chr) ptr++;
            break;
        case SRE_OP_LITERAL_LOC_IGNORE:
            chr = pattern[1];
            while (ptr < end && char_loc_ignore(chr, s[ptr])) ptr++;
            break;
        case SRE_OP_NOT_LITERAL:
            chr = pattern[1];
            while (ptr < end && static_cast<SRE_CODE>(s[ptr]) != chr) ptr++;
            break;
        case SRE_OP_NOT_LITERAL_IGNORE:
            chr = pattern[1];
            while (ptr < end && sre_lower_ascii(s[ptr]) != chr) ptr++;
            break;
        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
            chr = pattern[1];
            while (ptr < end && lower_unicode_fast(s[ptr]) != chr) ptr++;
            break;
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            chr = pattern[1];
            while (ptr < end && !char_loc_ignore(chr, s[ptr])) ptr++;
            break;
        default: {
            // any other one-character item: run it once per character
            Py_ssize_t start = state->ptr;
            while (state->ptr < end) {
                Py_ssize_t i = run(pattern, false);
                if (i < 0) return i;
                if (!i) break;
            }
            return state->ptr - start;
        }
        }
        return ptr - state->ptr;
    }

    void mark_push(Py_ssize_t lastmark)
    {
        if (lastmark >= 0)
            state->markstack.insert(state->markstack.end(), state->mark.begin(),
                                    state->mark.begin() + lastmark + 1);
    }
    void mark_pop(Py_ssize_t lastmark, bool keep)
    {
        if (lastmark >= 0) {
            auto from = state->markstack.end() - (lastmark + 1);
            std::copy(from, state->markstack.end(), state->mark.begin());
            if (!keep) state->markstack.erase(from, state->markstack.end());
        }
    }
    void mark_discard(Py_ssize_t lastmark)
    {
        if (lastmark >= 0) state->markstack.resize(state->markstack.size() - (lastmark + 1));
    }

    Py_ssize_t run(const SRE_CODE* pattern, bool toplevel);
};

// The register save/restore and jump protocol (CPython's DO_JUMP and
// RETURN_* macros). `ctx` must be reloaded after every push or pop of
// state->contexts, which may move.
#define CTX (&state->contexts[ctx_pos])
#define LASTMARK_SAVE()                         \
    do {                                        \
        CTX->lastmark = state->lastmark;        \
        CTX->lastindex = state->lastindex;      \
    } while (0)
#define LASTMARK_RESTORE()                      \
    do {                                        \
        state->lastmark = CTX->lastmark;        \
        state->lastindex = CTX->lastindex;      \
    } while (0)
#define RETURN_FAILURE \
    do {               \
        ret = 0;       \
        goto exit;     \
    } while (0)
#define RETURN_SUCCESS \
    do {               \
        ret = 1;       \
        goto exit;     \
    } while (0)
#define RETURN_ERROR(i) \
    do {                \
        ret = (i);      \
        goto exit;      \
    } while (0)
#define RETURN_ON_ERROR(i) \
    do {                   \
        if ((i) < 0) RETURN_ERROR(i); \
    } while (0)
#define RETURN_ON_SUCCESS(i)    \
    do {                        \
        RETURN_ON_ERROR(i);     \
        if ((i) > 0) RETURN_SUCCESS; \
    } while (0)
// After a jump that tried one alternative of a loop that saved the marks
// (BRANCH, REPEAT_ONE, MIN_REPEAT_ONE): success ends the match and drops the
// marks saved on the mark stack; failure restores the marks from it and
// keeps them saved for the next alternative (CPython's MARK_POP_DISCARD and
// MARK_POP_KEEP, each under `if (state->repeat)`).
#define RETURN_ON_SUCCESS_OR_POP_MARKS()                              \
    do {                                                              \
        if (ret) {                                                    \
            if (state->repeat >= 0) mark_discard(CTX->lastmark);      \
            RETURN_ON_ERROR(ret);                                     \
            RETURN_SUCCESS;                                           \
        }                                                             \
        if (state->repeat >= 0) mark_pop(CTX->lastmark, true);        \
    } while (0)
#define DO_JUMPX(jumpvalue, jumplabel, nextpattern, toplevel_) \
    CTX->pattern = pattern;                                    \
    CTX->ptr = ptr;                                            \
    next_toplevel = (toplevel_);                               \
    next_pattern = (nextpattern);                              \
    state->contexts.push_back(MatchContext{});                 \
    ctx_pos = static_cast<Py_ssize_t>(state->contexts.size()) - 1; \
    CTX->pattern = next_pattern;                               \
    CTX->jump = (jumpvalue);                                   \
    CTX->toplevel = next_toplevel;                             \
    goto entrance;                                             \
    jumplabel:                                                 \
    pattern = CTX->pattern;                                    \
    ptr = CTX->ptr
#define DO_JUMP(jv, jl, np) DO_JUMPX(jv, jl, np, CTX->toplevel)
#define DO_JUMP0(jv, jl, np) DO_JUMPX(jv, jl, np, false)

template <typename CharT>
Py_ssize_t Matcher<CharT>::run(const SRE_CODE* pattern, bool toplevel)
{
    const Py_ssize_t end = state->end;
    const Py_ssize_t base = static_cast<Py_ssize_t>(state->contexts.size());
    Py_ssize_t ctx_pos = base;
    Py_ssize_t ret = 0;
    Py_ssize_t ptr = 0;
    int jump = JUMP_NONE;
    Repeat* rep = nullptr;
    bool next_toplevel = false;           // DO_JUMP's arguments, read before
    const SRE_CODE* next_pattern = nullptr;  // the push moves the contexts

    state->contexts.push_back(MatchContext{});
    CTX->pattern = pattern;
    CTX->jump = JUMP_NONE;
    CTX->toplevel = toplevel;

entrance:
    pattern = CTX->pattern;
    ptr = state->ptr;
    if (pattern[0] == SRE_OP_INFO) {
        // <INFO> <skip> <flags> <min> ...: too few characters left?
        if (pattern[3] && static_cast<std::size_t>(end - ptr) < pattern[3]) RETURN_FAILURE;
        pattern += pattern[1] + 1;
    }

    for (;;) {
        // Every 4096 steps, let signal handlers run (Ctrl-C stops a
        // runaway match), as CPython's MAYBE_CHECK_SIGNALS does.
        if ((++state->sigcount & 0xfff) == 0 && runtime::make_pending_calls() < 0)
            RETURN_ERROR(SRE_ERROR_INTERRUPTED);
        switch (*pattern++) {
        case SRE_OP_MARK: {
            // <MARK> <gid>: marks between the old lastmark and this one are unset
            Py_ssize_t m = pattern[0];
            if (m >= static_cast<Py_ssize_t>(state->mark.size())) state->mark.resize(m + 1, -1);
            if (m & 1) state->lastindex = m / 2 + 1;
            if (m > state->lastmark) {
                for (Py_ssize_t j = state->lastmark + 1; j < m; j++) state->mark[j] = -1;
                state->lastmark = m;
            }
            state->mark[m] = ptr;
            pattern++;
            break;
        }
        case SRE_OP_LITERAL:
            if (ptr >= end || static_cast<SRE_CODE>(s[ptr]) != pattern[0]) RETURN_FAILURE;
            pattern++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL:
            if (ptr >= end || static_cast<SRE_CODE>(s[ptr]) == pattern[0]) RETURN_FAILURE;
            pattern++;
            ptr++;
            break;
        case SRE_OP_SUCCESS:
            if (CTX->toplevel &&
                ((state->match_all && ptr != state->end) || (state->must_advance && ptr == state->start)))
                RETURN_FAILURE;
            state->ptr = ptr;
            RETURN_SUCCESS;
        case SRE_OP_AT:
            if (!at(ptr, pattern[0])) RETURN_FAILURE;
            pattern++;
            break;
        case SRE_OP_CATEGORY:
            if (ptr >= end || !sre_category(pattern[0], s[ptr])) RETURN_FAILURE;
            pattern++;
            ptr++;
            break;
        case SRE_OP_ANY:
            if (ptr >= end || s[ptr] == '\n') RETURN_FAILURE;
            ptr++;
            break;
        case SRE_OP_ANY_ALL:
            if (ptr >= end) RETURN_FAILURE;
            ptr++;
            break;
        case SRE_OP_IN:
            if (ptr >= end || !sre_charset(pattern + 1, s[ptr])) RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;
        case SRE_OP_LITERAL_IGNORE:
            if (ptr >= end || sre_lower_ascii(s[ptr]) != pattern[0]) RETURN_FAILURE;
            pattern++;
            ptr++;
            break;
        case SRE_OP_LITERAL_UNI_IGNORE:
            if (ptr >= end || lower_unicode_fast(s[ptr]) != pattern[0]) RETURN_FAILURE;
            pattern++;
            ptr++;
            break;
        case SRE_OP_LITERAL_LOC_IGNORE:
            if (ptr >= end || !char_loc_ignore(pattern[0], s[ptr])) RETURN_FAILURE;
            pattern++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL_IGNORE:
            if (ptr >= end || sre_lower_ascii(s[ptr]) == pattern[0]) RETURN_FAILURE;
            pattern++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
            if (ptr >= end || lower_unicode_fast(s[ptr]) == pattern[0]) RETURN_FAILURE;
            pattern++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            if (ptr >= end || char_loc_ignore(pattern[0], s[ptr])) RETURN_FAILURE;
            pattern++;
            ptr++;
            break;
        case SRE_OP_IN_IGNORE:
            if (ptr >= end || !sre_charset(pattern + 1, sre_lower_ascii(s[ptr]))) RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;
        case SRE_OP_IN_UNI_IGNORE:
            if (ptr >= end || !sre_charset(pattern + 1, lower_unicode_fast(s[ptr]))) RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;
        case SRE_OP_IN_LOC_IGNORE:
            if (ptr >= end || !sre_charset_loc_ignore(pattern + 1, s[ptr])) RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;
        case SRE_OP_JUMP:
        case SRE_OP_INFO:
            pattern += pattern[0];
            break;

        case SRE_OP_BRANCH:
            // <BRANCH> <skip> alternative <JUMP> ... <0>
            LASTMARK_SAVE();
            if (state->repeat >= 0) mark_push(CTX->lastmark);
            for (; pattern[0]; pattern += pattern[0]) {
                // a literal or set at the head of an alternative is checked inline
                if (pattern[1] == SRE_OP_LITERAL && (ptr >= end || static_cast<SRE_CODE>(s[ptr]) != pattern[2]))
                    continue;
                if (pattern[1] == SRE_OP_IN && (ptr >= end || !sre_charset(pattern + 3, s[ptr]))) continue;
                state->ptr = ptr;
                DO_JUMP(JUMP_BRANCH, jump_branch, pattern + 1);
                RETURN_ON_SUCCESS_OR_POP_MARKS();
                LASTMARK_RESTORE();
            }
            if (state->repeat >= 0) mark_discard(CTX->lastmark);
            RETURN_FAILURE;

        case SRE_OP_REPEAT_ONE:
        case SRE_OP_POSSESSIVE_REPEAT_ONE:
            // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy,
            // count as many as possible, then give back one at a time;
            // POSSESSIVE_REPEAT_ONE never gives back what the item took
            if (static_cast<Py_ssize_t>(pattern[1]) > end - ptr) RETURN_FAILURE;
            state->ptr = ptr;
            ret = count(pattern + 3, pattern[2]);
            RETURN_ON_ERROR(ret);
            CTX->count = ret;
            ptr += ret;
            if (CTX->count < static_cast<Py_ssize_t>(pattern[1])) RETURN_FAILURE;
            if (pattern[-1] == SRE_OP_POSSESSIVE_REPEAT_ONE) {
                pattern += pattern[0];
                break;
            }
            if (pattern[pattern[0]] == SRE_OP_SUCCESS && ptr == state->end &&
                !(CTX->toplevel && state->must_advance && ptr == state->start)) {
                state->ptr = ptr;  // the tail is empty
                RETURN_SUCCESS;
            }
            LASTMARK_SAVE();
            if (state->repeat >= 0) mark_push(CTX->lastmark);
            // one loop for both of CPython's: when the tail starts with a
            // literal, positions not followed by it are skipped without a jump
            if (pattern[pattern[0]] == SRE_OP_LITERAL) CTX->chr = pattern[pattern[0] + 1];
            for (;;) {
                if (pattern[pattern[0]] == SRE_OP_LITERAL) {
                    while (CTX->count >= static_cast<Py_ssize_t>(pattern[1]) &&
                           (ptr >= end || static_cast<SRE_CODE>(s[ptr]) != CTX->chr)) {
                        ptr--;
                        CTX->count--;
                    }
                }
                if (CTX->count < static_cast<Py_ssize_t>(pattern[1])) break;
                state->ptr = ptr;
                DO_JUMP(JUMP_REPEAT_ONE, jump_repeat_one, pattern + pattern[0]);
                RETURN_ON_SUCCESS_OR_POP_MARKS();
                LASTMARK_RESTORE();
                ptr--;
                CTX->count--;
            }
            if (state->repeat >= 0) mark_discard(CTX->lastmark);
            RETURN_FAILURE;

        case SRE_OP_MIN_REPEAT_ONE:
            // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: lazy,
            // try the tail after min items, then after one more each time
            if (static_cast<Py_ssize_t>(pattern[1]) > end - ptr) RETURN_FAILURE;
            state->ptr = ptr;
            if (pattern[1] == 0) {
                CTX->count = 0;
            } else {
                ret = count(pattern + 3, pattern[1]);
                RETURN_ON_ERROR(ret);
                if (ret < static_cast<Py_ssize_t>(pattern[1])) RETURN_FAILURE;
                CTX->count = ret;
                ptr += ret;
            }
            if (pattern[pattern[0]] == SRE_OP_SUCCESS &&
                !(CTX->toplevel &&
                  ((state->match_all && ptr != state->end) || (state->must_advance && ptr == state->start)))) {
                state->ptr = ptr;
                RETURN_SUCCESS;
            }
            LASTMARK_SAVE();
            if (state->repeat >= 0) mark_push(CTX->lastmark);
            while (pattern[2] == SRE_MAXREPEAT || CTX->count <= static_cast<Py_ssize_t>(pattern[2])) {
                state->ptr = ptr;
                DO_JUMP(JUMP_MIN_REPEAT_ONE, jump_min_repeat_one, pattern + pattern[0]);
                RETURN_ON_SUCCESS_OR_POP_MARKS();
                state->ptr = ptr;
                ret = count(pattern + 3, 1);
                RETURN_ON_ERROR(ret);
                if (ret == 0) break;
                ptr++;
                CTX->count++;
                LASTMARK_RESTORE();
            }
            if (state->repeat >= 0) mark_discard(CTX->lastmark);
            RETURN_FAILURE;

        case SRE_OP_REPEAT:
            // <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL> tail: the
            // UNTIL at the end of the body decides, each time it is reached,
            // whether to run the body again or the tail
            state->repeats.push_back(Repeat{-1, pattern, -1, state->repeat});
            CTX->rep = static_cast<Py_ssize_t>(state->repeats.size()) - 1;
            state->repeat = CTX->rep;
            state->ptr = ptr;
            DO_JUMP(JUMP_REPEAT, jump_repeat, pattern + pattern[0]);
            state->repeat = state->repeats[CTX->rep].prev;
            state->repeats.pop_back();  // repeats are strictly nested
            RETURN_ON_SUCCESS(ret);
            RETURN_FAILURE;

        case SRE_OP_MAX_UNTIL:
        case SRE_OP_MIN_UNTIL:
            // the end of a REPEAT's body: MAX_UNTIL is greedy (one more
            // iteration if allowed, else or if that fails the tail), MIN_UNTIL
            // lazy (the tail first, one more iteration only if it fails).
            // Below the minimum both must run the body again.
            if (state->repeat < 0) RETURN_ERROR(SRE_ERROR_STATE);
            CTX->rep = state->repeat;
            rep = &state->repeats[CTX->rep];
            state->ptr = ptr;
            CTX->count = rep->count + 1;
            if (CTX->count < static_cast<Py_ssize_t>(rep->pattern[1])) {
                // not enough iterations yet
                rep->count = CTX->count;
                DO_JUMP(JUMP_UNTIL_MIN, jump_until_min, state->repeats[CTX->rep].pattern + 3);
                RETURN_ON_SUCCESS(ret);
                state->repeats[CTX->rep].count = CTX->count - 1;
                state->ptr = ptr;
                RETURN_FAILURE;
            }
            if (pattern[-1] == SRE_OP_MAX_UNTIL) {
                if ((CTX->count < static_cast<Py_ssize_t>(rep->pattern[2]) || rep->pattern[2] == SRE_MAXREPEAT) &&
                    state->ptr != rep->last_ptr) {
                    rep->count = CTX->count;
                    LASTMARK_SAVE();
                    mark_push(CTX->lastmark);
                    CTX->saved_last_ptr = rep->last_ptr;
                    rep->last_ptr = state->ptr;
                    DO_JUMP(JUMP_MAX_UNTIL_2, jump_max_until_2, state->repeats[CTX->rep].pattern + 3);
                    state->repeats[CTX->rep].last_ptr = CTX->saved_last_ptr;
                    if (ret) {
                        mark_discard(CTX->lastmark);
                        RETURN_ON_ERROR(ret);
                        RETURN_SUCCESS;
                    }
                    mark_pop(CTX->lastmark, false);
                    LASTMARK_RESTORE();
                    state->repeats[CTX->rep].count = CTX->count - 1;
                    state->ptr = ptr;
                }
                // no more iterations here: the tail must match, outside this repeat
                state->repeat = state->repeats[CTX->rep].prev;
                DO_JUMP(JUMP_MAX_UNTIL_3, jump_max_until_3, pattern);
                state->repeat = CTX->rep;
                RETURN_ON_SUCCESS(ret);
                state->ptr = ptr;
                RETURN_FAILURE;
            }
            // MIN_UNTIL: the tail, outside this repeat
            state->repeat = rep->prev;
            LASTMARK_SAVE();
            if (state->repeat >= 0) mark_push(CTX->lastmark);
            DO_JUMP(JUMP_MIN_UNTIL_2, jump_min_until_2, pattern);
            {
                bool tail_in_repeat = state->repeat >= 0;
                state->repeat = CTX->rep;
                if (ret) {
                    if (tail_in_repeat) mark_discard(CTX->lastmark);
                    RETURN_ON_ERROR(ret);
                    RETURN_SUCCESS;
                }
                if (tail_in_repeat) mark_pop(CTX->lastmark, false);
            }
            LASTMARK_RESTORE();
            state->ptr = ptr;
            rep = &state->repeats[CTX->rep];
            if ((CTX->count >= static_cast<Py_ssize_t>(rep->pattern[2]) && rep->pattern[2] != SRE_MAXREPEAT) ||
                state->ptr == rep->last_ptr)
                RETURN_FAILURE;
            rep->count = CTX->count;
            CTX->saved_last_ptr = rep->last_ptr;
            rep->last_ptr = state->ptr;
            DO_JUMP(JUMP_MIN_UNTIL_3, jump_min_until_3, state->repeats[CTX->rep].pattern + 3);
            state->repeats[CTX->rep].last_ptr = CTX->saved_last_ptr;
            RETURN_ON_SUCCESS(ret);
            state->repeats[CTX->rep].count = CTX->count - 1;
            state->ptr = ptr;
            RETURN_FAILURE;

        case SRE_OP_POSSESSIVE_REPEAT:
            // <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS> tail: each
            // iteration is an independent match; none is ever undone
            state->ptr = ptr;
            CTX->count = 0;
            while (CTX->count < static_cast<Py_ssize_t>(pattern[1])) {
                DO_JUMP0(JUMP_POSS_REPEAT_1, jump_poss_repeat_1, pattern + 3);
                if (ret) {
                    RETURN_ON_ERROR(ret);
                    CTX->count++;
                } else {
                    state->ptr = ptr;
                    RETURN_FAILURE;
                }
            }
            // ptr now holds the start of the previous iteration; -1 lets the
            // loop begin
            ptr = -1;
            while ((CTX->count < static_cast<Py_ssize_t>(pattern[2]) || pattern[2] == SRE_MAXREPEAT) &&
                   state->ptr != ptr) {
                LASTMARK_SAVE();
                mark_push(CTX->lastmark);
                ptr = state->ptr;
                DO_JUMP0(JUMP_POSS_REPEAT_2, jump_poss_repeat_2, pattern + 3);
                if (ret) {
                    mark_discard(CTX->lastmark);
                    RETURN_ON_ERROR(ret);
                    CTX->count++;
                } else {
                    mark_pop(CTX->lastmark, false);
                    LASTMARK_RESTORE();
                    state->ptr = ptr;
                    break;
                }
            }
            pattern += pattern[0] + 1;  // past the body's SUCCESS
            ptr = state->ptr;
            break;

        case SRE_OP_ATOMIC_GROUP:
            // <ATOMIC_GROUP> <skip> body <SUCCESS> tail: the body's first match
            // is final
            state->ptr = ptr;
            DO_JUMP0(JUMP_ATOMIC_GROUP, jump_atomic_group, pattern + 1);
            RETURN_ON_ERROR(ret);
            if (ret == 0) {
                state->ptr = ptr;
                RETURN_FAILURE;
            }
            pattern += pattern[0];
            ptr = state->ptr;
            break;

        case SRE_OP_GROUPREF:
        case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE: {
            // <GROUPREF> <group>: the text the group matched, again
            SRE_CODE op = pattern[-1];
            Py_ssize_t groupref = static_cast<Py_ssize_t>(pattern[0]) * 2;
            if (groupref >= state->lastmark) RETURN_FAILURE;
            Py_ssize_t p = state->mark[groupref], e = state->mark[groupref + 1];
            if (p < 0 || e < 0 || e < p) RETURN_FAILURE;
            for (; p < e; p++, ptr++) {
                if (ptr >= end) RETURN_FAILURE;
                SRE_CODE a = s[ptr], b = s[p];
                bool same = op == SRE_OP_GROUPREF              ? a == b
                            : op == SRE_OP_GROUPREF_IGNORE     ? sre_lower_ascii(a) == sre_lower_ascii(b)
                            : op == SRE_OP_GROUPREF_UNI_IGNORE ? lower_unicode_fast(a) == lower_unicode_fast(b)
                                                               : sre_lower_locale(a) == sre_lower_locale(b);
                if (!same) RETURN_FAILURE;
            }
            pattern++;
            break;
        }

        case SRE_OP_GROUPREF_EXISTS: {
            // <GROUPREF_EXISTS> <group> <skip> yes <JUMP> no
            Py_ssize_t groupref = static_cast<Py_ssize_t>(pattern[0]) * 2;
            if (groupref >= state->lastmark || state->mark[groupref] < 0 || state->mark[groupref + 1] < 0 ||
                state->mark[groupref + 1] < state->mark[groupref]) {
                pattern += pattern[1];
                break;
            }
            pattern += 2;
            break;
        }

        case SRE_OP_ASSERT:
            // <ASSERT> <skip> <back> pattern: lookahead (back 0) or lookbehind
            if (static_cast<std::size_t>(ptr) < pattern[1]) RETURN_FAILURE;
            state->ptr = ptr - pattern[1];
            DO_JUMP0(JUMP_ASSERT, jump_assert, pattern + 2);
            RETURN_ON_ERROR(ret);
            if (!ret) RETURN_FAILURE;
            pattern += pattern[0];
            break;

        case SRE_OP_ASSERT_NOT:
            if (static_cast<std::size_t>(ptr) >= pattern[1]) {
                state->ptr = ptr - pattern[1];
                LASTMARK_SAVE();
                if (state->repeat >= 0) mark_push(CTX->lastmark);
                DO_JUMP0(JUMP_ASSERT_NOT, jump_assert_not, pattern + 2);
                if (ret) {
                    if (state->repeat >= 0) mark_discard(CTX->lastmark);
                    RETURN_ON_ERROR(ret);
                    RETURN_FAILURE;
                }
                if (state->repeat >= 0) mark_pop(CTX->lastmark, false);
                LASTMARK_RESTORE();
            }
            pattern += pattern[0];
            break;

        case SRE_OP_FAILURE: RETURN_FAILURE;

        default: RETURN_ERROR(SRE_ERROR_ILLEGAL);
        }
    }

exit:
    jump = CTX->jump;
    state->contexts.pop_back();
    if (static_cast<Py_ssize_t>(state->contexts.size()) == base) return ret;
    ctx_pos = static_cast<Py_ssize_t>(state->contexts.size()) - 1;
    switch (jump) {
    case JUMP_UNTIL_MIN: goto jump_until_min;
    case JUMP_MAX_UNTIL_2: goto jump_max_until_2;
    case JUMP_MAX_UNTIL_3: goto jump_max_until_3;
    case JUMP_MIN_UNTIL_2: goto jump_min_until_2;
    case JUMP_MIN_UNTIL_3: goto jump_min_until_3;
    case JUMP_REPEAT: goto jump_repeat;
    case JUMP_REPEAT_ONE: goto jump_repeat_one;
    case JUMP_MIN_REPEAT_ONE: goto jump_min_repeat_one;
    case JUMP_BRANCH: goto jump_branch;
    case JUMP_ASSERT: goto jump_assert;
    case JUMP_ASSERT_NOT: goto jump_assert_not;
    case JUMP_POSS_REPEAT_1: goto jump_poss_repeat_1;
    case JUMP_POSS_REPEAT_2: goto jump_poss_repeat_2;
    case JUMP_ATOMIC_GROUP: goto jump_atomic_group;
    default: break;
    }
    return SRE_ERROR_STATE;  // unreachable: every pushed context names a label
}

#undef CTX
#undef LASTMARK_SAVE
#undef LASTMARK_RESTORE
#undef RETURN_FAILURE
#undef RETURN_SUCCESS
#undef RETURN_ERROR
#undef RETURN_ON_ERROR
#undef RETURN_ON_SUCCESS
#undef RETURN_ON_SUCCESS_OR_POP_MARKS
#undef DO_JUMPX
#undef DO_JUMP
#undef DO_JUMP0

// SRE(search): try each start position in turn. The INFO block's literal
// prefix or first-character set lets it skip positions where no match can
// start; the matcher itself runs without the INFO block.
template <typename CharT>
Py_ssize_t search(State* state, const SRE_CODE* pattern)
{
    Matcher<CharT> m{state, static_cast<const CharT*>(state->data)};
    const CharT* s = m.s;
    Py_ssize_t ptr = state->start;
    Py_ssize_t end = state->end;
    if (ptr > end) return 0;

    const SRE_CODE* prefix = nullptr;
    Py_ssize_t prefix_len = 0;
    const SRE_CODE* charset = nullptr;
    if (pattern[0] == SRE_OP_INFO) {
        // <INFO> <skip> <flags> <min> <max> [<len> <skip> prefix overlap | charset]
        SRE_CODE flags = pattern[2];
        if (pattern[3] && static_cast<std::size_t>(end - ptr) < pattern[3]) return 0;
        if (pattern[3] > 1) {
            // no match can start in the last min-1 characters
            end -= pattern[3] - 1;
            if (end <= ptr) end = ptr;
        }
        if (flags & SRE_INFO_PREFIX) {
            prefix_len = pattern[5];
            prefix = pattern + 7;
        } else if (flags & SRE_INFO_CHARSET) {
            charset = pattern + 5;
        }
        pattern += 1 + pattern[1];
    }

    Py_ssize_t status;
    if (prefix_len >= 1 || charset) {
        SRE_CODE c0 = prefix ? prefix[0] : 0;
        bool first = true;
        for (;;) {
            if (prefix) {
                if constexpr (sizeof(CharT) == 1) {
                    // bytes and Latin-1 text: memchr finds the first character
                    if (c0 > 0xff) {
                        ptr = end;
                    } else if (ptr < end) {
                        const void* hit = std::memchr(s + ptr, static_cast<int>(c0), static_cast<std::size_t>(end - ptr));
                        ptr = hit ? static_cast<const CharT*>(hit) - s : end;
                    }
                } else {
                    while (ptr < end && static_cast<SRE_CODE>(s[ptr]) != c0) ptr++;
                }
                if (ptr < end && prefix_len > 1) {
                    // the rest of the prefix must follow before the matcher runs
                    Py_ssize_t k = 1;
                    while (k < prefix_len && ptr + k < state->end && static_cast<SRE_CODE>(s[ptr + k]) == prefix[k]) k++;
                    if (k < prefix_len) {
                        ptr++;
                        continue;
                    }
                }
            } else {
                while (ptr < end && !sre_charset(charset, s[ptr])) ptr++;
            }
            if (ptr >= end) break;
            if (!first || ptr != state->start) state->must_advance = false;
            state_reset(state);
            state->start = state->ptr = ptr;
            status = m.run(pattern, true);
            state->must_advance = false;
            if (status != 0) return status;
            first = false;
            ptr++;
        }
        state->start = state->ptr = ptr;
        return 0;
    }

    // general case: every position
    state->start = state->ptr = ptr;
    status = m.run(pattern, true);
    state->must_advance = false;
    if (status == 0 && pattern[0] == SRE_OP_AT &&
        (pattern[1] == SRE_AT_BEGINNING || pattern[1] == SRE_AT_BEGINNING_STRING)) {
        state->start = state->ptr = end;
        return 0;
    }
    while (status == 0 && ptr < end) {
        ptr++;
        state_reset(state);
        state->start = state->ptr = ptr;
        status = m.run(pattern, false);
    }
    return status;
}

}  // namespace

void state_reset(State* state)
{
    state->lastmark = -1;
    state->lastindex = -1;
    state->repeat = -1;
    state->repeats.clear();
    state->markstack.clear();
}

Py_ssize_t sre_match(State* state, const SRE_CODE* pattern, bool toplevel)
{
    switch (state->charsize) {
    case 1: return Matcher<std::uint8_t>{state, static_cast<const std::uint8_t*>(state->data)}.run(pattern, toplevel);
    case 2: return Matcher<std::uint16_t>{state, static_cast<const std::uint16_t*>(state->data)}.run(pattern, toplevel);
    default: return Matcher<std::uint32_t>{state, static_cast<const std::uint32_t*>(state->data)}.run(pattern, toplevel);
    }
}

Py_ssize_t sre_search(State* state, const SRE_CODE* pattern)
{
    switch (state->charsize) {
    case 1: return search<std::uint8_t>(state, pattern);
    case 2: return search<std::uint16_t>(state, pattern);
    default: return search<std::uint32_t>(state, pattern);
    }
}

}  // namespace minipy::modules::sre
