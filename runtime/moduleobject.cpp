// moduleobject.cpp: the module type: a namespace dict with a name.
// Mirrors CPython 3.11 Objects/moduleobject.c (the parts the runtime needs
// before the import system exists). Book chapter 11.
#include "minipy/runtime/moduleobject.h"

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"

#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

void module_dealloc(Object* op)
{
    auto* m = static_cast<ModuleObject*>(op);
    if (m->md_weaklist) object_clear_weakrefs(op);
    clear_ref(m->md_dict);
    clear_ref(m->md_name);
    object_dealloc_memory(op);
}

int module_traverse(Object* op, visitproc visit, void* arg)
{
    auto* m = static_cast<ModuleObject*>(op);
    return m->md_dict ? visit(m->md_dict, arg) : 0;
}

int module_clear(Object* op)
{
    clear_ref(static_cast<ModuleObject*>(op)->md_dict);
    return 0;
}

// module_repr: importlib's _module_repr. With a (true) __spec__, the
// spec says it all: "<module 'os' from '/.../os.py'>" when it has a
// location, "<module 'sys' (built-in)>" when not, and errors reading the
// spec propagate as CPython's do. Otherwise __name__ and __file__
// ("<module 'name'>" when there is no file, with the loader if any).
Ref<> module_repr(Object* op)
{
    auto* m = static_cast<ModuleObject*>(op);
    Object* dict = m->md_dict;
    auto item = [dict](const char* name) -> Object* { return dict ? dict_get_item_string(dict, name) : nullptr; };
    Object* spec = item("__spec__");
    const int spec_true = spec ? object_is_true(spec) : 0;
    if (spec_true < 0) return nullptr;
    if (spec_true) {
        Ref<> name = object_get_attr_string(spec, "name");
        if (!name) return nullptr;
        Ref<> shown = name.get() == Py_None() ? unicode_from_string("?") : name;
        Ref<> origin = object_get_attr_string(spec, "origin");
        if (!shown || !origin) return nullptr;
        if (origin.get() == Py_None()) {
            Ref<> loader = object_get_attr_string(spec, "loader");
            if (!loader) return nullptr;
            if (loader.get() == Py_None()) return unicode_from_format("<module %R>", shown.get());
            return unicode_from_format("<module %R (%R)>", shown.get(), loader.get());
        }
        Ref<> has_location = object_get_attr_string(spec, "has_location");
        if (!has_location) return nullptr;
        const int located = object_is_true(has_location.get());
        if (located < 0) return nullptr;
        if (located) return unicode_from_format("<module %R from %R>", shown.get(), origin.get());
        return unicode_from_format("<module %R (%S)>", name.get(), origin.get());
    }
    Object* name = item("__name__");
    Ref<> shown = name ? new_ref(name) : unicode_from_string("?");
    if (!shown) return nullptr;
    if (Object* file = item("__file__")) return unicode_from_format("<module %R from %R>", shown.get(), file);
    Object* loader = item("__loader__");
    if (!loader || loader == Py_None()) return unicode_from_format("<module %R>", shown.get());
    return unicode_from_format("<module %R (%R)>", shown.get(), loader);
}

// module.__new__: an empty module; __init__ names it.
Ref<> module_tp_new(TypeObject* type, Object*, Object*)
{
    Ref<> self = object_generic_alloc(type, 0);
    if (!self) return nullptr;
    auto* m = static_cast<ModuleObject*>(self.get());
    Ref<> d = dict_new();
    if (!d) return nullptr;
    m->md_dict = d.release();
    return self;
}

// module.__init__(name, doc=None): module_init_dict, the attributes every
// module starts with.
int module_tp_init(Object* self, Object* args, Object* kwds)
{
    Object* argv[2] = {nullptr, nullptr};
    if (!parse_args_tuple_kw("module", args, kwds, {"name", "doc"}, 1, argv)) return -1;
    if (!unicode_check(argv[0])) {
        format_error(Exc_TypeError, "module() argument 'name' must be str, not %.200s", Py_TYPE(argv[0])->tp_name);
        return -1;
    }
    auto* m = static_cast<ModuleObject*>(self);
    if (!m->md_dict) {
        Ref<> d = dict_new();
        if (!d) return -1;
        m->md_dict = d.release();
    }
    Object* doc = argv[1] ? argv[1] : Py_None();
    if (dict_set_item_string(m->md_dict, "__name__", argv[0]) < 0 ||
        dict_set_item_string(m->md_dict, "__doc__", doc) < 0 ||
        dict_set_item_string(m->md_dict, "__package__", Py_None()) < 0 ||
        dict_set_item_string(m->md_dict, "__loader__", Py_None()) < 0 ||
        dict_set_item_string(m->md_dict, "__spec__", Py_None()) < 0)
        return -1;
    Object* old = m->md_name;
    m->md_name = new_ref(argv[0]).release();
    if (old) decref(old);
    return 0;
}

