// pylifecycle_stdio.cpp: sys.stdin, sys.stdout and sys.stderr as io
// objects (init_sys_streams, create_stdio), and the configuration that
// chooses their encoding and error handler (config_init_stdio_encoding).
// Mirrors the stdio part of CPython 3.11 Python/pylifecycle.c and of
// Python/initconfig.c. Book chapter 8 (start-up) and 12 (io).
//
// Each stream is the stack io.open builds:
//     TextIOWrapper(BufferedWriter|BufferedReader(FileIO(fd, closefd=False)))
// with CPython's settings:
//   * the FileIO is named "<stdout>" (the buffered and text layers report
//     their raw object's name), the text layer's mode is "w" or "r";
//   * newline="\n": nothing is translated on POSIX;
//   * stdout is line buffered when it is a terminal, stderr always;
//   * -u (buffered_stdio false): stdout and stderr have no buffered layer
//     (the text layer sits on the FileIO) and write_through is set, so
//     every write reaches the file descriptor at once; stdin keeps its
//     BufferedReader;
//   * a file descriptor that is not open (`<&-`) gives None.
// Output therefore waits in the streams' buffers until a flush, exactly as
// in CPython: C++ code that writes to the C stdio streams directly (fatal
// errors) flushes the Python streams first (sys_flush_streams).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <locale.h>
#include <string>
#include <unistd.h>

#include "ceval.h"
#include "import.h"
#include "pylifecycle.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

namespace {

// The LC_CTYPE locale setlocale(LC_CTYPE, "") would select: the first of
// LC_ALL, LC_CTYPE, LANG that is set, or "C" when it names no installed
// locale (setlocale then fails and the C locale stays).
std::string ctype_locale_name()
{
    const char* name = nullptr;
    for (const char* var : {"LC_ALL", "LC_CTYPE", "LANG"}) {
        const char* v = std::getenv(var);
        if (v && *v) {
            name = v;
            break;
        }
    }
    if (!name) return "C";
    locale_t loc = newlocale(LC_CTYPE_MASK, name, static_cast<locale_t>(nullptr));
    if (!loc) return "C";
    freelocale(loc);
    return name;
}

// config_get_stdio_errors: "surrogateescape" in UTF-8 mode, in the C and
// POSIX locales and in the locales PEP 538 coerces them to; else "strict".
const char* default_stdio_errors()
{
    const std::string loc = ctype_locale_name();
    for (const char* name : {"C", "POSIX", "C.UTF-8", "C.utf8", "UTF-8"})
        if (loc == name) return "surrogateescape";
    return "strict";
}

bool utf8_mode()
{
    Object* flags = dict_get_item_string(interpreter_get()->sysdict, "flags");
    Ref<> mode = flags ? object_get_attr_string(flags, "utf8_mode") : nullptr;
    if (!mode) {
        error_clear();
        return false;
    }
    return object_is_true(mode.get()) == 1;
}

// The stdio encoding and error handler (PyConfig.stdio_encoding and
// stdio_errors): PYTHONIOENCODING="ENCODING[:ERRORS]" (unless -E), where an
// encoding without an error handler means "strict"; else the locale's
// encoding (UTF-8 here: the C locale is coerced to C.UTF-8) with
// config_get_stdio_errors' handler.
struct StdioConfig {
    std::string encoding;
    std::string errors;
};

StdioConfig stdio_config(const RunConfig& config)
{
    StdioConfig c;
    const char* env = config.use_environment ? std::getenv("PYTHONIOENCODING") : nullptr;
    if (env && *env) {
        std::string text = env;
        std::size_t colon = text.find(':');
        c.encoding = text.substr(0, colon);
        if (colon != std::string::npos) c.errors = text.substr(colon + 1);
        else if (!c.encoding.empty()) c.errors = "strict";
    }
    if (c.encoding.empty()) c.encoding = "utf-8";
    if (c.errors.empty()) c.errors = utf8_mode() ? "surrogateescape" : default_stdio_errors();
    return c;
}

// config_get_codec_name: the codec's own name for the encoding
// (codecs.lookup(name).name: "latin-1" is "iso8859-1"). Without a codecs
// module the name is kept as given.
// Null with LookupError for an unknown encoding.
Ref<> codec_name(const std::string& encoding)
{
    Ref<> name = unicode_from_utf8(encoding);
    // The locale's "utf-8" is already the codec's name: start-up imports
    // no codecs module for it.
    if (!name || encoding == "utf-8") return name;
    Ref<> modname = unicode_from_string("codecs");
    Ref<> codecs = modname ? import_module_level(modname.get(), nullptr, nullptr, 0) : nullptr;
    if (!codecs) {
        // Without the codec registry: the built-in codecs' check, which
        // raises "LookupError: unknown encoding: NAME" as lookup() would.
        error_clear();
        Ref<> empty = unicode_from_string("");
        Ref<> probe = empty ? call_method(empty.get(), "encode", {name.get()}) : nullptr;
        return probe ? name : nullptr;
    }
    Ref<> info = call_method(codecs.get(), "lookup", {name.get()});
    if (!info) return nullptr;
    return object_get_attr_string(info.get(), "name");
}

bool is_valid_fd(int fd) { return fcntl(fd, F_GETFD) >= 0; }

// create_stdio: one standard stream over file descriptor fd, or None when
// fd is not open.
Ref<> create_stdio(const RunConfig& config, Object* io, int fd, bool write_mode, const char* name,
                   Object* encoding, const char* errors)
{
    if (!is_valid_fd(fd)) return none_ref();
    // Only the output streams lose their buffer under -u: reading stdin a
    // byte at a time would gain nothing.
    const long buffering = !config.buffered_stdio && write_mode ? 0 : -1;
    Ref<> fdobj = long_from_long(fd);
    Ref<> mode = unicode_from_string(write_mode ? "wb" : "rb");
    Ref<> buffering_obj = long_from_long(buffering);
    if (!fdobj || !mode || !buffering_obj) return nullptr;
    Ref<> open = object_get_attr_string(io, "open");
    Ref<> buf = open ? call_function_objargs(open.get(), {fdobj.get(), mode.get(), buffering_obj.get(), Py_None(),
                                                          Py_None(), Py_None(), Py_False()})
                     : nullptr;
    if (!buf) return nullptr;
    Ref<> raw = buffering ? object_get_attr_string(buf.get(), "raw") : new_ref(buf.get());
    Ref<> text_name = unicode_from_string(name);
    if (!raw || !text_name || object_set_attr_string(raw.get(), "name", text_name.get()) < 0) return nullptr;
    // Line buffering for a terminal, and always for stderr (since 3.9),
    // unless -u already writes everything through.
    bool line_buffering = false;
    if (config.buffered_stdio) {
        Ref<> tty = call_method(raw.get(), "isatty");
        if (!tty) return nullptr;
        line_buffering = object_is_true(tty.get()) == 1 || fd == 2;
    }
    Ref<> errors_obj = unicode_from_string(errors);
    Ref<> newline = unicode_from_string("\n");
    Ref<> wrapper_type = object_get_attr_string(io, "TextIOWrapper");
    if (!errors_obj || !newline || !wrapper_type) return nullptr;
    Ref<> stream = call_function_objargs(
        wrapper_type.get(), {buf.get(), encoding, errors_obj.get(), newline.get(),
                             line_buffering ? Py_True() : Py_False(), config.buffered_stdio ? Py_False() : Py_True()});
    Ref<> text_mode = unicode_from_string(write_mode ? "w" : "r");
    if (!stream || !text_mode || object_set_attr_string(stream.get(), "mode", text_mode.get()) < 0) return nullptr;
    return stream;
}

[[noreturn]] void fatal_stdio_error(const char* func, const char* message)
{
    Ref<> exc = fetch_exception();
    std::fprintf(stderr, "Fatal Python error: %s: %s\nPython runtime state: core initialized\n", func, message);
    if (exc) {
        Ref<> text = object_str(exc.get());
        if (!text) error_clear();
        std::fprintf(stderr, "%s: %s\n", Py_TYPE(exc.get())->tp_name, text ? unicode_to_std(text.get()).c_str() : "");
    }
    std::fflush(stderr);
    std::exit(1);
}

}  // namespace

