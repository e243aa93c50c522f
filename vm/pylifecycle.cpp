// pylifecycle.cpp: starting the interpreter above the runtime: the eval
// loop's upward hooks, the builtins and sys modules.
// Mirrors the vm-side steps of CPython 3.11 Python/pylifecycle.c
// (pycore_interp_init: pycore_init_builtins, _PySys_Create). Book chapter 8.
//
// The runtime cannot call the eval loop directly (it is a lower layer), so
// start-up registers the vm's entry for running Python functions in
// runtime::function_eval_hook; from then on a slot such as __eq__ written
// in Python, or sorted(key=f), reaches the loop through it.
#include <csignal>
#include <cstdio>

#include "ceval.h"
#include "ceval_gil.h"
#include "import.h"
#include "pylifecycle.h"
#include "genobject.h"
#include "iterators.h"
#include "minipy/memory/gc.h"
#include "minipy/runtime/codecs.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/cellobject.h"
#include "minipy/runtime/classobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/funcobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/objimpl.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/traceback.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/warnings.h"
#include "minipy/runtime/weakrefobject.h"
#include "minipy/vm/pythonrun.h"

namespace minipy::vm {

using namespace runtime;

namespace {

bool vm_initialized = false;

// The hook behind a function's vectorcall.
Ref<> function_vectorcall_hook(FunctionObject* func, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return eval_vector(func, nullptr, args, nargs, kwnames);
}

// super_init_without_args: `super()` in a method means
// super(__class__, <first argument>), both read from the calling frame.
Ref<> super_without_args()
{
    InterpreterFrame* frame = frame_stack().current;
    if (!frame) return format_error(Exc_RuntimeError, "super(): no current frame");
    CodeObject* co = frame->f_code;
    if (co->co_argcount == 0) return format_error(Exc_RuntimeError, "super(): no arguments");
    Object* firstarg = frame->localsplus[0];
    const char* kinds = bytes_as_string(co->co_localspluskinds);
    // The first argument may live in a cell (a closure uses it).
    if (firstarg && (static_cast<std::uint8_t>(kinds[0]) & CO_FAST_CELL) && cell_check(firstarg))
        firstarg = cell_get(firstarg);
    if (!firstarg) return format_error(Exc_RuntimeError, "super(): arg[0] deleted");
    Object* type = nullptr;
    for (int i = co->co_nlocalsplus - co->co_nfreevars; i < co->co_nlocalsplus; i++) {
        if (!unicode_equal_to_ascii(tuple_item(co->co_localsplusnames, i), "__class__")) continue;
        Object* cell = frame->localsplus[i];
        if (!cell || !cell_check(cell)) return format_error(Exc_RuntimeError, "super(): bad __class__ cell");
        type = cell_get(cell);
        if (!type) return format_error(Exc_RuntimeError, "super(): empty __class__ cell");
        if (!type_check(type))
            return format_error(Exc_TypeError, "super(): __class__ is not a type (%s)", Py_TYPE(type)->tp_name);
        break;
    }
    if (!type) return format_error(Exc_RuntimeError, "super(): __class__ cell not found");
    return tuple_pack({type, firstarg});
}

// signal_handler of Modules/signalmodule.c: only flags; the loop raises.
extern "C" void minipy_sigint_handler(int)
{
    sigint_pending.store(true);
    eval_signal_received();
}

// wait_for_thread_shutdown: threading._shutdown() joins the non-daemon
// threads, if threading was imported at all; its errors are unraisable.
void wait_for_thread_shutdown()
{
    Object* modules = sys_modules();
    Object* threading = modules ? dict_get_item_string(modules, "threading") : nullptr;
    if (!threading) {
        error_clear();
        return;
    }
    Ref<> keep = new_ref(threading);
    Ref<> result = call_method(threading, "_shutdown");
    if (!result) write_unraisable(nullptr, threading);
}

bool fail(const char* what)
{
    std::fprintf(stderr, "Fatal Python error: %s\n", what);
    error_clear();
    return false;
}

// The builtins dict as it was at start-up (interp->builtins_copy):
// finalize_restore_builtins puts it back, dropping what the program stored
// in builtins (and running those objects' destructors).
Object* builtins_copy = nullptr;

// PySys_WriteStderr, for the collector's DEBUG_STATS lines: through
// sys.stderr.write (so redirecting sys.stderr captures them); straight to
// the C stream when there is no usable sys.stderr. A pending exception is
// kept aside meanwhile.
void gc_write_stderr(const char* text)
{
    Ref<> saved = fetch_exception();
    Object* sysdict = interpreter_get()->sysdict;
    Object* stream = sysdict ? dict_get_item_string(sysdict, "stderr") : nullptr;
    Ref<> s = stream && stream != Py_None() ? unicode_from_string(text) : nullptr;
    Ref<> r = s ? call_method(stream, "write", {s.get()}) : nullptr;
    if (!r) {
        error_clear();
        std::fputs(text, stderr);
    }
    restore_exception(std::move(saved));
}

// pycore_init_builtins keeps that copy once the builtins are complete.
void save_builtins_copy()
{
    Object* builtins = interpreter_get()->builtins;
    if (!builtins_copy && builtins) {
        Ref<> copy = dict_copy(builtins);
        if (copy) builtins_copy = copy.release();
        else error_clear();
    }
}

RunConfig& config_storage()
{
    static RunConfig config;
    return config;
}

}  // namespace

const RunConfig& run_config() { return config_storage(); }

bool initialize(const std::vector<std::string>& argv)
{
    RunConfig config;
    config.argv = argv;
    return initialize(config);
}

bool initialize(const RunConfig& config)
{
    if (vm_initialized) return true;
    config_storage() = config;
    const std::vector<std::string>& argv = config.argv;
    // -u: every write reaches the file at once (CPython's write_through
    // text layer over an unbuffered binary one).
    if (!config.buffered_stdio) {
        std::setvbuf(stdout, nullptr, _IONBF, 0);
        std::setvbuf(stderr, nullptr, _IONBF, 0);
    }
    runtime::initialize();
    gil_init();
    init_function_types();
    if (init_iterator_types() < 0 || init_gen_types() < 0) return fail("cannot initialize the vm's types");
    function_eval_hook = function_vectorcall_hook;
    super_no_args_hook = super_without_args;
    unraisable_hook = write_unraisable;
    error_display_hook = display_exception;
    memory::gc_object_hooks.write_stderr = gc_write_stderr;

    InterpreterState* interp = interpreter_get();
    Ref<> builtins = builtins_module_create();
    if (!builtins) return fail("pycore_init_builtins: can't initialize the builtins module");
    interp->builtins = new_ref(module_get_dict(builtins.get())).release();
    save_builtins_copy();
    Ref<> sys = sys_module_create(argv);
    if (!sys) return fail("_PySys_Create: can't initialize the sys module");
    interp->sysdict = new_ref(module_get_dict(sys.get())).release();
    if (sys_set_config(interp->sysdict, config) < 0) return fail("_PySys_UpdateConfig: can't set up sys");
    if (warnings_init() < 0) return fail("_PyWarnings_InitState: can't initialize the warnings filters");
    Object* modules = dict_get_item_string(interp->sysdict, "modules");
    if (!modules || set_builtin_spec(builtins.get(), "builtins") < 0 || set_builtin_spec(sys.get(), "sys") < 0 ||
        dict_set_item_string(modules, "builtins", builtins.get()) < 0 ||
        dict_set_item_string(modules, "sys", sys.get()) < 0)
        return fail("can't register the sys and builtins modules");
    // signal.default_int_handler: Ctrl-C raises KeyboardInterrupt, unless
    // SIGINT was ignored when the process started.
    struct sigaction old_action{};
    if (sigaction(SIGINT, nullptr, &old_action) == 0 && old_action.sa_handler == SIG_DFL) {
        struct sigaction action{};
        action.sa_handler = minipy_sigint_handler;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, nullptr);
    }
    // signal_install_handlers: a write to a closed pipe fails with EPIPE
    // (BrokenPipeError) instead of killing the process; likewise EFBIG.
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);
    vm_initialized = true;
    if (builtins_set_open() < 0) return fail("init_set_builtins_open: can't initialize builtins.open");
    init_sys_streams(config);
    // init_interp_main: -W options and PYTHONWARNINGS take effect through
    // the warnings module, imported at start-up when there are any.
    Object* warnoptions = dict_get_item_string(interp->sysdict, "warnoptions");
    if (warnoptions && list_check(warnoptions) && list_size(warnoptions) > 0) {
        Ref<> name = unicode_from_string("warnings");
        Ref<> mod = name ? import_module_level(name.get(), nullptr, nullptr, 0) : nullptr;
        if (!mod) {
            std::fputs("'import warnings' failed; traceback:\n", stderr);
            print_pending_exception();
        }
    }
    return true;
}

