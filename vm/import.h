// import.h: finding and loading modules, shared by the import statement
// and `minipy -m`. Private to the vm stage.
// Mirrors CPython 3.11 Include/internal/pycore_import.h and the finder and
// loader steps of Lib/importlib/_bootstrap_external.py (FileFinder,
// SourceFileLoader, cache_from_source). Book chapter 8.
#pragma once

#include <string>

#include "minipy/modules/config.h"
#include "minipy/runtime/object.h"

namespace minipy::vm {

// Where a module was found: what a ModuleSpec's origin and
// submodule_search_locations say.
struct ModuleLocation {
    std::string filename;     // NAME.py, NAME/__init__.py, or a sourceless NAME.pyc
    std::string package_dir;  // the package's directory (its __path__), or "" for a module
    bool sourceless = false;  // filename is a .pyc without a source next to it
    bool is_package() const { return !package_dir.empty(); }
};

// The finder: the last part of fullname looked up in parent's __path__
// (sys.path when parent is null). 1 and *where filled when found, 0 when
// not, -1 with an error (a parent that is not a package).
[[nodiscard]] int find_module_location(const std::string& fullname, runtime::Object* parent, ModuleLocation* where);

// SourceFileLoader.get_code: the module's code object, from its
// __pycache__/NAME.minipy-311.pyc when that is valid for the source (its
// mtime and size), else compiled and, unless -B, cached. *cached gets the
// cache path ("" for a sourceless module). Null with the exception set.
[[nodiscard]] runtime::Ref<> load_module_code(const std::string& fullname, const ModuleLocation& where,
                                              std::string* cached);

// A built-in module's __spec__ (named import_name, origin 'built-in', no
// location) and __package__; 0 or -1.
[[nodiscard]] int set_builtin_spec(runtime::Object* module, const char* import_name);

// A module's __spec__: a namespace with ModuleSpec's attributes (name,
// loader (None), origin, submodule_search_locations, cached, parent,
// has_location). minipy has no importlib, so no ModuleSpec class.
[[nodiscard]] runtime::Ref<> module_spec_new(const std::string& fullname, const ModuleLocation& where,
                                             const std::string& cached);

// cache_from_source: DIR/__pycache__/NAME.minipy-311.pyc for DIR/NAME.py.
std::string cache_from_source(const std::string& source_path);

// sys.implementation.cache_tag: never CPython's "cpython-311", so that
// minipy and python3.11 never read each other's cached files.
inline constexpr const char* CACHE_TAG = "minipy-311";

// The built-in modules import finds before sys.path (PyImport_Inittab):
// the vm's own (atexit) and every module of modules/ (its config.cpp).
using BuiltinModule = modules::InittabEntry;
extern const BuiltinModule builtin_modules[];

// The inittab entry named name (from either table), or null.
const BuiltinModule* find_inittab(const std::string& name);

// Calls fn(name) for every module of both tables (sys.builtin_module_names).
template <typename Fn>
void for_each_inittab(Fn fn)
{
    for (const BuiltinModule* b = builtin_modules; b->name; b++) fn(b->name);
    for (const BuiltinModule* b = modules::inittab; b->name; b++) fn(b->name);
}

}  // namespace minipy::vm
