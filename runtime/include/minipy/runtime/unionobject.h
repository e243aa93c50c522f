// unionobject.h: types.UnionType, the object `int | str` makes (PEP 604).
// Mirrors CPython 3.11 Include/internal/pycore_unionobject.h and
// Objects/unionobject.c. Book chapter 11.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

struct UnionObject : Object {
    Object* args;        // owned tuple, flattened, duplicates removed, None as NoneType
    Object* parameters;  // owned tuple, computed on first use; null before
};

extern TypeObject Union_Type;

inline bool union_check(const Object* op) { return Py_TYPE(op) == &Union_Type; }

// _Py_union_type_or, `self | other` for types, None, GenericAlias and
// UnionType: the union of both (flattened, deduplicated; a single member
// is returned as is), or NotImplemented when either side cannot be in a
// union. This is type.__or__/__ror__'s body (typeobject.cpp).
[[nodiscard]] Ref<> union_type_or(Object* self, Object* other);
// _Py_union_args: the borrowed tuple of a UnionType's members.
inline Object* union_args(Object* u) { return static_cast<UnionObject*>(u)->args; }

}  // namespace minipy::runtime
