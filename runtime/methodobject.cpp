// methodobject.cpp: builtin_function_or_method, a MethodDef bound to self,
// and the calling conventions (METH_NOARGS, METH_O, METH_VARARGS,
// METH_FASTCALL, METH_KEYWORDS).
// Mirrors CPython 3.11 Objects/methodobject.c (and the convention checks of
// Objects/call.c). Book chapter 11.
#include <string>

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

// The name in argument errors: "str.upper" for methods, "len" for functions.
std::string function_name(MethodDef* ml, Object* self, TypeObject* owner)
{
    if (owner) return std::string(type_short_name(owner)) + "." + ml->ml_name;
    if (self && !module_check(self) && !type_check(self))
        return std::string(type_short_name(Py_TYPE(self))) + "." + ml->ml_name;
    if (self && type_check(self))
        return std::string(type_short_name(static_cast<TypeObject*>(self))) + "." + ml->ml_name;
    // _PyObject_FunctionStr: "gc.collect", but "len" for builtins.
    if (self && module_check(self)) {
        Object* mod = dict_get_item_string(module_get_dict(self), "__name__");
        if (mod && unicode_check(mod) && unicode_to_std(mod) != "builtins")
            return unicode_to_std(mod) + "." + ml->ml_name;
    }
    return ml->ml_name;
}

bool has_kwnames(Object* kwnames) { return kwnames && tuple_size(kwnames) > 0; }

}  // namespace

Ref<> methoddef_call(MethodDef* ml, Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames,
                     TypeObject* owner)
{
    const int flags = ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
    if (!(flags & METH_KEYWORDS) && has_kwnames(kwnames))
        return format_error(Exc_TypeError, "%s() takes no keyword arguments", function_name(ml, self, owner).c_str());
    switch (flags) {
    case METH_NOARGS:
        if (nargs != 0)
            return format_error(Exc_TypeError, "%s() takes no arguments (%zd given)", function_name(ml, self, owner).c_str(),
                                nargs);
        return ml->ml_meth(self, nullptr);
    case METH_O:
        if (nargs != 1)
            return format_error(Exc_TypeError, "%s() takes exactly one argument (%zd given)",
                                function_name(ml, self, owner).c_str(), nargs);
        return ml->ml_meth(self, args[0]);
    case METH_VARARGS: {
        Ref<> tuple = tuple_from_array(args, nargs);
        if (!tuple) return nullptr;
        return ml->ml_meth(self, tuple.get());
    }
    case METH_VARARGS | METH_KEYWORDS: {
        Ref<> tuple = tuple_from_array(args, nargs);
        if (!tuple) return nullptr;
        Ref<> kwargs;
        if (has_kwnames(kwnames)) {
            kwargs = dict_new();
            if (!kwargs) return nullptr;
            for (Py_ssize_t i = 0; i < tuple_size(kwnames); i++)
                if (dict_set_item(kwargs.get(), tuple_item(kwnames, i), args[nargs + i]) < 0) return nullptr;
        }
        return ml->ml_meth_kw(self, tuple.get(), kwargs.get());
    }
    case METH_FASTCALL: return ml->ml_meth_fast(self, args, nargs);
    case METH_FASTCALL | METH_KEYWORDS: return ml->ml_meth_fastkw(self, args, nargs, has_kwnames(kwnames) ? kwnames : nullptr);
    default:
        return format_error(Exc_SystemError, "%s() method: bad call flags", ml->ml_name);
    }
}

