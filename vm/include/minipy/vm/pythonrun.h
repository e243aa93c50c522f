// pythonrun.h: the vm stage's entry points: start the interpreter, run a
// compiled program as __main__, report how it ended.
// Mirrors CPython 3.11 Include/pythonrun.h and the parts of
// Include/cpython/pylifecycle.h the minipy program uses. Book chapter 8.
#pragma once

#include <string>
#include <vector>

#include "minipy/runtime/object.h"

namespace minipy::vm {

// Py_InitializeFromConfig's second half: the runtime, the eval loop's hooks,
// the builtins and sys modules. argv becomes sys.argv. Idempotent; false
// (with a message on stderr) if start-up failed.
[[nodiscard]] bool initialize(const std::vector<std::string>& argv);
// Flushes sys.stdout and sys.stderr (what Py_FinalizeEx does first).
void finalize();

// maybe_pyc_file: whether FILE is compiled bytecode (by its ".pyc" name or
// its magic number), so that `minipy FILE` runs it without compiling.
bool maybe_pyc_file(const std::string& filename);

// run_pyc_file: loads FILE's code object and runs it as __main__. Returns
// the process exit status: 0, 1 after printing an uncaught exception's
// traceback to stderr, or the status of SystemExit (sys.exit).
int run_pyc_file(const std::string& filename);

// Runs a code object (a module body) as __main__ with __file__ set to
// filename; same exit status rules.
int run_main_code(runtime::Object* code, const std::string& filename);

// PyErr_Print: prints the pending exception (and what it was chained to) on
// sys.stderr as python3.11 does, or handles SystemExit. Returns the exit
// status the program should end with.
int print_pending_exception();

}  // namespace minipy::vm
