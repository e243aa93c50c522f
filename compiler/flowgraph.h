// flowgraph.h: the control-flow graph codegen builds and the assembler
// consumes: basic blocks of instructions (with pseudo-instructions), the
// builder codegen appends to, and the per-unit metadata the assembler needs.
//
// Mirrors CPython 3.11 Python/compile.c (struct instr, basicblock, the
// compiler_unit fields the assembler reads, assemble()); CPython 3.12 split
// that half into Python/flowgraph.c and Python/assemble.c, whose names minipy
// uses. Book chapter 7, "The Compiler" ("Control-flow graph", "Assembler").
//
// The interface between codegen (D1) and this file was agreed in
// notes/cfg_interface.md; changes to it are listed here:
//   - consts is a list in index order (codegen dedups with its own dict);
//     the optimizer may append to it (folded tuples) and compacts it.
//   - code flags come from the symbol table entry (ste) + future flags, as
//     3.11's compute_code_flags does; codegen does not compute co_flags.
//   - cell/free opargs: codegen emits the index into cellvars, or
//     ncellvars + the index into freevars (3.11 convention); the assembler
//     rewrites them into localsplus offsets (fix_cell_offsets).
//   - argcount is 3.11's u_argcount (positional-only ones excluded).
//   - addop starts a new block after any jump (conditional ones too) or
//     scope exit by itself, so codegen needs no NEXT_BLOCK after them.
#pragma once

#include <climits>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "minipy/compiler/assemble.h"
#include "minipy/runtime/object.h"

namespace minipy::compiler {

struct SymtableEntry;

// Pseudo-instructions of 3.11 compile.c: negative, never in the bytecode.
// SETUP_* / POP_BLOCK become exception-table entries; the jumps get a
// direction (FORWARD/BACKWARD) once offsets are known.
enum PseudoOpcode : int {
    SETUP_FINALLY = -1,
    SETUP_CLEANUP = -2,
    SETUP_WITH = -3,
    POP_BLOCK = -4,
    JUMP = -5,
    JUMP_NO_INTERRUPT = -6,
    POP_JUMP_IF_FALSE = -7,
    POP_JUMP_IF_TRUE = -8,
    POP_JUMP_IF_NONE = -9,
    POP_JUMP_IF_NOT_NONE = -10,
};
constexpr int MIN_VIRTUAL_OPCODE = -10;

struct BasicBlock;

// struct instr.
struct Instr {
    int opcode = 0;                 // real (runtime::Opcode) or PseudoOpcode
    int oparg = 0;
    Location loc;                   // lineno -1: no location yet
    BasicBlock* target = nullptr;   // jump target, or handler of SETUP_*
    BasicBlock* except = nullptr;   // handler, set by label_exception_targets
};

// Stack of handlers live at a block's start (label_exception_targets).
struct ExceptStack;

// basicblock.
struct BasicBlock {
    BasicBlock* list = nullptr;    // b_list: every block of the unit, newest first
    BasicBlock* next = nullptr;    // b_next: emission order; fall-through successor
    std::vector<Instr> instrs;     // b_instr
    int predecessors = 0;          // b_predecessors
    int startdepth = -1;           // b_startdepth (-1: not yet reached)
    int offset = 0;                // b_offset, in code units
    bool preserve_lasti = false;   // b_preserve_lasti: handler pushes lasti
    bool visited = false;          // b_visited
    bool exit = false;             // b_exit: ends by leaving the frame
    bool except_handler = false;   // b_except_handler: target of a SETUP_*
    ExceptStack* exceptstack = nullptr;  // only during label_exception_targets

    const Instr* last() const { return instrs.empty() ? nullptr : &instrs.back(); }
    Instr* last() { return instrs.empty() ? nullptr : &instrs.back(); }
};

// The blocks of one compiler unit; owns them (3.11 u_blocks, u_curblock).
class CFGBuilder {
public:
    CFGBuilder();
    ~CFGBuilder();
    CFGBuilder(const CFGBuilder&) = delete;
    CFGBuilder& operator=(const CFGBuilder&) = delete;

