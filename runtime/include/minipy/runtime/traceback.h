// traceback.h: traceback objects, the linked list of (frame, instruction)
// entries an exception collects while it unwinds.
// Mirrors CPython 3.11 Include/cpython/traceback.h and the object half of
// Python/traceback.c (the printing half is the vm's: vm/traceback_print.cpp).
// Book chapter 8.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// PyTracebackObject. The newest entry (the frame that caught or is
// unwinding last) is at the head; tb_next leads towards where it was raised.
struct TracebackObject : Object {
    Object* tb_next;   // owned traceback or null
    Object* tb_frame;  // owned frame object
    int tb_lasti;      // byte offset of the instruction (3.11: code units * 2)
    int tb_lineno;     // its line, -1 when it has none
};

extern TypeObject TraceBack_Type;

inline bool traceback_check(const Object* op) { return Py_TYPE(op) == &TraceBack_Type; }
// tb_create_raw: next may be null.
[[nodiscard]] Ref<> traceback_new(Object* next, Object* frame, int lasti, int lineno);
// PyTraceBack_Here's effect: prepends an entry for frame to the current
// exception's __traceback__ (and to the indicator's traceback). 0 or -1.
[[nodiscard]] int traceback_here(Object* frame);

// The vm's printer of unraisable exceptions (_PyErr_WriteUnraisableMsg:
// header, traceback, "Type: message"), installed at start-up; until then
// error_write_unraisable prints the header and the message only.
using UnraisableHook = void (*)(const char* err_msg, Object* obj);
extern UnraisableHook unraisable_hook;

// The vm's _PyErr_Display(file, exc): writes exc's traceback and message
// (chained exceptions first) to the file object, as an uncaught exception
// is printed; _thread._excepthook uses it. 0, or -1 with an error set.
// Null until the vm installs it.
using ErrorDisplayHook = int (*)(Object* file, Object* exc);
extern ErrorDisplayHook error_display_hook;

}  // namespace minipy::runtime
