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
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "ceval.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/marshal.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
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

// print_exception_message: "module.Type: message" (no module for builtins
// and __main__), then a suggestion for NameError/AttributeError.
void format_exception_message(Object* value, std::string& out)
{
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
    std::string suggestion = offer_suggestions(value);
    out += suggestion;
    out += "\n";
}

// print_exception_notes: each str in __notes__ on its own line.
void format_exception_notes(Object* value, std::string& out)
{
    Ref<> notes;
    if (object_lookup_attr(value, intern_str("__notes__"), &notes) < 0) {
        error_clear();
        return;
    }
    if (!notes) return;
    if (!sequence_check(notes.get()) || unicode_check(notes.get())) {
        Ref<> r = object_repr(notes.get());
        out += "<__notes__ repr() failed>";
        if (r) {
            out.resize(out.size() - std::strlen("<__notes__ repr() failed>"));
            out += unicode_to_std(r.get());
        }
        error_clear();
        out += "\n";
        return;
    }
    Ref<> list = sequence_list(notes.get());
    if (!list) {
        error_clear();
        return;
    }
    for (Py_ssize_t i = 0; i < list_size(list.get()); i++) {
        Object* note = list_item(list.get(), i);
        out += unicode_check(note) ? unicode_to_std(note) : safe_str(note, "<note str() failed>");
        out += "\n";
    }
}

// print_exception: one exception with its traceback.
void format_exception(Object* value, std::string& out)
{
    Object* tb = exception_get_traceback(value);
    if (tb && tb != Py_None()) {
        out += "Traceback (most recent call last):\n";
        traceback_format(tb, out);
    }
    if (object_type_check(value, Exc_SyntaxError)) {
        auto* se = static_cast<SyntaxErrorObject*>(value);
        // print_exception_file_and_line: where the error is, then the line.
        if (se->filename && unicode_check(se->filename) && se->lineno && long_check(se->lineno)) {
            out += "  File \"" + unicode_to_std(se->filename) + "\", line " + safe_str(se->lineno, "?") + "\n";
            if (se->text && unicode_check(se->text)) {
                std::string text = unicode_to_std(se->text);
                std::size_t ws = text.find_first_not_of(" \t\f");
                if (ws == std::string::npos) ws = text.size();
                std::string stripped = text.substr(ws);
                if (!stripped.empty() && stripped.back() == '\n') stripped.pop_back();
                out += "    " + stripped + "\n";
                long offset = se->offset && long_check(se->offset) ? long_as_long_long(se->offset) : -1;
                long end_offset =
                    se->end_offset && long_check(se->end_offset) ? long_as_long_long(se->end_offset) : -1;
                if (offset > 0) {
                    long col = offset - 1 - static_cast<long>(ws);
                    long n = end_offset > offset ? end_offset - offset : 1;
                    if (col >= 0) out += "    " + std::string(static_cast<std::size_t>(col), ' ') +
                                         std::string(static_cast<std::size_t>(n), '^') + "\n";
                }
            }
            // The message then comes from se->msg rather than str(value).
            out += "SyntaxError: " + (se->msg ? safe_str(se->msg, "") : std::string()) + "\n";
            return;
        }
    }
    format_exception_message(value, out);
    format_exception_notes(value, out);
}

// print_exception_recursive: the chain, oldest first.
void format_exception_recursive(Object* value, std::set<Object*>& seen, std::string& out)
{
    seen.insert(value);
    if (!exception_check(value)) {
        out += "TypeError: print_exception(): Exception expected for value, ";
        out += Py_TYPE(value)->tp_name;
        out += " found\n";
        return;
    }
    Object* cause = exception_get_cause(value);
    Object* context = exception_get_context(value);
    if (cause && cause != Py_None()) {
        if (!seen.count(cause)) {
            format_exception_recursive(cause, seen, out);
            out += "\nThe above exception was the direct cause of the following exception:\n\n";
        }
    }
    else if (context && context != Py_None() && !static_cast<BaseExceptionObject*>(value)->suppress_context) {
        if (!seen.count(context)) {
            format_exception_recursive(context, seen, out);
            out += "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
    }
    format_exception(value, out);
}

// _Py_HandleSystemExit: the exit status for a SystemExit instance.
int handle_system_exit(Object* value)
{
    Object* code = static_cast<SystemExitObject*>(value)->code;
    if (!code || code == Py_None()) return 0;
    if (long_check(code)) {
        long long v = long_as_long_long(code);
        if (v == -1 && error_occurred()) {
            error_clear();
            return 1;
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

int print_pending_exception()
{
    Ref<> exc = fetch_exception();
    if (!exc) return 0;
    if (object_type_check(exc.get(), Exc_SystemExit)) return handle_system_exit(exc.get());
    // Standard output first, as CPython flushes it before writing stderr.
    sys_flush_streams();
    std::string out;
    std::set<Object*> seen;
    format_exception_recursive(exc.get(), seen, out);
    Ref<> text = unicode_from_utf8(out);
    if (!text || sys_write_text("stderr", text.get()) < 0) {
        error_clear();
        std::fwrite(out.data(), 1, out.size(), stderr);
    }
    return 1;
}

namespace {

// sys.path[0] is the script's directory ('' for -c and stdin), then the
// PYTHONPATH entries (Modules/getpath.py's first steps).
void init_sys_path(const std::string& filename)
{
    Object* sysdict = interpreter_get()->sysdict;
    Object* path = sysdict ? dict_get_item_string(sysdict, "path") : nullptr;
    if (!path || !list_check(path) || list_size(path) > 0) return;
    std::vector<std::string> entries;
    if (filename.empty() || filename[0] == '<') {
        entries.push_back("");
    }
    else {
        std::size_t slash = filename.rfind('/');
        entries.push_back(slash == std::string::npos ? std::string(".") : filename.substr(0, slash == 0 ? 1 : slash));
    }
    if (const char* pythonpath = std::getenv("PYTHONPATH"); pythonpath && *pythonpath) {
        std::string all = pythonpath;
        std::size_t start = 0;
        for (;;) {
            std::size_t colon = all.find(':', start);
            std::string entry = all.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
            if (!entry.empty()) entries.push_back(entry);
            if (colon == std::string::npos) break;
            start = colon + 1;
        }
    }
    for (const std::string& e : entries) {
        Ref<> s = unicode_from_utf8(e);
        if (!s || list_append(path, s.get()) < 0) error_clear();
    }
}

}  // namespace

int run_main_code(Object* code, const std::string& filename)
{
    init_sys_path(filename);
    Ref<> main = module_new("__main__");
    if (!main) return print_pending_exception();
    Object* globals = module_get_dict(main.get());
    Ref<> file = unicode_from_utf8(filename);
    Object* builtins_module =
        dict_get_item_string(dict_get_item_string(interpreter_get()->sysdict, "modules"), "builtins");
    if (!file || dict_set_item_string(globals, "__file__", file.get()) < 0 ||
        dict_set_item_string(globals, "__cached__", Py_None()) < 0 ||
        dict_set_item_string(globals, "__builtins__", builtins_module) < 0 ||
        dict_set_item_string(sys_modules(), "__main__", main.get()) < 0)
        return print_pending_exception();
    Ref<> result = eval_code(code, globals, globals);
    if (!result) return print_pending_exception();
    return 0;
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
