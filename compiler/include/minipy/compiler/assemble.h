// assemble.h: the two side tables of a 3.11 code object, as the assembler
// writes them: the location table (co_linetable) and the exception table
// (co_exceptiontable).
//
// Mirrors the writers in CPython 3.11 Python/compile.c (the assembler part,
// which CPython 3.12 moved to Python/assemble.c): write_location_info_entry
// and assemble_emit_exception_table_entry; the formats are described in
// CPython's Objects/locations.md and Objects/exception_handling_notes.txt.
// Book chapter 7, "The Compiler". The readers live with the code object.
//
// Location table design notes
// ---------------------------
// The table is a sequence of entries, each covering 1..8 code units that
// share one source location. An entry's first byte is 1CCCCLLL: the high
// bit marks an entry start, CCCC is the form (code), LLL is units - 1. The
// forms, from cheapest to most general:
//   0-9   short: same line as the previous entry, column < 80, and the
//         span < 16 columns: one more byte, (column & 7) << 4 | span, with
//         column >> 3 as the code.
//   10-12 one-line: line delta 0..2 (code - 10), column and end column < 128:
//         two more bytes.
//   13    no columns: a signed varint line delta.
//   14    long: signed varint line delta, varint end-line delta, varints
//         column + 1 and end column + 1.
//   15    no location at all (artificial instructions).
// Varints are little-endian 6-bit groups, 0x40 marking "more follows";
// a signed varint stores |v| << 1 with the sign in bit 0. Line deltas are
// relative to the previous entry that recorded a line (co_firstlineno at
// first); the short form and the no-location form do not move it.
//
// Exception table design notes
// ----------------------------
// One entry per protected range: start, length and handler target (all in
// code units) and depth << 1 | lasti. Each number is big-endian 6-bit groups,
// 0x40 marking "more follows", and the first byte of an entry has 0x80 set,
// so a reader can find entry starts when it bisects the table.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace minipy::compiler {

// A source span; -1 means "unknown" (CPython's -1 in struct location).
struct Location {
    int lineno = -1;
    int end_lineno = -1;
    int col_offset = -1;      // UTF-8 byte offset
    int end_col_offset = -1;
};

// One instruction as the location table sees it: its size in code units
// (EXTENDED_ARG prefixes and inline caches included) and its location.
// 3.11 writes entries per instruction, even when neighbours share a location.
struct LocationRun {
    int units;
    Location loc;
};

// Builds co_linetable from a code object's instructions, in order.
std::vector<std::uint8_t> write_location_table(const std::vector<LocationRun>& runs,
                                               int firstlineno);

// One protected range, in code units (as the assembler holds them).
struct ExceptionTableEntry {
    int start;   // first protected unit
    int end;     // one past the last protected unit
    int target;  // the handler's first unit
    int depth;   // stack depth to unwind to before jumping to the handler
    bool lasti;  // push the offset of the raising instruction too
};

// Builds co_exceptiontable from entries sorted by start.
std::vector<std::uint8_t> write_exception_table(const std::vector<ExceptionTableEntry>& entries);

// --dump=cfg: while a sink is set, the assembler appends every unit's
// control-flow graph to it as Graphviz DOT, once as codegen built it and
// once after the CFG passes (optimize_cfg ... normalize_jumps). nullptr
// turns it off. Not thread-safe (one compilation at a time).
void set_cfg_dump_sink(std::string* sink);

}  // namespace minipy::compiler
