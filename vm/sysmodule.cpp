// sysmodule.cpp: a first sys module: argv, the standard streams, exit,
// modules, path, the recursion limit, exc_info.
// Mirrors a first part of CPython 3.11 Python/sysmodule.c, and stands in
// for Modules/_io's TextIOWrapper on the three standard streams until the
// io module exists. Book chapter 8.
//
// The streams write UTF-8 through C stdio (stdout is fully buffered unless
// it is a terminal, stderr unbuffered, as for python3.11), so output
// written by minipy and by C-level error reports keep their order.
#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

#include "ceval.h"
#include "import.h"
#include "pylifecycle.h"
#include "minipy/config.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

namespace {

// --- the standard streams --------------------------------------------------

struct StdStreamObject : Object {
    std::FILE* fp;
    const char* name;  // "<stdout>"
    const char* mode;
};

StdStreamObject* S(Object* op) { return static_cast<StdStreamObject*>(op); }

Ref<> stream_write(Object* self, Object* text)
{
    if (!unicode_check(text))
        return format_error(Exc_TypeError, "write() argument must be str, not %.100s", Py_TYPE(text)->tp_name);
    if (!S(self)->fp) return format_error(Exc_ValueError, "I/O operation on closed file.");
    Py_ssize_t size = 0;
    const char* utf8 = unicode_as_utf8(text, &size);
    if (!utf8) return nullptr;
    std::fwrite(utf8, 1, static_cast<std::size_t>(size), S(self)->fp);
    return long_from_ssize_t(unicode_length(text));
}

Ref<> stream_flush(Object* self, Object*)
{
    if (S(self)->fp && std::fflush(S(self)->fp) != 0) {
        int err = errno;
        std::clearerr(S(self)->fp);
        return format_error(Exc_OSError, "[Errno %d] %s", err, std::strerror(err));
    }
    return none_ref();
}

// close(): later writes raise ValueError; the C stream itself stays open
// (minipy's own error reports still need it), and closing twice is fine.
Ref<> stream_close(Object* self, Object*)
{
    if (S(self)->fp) std::fflush(S(self)->fp);
    S(self)->fp = nullptr;
    return none_ref();
}

Ref<> stream_get_closed(Object* self, void*) { return bool_from_long(S(self)->fp == nullptr); }

Ref<> stream_fileno(Object* self, Object*) { return long_from_long(S(self)->fp ? fileno(S(self)->fp) : -1); }

Ref<> stream_isatty(Object* self, Object*) { return bool_from_long(S(self)->fp && isatty(fileno(S(self)->fp))); }

Ref<> stream_repr(Object* self)
{
    return unicode_from_format("<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", S(self)->name,
                               S(self)->mode);
}

Ref<> stream_get_name(Object* self, void*) { return unicode_from_string(S(self)->name); }
Ref<> stream_get_encoding(Object*, void*) { return unicode_from_string("utf-8"); }

MethodDef stream_methods[] = {
    method_o("write", stream_write, "Write string to stream."),
    method_noargs("flush", stream_flush, "Flush the write buffers of the stream."),
    method_noargs("close", stream_close, "Flush and close the stream."),
    method_noargs("fileno", stream_fileno, "Return the underlying file descriptor."),
    method_noargs("isatty", stream_isatty, "Return whether this is an 'interactive' stream."),
    {},
};

GetSetDef stream_getsets[] = {
    {"name", stream_get_name, nullptr, nullptr, nullptr},
    {"encoding", stream_get_encoding, nullptr, nullptr, nullptr},
    {"closed", stream_get_closed, nullptr, nullptr, nullptr},
    {},
};

TypeObject StdStream_Type = [] {
    TypeObject t = static_type("_io.TextIOWrapper", sizeof(StdStreamObject), 0, Py_TPFLAGS_DEFAULT,
                               "Character and line based layer over a standard stream.");
    t.tp_dealloc = object_dealloc_memory;
    t.tp_repr = stream_repr;
    t.tp_methods = stream_methods;
    t.tp_getset = stream_getsets;
    return t;
}();

Ref<> stream_new(std::FILE* fp, const char* name, const char* mode)
{
    Ref<StdStreamObject> s = object_new<StdStreamObject>(&StdStream_Type);
    if (!s) return nullptr;
    s->fp = fp;
    s->name = name;
    s->mode = mode;
    return s;
}

// --- sys.implementation's namespace -------------------------------------------
// A types.SimpleNamespace: attributes in a __dict__, shown as
// namespace(name=value, ...) in insertion order.

struct NamespaceObject : Object {
    Object* ns_dict;
};

void namespace_dealloc(Object* op)
{
    clear_ref(static_cast<NamespaceObject*>(op)->ns_dict);
    object_dealloc_memory(op);
}

Ref<> namespace_repr(Object* op)
{
    Object* dict = static_cast<NamespaceObject*>(op)->ns_dict;
    std::string text = "namespace(";
    Py_ssize_t pos = 0;
    Object *key, *value;
    bool first = true;
    while (dict_next(dict, &pos, &key, &value)) {
        Ref<> r = object_repr(value);
        if (!r) return nullptr;
        text += (first ? "" : ", ") + unicode_to_std(key) + "=" + unicode_to_std(r.get());
        first = false;
    }
    return unicode_from_utf8(text + ")");
}

TypeObject Namespace_Type = [] {
    TypeObject t = static_type("types.SimpleNamespace", sizeof(NamespaceObject), 0, Py_TPFLAGS_DEFAULT,
                               "A simple attribute-based namespace.");
    t.tp_dealloc = namespace_dealloc;
    t.tp_repr = namespace_repr;
    t.tp_setattro = object_generic_set_attr;
    t.tp_dictoffset = offsetof(NamespaceObject, ns_dict);
    return t;
}();

// --- sys functions --------------------------------------------------------------

Ref<> sys_exit(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("exit", nargs, 0, 1)) return nullptr;
    set_error_object(Exc_SystemExit, nargs ? args[0] : nullptr);
    return nullptr;
}

