// _warnings.cpp: the warnings machinery: the filters, the registries of
// warnings already shown, warn() and warn_explicit(), and the display used
// until the warnings module is imported. Mirrors CPython 3.11
// Python/_warnings.c. Book chapter 8.
//
// How a warning travels (read warn_explicit first):
//   warn(message, category, stacklevel)   -- setup_context: the frame
//       stacklevel levels up gives filename, lineno, module (its globals'
//       __name__) and the registry (its globals' __warningregistry__);
//   warn_explicit(...)                    -- the registry says whether this
//       (text, category, lineno) was shown already; the first filter
//       (action, message, category, module, lineno) that matches gives the
//       action ("error" raises, "ignore" drops, "always", "default",
//       "module", "once" show and remember where), else _defaultaction;
//   call_show_warning                     -- warnings._showwarnmsg when the
//       warnings module is imported (so warnings.showwarning can be
//       replaced), else show_warning: "file:line: Category: text" and the
//       source line on sys.stderr.
// Invariants: the state below is the one copy of filters, _onceregistry
// and _defaultaction; lib/warnings.py imports these objects from here, so a
// change made through either module is seen by both. Every change to the
// filters bumps filters_version (_filters_mutated), and a registry whose
// "version" entry differs is cleared before use, so a new filter applies to
// warnings shown before it.
#include <climits>
#include <string>

#include "ceval.h"
#include "frame.h"
#include "pylifecycle.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/warnings.h"

