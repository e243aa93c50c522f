// frameobject.h: Python-level frame objects (tb_frame, sys._getframe).
// Mirrors CPython 3.11 Include/cpython/frameobject.h and
// Objects/frameobject.c. Book chapter 8.
//
// In 3.11 a running frame is a _PyInterpreterFrame on the vm's data stack
// (vm/frame.h); a PyFrameObject is made only when Python code asks for one,
// and it takes over the frame's data when the frame exits. minipy's frame
// object is for now the smaller thing tracebacks need: a snapshot of the
// frame's code, globals and position, made when a traceback entry is
// added. Live attributes (f_locals, f_back, f_trace) come later.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct FrameObject : Object {
    Object* f_back;      // owned or null
    Object* f_code;      // owned code object
    Object* f_globals;   // owned dict
    Object* f_builtins;  // owned dict
    Object* f_locals;    // owned mapping or null
    int f_lasti;         // index of the last instruction, in code units
    int f_lineno;        // its line (-1 when it has none)
};

extern TypeObject Frame_Type;

inline bool frame_check(const Object* op) { return Py_TYPE(op) == &Frame_Type; }
[[nodiscard]] Ref<> frame_new_snapshot(Object* code, Object* globals, Object* builtins, Object* locals, int lasti);

}  // namespace minipy::runtime
