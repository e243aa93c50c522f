// ceval_macros.h: the eval loop's vocabulary, so that ceval.cpp reads like
// CPython 3.11's _PyEval_EvalFrameDefault.
// Mirrors the macro block of CPython 3.11 Python/ceval.c (later
// Python/ceval_macros.h). Book chapter 8.
//
// The loop keeps three registers in C++ locals: `frame` (the running
// InterpreterFrame), `next_instr` (the code unit to decode next) and
// `stack_pointer` (one past the top of the value stack). They are written
// back into the frame (prev_instr, stacktop) whenever the frame is left:
// on a call, a return, or an exception that leaves it.
#pragma once

#include "minipy/config.h"

// Dispatch: with MINIPY_COMPUTED_GOTO each instruction ends by jumping
// straight to the next one's label through opcode_targets (one indirect
// branch per instruction, which branch predictors like); without it, a
// switch in a loop.
//
// Rule for instruction bodies: no Ref<> (or any object with a destructor)
// lives in them. DISPATCH() is a computed goto, which leaves the C++ scope
// without running destructors: g++ silently skips them (a leak), clang++
// refuses to compile. Bodies hold raw pointers, as ceval.c does, and call
// helper functions that use Ref<> inside and hand back .release()d results.
#if MINIPY_COMPUTED_GOTO
#define TARGET(op) \
    TARGET_##op:   \
    INSTRUCTION_START(op);
#define DISPATCH_GOTO() goto* opcode_targets[opcode]
#else
#define TARGET(op) \
    case op:       \
        INSTRUCTION_START(op);
#define DISPATCH_GOTO() goto dispatch_opcode
#endif

// Every instruction starts by recording itself in frame->prev_instr, so
// that tracebacks, the exception table lookup and a saved lasti always see
// the instruction that is running.
#if MINIPY_TRACE_EXEC
#define INSTRUCTION_START(op) \
    (frame->prev_instr = next_instr - 1, trace_instruction(frame, next_instr - 1, op, oparg, stack_pointer))
#else
#define INSTRUCTION_START(op) (frame->prev_instr = next_instr - 1)
#endif

// Decode the next instruction: opcode and oparg, advancing next_instr.
#define NEXTOPARG()                                     \
    do {                                                \
        _Py_CODEUNIT word = *next_instr;                \
        opcode = word & 0xff;                           \
        oparg = word >> 8;                              \
        next_instr++;                                   \
    } while (0)

#define DISPATCH()       \
    {                    \
        NEXTOPARG();     \
        DISPATCH_GOTO(); \
    }

// The instruction that started last (frame->prev_instr as CPython keeps it).
#define INSTR_OFFSET() static_cast<int>(next_instr - first_instr)
#define JUMPBY(x) (next_instr += (x))
#define JUMPTO(x) (next_instr = first_instr + (x))

// The value stack. Slots hold owned references.
#define STACK_LEVEL() static_cast<int>(stack_pointer - frame_stackbase(frame))
#define TOP() (stack_pointer[-1])
#define SECOND() (stack_pointer[-2])
#define THIRD() (stack_pointer[-3])
#define FOURTH() (stack_pointer[-4])
#define PEEK(n) (stack_pointer[-(n)])
#define SET_TOP(v) (stack_pointer[-1] = (v))
#define SET_SECOND(v) (stack_pointer[-2] = (v))
#define PUSH(v) (*stack_pointer++ = (v))
#define POP() (*--stack_pointer)
#define STACK_GROW(n) (stack_pointer += (n))
#define STACK_SHRINK(n) (stack_pointer -= (n))

// Fast locals (co_varnames, then cells and free variables).
#define GETLOCAL(i) (frame->localsplus[i])
// SETLOCAL stores first and drops the old value after, so a destructor that
// runs during the decref never sees a dangling slot.
#define SETLOCAL(i, value)                \
    do {                                  \
        Object* tmp_ = GETLOCAL(i);       \
        GETLOCAL(i) = (value);            \
        xdecref(tmp_);                    \
    } while (0)

#define GETITEM(v, i) runtime::tuple_item((v), (i))

// Write the loop's registers back to the frame / read them from it.
#define SAVE_FRAME_STATE()                                  \
    do {                                                    \
        frame->prev_instr = next_instr - 1;                 \
        frame_set_stack_pointer(frame, stack_pointer);      \
    } while (0)
#define SET_LOCALS_FROM_FRAME()                             \
    do {                                                    \
        first_instr = frame_first_instr(frame);             \
        next_instr = frame->prev_instr + 1;                 \
        stack_pointer = frame_get_stack_pointer(frame);     \
        frame->stacktop = -1; /* the loop owns the stack */ \
    } while (0)

// The eval breaker: checked on backward jumps and after calls, where a
// pending signal, a GIL drop request or a pending call may be served.
#define CHECK_EVAL_BREAKER()                                        \
    do {                                                            \
        if (eval_breaker_is_set()) {                                \
            SAVE_FRAME_STATE();                                     \
            if (handle_eval_breaker() < 0) goto error;              \
            frame->stacktop = -1;                                   \
        }                                                           \
    } while (0)
