// ceval_gil.h: the global interpreter lock and the eval breaker, as the
// vm's files see them. Mirrors CPython 3.11 Include/internal/pycore_ceval.h
// and pycore_gil.h (the implementation is vm/ceval_gil.cpp, CPython's
// Python/ceval_gil.h). Book chapter 10, "Parallelism and Concurrency".
#pragma once

#include <atomic>

namespace minipy::vm {

// The eval breaker: non-zero when the running thread has something to do
// besides the next instruction: drop the GIL for a waiting thread, run
// signal handlers or pending calls (main thread only). The loop polls it
// at CHECK_EVAL_BREAKER points (backward jumps, function entry, after
// calls); it is the OR of the flags below, recomputed whenever one changes
// (COMPUTE_EVAL_BREAKER).
extern std::atomic<int> eval_breaker;

inline bool eval_breaker_is_set() { return eval_breaker.load(std::memory_order_relaxed) != 0; }

// eval_frame_handle_pending: serves what set the breaker: signals and
// pending calls (main thread), then a GIL drop request (the thread lets
// another one run and waits for its turn). 0, or -1 with an exception set
// (a signal handler raised, e.g. KeyboardInterrupt).
[[nodiscard]] int handle_eval_breaker();

// _PyEval_InitGIL + _PyEval_InitState: creates the GIL, makes the calling
// (main) thread its holder and installs runtime's CevalHooks. Once, at
// start-up, before any other thread exists.
void gil_init();

// sys.setswitchinterval / sys.getswitchinterval, in microseconds
// (_PyEval_SetSwitchInterval): how long a thread waits for the GIL before
// it asks the holder to drop it.
void gil_set_switch_interval(unsigned long microseconds);
unsigned long gil_get_switch_interval();

}  // namespace minipy::vm
