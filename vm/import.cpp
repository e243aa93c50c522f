// import.cpp: the import statement's machinery: sys.modules, then source
// modules and packages found on sys.path (or a package's __path__),
// compiled by minipy's compiler; absolute and relative imports.
// Mirrors the parts of CPython 3.11 Python/import.c
// (PyImport_ImportModuleLevelObject, resolve_name) and
// Lib/importlib/_bootstrap.py (_gcd_import, _find_and_load,
// _handle_fromlist, FileFinder, SourceFileLoader with its __pycache__)
// that file imports need, and import_from / import_all_from of ceval.c.
// Book chapter 8. Not yet: namespace packages, __spec__/ModuleSpec, meta
// path hooks, importlib.
//
// The __pycache__ files are named with minipy's own cache tag
// (NAME.minipy-311.pyc, see import.h) and validated like CPython's
// timestamp pycs: the header's source mtime and size must match.
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include "ceval.h"
#include "import.h"
#include "pylifecycle.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/marshal.h"
#include "minipy/compiler/compile.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
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

bool is_dir(const std::string& path)
{
    struct stat st{};
    return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// The directories to search: sys.path for a top-level module, the
// parent package's __path__ for a submodule. Null parent_path means the
// parent is no package.
std::vector<std::string> search_path(Object* parent, bool* parent_is_package)
{
    std::vector<std::string> dirs;
    Ref<> path;
    *parent_is_package = true;
    if (parent) {
        if (object_lookup_attr(parent, intern_str("__path__"), &path) < 0) error_clear();
        if (!path) *parent_is_package = false;
    }
    else if (Object* sysdict = interpreter_get()->sysdict) {
        path = new_ref(dict_get_item_string(sysdict, "path"));
    }
    if (path && list_check(path.get()))
        for (Py_ssize_t i = 0; i < list_size(path.get()); i++)
            if (unicode_check(list_item(path.get(), i))) dirs.push_back(unicode_to_std(list_item(path.get(), i)));
    return dirs;
}

// The set of modules whose body is running (a ModuleSpec's _initializing):
// "from m import x" failing on one of them is a circular import.
std::vector<std::string>& initializing_modules()
{
    static std::vector<std::string> names;
    return names;
}

bool is_initializing(const std::string& name)
{
    for (const std::string& n : initializing_modules())
        if (n == name) return true;
    return false;
}

bool read_file(const std::string& path, std::string* bytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    bytes->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return !in.bad();
}

// sys.dont_write_bytecode, read when a module is loaded as importlib does
// (a program may change it); -B and PYTHONDONTWRITEBYTECODE set it at start.
bool dont_write_bytecode()
{
    Object* sysdict = interpreter_get()->sysdict;
    Object* flag = sysdict ? dict_get_item_string(sysdict, "dont_write_bytecode") : nullptr;
    if (!flag) return false;
    int r = object_is_true(flag);
    if (r < 0) error_clear();
    return r != 0;
}

// _write_atomic: the data goes to a temporary file renamed over the cache,
// so a reader never sees half a file. Every failure is silent, as in
// SourceLoader.set_data: an unwritable directory only costs a recompile.
void write_cache(const std::string& cache_path, Object* code, const struct stat& source_st)
{
    std::size_t slash = cache_path.rfind('/');
    std::string dir = cache_path.substr(0, slash);
    if (!is_dir(dir) && ::mkdir(dir.c_str(), 0777) != 0) return;
    Ref<> data = pyc_from_code_timestamp(code, static_cast<std::uint32_t>(source_st.st_mtime),
                                         static_cast<std::uint32_t>(source_st.st_size));
    if (!data) {
        error_clear();
        return;
    }
    std::string tmp = cache_path + "." + std::to_string(::getpid());
    // The cache gets the source's permission bits, writable by the owner.
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL, (source_st.st_mode & 0666) | 0200);
    if (fd < 0) return;
    std::string_view bytes = bytes_view(data.get());
    bool ok = ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
    ok = ::close(fd) == 0 && ok;
    if (!ok || ::rename(tmp.c_str(), cache_path.c_str()) != 0) ::unlink(tmp.c_str());
}

