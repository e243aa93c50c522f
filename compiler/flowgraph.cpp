// flowgraph.cpp: the control-flow graph of one compiler unit and its
// optimizer. Mirrors the CFG half of CPython 3.11 Python/compile.c (3.12's
// Python/flowgraph.c). Book chapter 7, "The Compiler".
#include "flowgraph.h"

#include "minipy/runtime/opcode.h"

namespace minipy::compiler {

using namespace minipy::runtime;

CFGBuilder::CFGBuilder()
{
    entryblock_ = new_block();
    curblock_ = entryblock_;
}

CFGBuilder::~CFGBuilder() = default;

BasicBlock* CFGBuilder::new_block()
{
    owned_.push_back(std::make_unique<BasicBlock>());
    BasicBlock* b = owned_.back().get();
    b->list = blocks_;
    blocks_ = b;
    return b;
}

void CFGBuilder::use_next_block(BasicBlock* b)
{
    curblock_->next = b;
    curblock_ = b;
}

BasicBlock* CFGBuilder::next_block()
{
    BasicBlock* b = new_block();
    use_next_block(b);
    return b;
}

void CFGBuilder::start_new_block_if_terminated()
{
    const Instr* last = curblock_->last();
    if (last == nullptr) {
        return;
    }
    const int op = last->opcode;
    const bool terminates = op == JUMP || op == JUMP_NO_INTERRUPT || op == RETURN_VALUE ||
                            op == RAISE_VARARGS || op == RERAISE;
    if (terminates) {
        next_block();
    }
}

bool CFGBuilder::addop(int opcode, int oparg, Location loc)
{
    start_new_block_if_terminated();
    Instr i;
    i.opcode = opcode;
    i.oparg = (opcode >= 0 && !has_arg(opcode)) ? 0 : oparg;
    i.loc = loc;
    curblock_->instrs.push_back(i);
    return true;
}

bool CFGBuilder::addop_jump(int opcode, BasicBlock* target, Location loc)
{
    start_new_block_if_terminated();
    Instr i;
    i.opcode = opcode;
    i.target = target;
    i.loc = loc;
    curblock_->instrs.push_back(i);
    return true;
}

}  // namespace minipy::compiler