Ref<> sys_getrecursionlimit(Object*, Object*) { return long_from_long(thread_state_get()->recursion_limit); }

Ref<> sys_setrecursionlimit(Object*, Object* arg)
{
    if (!long_check(arg)) return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                              Py_TYPE(arg)->tp_name);
    long long new_limit = long_as_long_long(arg);
    if (new_limit == -1 && error_occurred()) return nullptr;
    if (new_limit < 1) return format_error(Exc_ValueError, "recursion limit must be greater or equal than 1");
    ThreadState* ts = thread_state_get();
    int depth = ts->recursion_limit - ts->recursion_remaining;
    if (depth >= new_limit)
        return format_error(Exc_RecursionError,
                            "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                            new_limit, depth);
    ts->recursion_remaining += static_cast<int>(new_limit) - ts->recursion_limit;
    ts->recursion_limit = static_cast<int>(new_limit);
    return none_ref();
}

Ref<> sys_exception(Object*, Object*)
{
    Object* exc = get_handled_exception();
    return new_ref(exc ? exc : Py_None());
}

Ref<> sys_exc_info(Object*, Object*)
{
    Object* exc = get_handled_exception();
    if (!exc || exc == Py_None()) return tuple_pack({Py_None(), Py_None(), Py_None()});
    Object* tb = exception_get_traceback(exc);
    return tuple_pack({Py_TYPE(exc), exc, tb ? tb : Py_None()});
}