// Module attributes a loader sets before the body runs (_init_module_attrs).
int init_module_attrs(Object* dict, const std::string& fullname, const ModuleLocation& where,
                      const std::string& cached)
{
    std::size_t dot = fullname.rfind('.');
    std::string package = where.is_package() ? fullname : dot == std::string::npos ? "" : fullname.substr(0, dot);
    Ref<> file_obj = unicode_from_utf8(where.filename);
    Ref<> package_obj = unicode_from_utf8(package);
    Ref<> cached_obj = cached.empty() ? none_ref() : unicode_from_utf8(cached);
    Ref<> spec = module_spec_new(fullname, where, cached);
    if (!file_obj || !package_obj || !cached_obj || !spec || dict_set_item_string(dict, "__file__", file_obj.get()) < 0 ||
        dict_set_item_string(dict, "__spec__", spec.get()) < 0 ||
        dict_set_item_string(dict, "__loader__", Py_None()) < 0 ||
        dict_set_item_string(dict, "__cached__", cached_obj.get()) < 0 ||
        dict_set_item_string(dict, "__package__", package_obj.get()) < 0 ||
        dict_set_item_string(dict, "__builtins__", interpreter_get()->builtins) < 0)
        return -1;
    if (where.is_package()) {
        Ref<> dir = unicode_from_utf8(where.package_dir);
        Ref<> path = dir ? list_new(0) : nullptr;
        if (!path || list_append(path.get(), dir.get()) < 0 || dict_set_item_string(dict, "__path__", path.get()) < 0)
            return -1;
    }
    return 0;
}

// _find_and_load for files: the module is in sys.modules while its body
// runs (so circular imports see it) and is removed again if the body fails.
Ref<> find_and_load(const std::string& fullname, Object* parent)
{
    ModuleLocation where;
    int found = find_module_location(fullname, parent, &where);
    if (found < 0) return nullptr;
    if (found == 0) return module_not_found(fullname);
    std::string cached;
    Ref<> code = load_module_code(fullname, where, &cached);
    if (!code) return nullptr;
    Ref<> module = module_new(fullname.c_str());
    if (!module) return nullptr;
    Object* dict = module_get_dict(module.get());
    if (init_module_attrs(dict, fullname, where, cached) < 0) return nullptr;
    Object* modules = sys_modules();
    if (dict_set_item_string(modules, fullname.c_str(), module.get()) < 0) return nullptr;
    initializing_modules().push_back(fullname);
    Ref<> result = eval_code(code.get(), dict, dict);
    initializing_modules().pop_back();
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
    if (!final_module) {
        Ref<> name = unicode_from_utf8(fullname);
        if (name) format_error(Exc_KeyError, "%R not in sys.modules as expected", name.get());
        return nullptr;
    }
    module = new_ref(final_module);
    if (parent) {
        std::string part = fullname.substr(fullname.rfind('.') + 1);
        Ref<> part_obj = unicode_from_utf8(part);
        if (!part_obj || object_set_attr(parent, part_obj.get(), module.get()) < 0) return nullptr;
    }
    return module;
}

// A built-in module of the inittab, created on first import.
Ref<> find_builtin(const std::string& fullname, bool* found)
{
    const BuiltinModule* b = find_inittab(fullname);
    *found = b != nullptr;
    if (!b) return nullptr;
    Ref<> module = b->create();
    if (!module || set_builtin_spec(module.get(), b->name) < 0 ||
        dict_set_item_string(sys_modules(), b->name, module.get()) < 0)
        return nullptr;
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
    if (m) {
        if (m == Py_None()) {
            format_error(Exc_ModuleNotFoundError, "import of %U halted; None in sys.modules", key.get());
            set_import_error_name(key.get());
            return nullptr;
        }
        return new_ref(m);
    }
    if (error_occurred()) return nullptr;
    if (!parent) {
        bool builtin = false;
        Ref<> module = find_builtin(fullname, &builtin);
        if (builtin) return module;
    }
    return find_and_load(fullname, parent);
}

