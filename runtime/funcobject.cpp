// funcobject.cpp: the function type (what `def` and `lambda` make).
// Mirrors CPython 3.11 Objects/funcobject.c. Book chapters 8 and 11.
//
// A function is a code object plus what running it needs from where it was
// defined: its globals and builtins, default values, the closure's cells.
// Calling it is the vm's business (function_eval_hook, see funcobject.h);
// this file only builds, describes and binds functions. Functions are
// descriptors: looked up on an instance they give a bound method.
#include "minipy/runtime/funcobject.h"

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/cellobject.h"
#include "minipy/runtime/classobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/frameobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/traceback.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

FunctionEvalHook function_eval_hook = nullptr;

namespace {

FunctionObject* F(Object* op) { return static_cast<FunctionObject*>(op); }

// func_version: 3.11 numbers functions for the specializer's caches.
std::uint32_t next_func_version = 1;

Ref<> function_vectorcall(Object* func, Object* const* args, std::size_t nargsf, Object* kwnames)
{
    if (!function_eval_hook) return format_error(Exc_SystemError, "no eval loop to run Python functions");
    return function_eval_hook(F(func), args, vectorcall_nargs(nargsf), kwnames);
}

// PyVectorcall_Call: tp_call for callers holding a tuple and a dict.
Ref<> function_call(Object* func, Object* args, Object* kwargs)
{
    Py_ssize_t nargs = tuple_size(args);
    Py_ssize_t nkw = kwargs ? dict_size(kwargs) : 0;
    std::vector<Object*> stack(static_cast<std::size_t>(nargs + nkw));
    for (Py_ssize_t i = 0; i < nargs; i++) stack[static_cast<std::size_t>(i)] = tuple_item(args, i);
    Ref<> kwnames;
    if (nkw) {
        kwnames = tuple_new(nkw);
        if (!kwnames) return nullptr;
        Py_ssize_t pos = 0, i = 0;
        Object *key, *value;
        while (dict_next(kwargs, &pos, &key, &value)) {
            // _PyStack_UnpackDict checks this before the callee sees the names.
            if (!unicode_check(key)) return format_error(Exc_TypeError, "keywords must be strings");
            tuple_set_item(kwnames.get(), i, new_ref(key).release());
            stack[static_cast<std::size_t>(nargs + i)] = value;
            i++;
        }
    }
    return function_vectorcall(func, stack.data(), static_cast<std::size_t>(nargs), kwnames.get());
}

void func_dealloc(Object* op)
{
    FunctionObject* f = F(op);
    if (f->func_weakreflist) object_clear_weakrefs(op);
    for (Object** field : {&f->func_globals, &f->func_builtins, &f->func_name, &f->func_qualname, &f->func_code,
                           &f->func_defaults, &f->func_kwdefaults, &f->func_closure, &f->func_doc, &f->func_dict,
                           &f->func_module, &f->func_annotations})
        clear_ref(*field);
    object_dealloc_memory(op);
}

int func_traverse(Object* op, visitproc visit, void* arg)
{
    FunctionObject* f = F(op);
    for (Object* o : {f->func_globals, f->func_builtins, f->func_name, f->func_qualname, f->func_code,
                      f->func_defaults, f->func_kwdefaults, f->func_closure, f->func_doc, f->func_dict,
                      f->func_module, f->func_annotations})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

// func_clear: breaks the cycles a function can be part of, as CPython's:
// everything but the code goes, the names become ''. A cleared function
// cannot be called again (push_frame refuses it with a SystemError).
int func_clear(Object* op)
{
    FunctionObject* f = F(op);
    f->func_version = 0;
    for (Object** field : {&f->func_globals, &f->func_builtins, &f->func_module, &f->func_defaults,
                           &f->func_kwdefaults, &f->func_doc, &f->func_dict, &f->func_closure,
                           &f->func_annotations})
        clear_ref(*field);
    for (Object** field : {&f->func_name, &f->func_qualname}) {
        Ref<> empty = unicode_from_string("");
        if (!empty) return -1;
        Object* old = *field;
        *field = empty.release();
        decref(old);
    }
    return 0;
}

Ref<> func_repr(Object* op) { return unicode_from_format("<function %U at %p>", F(op)->func_qualname, op); }

// func_descr_get: a function found on a class and fetched through an
// instance becomes a bound method; fetched through the class, itself.
Ref<> func_descr_get(Object* func, Object* obj, Object*)
{
    if (obj == nullptr || obj == Py_None()) return new_ref(func);
    return method_new(func, obj);
}

// --- attributes ---------------------------------------------------------

Ref<> func_get_code(Object* op, void*) { return new_ref(F(op)->func_code); }
int func_set_code(Object* op, Object* value, void*)
{
    if (!value || !code_check(value)) {
        set_error(Exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    auto* co = static_cast<CodeObject*>(value);
    Py_ssize_t nclosure = F(op)->func_closure ? tuple_size(F(op)->func_closure) : 0;
    if (co->co_nfreevars != nclosure) {
        format_error(Exc_ValueError, "%U() requires a code object with %zd free vars, not %d", F(op)->func_name,
                     nclosure, co->co_nfreevars);
        return -1;
    }
    set_ref(F(op)->func_code, new_ref(value).release());
    return 0;
}

// __name__ and __qualname__ accept only str.
int set_str_field(Object*& field, Object* value, const char* what)
{
    if (!value || !unicode_check(value)) {
        format_error(Exc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    set_ref(field, new_ref(value).release());
    return 0;
}
Ref<> func_get_name(Object* op, void*) { return new_ref(F(op)->func_name); }
int func_set_name(Object* op, Object* value, void*) { return set_str_field(F(op)->func_name, value, "__name__"); }
Ref<> func_get_qualname(Object* op, void*) { return new_ref(F(op)->func_qualname); }
int func_set_qualname(Object* op, Object* value, void*)
{
    return set_str_field(F(op)->func_qualname, value, "__qualname__");
}

Ref<> func_get_defaults(Object* op, void*) { return new_ref(F(op)->func_defaults ? F(op)->func_defaults : Py_None()); }
int func_set_defaults(Object* op, Object* value, void*)
{
    if (value == Py_None()) value = nullptr;
    if (value && !tuple_check(value)) {
        set_error(Exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    set_ref(F(op)->func_defaults, value ? new_ref(value).release() : nullptr);
    return 0;
}

Ref<> func_get_kwdefaults(Object* op, void*)
{
    return new_ref(F(op)->func_kwdefaults ? F(op)->func_kwdefaults : Py_None());
}
int func_set_kwdefaults(Object* op, Object* value, void*)
{
    if (value == Py_None()) value = nullptr;
    if (value && !dict_check(value)) {
        set_error(Exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    set_ref(F(op)->func_kwdefaults, value ? new_ref(value).release() : nullptr);
    return 0;
}

Ref<> func_get_annotations(Object* op, void*)
{
    FunctionObject* f = F(op);
    if (!f->func_annotations) {
        Ref<> d = dict_new();
        if (!d) return nullptr;
        f->func_annotations = d.release();
    }
    else if (tuple_check(f->func_annotations)) {
        // MAKE_FUNCTION stores 3.11's flat (name, value, ...) tuple; the
        // dict is made on first access, as func_get_annotation_dict does.
        Ref<> d = dict_new();
        if (!d) return nullptr;
        Object* t = f->func_annotations;
        for (Py_ssize_t i = 0; i + 1 < tuple_size(t); i += 2)
            if (dict_set_item(d.get(), tuple_item(t, i), tuple_item(t, i + 1)) < 0) return nullptr;
        set_ref(f->func_annotations, d.release());
    }
    return new_ref(f->func_annotations);
}
int func_set_annotations(Object* op, Object* value, void*)
{
    if (value == Py_None()) value = nullptr;
    if (value && !dict_check(value)) {
        set_error(Exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    set_ref(F(op)->func_annotations, value ? new_ref(value).release() : nullptr);
    return 0;
}

Ref<> func_get_dict(Object* op, void*)
{
    if (!F(op)->func_dict) {
        Ref<> d = dict_new();
        if (!d) return nullptr;
        F(op)->func_dict = d.release();
    }
    return new_ref(F(op)->func_dict);
}
int func_set_dict(Object* op, Object* value, void*)
{
    if (!value) {
        set_error(Exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!dict_check(value)) {
        set_error(Exc_TypeError, "__dict__ must be set to a dictionary");
        return -1;
    }
    set_ref(F(op)->func_dict, new_ref(value).release());
    return 0;
}

Ref<> func_get_builtins(Object* op, void*)
{
    return F(op)->func_builtins ? new_ref(F(op)->func_builtins) : none_ref();
}

GetSetDef func_getsets[] = {
    {"__code__", func_get_code, func_set_code, nullptr, nullptr},
    {"__defaults__", func_get_defaults, func_set_defaults, nullptr, nullptr},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, nullptr, nullptr},
    {"__annotations__", func_get_annotations, func_set_annotations, nullptr, nullptr},
    {"__dict__", func_get_dict, func_set_dict, nullptr, nullptr},
    {"__name__", func_get_name, func_set_name, nullptr, nullptr},
    {"__qualname__", func_get_qualname, func_set_qualname, nullptr, nullptr},
    {"__builtins__", func_get_builtins, nullptr, nullptr, nullptr},
    {},
};

MemberDef func_members[] = {
    {"__closure__", T_OBJECT, offsetof(FunctionObject, func_closure), READONLY, nullptr},
    {"__doc__", T_OBJECT, offsetof(FunctionObject, func_doc), 0, nullptr},
    {"__globals__", T_OBJECT, offsetof(FunctionObject, func_globals), READONLY, nullptr},
    {"__module__", T_OBJECT, offsetof(FunctionObject, func_module), 0, nullptr},
    {},
};

}  // namespace

TypeObject Function_Type = [] {
    TypeObject t = static_type("function", sizeof(FunctionObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                                   Py_TPFLAGS_METHOD_DESCRIPTOR,
                               "function(code, globals, name=None, argdefs=None, closure=None)\n--\n\nCreate a function object.");
    t.tp_dealloc = func_dealloc;
    t.tp_vectorcall_offset = offsetof(FunctionObject, vectorcall);
    t.tp_weaklistoffset = offsetof(FunctionObject, func_weakreflist);
    t.tp_repr = func_repr;
    t.tp_call = function_call;
    t.tp_traverse = func_traverse;
    t.tp_clear = func_clear;
    t.tp_descr_get = func_descr_get;
    t.tp_getset = func_getsets;
    t.tp_members = func_members;
    t.tp_dictoffset = offsetof(FunctionObject, func_dict);
    return t;
}();

Object* builtins_from_globals(Object* globals)
{
    Object* builtins = dict_get_item_string(globals, "__builtins__");
    if (builtins) {
        if (module_check(builtins)) return module_get_dict(builtins);
        return builtins;
    }
    return interpreter_get()->builtins;
}

Ref<> function_new(Object* code, Object* globals, Object* qualname)
{
    auto* co = static_cast<CodeObject*>(code);
    Object* builtins = builtins_from_globals(globals);
    if (!builtins) return format_error(Exc_SystemError, "no builtins for a new function");
    Ref<FunctionObject> f = object_new<FunctionObject>(&Function_Type);
    if (!f) return nullptr;
    f->func_globals = new_ref(globals).release();
    f->func_builtins = new_ref(builtins).release();
    f->func_name = new_ref(co->co_name).release();
    f->func_qualname = new_ref(qualname ? qualname : co->co_qualname).release();
    f->func_code = new_ref(code).release();
    f->func_defaults = f->func_kwdefaults = f->func_closure = nullptr;
    f->func_dict = f->func_weakreflist = f->func_annotations = nullptr;
    // The docstring is co_consts[0] when it is a str (3.11's rule: the
    // compiler puts None there for a function without one).
    Object* doc = Py_None();
    if (tuple_size(co->co_consts) >= 1 && unicode_check(tuple_item(co->co_consts, 0)))
        doc = tuple_item(co->co_consts, 0);
    f->func_doc = new_ref(doc).release();
    Object* module = dict_get_item_with_error(globals, intern_id("__name__"));
    if (!module && error_occurred()) return nullptr;
    f->func_module = module ? new_ref(module).release() : nullptr;
    f->vectorcall = function_vectorcall;
    f->func_version = next_func_version++;
    return f;
}

void init_function_types()
{
    for (TypeObject* t : {&Function_Type, &Cell_Type, &Frame_Type, &TraceBack_Type}) {
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) {
            std::fputs("Fatal Python error: cannot initialize the function types\n", stderr);
            std::abort();
        }
    }
}

}  // namespace minipy::runtime
