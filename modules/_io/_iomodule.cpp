// _iomodule.cpp: the _io module: open(), open_code(), text_encoding(),
// io.UnsupportedOperation, DEFAULT_BUFFER_SIZE and the helpers the io
// classes share. Mirrors CPython 3.11 Modules/_io/_iomodule.c. Book chapter
// 12, "The Standard Library".
//
// open() stacks the layers: FileIO (raw bytes, fileio.cpp), a Buffered*
// object over it (bufferedio.cpp) unless buffering=0, and a TextIOWrapper
// (textio.cpp) over that in text mode. builtins.open is this function
// (the vm sets it at start-up, as CPython's init_set_builtins_open).
#include <langinfo.h>
#include <locale.h>

#include <cstring>
#include <unordered_map>

#include "_iomodule.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/buffer.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/warnings.h"
#include "../clinic_args.h"
#include "../posixmodule.h"

namespace minipy::modules::io {

using namespace runtime;

namespace {
TypeObject* unsupported_operation = nullptr;  // owned for the process
}

TypeObject* unsupported_operation_type() { return unsupported_operation; }

std::nullptr_t raise_unsupported(const char* message)
{
    set_error(unsupported_operation, message);
    return nullptr;
}

std::nullptr_t raise_closed()
{
    set_error(Exc_ValueError, "I/O operation on closed file.");
    return nullptr;
}

Object* id(const char* name)
{
    // Keyed by the literal's address: every caller passes a literal.
    static std::unordered_map<const char*, Object*> cache;
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    Object* s = unicode_intern_from_string(name).release();
    cache.emplace(name, s);
    return s;
}

bool convert_optional_size(Object* arg, Py_ssize_t* out)
{
    if (arg == Py_None()) {
        *out = -1;
        return true;
    }
    if (!index_check(arg)) {
        format_error(Exc_TypeError, "argument should be integer or None, not '%.200s'", Py_TYPE(arg)->tp_name);
        return false;
    }
    Py_ssize_t v = number_as_ssize_t(arg, Exc_OverflowError);
    if (v == -1 && error_occurred()) return false;
    *out = v;
    return true;
}

bool seek_args(Object* const* args, Py_ssize_t nargs, Py_ssize_t* pos, int* whence)
{
    if (!check_positional("seek", nargs, 1, 2)) return false;
    *pos = number_as_ssize_t(args[0], Exc_OverflowError);  // TypeError for a non-index
    if (*pos == -1 && error_occurred()) return false;
    *whence = 0;
    if (nargs > 1) {
        long long w = long_as_long_long(args[1]);
        if (w == -1 && error_occurred()) return false;
        *whence = static_cast<int>(w);
    }
    return true;
}

const char* locale_encoding()
{
    static std::string encoding;
    if (encoding.empty()) {
        encoding = "utf-8";
        if (locale_t loc = newlocale(LC_CTYPE_MASK, "", static_cast<locale_t>(nullptr))) {
            const char* codeset = nl_langinfo_l(CODESET, loc);
            // The C locale's ASCII makes CPython turn on UTF-8 mode.
            if (codeset && *codeset && std::strcmp(codeset, "ANSI_X3.4-1968") != 0) encoding = codeset;
            freelocale(loc);
        }
    }
    return encoding.c_str();
}

std::nullptr_t raise_errno(int err, Object* filename)
{
    errno = err;
    return set_from_errno_with_filename_object(Exc_OSError, filename);
}

bool get_bytes_like(Object* obj, std::string* out)
{
    if (bytes_check(obj)) {
        out->append(bytes_view(obj));
        return true;
    }
    return buffer_append_to(obj, out);
}

// _io.open(file, mode='r', buffering=-1, encoding=None, errors=None,
//          newline=None, closefd=True, opener=None)
Ref<> io_open(Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[8] = {};
    if (!parse_clinic_args("open", args, nargs, kwnames,
                           {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 8, 1, a))
        return nullptr;
    Object* file = a[0];
    std::string mode = "r";
    if (a[1]) {
        if (!unicode_check(a[1]))
            return format_error(Exc_TypeError, "open() argument 'mode' must be str, not %.50s", Py_TYPE(a[1])->tp_name);
        const char* m = unicode_as_utf8(a[1]);
        if (!m) return nullptr;
        mode = m;
    }
    Py_ssize_t buffering = -1;
    if (a[2]) {
        if (!index_check(a[2]))
            return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                Py_TYPE(a[2])->tp_name);
        buffering = number_as_ssize_t(a[2], Exc_OverflowError);
        if (buffering == -1 && error_occurred()) return nullptr;
    }
    const char* argnames[] = {"encoding", "errors", "newline"};
    for (int i = 0; i < 3; i++) {
        Object* v = a[3 + i];
        if (v == Py_None()) a[3 + i] = v = nullptr;
        if (v && !unicode_check(v))
            return format_error(Exc_TypeError, "open() argument '%s' must be str or None, not %.50s", argnames[i],
                                Py_TYPE(v)->tp_name);
    }
    Object* encoding = a[3];
    Object* errors = a[4];
    Object* newline = a[5];
    int closefd = 1;
    if (a[6]) {
        closefd = object_is_true(a[6]);
        if (closefd < 0) return nullptr;
    }
    Object* opener = a[7] ? a[7] : Py_None();

    bool is_number = index_check(file) && !unicode_check(file) && !bytes_check(file);
    Ref<> path_or_fd;
    if (is_number) path_or_fd = new_ref(file);
    else {
        path_or_fd = posix::fspath(file);
        if (!path_or_fd) return nullptr;
    }

    bool creating = false, reading = false, writing = false, appending = false, updating = false;
    bool text = false, binary = false;
    for (std::size_t i = 0; i < mode.size(); i++) {
        char c = mode[i];
        bool ok = true;
        switch (c) {
        case 'x': creating = true; break;
        case 'r': reading = true; break;
        case 'w': writing = true; break;
        case 'a': appending = true; break;
        case '+': updating = true; break;
        case 't': text = true; break;
        case 'b': binary = true; break;
        default: ok = false;
        }
        if (!ok || mode.find(c, i + 1) != std::string::npos)
            return format_error(Exc_ValueError, "invalid mode: '%s'", mode.c_str());
    }
    std::string rawmode;
    if (creating) rawmode += 'x';
    if (reading) rawmode += 'r';
    if (writing) rawmode += 'w';
    if (appending) rawmode += 'a';
    if (updating) rawmode += '+';

    if (text && binary) return format_error(Exc_ValueError, "can't have text and binary mode at once");
    if (creating + reading + writing + appending > 1)
        return format_error(Exc_ValueError, "must have exactly one of create/read/write/append mode");
    if (binary && encoding) return format_error(Exc_ValueError, "binary mode doesn't take an encoding argument");
    if (binary && errors) return format_error(Exc_ValueError, "binary mode doesn't take an errors argument");
    if (binary && newline) return format_error(Exc_ValueError, "binary mode doesn't take a newline argument");
    if (binary && buffering == 1) {
        if (error_warn(Exc_RuntimeWarning,
                       "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
                       1) < 0)
            return nullptr;
    }

    // The raw layer.
    Ref<> rawmode_obj = unicode_from_string(rawmode.c_str());
    Ref<> closefd_obj = bool_from_long(closefd);
    if (!rawmode_obj) return nullptr;
    Ref<> raw = call_function_objargs(reinterpret_cast<Object*>(&FileIO_Type),
                                      {path_or_fd.get(), rawmode_obj.get(), closefd_obj.get(), opener});
    if (!raw) return nullptr;
    Ref<> result = raw;

    // From here on an error closes what was opened.
    auto fail = [&result]() -> Ref<> {
        Ref<> exc = fetch_exception();
        Ref<> r = call_method(result.get(), "close");
        if (!r) error_clear();
        restore_exception(std::move(exc));
        return nullptr;
    };

    bool line_buffering = false;
    if (buffering == 1 || buffering < 0) {
        Ref<> tty = call_method(raw.get(), "isatty");
        if (!tty) return fail();
        int isatty = object_is_true(tty.get());
        if (isatty < 0) return fail();
        if (buffering == 1 || isatty) {
            buffering = -1;
            line_buffering = true;
        }
    }
    if (buffering < 0) {
        Ref<> blksize = object_get_attr(raw.get(), id("_blksize"));
        if (!blksize) return fail();
        Py_ssize_t bs = number_as_ssize_t(blksize.get(), Exc_OverflowError);
        if (bs == -1 && error_occurred()) return fail();
        buffering = bs > 1 ? bs : DEFAULT_BUFFER_SIZE;
    }
    if (buffering < 0) {
        set_error(Exc_ValueError, "invalid buffering size");
        return fail();
    }
    if (buffering == 0) {
        if (!binary) {
            set_error(Exc_ValueError, "can't have unbuffered text I/O");
            return fail();
        }
        return result;
    }
    TypeObject* cls = updating ? &BufferedRandom_Type
                      : (creating || writing || appending) ? &BufferedWriter_Type
                      : reading ? &BufferedReader_Type
                                : nullptr;
    if (!cls) {
        format_error(Exc_ValueError, "unknown mode: '%s'", mode.c_str());
        return fail();
    }
    Ref<> size = long_from_ssize_t(buffering);
    Ref<> buffer = call_function_objargs(reinterpret_cast<Object*>(cls), {raw.get(), size.get()});
    if (!buffer) return fail();
    result = buffer;
    if (binary) return result;

    Object* none = Py_None();
    Ref<> lb = bool_from_long(line_buffering);
    Ref<> wrapper = call_function_objargs(reinterpret_cast<Object*>(&TextIOWrapper_Type),
                                          {buffer.get(), encoding ? encoding : none, errors ? errors : none,
                                           newline ? newline : none, lb.get()});
    if (!wrapper) return fail();
    result = wrapper;
    Ref<> modeobj = unicode_from_string(mode.c_str());
    if (!modeobj || object_set_attr(wrapper.get(), id("mode"), modeobj.get()) < 0) return fail();
    return result;
}

namespace {

Ref<> io_open_meth(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return io_open(args, nargs, kwnames);
}

// open_code(path): opens a file of code to run, in "rb" (PEP 578's hook
// point; minipy has no audit hooks).
Ref<> io_open_code(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[1] = {};
    if (!parse_clinic_args("open_code", args, nargs, kwnames, {"path"}, 1, 1, a)) return nullptr;
    if (!unicode_check(a[0]))
        return format_error(Exc_TypeError, "open_code() argument 'path' must be str, not %.50s",
                            Py_TYPE(a[0])->tp_name);
    Ref<> mode = unicode_from_string("rb");
    Object* call_args[2] = {a[0], mode.get()};
    return io_open(call_args, 2, nullptr);
}

// text_encoding(encoding, stacklevel=2): the encoding open() will use:
// "locale" for None (or "utf-8" in UTF-8 mode).
Ref<> io_text_encoding(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[2] = {};
    if (!parse_clinic_args("text_encoding", args, nargs, kwnames, {"encoding", "stacklevel"}, 2, 1, a))
        return nullptr;
    if (a[0] != Py_None()) return new_ref(a[0]);
    return unicode_from_string(std::strcmp(locale_encoding(), "utf-8") == 0 ? "utf-8" : "locale");
}

MethodDef io_methods[] = {
    method_fastkw("open", io_open_meth, "Open file and return a stream.  Raise OSError upon failure."),
    method_fastkw("open_code", io_open_code, "Opens the provided file with the intent to import the contents."),
    method_fastkw("text_encoding", io_text_encoding, "A helper function to choose the text encoding."),
    {},
};

}  // namespace

int ready_types()
{
    for (TypeObject* t : {&IOBase_Type, &RawIOBase_Type, &BufferedIOBase_Type, &TextIOBase_Type, &FileIO_Type,
                          &BytesIO_Type, &StringIO_Type, &BufferedReader_Type, &BufferedWriter_Type,
                          &BufferedRandom_Type, &BufferedRWPair_Type, &TextIOWrapper_Type, &NLDecoder_Type,
                          &BytesIOBuffer_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return -1;
    if (!unsupported_operation) {
        // class UnsupportedOperation(OSError, ValueError), module "io".
        Ref<> name = unicode_from_string("UnsupportedOperation");
        Ref<> bases = tuple_pack({reinterpret_cast<Object*>(Exc_OSError), reinterpret_cast<Object*>(Exc_ValueError)});
        Ref<> ns = dict_new();
        Ref<> module = unicode_from_string("io");
        if (!name || !bases || !ns || !module || dict_set_item_string(ns.get(), "__module__", module.get()) < 0)
            return -1;
        Ref<> cls = call_function_objargs(reinterpret_cast<Object*>(&Type_Type), {name.get(), bases.get(), ns.get()});
        if (!cls) return -1;
        unsupported_operation = static_cast<TypeObject*>(cls.release());
    }
    return 0;
}

}  // namespace minipy::modules::io

namespace minipy::modules {

using namespace runtime;

Ref<> io_module_create()
{
    if (io::ready_types() < 0) return nullptr;
    // CPython names the module "io" in its PyModuleDef: _io.__name__ and
    // the __module__ of its functions are "io".
    Ref<> mod = module_new("io");
    if (!mod || module_add_functions(mod.get(), io::io_methods) < 0) return nullptr;
    Ref<> bufsize = long_from_ssize_t(io::DEFAULT_BUFFER_SIZE);
    if (!bufsize || module_add_object(mod.get(), "DEFAULT_BUFFER_SIZE", bufsize.get()) < 0) return nullptr;
    if (module_add_object(mod.get(), "UnsupportedOperation", io::unsupported_operation) < 0) return nullptr;
    if (module_add_object(mod.get(), "BlockingIOError", Exc_BlockingIOError) < 0) return nullptr;
    const std::pair<const char*, TypeObject*> types[] = {
        {"_IOBase", &io::IOBase_Type},
        {"_RawIOBase", &io::RawIOBase_Type},
        {"_BufferedIOBase", &io::BufferedIOBase_Type},
        {"_TextIOBase", &io::TextIOBase_Type},
        {"FileIO", &io::FileIO_Type},
        {"BytesIO", &io::BytesIO_Type},
        {"StringIO", &io::StringIO_Type},
        {"BufferedReader", &io::BufferedReader_Type},
        {"BufferedWriter", &io::BufferedWriter_Type},
        {"BufferedRandom", &io::BufferedRandom_Type},
        {"BufferedRWPair", &io::BufferedRWPair_Type},
        {"TextIOWrapper", &io::TextIOWrapper_Type},
        {"IncrementalNewlineDecoder", &io::NLDecoder_Type},
    };
    for (const auto& [name, type] : types)
        if (module_add_object(mod.get(), name, type) < 0) return nullptr;
    Ref<> doc = unicode_from_string(
        "The io module provides the Python interfaces to stream handling. The\n"
        "builtin open function is defined in this module.\n");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