namespace {

Ref<> cfunction_vectorcall(Object* func, Object* const* args, std::size_t nargsf, Object* kwnames)
{
    auto* f = static_cast<CFunctionObject*>(func);
    if (!enter_recursive_call(" while calling a Python object")) return nullptr;
    Ref<> res = methoddef_call(f->m_ml, f->m_self, args, vectorcall_nargs(nargsf), kwnames);
    leave_recursive_call();
    return res;
}

Ref<> cfunction_call(Object* func, Object* args, Object* kwargs)
{
    // tp_call in terms of vectorcall: flatten kwargs behind the positionals.
    Py_ssize_t nargs = tuple_size(args);
    if (!kwargs || dict_size(kwargs) == 0)
        return cfunction_vectorcall(func, &static_cast<TupleObject*>(args)->ob_item[0], static_cast<std::size_t>(nargs),
                                    nullptr);
    Py_ssize_t nkw = dict_size(kwargs);
    Ref<> stack = tuple_new(nargs + nkw);
    Ref<> names = tuple_new(nkw);
    if (!stack || !names) return nullptr;
    for (Py_ssize_t i = 0; i < nargs; i++) tuple_set_item(stack.get(), i, new_ref(tuple_item(args, i)).release());
    Py_ssize_t pos = 0, j = 0;
    Object *k, *v;
    while (dict_next(kwargs, &pos, &k, &v)) {
        tuple_set_item(stack.get(), nargs + j, new_ref(v).release());
        tuple_set_item(names.get(), j++, new_ref(k).release());
    }
    return cfunction_vectorcall(func, &static_cast<TupleObject*>(stack.get())->ob_item[0],
                                static_cast<std::size_t>(nargs), names.get());
}

void cfunction_dealloc(Object* op)
{
    auto* f = static_cast<CFunctionObject*>(op);
    if (f->m_weakreflist) object_clear_weakrefs(op);
    clear_ref(f->m_self);
    clear_ref(f->m_module);
    object_dealloc_memory(op);
}

int cfunction_traverse(Object* op, visitproc visit, void* arg)
{
    auto* f = static_cast<CFunctionObject*>(op);
    if (f->m_self)
        if (int r = visit(f->m_self, arg)) return r;
    if (f->m_module)
        if (int r = visit(f->m_module, arg)) return r;
    return 0;
}

Ref<> cfunction_repr(Object* op)
{
    auto* f = static_cast<CFunctionObject*>(op);
    if (!f->m_self || module_check(f->m_self))
        return unicode_from_format("<built-in function %s>", f->m_ml->ml_name);
    return unicode_from_format("<built-in method %s of %s object at %p>", f->m_ml->ml_name,
                               Py_TYPE(f->m_self)->tp_name, f->m_self);
}

Ref<> cfunction_richcompare(Object* a, Object* b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(b) != &CFunction_Type) return not_implemented_ref();
    auto* x = static_cast<CFunctionObject*>(a);
    auto* y = static_cast<CFunctionObject*>(b);
    bool eq = x->m_self == y->m_self && x->m_ml->ml_meth == y->m_ml->ml_meth &&
              x->m_ml->ml_meth_fast == y->m_ml->ml_meth_fast && x->m_ml->ml_meth_fastkw == y->m_ml->ml_meth_fastkw &&
              x->m_ml->ml_meth_kw == y->m_ml->ml_meth_kw;
    return new_ref(eq == (op == Py_EQ) ? Py_True() : Py_False());
}

Py_hash_t cfunction_hash(Object* op)
{
    auto* f = static_cast<CFunctionObject*>(op);
    Py_hash_t x = f->m_self ? object_hash(f->m_self) : 0;
    if (x == -1) return -1;
    Py_hash_t y = static_cast<Py_hash_t>(reinterpret_cast<std::uintptr_t>(f->m_ml) >> 4);
    x ^= y;
    return x == -1 ? -2 : x;
}

Ref<> cfunction_get_name(Object* op, void*) { return unicode_from_string(static_cast<CFunctionObject*>(op)->m_ml->ml_name); }
Ref<> cfunction_get_qualname(Object* op, void*)
{
    auto* f = static_cast<CFunctionObject*>(op);
    return unicode_from_string(function_name(f->m_ml, f->m_self, nullptr).c_str());
}
Ref<> cfunction_get_self(Object* op, void*)
{
    auto* f = static_cast<CFunctionObject*>(op);
    return f->m_self ? new_ref(f->m_self) : none_ref();
}
Ref<> cfunction_get_doc(Object* op, void*)
{
    const MethodDef* m = static_cast<CFunctionObject*>(op)->m_ml;
    return doc_from_internal_doc(m->ml_name, m->ml_doc);
}
Ref<> cfunction_get_text_signature(Object* op, void*)
{
    const MethodDef* m = static_cast<CFunctionObject*>(op)->m_ml;
    return text_signature_from_internal_doc(m->ml_name, m->ml_doc);
}

GetSetDef cfunction_getsets[] = {
    {"__name__", cfunction_get_name, nullptr, nullptr, nullptr},
    {"__qualname__", cfunction_get_qualname, nullptr, nullptr, nullptr},
    {"__self__", cfunction_get_self, nullptr, nullptr, nullptr},
    {"__doc__", cfunction_get_doc, nullptr, nullptr, nullptr},
    {"__text_signature__", cfunction_get_text_signature, nullptr, nullptr, nullptr},
    {},
};

// __module__: the defining module's name for module functions (set by
// the module's function table), None for methods; writable, as CPython's.
MemberDef cfunction_members[] = {
    {"__module__", T_OBJECT, offsetof(CFunctionObject, m_module), 0, nullptr},
    {},
};

}  // namespace

TypeObject CFunction_Type = [] {
    TypeObject t = static_type("builtin_function_or_method", sizeof(CFunctionObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL);
    t.tp_dealloc = cfunction_dealloc;
    t.tp_vectorcall_offset = offsetof(CFunctionObject, vectorcall);
    t.tp_weaklistoffset = offsetof(CFunctionObject, m_weakreflist);
    t.tp_repr = cfunction_repr;
    t.tp_hash = cfunction_hash;
    t.tp_call = cfunction_call;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = cfunction_traverse;
    t.tp_richcompare = cfunction_richcompare;
    t.tp_getset = cfunction_getsets;
    t.tp_members = cfunction_members;
    return t;
}();

Ref<> cfunction_new(MethodDef* ml, Object* self, Object* module)
{
    Ref<CFunctionObject> f = object_new<CFunctionObject>(&CFunction_Type);
    if (!f) return nullptr;
    f->m_ml = ml;
    f->m_self = new_ref(self).release();
    f->m_module = new_ref(module).release();
    f->vectorcall = cfunction_vectorcall;
    return f;
}

}  // namespace minipy::runtime
