// ceval.h: the eval loop's public entry points: run a code object, and
// look at the thread's frame stack (for tests and debugging tools).
// Mirrors CPython 3.11 Include/ceval.h (PyEval_EvalCode). Book chapter 8.
#pragma once

#include <cstddef>

#include "minipy/runtime/object.h"

namespace minipy::vm {

// PyEval_EvalCode: runs a module-level code object with the given globals
// (a dict; gets __builtins__ if it has none) and locals (null: globals).
// Null with the exception set when the code raised. vm::initialize must
// have run.
[[nodiscard]] runtime::Ref<> eval_code_object(runtime::Object* code, runtime::Object* globals,
                                              runtime::Object* locals = nullptr);

// The running thread's frame stack: frames pushed and not yet popped, and
// the data-stack chunks in use (1 once anything ran, more while deep
// recursion spills into further chunks).
struct FrameStackStats {
    int depth = 0;
    std::size_t chunks = 0;
};
FrameStackStats frame_stack_stats();

}  // namespace minipy::vm
