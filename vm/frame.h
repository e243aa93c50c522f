// frame.h: the eval loop's frames (_PyInterpreterFrame) and the per-thread
// data stack they live on.
// Mirrors CPython 3.11 Include/internal/pycore_frame.h and Python/frame.c,
// plus the data-stack part of Python/pystate.c (_PyThreadState_PushFrame).
// Book chapter 8, "The Evaluation Loop".
//
// Design notes
// ------------
// * The 3.9 interpreter the book describes allocates a PyFrameObject on the
//   heap for every call. 3.11 instead carves an InterpreterFrame out of a
//   per-thread stack of memory chunks: a call bumps a pointer, a return
//   pops it. Only when Python code asks for a frame object (a traceback,
//   sys._getframe) is a heap object made.
// * A frame is a fixed header followed by `localsplus`: co_nlocalsplus
//   slots for the fast locals, cells and free variables, then co_stacksize
//   slots for the value stack. `stacktop` counts the live stack slots above
//   the locals, and is only meaningful while the frame is not running
//   (the running frame's stack pointer is a local of the loop).
// * Slots hold owned references or null; clearing a frame drops them all.
// * `previous` links a frame to its caller's. A frame entered from C (the
//   first frame run by one call of eval_frame) has is_entry set: returning
//   from it leaves the C++ loop; returning from any other frame resumes the
//   caller's frame in the same loop.
#pragma once

#include <cstddef>

#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/funcobject.h"

namespace minipy::vm {

using runtime::CodeObject;
using runtime::FunctionObject;
using runtime::Object;
using runtime::_Py_CODEUNIT;

enum FrameOwner : char { FRAME_OWNED_BY_THREAD = 0, FRAME_OWNED_BY_GENERATOR = 1, FRAME_OWNED_BY_FRAME_OBJECT = 2 };

struct InterpreterFrame {
    FunctionObject* f_func;      // owned
    Object* f_globals;           // borrowed from f_func
    Object* f_builtins;          // borrowed from f_func
    Object* f_locals;            // owned or null (the namespace of module and class bodies)
    CodeObject* f_code;          // owned
    Object* frame_obj;           // owned frame object, or null
    InterpreterFrame* previous;  // the caller's frame (borrowed), or null
    // The last instruction started, or the one before the first (so that
    // "prev_instr + 1" is where execution goes on).
    _Py_CODEUNIT* prev_instr;
    int stacktop;  // live slots in localsplus: nlocalsplus + stack depth
    bool is_entry;
    char owner;
    Object* localsplus[1];  // locals, cells, free variables, then the value stack
};

// Words a frame of this code needs on the data stack (_PyFrame_NumSlotsForCodeObject).
inline std::size_t frame_num_slots(CodeObject* co)
{
    constexpr std::size_t header = offsetof(InterpreterFrame, localsplus) / sizeof(Object*);
    return header + static_cast<std::size_t>(co->co_nlocalsplus) + static_cast<std::size_t>(co->co_stacksize);
}

inline _Py_CODEUNIT* frame_first_instr(InterpreterFrame* f) { return runtime::code_units(f->f_code); }
// _PyInterpreterFrame_LASTI: index of the last instruction started.
inline int frame_lasti(InterpreterFrame* f) { return static_cast<int>(f->prev_instr - frame_first_instr(f)); }
inline Object** frame_stackbase(InterpreterFrame* f) { return f->localsplus + f->f_code->co_nlocalsplus; }
inline Object** frame_get_stack_pointer(InterpreterFrame* f) { return f->localsplus + f->stacktop; }
inline void frame_set_stack_pointer(InterpreterFrame* f, Object** sp)
{
    f->stacktop = static_cast<int>(sp - f->localsplus);
}

// The thread's frames: the data stack and the innermost running frame.
struct FrameStack {
    struct Chunk {
        Chunk* previous;
        std::size_t size;  // words in data
        Object** saved_top;  // the previous chunk's top when this one was pushed
        Object* data[1];
    };
    Chunk* chunk = nullptr;        // the chunk frames are pushed onto
    Object** top = nullptr;        // first free word in it
    Object** limit = nullptr;      // end of it
    InterpreterFrame* current = nullptr;  // innermost frame (cframe.current_frame)
    int depth = 0;                 // frames pushed (for tests and sys._getframe)
};

// The running thread's frame stack (one per thread, like the thread state's
// datastack_* fields).
FrameStack& frame_stack();
// Frees the calling thread's data stack (its thread is ending; no frame
// is left on it). The thread's next push would start a fresh chunk.
void frame_stack_fini();

// _PyThreadState_PushFrame + _PyFrame_InitializeSpecials: a frame for func
// with every local null; takes its own references to func and locals.
// Null with MemoryError set when no memory is left.
[[nodiscard]] InterpreterFrame* push_frame(FunctionObject* func, Object* locals);
// _PyFrame_Clear: drops every reference the frame holds.
void frame_clear(InterpreterFrame* frame);
// _PyThreadState_PopFrame: gives the frame's words back (LIFO order),
// without touching its references (they were moved, e.g. to a generator).
void pop_frame_memory(InterpreterFrame* frame);
// Both: the end of a frame owned by the thread.
void pop_frame(InterpreterFrame* frame);

// _PyFrame_GetFrameObject: the frame's frame object (runtime/frameobject.h),
// made on first request and kept in frame_obj; its position is brought up
// to date. Null on error.
[[nodiscard]] runtime::Ref<> frame_make_object(InterpreterFrame* frame);
// The end of a frame's frame object (frame_clear calls it when frame_obj is
// set): take_ownership when something else still holds it, else a decref.
void frame_release_object(InterpreterFrame* frame);
// sys._getframe(depth): the running frame depth calls up (frames that have
// not started are skipped), or null when the stack is not that deep.
InterpreterFrame* frame_get_caller(int depth);

}  // namespace minipy::vm
