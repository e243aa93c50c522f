// frameobject.h: Python-level frame objects (tb_frame, sys._getframe).
// Mirrors CPython 3.11 Include/cpython/frameobject.h,
// Include/internal/pycore_frame.h's PyFrameObject and Objects/frameobject.c.
// Book chapter 8.
//
// Design notes
// ------------
// * In 3.11 a running frame is an _PyInterpreterFrame on the vm's data
//   stack (vm/frame.h). A FrameObject is made only when Python code asks
//   for one (a traceback entry, sys._getframe), by the vm's
//   frame_make_object (_PyFrame_GetFrameObject); the interpreter frame then
//   holds it in frame_obj, and later requests get the same object.
// * While its frame runs, the object is a view: f_frame points at the
//   interpreter frame and f_localsplus at its local slots, so f_lineno,
//   f_lasti, f_locals and f_back read the live state. The runtime cannot
//   see the vm's frame layout (it is a higher layer), so the vm registers
//   frame_hooks to read the position and the caller.
// * When the frame exits while the object is still referenced elsewhere,
//   the vm's take_ownership stores the final position and the caller's
//   frame object in f_back; f_frame becomes null. Otherwise the object
//   simply dies with the frame.
// * Then, as CPython's take_ownership does, the object keeps a copy of the
//   frame's local slots (f_localsplus pointing at its own array,
//   f_owns_locals set), so f_locals still shows the final values and cell
//   contents; the copy makes cycles (an exception whose traceback's frame
//   holds the exception as a local) that only the cycle collector frees.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct FrameObject : Object {
    Object* f_back;      // owned, set when the frame exited (take_ownership); null while it runs
    Object* f_code;      // owned code object
    Object* f_globals;   // owned dict
    Object* f_builtins;  // owned dict
    Object* f_locals;    // owned: the namespace of a module or class body, or a function
                         // frame's dict of locals (made and refreshed by f_locals)
    void* f_frame;       // the vm's running InterpreterFrame, null once it exited
    Object** f_localsplus;  // the running frame's local slots (borrowed); after it exited, the
                            // object's own copy (f_owns_locals) or null
    int f_lasti;         // index of the last instruction, in code units
    int f_lineno;        // its line (-1 when it has none)
    bool f_fast_locals;  // a function frame: f_locals is a snapshot of the slots
    bool f_owns_locals;  // f_localsplus is an owned copy of co_nlocalsplus references
};

extern TypeObject Frame_Type;

// What the runtime asks the vm about a running frame (set at start-up).
struct FrameHooks {
    // Refreshes f_lasti and f_lineno from the running frame.
    void (*sync)(FrameObject* f) = nullptr;
    // The caller's frame object (made on demand), or None at the bottom.
    Ref<> (*back)(FrameObject* f) = nullptr;
};
extern FrameHooks frame_hooks;

inline bool frame_check(const Object* op) { return Py_TYPE(op) == &Frame_Type; }
// A frame object for a running frame (f_frame, whose slots are localsplus):
// the vm's _PyFrame_New_NoTrack. locals is the body's namespace or null.
[[nodiscard]] Ref<> frame_new_live(Object* code, Object* globals, Object* builtins, Object* locals, void* frame,
                                   Object** localsplus);
// take_ownership's half in the runtime: the frame f was a view of exited,
// so f copies its code's co_nlocalsplus slots from localsplus (new
// references; empty slots stay null) and stops looking at the frame.
// -1 with MemoryError when the copy cannot be made.
[[nodiscard]] int frame_take_locals(FrameObject* f, Object* const* localsplus);
// A frame object that never ran (for code shown in tracebacks without a
// frame of minipy's, such as runpy's).
[[nodiscard]] Ref<> frame_new_snapshot(Object* code, Object* globals, Object* builtins, Object* locals, int lasti);
// The positional name -> value dict of a function frame's slots (fast
// locals, cells dereferenced, unbound ones left out): what locals() and
// f_locals show (PyFrame_FastToLocals). Null on error.
[[nodiscard]] Ref<> frame_locals_dict(Object* code, Object* const* localsplus);

}  // namespace minipy::runtime
