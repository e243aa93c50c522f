// pythonrun.h: the vm stage's entry points: start the interpreter, run a
// compiled program as __main__, report how it ended.
// Mirrors CPython 3.11 Include/pythonrun.h and the parts of
// Include/cpython/pylifecycle.h the minipy program uses. Book chapter 8.
#pragma once

#include <string>
#include <vector>

#include "minipy/runtime/object.h"

namespace minipy::vm {

// The part of PyConfig the vm reads (main/initconfig.h has the whole
// command line); field names are PyConfig's.
struct RunConfig {
    std::vector<std::string> argv;  // sys.argv
    std::vector<std::string> orig_argv;  // sys.orig_argv: the process's whole command line
    std::string run_filename;       // the script ("" for -c, -m and stdin): sys.path[0] is its directory
    std::string run_module;         // NAME of -m NAME: sys.path[0] is the current directory
    bool write_bytecode = true;     // -B, PYTHONDONTWRITEBYTECODE: no __pycache__ files
    bool use_environment = true;    // -E, -I: PYTHON* variables are ignored
    bool safe_path = false;         // -P, -I: no script directory (or cwd) in sys.path
    bool isolated = false;          // -I
    bool buffered_stdio = true;     // -u, PYTHONUNBUFFERED
    int optimization_level = 0;     // -O
    int verbose = 0;                // -v
    // The rest of sys.flags, and sys._xoptions / sys.warnoptions.
    int parser_debug = 0;              // -d
    bool interactive = false;          // -i
    int bytes_warning = 0;             // -b, -bb
    bool quiet = false;                // -q
    bool user_site_directory = true;   // -s clears it
    bool site_import = true;           // -S clears it
    std::vector<std::string> xoptions;     // -X opt, in order
    std::vector<std::string> warnoptions;  // -W arg, in order
    bool show_ref_count = false;    // -X showrefcount: "[N refs, M blocks]" on stderr at exit
    bool inspect = false;           // -i, PYTHONINSPECT: SystemExit of the program is printed, not obeyed
};

// Py_InitializeFromConfig's second half: the runtime, the eval loop's hooks,
// the builtins and sys modules, sys.path. Idempotent; false (with a message
// on stderr) if start-up failed.
[[nodiscard]] bool initialize(const RunConfig& config);
// The same with only sys.argv given (embedding, unit tests).
[[nodiscard]] bool initialize(const std::vector<std::string>& argv);
// Py_FinalizeEx's first steps: runs the atexit callbacks, then flushes
// sys.stdout and sys.stderr. Returns the exit status: `status` unchanged,
// or 120 when flushing stdout failed (as Py_Exit does). After an uncaught
// KeyboardInterrupt it ends the process the way SIGINT does
// (_Py_UnhandledKeyboardInterrupt), so the shell sees status 130.
int finalize(int status);

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

// pymain_run_module / runpy._run_module_as_main: `minipy -m NAME`. Finds
// NAME on sys.path (a package runs NAME.__main__), sets sys.argv[0] to its
// file and runs it as __main__. Errors in finding it are printed as
// "EXECUTABLE: No module named NAME" with status 1.
int run_module(const std::string& name);

// PyRun_InteractiveLoopFlags on stdin: the prompt (sys.ps1, sys.ps2: set
// to ">>> " and "... " unless already set), one statement at a time run in
// __main__ (made if no program made it), expression values through
// sys.displayhook, exceptions printed, until end of input. The prompts go
// to stderr unless stdin and stdout are terminals (then GNU readline edits
// the line). Ctrl-C drops the statement being typed and prints
// KeyboardInterrupt. Returns the exit status: 0 at end of input, or
// SystemExit's when a statement raises it.
int run_interactive_loop();

// pymain_run_startup: runs the file $PYTHONSTARTUP names (unless -E/-I) in
// __main__, printing its errors. Returns -1 to go on, or the exit status of
// a SystemExit it raised.
int run_startup_file();

// PyErr_Print: prints the pending exception (and what it was chained to) on
// sys.stderr as python3.11 does, or handles SystemExit. Returns the exit
// status the program should end with.
int print_pending_exception();

// print_error_text (Python/pythonrun.c): a SyntaxError's source line
// without its indentation, then spaces and carets under [offset,
// end_offset) (1-based; like CPython, the clipping compares them with the
// line's length in bytes). Each line starts with margin and four spaces.
// The exception printer and main's printing of a stage's SyntaxError share it.
[[nodiscard]] std::string format_error_text(const std::string& margin, long offset, long end_offset,
                                            const std::string& text);

}  // namespace minipy::vm
