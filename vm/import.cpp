// import.cpp: the import statement's machinery, for now only modules built
// into the binary (sys, builtins) and whatever sys.modules holds.
// Mirrors a first part of CPython 3.11 Python/import.c
// (PyImport_ImportModuleLevelObject, import_from, import_all_from in
// ceval.c). Book chapter 8; finding modules on sys.path is issue 7's
// later "Imports" part.
#include "ceval.h"
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

// import_find_and_load for the built-in table: sys.modules, else nothing.
Ref<> import_get_module(Object* name)
{
    Object* modules = sys_modules();
    if (!modules) return format_error(Exc_ImportError, "sys.modules is missing");
    Object* m = dict_get_item_with_error(modules, name);
    if (m) return new_ref(m);
    if (error_occurred()) return nullptr;
    format_error(Exc_ModuleNotFoundError, "No module named %R", name);
    Object* exc = thread_state_get()->curexc_value;
    if (exc && object_type_check(exc, Exc_ImportError))
        set_ref(static_cast<ImportErrorObject*>(exc)->name, new_ref(name).release());
    return nullptr;
}

}  // namespace

Ref<> import_module_level(Object* name, Object*, Object* fromlist, int level)
{
    if (!unicode_check(name)) return format_error(Exc_TypeError, "module name must be a string");
    if (level < 0) return format_error(Exc_ValueError, "level must be >= 0");
    if (level > 0) return format_error(Exc_ImportError, "attempted relative import with no known parent package");
    if (unicode_length(name) == 0) return format_error(Exc_ValueError, "Empty module name");
    // Import each dotted prefix, as _bootstrap._gcd_import does.
    std::string full = unicode_to_std(name);
    Ref<> top;
    std::size_t dot = 0;
    for (;;) {
        dot = full.find('.', dot);
        std::string prefix = full.substr(0, dot);
        Ref<> pname = unicode_from_string(prefix.c_str());
        if (!pname) return nullptr;
        Ref<> m = import_get_module(pname.get());
        if (!m) return nullptr;
        if (!top) top = m;
        if (dot == std::string::npos) {
            // `import a.b` binds a; `from a.b import c` wants a.b.
            bool has_fromlist = fromlist && fromlist != Py_None() && object_is_true(fromlist) == 1;
            return has_fromlist ? m : top;
        }
        dot++;
    }
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
        if (object_lookup_attr(v, intern_str("__dict__"), &dict) < 0) return -1;
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
