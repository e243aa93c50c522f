// opcode.h: CPython 3.11's instructions as an enum and an info table,
// expanded from opcode.def.
//
// Mirrors CPython 3.11 Include/opcode.h and the tables of Lib/opcode.py
// (_inline_cache_entries, has*, _nb_ops, cmp_op) and
// Include/internal/pycore_opcode.h (_PyOpcode_Deopt). Book chapters 7 and 8.
// The opcode list lives in the runtime because code objects (co_code is
// shown deoptimized), the compiler, marshal and the eval loop all need it.
#pragma once

#include <array>
#include <cstdint>

namespace minipy::runtime {

// What an instruction's oparg refers to (opcode.py's has* lists).
enum OpcodeFlag : std::uint8_t {
    HAS_CONST = 1 << 0,
    HAS_NAME = 1 << 1,
    HAS_JREL = 1 << 2,
    HAS_JABS = 1 << 3,
    HAS_LOCAL = 1 << 4,
    HAS_COMPARE = 1 << 5,
    HAS_FREE = 1 << 6,
};

enum Opcode : std::uint8_t {
#define OPCODE(name, number, cache, flags) name = number,
#define SPECIALIZED(name, number, base) name = number,
#include "minipy/runtime/opcode.def"
    DO_TRACING = 255,  // the eval loop's tracing entry (never in co_code)
};

// Instructions from here on take an argument; the ones before ignore it.
constexpr int HAVE_ARGUMENT = 90;
// Each code unit is 2 bytes: opcode, oparg. An inline cache entry is one unit.
constexpr int CODEUNIT_SIZE = 2;

struct OpcodeInfo {
    const char* name;             // nullptr for an unused number
    std::uint8_t cache_entries;   // inline CACHE units after the instruction
    std::uint8_t flags;           // OpcodeFlag bits
    std::uint8_t deopt;           // the base instruction (itself if not specialized)
    bool specialized;
};

namespace detail {
constexpr std::array<OpcodeInfo, 256> make_opcode_table()
{
    std::array<OpcodeInfo, 256> table{};
    for (int i = 0; i < 256; ++i) {
        table[i] = {nullptr, 0, 0, static_cast<std::uint8_t>(i), false};
    }
#define OPCODE(name, number, cache, flags) table[number] = {#name, cache, flags, number, false};
#define SPECIALIZED(name, number, base) \
    table[number] = {#name, 0, 0, static_cast<std::uint8_t>(base), true};
#include "minipy/runtime/opcode.def"
    // A specialized instruction keeps its base's cache layout and flags.
    for (auto& info : table) {
        if (info.specialized) {
            info.cache_entries = table[info.deopt].cache_entries;
            info.flags = table[info.deopt].flags;
        }
    }
    return table;
}
}  // namespace detail

inline constexpr std::array<OpcodeInfo, 256> opcode_info = detail::make_opcode_table();

constexpr bool has_arg(int op) { return op >= HAVE_ARGUMENT; }
constexpr int cache_entries(int op) { return opcode_info[op].cache_entries; }
constexpr int deoptimize(int op) { return opcode_info[op].deopt; }
constexpr const char* opcode_name(int op) { return opcode_info[op].name; }

// Backward jumps in 3.11 are separate instructions; their oparg counts
// code units back from the instruction after the jump (and its caches).
constexpr bool is_backward_jump(int op)
{
    return op == JUMP_BACKWARD || op == JUMP_BACKWARD_NO_INTERRUPT ||
           op == POP_JUMP_BACKWARD_IF_NOT_NONE || op == POP_JUMP_BACKWARD_IF_NONE ||
           op == POP_JUMP_BACKWARD_IF_FALSE || op == POP_JUMP_BACKWARD_IF_TRUE;
}

// BINARY_OP's oparg (opcode.py's _nb_ops, Include/opcode.h's NB_*).
enum BinaryOp : std::uint8_t {
    NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY,
    NB_REMAINDER, NB_OR, NB_POWER, NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR,
    NB_INPLACE_ADD, NB_INPLACE_AND, NB_INPLACE_FLOOR_DIVIDE, NB_INPLACE_LSHIFT,
    NB_INPLACE_MATRIX_MULTIPLY, NB_INPLACE_MULTIPLY, NB_INPLACE_REMAINDER, NB_INPLACE_OR,
    NB_INPLACE_POWER, NB_INPLACE_RSHIFT, NB_INPLACE_SUBTRACT, NB_INPLACE_TRUE_DIVIDE,
    NB_INPLACE_XOR,
};

// The operator dis prints for each BinaryOp, in enum order.
inline constexpr std::array<const char*, 26> binary_op_symbols = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};

// COMPARE_OP's oparg (opcode.py's cmp_op; Include/object.h's Py_LT...).
inline constexpr std::array<const char*, 6> cmp_op = {"<", "<=", "==", "!=", ">", ">="};

}  // namespace minipy::runtime
