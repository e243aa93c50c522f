// sre.h: what the _sre module's objects (sre.cpp) and its matcher
// (sre_lib.cpp) share: the match state and the entry points of the engine.
// Mirrors the SRE_STATE part of CPython 3.11 Modules/_sre/sre.h. Book
// chapter 12, "The Standard Library".
//
// Positions are indexes into the subject (0 .. length), not pointers as in
// CPython, so one State serves the three character widths (1-byte for bytes
// and Latin-1 str, 2 and 4 bytes for wider str); the matcher is a template
// over the width. A mark of -1 is CPython's NULL mark.
#pragma once

#include <cstddef>
#include <vector>

#include "minipy/runtime/buffer.h"
#include "minipy/runtime/object.h"
#include "sre_constants.h"

namespace minipy::modules::sre {

using runtime::Py_ssize_t;

// Error returns of the matcher (CPython's SRE_ERROR_*); 0 is "no match",
// 1 is "match".
enum : Py_ssize_t {
    SRE_ERROR_ILLEGAL = -1,      // illegal opcode (bad code from _sre.compile)
    SRE_ERROR_STATE = -2,        // UNTIL outside a REPEAT
    SRE_ERROR_RECURSION_LIMIT = -3,
    SRE_ERROR_MEMORY = -9,
    SRE_ERROR_INTERRUPTED = -10, // a signal handler raised
};

// A REPEAT's bookkeeping while its body runs (CPython's SRE_REPEAT). Repeats
// live on State::repeats, strictly nested (a REPEAT pops its own entry when
// its jump returns), and link to the enclosing one by index.
struct Repeat {
    Py_ssize_t count;       // iterations done so far (-1 before the first)
    const SRE_CODE* pattern;  // points at the REPEAT's <skip> word
    Py_ssize_t last_ptr;    // where the last iteration started (zero-width guard)
    Py_ssize_t prev;        // index of the enclosing repeat, -1 for none
};

// One pending "call" of the matcher (CPython's match_context): instead of
// recursing on the C stack, the matcher pushes one of these on
// State::contexts and jumps back to its entrance; a return pops it and
// resumes the caller at the label named by `jump`.
struct MatchContext {
    const SRE_CODE* pattern;
    Py_ssize_t ptr;
    Py_ssize_t count;
    Py_ssize_t lastmark, lastindex;  // LASTMARK_SAVE
    Py_ssize_t rep;                  // the repeat this context works on
    Py_ssize_t saved_last_ptr;       // the repeat's last_ptr during a jump
    SRE_CODE chr;                    // REPEAT_ONE's literal tail
    int jump;
    bool toplevel;
};

struct State {
    runtime::Object* string = nullptr;  // borrowed: the subject
    const void* data = nullptr;         // its characters
    int charsize = 1;                   // 1, 2 or 4
    bool isbytes = false;
    runtime::Py_buffer buffer{};        // held for bytes-like subjects
    bool has_buffer = false;
    Py_ssize_t length = 0;
    Py_ssize_t pos = 0, endpos = 0;     // the clamped pos/endpos arguments
    Py_ssize_t start = 0, end = 0;      // search window: start moves, end = endpos
    Py_ssize_t ptr = 0;                 // where the last match ended
    std::vector<Py_ssize_t> mark;       // 2 per group; valid up to lastmark
    Py_ssize_t lastmark = -1, lastindex = -1;
    bool match_all = false;             // fullmatch: SUCCESS only at end
    bool must_advance = false;          // the next match may not be empty at start
    Py_ssize_t repeat = -1;             // innermost running REPEAT (index)
    std::vector<Repeat> repeats;
    std::vector<MatchContext> contexts;
    std::vector<Py_ssize_t> markstack;  // MARK_PUSH/MARK_POP
    unsigned sigcount = 0;

    State() = default;
    State(const State&) = delete;
    State& operator=(const State&) = delete;
    ~State();
};

// state_reset: forget the marks and repeats before a new attempt.
void state_reset(State* state);

// The matcher (sre_lib.cpp). sre_match: does the pattern match at
// state->ptr (= state->start)? On success state->ptr is the end of the match.
// sre_search: the first position from state->start where it matches; on
// success state->start/state->ptr delimit the match. 1, 0, or an SRE_ERROR.
[[nodiscard]] Py_ssize_t sre_match(State* state, const SRE_CODE* pattern, bool toplevel);
[[nodiscard]] Py_ssize_t sre_search(State* state, const SRE_CODE* pattern);

// The case and class helpers shared with the module functions
// (_sre.unicode_tolower, ascii_iscased, ...).
SRE_CODE sre_lower_ascii(SRE_CODE ch);
SRE_CODE sre_upper_ascii(SRE_CODE ch);
SRE_CODE sre_lower_unicode(SRE_CODE ch);
SRE_CODE sre_upper_unicode(SRE_CODE ch);
SRE_CODE sre_lower_locale(SRE_CODE ch);
SRE_CODE sre_upper_locale(SRE_CODE ch);

}  // namespace minipy::modules::sre
