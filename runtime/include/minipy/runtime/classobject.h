// classobject.h: bound methods, and the property and super descriptors.
// Mirrors CPython 3.11 Include/cpython/classobject.h, Objects/classobject.c,
// and the property/super parts of Objects/descrobject.c and typeobject.c.
// Book chapter 11.
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// PyMethodObject: a callable bound to self; calling it prepends self.
struct MethodObject : Object {
    Object* im_func;  // owned
    Object* im_self;  // owned
    Object* im_weakreflist;
    vectorcallfunc vectorcall;
};

extern TypeObject Method_Type;
extern TypeObject Property_Type;
extern TypeObject Super_Type;

[[nodiscard]] Ref<> method_new(Object* func, Object* self);  // PyMethod_New

// super_init_without_args: the vm's hook for `super()` with no arguments;
// returns the tuple (__class__, first argument) of the running frame, or
// null with RuntimeError set.
using SuperNoArgsHook = Ref<> (*)();
extern SuperNoArgsHook super_no_args_hook;

}  // namespace minipy::runtime
