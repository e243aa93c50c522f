// flowgraph.cpp: the control-flow graph of one compiler unit and the passes
// that run on it between codegen and the assembler: the peephole optimizer,
// dead-code and empty-block removal, line-number propagation, stack depth,
// and the exception-handler labelling that replaces SETUP_*/POP_BLOCK.
//
// Mirrors the CFG half of CPython 3.11 Python/compile.c (3.12 moved it to
// Python/flowgraph.c). Book chapter 7, "The Compiler".
//
// Design notes
// ------------
// A block is a straight run of instructions; only its last instruction may
// jump or leave the frame (addop starts a new block after one). Emission
// order is the b_next chain from the entry block; a block "falls through" to
// b_next unless it ends in an unconditional jump or a scope exit, which this
// file derives from the last instruction instead of keeping 3.11's
// b_nofallthrough / b_exit flags in sync by hand.
//
// assemble() (assemble.cpp) runs the passes in 3.11's order:
//   optimize_cfg -> duplicate_exits_without_lineno -> trim_unused_consts
//   -> propagate_line_numbers -> guarantee_lineno_for_exits -> stackdepth
//   -> label_exception_targets -> convert_exception_handlers_to_nops
//   -> clean_basic_block -> normalize_jumps -> offsets.
// Exception handlers stay where codegen put them: 3.12 added
// push_cold_blocks_to_end, which moves them after the normal code.
// (3.12's LOAD_FAST_CHECK analysis does not exist in 3.11 either:
//   its LOAD_FAST checks for an unbound local at run time.)
// Stack depth runs while SETUP_* are still there: a handler's start depth is
// what the exception table records.
#include "flowgraph.h"

#include <algorithm>
#include <cassert>
#include <string>
#include <unordered_map>

#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/opcode.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"

