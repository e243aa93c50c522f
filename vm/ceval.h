// ceval.h: what the vm's files share: entering the eval loop, calls,
// the builtins and sys modules, imports. Private to the vm stage.
// Mirrors the internal headers CPython 3.11 uses between Python/*.c
// (pycore_ceval.h, pycore_pylifecycle.h, pycore_import.h). Book chapter 8.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include "frame.h"
#include "minipy/runtime/object.h"
#include "minipy/runtime/pystate.h"

namespace minipy::vm {

using runtime::Py_ssize_t;
using runtime::Ref;
using runtime::ThreadState;

// Set (from a signal handler) when SIGINT arrived; the loop's eval breaker
// turns it into KeyboardInterrupt (Modules/signalmodule.c's is_tripped).
extern std::atomic<bool> sigint_pending;

// _PyEval_EvalFrameDefault: runs frame (already pushed and initialized)
// and every frame it calls until frame returns. Pops frame. Null with an
// exception set when it raised.
[[nodiscard]] Ref<> eval_frame(ThreadState* ts, InterpreterFrame* frame, bool throwflag);

// _PyEvalFramePushAndInit: pushes a frame for func and binds the arguments
// (args: argcount positionals, then one value per kwnames entry; borrowed)
// to its parameters. Null with CPython's TypeError for a bad call.
[[nodiscard]] InterpreterFrame* push_and_init_frame(FunctionObject* func, Object* locals, Object* const* args,
                                                    Py_ssize_t argcount, Object* kwnames);

// _PyEval_Vector: calls func with locals (null for functions) from C.
[[nodiscard]] Ref<> eval_vector(FunctionObject* func, Object* locals, Object* const* args, Py_ssize_t argcount,
                                Object* kwnames);

// PyEval_EvalCode: runs a module or class body code object.
[[nodiscard]] Ref<> eval_code(Object* code, Object* globals, Object* locals);

// _PyObject_GetMethod: *method gets the attribute; returns true when it is
// an unbound method that wants obj as its first argument.
[[nodiscard]] bool object_get_method(Object* obj, Object* name, Ref<>* method);

// An interned str for a C string literal (borrowed, lives forever); keyed
// by the literal's address, so pass literals only.
Object* intern_str(const char* literal);
// _PyObject_FunctionStr: "f()", or "module.f()" outside builtins, for
// the messages of bad calls.
[[nodiscard]] Ref<> function_str(Object* func);

// bltinmodule.cpp / sysmodule.cpp: the two modules the vm provides.
[[nodiscard]] Ref<> builtins_module_create();
// init_set_builtins_open: builtins.open becomes _io.open (imported through
// the inittab), once sys and the import system exist. 0 or -1.
[[nodiscard]] int builtins_set_open();
[[nodiscard]] Ref<> sys_module_create(const std::vector<std::string>& argv);
// sys.stdout / sys.stderr writes for print() and tracebacks: writes text to
// the named stream object of sys (falls back to the C stream).
[[nodiscard]] int sys_write_text(const char* stream_name, Object* text);
// flush_std_files without the error reporting: sys.stdout.flush() and
// sys.stderr.flush(), errors ignored, a pending exception kept. For C++
// code about to write to the C stdio streams directly (fatal errors, the
// REPL's prompt), whose output must come after what Python code wrote.
void sys_flush_streams();

// ceval_exceptions.cpp: raising and matching exceptions, the exception table.
// do_raise: 1 for a bare `raise` (re-raised as is), 0 when it set a new
// exception (or an error). Steals exc and cause.
int do_raise(ThreadState* ts, Object* exc, Object* cause);
[[nodiscard]] bool check_except_type_valid(Object* right);
[[nodiscard]] bool check_except_star_type_valid(Object* right);
// get_exception_handler: the entry of co_exceptiontable covering the
// instruction at index (code units).
bool get_exception_handler(CodeObject* co, int index, int* level, int* handler, int* lasti);
// CHECK_EG_MATCH's split: -1 on error.
[[nodiscard]] int exception_group_match(Object* exc_value, Object* match_type, Ref<>* match, Ref<>* rest);
// _PyExc_PrepReraiseStar: what an except* statement re-raises (None: nothing).
[[nodiscard]] Ref<> prep_reraise_star(Object* orig, Object* excs);

// ceval_async.cpp: BEFORE_WITH / BEFORE_ASYNC_WITH return mgr.__enter__()
// (or __aenter__()) and store mgr.__exit__ (or __aexit__), bound, in
// *exit_out; GET_AWAITABLE, GET_AITER, GET_ANEXT return the iterator the
// instruction pushes. Null with an error on failure.
[[nodiscard]] Ref<> before_with(Object* mgr, Object** exit_out, bool async);
[[nodiscard]] Ref<> get_awaitable(Object* obj, int oparg);
[[nodiscard]] Ref<> get_aiter(Object* obj);
[[nodiscard]] Ref<> get_anext(Object* aiter);

// ceval_match.cpp: MATCH_KEYS and MATCH_CLASS; null without an error when
// the subject does not match.
[[nodiscard]] Ref<> match_keys(Object* subject, Object* keys);
[[nodiscard]] Ref<> match_class(Object* subject, Object* type, int nargs, Object* kwargs);

// traceback_print.cpp: appends the entries of a traceback (without the
// "Traceback (most recent call last):" header) as python3.11 prints them,
// each line after `margin` (the "  | " of exception groups).
void traceback_format(Object* tb, std::string& out, const std::string& margin = {});
// The _traceback module (minipy's): see traceback_print.cpp.
[[nodiscard]] Ref<> traceback_module_create();

// import.cpp: IMPORT_NAME's work (PyImport_ImportModuleLevelObject).
[[nodiscard]] Ref<> import_module_level(Object* name, Object* globals, Object* fromlist, int level);
[[nodiscard]] Ref<> import_from(Object* module, Object* name);
[[nodiscard]] int import_all_from(Object* locals, Object* module);
// sys.modules (borrowed).
Object* sys_modules();

}  // namespace minipy::vm