namespace {

// flush_std_files: sys.stdout then sys.stderr; a stdout that cannot be
// flushed (a full disk, a closed pipe) is reported as unraisable and makes
// the exit status 120.
int flush_std_files()
{
    int status = 0;
    Object* sysdict = interpreter_get()->sysdict;
    for (const char* name : {"stdout", "stderr"}) {
        Object* stream = sysdict ? dict_get_item_string(sysdict, name) : nullptr;
        if (!stream || stream == Py_None()) continue;
        Ref<> keep = new_ref(stream);
        // file_is_closed: a closed stream is not flushed.
        Ref<> closed;
        if (object_lookup_attr(stream, intern_str("closed"), &closed) < 0) error_clear();
        if (closed && object_is_true(closed.get()) == 1) continue;
        error_clear();
        Ref<> r = call_method(stream, "flush");
        if (!r) {
            if (std::string(name) == "stdout") {
                write_unraisable(nullptr, stream);
                status = -1;
            }
            else {
                error_clear();
            }
        }
    }
    return status;
}

}  // namespace

namespace {

// finalize_modules_delete_special: user values often hide in builtins._ and
// in a few sys attributes; sys and builtins are wiped last of all, too late
// for their destructors, so these go first. The standard streams get their
// originals back so that destructors still print somewhere.
void finalize_modules_delete_special(InterpreterState* interp)
{
    if (dict_set_item_string(interp->builtins, "_", Py_None()) < 0) write_unraisable(nullptr, nullptr);
    for (const char* name : {"path", "argv", "ps1", "ps2", "last_type", "last_value", "last_traceback",
                             "path_hooks", "path_importer_cache", "meta_path", "__interactivehook__"}) {
        if (dict_set_item_string(interp->sysdict, name, Py_None()) < 0) write_unraisable(nullptr, nullptr);
    }
    const char* const files[][2] = {{"stdin", "__stdin__"}, {"stdout", "__stdout__"}, {"stderr", "__stderr__"}};
    for (const auto& file : files) {
        Object* value = dict_get_item_string(interp->sysdict, file[1]);
        Ref<> keep = new_ref(value ? value : Py_None());
        if (dict_set_item_string(interp->sysdict, file[0], keep.get()) < 0) write_unraisable(nullptr, nullptr);
    }
}

// finalize_remove_modules: every module in sys.modules is replaced by None,
// hoping that reference counting and the collector free most of them. The
// returned list holds (name, weakref to the module) pairs in sys.modules
// order, to find the modules something still keeps alive.
Ref<> finalize_remove_modules(Object* modules)
{
    Ref<> weaklist = list_new(0);
    if (!weaklist) write_unraisable(nullptr, nullptr);
    Py_ssize_t pos = 0;
    Object* name;
    Object* mod;
    while (dict_next(modules, &pos, &name, &mod)) {
        if (!module_check(mod)) continue;
        Ref<> keep_name = new_ref(name);
        if (weaklist) {
            Ref<> wr = weakref_new_ref(mod, nullptr);
            Ref<> pair = wr ? tuple_pack({name, wr.get()}) : nullptr;
            if (!pair || list_append(weaklist.get(), pair.get()) < 0) write_unraisable(nullptr, nullptr);
        }
        // Replacing a value keeps the table's layout: the walk goes on.
        if (dict_set_item(modules, name, Py_None()) < 0) write_unraisable(nullptr, nullptr);
    }
    return weaklist;
}

void finalize_restore_builtins(InterpreterState* interp)
{
    Ref<> dropped = dict_copy(interp->builtins);
    if (!dropped) write_unraisable(nullptr, nullptr);
    dict_clear(interp->builtins);
    if (builtins_copy && dict_update(interp->builtins, builtins_copy) < 0) error_clear();
    // `dropped` goes last: destructors of user values see the original builtins.
}

// finalize_modules_clear_weaklist: modules still alive after the collection
// (held by something outside sys.modules) have their globals wiped, the
// last imported first; sys and builtins wait for the very end.
void finalize_modules_clear_weaklist(InterpreterState* interp, Object* weaklist)
{
    for (Py_ssize_t i = list_size(weaklist) - 1; i >= 0; i--) {
        Object* pair = list_item(weaklist, i);
        Object* mod = weakref_get_object(tuple_item(pair, 1));
        if (mod == Py_None()) continue;
        Object* dict = module_get_dict(mod);
        if (!dict || dict == interp->builtins || dict == interp->sysdict) continue;
        Ref<> keep = new_ref(mod);
        module_clear_dict(dict);
    }
}

// _PyGC_DumpShutdownStats (Modules/gcmodule.c): objects a program left in
// gc.garbage (appended by hand: the collector itself fills it only under
// DEBUG_SAVEALL, which silences this) are reported as a ResourceWarning
// attributed to "gc", line 0, module "gc" -- shown only where the filters
// let ResourceWarning through (-W default, -X dev); a filter turning it
// into an error prints it as unraisable. DEBUG_UNCOLLECTABLE lists them.
void gc_dump_shutdown_stats()
{
    const int debug = memory::gc_state().debug;
    Object* garbage = gc_garbage_list();
    if ((debug & memory::DEBUG_SAVEALL) || !garbage || list_size(garbage) == 0) return;
    std::string message = "gc: " + std::to_string(list_size(garbage)) + " uncollectable objects at shutdown";
    if (!(debug & memory::DEBUG_UNCOLLECTABLE))
        message += "; use gc.set_debug(gc.DEBUG_UNCOLLECTABLE) to list them";
    Ref<> text = unicode_from_utf8(message);
    Ref<> where = unicode_from_string("gc");
    if (!text || !where ||
        error_warn_explicit(Exc_ResourceWarning, text.get(), where.get(), 0, where.get(), nullptr) < 0)
        write_unraisable(nullptr, nullptr);
    if (debug & memory::DEBUG_UNCOLLECTABLE) {
        Ref<> repr = object_repr(garbage);
        if (!repr) {
            write_unraisable(nullptr, garbage);
            return;
        }
        gc_write_stderr(("      " + unicode_to_std(repr.get()) + "\n").c_str());
    }
}

// finalize_modules (Python/pylifecycle.c): tears the modules down in
// CPython's order, so that destructors of objects reachable from module
// globals run, and run in the same order as in CPython:
//  1. a few special names (builtins._, sys.path, ...);
//  2. every module in sys.modules replaced by None, then sys.modules
//     emptied, the builtins restored: modules nothing else holds die, and
//     those in reference cycles (a module's functions refer to its globals)
//     become garbage for
//  3. a full collection: their objects' finalizers run with the globals
//     still intact, then the cycles are broken; what gc.garbage still holds
//     is reported (gc_dump_shutdown_stats);
//  4. modules still alive get their dicts wiped (module_clear_dict), last
//     imported first, then sys's and builtins' dicts;
//  5. one more collection for what the wiping turned into garbage.
void finalize_modules(InterpreterState* interp)
{
    Ref<> modules = new_ref(sys_modules());
    if (!modules || !interp->builtins || !interp->sysdict) return;
    finalize_modules_delete_special(interp);
    tracebacks_without_source = true;  // CPython's io is among the first modules to go
    Ref<> weaklist = dict_check(modules.get()) ? finalize_remove_modules(modules.get()) : nullptr;
    if (dict_check(modules.get())) dict_clear(modules.get());
    finalize_restore_builtins(interp);
    (void)memory::gc_collect_no_fail();
    // Before the modules are wiped: the warning needs the warnings machinery.
    gc_dump_shutdown_stats();
    if (weaklist) finalize_modules_clear_weaklist(interp, weaklist.get());
    weaklist = nullptr;
    module_clear_dict(interp->sysdict);
    module_clear_dict(interp->builtins);
    modules = nullptr;
    (void)memory::gc_collect_no_fail();
}

// finalize_interp_clear: the interpreter drops its last references
// (PyInterpreterState_Clear, then the runtime's caches and thread state).
void finalize_interp_clear(InterpreterState* interp)
{
    clear_ref(builtins_copy);
    codec_registry_clear();  // interp->codec_search_path & co.
    // interpreter_clear's "last garbage collection on this interpreter"
    // (with DEBUG_STATS, CPython's fifth block of lines at exit).
    (void)memory::gc_collect_no_fail();
    // sys's and builtins' dicts go last: clearing anything else may still
    // run Python code.
    if (interp->sysdict) dict_clear(interp->sysdict);
    if (interp->builtins) dict_clear(interp->builtins);
    clear_ref(interp->sysdict);
    clear_ref(interp->builtins);
    runtime::finalize();
}

// PyGC_Collect: the collection before teardown, a normal one (gc.callbacks
// are called) that gc.disable() skips.
void gc_collect_if_enabled()
{
    if (!memory::gc_state().enabled) return;
    Ref<> exc = fetch_exception();
    (void)memory::gc_collect(memory::NUM_GENERATIONS - 1);
    if (exc) restore_exception(std::move(exc));
}

}  // namespace

