// sysmodule.cpp: a first sys module: argv, exit, modules, path, the
// recursion limit, exc_info. Mirrors a first part of CPython 3.11
// Python/sysmodule.c. Book chapter 8.
//
// sys.stdin/stdout/stderr are _io.TextIOWrapper objects that start-up adds
// once the io module is importable (pylifecycle_stdio.cpp); until then
// PySys_WriteStderr-style output goes to the C streams.
#include <algorithm>
#include <cerrno>
#include <cfloat>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <unistd.h>

#include "ceval.h"
#include "ceval_gil.h"
#include "import.h"
#include "pylifecycle.h"
#include "minipy/config.h"
#include "minipy/memory/gc_head.h"
#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/structseq.h"
#include "minipy/runtime/setobject.h"
#include "stdlib_module_names.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/warnings.h"

namespace minipy::vm {

using namespace runtime;

namespace {

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

Ref<> sys_getrecursionlimit(Object*, Object*) { return long_from_long(interpreter_get()->recursion_limit); }

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
    // Py_SetRecursionLimit: the interpreter's limit, and every thread's
    // budget moved by the same amount (their depth is kept).
    InterpreterState* interp = ts->interp;
    interp->recursion_limit = static_cast<int>(new_limit);
    for (ThreadState* p = interp->threads; p; p = p->next) {
        p->recursion_remaining += static_cast<int>(new_limit) - p->recursion_limit;
        p->recursion_limit = static_cast<int>(new_limit);
    }
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

// sys.breakpointhook: what breakpoint() calls. $PYTHONBREAKPOINT names the
// callable ("module.attr", or a builtin's name; unset or empty: pdb.set_trace),
// "0" turns breakpoint() into a no-op; a name that cannot be imported is a
// RuntimeWarning and nothing else.
Ref<> sys_breakpointhook(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    const char* env = run_config().use_environment ? std::getenv("PYTHONBREAKPOINT") : nullptr;
    std::string envar = env && *env ? env : "pdb.set_trace";
    if (envar == "0") return none_ref();
    const std::size_t dot = envar.rfind('.');
    const std::string modulepath = dot == std::string::npos ? "builtins" : envar.substr(0, dot);
    const std::string attrname = dot == std::string::npos ? envar : envar.substr(dot + 1);
    Ref<> modname = unicode_from_utf8(modulepath);
    if (!modname) return nullptr;
    Ref<> module = import_module_level(modname.get(), nullptr, nullptr, 0);
    // import_module_level gives the top package: walk down to the module.
    if (module && dot != std::string::npos && modulepath.find('.') != std::string::npos) {
        Object* m = dict_get_item_string(sys_modules(), modulepath.c_str());
        module = m ? new_ref(m) : nullptr;
    }
    Ref<> hook;
    if (module && object_lookup_attr(module.get(), intern_str(attrname.c_str()), &hook) < 0) hook = nullptr;
    if (!hook) {
        error_clear();
        std::string msg = "Ignoring unimportable $PYTHONBREAKPOINT: \"" + envar + "\"";
        if (error_warn(Exc_RuntimeWarning, msg.c_str(), 0) < 0) return nullptr;
        return none_ref();
    }
    return object_vectorcall(hook.get(), args, static_cast<std::size_t>(nargs), kwnames);
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


// sys.getsizeof(object[, default]): __sizeof__() plus the GC header of a
// GC object, as _PySys_GetSizeOf adds it. A TypeError (no __sizeof__, a
// result that is not an int) gives `default` when one is passed.
Ref<> sys_getsizeof(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* argv[2];
    if (!parse_args_fastkw("getsizeof", args, nargs, kwnames, {"object", "default"}, 1, argv)) return nullptr;
    Object* o = argv[0];
    Ref<> size;
    if (!type_lookup(Py_TYPE(o), unicode_from_string("__sizeof__").get())) {
        format_error(Exc_TypeError, "Type %.100s doesn't define __sizeof__", Py_TYPE(o)->tp_name);
    } else if (Ref<> r = call_method(o, "__sizeof__")) {
        // PyLong_AsSsize_t: an int (no __index__) or TypeError.
        Py_ssize_t n = long_check(r.get()) ? long_as_ssize_t(r.get())
                                           : (format_error(Exc_TypeError, "an integer is required"), -1);
        if (n == -1 && error_occurred()) {
        } else if (n < 0) {
            return format_error(Exc_ValueError, "__sizeof__() should return >= 0");
        } else {
            if (object_is_gc(o)) n += static_cast<Py_ssize_t>(sizeof(memory::GCHead));
            return long_from_ssize_t(n);
        }
    }
    if (argv[1] && error_matches(Exc_TypeError)) {
        error_clear();
        return new_ref(argv[1]);
    }
    return nullptr;
}

Ref<> sys_get_int_max_str_digits(Object*, Object*) { return long_from_long(interpreter_get()->int_max_str_digits); }

// The smallest limit accepted (_PY_LONG_MAX_STR_DIGITS_THRESHOLD); 0 means none.
constexpr int max_str_digits_threshold = 640;
constexpr int default_max_str_digits = 4300;

Ref<> sys_set_int_max_str_digits(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* arg;
    if (!parse_args_fastkw("set_int_max_str_digits", args, nargs, kwnames, {"maxdigits"}, 1, &arg)) return nullptr;
    if (!index_check(arg))
        return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                            Py_TYPE(arg)->tp_name);
    Py_ssize_t n = number_as_ssize_t(arg, Exc_OverflowError);
    if (n == -1 && error_occurred()) return nullptr;
    if (n != 0 && (n < max_str_digits_threshold || n > INT_MAX))
        return format_error(Exc_ValueError, "maxdigits must be 0 or larger than %d", max_str_digits_threshold);
    interpreter_get()->int_max_str_digits = static_cast<int>(n);
    return none_ref();
}

Ref<> sys_getdefaultencoding(Object*, Object*) { return unicode_from_string("utf-8"); }
Ref<> sys_getfilesystemencoding(Object*, Object*) { return unicode_from_string("utf-8"); }
Ref<> sys_getfilesystemencodeerrors(Object*, Object*) { return unicode_from_string("surrogateescape"); }
Ref<> sys_is_finalizing(Object*, Object*) { return bool_from_long(runtime_finalizing() != nullptr); }
Ref<> sys_getallocatedblocks(Object*, Object*)
{
    return long_from_ssize_t(static_cast<Py_ssize_t>(memory::get_allocated_blocks()));
}

Ref<> sys_debugmallocstats(Object*, Object*)
{
    std::fflush(stdout);
    memory::debug_malloc_stats(stderr);
    return none_ref();
}

Ref<> sys_clear_type_cache(Object*, Object*)
{
    type_modified(&BaseObject_Type);
    return none_ref();
}

// sys.call_tracing(func, args): func(*args) (tracing itself is not there yet).
Ref<> sys_call_tracing(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("call_tracing", nargs, 2, 2)) return nullptr;
    if (!tuple_check(args[1]))
        return format_error(Exc_TypeError, "call_tracing() argument 2 must be tuple, not %.50s",
                            Py_TYPE(args[1])->tp_name);
    return object_call(args[0], args[1], nullptr);
}

// The GIL's switch interval (vm/ceval_gil.cpp), kept in microseconds as
// CPython does: a tiny interval reads back as 0.0.
Ref<> sys_getswitchinterval(Object*, Object*) { return float_from_double(1e-6 * gil_get_switch_interval()); }

Ref<> sys_setswitchinterval(Object*, Object* arg)
{
    // The clinic's `double` converter: PyFloat_AsDouble's TypeError.
    double d = float_as_double(arg);
    if (d == -1.0 && error_occurred()) return nullptr;
    if (d <= 0.0) return format_error(Exc_ValueError, "switch interval must be strictly positive");
    gil_set_switch_interval(static_cast<unsigned long>(1e6 * d));
    return none_ref();
}


// --- the struct sequences of sys (version_info, flags, float_info, ...) -------------

const StructSequenceField version_info_fields[] = {
    {"major", "Major release number"}, {"minor", "Minor release number"}, {"micro", "Patch release number"},
    {"releaselevel", "'alpha', 'beta', 'candidate', or 'final'"}, {"serial", "Serial release number"}, {},
};
const StructSequenceDesc version_info_desc = {
    "sys.version_info", "sys.version_info\n\nVersion information as a named tuple.", version_info_fields, 5};
TypeObject VersionInfo_Type{};

const StructSequenceField flags_fields[] = {
    {"debug", "-d"}, {"inspect", "-i"}, {"interactive", "-i"}, {"optimize", "-O or -OO"},
    {"dont_write_bytecode", "-B"}, {"no_user_site", "-s"}, {"no_site", "-S"}, {"ignore_environment", "-E"},
    {"verbose", "-v"}, {"bytes_warning", "-b"}, {"quiet", "-q"}, {"hash_randomization", "-R"},
    {"isolated", "-I"}, {"dev_mode", "-X dev"}, {"utf8_mode", "-X utf8"},
    {"warn_default_encoding", "-X warn_default_encoding"}, {"safe_path", "-P"},
    {"int_max_str_digits", "-X int_max_str_digits"}, {},
};
const StructSequenceDesc flags_desc = {"sys.flags", "sys.flags\n\nFlags provided through command line arguments or environment vars.",
                                       flags_fields, 18};
TypeObject Flags_Type{};

const StructSequenceField float_info_fields[] = {
    {"max", "DBL_MAX -- maximum representable finite float"},
    {"max_exp", "DBL_MAX_EXP -- maximum int e such that radix**(e-1) is representable"},
    {"max_10_exp", "DBL_MAX_10_EXP -- maximum int e such that 10**e is representable"},
    {"min", "DBL_MIN -- Minimum positive normalized float"},
    {"min_exp", "DBL_MIN_EXP -- minimum int e such that radix**(e-1) is a normalized float"},
    {"min_10_exp", "DBL_MIN_10_EXP -- minimum int e such that 10**e is a normalized float"},
    {"dig", "DBL_DIG -- maximum number of decimal digits that can be faithfully represented in a float"},
    {"mant_dig", "DBL_MANT_DIG -- mantissa digits"},
    {"epsilon", "DBL_EPSILON -- Difference between 1 and the next representable float"},
    {"radix", "FLT_RADIX -- radix of exponent"},
    {"rounds", "FLT_ROUNDS -- rounding mode used for arithmetic operations"}, {},
};
const StructSequenceDesc float_info_desc = {
    "sys.float_info", "sys.float_info\n\nA named tuple holding information about the float type.", float_info_fields, 11};
TypeObject FloatInfo_Type{};

const StructSequenceField int_info_fields[] = {
    {"bits_per_digit", "size of a digit in bits"},
    {"sizeof_digit", "size in bytes of the C type used to represent a digit"},
    {"default_max_str_digits", "maximum string conversion digits limitation"},
    {"str_digits_check_threshold", "minimum positive value for int_max_str_digits"}, {},
};
const StructSequenceDesc int_info_desc = {
    "sys.int_info", "sys.int_info\n\nA named tuple that holds information about Python's\ninternal representation of integers.",
    int_info_fields, 4};
TypeObject IntInfo_Type{};

const StructSequenceField hash_info_fields[] = {
    {"width", "width of the type used for hashing, in bits"},
    {"modulus", "prime number giving the modulus on which the hash function is based"},
    {"inf", "value to be used for hash of a positive infinity"},
    {"nan", "value to be used for hash of a nan"},
    {"imag", "multiplier used for the imaginary part of a complex number"},
    {"algorithm", "name of the algorithm for hashing of str, bytes and memoryviews"},
    {"hash_bits", "internal output size of hash algorithm"}, {"seed_bits", "seed size of hash algorithm"},
    {"cutoff", "small string optimization cutoff"}, {},
};
const StructSequenceDesc hash_info_desc = {
    "sys.hash_info", "hash_info\n\nA named tuple providing parameters used for computing\nhashes. The attributes are read only.",
    hash_info_fields, 9};
TypeObject HashInfo_Type{};

const StructSequenceField unraisable_hook_args_fields[] = {
    {"exc_type", "Exception type"}, {"exc_value", "Exception value"}, {"exc_traceback", "Exception traceback"},
    {"err_msg", "Error message"},   {"object", "Object causing the exception"}, {}};
const StructSequenceDesc unraisable_hook_args_desc = {
    "UnraisableHookArgs", "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
    unraisable_hook_args_fields, 5};
TypeObject UnraisableHookArgs_Type{};

const StructSequenceField thread_info_fields[] = {
    {"name", "name of the thread implementation"}, {"lock", "name of the lock implementation"},
    {"version", "name and version of the thread library"}, {},
};
const StructSequenceDesc thread_info_desc = {
    "sys.thread_info", "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
    thread_info_fields, 3};
TypeObject ThreadInfo_Type{};

// A struct sequence instance of `type` from values (new references, all
// non-null), or null if one of them failed.
Ref<> make_structseq(TypeObject* type, std::initializer_list<Ref<>> values)
{
    for (const Ref<>& v : values)
        if (!v) return nullptr;
    Ref<> seq = structseq_new(type);
    if (!seq) return nullptr;
    Py_ssize_t i = 0;
    for (const Ref<>& v : values) structseq_set_item(seq.get(), i++, new_ref(v.get()).release());
    return seq;
}

Ref<> make_version_info()
{
    if (structseq_init_type(&VersionInfo_Type, &version_info_desc, Py_TPFLAGS_DISALLOW_INSTANTIATION) < 0)
        return nullptr;
    return make_structseq(&VersionInfo_Type,
                          {long_from_long(MINIPY_PY_VERSION_MAJOR), long_from_long(MINIPY_PY_VERSION_MINOR),
                           long_from_long(7), unicode_from_string("final"), long_from_long(0)});
}

Ref<> make_float_info()
{
    if (structseq_init_type(&FloatInfo_Type, &float_info_desc) < 0) return nullptr;
    return make_structseq(&FloatInfo_Type,
                          {float_from_double(DBL_MAX), long_from_long(DBL_MAX_EXP), long_from_long(DBL_MAX_10_EXP),
                           float_from_double(DBL_MIN), long_from_long(DBL_MIN_EXP), long_from_long(DBL_MIN_10_EXP),
                           long_from_long(DBL_DIG), long_from_long(DBL_MANT_DIG), float_from_double(DBL_EPSILON),
                           long_from_long(FLT_RADIX), long_from_long(FLT_ROUNDS)});
}

Ref<> make_int_info()
{
    if (structseq_init_type(&IntInfo_Type, &int_info_desc) < 0) return nullptr;
    return make_structseq(&IntInfo_Type, {long_from_long(PyLong_SHIFT), long_from_long(sizeof(digit)),
                                          long_from_long(default_max_str_digits),
                                          long_from_long(max_str_digits_threshold)});
}

// The parameters of runtime/pyhash.cpp: numeric hashes modulo 2**61 - 1,
// SipHash-1-3 for str and bytes (with no small-string cutoff).
Ref<> make_hash_info()
{
    if (structseq_init_type(&HashInfo_Type, &hash_info_desc) < 0) return nullptr;
    return make_structseq(&HashInfo_Type,
                          {long_from_long(8 * sizeof(Py_hash_t)), long_from_long((1LL << 61) - 1),
                           long_from_long(314159), long_from_long(0), long_from_long(1000003),
                           unicode_from_string("siphash13"), long_from_long(64), long_from_long(128),
                           long_from_long(0)});
}

Ref<> make_thread_info()
{
    if (structseq_init_type(&ThreadInfo_Type, &thread_info_desc) < 0) return nullptr;
    Ref<> version = none_ref();
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    char buf[128];
    std::size_t len = confstr(_CS_GNU_LIBPTHREAD_VERSION, buf, sizeof buf);
    if (len > 1 && len <= sizeof buf) version = unicode_from_string(buf);
#endif
    return make_structseq(&ThreadInfo_Type, {unicode_from_string("pthread"), unicode_from_string("semaphore"),
                                             std::move(version)});
}

// sys.getdlopenflags()/setdlopenflags(): kept for extension loading (none yet).
int dlopen_flags = 2;  // RTLD_NOW

Ref<> sys_getdlopenflags(Object*, Object*) { return long_from_long(dlopen_flags); }

Ref<> sys_setdlopenflags(Object*, Object* arg)
{
    if (!long_check(arg))
        return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                            Py_TYPE(arg)->tp_name);
    long long v = long_as_long_long(arg);
    if (v == -1 && error_occurred()) return nullptr;
    dlopen_flags = static_cast<int>(v);
    return none_ref();
}

