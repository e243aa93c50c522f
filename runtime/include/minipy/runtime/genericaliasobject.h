// genericaliasobject.h: types.GenericAlias, the object `list[int]` makes
// (PEP 585). Mirrors CPython 3.11 Include/genericaliasobject.h and
// Objects/genericaliasobject.c. Book chapter 11.
#pragma once

#include <string>

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct GenericAliasObject : Object {
    Object* origin;      // owned: list in list[int]
    Object* args;        // owned tuple: (int,)
    Object* parameters;  // owned tuple, computed on first use; null before
    bool starred;        // *tuple[int] (PEP 646): repr with '*', __unpacked__
};

extern TypeObject GenericAlias_Type;

inline bool generic_alias_check(Object* op) { return object_type_check(op, &GenericAlias_Type); }

// Py_GenericAlias: origin[args]; a non-tuple args is one argument.
[[nodiscard]] Ref<> generic_alias_new(Object* origin, Object* args);
// The __class_getitem__ of list, dict, tuple, set, frozenset...: a
// METH_O | METH_CLASS function, cls[item] -> GenericAlias(cls, item).
[[nodiscard]] Ref<> generic_alias_class_getitem(Object* cls, Object* item);

// Shared with unionobject.cpp (Objects/genericaliasobject.c's helpers that
// unionobject.c also calls):
// ga_repr_item: how a member shows in a repr ("int", "mod.Cls", "...", repr).
[[nodiscard]] bool generic_alias_repr_item(Object* p, std::string* out);
// _Py_make_parameters: the type variables among args, in order, once each.
[[nodiscard]] Ref<> make_parameters(Object* args);
// _Py_subs_parameters: args with parameters replaced by the items of
// `item` (self only names the alias in errors).
[[nodiscard]] Ref<> subs_parameters(Object* self, Object* args, Object* parameters, Object* item);

}  // namespace minipy::runtime