int finalize(int status)
{
    if (!vm_initialized) return status;
    vm_initialized = false;
    InterpreterState* interp = interpreter_get();
    // Py_FinalizeEx: non-daemon threads are joined first (threading's
    // _shutdown), then the atexit callbacks run, while everything still
    // works; from then on daemon threads may no longer take the GIL. The
    // standard streams are flushed; a stdout that cannot be flushed makes
    // the exit status 120.
    wait_for_thread_shutdown();
    atexit_call_callbacks();
    runtime_set_finalizing(thread_state_get());
    if (flush_std_files() < 0) status = 120;
    // Garbage first, while every module is intact; then the modules.
    gc_collect_if_enabled();
    finalize_modules(interp);
    if (flush_std_files() < 0) status = 120;
    std::fflush(stdout);
    finalize_interp_clear(interp);
    // -X showrefcount: what a debug build of CPython prints at the very end
    // of Py_FinalizeEx (_PyDebug_PrintTotalRefs), after the teardown: what
    // is left is what the runtime keeps for the life of the process.
    if (run_config().show_ref_count) {
        std::string summary = runtime::refcount_summary();
        if (!summary.empty()) std::fprintf(stderr, "%s\n", summary.c_str());
    }
    std::fflush(stderr);
    if (unhandled_keyboard_interrupt) {
        // _Py_UnhandledKeyboardInterrupt: die of SIGINT with its default
        // action, so that a calling shell sees the interrupt (status 130).
        std::signal(SIGINT, SIG_DFL);
        std::raise(SIGINT);
    }
    return status;
}

}  // namespace minipy::vm
