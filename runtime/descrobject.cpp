// descrobject.cpp: the descriptors a type's __dict__ holds for its C-level
// attributes: method_descriptor, classmethod_descriptor, member_descriptor,
// getset_descriptor, wrapper_descriptor (+ method-wrapper), and the
// staticmethod/classmethod/property wrappers.
// Mirrors CPython 3.11 Objects/descrobject.c and the staticmethod/
// classmethod part of Objects/funcobject.c. Book chapter 11.
//
// A descriptor with tp_descr_set is a "data descriptor": generic attribute
// lookup gives it priority over the instance dict (object.cpp).
#include <cstring>

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/classobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/floatobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

Ref<> wrapperbase_call(const WrapperBase* base, Object* self, Object* args, void* wrapped, Object* kwds);
const char* wrapperbase_name(const WrapperBase* base);
const char* wrapperbase_doc(const WrapperBase* base);

namespace {

struct DescrObject : Object {
    TypeObject* d_type;  // owned
    Object* d_name;      // owned str
    Object* d_qualname;  // owned or null
};
struct MethodDescrObject : DescrObject {
    MethodDef* d_method;
    vectorcallfunc vectorcall;
};
struct MemberDescrObject : DescrObject {
    MemberDef* d_member;
};
struct GetSetDescrObject : DescrObject {
    GetSetDef* d_getset;
};
struct WrapperDescrObject : DescrObject {
    const WrapperBase* d_base;
    void* d_wrapped;
};
// method-wrapper: a slot wrapper bound to an instance.
struct WrapperObject : Object {
    WrapperDescrObject* descr;  // owned
    Object* self;               // owned
};

template <class D>
Ref<D> descr_alloc(TypeObject* descrtype, TypeObject* type, const char* name)
{
    Ref<D> d = object_new<D>(descrtype);
    if (!d) return nullptr;
    d->d_type = static_cast<TypeObject*>(new_ref<Object>(type).release());
    Ref<> n = unicode_intern_from_string(name);
    if (!n) return nullptr;
    d->d_name = n.release();
    return d;
}

void descr_dealloc(Object* op)
{
    auto* d = static_cast<DescrObject*>(op);
    xdecref(d->d_type);
    clear_ref(d->d_name);
    clear_ref(d->d_qualname);
    object_dealloc_memory(op);
}

int descr_traverse(Object* op, visitproc visit, void* arg)
{
    auto* d = static_cast<DescrObject*>(op);
    return d->d_type ? visit(d->d_type, arg) : 0;
}

// descr_check: the instance must be of the descriptor's class.
bool descr_check(DescrObject* d, Object* obj)
{
    if (object_type_check(obj, d->d_type)) return true;
    format_error(Exc_TypeError, "descriptor '%V' for '%.100s' objects doesn't apply to a '%.100s' object", d->d_name,
                 "?", d->d_type->tp_name, Py_TYPE(obj)->tp_name);
    return false;
}

Ref<> descr_get_name(Object* op, void*) { return new_ref(static_cast<DescrObject*>(op)->d_name); }
Ref<> descr_get_qualname(Object* op, void*)
{
    auto* d = static_cast<DescrObject*>(op);
    return unicode_from_format("%s.%U", type_qualified_name(d->d_type).c_str(), d->d_name);
}
Ref<> descr_get_objclass(Object* op, void*) { return new_ref<Object>(static_cast<DescrObject*>(op)->d_type); }

// __doc__ and __text_signature__ of each descriptor kind: the docstring
// tables give them, a method's and a slot wrapper's in CPython's internal
// form "name(signature)\n--\n\ndoc" (pycore_runtime.h).
Ref<> method_get_doc(Object* op, void*)
{
    const MethodDef* m = static_cast<MethodDescrObject*>(op)->d_method;
    return doc_from_internal_doc(m->ml_name, m->ml_doc);
}
Ref<> method_get_text_signature(Object* op, void*)
{
    const MethodDef* m = static_cast<MethodDescrObject*>(op)->d_method;
    return text_signature_from_internal_doc(m->ml_name, m->ml_doc);
}
Ref<> member_get_doc(Object* op, void*)
{
    const char* doc = static_cast<MemberDescrObject*>(op)->d_member->doc;
    return doc ? unicode_from_string(doc) : none_ref();
}
Ref<> getset_get_doc(Object* op, void*)
{
    const char* doc = static_cast<GetSetDescrObject*>(op)->d_getset->doc;
    return doc ? unicode_from_string(doc) : none_ref();
}
Ref<> wrapperdescr_get_doc(Object* op, void*)
{
    const WrapperBase* b = static_cast<WrapperDescrObject*>(op)->d_base;
    return doc_from_internal_doc(wrapperbase_name(b), wrapperbase_doc(b));
}
Ref<> wrapperdescr_get_text_signature(Object* op, void*)
{
    const WrapperBase* b = static_cast<WrapperDescrObject*>(op)->d_base;
    return text_signature_from_internal_doc(wrapperbase_name(b), wrapperbase_doc(b));
}

#define DESCR_COMMON_GETSETS                                                  \
    {"__name__", descr_get_name, nullptr, nullptr, nullptr},                  \
        {"__qualname__", descr_get_qualname, nullptr, nullptr, nullptr},      \
        {"__objclass__", descr_get_objclass, nullptr, nullptr, nullptr}

GetSetDef method_getsets[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", method_get_doc, nullptr, nullptr, nullptr},
    {"__text_signature__", method_get_text_signature, nullptr, nullptr, nullptr},
    {},
};
GetSetDef member_getsets[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", member_get_doc, nullptr, nullptr, nullptr},
    {},
};
GetSetDef getset_getsets[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", getset_get_doc, nullptr, nullptr, nullptr},
    {},
};
GetSetDef wrapperdescr_getsets[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", wrapperdescr_get_doc, nullptr, nullptr, nullptr},
    {"__text_signature__", wrapperdescr_get_text_signature, nullptr, nullptr, nullptr},
    {},
};

#undef DESCR_COMMON_GETSETS

TypeObject descr_base_type(const char* name, Py_ssize_t size, GetSetDef* getsets)
{
    TypeObject t = static_type(name, size, 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = descr_dealloc;
    t.tp_traverse = descr_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_getset = getsets;
    return t;
}

// --- method_descriptor ----------------------------------------------------------

Ref<> method_get(Object* self, Object* obj, Object*)
{
    auto* d = static_cast<MethodDescrObject*>(self);
    if (!obj) return new_ref(self);
    if (!descr_check(d, obj)) return nullptr;
    return cfunction_new(d->d_method, obj);
}

Ref<> method_vectorcall(Object* self, Object* const* args, std::size_t nargsf, Object* kwnames)
{
    auto* d = static_cast<MethodDescrObject*>(self);
    Py_ssize_t nargs = vectorcall_nargs(nargsf);
    if (nargs < 1)
        return format_error(Exc_TypeError, "unbound method %s.%s() needs an argument", type_short_name(d->d_type),
                            d->d_method->ml_name);
    if (!descr_check(d, args[0])) return nullptr;
    if (!enter_recursive_call(" while calling a Python object")) return nullptr;
    Ref<> res = methoddef_call(d->d_method, args[0], args + 1, nargs - 1, kwnames, d->d_type);
    leave_recursive_call();
    return res;
}

Ref<> method_call(Object* self, Object* args, Object* kwargs)
{
    // Through a bound builtin so that keyword flattening lives in one place.
    Py_ssize_t n = tuple_size(args);
    auto* d = static_cast<MethodDescrObject*>(self);
    if (n < 1)
        return format_error(Exc_TypeError, "unbound method %s.%s() needs an argument", type_short_name(d->d_type),
                            d->d_method->ml_name);
    // Without keywords, the vectorcall path (which names errors after d_type).
    if (!kwargs || dict_size(kwargs) == 0)
        return method_vectorcall(self, &static_cast<TupleObject*>(args)->ob_item[0], static_cast<std::size_t>(n), nullptr);
    Ref<> bound = method_get(self, tuple_item(args, 0), nullptr);
    if (!bound) return nullptr;
    Ref<> rest = tuple_get_slice(args, 1, n);
    if (!rest) return nullptr;
    return object_call(bound.get(), rest.get(), kwargs);
}

Ref<> method_repr(Object* self)
{
    auto* d = static_cast<DescrObject*>(self);
    return unicode_from_format("<method '%V' of '%s' objects>", d->d_name, "?", d->d_type->tp_name);
}

Ref<> classmethod_get(Object* self, Object* obj, Object* type)
{
    auto* d = static_cast<MethodDescrObject*>(self);
    if (!type) type = Py_TYPE(obj);
    if (!type_check(type) || !type_is_subtype(static_cast<TypeObject*>(type), d->d_type))
        return format_error(Exc_TypeError, "descriptor '%V' for type '%.100s' needs a subtype of '%.100s' as arg 2",
                            d->d_name, "?", d->d_type->tp_name, static_cast<TypeObject*>(type)->tp_name);
    return cfunction_new(d->d_method, type);
}

Ref<> classmethod_repr(Object* self)
{
    auto* d = static_cast<DescrObject*>(self);
    return unicode_from_format("<method '%V' of '%s' objects>", d->d_name, "?", d->d_type->tp_name);
}

// --- member_descriptor --------------------------------------------------------

Ref<> member_get(Object* self, Object* obj, Object*)
{
    auto* d = static_cast<MemberDescrObject*>(self);
    if (!obj) return new_ref(self);
    if (!descr_check(d, obj)) return nullptr;
    MemberDef* m = d->d_member;
    char* addr = reinterpret_cast<char*>(obj) + m->offset;
    switch (m->type) {
    case T_OBJECT: {
        Object* v = *reinterpret_cast<Object**>(addr);
        return v ? new_ref(v) : none_ref();
    }
    case T_OBJECT_EX: {
        Object* v = *reinterpret_cast<Object**>(addr);
        if (!v) return format_error(Exc_AttributeError, "'%.200s' object has no attribute '%s'", Py_TYPE(obj)->tp_name, m->name);
        return new_ref(v);
    }
    case T_INT: return long_from_long(*reinterpret_cast<int*>(addr));
    case T_PYSSIZET: return long_from_ssize_t(*reinterpret_cast<Py_ssize_t*>(addr));
    case T_BOOL: return bool_from_long(*addr);
    case T_DOUBLE: return float_from_double(*reinterpret_cast<double*>(addr));
    default: return format_error(Exc_SystemError, "bad memberdescr type for %s", m->name);
    }
}

int member_set(Object* self, Object* obj, Object* value)
{
    auto* d = static_cast<MemberDescrObject*>(self);
    if (!descr_check(d, obj)) return -1;
    MemberDef* m = d->d_member;
    if (m->flags & READONLY) {
        set_error(Exc_AttributeError, "readonly attribute");
        return -1;
    }
    char* addr = reinterpret_cast<char*>(obj) + m->offset;
    if (!value && m->type != T_OBJECT && m->type != T_OBJECT_EX) {
        set_error(Exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (m->type) {
    case T_OBJECT:
    case T_OBJECT_EX: {
        auto& field = *reinterpret_cast<Object**>(addr);
        if (!value && m->type == T_OBJECT_EX && !field) {
            set_error(Exc_AttributeError, m->name);
            return -1;
        }
        set_ref(field, new_ref(value).release());
        return 0;
    }
    case T_BOOL:
        if (!bool_check(value)) {
            set_error(Exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *addr = value == Py_True();
        return 0;
    case T_INT:
    case T_PYSSIZET: {
        if (!long_check(value)) {
            set_error(Exc_TypeError, "an integer is required");
            return -1;
        }
        long long v = long_as_long_long(value);
        if (v == -1 && error_occurred()) return -1;
        if (m->type == T_INT) *reinterpret_cast<int*>(addr) = static_cast<int>(v);
        else *reinterpret_cast<Py_ssize_t*>(addr) = static_cast<Py_ssize_t>(v);
        return 0;
    }
    case T_DOUBLE: {
        double v = float_as_double(value);
        if (v == -1.0 && error_occurred()) return -1;
        *reinterpret_cast<double*>(addr) = v;
        return 0;
    }
    default: format_error(Exc_SystemError, "bad memberdescr type for %s", m->name); return -1;
    }
}

Ref<> member_repr(Object* self)
{
    auto* d = static_cast<DescrObject*>(self);
    return unicode_from_format("<member '%V' of '%s' objects>", d->d_name, "?", d->d_type->tp_name);
}

// --- getset_descriptor -----------------------------------------------------------

Ref<> getset_get(Object* self, Object* obj, Object*)
{
    auto* d = static_cast<GetSetDescrObject*>(self);
    if (!obj) return new_ref(self);
    if (!descr_check(d, obj)) return nullptr;
    if (d->d_getset->get) return d->d_getset->get(obj, d->d_getset->closure);
    return format_error(Exc_AttributeError, "attribute '%V' of '%.100s' objects is not readable", d->d_name, "?",
                        d->d_type->tp_name);
}

int getset_set(Object* self, Object* obj, Object* value)
{
    auto* d = static_cast<GetSetDescrObject*>(self);
    if (!descr_check(d, obj)) return -1;
    if (d->d_getset->set) return d->d_getset->set(obj, value, d->d_getset->closure);
    format_error(Exc_AttributeError, "attribute '%V' of '%.100s' objects is not writable", d->d_name, "?",
                 d->d_type->tp_name);
    return -1;
}

Ref<> getset_repr(Object* self)
{
    auto* d = static_cast<DescrObject*>(self);
    return unicode_from_format("<attribute '%V' of '%s' objects>", d->d_name, "?", d->d_type->tp_name);
}

// --- wrapper_descriptor and method-wrapper ---------------------------------------

Ref<> wrapper_new_bound(WrapperDescrObject* d, Object* self);

Ref<> wrapperdescr_get(Object* self, Object* obj, Object*)
{
    auto* d = static_cast<WrapperDescrObject*>(self);
    if (!obj) return new_ref(self);
    if (!descr_check(d, obj)) return nullptr;
    return wrapper_new_bound(d, obj);
}

Ref<> wrapperdescr_call(Object* self, Object* args, Object* kwds)
{
    auto* d = static_cast<WrapperDescrObject*>(self);
    Py_ssize_t n = tuple_size(args);
    if (n < 1)
        return format_error(Exc_TypeError, "descriptor '%V' of '%.100s' object needs an argument", d->d_name, "?",
                            d->d_type->tp_name);
    Object* obj = tuple_item(args, 0);
    if (!object_type_check(obj, d->d_type))
        return format_error(Exc_TypeError, "descriptor '%V' requires a '%.100s' object but received a '%.100s'", d->d_name,
                            "?", d->d_type->tp_name, Py_TYPE(obj)->tp_name);
    Ref<> rest = tuple_get_slice(args, 1, n);
    if (!rest) return nullptr;
    return wrapperbase_call(d->d_base, obj, rest.get(), d->d_wrapped, kwds);
}

Ref<> wrapperdescr_repr(Object* self)
{
    auto* d = static_cast<DescrObject*>(self);
    return unicode_from_format("<slot wrapper '%V' of '%s' objects>", d->d_name, "?", d->d_type->tp_name);
}

void wrapper_dealloc(Object* op)
{
    auto* w = static_cast<WrapperObject*>(op);
    xdecref(w->descr);
    clear_ref(w->self);
    object_dealloc_memory(op);
}

int wrapper_traverse(Object* op, visitproc visit, void* arg)
{
    auto* w = static_cast<WrapperObject*>(op);
    if (int r = visit(w->descr, arg)) return r;
    return visit(w->self, arg);
}

Ref<> wrapper_call(Object* op, Object* args, Object* kwds)
{
    auto* w = static_cast<WrapperObject*>(op);
    return wrapperbase_call(w->descr->d_base, w->self, args, w->descr->d_wrapped, kwds);
}

Ref<> wrapper_repr(Object* op)
{
    auto* w = static_cast<WrapperObject*>(op);
    return unicode_from_format("<method-wrapper '%U' of %s object at %p>", w->descr->d_name, Py_TYPE(w->self)->tp_name,
                               w->self);
}

Ref<> wrapper_get_self(Object* op, void*) { return new_ref(static_cast<WrapperObject*>(op)->self); }
Ref<> wrapper_get_name(Object* op, void*) { return new_ref(static_cast<WrapperObject*>(op)->descr->d_name); }

Ref<> wrapper_get_doc(Object* op, void*) { return wrapperdescr_get_doc(static_cast<WrapperObject*>(op)->descr, nullptr); }
Ref<> wrapper_get_text_signature(Object* op, void*)
{
    return wrapperdescr_get_text_signature(static_cast<WrapperObject*>(op)->descr, nullptr);
}

GetSetDef wrapper_getsets[] = {
    {"__self__", wrapper_get_self, nullptr, nullptr, nullptr},
    {"__name__", wrapper_get_name, nullptr, nullptr, nullptr},
    {"__doc__", wrapper_get_doc, nullptr, nullptr, nullptr},
    {"__text_signature__", wrapper_get_text_signature, nullptr, nullptr, nullptr},
    {},
};

// --- staticmethod, classmethod -------------------------------------------------

struct CallableWrapper : Object {
    Object* callable;  // owned
    Object* dict;      // owned or null
};

void cw_dealloc(Object* op)
{
    auto* w = static_cast<CallableWrapper*>(op);
    clear_ref(w->callable);
    clear_ref(w->dict);
    object_dealloc_memory(op);
}
int cw_traverse(Object* op, visitproc visit, void* arg)
{
    auto* w = static_cast<CallableWrapper*>(op);
    if (w->callable)
        if (int r = visit(w->callable, arg)) return r;
    return w->dict ? visit(w->dict, arg) : 0;
}
// sm_clear / cm_clear.
int cw_clear(Object* op)
{
    auto* w = static_cast<CallableWrapper*>(op);
    clear_ref(w->callable);
    clear_ref(w->dict);
    return 0;
}
int cw_init(Object* op, Object* args, Object* kwds)
{
    auto* w = static_cast<CallableWrapper*>(op);
    if (!no_keywords(Py_TYPE(op)->tp_name, kwds)) return -1;
    if (tuple_size(args) != 1) {
        format_error(Exc_TypeError, "%s expected 1 argument, got %zd", Py_TYPE(op)->tp_name, tuple_size(args));
        return -1;
    }
    set_ref(w->callable, new_ref(tuple_item(args, 0)).release());
    // functools_wraps: since 3.10 the wrapper shows the callable's name,
    // module and doc (copied into its __dict__); missing ones are skipped.
    for (const char* name : {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"}) {
        Ref<> value;
        if (object_lookup_attr(w->callable, intern_id(name), &value) < 0) return -1;
        if (value && object_set_attr(op, intern_id(name), value.get()) < 0) return -1;
    }
    return 0;
}
Ref<> staticmethod_get(Object* self, Object*, Object*)
{
    auto* w = static_cast<CallableWrapper*>(self);
    if (!w->callable) return format_error(Exc_RuntimeError, "uninitialized staticmethod object");
    return new_ref(w->callable);
}
Ref<> staticmethod_call(Object* self, Object* args, Object* kwds)
{
    return object_call(static_cast<CallableWrapper*>(self)->callable, args, kwds);
}
Ref<> classmethod_wrapper_get(Object* self, Object* obj, Object* type)
{
    auto* w = static_cast<CallableWrapper*>(self);
    if (!w->callable) return format_error(Exc_RuntimeError, "uninitialized classmethod object");
    if (!type) type = Py_TYPE(obj);
    // A bound method object arrives with the vm's function objects; for
    // builtins, bind by wrapping in a method descriptor call.
    if (Py_TYPE(w->callable) == &CFunction_Type) {
        auto* f = static_cast<CFunctionObject*>(w->callable);
        return cfunction_new(f->m_ml, type);
    }
    return method_new(w->callable, type);
}
Ref<> cw_get_isabstractmethod(Object* op, void*)
{
    int r = object_is_abstract(static_cast<CallableWrapper*>(op)->callable);
    if (r < 0) return nullptr;
    return new_ref(r ? Py_True() : Py_False());
}
GetSetDef cw_getsets[] = {
    {"__isabstractmethod__", cw_get_isabstractmethod, nullptr, nullptr, nullptr},
    {"__dict__", object_generic_get_dict, object_generic_set_dict, nullptr, nullptr},
    {},
};
MemberDef cw_members[] = {
    {"__func__", T_OBJECT, offsetof(CallableWrapper, callable), READONLY, nullptr},
    {"__wrapped__", T_OBJECT, offsetof(CallableWrapper, callable), READONLY, nullptr},
    {},
};

}  // namespace

TypeObject MethodDescr_Type = [] {
    TypeObject t = descr_base_type("method_descriptor", sizeof(MethodDescrObject), method_getsets);
    t.tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR;
    t.tp_vectorcall_offset = offsetof(MethodDescrObject, vectorcall);
    t.tp_repr = method_repr;
    t.tp_call = method_call;
    t.tp_descr_get = method_get;
    return t;
}();

TypeObject ClassMethodDescr_Type = [] {
    TypeObject t = descr_base_type("classmethod_descriptor", sizeof(MethodDescrObject), method_getsets);
    t.tp_repr = classmethod_repr;
    t.tp_descr_get = classmethod_get;
    return t;
}();

TypeObject MemberDescr_Type = [] {
    TypeObject t = descr_base_type("member_descriptor", sizeof(MemberDescrObject), member_getsets);
    t.tp_repr = member_repr;
    t.tp_descr_get = member_get;
    t.tp_descr_set = member_set;
    return t;
}();

TypeObject GetSetDescr_Type = [] {
    TypeObject t = descr_base_type("getset_descriptor", sizeof(GetSetDescrObject), getset_getsets);
    t.tp_repr = getset_repr;
    t.tp_descr_get = getset_get;
    t.tp_descr_set = getset_set;
    return t;
}();

TypeObject WrapperDescr_Type = [] {
    TypeObject t = descr_base_type("wrapper_descriptor", sizeof(WrapperDescrObject), wrapperdescr_getsets);
    t.tp_flags |= Py_TPFLAGS_METHOD_DESCRIPTOR;
    t.tp_repr = wrapperdescr_repr;
    t.tp_call = wrapperdescr_call;
    t.tp_descr_get = wrapperdescr_get;
    return t;
}();

TypeObject MethodWrapper_Type = [] {
    TypeObject t = static_type("method-wrapper", sizeof(WrapperObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = wrapper_dealloc;
    t.tp_traverse = wrapper_traverse;
    t.tp_call = wrapper_call;
    t.tp_repr = wrapper_repr;
    t.tp_getattro = object_generic_get_attr;
    t.tp_getset = wrapper_getsets;
    return t;
}();

TypeObject StaticMethod_Type = [] {
    TypeObject t = static_type("staticmethod", sizeof(CallableWrapper), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE);
    t.tp_dealloc = cw_dealloc;
    t.tp_traverse = cw_traverse;
    t.tp_clear = cw_clear;
    t.tp_init = cw_init;
    t.tp_call = staticmethod_call;
    t.tp_descr_get = staticmethod_get;
    t.tp_getset = cw_getsets;
    t.tp_members = cw_members;
    t.tp_dictoffset = offsetof(CallableWrapper, dict);
    t.tp_new = [](TypeObject* type, Object*, Object*) { return object_generic_alloc(type, 0); };
    return t;
}();

TypeObject ClassMethod_Type = [] {
    TypeObject t = static_type("classmethod", sizeof(CallableWrapper), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE);
    t.tp_dealloc = cw_dealloc;
    t.tp_traverse = cw_traverse;
    t.tp_clear = cw_clear;
    t.tp_init = cw_init;
    t.tp_descr_get = classmethod_wrapper_get;
    t.tp_getset = cw_getsets;
    t.tp_members = cw_members;
    t.tp_dictoffset = offsetof(CallableWrapper, dict);
    t.tp_new = [](TypeObject* type, Object*, Object*) { return object_generic_alloc(type, 0); };
    return t;
}();

namespace {
Ref<> wrapper_new_bound(WrapperDescrObject* d, Object* self)
{
    Ref<WrapperObject> w = object_new<WrapperObject>(&MethodWrapper_Type);
    if (!w) return nullptr;
    w->descr = static_cast<WrapperDescrObject*>(new_ref<Object>(d).release());
    w->self = new_ref(self).release();
    return w;
}
}  // namespace

Ref<> descr_new_method(TypeObject* type, MethodDef* ml)
{
    Ref<MethodDescrObject> d = descr_alloc<MethodDescrObject>(&MethodDescr_Type, type, ml->ml_name);
    if (!d) return nullptr;
    d->d_method = ml;
    d->vectorcall = method_vectorcall;
    return d;
}

Ref<> descr_new_classmethod(TypeObject* type, MethodDef* ml)
{
    Ref<MethodDescrObject> d = descr_alloc<MethodDescrObject>(&ClassMethodDescr_Type, type, ml->ml_name);
    if (!d) return nullptr;
    d->d_method = ml;
    return d;
}

Ref<> descr_new_member(TypeObject* type, MemberDef* m)
{
    Ref<MemberDescrObject> d = descr_alloc<MemberDescrObject>(&MemberDescr_Type, type, m->name);
    if (!d) return nullptr;
    d->d_member = m;
    return d;
}

Ref<> descr_new_getset(TypeObject* type, GetSetDef* g)
{
    Ref<GetSetDescrObject> d = descr_alloc<GetSetDescrObject>(&GetSetDescr_Type, type, g->name);
    if (!d) return nullptr;
    d->d_getset = g;
    return d;
}

Ref<> descr_new_wrapper(TypeObject* type, const WrapperBase* base, void* wrapped)
{
    Ref<WrapperDescrObject> d = descr_alloc<WrapperDescrObject>(&WrapperDescr_Type, type, wrapperbase_name(base));
    if (!d) return nullptr;
    d->d_base = base;
    d->d_wrapped = wrapped;
    return d;
}

Ref<> staticmethod_new(Object* callable)
{
    Ref<CallableWrapper> w = object_new<CallableWrapper>(&StaticMethod_Type);
    if (!w) return nullptr;
    w->callable = new_ref(callable).release();
    return w;
}

Ref<> classmethod_new(Object* callable)
{
    Ref<CallableWrapper> w = object_new<CallableWrapper>(&ClassMethod_Type);
    if (!w) return nullptr;
    w->callable = new_ref(callable).release();
    return w;
}

// --- mappingproxy: a read-only view of a mapping (type.__dict__) --------------------

namespace {

struct MappingProxyObject : Object {
    Object* mapping;  // owned
};

Object* MP(Object* o) { return static_cast<MappingProxyObject*>(o)->mapping; }

void mappingproxy_dealloc(Object* op)
{
    clear_ref(static_cast<MappingProxyObject*>(op)->mapping);
    object_dealloc_memory(op);
}
int mappingproxy_traverse(Object* op, visitproc visit, void* arg) { return visit(MP(op), arg); }
Py_ssize_t mappingproxy_len(Object* op) { return object_size(MP(op)); }
Ref<> mappingproxy_getitem(Object* op, Object* key) { return object_get_item(MP(op), key); }
int mappingproxy_contains(Object* op, Object* key)
{
    if (dict_check_exact(MP(op))) return dict_contains(MP(op), key);
    return sequence_contains(MP(op), key);
}
Ref<> mappingproxy_iter(Object* op) { return object_get_iter(MP(op)); }
Ref<> mappingproxy_repr(Object* op) { return unicode_from_format("mappingproxy(%R)", MP(op)); }
Ref<> mappingproxy_str(Object* op) { return object_str(MP(op)); }
Ref<> mappingproxy_richcompare(Object* v, Object* w, int op) { return object_rich_compare(MP(v), w, op); }
Ref<> mappingproxy_get(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("get", nargs, 1, 2)) return nullptr;
    return call_method(MP(self), "get", {args[0], nargs == 2 ? args[1] : Py_None()});
}
Ref<> mappingproxy_keys(Object* self, Object*) { return call_method(MP(self), "keys"); }
Ref<> mappingproxy_values(Object* self, Object*) { return call_method(MP(self), "values"); }
Ref<> mappingproxy_items(Object* self, Object*) { return call_method(MP(self), "items"); }
Ref<> mappingproxy_copy(Object* self, Object*) { return call_method(MP(self), "copy"); }
Ref<> mappingproxy_reversed(Object* self, Object*) { return call_method(MP(self), "__reversed__"); }

// proxy | other and other | proxy: the | of the mappings themselves (a new
// dict for dicts); |= would change the mapping, which a proxy must not.
Ref<> mappingproxy_or(Object* left, Object* right)
{
    Object* l = object_type_check(left, &MappingProxy_Type) ? MP(left) : left;
    Object* r = object_type_check(right, &MappingProxy_Type) ? MP(right) : right;
    return number_or(l, r);
}
Ref<> mappingproxy_ior(Object* self, Object*)
{
    return format_error(Exc_TypeError, "'|=' is not supported by %s; use '|' instead", Py_TYPE(self)->tp_name);
}

MethodDef mappingproxy_methods[] = {
    method_fast("get", mappingproxy_get, "D.get(k[,d]) -> D[k] if k in D, else d."),
    method_noargs("keys", mappingproxy_keys, "D.keys() -> a set-like object providing a view on D's keys"),
    method_noargs("values", mappingproxy_values, "D.values() -> an object providing a view on D's values"),
    method_noargs("items", mappingproxy_items, "D.items() -> a set-like object providing a view on D's items"),
    method_noargs("copy", mappingproxy_copy, "D.copy() -> a shallow copy of D"),
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    method_noargs("__reversed__", mappingproxy_reversed, "D.__reversed__() -> reverse iterator"),
    {},
};

NumberMethods mappingproxy_as_number = [] {
    NumberMethods nb{};
    nb.nb_or = mappingproxy_or;
    nb.nb_inplace_or = mappingproxy_ior;
    return nb;
}();

MappingMethods mappingproxy_as_mapping = {mappingproxy_len, mappingproxy_getitem, nullptr};
SequenceMethods mappingproxy_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_contains = mappingproxy_contains;
    return sq;
}();

Ref<> mappingproxy_new(TypeObject*, Object* args, Object* kwds)
{
    if (!check_no_kwargs("mappingproxy", kwds) || !check_positional("mappingproxy", tuple_size(args), 1, 1)) return nullptr;
    Object* mapping = tuple_item(args, 0);
    if (!mapping_check(mapping) || list_check(mapping) || tuple_check(mapping))
        return format_error(Exc_TypeError, "mappingproxy() argument must be a mapping, not %s", Py_TYPE(mapping)->tp_name);
    return mappingproxy_wrap(mapping);
}

}  // namespace

TypeObject MappingProxy_Type = [] {
    TypeObject t = static_type("mappingproxy", sizeof(MappingProxyObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING);
    t.tp_dealloc = mappingproxy_dealloc;
    t.tp_repr = mappingproxy_repr;
    t.tp_as_number = &mappingproxy_as_number;
    t.tp_as_sequence = &mappingproxy_as_sequence;
    t.tp_as_mapping = &mappingproxy_as_mapping;
    t.tp_str = mappingproxy_str;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = mappingproxy_traverse;
    t.tp_richcompare = mappingproxy_richcompare;
    t.tp_iter = mappingproxy_iter;
    t.tp_methods = mappingproxy_methods;
    t.tp_new = mappingproxy_new;
    return t;
}();

Ref<> mappingproxy_wrap(Object* mapping)
{
    Ref<> p = steal_ref(object_alloc_raw(&MappingProxy_Type, 0));
    if (!p) return nullptr;
    static_cast<MappingProxyObject*>(p.get())->mapping = new_ref(mapping).release();
    return p;
}

void init_descr_types()
{
    for (TypeObject* t : {&CFunction_Type, &MethodDescr_Type, &ClassMethodDescr_Type, &MemberDescr_Type,
                          &GetSetDescr_Type, &WrapperDescr_Type, &MethodWrapper_Type, &StaticMethod_Type,
                          &ClassMethod_Type, &MappingProxy_Type})
        if (type_ready(t) < 0) std::abort();
}

}  // namespace minipy::runtime