// PEP 578 audit hooks: sys.audit(event, *args) calls every hook added by
// sys.addaudithook(hook) with (event, args). minipy raises no events of its
// own yet; programs' own sys.audit calls reach their hooks.
Object* audit_hooks = nullptr;  // a list, owned for the life of the process

Ref<> sys_addaudithook(Object*, Object* hook)
{
    if (!audit_hooks) {
        Ref<> l = list_new(0);
        if (!l) return nullptr;
        audit_hooks = l.release();
    }
    if (list_append(audit_hooks, hook) < 0) return nullptr;
    return none_ref();
}

Ref<> sys_audit(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (nargs == 0) return format_error(Exc_TypeError, "audit() missing 1 required positional argument: 'event'");
    if (!unicode_check(args[0]))
        return format_error(Exc_TypeError, "expected str for argument 'event', not %.200s", Py_TYPE(args[0])->tp_name);
    if (!audit_hooks || list_size(audit_hooks) == 0) return none_ref();
    Ref<> rest = tuple_from_array(args + 1, nargs - 1);
    if (!rest) return nullptr;
    for (Py_ssize_t i = 0; i < list_size(audit_hooks); i++)
        if (!call_function_objargs(list_item(audit_hooks, i), {args[0], rest.get()})) return nullptr;
    return none_ref();
}

