// import.cpp: the import statement's machinery: sys.modules, then source
// modules and packages found on sys.path (or a package's __path__),
// compiled by minipy's compiler; absolute and relative imports.
// Mirrors the parts of CPython 3.11 Python/import.c
// (PyImport_ImportModuleLevelObject, resolve_name) and
// Lib/importlib/_bootstrap.py (_gcd_import, _find_and_load,
// _handle_fromlist) that plain source imports need, and import_from /
// import_all_from of ceval.c. Book chapter 8. Not yet: __pycache__,
// .pyc-only modules, namespace packages, meta path hooks, importlib.
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <vector>

#include "ceval.h"
#include "minipy/compiler/compile.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::vm {

using namespace runtime;

Object* sys_modules()
{
    Object* sysdict = interpreter_get()->sysdict;
    return sysdict ? dict_get_item_string(sysdict, "modules") : nullptr;
}

namespace {

void set_import_error_name(Object* name)
{
    Object* exc = thread_state_get()->curexc_value;
    if (exc && object_type_check(exc, Exc_ImportError))
        set_ref(static_cast<ImportErrorObject*>(exc)->name, new_ref(name).release());
}

Ref<> module_not_found(const std::string& fullname)
{
    Ref<> name = unicode_from_utf8(fullname);
    if (!name) return nullptr;
    format_error(Exc_ModuleNotFoundError, "No module named %R", name.get());
    set_import_error_name(name.get());
    return nullptr;
}

bool is_file(const std::string& path)
{
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// The directories to search: sys.path for a top-level module, the
// parent package's __path__ for a submodule.
std::vector<std::string> search_path(Object* parent)
{
    std::vector<std::string> dirs;
    Ref<> path;
    if (parent) {
        if (object_lookup_attr(parent, intern_str("__path__"), &path) < 0) error_clear();
    }
    else if (Object* sysdict = interpreter_get()->sysdict) {
        path = new_ref(dict_get_item_string(sysdict, "path"));
    }
    if (path && list_check(path.get()))
        for (Py_ssize_t i = 0; i < list_size(path.get()); i++)
            if (unicode_check(list_item(path.get(), i))) dirs.push_back(unicode_to_std(list_item(path.get(), i)));
    return dirs;
}

// _find_and_load for source files: PART.py or PART/__init__.py in the
// search path, compiled by minipy and run in a new module that is in
// sys.modules while its body runs (so circular imports see it).
Ref<> find_and_load(const std::string& fullname, Object* parent)
{
    std::string part = fullname.substr(fullname.rfind('.') == std::string::npos ? 0 : fullname.rfind('.') + 1);
    std::string file, package_dir;
    for (const std::string& dir : search_path(parent)) {
        std::string base = (dir.empty() ? std::string(".") : dir) + "/" + part;
        if (is_file(base + "/__init__.py")) {
            file = base + "/__init__.py";
            package_dir = base;
            break;
        }
        if (is_file(base + ".py")) {
            file = base + ".py";
            break;
        }
    }
    if (file.empty()) return module_not_found(fullname);
    std::ifstream in(file, std::ios::binary);
    std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Ref<> module = module_new(fullname.c_str());
    if (!module) return nullptr;
    Object* dict = module_get_dict(module.get());
    Ref<> file_obj = unicode_from_utf8(file);
    std::string package = package_dir.empty() ? fullname.substr(0, fullname.rfind('.') == std::string::npos
                                                                         ? 0
                                                                         : fullname.rfind('.'))
                                              : fullname;
    Ref<> package_obj = unicode_from_utf8(package);
    if (!file_obj || !package_obj || dict_set_item_string(dict, "__file__", file_obj.get()) < 0 ||
        dict_set_item_string(dict, "__package__", package_obj.get()) < 0 ||
        dict_set_item_string(dict, "__builtins__", interpreter_get()->builtins) < 0)
        return nullptr;
    if (!package_dir.empty()) {
        Ref<> dir = unicode_from_utf8(package_dir);
        Ref<> path = dir ? list_new(0) : nullptr;
        if (!path || list_append(path.get(), dir.get()) < 0 || dict_set_item_string(dict, "__path__", path.get()) < 0)
            return nullptr;
    }
    Ref<> code = compiler::compile_source(source, file, compiler::CompileMode::Exec);
    if (!code) return nullptr;
    Object* modules = sys_modules();
    if (dict_set_item_string(modules, fullname.c_str(), module.get()) < 0) return nullptr;
    Ref<> result = eval_code(code.get(), dict, dict);
    if (!result) {
        // A module whose body failed is not left half-imported.
        Ref<> exc = fetch_exception();
        Ref<> key = unicode_from_utf8(fullname);
        if (key && dict_contains(modules, key.get()) == 1 && dict_del_item(modules, key.get()) < 0) error_clear();
        restore_exception(std::move(exc));
        return nullptr;
    }
    // The module in sys.modules wins (a body may replace itself there).
    Object* final_module = dict_get_item_string(modules, fullname.c_str());
    if (final_module) module = new_ref(final_module);
    if (parent) {
        Ref<> part_obj = unicode_from_utf8(part);
        if (!part_obj || object_set_attr(parent, part_obj.get(), module.get()) < 0) return nullptr;
    }
    return module;
}

// import_get_module + _find_and_load: sys.modules first.
Ref<> import_one(const std::string& fullname, Object* parent)
{
    Object* modules = sys_modules();
    if (!modules) return format_error(Exc_ImportError, "sys.modules is missing");
    Ref<> key = unicode_from_utf8(fullname);
    if (!key) return nullptr;
    Object* m = dict_get_item_with_error(modules, key.get());
    if (m) return new_ref(m);
    if (error_occurred()) return nullptr;
    return find_and_load(fullname, parent);
}

// resolve_name: the absolute name of a relative import from globals'
// package (__package__, else __name__ and whether it has __path__).
bool resolve_name(Object* name, Object* globals, int level, std::string* out)
{
    Object* package = globals ? dict_get_item_string(globals, "__package__") : nullptr;
    std::string base;
    if (package && unicode_check(package)) {
        base = unicode_to_std(package);
    }
    else if (globals) {
        Object* modname = dict_get_item_string(globals, "__name__");
        if (modname && unicode_check(modname)) {
            base = unicode_to_std(modname);
            if (!dict_get_item_string(globals, "__path__"))
                base = base.rfind('.') == std::string::npos ? std::string() : base.substr(0, base.rfind('.'));
        }
    }
    if (base.empty()) {
        format_error(Exc_ImportError, "attempted relative import with no known parent package");
        return false;
    }
    for (int i = 1; i < level; i++) {
        std::size_t dot = base.rfind('.');
        if (dot == std::string::npos) {
            format_error(Exc_ImportError, "attempted relative import beyond top-level package");
            return false;
        }
        base = base.substr(0, dot);
    }
    std::string n = unicode_to_std(name);
    *out = n.empty() ? base : base + "." + n;
    return true;
}

}  // namespace

Ref<> import_module_level(Object* name, Object* globals, Object* fromlist, int level)
{
    if (!unicode_check(name)) return format_error(Exc_TypeError, "module name must be a string");
    if (level < 0) return format_error(Exc_ValueError, "level must be >= 0");
    if (level == 0 && unicode_length(name) == 0) return format_error(Exc_ValueError, "Empty module name");
    std::string full;
    if (level > 0) {
        if (!resolve_name(name, globals, level, &full)) return nullptr;
    }
    else {
        full = unicode_to_std(name);
    }
    // Import each dotted prefix, parents first, as _bootstrap._gcd_import does.
    Ref<> top, module;
    std::size_t dot = 0;
    for (;;) {
        dot = full.find('.', dot);
        module = import_one(full.substr(0, dot), module.get());
        if (!module) return nullptr;
        if (!top) top = module;
        if (dot == std::string::npos) break;
        dot++;
    }
    int has_fromlist = fromlist && fromlist != Py_None() ? object_is_true(fromlist) : 0;
    if (has_fromlist < 0) return nullptr;
    if (!has_fromlist) return level == 0 ? top : module;
    // _handle_fromlist: `from pkg import sub` imports pkg.sub when pkg has
    // no attribute sub yet.
    Ref<> path;
    if (object_lookup_attr(module.get(), intern_str("__path__"), &path) < 0) return nullptr;
    if (path) {
        int err = for_each_item(fromlist, [&](Object* item) -> int {
            if (!unicode_check(item) || unicode_equal_to_ascii(item, "*")) return 0;
            Ref<> existing;
            if (object_lookup_attr(module.get(), item, &existing) < 0) return -1;
            if (existing) return 0;
            std::string sub = full + "." + unicode_to_std(item);
            Ref<> m = import_one(sub, module.get());
            if (!m) {
                // A missing submodule is left for IMPORT_FROM to report.
                if (error_matches(Exc_ModuleNotFoundError)) {
                    Ref<> exc = fetch_exception();
                    Object* missing = static_cast<ImportErrorObject*>(exc.get())->name;
                    if (missing && unicode_check(missing) && unicode_to_std(missing) == sub) return 0;
                    restore_exception(std::move(exc));
                }
                return -1;
            }
            return 0;
        });
        if (err < 0) return nullptr;
    }
    return module;
}

Ref<> import_from(Object* module, Object* name)
{
    Ref<> x;
    if (object_lookup_attr(module, name, &x) < 0) return nullptr;
    if (x) return x;
    // Maybe a submodule that is already imported: sys.modules["pkg.name"].
    Ref<> pkgname;
    if (object_lookup_attr(module, intern_str("__name__"), &pkgname) < 0) return nullptr;
    if (pkgname && unicode_check(pkgname.get())) {
        Ref<> fullname = unicode_from_format("%U.%U", pkgname.get(), name);
        if (!fullname) return nullptr;
        if (Object* modules = sys_modules()) {
            if (Object* m = dict_get_item_with_error(modules, fullname.get())) return new_ref(m);
            if (error_occurred()) return nullptr;
        }
        // PyModule_GetFilenameObject: a module loaded from a file names it.
        Object* file = module_check(module) ? dict_get_item_string(module_get_dict(module), "__file__") : nullptr;
        if (file && unicode_check(file))
            format_error(Exc_ImportError, "cannot import name %R from %R (%S)", name, pkgname.get(), file);
        else
            format_error(Exc_ImportError, "cannot import name %R from %R (unknown location)", name, pkgname.get());
    }
    else {
        format_error(Exc_ImportError, "cannot import name %R from '<unknown module name>' (unknown location)", name);
    }
    Object* exc = thread_state_get()->curexc_value;
    if (exc && pkgname && object_type_check(exc, Exc_ImportError))
        set_ref(static_cast<ImportErrorObject*>(exc)->name, new_ref(pkgname.get()).release());
    return nullptr;
}

int import_all_from(Object* locals, Object* v)
{
    Ref<> all;
    if (object_lookup_attr(v, intern_str("__all__"), &all) < 0) return -1;
    bool skip_leading_underscores = false;
    if (!all) {
        Ref<> dict;
        if (module_check(v)) dict = new_ref(module_get_dict(v));
        else if (object_lookup_attr(v, intern_str("__dict__"), &dict) < 0) return -1;
        if (!dict) {
            set_error(Exc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = dict_check(dict.get()) ? dict_keys(dict.get()) : call_method(dict.get(), "keys");
        if (!all) return -1;
        skip_leading_underscores = true;
    }
    return for_each_item(all.get(), [&](Object* name) -> int {
        if (!unicode_check(name)) {
            format_error(Exc_TypeError, "%s in %s must be str, not %.100s",
                         skip_leading_underscores ? "Key" : "Item",
                         skip_leading_underscores ? "__dict__" : "__all__", Py_TYPE(name)->tp_name);
            return -1;
        }
        if (skip_leading_underscores && unicode_length(name) > 0 && unicode_read_char(name, 0) == '_') return 0;
        Ref<> value = object_get_attr(v, name);
        if (!value) return -1;
        return dict_check_exact(locals) ? dict_set_item(locals, name, value.get())
                                        : object_set_item(locals, name, value.get());
    });
}

}  // namespace minipy::vm
