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
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
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

// Text to sys.stderr (or the C stream when sys.stderr is unusable).
void write_stderr(const std::string& out)
{
    Ref<> text = unicode_from_utf8(out);
    if (!text || sys_write_text("stderr", text.get()) < 0) {
        error_clear();
        std::fwrite(out.data(), 1, out.size(), stderr);
    }
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
void format_exception_message(PrintContext& ctx, Object* value)
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
    std::string msg = safe_str(value, "<exception str() failed>");
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
        // print_exception_file_and_line: where the error is, then the line.
        if (se->filename && unicode_check(se->filename) && se->lineno && long_check(se->lineno)) {
            out += ctx.indented_margin() + "  File \"" + unicode_to_std(se->filename) + "\", line " +
                   safe_str(se->lineno, "?") + "\n";
            if (se->text && unicode_check(se->text)) {
                std::string text = unicode_to_std(se->text);
                std::size_t ws = text.find_first_not_of(" \t\f");
                if (ws == std::string::npos) ws = text.size();
                std::string stripped = text.substr(ws);
                if (!stripped.empty() && stripped.back() == '\n') stripped.pop_back();
                out += ctx.indented_margin() + "    " + stripped + "\n";
                long offset = se->offset && long_check(se->offset) ? long_as_long_long(se->offset) : -1;
                long end_offset =
                    se->end_offset && long_check(se->end_offset) ? long_as_long_long(se->end_offset) : -1;
                if (offset > 0) {
                    long col = offset - 1 - static_cast<long>(ws);
                    long n = end_offset > offset ? end_offset - offset : 1;
                    if (col >= 0)
                        out += ctx.indented_margin() + "    " + std::string(static_cast<std::size_t>(col), ' ') +
                               std::string(static_cast<std::size_t>(n), '^') + "\n";
                }
            }
            // The message then comes from se->msg rather than str(value).
            out += ctx.indented_margin() + "SyntaxError: " + (se->msg ? safe_str(se->msg, "") : std::string()) + "\n";
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
    sys_flush_streams();
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

int print_pending_exception()
{
    Ref<> exc = fetch_exception();
    if (!exc) return 0;
    if (object_type_check(exc.get(), Exc_SystemExit)) return handle_system_exit(exc.get());
    // _Py_UnhandledKeyboardInterrupt: after the traceback (and the atexit
    // callbacks) the process ends the way SIGINT ends it; finalize() does it.
    if (object_type_check(exc.get(), Exc_KeyboardInterrupt)) unhandled_keyboard_interrupt = true;
    // Standard output first, as CPython flushes it before writing stderr.
    sys_flush_streams();
    std::string out;
    PrintContext ctx(out);
    format_exception_recursive(ctx, exc.get());
    write_stderr(out);
    return 1;
}

void write_unraisable(const char* err_msg, Object* obj)
{
    Ref<> exc = fetch_exception();
    if (!exc) return;
    // write_unraisable_exc_file: the header, the traceback, then the
    // exception's type and str; unlike print_exception, ": " is written
    // even when str() is empty, and nothing it was chained to is shown.
    sys_flush_streams();
    std::string out = "Exception ignored ";
    out += err_msg ? err_msg : "in";
    if (obj) {
        Ref<> r = object_repr(obj);
        if (!r) error_clear();
        out += ": " + (r ? unicode_to_std(r.get()) : std::string("<object repr() failed>"));
    }
    out += "\n";
    Object* tb = exception_get_traceback(exc.get());
    if (tb && tb != Py_None()) {
        out += "Traceback (most recent call last):\n";
        traceback_format(tb, out);
    }
    TypeObject* type = Py_TYPE(exc.get());
    Ref<> modulename;
    if (object_lookup_attr(type, intern_str("__module__"), &modulename) < 0) error_clear();
    if (!modulename || !unicode_check(modulename.get())) out += "<unknown>.";
    else if (!unicode_equal_to_ascii(modulename.get(), "builtins"))
        out += unicode_to_std(modulename.get()) + ".";
    Ref<> qualname;
    if (object_lookup_attr(type, intern_str("__qualname__"), &qualname) < 0) error_clear();
    out += qualname && unicode_check(qualname.get()) ? unicode_to_std(qualname.get()) : "<unknown>";
    out += ": " + safe_str(exc.get(), "<exception str() failed>") + "\n";
    write_stderr(out);
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

// Sets the module attributes a module run as __main__ gets (runpy's
// _run_code), makes it sys.modules['__main__'] and runs code in it.
int run_code_as_main(Object* code, const std::string& filename, Object* package, const std::string& cached,
                     Object* spec)
{
    Ref<> main = module_new("__main__");
    if (!main) return print_pending_exception();
    Object* globals = module_get_dict(main.get());
    Ref<> file = unicode_from_utf8(filename);
    Ref<> cached_obj = cached.empty() ? none_ref() : unicode_from_utf8(cached);
    Ref<> annotations = dict_new();
    Object* builtins_module = dict_get_item_string(sys_modules(), "builtins");
    // add_main_module gives __main__ an empty __annotations__; a -c
    // command has no __file__ (stdin's is "<stdin>").
    bool has_file = filename != "<string>";
    if (!file || !cached_obj || !annotations ||
        dict_set_item_string(globals, "__annotations__", annotations.get()) < 0 ||
        (has_file && dict_set_item_string(globals, "__file__", file.get()) < 0) ||
        (has_file && dict_set_item_string(globals, "__cached__", cached_obj.get()) < 0) ||
        dict_set_item_string(globals, "__package__", package ? package : Py_None()) < 0 ||
        dict_set_item_string(globals, "__loader__", Py_None()) < 0 ||
        dict_set_item_string(globals, "__spec__", spec ? spec : Py_None()) < 0 ||
        dict_set_item_string(globals, "__builtins__", builtins_module) < 0 ||
        dict_set_item_string(sys_modules(), "__main__", main.get()) < 0)
        return print_pending_exception();
    Ref<> result = eval_code(code, globals, globals);
    if (!result) {
        if (spec) add_runpy_traceback_entries();  // run by -m
        return print_pending_exception();
    }
    return 0;
}

// "EXECUTABLE: message" and status 1: how runpy reports a module -m cannot run.
int runpy_error(const std::string& message)
{
    sys_flush_streams();
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

}  // namespace minipy::vm