// sys.excepthook / sys.__excepthook__ (sys_excepthook_impl): prints an
// exception and its traceback to sys.stderr, as an uncaught one.
Ref<> sys_excepthook(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (nargs != 3) return format_error(Exc_TypeError, "excepthook expected 3 arguments, got %zd", nargs);
    if (error_display(args[0], args[1], args[2]) < 0) return nullptr;
    return none_ref();
}

// sys.unraisablehook / sys.__unraisablehook__ (_PyErr_WriteUnraisableDefaultHook):
// the report of an UnraisableHookArgs, on sys.stderr.
Ref<> sys_unraisablehook(Object*, Object* unraisable)
{
    if (Py_TYPE(unraisable) != &UnraisableHookArgs_Type)
        return format_error(Exc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
    Object* fields[5];
    for (Py_ssize_t i = 0; i < 5; i++) fields[i] = structseq_get_item(unraisable, i);
    std::string out;
    format_unraisable(out, fields[0], fields[1], fields[2], fields[3], fields[4]);
    Object* file = interpreter_get()->sysdict ? dict_get_item_string(interpreter_get()->sysdict, "stderr") : nullptr;
    if (!file || file == Py_None()) return none_ref();
    Ref<> text = unicode_from_utf8(out);
    if (!text) return nullptr;
    Ref<> r = call_method(file, "write", {text.get()});
    if (!r) return nullptr;
    return none_ref();
}

MethodDef sys_methods[] = {
    method_fast("exit", sys_exit, "Exit the interpreter by raising SystemExit(status)."),
    method_noargs("getrecursionlimit", sys_getrecursionlimit, "Return the current value of the recursion limit."),
    method_o("setrecursionlimit", sys_setrecursionlimit, "Set the maximum depth of the Python interpreter stack to n."),
    method_noargs("exception", sys_exception, "Return the current exception."),
    method_noargs("exc_info", sys_exc_info, "Return current exception information: (type, value, traceback)."),
    method_o("displayhook", sys_displayhook, "Print an object to sys.stdout and also save it in builtins._"),
    method_fast("excepthook", sys_excepthook, "Handle an exception by displaying it with a traceback on sys.stderr."),
    method_o("unraisablehook", sys_unraisablehook, "Handle an unraisable exception."),
    method_fastkw("breakpointhook", sys_breakpointhook, "Call the debugger named by $PYTHONBREAKPOINT (pdb.set_trace by default)."),
    method_fast("_getframe", sys_getframe, "Return a frame object from the call stack."),
    method_o("getrefcount", sys_getrefcount, "Return the reference count of object."),
    method_o("intern", sys_intern, "``Intern'' the given string."),
    method_fastkw("getsizeof", sys_getsizeof, "Return the size of object in bytes."),
    method_noargs("get_int_max_str_digits", sys_get_int_max_str_digits,
                  "Return the maximum string digits limit for non-binary int<->str conversions."),
    method_fastkw("set_int_max_str_digits", sys_set_int_max_str_digits,
                  "Set the maximum string digits limit for non-binary int<->str conversions."),
    method_noargs("getdefaultencoding", sys_getdefaultencoding, "Return the current default encoding used by the Unicode implementation."),
    method_noargs("getfilesystemencoding", sys_getfilesystemencoding, "Return the encoding used to convert Unicode filenames to OS filenames."),
    method_noargs("getfilesystemencodeerrors", sys_getfilesystemencodeerrors, "Return the error mode used Unicode to OS filename conversion."),
    method_noargs("is_finalizing", sys_is_finalizing, "Return True if Python is exiting."),
    method_noargs("getallocatedblocks", sys_getallocatedblocks, "Return the number of memory blocks currently allocated."),
    method_noargs("_debugmallocstats", sys_debugmallocstats, "Print summary info to stderr about the state of pymalloc's structures."),
    method_noargs("_clear_type_cache", sys_clear_type_cache, "Clear the internal type lookup cache."),
    method_fast("call_tracing", sys_call_tracing, "Call func(*args), while tracing is enabled."),
    method_noargs("getswitchinterval", sys_getswitchinterval, "Return the current thread switch interval; see sys.setswitchinterval()."),
    method_o("setswitchinterval", sys_setswitchinterval, "Set the ideal thread switching delay inside the Python interpreter."),
    method_noargs("getdlopenflags", sys_getdlopenflags, "Return the current value of the flags that are used for dlopen calls."),
    method_o("setdlopenflags", sys_setdlopenflags, "Set the flags used by the interpreter for dlopen calls."),
    method_o("addaudithook", sys_addaudithook, "Adds a new audit hook callback."),
    method_fast("audit", sys_audit, "Passes the event to any audit hooks that are attached."),
    {},
};

}  // namespace