// sys.displayhook: what the interactive prompt (and PRINT_EXPR) does with
// a value: nothing for None; else repr(value) on sys.stdout, and the value
// kept in builtins._ (set to None first, so that repr() sees no stale one).
Ref<> sys_displayhook(Object*, Object* value)
{
    if (value == Py_None()) return none_ref();
    Object* builtins = interpreter_get()->builtins;
    if (!builtins) return format_error(Exc_RuntimeError, "lost builtins module");
    if (dict_set_item_string(builtins, "_", Py_None()) < 0) return nullptr;
    Object* sysdict = interpreter_get()->sysdict;
    Object* out = sysdict ? dict_get_item_string(sysdict, "stdout") : nullptr;
    if (!out || out == Py_None()) return format_error(Exc_RuntimeError, "lost sys.stdout");
    Ref<> text = object_repr(value);
    if (!text) return nullptr;
    Ref<> line = unicode_from_format("%U\n", text.get());
    if (!line || !call_method(out, "write", {line.get()})) return nullptr;
    if (dict_set_item_string(builtins, "_", value) < 0) return nullptr;
    return none_ref();
}

// sys._getframe([depth]): a running frame's frame object.
Ref<> sys_getframe(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("_getframe", nargs, 0, 1)) return nullptr;
    long long depth = 0;
    if (nargs == 1) {
        if (!long_check(args[0]))
            return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                Py_TYPE(args[0])->tp_name);
        depth = long_as_long_long(args[0]);
        if (depth == -1 && error_occurred()) return nullptr;
    }
    InterpreterFrame* frame = frame_get_caller(depth > INT_MAX ? INT_MAX : static_cast<int>(depth));
    if (!frame) return format_error(Exc_ValueError, "call stack is not deep enough");
    return frame_make_object(frame);
}

Ref<> sys_getrefcount(Object*, Object* arg) { return long_from_ssize_t(get_refcount(arg)); }

Ref<> sys_intern(Object*, Object* arg)
{
    if (!unicode_check_exact(arg))
        return format_error(Exc_TypeError, "intern() argument must be str, not %.50s", Py_TYPE(arg)->tp_name);
    Ref<> s = new_ref(arg);
    unicode_intern_in_place(&s);
    return s;
}

MethodDef sys_methods[] = {
    method_fast("exit", sys_exit, "Exit the interpreter by raising SystemExit(status)."),
    method_noargs("getrecursionlimit", sys_getrecursionlimit, "Return the current value of the recursion limit."),
    method_o("setrecursionlimit", sys_setrecursionlimit, "Set the maximum depth of the Python interpreter stack to n."),
    method_noargs("exception", sys_exception, "Return the current exception."),
    method_noargs("exc_info", sys_exc_info, "Return current exception information: (type, value, traceback)."),
    method_o("displayhook", sys_displayhook, "Print an object to sys.stdout and also save it in builtins._"),
    method_fast("_getframe", sys_getframe, "Return a frame object from the call stack."),
    method_o("getrefcount", sys_getrefcount, "Return the reference count of object."),
    method_o("intern", sys_intern, "``Intern'' the given string."),
    {},
};

}  // namespace

Ref<> sys_module_create(const std::vector<std::string>& argv)
{
    if (!(StdStream_Type.tp_flags & Py_TPFLAGS_READY) && type_ready(&StdStream_Type) < 0) return nullptr;
    Ref<> mod = module_new("sys");
    if (!mod) return nullptr;
    if (module_add_functions(mod.get(), sys_methods) < 0) return nullptr;
    Ref<> argv_list = list_new(0);
    if (!argv_list) return nullptr;
    for (const std::string& a : argv) {
        Ref<> s = unicode_from_utf8(a);
        if (!s || list_append(argv_list.get(), s.get()) < 0) return nullptr;
    }
    Ref<> modules = dict_new();
    Ref<> path = list_new(0);
    Ref<> out = stream_new(stdout, "<stdout>", "w");
    Ref<> err = stream_new(stderr, "<stderr>", "w");
    Ref<> in = stream_new(stdin, "<stdin>", "r");
    Ref<> version_info = [] {
        Ref<> major = long_from_long(MINIPY_PY_VERSION_MAJOR), minor = long_from_long(MINIPY_PY_VERSION_MINOR);
        Ref<> micro = long_from_long(7), serial = long_from_long(0), level = unicode_from_string("final");
        if (!major || !minor || !micro || !serial || !level) return Ref<>();
        return tuple_pack({major.get(), minor.get(), micro.get(), level.get(), serial.get()});
    }();
    Ref<> version = unicode_from_string(MINIPY_PY_VERSION " (minipy)");
    Ref<> maxsize = long_from_ssize_t(PTRDIFF_MAX);
    Ref<> platform = unicode_from_string("linux");
    Ref<> byteorder = unicode_from_string("little");
    if (!modules || !path || !out || !err || !in || !version_info || !version || !maxsize || !platform || !byteorder)
        return nullptr;
    struct Entry {
        const char* name;
        Object* value;
    };
    const Entry entries[] = {
        {"argv", argv_list.get()},   {"modules", modules.get()},       {"path", path.get()},
        {"stdout", out.get()},       {"stderr", err.get()},            {"stdin", in.get()},
        {"__stdout__", out.get()},   {"__stderr__", err.get()},        {"__stdin__", in.get()},
        {"version", version.get()},  {"version_info", version_info.get()}, {"maxsize", maxsize.get()},
        {"platform", platform.get()}, {"byteorder", byteorder.get()},
    };
    for (const Entry& e : entries)
        if (module_add_object(mod.get(), e.name, e.value) < 0) return nullptr;
    return mod;
}

