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