Ref<> unraisable_hook_args(Object* exc_type, Object* exc_value, Object* exc_tb, Object* err_msg, Object* obj)
{
    return make_structseq(&UnraisableHookArgs_Type,
                          {new_ref(exc_type), new_ref(exc_value), new_ref(exc_tb), new_ref(err_msg), new_ref(obj)});
}

Ref<> sys_module_create(const std::vector<std::string>& argv)
{
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
    Ref<> version_info = make_version_info();
    Ref<> float_info = make_float_info();
    Ref<> int_info = make_int_info();
    Ref<> hash_info = make_hash_info();
    Ref<> thread_info = make_thread_info();
    if (!version_info || !float_info || !int_info || !hash_info || !thread_info) return nullptr;
    if (!(UnraisableHookArgs_Type.tp_flags & Py_TPFLAGS_READY) &&
        structseq_init_type(&UnraisableHookArgs_Type, &unraisable_hook_args_desc) < 0)
        return nullptr;
    // The default hooks are also kept as sys.__excepthook__ and
    // sys.__unraisablehook__ (and __displayhook__, __breakpointhook__).
    for (const char* name : {"excepthook", "unraisablehook", "displayhook", "breakpointhook"}) {
        Object* hook = dict_get_item_string(module_get_dict(mod.get()), name);
        if (!hook || module_add_object(mod.get(), ("__" + std::string(name) + "__").c_str(), hook) < 0) return nullptr;
    }
    // sys.stdlib_module_names: CPython 3.11's list (stdlib_module_names.h).
    Ref<> stdlib_names = frozenset_new(nullptr);
    if (!stdlib_names) return nullptr;
    for (const char* name : STDLIB_MODULE_NAMES) {
        Ref<> n = unicode_from_string(name);
        if (!n || set_add(stdlib_names.get(), n.get()) < 0) return nullptr;
    }
    if (module_add_object(mod.get(), "stdlib_module_names", stdlib_names.get()) < 0) return nullptr;
    Ref<> version = unicode_from_string(MINIPY_PY_VERSION " (minipy)");
    Ref<> maxsize = long_from_ssize_t(PTRDIFF_MAX);
    Ref<> platform = unicode_from_string("linux");
    Ref<> byteorder = unicode_from_string("little");
    if (!modules || !path || !version_info || !version || !maxsize || !platform || !byteorder)
        return nullptr;
    struct Entry {
        const char* name;
        Object* value;
    };
    const Entry entries[] = {
        {"argv", argv_list.get()},   {"modules", modules.get()},       {"path", path.get()},
        {"version", version.get()},  {"version_info", version_info.get()}, {"maxsize", maxsize.get()},
        {"platform", platform.get()}, {"byteorder", byteorder.get()},
        {"float_info", float_info.get()}, {"int_info", int_info.get()},
        {"hash_info", hash_info.get()}, {"thread_info", thread_info.get()},
    };
    for (const Entry& e : entries)
        if (module_add_object(mod.get(), e.name, e.value) < 0) return nullptr;
    // Constants of the build (sysmodule.c's _PySys_InitCore).
    const std::pair<const char*, const char*> strings[] = {
        {"float_repr_style", "short"},
        {"abiflags", ""},
        {"platlibdir", "lib"},
        {"_framework", ""},
        {"copyright", "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n"
                      "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
                      "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\nAll Rights Reserved.\n\n"
                      "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\nAll Rights Reserved."},
        {"prefix", MINIPY_SOURCE_DIR},
        {"exec_prefix", MINIPY_SOURCE_DIR},
        {"base_prefix", MINIPY_SOURCE_DIR},
        {"base_exec_prefix", MINIPY_SOURCE_DIR},
        {"_stdlib_dir", MINIPY_SOURCE_DIR "/lib"},
    };
    for (const auto& [name, text] : strings) {
        Ref<> v = unicode_from_string(text);
        if (!v || module_add_object(mod.get(), name, v.get()) < 0) return nullptr;
    }
    Ref<> api_version = long_from_long(1013);
    Ref<> git = [] {
        Ref<> a = unicode_from_string("minipy"), b = unicode_from_string("");
        return a && b ? tuple_pack({a.get(), b.get(), b.get()}) : Ref<>();
    }();
    if (!api_version || !git || module_add_object(mod.get(), "api_version", api_version.get()) < 0 ||
        module_add_object(mod.get(), "_git", git.get()) < 0 ||
        module_add_object(mod.get(), "pycache_prefix", Py_None()) < 0 ||
        module_add_object(mod.get(), "_home", Py_None()) < 0)
        return nullptr;
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


// The value of -X NAME[=VALUE] (the last one wins, as in sys._xoptions):
// null when absent, "" for a bare -X NAME.
const std::string* find_xoption(const RunConfig& config, std::string_view name)
{
    const std::string* found = nullptr;
    for (const std::string& x : config.xoptions) {
        std::size_t eq = x.find('=');
        if (std::string_view(x).substr(0, eq) == name) found = &x;
    }
    return found;
}

std::string xoption_value(const std::string& x)
{
    std::size_t eq = x.find('=');
    return eq == std::string::npos ? std::string() : x.substr(eq + 1);
}

// config_init_int_max_str_digits: -X int_max_str_digits=N, else
// $PYTHONINTMAXSTRDIGITS (unless -E); -1 when neither is given. A bad value
// is a fatal start-up error, as in CPython.
int config_int_max_str_digits(const RunConfig& config)
{
    const std::string* x = find_xoption(config, "int_max_str_digits");
    const char* env = config.use_environment ? std::getenv("PYTHONINTMAXSTRDIGITS") : nullptr;
    if (!x && !(env && *env)) return -1;
    std::string text = x ? xoption_value(*x) : std::string(env);
    char* end = nullptr;
    errno = 0;
    long v = text.empty() ? -1 : std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end || errno || v < 0 || v > INT_MAX || (v != 0 && v < max_str_digits_threshold)) {
        std::fflush(stdout);
        std::fprintf(stderr,
                     "Fatal Python error: config_init_int_max_str_digits: %s: invalid limit; must be >= %d or 0 "
                     "for unlimited.\nPython runtime state: preinitialized\n\n",
                     x ? "-X int_max_str_digits" : "PYTHONINTMAXSTRDIGITS", max_str_digits_threshold);
        std::exit(1);
    }
    return static_cast<int>(v);
}

