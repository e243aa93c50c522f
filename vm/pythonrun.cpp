// pythonrun.cpp: running a compiled program as __main__, and displaying an
// uncaught exception.
// Mirrors CPython 3.11 Python/pythonrun.c (run_pyc_file, run_eval_code_obj,
// _PyErr_PrintEx, print_exception_recursive, print_exception,
// print_exception_message, _Py_HandleSystemExit) with the suggestions of
// Python/suggestions.c. Book chapter 8.
//
// An uncaught exception prints, on sys.stderr: the exceptions it was
// chained to first (its __cause__, or its __context__ unless suppressed),
// each followed by the sentence linking it to the next; then
// "Traceback (most recent call last):", the traceback entries, and
// "Type: message". A SystemExit is not printed: its code becomes the exit
// status (None: 0, an int: itself, anything else: printed, then 1).
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "ceval.h"
#include "import.h"
#include "pylifecycle.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/marshal.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/frameobject.h"
#include "minipy/runtime/traceback.h"
#include "minipy/compiler/compile.h"
#include "minipy/parser/parser.h"
#include "myreadline.h"
#include "minipy/vm/pythonrun.h"
#include "suggestions.h"

namespace minipy::vm {

using namespace runtime;

namespace {

// str(obj) as UTF-8, or the fallback when str() fails.
std::string safe_str(Object* obj, const char* fallback)
{
    Ref<> s = object_str(obj);
    if (!s) {
        error_clear();
        return fallback;
    }
    return unicode_to_std(s.get());
}

// A hook reached through the sys module: null when sys has no such name.
Object* sys_hook(const char* name)
{
    Object* sysdict = interpreter_get()->sysdict;
    return sysdict ? dict_get_item_string(sysdict, name) : nullptr;
}

// Text to sys.stderr (or the C stream when sys.stderr is unusable).
void write_stderr(const std::string& out)
{
    Ref<> text = unicode_from_utf8(out);
    if (!text || sys_write_text("stderr", text.get()) < 0) {
        error_clear();
        std::fwrite(out.data(), 1, out.size(), stderr);
    }
}

// flush_io: sys.stderr, then sys.stdout, errors ignored; a pending
// exception is kept.
void flush_io()
{
    Ref<> pending = fetch_exception();
    Object* sysdict = interpreter_get()->sysdict;
    for (const char* name : {"stderr", "stdout"}) {
        Object* stream = sysdict ? dict_get_item_string(sysdict, name) : nullptr;
        if (!stream || stream == Py_None()) continue;
        Ref<> keep = new_ref(stream);
        Ref<> r = call_method(stream, "flush");
        if (!r) error_clear();
    }
    if (pending) restore_exception(std::move(pending));
}

// exception_print_context: where the printer is in a tree of exception
// groups. Inside a group every line gets an indent of 2 per level and the
// "| " margin.
struct PrintContext {
    explicit PrintContext(std::string& o) : out(o) {}
    std::string& out;
    std::set<Object*> seen;
    int exception_group_depth = 0;
    bool need_close = false;
    static constexpr int max_group_width = 15;
    static constexpr int max_group_depth = 10;