namespace minipy::compiler {

using namespace minipy::runtime;

// ---------------------------------------------------------------------------
// The builder (compiler_new_block, compiler_use_next_block, compiler_addop_*)

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

namespace {

constexpr bool is_unconditional_jump_opcode(int op)
{
    return op == JUMP || op == JUMP_NO_INTERRUPT || op == JUMP_FORWARD || op == JUMP_BACKWARD ||
           op == JUMP_BACKWARD_NO_INTERRUPT;
}

constexpr bool is_scope_exit_opcode(int op)
{
    return op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE;
}

// BB_HAS_FALLTHROUGH.
bool has_fallthrough(const BasicBlock* b)
{
    const Instr* last = b->last();
    return last == nullptr ||
           !(is_unconditional_jump_opcode(last->opcode) || is_scope_exit_opcode(last->opcode));
}

// b_exit: the block leaves the frame.
bool is_exit(const BasicBlock* b)
{
    const Instr* last = b->last();
    return last != nullptr && is_scope_exit_opcode(last->opcode);
}

}  // namespace

// 3.11's codegen says NEXT_BLOCK after every jump and scope exit; the
// builder does it by itself (as 3.12's cfg_builder_maybe_start_new_block).
void CFGBuilder::start_new_block_if_terminated()
{
    const Instr* last = curblock_->last();
    if (last != nullptr && (is_jump(*last) || is_scope_exit_opcode(last->opcode))) {
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

// ---------------------------------------------------------------------------
// Instruction facts

bool is_block_push(const Instr& i)
{
    return i.opcode == SETUP_FINALLY || i.opcode == SETUP_CLEANUP || i.opcode == SETUP_WITH;
}

bool is_jump(const Instr& i)
{
    switch (i.opcode) {
    case JUMP:
    case JUMP_NO_INTERRUPT:
    case POP_JUMP_IF_FALSE:
    case POP_JUMP_IF_TRUE:
    case POP_JUMP_IF_NONE:
    case POP_JUMP_IF_NOT_NONE:
        return true;
    default:
        // The real jumps: opcode.py's hasjrel / hasjabs (FOR_ITER, SEND, ...).
        return i.opcode >= 0 && (opcode_info[i.opcode].flags & (HAS_JREL | HAS_JABS)) != 0;
    }
}

int instr_size(const Instr& i)
{
    const int oparg = has_arg(i.opcode) ? i.oparg : 0;
    const int extended_args = (0xFFFFFF < oparg) + (0xFFFF < oparg) + (0xFF < oparg);
    return extended_args + 1 + cache_entries(i.opcode);
}

int stack_effect(int opcode, int oparg, int jump)
{
    switch (opcode) {
    case NOP:
    case EXTENDED_ARG:
    case RESUME:
    case CACHE:
        return 0;
    case POP_TOP:
        return -1;
    case SWAP:
        return 0;
    case UNARY_POSITIVE:
    case UNARY_NEGATIVE:
    case UNARY_NOT:
    case UNARY_INVERT:
        return 0;
    case SET_ADD:
    case LIST_APPEND:
        return -1;
    case MAP_ADD:
        return -2;
    case BINARY_SUBSCR:
        return -1;
    case STORE_SUBSCR:
        return -3;
    case DELETE_SUBSCR:
        return -2;
    case GET_ITER:
        return 0;
    case PRINT_EXPR:
        return -1;
    case LOAD_BUILD_CLASS:
        return 1;
    case RETURN_VALUE:
        return -1;
    case IMPORT_STAR:
        return -1;
    case SETUP_ANNOTATIONS:
        return 0;
    case ASYNC_GEN_WRAP:
    case YIELD_VALUE:
        return 0;
    case POP_BLOCK:
        return 0;
    case POP_EXCEPT:
        return -1;
    case STORE_NAME:
        return -1;
    case DELETE_NAME:
        return 0;
    case UNPACK_SEQUENCE:
        return oparg - 1;
    case UNPACK_EX:
        return (oparg & 0xFF) + (oparg >> 8);
    case FOR_ITER:
        // Leaves the iterator and pushes the next item, or pops it at the end.
        return jump > 0 ? -1 : 1;
    case SEND:
        return jump > 0 ? -1 : 0;
    case STORE_ATTR:
        return -2;
    case DELETE_ATTR:
        return -1;
    case STORE_GLOBAL:
        return -1;
    case DELETE_GLOBAL:
        return 0;
    case LOAD_CONST:
        return 1;
    case LOAD_NAME:
        return 1;
    case BUILD_TUPLE:
    case BUILD_LIST:
    case BUILD_SET:
    case BUILD_STRING:
        return 1 - oparg;
    case BUILD_MAP:
        return 1 - 2 * oparg;
    case BUILD_CONST_KEY_MAP:
        return -oparg;
    case LOAD_ATTR:
        return 0;
    case COMPARE_OP:
    case IS_OP:
    case CONTAINS_OP:
        return -1;
    case CHECK_EXC_MATCH:
        return 0;
    case CHECK_EG_MATCH:
        return 0;
    case IMPORT_NAME:
        return -1;
    case IMPORT_FROM:
        return 1;
    // Unconditional jumps leave the stack alone.
    case JUMP_FORWARD:
    case JUMP_BACKWARD:
    case JUMP:
    case JUMP_BACKWARD_NO_INTERRUPT:
    case JUMP_NO_INTERRUPT:
        return 0;
    case JUMP_IF_TRUE_OR_POP:
    case JUMP_IF_FALSE_OR_POP:
        return jump ? 0 : -1;
    case POP_JUMP_BACKWARD_IF_NONE:
    case POP_JUMP_FORWARD_IF_NONE:
    case POP_JUMP_IF_NONE:
    case POP_JUMP_BACKWARD_IF_NOT_NONE:
    case POP_JUMP_FORWARD_IF_NOT_NONE:
    case POP_JUMP_IF_NOT_NONE:
    case POP_JUMP_FORWARD_IF_FALSE:
    case POP_JUMP_BACKWARD_IF_FALSE:
    case POP_JUMP_IF_FALSE:
    case POP_JUMP_FORWARD_IF_TRUE:
    case POP_JUMP_BACKWARD_IF_TRUE:
    case POP_JUMP_IF_TRUE:
        return -1;
    case LOAD_GLOBAL:
        return (oparg & 1) + 1;
    // The handler is entered with the exception pushed (and lasti for
    // SETUP_CLEANUP); nothing happens on the normal path.
    case SETUP_FINALLY:
        return jump ? 1 : 0;
    case SETUP_CLEANUP:
        return jump ? 2 : 0;
    case SETUP_WITH:
        return jump ? 1 : 0;
    case PREP_RERAISE_STAR:
        return -1;
    case RERAISE:
        return -1;
    case PUSH_EXC_INFO:
        return 1;
    case WITH_EXCEPT_START:
        return 1;
    case LOAD_FAST:
        return 1;
    case STORE_FAST:
        return -1;
    case DELETE_FAST:
        return 0;
    case RETURN_GENERATOR:
        return 0;
    case RAISE_VARARGS:
        return -oparg;
    case KW_NAMES:
        return 0;
    case CALL:
        return -1;
    case CALL_FUNCTION_EX:
        return -2 - ((oparg & 0x01) != 0);
    case PRECALL:
        return -oparg;
    case MAKE_FUNCTION:
        return 0 - ((oparg & 0x01) != 0) - ((oparg & 0x02) != 0) - ((oparg & 0x04) != 0) -
               ((oparg & 0x08) != 0);
    case BUILD_SLICE:
        return oparg == 3 ? -2 : -1;
    case MAKE_CELL:
    case COPY_FREE_VARS:
        return 0;
    case LOAD_CLOSURE:
        return 1;
    case LOAD_DEREF:
    case LOAD_CLASSDEREF:
        return 1;
    case STORE_DEREF:
        return -1;
    case DELETE_DEREF:
        return 0;
    case GET_AWAITABLE:
        return 0;
    case BEFORE_ASYNC_WITH:
    case BEFORE_WITH:
        return 1;
    case GET_AITER:
        return 0;
    case GET_ANEXT:
        return 1;
    case GET_YIELD_FROM_ITER:
        return 0;
    case END_ASYNC_FOR:
        return -2;
    case FORMAT_VALUE:
        // With a format spec (FVS_HAVE_SPEC) the spec is popped too.
        return (oparg & 0x04) == 0x04 ? -1 : 0;
    case LOAD_METHOD:
        return 1;
    case LOAD_ASSERTION_ERROR:
        return 1;
    case LIST_TO_TUPLE:
        return 0;
    case LIST_EXTEND:
    case SET_UPDATE:
    case DICT_MERGE:
    case DICT_UPDATE:
        return -1;
    case MATCH_CLASS:
        return -2;
    case GET_LEN:
    case MATCH_MAPPING:
    case MATCH_SEQUENCE:
    case MATCH_KEYS:
        return 1;
    case COPY:
    case PUSH_NULL:
        return 1;
    case BINARY_OP:
        return -1;
    default:
        return PY_INVALID_STACK_EFFECT;
    }
}

// ---------------------------------------------------------------------------
// Traversal helpers

namespace {

// make_cfg_traversal_stack: resets b_visited on the emission chain.
std::vector<BasicBlock*> make_cfg_traversal_stack(BasicBlock* entry)
{
    std::vector<BasicBlock*> stack;
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        b->visited = false;
    }
    return stack;
}

// normalize_basic_block: only the last instruction may jump; jumps skip
// empty blocks.
int normalize_basic_block(BasicBlock* bb)
{
    for (std::size_t i = 0; i < bb->instrs.size(); ++i) {
        Instr& instr = bb->instrs[i];
        const bool jump = is_jump(instr);
        if ((jump || is_scope_exit_opcode(instr.opcode)) && i != bb->instrs.size() - 1) {
            set_error(Exc_SystemError, "malformed control flow graph.");
            return -1;
        }
        if (jump || is_block_push(instr)) {
            while (instr.target != nullptr && instr.target->instrs.empty()) {
                instr.target = instr.target->next;
            }
            if (instr.target == nullptr) {
                set_error(Exc_SystemError, "malformed control flow graph: jump to nowhere");
                return -1;
            }
        }
    }
    return 0;
}

// The first instruction of a jump's target, empty blocks skipped.
const Instr* jump_target_instr(Instr& inst)
{
    while (inst.target->instrs.empty()) {
        inst.target = inst.target->next;
    }
    return &inst.target->instrs[0];
}

// jump_thread: inst jumps to target, itself a jump; make inst jump straight
// to target's target (as opcode) unless that would change line events or
// loop for ever (bpo-45773). Returns 1 if changed, so the caller revisits.
int jump_thread(Instr* inst, const Instr* target, int opcode)
{
    assert(is_jump(*inst) && is_jump(*target));
    if (inst->loc.lineno == target->loc.lineno && inst->target != target->target) {
        inst->target = target->target;
        inst->opcode = opcode;
        return 1;
    }
    return 0;
}

// add_const in fold_tuple_on_constants: the index of newconst in consts,
// appended if missing. 3.11 first merges newconst with the compiler's cache
// of constants (merge_const_one, by _PyCode_ConstantKey) and then looks for
// that very object; every constant codegen added went through the same
// cache, so "the same object" is "an equal constant key" within the unit.
int add_const(Object* consts, Object* newconst)
{
    Ref<> key = code_constant_key(newconst);
    if (!key) {
        return -1;
    }
    const Py_ssize_t n = list_size(consts);
    for (Py_ssize_t index = 0; index < n; ++index) {
        Object* item = list_item(consts, index);
        if (Py_TYPE(item) != Py_TYPE(newconst)) {
            continue;
        }
        Ref<> item_key = code_constant_key(item);
        if (!item_key) {
            return -1;
        }
        const int eq = object_rich_compare_bool(item_key.get(), key.get(), Py_EQ);
        if (eq < 0) {
            return -1;
        }
        if (eq) {
            return static_cast<int>(index);
        }
    }
    if (n >= INT_MAX - 1) {
        set_error(Exc_OverflowError, "too many constants");
        return -1;
    }
    if (list_append(consts, newconst) < 0) {
        return -1;
    }
    return static_cast<int>(n);
}

// fold_tuple_on_constants: LOAD_CONST x n; BUILD_TUPLE n -> LOAD_CONST tuple.
int fold_tuple_on_constants(std::vector<Instr>& instrs, std::size_t build, int n, Object* consts)
{
    assert(instrs[build].opcode == BUILD_TUPLE && instrs[build].oparg == n);
    const std::size_t first = build - static_cast<std::size_t>(n);
    for (std::size_t i = first; i < build; ++i) {
        if (instrs[i].opcode != LOAD_CONST) {
            return 0;
        }
    }
    Ref<> newconst = tuple_new(n);
    if (!newconst) {
        return -1;
    }
    for (int i = 0; i < n; ++i) {
        Object* constant = list_item(consts, instrs[first + i].oparg);
        tuple_set_item(newconst.get(), i, new_ref(constant).release());
    }
    const int index = add_const(consts, newconst.get());
    if (index < 0) {
        return -1;
    }
    for (std::size_t i = first; i < build; ++i) {
        instrs[i].opcode = NOP;
    }
    instrs[build].opcode = LOAD_CONST;
    instrs[build].oparg = index;
    return 0;
}

constexpr int VISITED = -1;

// swaptimize: replace a run of SWAPs (and NOPs) by the fewest SWAPs with
// the same combined effect: simulate the run on [0, depth), then emit one
// cycle at a time, from the end of the run backwards, NOPs at the front.
void swaptimize(std::vector<Instr>& instrs, std::size_t* ix)
{
    Instr* run = &instrs[*ix];
    assert(run[0].opcode == SWAP);
    int depth = run[0].oparg;
    int len = 0;
    bool more = false;
    const int limit = static_cast<int>(instrs.size() - *ix);
    while (++len < limit) {
        const int opcode = run[len].opcode;
        if (opcode == SWAP) {
            depth = std::max(depth, run[len].oparg);
            more = true;
        } else if (opcode != NOP) {
            break;
        }
    }
    if (!more) {  // a single SWAP is already optimal
        return;
    }
    std::vector<int> stack(depth);
    for (int i = 0; i < depth; ++i) {
        stack[i] = i;
    }
    for (int i = 0; i < len; ++i) {
        if (run[i].opcode == SWAP) {  // SWAPs are 1-indexed
            std::swap(stack[0], stack[run[i].oparg - 1]);
        }
    }
    int current = len - 1;
    for (int i = 0; i < depth; ++i) {
        if (stack[i] == VISITED || stack[i] == i) {
            continue;
        }
        // Walk the cycle through i; every step is a SWAP with the top, and
        // the top itself (j == 0) needs none.
        int j = i;
        while (true) {
            if (j != 0) {
                assert(current >= 0);
                run[current].opcode = SWAP;
                run[current].oparg = j + 1;
                --current;
            }
            if (stack[j] == VISITED) {
                assert(j == i);
                break;
            }
            const int next_j = stack[j];
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while (current >= 0) {
        run[current].opcode = NOP;
        --current;
    }
    *ix += static_cast<std::size_t>(len - 1);
}

constexpr bool swappable(int opcode) { return opcode == STORE_FAST || opcode == POP_TOP; }

// next_swappable_instruction: the next STORE_FAST/POP_TOP after i (NOPs
// skipped), or -1; with lineno >= 0, never across a line change, which
// would make a tracer see names bound in a different order.
int next_swappable_instruction(const std::vector<Instr>& instrs, int i, int lineno)
{
    while (++i < static_cast<int>(instrs.size())) {
        const Instr& instruction = instrs[i];
        if (lineno >= 0 && instruction.loc.lineno != lineno) {
            return -1;
        }
        if (instruction.opcode == NOP) {
            continue;
        }
        if (swappable(instruction.opcode)) {
            return i;
        }
        return -1;
    }
    return -1;
}

// apply_static_swaps: SWAP n followed by n stores/pops becomes the stores
// in swapped order, e.g. SWAP 2; STORE_FAST a; STORE_FAST b ->
// NOP; STORE_FAST b; STORE_FAST a.
void apply_static_swaps(std::vector<Instr>& instrs, int i)
{
    for (; i >= 0; --i) {
        Instr& swap = instrs[i];
        if (swap.opcode != SWAP) {
            if (swap.opcode == NOP || swappable(swap.opcode)) {
                continue;
            }
            return;
        }
        const int j = next_swappable_instruction(instrs, i, -1);
        if (j < 0) {
            return;
        }
        int k = j;
        const int lineno = instrs[j].loc.lineno;
        for (int count = swap.oparg - 1; count > 0; --count) {
            k = next_swappable_instruction(instrs, k, lineno);
            if (k < 0) {
                return;
            }
        }
        // Not safe if the two store to the same local, or if a store between
        // them stores to either one's local (gh-102359): the last store wins.
        auto stores_to = [&instrs](int idx) {
            return instrs[idx].opcode == STORE_FAST ? instrs[idx].oparg : -1;
        };
        const int store_j = stores_to(j);
        const int store_k = stores_to(k);
        if (store_j >= 0 || store_k >= 0) {
            if (store_j == store_k) {
                return;
            }
            for (int idx = j + 1; idx < k; ++idx) {
                const int store_idx = stores_to(idx);
                if (store_idx >= 0 && (store_idx == store_j || store_idx == store_k)) {
                    return;
                }
            }
        }
        swap.opcode = NOP;
        std::swap(instrs[j], instrs[k]);
    }
}

// optimize_basic_block: the peephole optimizer, one block at a time.
int optimize_basic_block(BasicBlock* bb, Object* consts)
{
    Instr nop;
    nop.opcode = NOP;
    std::vector<Instr>& instrs = bb->instrs;
    for (std::size_t i = 0; i < instrs.size(); ++i) {
        Instr* inst = &instrs[i];
        const int oparg = inst->oparg;
        const int nextop = i + 1 < instrs.size() ? instrs[i + 1].opcode : 0;
        const Instr* target = &nop;
        if (is_jump(*inst) || is_block_push(*inst)) {
            target = jump_target_instr(*inst);
        }
        // Threading calls "i -= 1" to look at the same instruction again.
        auto revisit = [&i](int changed) {
            if (changed) --i;
        };
        switch (inst->opcode) {
        // Remove LOAD_CONST const; conditional jump.
        case LOAD_CONST: {
            switch (nextop) {
            case POP_JUMP_IF_FALSE:
            case POP_JUMP_IF_TRUE: {
                const int is_true = object_is_true(list_item(consts, oparg));
                if (is_true < 0) {
                    return -1;
                }
                inst->opcode = NOP;
                const int jump_if_true = nextop == POP_JUMP_IF_TRUE;
                instrs[i + 1].opcode = is_true == jump_if_true ? int{JUMP} : int{NOP};
                break;
            }
            case JUMP_IF_FALSE_OR_POP:
            case JUMP_IF_TRUE_OR_POP: {
                const int is_true = object_is_true(list_item(consts, oparg));
                if (is_true < 0) {
                    return -1;
                }
                const int jump_if_true = nextop == JUMP_IF_TRUE_OR_POP;
                if (is_true == jump_if_true) {
                    instrs[i + 1].opcode = JUMP;
                } else {
                    inst->opcode = NOP;
                    instrs[i + 1].opcode = NOP;
                }
                break;
            }
            case IS_OP: {
                // x is None; POP_JUMP_IF_* -> POP_JUMP_IF_(NOT_)NONE
                Object* cnt = list_item(consts, oparg);
                const int jump_op = i + 2 < instrs.size() ? instrs[i + 2].opcode : 0;
                if (cnt == Py_None() && (jump_op == POP_JUMP_IF_FALSE || jump_op == POP_JUMP_IF_TRUE)) {
                    const int nextarg = instrs[i + 1].oparg;
                    inst->opcode = NOP;
                    instrs[i + 1].opcode = NOP;
                    instrs[i + 2].opcode = (nextarg ^ (jump_op == POP_JUMP_IF_FALSE))
                                               ? int{POP_JUMP_IF_NOT_NONE}
                                               : int{POP_JUMP_IF_NONE};
                }
                break;
            }
            default:
                break;
            }
            break;
        }
        // Try to fold tuples of constants; BUILD_TUPLE n; UNPACK_SEQUENCE n
        // is a no-op (1) or a SWAP (2, 3).
        case BUILD_TUPLE:
            if (nextop == UNPACK_SEQUENCE && oparg == instrs[i + 1].oparg) {
                if (oparg == 1) {
                    inst->opcode = NOP;
                    instrs[i + 1].opcode = NOP;
                    continue;
                }
                if (oparg == 2 || oparg == 3) {
                    inst->opcode = NOP;
                    instrs[i + 1].opcode = SWAP;
                    continue;
                }
            }
            if (i >= static_cast<std::size_t>(oparg)) {
                if (fold_tuple_on_constants(instrs, i, oparg, consts) < 0) {
                    return -1;
                }
            }
            break;
        // Simplify conditional jump to conditional jump where the result of
        // the first test implies the success of a similar test or the
        // failure of the opposite test.
        //   JUMP_IF_FALSE_OR_POP  to JUMP_IF_FALSE_OR_POP --> the second's target
        //   JUMP_IF_FALSE_OR_POP  to JUMP_IF_TRUE_OR_POP  --> the block after it
        case JUMP_IF_FALSE_OR_POP:
            switch (target->opcode) {
            case POP_JUMP_IF_FALSE:
                revisit(jump_thread(inst, target, POP_JUMP_IF_FALSE));
                break;
            case JUMP:
            case JUMP_IF_FALSE_OR_POP:
                revisit(jump_thread(inst, target, JUMP_IF_FALSE_OR_POP));
                break;
            case JUMP_IF_TRUE_OR_POP:
            case POP_JUMP_IF_TRUE:
                if (inst->loc.lineno == target->loc.lineno) {
                    // A block's b_next is never itself, so this cannot loop.
                    assert(inst->target != inst->target->next);
                    inst->opcode = POP_JUMP_IF_FALSE;
                    inst->target = inst->target->next;
                    --i;
                }
                break;
            default:
                break;
            }
            break;
        case JUMP_IF_TRUE_OR_POP:
            switch (target->opcode) {
            case POP_JUMP_IF_TRUE:
                revisit(jump_thread(inst, target, POP_JUMP_IF_TRUE));
                break;
            case JUMP:
            case JUMP_IF_TRUE_OR_POP:
                revisit(jump_thread(inst, target, JUMP_IF_TRUE_OR_POP));
                break;
            case JUMP_IF_FALSE_OR_POP:
            case POP_JUMP_IF_FALSE:
                if (inst->loc.lineno == target->loc.lineno) {
                    assert(inst->target != inst->target->next);
                    inst->opcode = POP_JUMP_IF_TRUE;
                    inst->target = inst->target->next;
                    --i;
                }
                break;
            default:
                break;
            }
            break;
        case POP_JUMP_IF_NOT_NONE:
        case POP_JUMP_IF_NONE:
        case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE:
        case JUMP:
            if (target->opcode == JUMP) {
                revisit(jump_thread(inst, target, inst->opcode));
            }
            break;
        case FOR_ITER:
            // FOR_ITER only jumps forward, and the JUMP at its target may
            // go either way: no threading.
            break;
        case SWAP:
            if (oparg == 1) {
                inst->opcode = NOP;
                break;
            }
            swaptimize(instrs, &i);
            apply_static_swaps(instrs, static_cast<int>(i));
            break;
        case KW_NAMES:
            break;
        case PUSH_NULL:
            // PUSH_NULL; LOAD_GLOBAL x -> LOAD_GLOBAL x with the NULL bit.
            if (nextop == LOAD_GLOBAL && (instrs[i + 1].oparg & 1) == 0) {
                inst->opcode = NOP;
                inst->oparg = 0;
                instrs[i + 1].oparg |= 1;
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

// The next non-empty block in emission order.
const BasicBlock* next_nonempty_block(const BasicBlock* b)
{
    while (b != nullptr && b->instrs.empty()) {
        b = b->next;
    }
    return b;
}

// clean_basic_block: drop NOPs that carry no line of their own.
void clean_basic_block(BasicBlock* bb)
{
    std::vector<Instr>& instrs = bb->instrs;
    std::size_t dest = 0;
    int prev_lineno = -1;
    for (std::size_t src = 0; src < instrs.size(); ++src) {
        const int lineno = instrs[src].loc.lineno;
        if (instrs[src].opcode == NOP) {
            if (lineno < 0) {  // no line number
                continue;
            }
            if (prev_lineno == lineno) {  // the previous one has the line
                continue;
            }
            if (src < instrs.size() - 1) {
                // the next one has the same line, or none (then it takes ours)
                const int next_lineno = instrs[src + 1].loc.lineno;
                if (next_lineno == lineno) {
                    continue;
                }
                if (next_lineno < 0) {
                    instrs[src + 1].loc = instrs[src].loc;
                    continue;
                }
            } else {
                // last: the next block starts on the same line
                const BasicBlock* next = next_nonempty_block(bb->next);
                if (next != nullptr && lineno == next->instrs[0].loc.lineno) {
                    continue;
                }
            }
        }
        if (dest != src) {
            instrs[dest] = instrs[src];
        }
        ++dest;
        prev_lineno = lineno;
    }
    instrs.resize(dest);
}

constexpr std::size_t MAX_COPY_SIZE = 4;

// extend_block: a block ending in an unconditional jump to a small exit
// block without line numbers gets a copy of that block instead of the jump.
void extend_block(BasicBlock* bb)
{
    Instr* last = bb->last();
    if (last == nullptr ||
        (last->opcode != JUMP && last->opcode != JUMP_FORWARD && last->opcode != JUMP_BACKWARD)) {
        return;
    }
    BasicBlock* to_copy = last->target;
    if (is_exit(to_copy) && to_copy->instrs.size() <= MAX_COPY_SIZE) {
        // Only blocks without a line number (implicit `return None`s) are
        // copied: a copy of a located block would repeat its line events.
        for (const Instr& instr : to_copy->instrs) {
            if (instr.loc.lineno >= 0) {
                return;
            }
        }
        last->opcode = NOP;
        const std::vector<Instr> copy = to_copy->instrs;  // to_copy may be bb
        bb->instrs.insert(bb->instrs.end(), copy.begin(), copy.end());
    }
}

// mark_reachable: b_predecessors, counting fall-through, jumps and SETUP_*
// edges from reachable blocks only.
void mark_reachable(BasicBlock* entry)
{
    std::vector<BasicBlock*> stack = make_cfg_traversal_stack(entry);
    entry->predecessors = 1;
    stack.push_back(entry);
    while (!stack.empty()) {
        BasicBlock* b = stack.back();
        stack.pop_back();
        b->visited = true;
        if (b->next != nullptr && has_fallthrough(b)) {
            if (!b->next->visited) {
                assert(b->next->predecessors == 0);
                stack.push_back(b->next);
            }
            b->next->predecessors++;
        }
        for (Instr& instr : b->instrs) {
            if (is_jump(instr) || is_block_push(instr)) {
                BasicBlock* target = instr.target;
                if (!target->visited) {
                    stack.push_back(target);
                }
                target->predecessors++;
            }
        }
    }
}

// eliminate_empty_basic_blocks: unlink empty blocks from the chain and
// retarget jumps past them.
void eliminate_empty_basic_blocks(BasicBlock* entry)
{
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        BasicBlock* next = b->next;
        if (next != nullptr) {
            while (next->instrs.empty() && next->next != nullptr) {
                next = next->next;
            }
            b->next = next;
        }
    }
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        for (Instr& instr : b->instrs) {
            if (is_jump(instr) || is_block_push(instr)) {
                BasicBlock* target = instr.target;
                while (target->instrs.empty()) {
                    target = target->next;
                }
                instr.target = target;
            }
        }
    }
}

}  // namespace

void clean_basic_blocks(CFGBuilder& g)
{
    for (BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
        clean_basic_block(b);
    }
}

// ---------------------------------------------------------------------------
// optimize_cfg

int optimize_cfg(CFGBuilder& g, Object* consts)
{
    BasicBlock* entry = g.entry();
    for (BasicBlock* b = g.block_list(); b != nullptr; b = b->list) {
        if (normalize_basic_block(b) < 0) {
            return -1;
        }
    }
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        extend_block(b);
    }
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        if (optimize_basic_block(b, consts) < 0) {
            return -1;
        }
        clean_basic_block(b);
        assert(b->predecessors == 0);
    }
    // Second round, in b_list order (newest block first) as 3.11: a block
    // that jumps to a block extended before it (now a small exit) gets it
    // copied in turn; codegen creates a construct's end block after its
    // body, so ends are extended before the bodies that jump to them.
    for (BasicBlock* b = g.block_list(); b != nullptr; b = b->list) {
        extend_block(b);
    }
    mark_reachable(entry);
    // Delete unreachable instructions.
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        if (b->predecessors == 0) {
            b->instrs.clear();
        }
    }
    eliminate_empty_basic_blocks(entry);
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        clean_basic_block(b);
    }
    // A jump to the very next non-empty block is redundant.
    bool maybe_empty_blocks = false;
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        Instr* last = b->last();
        if (last != nullptr && (last->opcode == JUMP || last->opcode == JUMP_NO_INTERRUPT) &&
            last->target == b->next) {
            last->opcode = NOP;
            maybe_empty_blocks = true;
        }
    }
    if (maybe_empty_blocks) {
        eliminate_empty_basic_blocks(entry);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Line numbers

namespace {

bool is_exit_without_lineno(const BasicBlock* b)
{
    if (!is_exit(b)) {
        return false;
    }
    for (const Instr& instr : b->instrs) {
        if (instr.loc.lineno >= 0) {
            return false;
        }
    }
    return true;
}

}  // namespace

// duplicate_exits_without_lineno: an exit block with no line number reached
// by several jumps gets one copy per jump, each taking the jump's location,
// so that a traceback or tracer reports the line the code came from.
int duplicate_exits_without_lineno(CFGBuilder& g)
{
    BasicBlock* entry = g.entry();
    // In b_list order (newest block first), as 3.11: each copy goes right
    // after the original, so the copies end up in the order of the jumps.
    for (BasicBlock* b = g.block_list(); b != nullptr; b = b->list) {
        Instr* last = b->last();
        if (last != nullptr && is_jump(*last)) {
            BasicBlock* target = last->target;
            if (is_exit_without_lineno(target) && target->predecessors > 1) {
                BasicBlock* new_target = g.new_block();
                new_target->instrs = target->instrs;
                new_target->instrs[0].loc = last->loc;
                last->target = new_target;
                target->predecessors--;
                new_target->predecessors = 1;
                new_target->next = target->next;
                target->next = new_target;
            }
        }
    }
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        while (b->next != nullptr && b->next->instrs.empty()) {
            b->next = b->next->next;
        }
    }
    // What is left can only be reached by falling through: one predecessor.
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        if (has_fallthrough(b) && b->next != nullptr && !b->instrs.empty()) {
            if (is_exit_without_lineno(b->next)) {
                b->next->instrs[0].loc = b->instrs.back().loc;
            }
        }
    }
    return 0;
}

// propagate_line_numbers: instructions without a location take the previous
// one's; a block's first instruction takes its only predecessor's.
void propagate_line_numbers(CFGBuilder& g)
{
    for (BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
        if (b->instrs.empty()) {
            continue;
        }
        Location prev_location;
        for (Instr& instr : b->instrs) {
            if (instr.loc.lineno < 0) {
                instr.loc = prev_location;
            } else {
                prev_location = instr.loc;
            }
        }
        if (has_fallthrough(b) && b->next != nullptr && b->next->predecessors == 1) {
            assert(!b->next->instrs.empty());
            if (b->next->instrs[0].loc.lineno < 0) {
                b->next->instrs[0].loc = prev_location;
            }
        }
        const Instr& last = b->instrs.back();
        if (is_jump(last)) {
            BasicBlock* target = last.target;
            if (target->predecessors == 1 && target->instrs[0].loc.lineno < 0) {
                target->instrs[0].loc = prev_location;
            }
        }
    }
}

// guarantee_lineno_for_exits: a return without a line takes the line of
// the last located block before it (a line number only, no columns).
void guarantee_lineno_for_exits(CFGBuilder& g, int firstlineno)
{
    int lineno = firstlineno;
    for (BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
        if (b->instrs.empty()) {
            continue;
        }
        const Instr& last = b->instrs.back();
        if (last.loc.lineno < 0) {
            if (last.opcode == RETURN_VALUE) {
                for (Instr& instr : b->instrs) {
                    assert(instr.loc.lineno < 0);
                    instr.loc.lineno = lineno;
                }
            }
        } else {
            lineno = last.loc.lineno;
        }
    }
}

// trim_unused_consts: drop constants past the last one used. The first is
// kept (it may be the docstring). 3.11 only trims the tail.
int trim_unused_consts(CFGBuilder& g, Ref<>& consts)
{
    int max_const_index = 0;
    for (BasicBlock* b = g.block_list(); b != nullptr; b = b->list) {
        for (const Instr& instr : b->instrs) {
            if ((instr.opcode == LOAD_CONST || instr.opcode == KW_NAMES) &&
                instr.oparg > max_const_index) {
                max_const_index = instr.oparg;
            }
        }
    }
    const Py_ssize_t keep = max_const_index + 1;
    if (keep < list_size(consts.get())) {
        Ref<> trimmed = list_new(keep);
        if (!trimmed) {
            return -1;
        }
        for (Py_ssize_t i = 0; i < keep; ++i) {
            list_set_item(trimmed.get(), i, new_ref(list_item(consts.get(), i)).release());
        }
        consts = std::move(trimmed);
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Stack depth

namespace {

void stackdepth_push(std::vector<BasicBlock*>& sp, BasicBlock* b, int depth)
{
    assert(b->startdepth < 0 || b->startdepth == depth);
    if (b->startdepth < depth && b->startdepth < 100) {
        assert(b->startdepth < 0);
        b->startdepth = depth;
        sp.push_back(b);
    }
}

}  // namespace

// stackdepth: the deepest the stack gets, by walking every path once (each
// block has a single start depth; a handler's is the depth SETUP_* records
// plus what the unwinder pushes). A generator starts with the value its
// first send() pushes.
int stackdepth(CFGBuilder& g, int code_flags)
{
    for (BasicBlock* b = g.block_list(); b != nullptr; b = b->list) {
        b->startdepth = INT_MIN;
    }
    std::vector<BasicBlock*> sp;
    int maxdepth = 0;
    const bool generator = (code_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0;
    stackdepth_push(sp, g.entry(), generator ? 1 : 0);
    while (!sp.empty()) {
        BasicBlock* b = sp.back();
        sp.pop_back();
        int depth = b->startdepth;
        BasicBlock* next = b->next;
        for (const Instr& instr : b->instrs) {
            int effect = stack_effect(instr.opcode, instr.oparg, 0);
            if (effect == PY_INVALID_STACK_EFFECT) {
                format_error(Exc_SystemError, "compiler stack_effect(opcode=%d, arg=%d) failed",
                             instr.opcode, instr.oparg);
                return -1;
            }
            const int new_depth = depth + effect;
            if (new_depth < 0) {
                set_error(Exc_SystemError, "Invalid CFG, stack underflow");
                return -1;
            }
            maxdepth = std::max(maxdepth, new_depth);
            if (is_jump(instr) || is_block_push(instr)) {
                effect = stack_effect(instr.opcode, instr.oparg, 1);
                const int target_depth = depth + effect;
                maxdepth = std::max(maxdepth, target_depth);
                stackdepth_push(sp, instr.target, target_depth);
            }
            depth = new_depth;
            if (is_unconditional_jump_opcode(instr.opcode) || is_scope_exit_opcode(instr.opcode)) {
                next = nullptr;  // the rest is dead
                break;
            }
        }
        if (next != nullptr) {
            stackdepth_push(sp, next, depth);
        }
    }
    return maxdepth;
}

// ---------------------------------------------------------------------------
// Exception handlers

// The handlers live at a point of the code: handlers[depth] is the current
// one, handlers[0] is "none".
struct ExceptStack {
    std::vector<BasicBlock*> handlers{nullptr};
};

// label_exception_targets: walk the CFG with a stack of handlers that
// SETUP_* push and POP_BLOCK pop, and record in each instruction the
// handler live there (i_except). Every block is reached with one stack.
int label_exception_targets(CFGBuilder& g)
{
    BasicBlock* entry = g.entry();
    std::vector<BasicBlock*> todo = make_cfg_traversal_stack(entry);
    std::vector<std::unique_ptr<ExceptStack>> stacks;  // owns every stack
    auto copy_stack = [&stacks](const ExceptStack* s) {
        stacks.push_back(std::make_unique<ExceptStack>(*s));
        return stacks.back().get();
    };
    stacks.push_back(std::make_unique<ExceptStack>());
    entry->exceptstack = stacks.back().get();
    entry->visited = true;
    todo.push_back(entry);
    while (!todo.empty()) {
        BasicBlock* b = todo.back();
        todo.pop_back();
        ExceptStack* except_stack = b->exceptstack;
        assert(except_stack != nullptr);
        b->exceptstack = nullptr;
        BasicBlock* handler = except_stack->handlers.back();
        for (std::size_t i = 0; i < b->instrs.size(); ++i) {
            Instr& instr = b->instrs[i];
            if (is_block_push(instr)) {
                if (!instr.target->visited) {
                    instr.target->exceptstack = copy_stack(except_stack);
                    instr.target->visited = true;
                    todo.push_back(instr.target);
                }
                // push_except_block: SETUP_WITH / SETUP_CLEANUP handlers
                // also get the offset of the raising instruction.
                if (instr.opcode == SETUP_WITH || instr.opcode == SETUP_CLEANUP) {
                    instr.target->preserve_lasti = true;
                }
                except_stack->handlers.push_back(instr.target);
                handler = instr.target;
            } else if (instr.opcode == POP_BLOCK) {
                if (except_stack->handlers.size() <= 1) {
                    set_error(Exc_SystemError, "POP_BLOCK without a handler to pop");
                    return -1;
                }
                except_stack->handlers.pop_back();
                handler = except_stack->handlers.back();
            } else if (is_jump(instr)) {
                instr.except = handler;
                assert(i == b->instrs.size() - 1);
                if (!instr.target->visited) {
                    // A jump that ends the block hands its stack on;
                    // a conditional one keeps it for the fall-through.
                    if (has_fallthrough(b)) {
                        instr.target->exceptstack = copy_stack(except_stack);
                    } else {
                        instr.target->exceptstack = except_stack;
                        except_stack = nullptr;
                    }
                    instr.target->visited = true;
                    todo.push_back(instr.target);
                }
            } else {
                instr.except = handler;
            }
        }
        if (has_fallthrough(b) && b->next != nullptr && !b->next->visited) {
            assert(except_stack != nullptr);
            b->next->exceptstack = except_stack;
            b->next->visited = true;
            todo.push_back(b->next);
        }
    }
    return 0;
}

void convert_exception_handlers_to_nops(CFGBuilder& g)
{
    for (BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
        for (Instr& instr : b->instrs) {
            if (is_block_push(instr) || instr.opcode == POP_BLOCK) {
                instr.opcode = NOP;
            }
        }
    }
}

// normalize_jumps: give each pseudo jump its direction, now that block order
// is final (a target not yet passed is forward).
void normalize_jumps(CFGBuilder& g)
{
    BasicBlock* entry = g.entry();
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        b->visited = false;
    }
    for (BasicBlock* b = entry; b != nullptr; b = b->next) {
        b->visited = true;
        Instr* last = b->last();
        if (last == nullptr || !is_jump(*last)) {
            continue;
        }
        const bool forward = !last->target->visited;
        switch (last->opcode) {
        case JUMP:
            last->opcode = forward ? JUMP_FORWARD : JUMP_BACKWARD;
            break;
        case JUMP_NO_INTERRUPT:
            last->opcode = forward ? JUMP_FORWARD : JUMP_BACKWARD_NO_INTERRUPT;
            break;
        case POP_JUMP_IF_NOT_NONE:
            last->opcode = forward ? POP_JUMP_FORWARD_IF_NOT_NONE : POP_JUMP_BACKWARD_IF_NOT_NONE;
            break;
        case POP_JUMP_IF_NONE:
            last->opcode = forward ? POP_JUMP_FORWARD_IF_NONE : POP_JUMP_BACKWARD_IF_NONE;
            break;
        case POP_JUMP_IF_FALSE:
            last->opcode = forward ? POP_JUMP_FORWARD_IF_FALSE : POP_JUMP_BACKWARD_IF_FALSE;
            break;
        case POP_JUMP_IF_TRUE:
            last->opcode = forward ? POP_JUMP_FORWARD_IF_TRUE : POP_JUMP_BACKWARD_IF_TRUE;
            break;
        default:
            break;
        }
    }
}

// ---------------------------------------------------------------------------
// --dump=cfg

namespace {

const char* pseudo_name(int opcode)
{
    switch (opcode) {
    case SETUP_FINALLY: return "SETUP_FINALLY";
    case SETUP_CLEANUP: return "SETUP_CLEANUP";
    case SETUP_WITH: return "SETUP_WITH";
    case POP_BLOCK: return "POP_BLOCK";
    case JUMP: return "JUMP";
    case JUMP_NO_INTERRUPT: return "JUMP_NO_INTERRUPT";
    case POP_JUMP_IF_FALSE: return "POP_JUMP_IF_FALSE";
    case POP_JUMP_IF_TRUE: return "POP_JUMP_IF_TRUE";
    case POP_JUMP_IF_NONE: return "POP_JUMP_IF_NONE";
    case POP_JUMP_IF_NOT_NONE: return "POP_JUMP_IF_NOT_NONE";
    default: return "?";
    }
}

}  // namespace

std::string cfg_to_dot(const CFGBuilder& g, const char* label)
{
    std::unordered_map<const BasicBlock*, int> ids;
    int n = 0;
    for (const BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
        ids[b] = n++;
    }
    auto id_of = [&ids](const BasicBlock* b) {
        auto it = ids.find(b);
        return it == ids.end() ? std::string("detached") : "b" + std::to_string(it->second);
    };
    std::string out = "digraph \"";
    out += label;
    out += "\" {\n  node [shape=box, fontname=\"monospace\"];\n";
    for (const BasicBlock* b = g.entry(); b != nullptr; b = b->next) {
        out += "  " + id_of(b) + " [label=\"" + id_of(b);
        out += "\\l";
        for (const Instr& instr : b->instrs) {
            const char* name = instr.opcode < 0 ? pseudo_name(instr.opcode) : opcode_name(instr.opcode);
            out += std::to_string(instr.loc.lineno) + ": " + (name ? name : "?");
            if (is_jump(instr) || is_block_push(instr)) {
                out += " -> " + id_of(instr.target);
            } else if (instr.opcode < 0 || has_arg(instr.opcode)) {
                out += " " + std::to_string(instr.oparg);
            }
            out += "\\l";
        }
        out += "\"];\n";
        if (b->next != nullptr && has_fallthrough(b)) {
            out += "  " + id_of(b) + " -> " + id_of(b->next) + ";\n";
        }
        for (const Instr& instr : b->instrs) {
            if (is_jump(instr)) {
                out += "  " + id_of(b) + " -> " + id_of(instr.target) + " [color=blue];\n";
            } else if (is_block_push(instr)) {
                out += "  " + id_of(b) + " -> " + id_of(instr.target) + " [style=dashed, color=red];\n";
            }
        }
    }
    out += "}\n";
    return out;
}

}  // namespace minipy::compiler