Ref<> module_getattro(Object* op, Object* name)
{
    Ref<> res = object_generic_get_attr(op, name);
    if (res || !error_matches(Exc_AttributeError)) return res;
    error_clear();
    auto* m = static_cast<ModuleObject*>(op);
    // PEP 562: a module-level __getattr__ answers for missing attributes
    // (concurrent.futures imports its executors lazily through it).
    if (m->md_dict) {
        if (Object* getattr = dict_get_item_string(m->md_dict, "__getattr__")) {
            return call_one_arg(getattr, name);
        }
    }
    Object* mod_name = m->md_dict ? dict_get_item_string(m->md_dict, "__name__") : nullptr;
    if (!mod_name || !unicode_check(mod_name)) return format_error(Exc_AttributeError, "module has no attribute '%U'", name);
    return format_error(Exc_AttributeError, "module '%U' has no attribute '%U'", mod_name, name);
}

// module_members: the namespace itself is the read-only __dict__.
MemberDef module_members[] = {
    {"__dict__", T_OBJECT, offsetof(ModuleObject, md_dict), READONLY, nullptr},
    {},
};

}  // namespace

TypeObject Module_Type = [] {
    TypeObject t = static_type("module", sizeof(ModuleObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
                               "module(name, doc=None)\n--\n\nCreate a module object.");
    t.tp_dealloc = module_dealloc;
    t.tp_traverse = module_traverse;
    t.tp_clear = module_clear;
    t.tp_repr = module_repr;
    t.tp_getattro = module_getattro;
    t.tp_setattro = object_generic_set_attr;
    t.tp_dictoffset = offsetof(ModuleObject, md_dict);
    t.tp_weaklistoffset = offsetof(ModuleObject, md_weaklist);
    t.tp_members = module_members;
    t.tp_new = module_tp_new;
    t.tp_init = module_tp_init;
    return t;
}();

Ref<> module_new(const char* name)
{
    Ref<ModuleObject> m = object_new<ModuleObject>(&Module_Type);
    if (!m) return nullptr;
    Ref<> n = unicode_from_string(name);
    Ref<> d = dict_new();
    if (!n || !d) return nullptr;
    m->md_name = n.release();
    m->md_dict = d.release();
    if (dict_set_item_string(m->md_dict, "__name__", m->md_name) < 0 ||
        dict_set_item_string(m->md_dict, "__doc__", Py_None()) < 0)
        return nullptr;
    return m;
}

int module_add_functions(Object* module, MethodDef* functions)
{
    for (MethodDef* ml = functions; ml && ml->ml_name; ml++) {
        Ref<> f = cfunction_new(ml, module, static_cast<ModuleObject*>(module)->md_name);
        if (!f || dict_set_item_string(module_get_dict(module), ml->ml_name, f.get()) < 0) return -1;
    }
    return 0;
}

int module_add_object(Object* module, const char* name, Object* value)
{
    return dict_set_item_string(module_get_dict(module), name, value);
}

void module_clear_dict(Object* d)
{
    // The character at i, 0 past the end (CPython reads the terminator).
    auto char_at = [](Object* key, Py_ssize_t i) -> Py_UCS4 {
        return i < unicode_length(key) ? unicode_read_char(key, i) : 0;
    };
    // Two passes over the same table: values are replaced by None, never
    // deleted, so the table keeps its layout (dict_next is safe even if a
    // destructor adds keys meanwhile). Each replacement may run __del__.
    for (int pass = 1; pass <= 2; pass++) {
        Py_ssize_t pos = 0;
        Object* key;
        Object* value;
        while (dict_next(d, &pos, &key, &value)) {
            if (value == Py_None() || !unicode_check(key)) continue;
            const bool single_underscore = char_at(key, 0) == '_' && char_at(key, 1) != '_';
            const bool wanted = pass == 1 ? single_underscore
                                          : !unicode_equal_to_ascii(key, "__builtins__");
            if (!wanted) continue;
            Ref<> keep_key = new_ref(key);
            if (dict_set_item(d, key, Py_None()) < 0) error_write_unraisable(nullptr);
        }
    }
}

}  // namespace minipy::runtime