    std::string indent() const { return std::string(static_cast<std::size_t>(2 * exception_group_depth), ' '); }
    std::string margin() const { return exception_group_depth ? "| " : ""; }
    std::string indented_margin() const { return indent() + margin(); }
};

// print_exception_message: "module.Type: message" (no module for builtins
// and __main__), then a suggestion for NameError/AttributeError.
void format_exception_message(PrintContext& ctx, Object* value, Object* message = nullptr)
{
    std::string& out = ctx.out;
    out += ctx.indented_margin();
    TypeObject* type = Py_TYPE(value);
    Ref<> modulename;
    if (object_lookup_attr(type, intern_str("__module__"), &modulename) < 0) error_clear();
    if (!modulename || !unicode_check(modulename.get())) {
        out += "<unknown>.";
    }
    else if (!unicode_equal_to_ascii(modulename.get(), "builtins") &&
             !unicode_equal_to_ascii(modulename.get(), "__main__")) {
        out += unicode_to_std(modulename.get()) + ".";
    }
    Ref<> qualname;
    if (object_lookup_attr(type, intern_str("__qualname__"), &qualname) < 0) error_clear();
    out += qualname && unicode_check(qualname.get()) ? unicode_to_std(qualname.get()) : "<unknown>";
    std::string msg = safe_str(message ? message : value, "<exception str() failed>");
    if (!msg.empty()) out += ": " + msg;
    out += offer_suggestions(value);
    out += "\n";
}

// print_exception_notes: each str in __notes__, line by line.
void format_exception_notes(PrintContext& ctx, Object* value)
{
    std::string& out = ctx.out;
    Ref<> notes;
    if (object_lookup_attr(value, intern_str("__notes__"), &notes) < 0) {
        error_clear();
        return;
    }
    if (!notes) return;
    auto write_lines = [&](const std::string& text) {
        std::size_t start = 0;
        for (;;) {
            std::size_t nl = text.find('\n', start);
            out += ctx.indented_margin() + text.substr(start, nl == std::string::npos ? std::string::npos : nl - start) + "\n";
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
    };
    if (!sequence_check(notes.get()) || unicode_check(notes.get())) {
        Ref<> r = object_repr(notes.get());
        if (!r) error_clear();
        write_lines(r ? unicode_to_std(r.get()) : "<__notes__ repr() failed>");
        return;
    }
    Ref<> list = sequence_list(notes.get());
    if (!list) {
        error_clear();
        return;
    }
    for (Py_ssize_t i = 0; i < list_size(list.get()); i++) {
        Object* note = list_item(list.get(), i);
        write_lines(unicode_check(note) ? unicode_to_std(note) : safe_str(note, "<note str() failed>"));
    }
}

// print_exception: one exception with its traceback.
void format_exception(PrintContext& ctx, Object* value)
{
    std::string& out = ctx.out;
    Object* tb = exception_get_traceback(value);
    if (tb && tb != Py_None()) {
        // print_exception_traceback: groups say so in their header, and the
        // outermost one opens its frame with "+ ".
        bool group = object_type_check(value, Exc_BaseExceptionGroup);
        std::string header_margin = group && ctx.exception_group_depth == 1 ? "+ " : ctx.margin();
        out += ctx.indent() + header_margin +
               (group ? "Exception Group Traceback (most recent call last):\n" : "Traceback (most recent call last):\n");
        traceback_format(tb, out, ctx.indented_margin());
    }
    if (object_type_check(value, Exc_SyntaxError)) {
        auto* se = static_cast<SyntaxErrorObject*>(value);
        // print_exception_file_and_line: where the error is, then the line
        // with its carets; the message is then se->msg, not str(value).
        if (se->filename && unicode_check(se->filename) && se->lineno && long_check(se->lineno)) {
            out += ctx.indented_margin() + "  File \"" + unicode_to_std(se->filename) + "\", line " +
                   safe_str(se->lineno, "?") + "\n";
            if (se->text && unicode_check(se->text)) {
                auto as_long = [](Object* v) -> long {
                    if (!v || !long_check(v)) return -1;
                    long long n = long_as_long_long(v);
                    if (n == -1 && error_occurred()) error_clear();
                    return static_cast<long>(n);
                };
                const std::string text = unicode_to_std(se->text);
                const long line_size = static_cast<long>(text.size());
                long end_offset = as_long(se->end_offset);
                // A location over several lines is highlighted to the end
                // of the first; never more carets than the line has.
                if (as_long(se->end_lineno) > as_long(se->lineno)) end_offset = line_size;
                if (end_offset > line_size + 1) end_offset = line_size + 1;
                // An IndentationError (TabError too) gets one caret, as in
                // python3.11, whatever its end_offset.
                if (object_type_check(value, Exc_IndentationError)) end_offset = -1;
                ctx.out += format_error_text(ctx.indented_margin(), as_long(se->offset), end_offset, text);
            }
            Ref<> msg = se->msg ? new_ref(se->msg) : unicode_from_string("");
            if (!msg) {
                error_clear();
                return;
            }
            format_exception_message(ctx, value, msg.get());
            return;
        }
    }
    format_exception_message(ctx, value);
    format_exception_notes(ctx, value);
}

void format_exception_recursive(PrintContext& ctx, Object* value);

// print_chained: an earlier exception of the chain, then the sentence.
void format_chained(PrintContext& ctx, Object* value, const char* message)
{
    bool need_close = ctx.need_close;
    format_exception_recursive(ctx, value);
    ctx.need_close = need_close;
    ctx.out += ctx.indented_margin() + "\n" + ctx.indented_margin() + message + ctx.indented_margin() + "\n";
}

// print_exception_group: the group, then each member in its numbered box.
void format_exception_group(PrintContext& ctx, Object* value)
{
    std::string& out = ctx.out;
    if (ctx.exception_group_depth > PrintContext::max_group_depth) {
        out += ctx.indented_margin() + "... (max_group_depth is " + std::to_string(PrintContext::max_group_depth) + ")\n";
        return;
    }
    if (ctx.exception_group_depth == 0) ctx.exception_group_depth += 1;
    format_exception(ctx, value);
    Object* excs = static_cast<BaseExceptionGroupObject*>(value)->excs;
    Py_ssize_t num_excs = tuple_size(excs);
    Py_ssize_t n = num_excs <= PrintContext::max_group_width ? num_excs : PrintContext::max_group_width + 1;
    ctx.need_close = false;
    for (Py_ssize_t i = 0; i < n; i++) {
        bool last_exc = i == n - 1;
        if (last_exc) ctx.need_close = true;  // the closing line may come from a nested call
        bool truncated = i >= PrintContext::max_group_width;
        out += ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " +
               (truncated ? std::string("...") : std::to_string(i + 1)) + " ----------------\n";
        ctx.exception_group_depth += 1;
        if (!truncated) {
            format_exception_recursive(ctx, tuple_item(excs, i));
        }
        else {
            Py_ssize_t remaining = num_excs - PrintContext::max_group_width;
            out += ctx.indented_margin() + "and " + std::to_string(remaining) + " more exception" +
                   (remaining > 1 ? "s" : "") + "\n";
        }
        if (last_exc && ctx.need_close) {
            out += ctx.indent() + "+------------------------------------\n";
            ctx.need_close = false;
        }
        ctx.exception_group_depth -= 1;
    }
    if (ctx.exception_group_depth == 1) ctx.exception_group_depth -= 1;
}

// print_exception_recursive: the chain, oldest first.
void format_exception_recursive(PrintContext& ctx, Object* value)
{
    ctx.seen.insert(value);
    if (!exception_check(value)) {
        ctx.out += ctx.indented_margin() + "TypeError: print_exception(): Exception expected for value, " +
                   Py_TYPE(value)->tp_name + " found\n";
        return;
    }
    Object* cause = exception_get_cause(value);
    Object* context = exception_get_context(value);
    if (cause && cause != Py_None()) {
        if (!ctx.seen.count(cause))
            format_chained(ctx, cause, "The above exception was the direct cause of the following exception:\n");
    }
    else if (context && context != Py_None() && !static_cast<BaseExceptionObject*>(value)->suppress_context) {
        if (!ctx.seen.count(context))
            format_chained(ctx, context, "During handling of the above exception, another exception occurred:\n");
    }
    if (object_type_check(value, Exc_BaseExceptionGroup)) format_exception_group(ctx, value);
    else format_exception(ctx, value);
}

// _Py_HandleSystemExit: the exit status for a SystemExit instance.
int handle_system_exit(Object* value)
{
    Object* code = static_cast<SystemExitObject*>(value)->code;
    if (!code || code == Py_None()) return 0;
    if (long_check(code)) {
        long long v = long_as_long_long(code);
        if (v == -1 && error_occurred()) {
            error_clear();  // too big for a C long: (int)-1, status 255
            return -1;
        }
        return static_cast<int>(v);
    }
    Ref<> text = object_str(code);
    if (!text) {
        error_clear();
        return 1;
    }
    Ref<> nl = unicode_from_format("%U\n", text.get());
    if (nl && sys_write_text("stderr", nl.get()) < 0) error_clear();
    return 1;
}

}  // namespace

bool unhandled_keyboard_interrupt = false;

namespace {

// config->inspect (-i, PYTHONINSPECT) while the program runs: a
// SystemExit then does not end the process (it is printed like any
// exception, and the interactive loop follows). The interactive session
// clears it (pymain_set_inspect(config, 0)) before $PYTHONSTARTUP and the
// loop, so sys.exit() there exits.
bool inspect_cleared = false;
bool inspecting() { return run_config().inspect && !inspect_cleared; }

// _PyErr_PrintEx(set_sys_last_vars=1): sys.last_type, last_value and
// last_traceback keep the exception for post-mortem inspection.
void set_sys_last_vars(Object* exc)
{
    Object* sysdict = interpreter_get()->sysdict;
    if (!sysdict) return;
    Object* tb = exception_get_traceback(exc);
    if (dict_set_item_string(sysdict, "last_type", Py_TYPE(exc)) < 0 ||
        dict_set_item_string(sysdict, "last_value", exc) < 0 ||
        dict_set_item_string(sysdict, "last_traceback", tb ? tb : Py_None()) < 0)
        error_clear();
}

}  // namespace

int print_pending_exception()
{
    Ref<> exc = fetch_exception();
    if (!exc) return 0;
    if (object_type_check(exc.get(), Exc_SystemExit) && !inspecting()) return handle_system_exit(exc.get());
    set_sys_last_vars(exc.get());
    // _Py_UnhandledKeyboardInterrupt: after the traceback (and the atexit
    // callbacks) the process ends the way SIGINT ends it; finalize() does it.
    if (object_type_check(exc.get(), Exc_KeyboardInterrupt)) unhandled_keyboard_interrupt = true;
    // sys.stdout is not flushed first: with a buffered stdout the traceback
    // comes before the program's output when both go to one pipe, as in
    // CPython (flush_std_files at exit writes it).
    // _PyErr_PrintEx: sys.excepthook(type, value, traceback). The default
    // hook is the printer below; another hook that fails is reported
    // before the original exception, a SystemExit from it exits.
    Object* hook = sys_hook("excepthook");
    if (hook && hook != sys_hook("__excepthook__")) {
        Object* tb = exception_get_traceback(exc.get());
        Ref<> hook_ref = new_ref(hook);
        Ref<> r = call_function_objargs(hook_ref.get(), {Py_TYPE(exc.get()), exc.get(), tb ? tb : Py_None()});
        if (r) return 1;
        Ref<> exc2 = fetch_exception();
        if (!exc2) return 1;
        if (object_type_check(exc2.get(), Exc_SystemExit)) return handle_system_exit(exc2.get());
        std::string out = "Error in sys.excepthook:\n";
        PrintContext ctx(out);
        format_exception_recursive(ctx, exc2.get());
        out += "\nOriginal exception was:\n";
        format_exception_recursive(ctx, exc.get());
        write_stderr(out);
        return 1;
    }
    if (!hook) std::fputs("sys.excepthook is missing\n", stderr);
    std::string out;
    PrintContext ctx(out);
    format_exception_recursive(ctx, exc.get());
    write_stderr(out);
    return 1;
}

int display_exception(Object* file, Object* exc)
{
    std::string out;
    PrintContext ctx(out);
    format_exception_recursive(ctx, exc);
    Ref<> text = unicode_from_utf8(out);
    if (!text) return -1;
    Ref<> r = call_method(file, "write", {text.get()});
    return r ? 0 : -1;
}

namespace {

// The type of an exception as the unraisable report names it:
// "module.Qualname", without the module for builtins.
void format_unraisable_type(std::string& out, Object* exc_type)
{
    Ref<> modulename;
    if (object_lookup_attr(exc_type, intern_str("__module__"), &modulename) < 0) error_clear();
    if (!modulename || !unicode_check(modulename.get())) out += "<unknown>.";
    else if (!unicode_equal_to_ascii(modulename.get(), "builtins"))
        out += unicode_to_std(modulename.get()) + ".";
    Ref<> qualname;
    if (object_lookup_attr(exc_type, intern_str("__qualname__"), &qualname) < 0) error_clear();
    out += qualname && unicode_check(qualname.get()) ? unicode_to_std(qualname.get()) : "<unknown>";
}

}  // namespace

void format_unraisable(std::string& out, Object* exc_type, Object* exc_value, Object* exc_tb, Object* err_msg,
                       Object* obj)
{
    // write_unraisable_exc_file: the header (the message and the object's
    // repr), the traceback, then the exception's type and str; unlike
    // print_exception, ": " is written even when str() is empty, and
    // nothing the exception was chained to is shown.
    const bool has_msg = err_msg && err_msg != Py_None();
    if (obj && obj != Py_None()) {
        out += has_msg ? safe_str(err_msg, "") + ": " : std::string("Exception ignored in: ");
        Ref<> r = object_repr(obj);
        if (!r) error_clear();
        out += r ? unicode_to_std(r.get()) : std::string("<object repr() failed>");
        out += "\n";
    }
    else if (has_msg) {
        out += safe_str(err_msg, "") + ":\n";
    }
    if (exc_tb && exc_tb != Py_None()) {
        out += "Traceback (most recent call last):\n";
        traceback_format(exc_tb, out);
    }
    if (!exc_type || exc_type == Py_None()) return;
    format_unraisable_type(out, exc_type);
    if (exc_value && exc_value != Py_None()) out += ": " + safe_str(exc_value, "<exception str() failed>");
    out += "\n";
}

void write_unraisable(const char* err_msg, Object* obj)
{
    Ref<> exc = fetch_exception();
    if (!exc) return;
    Object* tb = exception_get_traceback(exc.get());
    Ref<> msg = err_msg ? unicode_from_utf8(std::string("Exception ignored ") + err_msg) : none_ref();
    if (!msg) {
        error_clear();
        msg = none_ref();
    }
    // _PyErr_WriteUnraisableMsg: sys.unraisablehook(UnraisableHookArgs);
    // its default is written here directly, and so is a hook that fails,
    // reported with the hook as the object.
    Object* hook = sys_hook("unraisablehook");
    if (hook && hook != Py_None() && hook != sys_hook("__unraisablehook__")) {
        Ref<> args = unraisable_hook_args(Py_TYPE(exc.get()), exc.get(), tb ? tb : Py_None(), msg.get(),
                                          obj ? obj : Py_None());
        Ref<> r = args ? call_function_objargs(hook, {args.get()}) : Ref<>();
        if (r) return;
        Ref<> hook_ref = new_ref(hook);
        exc = fetch_exception();
        if (!exc) return;
        tb = exception_get_traceback(exc.get());
        Ref<> hook_msg = unicode_from_string("Exception ignored in sys.unraisablehook");
        std::string out;
        format_unraisable(out, Py_TYPE(exc.get()), exc.get(), tb, hook_msg.get(), hook_ref.get());
        write_stderr(out);
        return;
    }
    std::string out;
    format_unraisable(out, Py_TYPE(exc.get()), exc.get(), tb, msg.get(), obj);
    write_stderr(out);
}

int error_display(Object* exc_type, Object* value, Object* tb)
{
    (void)exc_type;  // the printer reads the type from the value, as 3.11's
    // _PyErr_Display: the traceback given is put on an exception that has
    // none, or it would not be shown.
    if (exception_check(value) && tb && traceback_check(tb) && !exception_get_traceback(value) &&
        exception_set_traceback(value, tb) < 0)
        return -1;
    Object* file = sys_hook("stderr");
    if (!file) {
        std::fputs("lost sys.stderr\n", stderr);
        return 0;
    }
    if (file == Py_None()) return 0;
    return display_exception(file, value);
}

namespace {

// The frames of runpy that python3.11's tracebacks show above a module run
// with -m ("<frozen runpy>", lines 198 and 88). minipy runs the module from
// C++, so it adds entries for them itself, so that the tracebacks read the
// same. Each is a frame object of a one-line function compiled at that line.
void add_runpy_traceback_entries()
{
    Ref<> exc = fetch_exception();
    struct Entry {
        const char* name;
        int line;
    };
    // Innermost first: each entry goes in front of the traceback.
    for (Entry e : {Entry{"_run_code", 88}, Entry{"_run_module_as_main", 198}}) {
        std::string source(static_cast<std::size_t>(e.line - 1), '\n');
        source += "def " + std::string(e.name) + "(): pass\n";
        Ref<> module_code = compiler::compile_source(source, "<frozen runpy>", compiler::CompileMode::Exec);
        Object* func_code = nullptr;
        if (module_code) {
            Object* consts = static_cast<CodeObject*>(module_code.get())->co_consts;
            for (Py_ssize_t i = 0; i < tuple_size(consts) && !func_code; i++)
                if (code_check(tuple_item(consts, i))) func_code = tuple_item(consts, i);
        }
        Ref<> frame = func_code ? frame_new_snapshot(func_code, interpreter_get()->builtins, interpreter_get()->builtins,
                                                     nullptr, 0)
                                : nullptr;
        if (!frame) {
            error_clear();
            break;
        }
        Object* old_tb = exception_get_traceback(exc.get());
        Ref<> tb = traceback_new(old_tb == Py_None() ? nullptr : old_tb, frame.get(), 0,
                                 static_cast<FrameObject*>(frame.get())->f_lineno);
        if (!tb || exception_set_traceback(exc.get(), tb.get()) < 0) {
            error_clear();
            break;
        }
    }
    restore_exception(std::move(exc));
}

// The end of _PyRun_SimpleFileObject's run: the __file__ and __cached__ it
// set are deleted again (missing ones are no error).
void delete_file_names(Object* globals)
{
    for (const char* name : {"__file__", "__cached__"}) {
        Ref<> key = unicode_from_string(name);
        if (!key || dict_del_item(globals, key.get()) < 0) error_clear();
    }
}

// Makes the module __main__ with the attributes a module run as __main__
// gets (add_main_module, runpy's _run_code) and registers it in
// sys.modules. An empty filename: no __file__ or __cached__ (-c, the
// interactive loop). nullptr with the error set on failure.
Ref<> make_main_module(const std::string& filename, Object* package, const std::string& cached, Object* spec)
{
    Ref<> main = module_new("__main__");
    if (!main) return nullptr;
    Object* globals = module_get_dict(main.get());
    Ref<> file = unicode_from_utf8(filename);
    Ref<> cached_obj = cached.empty() ? none_ref() : unicode_from_utf8(cached);
    Ref<> annotations = dict_new();
    Object* builtins_module = dict_get_item_string(sys_modules(), "builtins");
    // add_main_module gives __main__ an empty __annotations__.
    bool has_file = !filename.empty();
    if (!file || !cached_obj || !annotations ||
        dict_set_item_string(globals, "__annotations__", annotations.get()) < 0 ||
        (has_file && dict_set_item_string(globals, "__file__", file.get()) < 0) ||
        (has_file && dict_set_item_string(globals, "__cached__", cached_obj.get()) < 0) ||
        dict_set_item_string(globals, "__package__", package ? package : Py_None()) < 0 ||
        dict_set_item_string(globals, "__loader__", Py_None()) < 0 ||
        dict_set_item_string(globals, "__spec__", spec ? spec : Py_None()) < 0 ||
        dict_set_item_string(globals, "__builtins__", builtins_module) < 0 ||
        dict_set_item_string(sys_modules(), "__main__", main.get()) < 0)
        return nullptr;
    return main;
}

// Runs code in a fresh __main__ (see make_main_module); a -c command has
// no __file__ (stdin's is "<stdin>").
int run_code_as_main(Object* code, const std::string& filename, Object* package, const std::string& cached,
                     Object* spec)
{
    Ref<> main = make_main_module(filename == "<string>" ? std::string() : filename, package, cached, spec);
    if (!main) return print_pending_exception();
    Object* globals = module_get_dict(main.get());
    Ref<> result = eval_code(code, globals, globals);
    // _PyRun_SimpleFileObject flushes after a file (not after -c or -m).
    const bool simple_file = !spec && filename != "<string>";
    if (simple_file) flush_io();
    int status = 0;
    // A SystemExit that ends the process (no -i) leaves from inside
    // PyErr_Print in CPython, before the names below are deleted.
    bool exiting = false;
    if (!result) {
        if (spec) add_runpy_traceback_entries();  // run by -m
        exiting = error_matches(Exc_SystemExit) && !inspecting();
        status = print_pending_exception();
    }
    // _PyRun_SimpleFileObject set __file__ and __cached__ for the run only:
    // atexit callbacks, -i's prompt and __del__ methods at shutdown no
    // longer see them.
    if (simple_file && !exiting) delete_file_names(globals);
    return status;
}

// "EXECUTABLE: message" and status 1: how runpy reports a module -m cannot run.
int runpy_error(const std::string& message)
{
    Object* executable = dict_get_item_string(interpreter_get()->sysdict, "executable");
    std::string text = (executable && unicode_check(executable) ? unicode_to_std(executable) : "minipy") + ": " +
                       message + "\n";
    write_stderr(text);
    return 1;
}

// "Type: message" of the pending exception (clears it), for runpy's
// "Error while finding module specification" sentence.
std::string pending_error_summary()
{
    Ref<> exc = fetch_exception();
    if (!exc) return "";
    std::string msg = safe_str(exc.get(), "");
    std::string type_name = Py_TYPE(exc.get())->tp_name;
    type_name = type_name.substr(type_name.rfind('.') + 1);  // npos + 1 == 0
    return type_name + (msg.empty() ? "" : ": " + msg);
}

}  // namespace

int run_module(const std::string& name)
{
    // runpy._get_module_details, from the top: a relative name, then the
    // parent package (imported for real: its __init__ runs), then the spec.
    if (!name.empty() && name[0] == '.') return runpy_error("Relative module names not supported");
    std::string mod_name = name;
    for (int depth = 0;; depth++) {
        std::size_t dot = mod_name.rfind('.');
        Ref<> parent;
        if (dot != std::string::npos) {
            std::string pkg_name = mod_name.substr(0, dot);
            Ref<> pkg = unicode_from_utf8(pkg_name);
            parent = pkg ? import_module_level(pkg.get(), nullptr, nullptr, 0) : nullptr;
            if (!parent) {
                // A parent that is missing (ImportError) says so in the
                // "finding the specification" sentence; other errors escape.
                if (!error_matches(Exc_ImportError)) return print_pending_exception();
                std::string why = pending_error_summary();
                return runpy_error("Error while finding module specification for '" + mod_name + "' (" + why + ")");
            }
            // import_module_level returned the top-level package: walk down.
            Object* modules = sys_modules();
            Object* m = dict_get_item_string(modules, pkg_name.c_str());
            parent = m ? new_ref(m) : parent;
            // importlib.util.find_spec's wording for a parent that is no package.
            Ref<> parent_path;
            if (object_lookup_attr(parent.get(), intern_str("__path__"), &parent_path) < 0) error_clear();
            if (!parent_path)
                return runpy_error("Error while finding module specification for '" + mod_name +
                                   "' (ModuleNotFoundError: __path__ attribute not found on '" + pkg_name +
                                   "' while trying to find '" + mod_name + "')");
        }
        ModuleLocation where;
        int found = find_module_location(mod_name, parent.get(), &where);
        if (found < 0) {
            std::string why = pending_error_summary();
            return runpy_error("Error while finding module specification for '" + mod_name + "' (" + why + ")");
        }
        if (found == 0) {
            if (depth > 0) {
                std::string pkg_name = mod_name.substr(0, mod_name.rfind('.'));
                return runpy_error("No module named " + mod_name + "; '" + pkg_name +
                                   "' is a package and cannot be directly executed");
            }
            return runpy_error("No module named " + mod_name);
        }
        if (where.is_package()) {
            if (depth > 0)
                return runpy_error("Cannot use package as __main__ module");
            // A package runs its __main__ submodule; importing the
            // package first runs its __init__.
            Ref<> pkg = unicode_from_utf8(mod_name);
            Ref<> imported = pkg ? import_module_level(pkg.get(), nullptr, nullptr, 0) : nullptr;
            if (!imported) {
                if (!error_matches(Exc_ImportError)) return print_pending_exception();
                std::string why = pending_error_summary();
                return runpy_error("Error while finding module specification for '" + mod_name + ".__main__' (" +
                                   why + ")");
            }
            mod_name += ".__main__";
            continue;
        }
        // Found: sys.argv[0] becomes the file, and the code runs as __main__
        // with the package of the real module name.
        Object* argv = dict_get_item_string(interpreter_get()->sysdict, "argv");
        Ref<> file = unicode_from_utf8(where.filename);
        if (!file) return print_pending_exception();
        if (argv && list_check(argv) && list_size(argv) > 0) {
            Object* old = list_item(argv, 0);
            list_set_item(argv, 0, file.release());
            decref(old);
        }
        std::string cached;
        Ref<> code = load_module_code(mod_name, where, &cached);
        if (!code) return print_pending_exception();
        std::size_t last_dot = mod_name.rfind('.');
        Ref<> package = unicode_from_utf8(last_dot == std::string::npos ? std::string() : mod_name.substr(0, last_dot));
        Ref<> spec = module_spec_new(mod_name, where, cached);
        if (!package || !spec) return print_pending_exception();
        return run_code_as_main(code.get(), where.filename, package.get(), cached, spec.get());
    }
}

int run_main_code(Object* code, const std::string& filename)
{
    return run_code_as_main(code, filename, nullptr, "", nullptr);
}

bool maybe_pyc_file(const std::string& filename)
{
    if (filename.size() >= 4 && filename.compare(filename.size() - 4, 4, ".pyc") == 0) return true;
    std::ifstream in(filename, std::ios::binary);
    char magic[2] = {0, 0};
    if (!in.read(magic, 2)) return false;
    // Only the 2-byte magic number: the \r\n after it may be mangled.
    return static_cast<unsigned char>(magic[0]) == (PYC_MAGIC_NUMBER & 0xff) &&
           static_cast<unsigned char>(magic[1]) == ((PYC_MAGIC_NUMBER >> 8) & 0xff);
}

int run_pyc_file(const std::string& filename)
{
    Ref<> code = pyc_read_file(filename);
    if (!code) return print_pending_exception();
    return run_main_code(code.get(), filename);
}

// --- the interactive loop ------------------------------------------------------
//
// PyRun_InteractiveLoopFlags reads one statement at a time from stdin and
// runs it in __main__ (PyRun_InteractiveOneObjectEx), until end of input.
// CPython's tokenizer reads the lines lazily: it prompts with sys.ps1 for
// the first line of a statement and with sys.ps2 whenever the parser wants
// a token past the lines read. minipy gets the same prompts by parsing the
// lines read so far again after each line, with the tokenizer in
// interactive mode: when it wanted more text (ParseResult::incomplete),
// another line is read; otherwise the parse stands, exactly as it would
// have with the rest of the input behind it. A statement is compiled in
// 'single' mode, so expression statements go through sys.displayhook.

namespace {

// str(sys.NAME) as UTF-8; "" when it is missing or str() fails.
std::string sys_prompt(const char* name)
{
    Object* sysdict = interpreter_get()->sysdict;
    Object* value = sysdict ? dict_get_item_string(sysdict, name) : nullptr;
    if (!value) return "";
    Ref<> text = object_str(value);
    if (!text) {
        error_clear();
        return "";
    }
    return unicode_to_std(text.get());
}

// PySys_WriteStderr of a fixed text.
void sys_write_stderr(const char* text)
{
    Ref<> s = unicode_from_string(text);
    if (!s || sys_write_text("stderr", s.get()) < 0) error_clear();
}

// The globals the loop runs in: __main__'s, made if no program made it.
Object* main_globals()
{
    Object* main = dict_get_item_string(sys_modules(), "__main__");
    if (main && module_check(main)) return module_get_dict(main);
    Ref<> made = make_main_module("", nullptr, "", nullptr);
    return made ? module_get_dict(made.get()) : nullptr;
}

enum class OneResult { Ok, Error, Eof };

// PyRun_InteractiveOneObjectEx: reads, compiles and runs one statement.
// Error: the exception is pending (the caller prints it).
OneResult run_interactive_one()
{
    Object* globals = main_globals();
    if (!globals) return OneResult::Error;
    // Both prompts are read once per statement, as CPython does.
    const std::string ps1 = sys_prompt("ps1");
    const std::string ps2 = sys_prompt("ps2");
    std::string source;
    parser::ParseOptions options;
    options.start = parser::StartRule::SINGLE_INPUT;
    options.interactive = true;
    parser::ParseResult parsed;
    bool at_eof = false;
    for (;;) {
        std::string line;
        ReadlineStatus status = os_readline(source.empty() ? ps1 : ps2, &line);
        if (status == ReadlineStatus::Interrupt) {
            // E_INTR: the tokenizer ends the prompt's line, and the
            // statement read so far is dropped.
            sys_write_stderr("\n");
            set_error_none(Exc_KeyboardInterrupt);
            return OneResult::Error;
        }
        if (status == ReadlineStatus::Eof) {
            // E_EOF: tok_underflow_interactive ends the prompt's line.
            sys_write_stderr("\n");
            if (source.empty()) return OneResult::Eof;
            at_eof = true;
        }
        source += line;
        parsed = parser::parse_source(source, "<stdin>", options);
        // A last line without its newline: the tokenizer wants the end of
        // the line, which only the next read (end of input) can give.
        const bool partial_line = !at_eof && !line.empty() && line.back() != '\n';
        if ((!parsed.incomplete && !partial_line) || at_eof) break;
    }
    if (!parsed.mod) {
        if (parsed.error) compiler::raise_syntax_error(*parsed.error);
        else if (parsed.exception.rfind("RecursionError", 0) == 0)
            set_error(Exc_RecursionError, "maximum recursion depth exceeded during compilation");
        else error_no_memory();
        return OneResult::Error;
    }
    // No source text for the compiler's own SyntaxErrors: CPython reads
    // their line back from the file "<stdin>", which does not exist.
    Ref<> code = compiler::compile_ast(parsed.mod, "<stdin>", -1, parsed.arena.get());
    if (!code) return OneResult::Error;
    // run_eval_code_obj: each statement starts with no pending interrupt report.
    unhandled_keyboard_interrupt = false;
    Ref<> result = eval_code(code.get(), globals, globals);
    flush_io();
    return result ? OneResult::Ok : OneResult::Error;
}

}  // namespace

int run_interactive_loop()
{
    inspect_cleared = true;
    unhandled_keyboard_interrupt = false;
    // _PyRun_InteractiveLoopObject: the default prompts, unless set before.
    Object* sysdict = interpreter_get()->sysdict;
    for (auto [name, text] : {std::pair{"ps1", ">>> "}, std::pair{"ps2", "... "}}) {
        if (dict_get_item_string(sysdict, name)) continue;
        Ref<> s = unicode_from_string(text);
        if (!s || dict_set_item_string(sysdict, name, s.get()) < 0) error_clear();
    }
    int nomem_count = 0;
    for (;;) {
        OneResult r = run_interactive_one();
        if (r == OneResult::Eof) break;
        if (r == OneResult::Ok) {
            nomem_count = 0;
            continue;
        }
        // Prevent an endless loop after repeated MemoryErrors, while still
        // allowing one statement to fail with a MemoryError.
        if (error_matches(Exc_MemoryError)) {
            if (++nomem_count > 16) {
                error_clear();
                return 1;
            }
        }
        else {
            nomem_count = 0;
        }
        // PyErr_Print: SystemExit ends the process here (Py_Exit).
        if (error_matches(Exc_SystemExit)) return print_pending_exception();
        print_pending_exception();
        unhandled_keyboard_interrupt = false;
        flush_io();
    }
    return 0;
}

int run_startup_file()
{
    // pymain_run_startup: $PYTHONSTARTUP runs in __main__ before the first
    // prompt, named as given; __file__ is set meanwhile if __main__ had
    // none. Its errors are printed and the loop starts anyway.
    inspect_cleared = true;
    if (!run_config().use_environment) return -1;
    const char* startup = std::getenv("PYTHONSTARTUP");
    if (!startup || !*startup) return -1;
    std::ifstream in(startup, std::ios::binary);
    if (!in) {
        int err = errno;
        sys_write_stderr("Could not open PYTHONSTARTUP\n");
        // PyErr_SetFromErrnoWithFilenameObjects: OSError(errno, strerror,
        // filename), which OSError turns into the errno's subclass.
        Ref<> name = unicode_from_utf8(startup);
        Ref<> code = long_from_long(err);
        Ref<> reason = unicode_from_string(std::strerror(err));
        Ref<> args = name && code && reason ? tuple_pack({code.get(), reason.get(), name.get()}) : nullptr;
        Ref<> exc = args ? object_call(Exc_OSError, args.get(), nullptr) : nullptr;
        if (exc) set_error_object(Py_TYPE(exc.get()), exc.get());
        if (error_matches(Exc_SystemExit)) return print_pending_exception();
        print_pending_exception();
        return -1;
    }
    std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Object* globals = main_globals();
    if (!globals) return print_pending_exception();
    bool set_file_name = false;
    Ref<> file = unicode_from_utf8(startup);
    if (!file) return print_pending_exception();
    if (!dict_get_item_string(globals, "__file__")) {
        if (dict_set_item_string(globals, "__file__", file.get()) < 0 ||
            dict_set_item_string(globals, "__cached__", Py_None()) < 0)
            return print_pending_exception();
        set_file_name = true;
    }
    int status = -1;
    Ref<> code = compiler::compile_source(source, startup, compiler::CompileMode::Exec);
    Ref<> result = code ? eval_code(code.get(), globals, globals) : nullptr;
    flush_io();
    if (!result) {
        if (error_matches(Exc_SystemExit)) status = print_pending_exception();
        else print_pending_exception();
    }
    if (set_file_name) delete_file_names(globals);
    return status;
}

std::string format_error_text(const std::string& margin, long offset, long end_offset, const std::string& text_obj)
{
    const long caret_repetitions = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    const char* text = text_obj.c_str();
    offset--;  // to 0-based
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    long len = static_cast<long>(std::strlen(text));
    if (len > 0 && text[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    for (;;) {  // skip past newlines embedded in the text
        const char* nl = std::strchr(text, '\n');
        if (nl == nullptr) break;
        long inl = nl - text;
        if (inl >= offset) break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    std::string out = margin + "    " + text;
    if (text[len] != '\n') out += "\n";
    if (offset < 0) return out;  // the caret would point left of the text
    out += margin + "    " + std::string(static_cast<std::size_t>(offset), ' ') +
           std::string(static_cast<std::size_t>(caret_repetitions), '^') + "\n";
    return out;
}

}  // namespace minipy::vm
