// moduleobject.h: module objects (a named namespace dict).
// Mirrors CPython 3.11 Include/moduleobject.h and Objects/moduleobject.c. Book chapter 11.
#pragma once

#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct ModuleObject : Object {
    Object* md_dict;  // owned
    Object* md_name;  // owned str
    Object* md_weaklist;  // weak references to the module (weakrefobject.h)
};

extern TypeObject Module_Type;

inline bool module_check(Object* op) { return object_type_check(op, &Module_Type); }

[[nodiscard]] Ref<> module_new(const char* name);
inline Object* module_get_dict(Object* m) { return static_cast<ModuleObject*>(m)->md_dict; }
// PyModule_AddFunctions: builtin functions bound to the module.
[[nodiscard]] int module_add_functions(Object* module, MethodDef* functions);
[[nodiscard]] int module_add_object(Object* module, const char* name, Object* value);
// _PyModule_ClearDict: what shutdown does to a module that survived the
// collection of sys.modules. Names starting with one underscore are set to
// None first, then every other name but __builtins__ (left so that
// destructors still find the builtins); dict order within each pass. This
// makes the order in which globals' destructors run predictable.
void module_clear_dict(Object* d);

}  // namespace minipy::runtime
