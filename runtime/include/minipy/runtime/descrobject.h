// descrobject.h: method tables, member and getset tables, and the
// descriptor objects that wrap them in a type's __dict__.
// Mirrors CPython 3.11 Include/methodobject.h, Include/descrobject.h,
// Include/structmember.h, Objects/descrobject.c and Objects/methodobject.c.
// Book chapter 11, "Objects and Types".
#pragma once

#include "minipy/runtime/object.h"

namespace minipy::runtime {

// Calling conventions of built-in functions (METH_*, 3.11 values).
enum : int {
    METH_VARARGS = 0x0001,
    METH_KEYWORDS = 0x0002,
    METH_NOARGS = 0x0004,
    METH_O = 0x0008,
    METH_CLASS = 0x0010,
    METH_STATIC = 0x0020,
    METH_COEXIST = 0x0040,
    METH_FASTCALL = 0x0080,
};

// METH_NOARGS (arg is null) and METH_O (arg is the one argument), and
// METH_VARARGS (arg is the tuple).
using PyCFunction = Ref<> (*)(Object* self, Object* arg);
using PyCFunctionWithKeywords = Ref<> (*)(Object* self, Object* args, Object* kwargs);
using PyCFunctionFast = Ref<> (*)(Object* self, Object* const* args, Py_ssize_t nargs);
using PyCFunctionFastWithKeywords = Ref<> (*)(Object* self, Object* const* args, Py_ssize_t nargs,
                                              Object* kwnames);

// PyMethodDef. CPython stores every kind in one function-pointer field and
// casts by ml_flags; minipy keeps one typed field per convention instead.
struct MethodDef {
    const char* ml_name = nullptr;  // null ends a table
    int ml_flags = 0;
    const char* ml_doc = nullptr;
    PyCFunction ml_meth = nullptr;
    PyCFunctionWithKeywords ml_meth_kw = nullptr;
    PyCFunctionFast ml_meth_fast = nullptr;
    PyCFunctionFastWithKeywords ml_meth_fastkw = nullptr;
};

constexpr MethodDef method_noargs(const char* name, PyCFunction f, const char* doc = nullptr,
                                  int extra = 0)
{
    return MethodDef{name, METH_NOARGS | extra, doc, f, nullptr, nullptr, nullptr};
}
constexpr MethodDef method_o(const char* name, PyCFunction f, const char* doc = nullptr,
                             int extra = 0)
{
    return MethodDef{name, METH_O | extra, doc, f, nullptr, nullptr, nullptr};
}
constexpr MethodDef method_varargs(const char* name, PyCFunction f, const char* doc = nullptr,
                                   int extra = 0)
{
    return MethodDef{name, METH_VARARGS | extra, doc, f, nullptr, nullptr, nullptr};
}
constexpr MethodDef method_fast(const char* name, PyCFunctionFast f, const char* doc = nullptr,
                                int extra = 0)
{
    return MethodDef{name, METH_FASTCALL | extra, doc, nullptr, nullptr, f, nullptr};
}
constexpr MethodDef method_fastkw(const char* name, PyCFunctionFastWithKeywords f,
                                  const char* doc = nullptr, int extra = 0)
{
    return MethodDef{name, METH_FASTCALL | METH_KEYWORDS | extra, doc, nullptr, nullptr, nullptr, f};
}
constexpr MethodDef method_varkw(const char* name, PyCFunctionWithKeywords f,
                                 const char* doc = nullptr, int extra = 0)
{
    return MethodDef{name, METH_VARARGS | METH_KEYWORDS | extra, doc, nullptr, f, nullptr, nullptr};
}

// PyMemberDef: a C field exposed as an attribute (structmember.h codes).
enum : int {
    T_INT = 1,
    T_DOUBLE = 4,
    T_OBJECT = 6,  // None when null
    T_BOOL = 14,   // char 0/1
    T_OBJECT_EX = 16,  // AttributeError when null
    T_PYSSIZET = 19,
};
enum : int { READONLY = 1 };

struct MemberDef {
    const char* name = nullptr;
    int type = 0;
    Py_ssize_t offset = 0;
    int flags = 0;
    const char* doc = nullptr;
};

// PyGetSetDef: computed attributes.
using getter = Ref<> (*)(Object* self, void* closure);
using setter = int (*)(Object* self, Object* value, void* closure);  // value null: delete

struct GetSetDef {
    const char* name = nullptr;
    getter get = nullptr;
    setter set = nullptr;
    const char* doc = nullptr;
    void* closure = nullptr;
};

// builtin_function_or_method (PyCFunctionObject): a MethodDef bound to self
// (a module or an instance; null for static methods).
struct CFunctionObject : Object {
    MethodDef* m_ml;
    Object* m_self;    // owned or null
    Object* m_module;  // owned or null
    Object* m_weakreflist;  // weak references to the function (weakrefobject.h)
    vectorcallfunc vectorcall;
};

extern TypeObject CFunction_Type;
extern TypeObject MethodDescr_Type;
extern TypeObject ClassMethodDescr_Type;
extern TypeObject MemberDescr_Type;
extern TypeObject GetSetDescr_Type;
extern TypeObject WrapperDescr_Type;
extern TypeObject MethodWrapper_Type;
extern TypeObject StaticMethod_Type;
extern TypeObject MappingProxy_Type;  // read-only view of a mapping (type.__dict__)
[[nodiscard]] Ref<> mappingproxy_wrap(Object* mapping);  // PyDictProxy_New
extern TypeObject ClassMethod_Type;

[[nodiscard]] Ref<> cfunction_new(MethodDef* ml, Object* self, Object* module = nullptr);
[[nodiscard]] Ref<> descr_new_method(TypeObject* type, MethodDef* ml);
[[nodiscard]] Ref<> descr_new_classmethod(TypeObject* type, MethodDef* ml);
[[nodiscard]] Ref<> descr_new_member(TypeObject* type, MemberDef* m);
[[nodiscard]] Ref<> descr_new_getset(TypeObject* type, GetSetDef* g);
[[nodiscard]] Ref<> staticmethod_new(Object* callable);
[[nodiscard]] Ref<> classmethod_new(Object* callable);

// Calls a MethodDef with self and vectorcall-style arguments (used by both
// builtin functions and method descriptors). Argument-count errors name
// the function as CPython's _PyObject_FunctionStr does: a method
// descriptor called with self (x.m() goes this way) by its defining type,
// owner ("object.__reduce_ex__()"); a bound builtin by type(self).
[[nodiscard]] Ref<> methoddef_call(MethodDef* ml, Object* self, Object* const* args, Py_ssize_t nargs,
                                   Object* kwnames, TypeObject* owner = nullptr);

// Python-level slot wrappers (__add__, __repr__, ... in a static type's dict).
// typeobject.cpp adds them from the slot table in type_ready.
struct WrapperBase;
[[nodiscard]] Ref<> descr_new_wrapper(TypeObject* type, const WrapperBase* base, void* wrapped);

}  // namespace minipy::runtime