namespace minipy::vm {

using namespace runtime;

namespace {

// WarningsState of pycore_warnings.h.
struct WarningsState {
    Object* filters = nullptr;         // list of 5-tuples
    Object* once_registry = nullptr;   // dict
    Object* default_action = nullptr;  // str
    long filters_version = 0;
};

WarningsState& state()
{
    static WarningsState st;
    return st;
}

// create_filter: (action, None, category, modname or None, 0); the module
// of a built-in filter is a plain str, matched exactly (not a regex).
Ref<> create_filter(TypeObject* category, const char* action, const char* modname)
{
    Ref<> action_obj = unicode_from_string(action);
    Ref<> mod = modname ? unicode_from_string(modname) : none_ref();
    Ref<> zero = long_from_long(0);
    if (!action_obj || !mod || !zero) return nullptr;
    return tuple_pack({action_obj.get(), Py_None(), category, mod.get(), zero.get()});
}

// init_filters: the default filters of a release build (not -X dev).
int init_state()
{
    WarningsState& st = state();
    if (st.filters) return 0;
    Ref<> filters = list_new(0);
    if (!filters) return -1;
    struct Default {
        TypeObject* category;
        const char* action;
        const char* module;
    };
    for (Default d : {Default{Exc_DeprecationWarning, "default", "__main__"},
                      Default{Exc_DeprecationWarning, "ignore", nullptr},
                      Default{Exc_PendingDeprecationWarning, "ignore", nullptr},
                      Default{Exc_ImportWarning, "ignore", nullptr}, Default{Exc_ResourceWarning, "ignore", nullptr}}) {
        Ref<> f = create_filter(d.category, d.action, d.module);
        if (!f || list_append(filters.get(), f.get()) < 0) return -1;
    }
    Ref<> once = dict_new();
    Ref<> action = unicode_from_string("default");
    if (!once || !action) return -1;
    st.filters = filters.release();
    st.once_registry = once.release();
    st.default_action = action.release();
    return 0;
}

// get_warnings_attr: an attribute of the warnings module if it has been
// imported (nothing is imported here); nullptr without an error otherwise.
Ref<> get_warnings_attr(const char* attr)
{
    Object* warnings = dict_get_item_string(sys_modules(), "warnings");
    if (!warnings) return nullptr;
    Ref<> keep = new_ref(warnings);
    Ref<> value;
    if (object_lookup_attr(warnings, intern_str(attr), &value) < 0) return nullptr;
    return value;
}

// The filters list: warnings.filters, else ours.
Ref<> get_filters()
{
    Ref<> filters = get_warnings_attr("filters");
    if (error_occurred()) return nullptr;
    if (!filters) filters = new_ref(state().filters);
    if (!list_check(filters.get())) return format_error(Exc_ValueError, "_warnings.filters must be a list");
    return filters;
}

Ref<> get_default_action()
{
    Ref<> action = get_warnings_attr("_defaultaction");
    if (error_occurred()) return nullptr;
    if (!action) return new_ref(state().default_action);
    if (!unicode_check(action.get()))
        return format_error(Exc_TypeError, "_warnings.defaultaction must be a string, not '%.200s'",
                            Py_TYPE(action.get())->tp_name);
    return action;
}

Ref<> get_once_registry()
{
    Ref<> registry = get_warnings_attr("_onceregistry");
    if (error_occurred()) return nullptr;
    if (!registry) return new_ref(state().once_registry);
    if (!dict_check(registry.get()))
        return format_error(Exc_TypeError, "_warnings._onceregistry must be a dict, not '%.200s'",
                            Py_TYPE(registry.get())->tp_name);
    return registry;
}

// check_matched: None matches everything, a str exactly, anything else is
// a compiled pattern whose match() decides. 1, 0, or -1 on error.
int check_matched(Object* pattern, Object* arg)
{
    if (pattern == Py_None()) return 1;
    if (unicode_check_exact(pattern)) return object_rich_compare_bool(pattern, arg, Py_EQ);
    Ref<> result = call_method(pattern, "match", {arg});
    if (!result) return -1;
    return object_is_true(result.get());
}

// get_filter: the action of the first matching filter (and the filter in
// *item), else the default action.
Ref<> get_filter(Object* category, Object* text, long lineno, Object* module, Ref<>* item)
{
    Ref<> filters = get_filters();
    if (!filters) return nullptr;
    for (Py_ssize_t i = 0; i < list_size(filters.get()); i++) {
        Ref<> tmp_item = new_ref(list_item(filters.get(), i));
        if (!tuple_check(tmp_item.get()) || tuple_size(tmp_item.get()) != 5)
            return format_error(Exc_ValueError, "_warnings.filters item %zd isn't a 5-tuple", i);
        Object* action = tuple_item(tmp_item.get(), 0);
        Object* msg = tuple_item(tmp_item.get(), 1);
        Object* cat = tuple_item(tmp_item.get(), 2);
        Object* mod = tuple_item(tmp_item.get(), 3);
        Object* ln_obj = tuple_item(tmp_item.get(), 4);
        if (!unicode_check(action))
            return format_error(Exc_TypeError, "action must be a string, not '%.200s'", Py_TYPE(action)->tp_name);
        int good_msg = check_matched(msg, text);
        if (good_msg < 0) return nullptr;
        int good_mod = check_matched(mod, module);
        if (good_mod < 0) return nullptr;
        int is_subclass = object_is_subclass(category, cat);
        if (is_subclass < 0) return nullptr;
        long long ln = long_as_long_long(ln_obj);
        if (ln == -1 && error_occurred()) return nullptr;
        if (good_msg && is_subclass && good_mod && (ln == 0 || lineno == ln)) {
            *item = std::move(tmp_item);
            return new_ref(action);
        }
    }
    return get_default_action();
}

// already_warned: whether registry[key] is set, first clearing a registry
// made under other filters. Sets it when should_set. 1, 0 or -1.
int already_warned(Object* registry, Object* key, bool should_set)
{
    Object* version = dict_get_item_string(registry, "version");
    if (!version || !long_check_exact(version) || long_as_long_long(version) != state().filters_version) {
        error_clear();
        dict_clear(registry);
        Ref<> v = long_from_long(state().filters_version);
        if (!v || dict_set_item_string(registry, "version", v.get()) < 0) return -1;
    }
    else {
        Object* seen = dict_get_item_with_error(registry, key);
        if (!seen && error_occurred()) return -1;
        if (seen) {
            int rc = object_is_true(seen);
            if (rc != 0) return rc;
        }
    }
    if (should_set) return dict_set_item(registry, key, Py_True());
    return 0;
}

// update_registry: registry[(text, category)] (a "once" or "module" warning
// is shown once whatever its line).
int update_registry(Object* registry, Object* text, Object* category)
{
    Ref<> altkey = tuple_pack({text, category});
    if (!altkey) return -1;
    return already_warned(registry, altkey.get(), true);
}

// show_warning: the display without the warnings module.
int show_warning(Object* filename, int lineno, Object* text, Object* category)
{
    Ref<> name;
    if (object_lookup_attr(category, intern_str("__name__"), &name) < 0) return -1;
    Object* sysdict = interpreter_get()->sysdict;
    Object* f_stderr = sysdict ? dict_get_item_string(sysdict, "stderr") : nullptr;
    if (!f_stderr || f_stderr == Py_None()) {
        std::fputs("lost sys.stderr\n", stderr);
        return 0;
    }
    Ref<> line = unicode_from_format("%S:%d: %S: %S\n", filename, lineno, name ? name.get() : Py_None(), text);
    if (!line || sys_write_text("stderr", line.get()) < 0) return -1;
    // _Py_DisplaySourceLine with an indent of 2: the line without its
    // leading blanks, if the file has it.
    std::string source;
    if (unicode_check(filename) && read_source_line(unicode_to_std(filename), lineno, &source)) {
        std::size_t start = source.find_first_not_of(" \t\f");
        if (start != std::string::npos) {
            Ref<> shown = unicode_from_utf8("  " + source.substr(start) + "\n");
            if (!shown || sys_write_text("stderr", shown.get()) < 0) return -1;
        }
    }
    return 0;
}

// call_show_warning: through warnings._showwarnmsg(WarningMessage(...))
// when the module is imported, so that a replaced showwarning is used.
int call_show_warning(Object* category, Object* text, Object* message, Object* filename, int lineno,
                      Object* lineno_obj, Object* source)
{
    Ref<> show_fn = get_warnings_attr("_showwarnmsg");
    if (!show_fn) {
        if (error_occurred()) return -1;
        return show_warning(filename, lineno, text, category);
    }
    if (!callable_check(show_fn.get())) {
        set_error(Exc_TypeError, "warnings._showwarnmsg() must be set to a callable");
        return -1;
    }
    Ref<> warnmsg_cls = get_warnings_attr("WarningMessage");
    if (!warnmsg_cls) {
        if (!error_occurred()) set_error(Exc_RuntimeError, "unable to get warnings.WarningMessage");
        return -1;
    }
    Ref<> args = tuple_pack({message, category, filename, lineno_obj, Py_None(), Py_None(),
                             source ? source : Py_None()});
    Ref<> msg = args ? object_call(warnmsg_cls.get(), args.get(), nullptr) : nullptr;
    if (!msg) return -1;
    Ref<> r = call_function_objargs(show_fn.get(), {msg.get()});
    return r ? 0 : -1;
}

// normalize_module: a filename without ".py" ("<unknown>" if empty).
Ref<> normalize_module(Object* filename)
{
    std::string name = unicode_check(filename) ? unicode_to_std(filename) : std::string();
    if (name.empty()) return unicode_from_string("<unknown>");
    if (name.size() >= 3 && name.compare(name.size() - 3, 3, ".py") == 0) name.resize(name.size() - 3);
    return unicode_from_utf8(name);
}

// warn_explicit: the heart of it (see the header comment). A new
// reference to None, or nullptr with the error set.
Ref<> warn_explicit(Object* category, Object* message, Object* filename, int lineno, Object* module,
                    Object* registry, Object* source)
{
    if (init_state() < 0) return nullptr;
    Ref<> module_ref;
    if (!module) {
        module_ref = normalize_module(filename);
        if (!module_ref) return nullptr;
        module = module_ref.get();
    }
    if (registry && registry != Py_None() && !dict_check(registry))
        return format_error(Exc_TypeError, "'registry' must be a dict or None");
    // Normalize the message: a Warning instance is its own category.
    Ref<> text;
    Ref<> message_ref;
    int is_warning = object_is_instance(message, Exc_Warning);
    if (is_warning < 0) return nullptr;
    if (is_warning) {
        text = object_str(message);
        if (!text) return nullptr;
        category = Py_TYPE(message);
        message_ref = new_ref(message);
    }
    else {
        text = new_ref(message);
        message_ref = call_function_objargs(category, {message});
        if (!message_ref) return nullptr;
    }
    Ref<> lineno_obj = long_from_long(lineno);
    Ref<> key = lineno_obj ? tuple_pack({text.get(), category, lineno_obj.get()}) : nullptr;
    if (!key) return nullptr;
    bool have_registry = registry && registry != Py_None();
    if (have_registry) {
        int rc = already_warned(registry, key.get(), false);
        if (rc < 0) return nullptr;
        if (rc == 1) return none_ref();
    }
    Ref<> item;
    Ref<> action = get_filter(category, text.get(), lineno, module, &item);
    if (!action) return nullptr;
    std::string act = unicode_to_std(action.get());
    if (act == "error") {
        set_error_object(static_cast<TypeObject*>(category), message_ref.get());
        return nullptr;
    }
    if (act == "ignore") return none_ref();
    int rc = 0;
    if (act != "always") {
        // Remember it was shown here, except for "always".
        if (have_registry && dict_set_item(registry, key.get(), Py_True()) < 0) return nullptr;
        if (act == "once") {
            // As in CPython's C code, the module's registry when there is
            // one, else the once registry.
            Ref<> once = have_registry ? new_ref(registry) : get_once_registry();
            if (!once) return nullptr;
            rc = update_registry(once.get(), text.get(), category);
        }
        else if (act == "module") {
            if (have_registry) rc = update_registry(registry, text.get(), category);
        }
        else if (act != "default") {
            return format_error(Exc_RuntimeError, "Unrecognized action (%R) in warnings.filters:\n %R",
                                action.get(), item ? item.get() : Py_None());
        }
    }
    if (rc < 0) return nullptr;
    if (rc == 1) return none_ref();  // already shown for this module
    if (call_show_warning(category, text.get(), message_ref.get(), filename, lineno, lineno_obj.get(), source) < 0)
        return nullptr;
    return none_ref();
}

// setup_context: where a warning stack_level frames up is attributed.
bool setup_context(Py_ssize_t stack_level, Ref<>* filename, int* lineno, Ref<>* module, Ref<>* registry)
{
    InterpreterFrame* f = frame_get_caller(0);
    while (--stack_level > 0 && f != nullptr) f = f->previous;
    // Frames that have not started yet (a generator being created) do not count.
    Object* globals;
    if (f == nullptr) {
        globals = interpreter_get()->sysdict;
        *filename = unicode_from_string("sys");
        *lineno = 1;
    }
    else {
        globals = f->f_globals;
        *filename = new_ref(f->f_code->co_filename);
        *lineno = code_addr2line(f->f_code, frame_lasti(f) * 2);
    }
    if (!*filename) return false;
    Object* reg = dict_get_item_string(globals, "__warningregistry__");
    if (reg) {
        *registry = new_ref(reg);
    }
    else {
        *registry = dict_new();
        if (!*registry || dict_set_item_string(globals, "__warningregistry__", registry->get()) < 0) return false;
    }
    Object* name = dict_get_item_string(globals, "__name__");
    if (name && unicode_check(name)) *module = new_ref(name);
    else *module = unicode_from_string("<string>");
    return static_cast<bool>(*module);
}

// get_category: the category a warn() call means.
Object* get_category(Object* message, Object* category)
{
    int is_warning = object_is_instance(message, Exc_Warning);
    if (is_warning < 0) return nullptr;
    if (is_warning) return Py_TYPE(message);
    if (!category || category == Py_None()) return Exc_UserWarning;
    // The category must be a Warning subclass.
    int ok = type_check(category) ? object_is_subclass(category, Exc_Warning) : 0;
    if (ok < 0) return nullptr;
    if (!ok) {
        format_error(Exc_TypeError, "category must be a Warning subclass, not '%s'", Py_TYPE(category)->tp_name);
        return nullptr;
    }
    return category;
}

Ref<> do_warn(Object* message, Object* category, Py_ssize_t stack_level, Object* source)
{
    Ref<> filename, module, registry;
    int lineno = 0;
    if (!setup_context(stack_level, &filename, &lineno, &module, &registry)) return nullptr;
    return warn_explicit(category, message, filename.get(), lineno, module.get(), registry.get(), source);
}

// --- the module's functions ---------------------------------------------------

// warn(message, category=None, stacklevel=1, source=None)
Ref<> warnings_warn(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[4] = {};
    if (!parse_args_fastkw("warn", args, nargs, kwnames, {"message", "category", "stacklevel", "source"}, 1, a))
        return nullptr;
    Py_ssize_t stack_level = 1;
    if (a[2]) {
        long long v = long_as_long_long(a[2]);
        if (v == -1 && error_occurred()) return nullptr;
        stack_level = static_cast<Py_ssize_t>(v);
    }
    Object* category = get_category(a[0], a[1]);
    if (!category) return nullptr;
    return do_warn(a[0], category, stack_level, a[3] && a[3] != Py_None() ? a[3] : nullptr);
}

// warn_explicit(message, category, filename, lineno, module=None,
//               registry=None, module_globals=None, source=None)
Ref<> warnings_warn_explicit(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* a[8] = {};
    if (!parse_args_fastkw("warn_explicit", args, nargs, kwnames,
                           {"message", "category", "filename", "lineno", "module", "registry", "module_globals",
                            "source"},
                           4, a))
        return nullptr;
    if (!unicode_check(a[2]))
        return format_error(Exc_TypeError, "warn_explicit() argument 3 must be str, not %.50s",
                            Py_TYPE(a[2])->tp_name);
    long long lineno = long_as_long_long(a[3]);
    if (lineno == -1 && error_occurred()) return nullptr;
    if (a[6] && a[6] != Py_None() && !dict_check(a[6]))
        return format_error(Exc_TypeError, "module_globals must be a dict, not '%.200s'", Py_TYPE(a[6])->tp_name);
    Object* module = a[4] && a[4] != Py_None() ? a[4] : nullptr;
    return warn_explicit(a[1], a[0], a[2], static_cast<int>(lineno), module, a[5], a[7] && a[7] != Py_None() ? a[7] : nullptr);
}

// _filters_mutated(): the filters changed; every registry is stale.
Ref<> warnings_filters_mutated(Object*, Object*)
{
    state().filters_version++;
    return none_ref();
}

// _getline(filename, lineno): minipy's own helper for lib/warnings.py's
// formatwarning while there is no linecache (no io module yet): the line
// with its newline, or '' when the file has no such line.
Ref<> warnings_getline(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("_getline", nargs, 2, 2)) return nullptr;
    if (!unicode_check(args[0])) return unicode_from_string("");
    long long lineno = long_as_long_long(args[1]);
    if (lineno == -1 && error_occurred()) return nullptr;
    std::string line;
    if (lineno < 1 || lineno > INT_MAX || !read_source_line(unicode_to_std(args[0]), static_cast<int>(lineno), &line))
        return unicode_from_string("");
    return unicode_from_utf8(line + "\n");
}

MethodDef warnings_methods[] = {
    method_fastkw("warn", warnings_warn, "Issue a warning, or maybe ignore it or raise an exception."),
    method_fastkw("warn_explicit", warnings_warn_explicit, "Low-level interface to warnings functionality."),
    method_noargs("_filters_mutated", warnings_filters_mutated, nullptr),
    method_fast("_getline", warnings_getline, nullptr),
    {},
};

// The runtime's entry points (runtime/warnings.h).
int warn_hook_impl(TypeObject* category, Object* message, Py_ssize_t stack_level)
{
    Ref<> r = do_warn(message, category, stack_level, nullptr);
    return r ? 0 : -1;
}

int warn_explicit_hook_impl(TypeObject* category, Object* message, Object* filename, int lineno, Object* module,
                            Object* registry)
{
    Ref<> r = warn_explicit(category, message, filename, lineno, module, registry, nullptr);
    return r ? 0 : -1;
}

}  // namespace

Ref<> warnings_module_create()
{
    if (init_state() < 0) return nullptr;
    Ref<> mod = module_new("_warnings");
    if (!mod || module_add_functions(mod.get(), warnings_methods) < 0) return nullptr;
    WarningsState& st = state();
    if (module_add_object(mod.get(), "filters", st.filters) < 0 ||
        module_add_object(mod.get(), "_onceregistry", st.once_registry) < 0 ||
        module_add_object(mod.get(), "_defaultaction", st.default_action) < 0)
        return nullptr;
    return mod;
}

int warnings_init()
{
    if (init_state() < 0) return -1;
    warn_hook = warn_hook_impl;
    warn_explicit_hook = warn_explicit_hook_impl;
    return 0;
}

}  // namespace minipy::vm