void init_sys_streams(const RunConfig& config)
{
    Object* sysdict = interpreter_get()->sysdict;
    const StdioConfig stdio = stdio_config(config);
    Ref<> encoding = codec_name(stdio.encoding);
    if (!encoding)
        fatal_stdio_error("init_stdio_encoding", "failed to get the Python codec name of the stdio encoding");
    Ref<> ioname = unicode_from_string("_io");
    Ref<> io = ioname ? import_module_level(ioname.get(), nullptr, nullptr, 0) : nullptr;
    if (!io) fatal_stdio_error("init_sys_streams", "can't initialize sys standard streams");
    struct Std {
        int fd;
        bool write_mode;
        const char* name;
        const char* attr;
        const char* dunder;
    };
    const Std streams[] = {
        {0, false, "<stdin>", "stdin", "__stdin__"},
        {1, true, "<stdout>", "stdout", "__stdout__"},
        {2, true, "<stderr>", "stderr", "__stderr__"},
    };
    for (const Std& s : streams) {
        // sys.stderr always escapes what it cannot encode: a traceback must
        // be readable whatever it contains.
        const char* errors = s.fd == 2 ? "backslashreplace" : stdio.errors.c_str();
        Ref<> stream = create_stdio(config, io.get(), s.fd, s.write_mode, s.name, encoding.get(), errors);
        if (!stream || dict_set_item_string(sysdict, s.attr, stream.get()) < 0 ||
            dict_set_item_string(sysdict, s.dunder, stream.get()) < 0)
            fatal_stdio_error("init_sys_streams", "can't initialize sys standard streams");
    }
}

}  // namespace minipy::vm