namespace {

// The path of a file made absolute, with "." and ".." and symbolic links
// resolved, as CPython computes sys.path[0] from the script.
std::string real_path(const std::string& path)
{
    std::error_code ec;
    std::filesystem::path p = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
    return ec ? path : p.string();
}

// sys.path as Modules/getpath.py and pymain_run_python build it: the
// script's directory (the current directory for -m, '' for -c and stdin;
// nothing with -P/-I), then the PYTHONPATH entries (unless -E/-I), then
// minipy's own lib/ where its pure-Python modules live.
int sys_init_path(Object* sysdict, const RunConfig& config)
{
    Object* path = dict_get_item_string(sysdict, "path");
    if (!path || !list_check(path)) return 0;
    std::vector<std::string> entries;
    if (!config.safe_path) {
        if (!config.run_filename.empty() && config.run_filename != "-")
            entries.push_back(std::filesystem::path(real_path(config.run_filename)).parent_path().string());
        else if (!config.run_module.empty())
            entries.push_back(std::filesystem::current_path().string());
        else
            entries.push_back("");
    }
    const char* pythonpath = config.use_environment ? std::getenv("PYTHONPATH") : nullptr;
    if (pythonpath && *pythonpath) {
        std::string all = pythonpath;
        std::size_t start = 0;
        for (;;) {
            std::size_t colon = all.find(':', start);
            std::string entry = all.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
            // getpath.py makes each entry absolute; an empty one stays the cwd.
            if (!entry.empty()) entries.push_back(entry[0] == '/' ? entry : real_path(entry));
            if (colon == std::string::npos) break;
            start = colon + 1;
        }
    }
    entries.push_back(MINIPY_SOURCE_DIR "/lib");
    for (const std::string& e : entries) {
        Ref<> s = unicode_from_utf8(e);
        if (!s || list_append(path, s.get()) < 0) return -1;
    }
    return 0;
}

}  // namespace

Ref<> simple_namespace_new(Object* dict)
{
    if (!(Namespace_Type.tp_flags & Py_TPFLAGS_READY) && type_ready(&Namespace_Type) < 0) return nullptr;
    Ref<NamespaceObject> ns = object_new<NamespaceObject>(&Namespace_Type);
    if (!ns) return nullptr;
    ns->ns_dict = nullptr;
    Ref<> copy = dict ? dict_copy(dict) : dict_new();
    if (!copy) return nullptr;
    ns->ns_dict = copy.release();
    return ns;
}

