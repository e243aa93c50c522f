// stage.h: the identity card every stage library exports.
//
// `minipy --stages` prints these cards, so a learner who rebuilt a stage from
// a copy (-DMINIPY_LEXER_DIR=...) can see which copy the binary contains and
// what each stage mirrors in CPython 3.11. Book chapter 3 ("Compiling CPython")
// shows the same idea for CPython's own source layout.
#pragma once

namespace minipy {

struct StageInfo {
    const char* name;        // "lexer"
    const char* source_dir;  // the directory the library was built from
    const char* mirrors;     // CPython 3.11 files this stage reproduces
    const char* chapters;    // chapters of the book, e.g. "ch04, ch06"
    bool implemented;        // false while the stage is only a placeholder
};

}  // namespace minipy

// Defines minipy::<stage>::stage_info() in a stage's stage.cpp, e.g.
//   MINIPY_STAGE_CARD(lexer, "Parser/tokenizer.c", "ch04, ch06", true)
// MINIPY_STAGE_SOURCE_DIR is set by minipy_stage() (cmake/MinipyStage.cmake).
#define MINIPY_STAGE_CARD(stage, mirrors, chapters, implemented)                  \
    namespace minipy::stage {                                                     \
    const StageInfo& stage_info()                                                 \
    {                                                                             \
        static const StageInfo info{#stage, MINIPY_STAGE_SOURCE_DIR, mirrors, chapters, \
                                    implemented};                                 \
        return info;                                                              \
    }                                                                             \
    }