// An environment flag as CPython's config reads it (-E ignores them):
// set and non-empty counts (a number gives that level).
int env_flag(const RunConfig& config, const char* name)
{
    const char* v = config.use_environment ? std::getenv(name) : nullptr;
    if (!v || !*v) return 0;
    int n = std::atoi(v);
    return n > 0 ? n : 1;
}

// sys.flags and sys._xoptions from the configuration; sets the interpreter's
// int max str digits.
int sys_set_flags(Object* sysdict, const RunConfig& config)
{
    if (structseq_init_type(&Flags_Type, &flags_desc, Py_TPFLAGS_DISALLOW_INSTANTIATION) < 0) return -1;
    const int int_max_str_digits = config_int_max_str_digits(config);
    interpreter_get()->int_max_str_digits = int_max_str_digits >= 0 ? int_max_str_digits : default_max_str_digits;
    const bool dev_mode = find_xoption(config, "dev") || env_flag(config, "PYTHONDEVMODE");
    int utf8_mode = env_flag(config, "PYTHONUTF8") ? 1 : 0;
    if (const std::string* x = find_xoption(config, "utf8")) utf8_mode = xoption_value(*x) != "0";
    const bool warn_default_encoding =
        find_xoption(config, "warn_default_encoding") || env_flag(config, "PYTHONWARNDEFAULTENCODING");
    // -i sets both inspect and interactive; PYTHONINSPECT only inspect.
    const bool inspect = config.interactive || env_flag(config, "PYTHONINSPECT");
    // hash_randomization is 0: minipy hashes str and bytes with a zero
    // SipHash key, as CPython does under PYTHONHASHSEED=0.
    Ref<> flags = make_structseq(
        &Flags_Type,
        {long_from_long(config.parser_debug), long_from_long(inspect), long_from_long(config.interactive),
         long_from_long(config.optimization_level), long_from_long(!config.write_bytecode),
         long_from_long(!config.user_site_directory), long_from_long(!config.site_import),
         long_from_long(!config.use_environment), long_from_long(config.verbose),
         long_from_long(config.bytes_warning), long_from_long(config.quiet), long_from_long(0),
         long_from_long(config.isolated), bool_from_long(dev_mode), long_from_long(utf8_mode),
         long_from_long(warn_default_encoding), bool_from_long(config.safe_path),
         long_from_long(int_max_str_digits)});
    Ref<> xoptions = dict_new();
    Ref<> warnoptions = list_new(0);
    if (!flags || !xoptions || !warnoptions) return -1;
    for (const std::string& x : config.xoptions) {
        std::size_t eq = x.find('=');
        Ref<> key = unicode_from_utf8(std::string_view(x).substr(0, eq));
        Ref<> value = eq == std::string::npos ? new_ref(Py_True()) : unicode_from_utf8(x.substr(eq + 1));
        if (!key || !value || dict_set_item(xoptions.get(), key.get(), value.get()) < 0) return -1;
    }
    for (const std::string& w : config.warnoptions) {
        Ref<> s = unicode_from_utf8(w);
        if (!s || list_append(warnoptions.get(), s.get()) < 0) return -1;
    }
    if (dict_set_item_string(sysdict, "flags", flags.get()) < 0 ||
        dict_set_item_string(sysdict, "_xoptions", xoptions.get()) < 0 ||
        dict_set_item_string(sysdict, "warnoptions", warnoptions.get()) < 0)
        return -1;
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
    // sys.orig_argv: the command line as the process got it.
    Ref<> orig_argv = list_new(0);
    if (!orig_argv) return -1;
    for (const std::string& a : config.orig_argv) {
        Ref<> s = unicode_from_utf8(a);
        if (!s || list_append(orig_argv.get(), s.get()) < 0) return -1;
    }
    if (dict_set_item_string(sysdict, "orig_argv", orig_argv.get()) < 0) return -1;
    if (dict_set_item_string(sysdict, "executable", executable.get()) < 0 ||
        dict_set_item_string(sysdict, "_base_executable", executable.get()) < 0 ||
        dict_set_item_string(sysdict, "dont_write_bytecode", dont_write.get()) < 0 ||
        dict_set_item_string(sysdict, "implementation", impl_obj.get()) < 0 ||
        dict_set_item_string(sysdict, "hexversion", hexversion.get()) < 0 ||
        dict_set_item_string(sysdict, "builtin_module_names", builtin_names.get()) < 0 ||
        dict_set_item_string(sysdict, "maxunicode", maxunicode.get()) < 0)
        return -1;
    if (sys_set_flags(sysdict, config) < 0) return -1;
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
    Ref<> pending = fetch_exception();
    Object* sysdict = interpreter_get()->sysdict;
    for (const char* name : {"stdout", "stderr"}) {
        Object* stream = sysdict ? dict_get_item_string(sysdict, name) : nullptr;
        if (stream && stream != Py_None()) {
            Ref<> keep = new_ref(stream);
            Ref<> r = call_method(stream, "flush");
            if (!r) error_clear();
        }
    }
    restore_exception(std::move(pending));
    std::fflush(stdout);
    std::fflush(stderr);
}

}  // namespace minipy::vm
