// typeobject.h: the public face of the type machinery that higher stages
// (the vm) need beyond object.h: attribute lookup along a type's MRO
// through the method cache, and the cache's invalidation.
// Mirrors CPython 3.11 Include/cpython/object.h (_PyType_Lookup,
// PyType_Modified) and Include/internal/pycore_typeobject.h (the method
// cache). Book chapter 11, "Objects and Types".
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// _PyType_Lookup: the first entry for `name` in the dicts of type's MRO,
// borrowed (no descriptor is called), or null without an error set. A
// pending exception survives the call. Lookups of interned str names go
// through the global method cache keyed by (tp_version_tag, name).
Object* type_lookup(TypeObject* type, Object* name);

// _PyObject_LookupSpecial: a special method looked up on obj's type only
// (never the instance) and bound to obj through its __get__. Null without
// an error when the type has no such attribute, null with one when binding
// fails. The const char* form interns name.
[[nodiscard]] Ref<> lookup_special(Object* obj, Object* name);
[[nodiscard]] Ref<> lookup_special(Object* obj, const char* name);

// PyType_Modified: must be called after anything that can change what
// type_lookup answers for `type` or its subclasses (a class attribute set
// or deleted, __bases__ reassigned, the type torn down). It drops the
// version tag of type and of every subclass, so their cache entries miss.
void type_modified(TypeObject* type);

// The globals of the running Python frame (borrowed, null when none), for
// type(name, bases, dict) to find the __module__ of the class it makes (as
// type_new_set_module reads the frame's __name__). Set by the vm.
using CurrentGlobalsHook = Object* (*)();
extern CurrentGlobalsHook type_current_globals_hook;

// The method cache's counters (sys._debugmallocstats-style diagnostics and
// unit tests): lookups answered by the cache and lookups that walked the MRO.
struct MethodCacheStats {
    unsigned long long hits = 0;
    unsigned long long misses = 0;
};
MethodCacheStats method_cache_stats();

}  // namespace minipy::runtime
