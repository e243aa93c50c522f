// pylifecycle.h: what start-up, running __main__ and shutting down share
// inside the vm: the configuration, the atexit callbacks, unraisable
// exceptions. Private to the vm stage.
// Mirrors CPython 3.11 Include/internal/pycore_pylifecycle.h and the
// atexit part of pycore_interp.h. Book chapter 8.
#pragma once

#include <string>

#include "minipy/runtime/object.h"
#include "minipy/vm/pythonrun.h"

namespace minipy::vm {

// The configuration initialize() was given (PyInterpreterState.config).
const RunConfig& run_config();

// sysmodule.cpp: the configuration's part of sys (executable, path,
// dont_write_bytecode, implementation, builtin_module_names); 0 or -1.
[[nodiscard]] int sys_set_config(runtime::Object* sysdict, const RunConfig& config);

// pylifecycle_stdio.cpp: init_sys_streams: sys.stdin, sys.stdout,
// sys.stderr (and sys.__stdin__, ...) as io.TextIOWrapper objects over
// file descriptors 0, 1, 2, as CPython's create_stdio makes them. A stream
// that cannot be made is a fatal error (the process exits).
void init_sys_streams(const RunConfig& config);

// sysmodule.cpp: a types.SimpleNamespace whose attributes are dict's
// items (copied).
[[nodiscard]] runtime::Ref<> simple_namespace_new(runtime::Object* dict);

// _PyErr_WriteUnraisableMsg: reports the pending exception (and clears it)
// as sys.unraisablehook's default does: "Exception ignored ERR_MSG: repr(obj)"
// ("Exception ignored in: ..." when err_msg is null), the traceback, then
// "Type: str".
void write_unraisable(const char* err_msg, runtime::Object* obj);
// The default sys.unraisablehook's text (write_unraisable_exc_file) for
// the fields of an UnraisableHookArgs; err_msg and obj may be None.
void format_unraisable(std::string& out, runtime::Object* exc_type, runtime::Object* exc_value,
                       runtime::Object* exc_tb, runtime::Object* err_msg, runtime::Object* obj);
// sysmodule.cpp: a sys.UnraisableHookArgs struct sequence.
[[nodiscard]] runtime::Ref<> unraisable_hook_args(runtime::Object* exc_type, runtime::Object* exc_value,
                                                  runtime::Object* exc_tb, runtime::Object* err_msg,
                                                  runtime::Object* obj);
// PyErr_Display(type, value, tb): value printed as an uncaught exception on
// sys.stderr (the default sys.excepthook); 0, or -1 if the write failed.
[[nodiscard]] int error_display(runtime::Object* exc_type, runtime::Object* value, runtime::Object* tb);
// _PyErr_Display(file, exc): exc as an uncaught exception prints it
// (runtime's error_display_hook, for _thread._excepthook).
int display_exception(runtime::Object* file, runtime::Object* exc);

// Set by print_pending_exception for an uncaught KeyboardInterrupt; finalize
// then re-raises SIGINT with the default action.
extern bool unhandled_keyboard_interrupt;

// _warnings.cpp: the _warnings module, and warnings_init (the default
// filters, and the runtime's warn hooks); 0 or -1.
[[nodiscard]] runtime::Ref<> warnings_module_create();
[[nodiscard]] int warnings_init();

// traceback_print.cpp: line `lineno` (1-based) of a UTF-8 file, without
// its line ending; false when there is no such line.
bool read_source_line(const std::string& filename, int lineno, std::string* line);

// traceback_print.cpp: set by finalize_modules once sys.modules is empty.
// CPython's tb_displayline reads a source line through `import io`, which
// fails from then on (sys.meta_path is None), so tracebacks printed during
// the rest of the shutdown have no source lines; minipy shows the same.
extern bool tracebacks_without_source;

// atexitmodule.cpp: the module, and _PyAtExit_Call (runs the callbacks,
// last registered first; each exception reported and cleared).
[[nodiscard]] runtime::Ref<> atexit_module_create();
void atexit_call_callbacks();

}  // namespace minipy::vm