    // compiler_new_block: a new, unlinked block.
    BasicBlock* new_block();
    BasicBlock* current() const { return curblock_; }
    BasicBlock* entry() const { return entryblock_; }
    // First block of b_list (newest); walk ->list for every block.
    BasicBlock* block_list() const { return blocks_; }
    // compiler_use_next_block: b follows the current block in emission order
    // and becomes current.
    void use_next_block(BasicBlock* b);
    // compiler_next_block: a new block that follows the current one.
    BasicBlock* next_block();
    // compiler_addop_i / compiler_addop (oparg ignored below HAVE_ARGUMENT).
    // If the current block already ends in a jump (conditional or not) or a
    // scope exit, a new block is started first (3.11 codegen's NEXT_BLOCK).
    [[nodiscard]] bool addop(int opcode, int oparg, Location loc);
    // compiler_addop_j: a jump or SETUP_* to target.
    [[nodiscard]] bool addop_jump(int opcode, BasicBlock* target, Location loc);

private:
    std::vector<std::unique_ptr<BasicBlock>> owned_;
    BasicBlock* blocks_ = nullptr;
    BasicBlock* entryblock_ = nullptr;
    BasicBlock* curblock_ = nullptr;
    void start_new_block_if_terminated();
};

// compiler_unit's scope types (COMPILER_SCOPE_*).
enum class ScopeType { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

// What the assembler needs besides the blocks (3.11 compiler_unit fields;
// 3.12's _PyCompile_CodeUnitMetadata). Names are runtime str objects.
struct UnitMetadata {
    runtime::Ref<> name, qualname, filename;   // str
    runtime::Ref<> consts;     // list, index order; assemble may append/compact
    runtime::Ref<> names;      // dict: str -> int index (co_names)
    runtime::Ref<> varnames;   // dict: str -> int index (arguments first)
    runtime::Ref<> cellvars;   // dict: str -> int index (0..ncells-1)
    runtime::Ref<> freevars;   // dict: str -> int index (ncells..ncells+nfree-1)
    // 3.11 u_argcount excludes the positional-only ones: co_argcount is
    // posonlyargcount + argcount (as makecode computes it).
    int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
    int firstlineno = 0;   // 0: the first instruction's line (or 1)
    ScopeType scope_type = ScopeType::Module;
    // compute_code_flags' inputs: the unit's symbol table entry (type,
    // nested, generator, coroutine, varargs, varkeywords) and the future
    // flags (CO_FUTURE_* bits of the module's features). A null ste counts
    // as a module.
    const SymtableEntry* ste = nullptr;
    int future_flags = 0;
    // Extra CO_* bits codegen wants or-ed in (e.g. CO_COROUTINE for a
    // top-level await with PyCF_ALLOW_TOP_LEVEL_AWAIT). Usually 0.
    int extra_flags = 0;
};

// Optimizes the CFG, computes stack depth, resolves jumps and writes
// bytecode + caches + tables, then builds the code object (3.11 assemble()
// + makecode()). Adds the implicit `return None` when the last block falls
// off the end. nullptr + error set on failure. The CFG is consumed.
[[nodiscard]] runtime::Ref<> assemble(CFGBuilder& cfg, UnitMetadata& meta, int optimize);

// ---------------------------------------------------------------------------
// The passes (flowgraph.cpp), in the order assemble() runs them. Each mirrors
// the 3.11 compile.c function of the same name; ints are 0 / -1 + error.

// What an instruction does to the stack depth (3.11 stack_effect, the one
// behind dis.stack_effect); jump: 1 taken, 0 not taken, -1 the maximum.
constexpr int PY_INVALID_STACK_EFFECT = INT_MAX;
int stack_effect(int opcode, int oparg, int jump);
bool is_jump(const Instr& i);        // jumps (pseudo and real), SEND, FOR_ITER
bool is_block_push(const Instr& i);  // SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH
int instr_size(const Instr& i);      // code units: EXTENDED_ARGs + 1 + caches

[[nodiscard]] int optimize_cfg(CFGBuilder& g, runtime::Object* consts);
[[nodiscard]] int duplicate_exits_without_lineno(CFGBuilder& g);
[[nodiscard]] int trim_unused_consts(CFGBuilder& g, runtime::Ref<>& consts);
void propagate_line_numbers(CFGBuilder& g);
void guarantee_lineno_for_exits(CFGBuilder& g, int firstlineno);
[[nodiscard]] int stackdepth(CFGBuilder& g, int code_flags);
[[nodiscard]] int label_exception_targets(CFGBuilder& g);
void convert_exception_handlers_to_nops(CFGBuilder& g);
void clean_basic_blocks(CFGBuilder& g);   // clean_basic_block on every block
void normalize_jumps(CFGBuilder& g);

// --dump=cfg: the unit's blocks as Graphviz DOT (label: a title for the graph).
std::string cfg_to_dot(const CFGBuilder& cfg, const char* label);

}  // namespace minipy::compiler