// resolve_name (_calc___package__ of _bootstrap.py): the absolute name of
// a relative import from globals' package: __package__, else
// __spec__.parent, else __name__ (itself when globals is a package's, with
// __path__, else its parent).
bool resolve_name(Object* name, Object* globals, int level, std::string* out)
{
    if (!globals || !dict_check(globals)) {
        format_error(Exc_KeyError, "'__name__' not in globals");
        return false;
    }
    Object* package = dict_get_item_string(globals, "__package__");
    Object* spec = dict_get_item_string(globals, "__spec__");
    std::string base;
    if (package && package != Py_None()) {
        if (!unicode_check(package)) {
            format_error(Exc_TypeError, "package must be a string");
            return false;
        }
        base = unicode_to_std(package);
    }
    else if (spec && spec != Py_None()) {
        Ref<> parent;
        if (object_lookup_attr(spec, intern_str("parent"), &parent) < 0) return false;
        if (!parent || !unicode_check(parent.get())) {
            format_error(Exc_TypeError, "__spec__.parent must be a string");
            return false;
        }
        base = unicode_to_std(parent.get());
    }
    else {
        Object* modname = dict_get_item_string(globals, "__name__");
        if (!modname) {
            format_error(Exc_KeyError, "'__name__' not in globals");
            return false;
        }
        if (!unicode_check(modname)) {
            format_error(Exc_TypeError, "__name__ must be a string");
            return false;
        }
        base = unicode_to_std(modname);
        if (!dict_get_item_string(globals, "__path__"))
            base = base.rfind('.') == std::string::npos ? std::string() : base.substr(0, base.rfind('.'));
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

const BuiltinModule builtin_modules[] = {
    {"atexit", atexit_module_create},
    {"_warnings", warnings_module_create},
    {"_traceback", traceback_module_create},
    {nullptr, nullptr},
};

const BuiltinModule* find_inittab(const std::string& name)
{
    for (const BuiltinModule* table : {builtin_modules, modules::inittab})
        for (const BuiltinModule* b = table; b->name; b++)
            if (name == b->name) return b;
    return nullptr;
}

Ref<> module_spec_new(const std::string& fullname, const ModuleLocation& where, const std::string& cached)
{
    Ref<> dict = dict_new();
    if (!dict) return nullptr;
    std::size_t dot = fullname.rfind('.');
    std::string parent = where.is_package() ? fullname : dot == std::string::npos ? "" : fullname.substr(0, dot);
    Ref<> name = unicode_from_utf8(fullname);
    Ref<> origin = unicode_from_utf8(where.filename);
    Ref<> cached_obj = cached.empty() ? none_ref() : unicode_from_utf8(cached);
    Ref<> parent_obj = unicode_from_utf8(parent);
    Ref<> locations = none_ref();
    if (where.is_package()) {
        Ref<> dir = unicode_from_utf8(where.package_dir);
        locations = dir ? list_new(0) : nullptr;
        if (!locations || list_append(locations.get(), dir.get()) < 0) return nullptr;
    }
    if (!name || !origin || !cached_obj || !parent_obj || dict_set_item_string(dict.get(), "name", name.get()) < 0 ||
        dict_set_item_string(dict.get(), "loader", Py_None()) < 0 ||
        dict_set_item_string(dict.get(), "origin", origin.get()) < 0 ||
        dict_set_item_string(dict.get(), "submodule_search_locations", locations.get()) < 0 ||
        dict_set_item_string(dict.get(), "cached", cached_obj.get()) < 0 ||
        dict_set_item_string(dict.get(), "parent", parent_obj.get()) < 0 ||
        dict_set_item_string(dict.get(), "has_location", Py_True()) < 0)
        return nullptr;
    return simple_namespace_new(dict.get());
}

int set_builtin_spec(Object* module, const char* import_name)
{
    // BuiltinImporter's spec: the name it was imported by (_io's __name__
    // is 'io'), origin 'built-in' and no location, so the module's repr
    // says "<module '_io' (built-in)>". minipy has no importer class to
    // name as the loader.
    Object* dict = module_get_dict(module);
    Ref<> name = unicode_from_string(import_name);
    if (!name) return -1;
    Ref<> spec_dict = dict_new();
    Ref<> origin = unicode_from_string("built-in");
    Ref<> empty = unicode_from_string("");
    if (!spec_dict || !origin || !empty || dict_set_item_string(spec_dict.get(), "name", name.get()) < 0 ||
        dict_set_item_string(spec_dict.get(), "loader", Py_None()) < 0 ||
        dict_set_item_string(spec_dict.get(), "origin", origin.get()) < 0 ||
        dict_set_item_string(spec_dict.get(), "submodule_search_locations", Py_None()) < 0 ||
        dict_set_item_string(spec_dict.get(), "cached", Py_None()) < 0 ||
        dict_set_item_string(spec_dict.get(), "parent", empty.get()) < 0 ||
        dict_set_item_string(spec_dict.get(), "has_location", Py_False()) < 0)
        return -1;
    Ref<> spec = simple_namespace_new(spec_dict.get());
    if (!spec || dict_set_item_string(dict, "__spec__", spec.get()) < 0) return -1;
    if (!dict_get_item_string(dict, "__package__") && dict_set_item_string(dict, "__package__", empty.get()) < 0)
        return -1;
    return 0;
}

std::string cache_from_source(const std::string& source_path)
{
    std::size_t slash = source_path.rfind('/');
    std::string dir = slash == std::string::npos ? std::string() : source_path.substr(0, slash + 1);
    std::string base = slash == std::string::npos ? source_path : source_path.substr(slash + 1);
    std::size_t dot = base.rfind('.');
    if (dot != std::string::npos && dot > 0) base.resize(dot);
    return dir + "__pycache__/" + base + "." + CACHE_TAG + ".pyc";
}

int find_module_location(const std::string& fullname, Object* parent, ModuleLocation* where)
{
    std::size_t last_dot = fullname.rfind('.');
    std::string part = last_dot == std::string::npos ? fullname : fullname.substr(last_dot + 1);
    bool parent_is_package = true;
    std::vector<std::string> dirs = search_path(parent, &parent_is_package);
    if (!parent_is_package) {
        Ref<> name = unicode_from_utf8(fullname);
        Ref<> parent_name = unicode_from_utf8(fullname.substr(0, last_dot));
        if (!name || !parent_name) return -1;
        format_error(Exc_ModuleNotFoundError, "No module named %R; %R is not a package", name.get(), parent_name.get());
        set_import_error_name(name.get());
        return -1;
    }
    for (const std::string& entry : dirs) {
        // FileFinder: "" and "." mean the current directory, and a relative
        // entry is made absolute, so __file__ is always an absolute path.
        std::string dir = entry;
        if (dir.empty() || dir == ".") dir = std::filesystem::current_path().string();
        else if (dir[0] != '/') dir = (std::filesystem::current_path() / dir).string();
        std::string base = dir + "/" + part;
        // A package directory wins over a module of the same name.
        if (is_dir(base)) {
            for (const char* init : {"/__init__.py", "/__init__.pyc"}) {
                if (is_file(base + init)) {
                    where->filename = base + init;
                    where->package_dir = base;
                    where->sourceless = init[std::strlen(init) - 1] == 'c';
                    return 1;
                }
            }
        }
        if (is_file(base + ".py")) {
            where->filename = base + ".py";
            return 1;
        }
        if (is_file(base + ".pyc")) {
            where->filename = base + ".pyc";
            where->sourceless = true;
            return 1;
        }
    }
    return 0;
}

Ref<> load_module_code(const std::string& fullname, const ModuleLocation& where, std::string* cached)
{
    cached->clear();
    std::string data;
    if (where.sourceless) {
        // SourcelessFileLoader: the .pyc is the module; its header is
        // checked but nothing is validated against a source.
        if (!read_file(where.filename, &data)) return format_error(Exc_ImportError, "cannot read %s", where.filename.c_str());
        PycHeader header;
        if (pyc_classify(data, fullname, &header) < 0) return nullptr;
        return pyc_load_code(std::string_view(data).substr(16), where.filename);
    }
    struct stat st{};
    if (::stat(where.filename.c_str(), &st) != 0 || !read_file(where.filename, &data)) {
        Ref<> name = unicode_from_utf8(fullname);
        if (name) format_error(Exc_ImportError, "cannot read the source of %R", name.get());
        return nullptr;
    }
    *cached = cache_from_source(where.filename);
    // SourceLoader.get_code: a cache whose header names this source's
    // mtime and size is used; any problem with it (missing, another magic
    // number, hash-based, stale, unreadable code) means compiling again.
    std::string pyc;
    if (read_file(*cached, &pyc)) {
        PycHeader header;
        if (pyc_classify(pyc, fullname, &header) == 0 && header.flags == 0 &&
            pyc_validate_timestamp(header, static_cast<double>(st.st_mtime), static_cast<std::uint64_t>(st.st_size),
                                   fullname) == 0) {
            Ref<> code = pyc_load_code(std::string_view(pyc).substr(16), *cached);
            // A cache written for the same file under another path (a moved
            // tree) would name the wrong file in tracebacks.
            if (code && unicode_to_std(static_cast<CodeObject*>(code.get())->co_filename) == where.filename)
                return code;
        }
        error_clear();
    }
    Ref<> code = compiler::compile_source(data, where.filename, compiler::CompileMode::Exec);
    if (!code) return nullptr;
    if (!dont_write_bytecode()) write_cache(*cached, code.get(), st);
    return code;
}

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
        if (is_initializing(unicode_to_std(pkgname.get())))
            format_error(Exc_ImportError,
                         "cannot import name %R from partially initialized module %R "
                         "(most likely due to a circular import) (%S)",
                         name, pkgname.get(), file && unicode_check(file) ? file : Py_None());
        else if (file && unicode_check(file))
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
