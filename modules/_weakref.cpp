// _weakref.cpp: the _weakref module, the native half of weakref.py: the
// reference and proxy types, getweakrefcount/getweakrefs, proxy() and
// _remove_dead_weakref. Mirrors CPython 3.11 Modules/_weakref.c (the types
// themselves live in runtime/weakrefobject.cpp, as Objects/weakrefobject.c).
// Book chapter 9, "Garbage collection".
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

// The head of ob's list, or null when ob's type has none (or it is empty).
WeakReference* list_head(Object* ob)
{
    Object** list = object_weaklist_ptr(ob);
    return list ? static_cast<WeakReference*>(*list) : nullptr;
}

// getweakrefcount(object, /): 0 for objects that cannot be weakly referenced.
Ref<> weakref_getweakrefcount(Object*, Object* object)
{
    return long_from_ssize_t(weakref_get_weakref_count(list_head(object)));
}

// getweakrefs(object, /): the list of references, in list order.
Ref<> weakref_getweakrefs(Object*, Object* object)
{
    WeakReference* head = list_head(object);
    Ref<> result = list_new(weakref_get_weakref_count(head));
    if (!result) return nullptr;
    Py_ssize_t i = 0;
    for (WeakReference* wr = head; wr; wr = wr->wr_next) list_set_item(result.get(), i++, new_ref<Object>(wr).release());
    return result;
}

// proxy(object, callback=None, /)
Ref<> weakref_proxy(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("proxy", nargs, 1, 2)) return nullptr;
    return weakref_new_proxy(args[0], nargs > 1 ? args[1] : nullptr);
}

// _remove_dead_weakref(dct, key, /): deletes dct[key] if it is a dead
// reference. A key already gone is fine: WeakValueDictionary's removal
// callbacks can race with its own cleanup.
Ref<> weakref__remove_dead_weakref(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("_remove_dead_weakref", nargs, 2, 2)) return nullptr;
    Object* dct = args[0];
    Object* key = args[1];
    if (!dict_check(dct))
        return format_error(Exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %.50s",
                            Py_TYPE(dct)->tp_name);
    Object* value = dict_get_item_with_error(dct, key);
    if (!value) {
        if (error_occurred()) return nullptr;
        return none_ref();
    }
    if (!weakref_check(value)) return format_error(Exc_TypeError, "not a weakref");
    if (weakref_get_object(value) == Py_None() && dict_del_item(dct, key) < 0) {
        if (!error_matches(Exc_KeyError)) return nullptr;
        error_clear();
    }
    return none_ref();
}

MethodDef weakref_functions[] = {
    method_o("getweakrefcount", weakref_getweakrefcount, "Return the number of weak references to 'object'."),
    method_o("getweakrefs", weakref_getweakrefs, "Return a list of all weak reference objects pointing to 'object'."),
    method_fast("proxy", weakref_proxy,
                "Create a proxy object that weakly references 'object'.\n\n"
                "'callback', if given, is called with a reference to the\nproxy when 'object' is about to be finalized."),
    method_fast("_remove_dead_weakref", weakref__remove_dead_weakref,
                "Atomically remove key from dict if it points to a dead weakref."),
    {},
};

}  // namespace

Ref<> weakref_module_create()
{
    Ref<> mod = module_new("_weakref");
    if (!mod || module_add_functions(mod.get(), weakref_functions) < 0) return nullptr;
    Ref<> doc = unicode_from_string("Weak-reference support module.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    for (auto [name, type] : {std::pair<const char*, TypeObject*>{"ref", &Weakref_RefType},
                              {"ReferenceType", &Weakref_RefType},
                              {"ProxyType", &Weakref_ProxyType},
                              {"CallableProxyType", &Weakref_CallableProxyType}})
        if (module_add_object(mod.get(), name, type) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