int sys_set_config(Object* sysdict, const RunConfig& config)
{
    if (!(Namespace_Type.tp_flags & Py_TPFLAGS_READY) && type_ready(&Namespace_Type) < 0) return -1;
    // sys.executable: the running binary, as CPython finds it from argv[0].
    std::error_code ec;
    std::string exe = std::filesystem::read_symlink("/proc/self/exe", ec).string();
    Ref<> executable = unicode_from_utf8(ec ? std::string() : exe);
    Ref<> dont_write = new_ref(config.write_bytecode ? Py_False() : Py_True());
    Ref<> impl_obj = simple_namespace_new(nullptr);
    if (!executable || !impl_obj) return -1;
    auto* impl = static_cast<NamespaceObject*>(impl_obj.get());
    Ref<> name = unicode_from_string("minipy");
    Ref<> tag = unicode_from_string(CACHE_TAG);
    Ref<> hexversion = long_from_long((MINIPY_PY_VERSION_MAJOR << 24) | (MINIPY_PY_VERSION_MINOR << 16) | (7 << 8) | 0xf0);
    Object* version_info = dict_get_item_string(sysdict, "version_info");
    if (!name || !tag || !hexversion || dict_set_item_string(impl->ns_dict, "name", name.get()) < 0 ||
        dict_set_item_string(impl->ns_dict, "cache_tag", tag.get()) < 0 ||
        (version_info && dict_set_item_string(impl->ns_dict, "version", version_info) < 0) ||
        dict_set_item_string(impl->ns_dict, "hexversion", hexversion.get()) < 0)
        return -1;
    std::vector<std::string> sorted_names = {"builtins", "sys"};
    for_each_inittab([&](const char* n) { sorted_names.push_back(n); });
    std::sort(sorted_names.begin(), sorted_names.end());
    Ref<> names = list_new(0);
    if (!names) return -1;
    for (const std::string& n : sorted_names) {
        Ref<> s = unicode_from_utf8(n);
        if (!s || list_append(names.get(), s.get()) < 0) return -1;
    }
    Ref<> builtin_names = list_as_tuple(names.get());
    Ref<> maxunicode = long_from_long(0x10FFFF);
    if (!builtin_names || !maxunicode) return -1;
    // The original hook, kept for programs that replace sys.displayhook.
    if (Object* hook = dict_get_item_string(sysdict, "displayhook"))
        if (dict_set_item_string(sysdict, "__displayhook__", hook) < 0) return -1;
    if (dict_set_item_string(sysdict, "executable", executable.get()) < 0 ||
        dict_set_item_string(sysdict, "_base_executable", executable.get()) < 0 ||
        dict_set_item_string(sysdict, "dont_write_bytecode", dont_write.get()) < 0 ||
        dict_set_item_string(sysdict, "implementation", impl_obj.get()) < 0 ||
        dict_set_item_string(sysdict, "hexversion", hexversion.get()) < 0 ||
        dict_set_item_string(sysdict, "builtin_module_names", builtin_names.get()) < 0 ||
        dict_set_item_string(sysdict, "maxunicode", maxunicode.get()) < 0)
        return -1;
    return sys_init_path(sysdict, config);
}

int sys_write_text(const char* stream_name, Object* text)
{
    Object* sysdict = interpreter_get()->sysdict;
    Object* stream = sysdict ? dict_get_item_string(sysdict, stream_name) : nullptr;
    if (stream == Py_None()) return 0;  // e.g. sys.stderr = None: the output is dropped
    if (stream) {
        Ref<> r = call_method(stream, "write", {text});
        return r ? 0 : -1;
    }
    // No stream at all: write to the C stream directly.
    Py_ssize_t size = 0;
    const char* utf8 = unicode_as_utf8(text, &size);
    if (!utf8) return -1;
    std::fwrite(utf8, 1, static_cast<std::size_t>(size), std::string(stream_name) == "stdout" ? stdout : stderr);
    return 0;
}

void sys_flush_streams()
{
    Object* sysdict = interpreter_get()->sysdict;
    for (const char* name : {"stdout", "stderr"}) {
        Object* stream = sysdict ? dict_get_item_string(sysdict, name) : nullptr;
        if (stream && stream != Py_None()) {
            Ref<> r = call_method(stream, "flush");
            if (!r) error_clear();
        }
    }
    std::fflush(stdout);
    std::fflush(stderr);
}

}  // namespace minipy::vm
