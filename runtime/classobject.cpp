// classobject.cpp: bound methods (the `method` type: a callable bound to
// an instance), and the property and super types that complete the
// descriptor protocol.
// Mirrors CPython 3.11 Objects/classobject.c (PyMethod), the property part
// of Objects/descrobject.c, and super in Objects/typeobject.c. Book chapter 11.
#include "minipy/runtime/classobject.h"

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/pyhash.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

// --- method -----------------------------------------------------------------------

namespace {

MethodObject* M(Object* o) { return static_cast<MethodObject*>(o); }

Ref<> method_vectorcall(Object* method, Object* const* args, std::size_t nargsf, Object* kwnames)
{
    // Prepend self: a small copy (CPython reuses the slot before args when
    // PY_VECTORCALL_ARGUMENTS_OFFSET allows; the eval loop can do that).
    Py_ssize_t nargs = vectorcall_nargs(nargsf);
    Py_ssize_t nkw = kwnames ? tuple_size(kwnames) : 0;
    std::vector<Object*> stack;
    stack.reserve(static_cast<std::size_t>(nargs + nkw + 1));
    stack.push_back(M(method)->im_self);
    stack.insert(stack.end(), args, args + nargs + nkw);
    return object_vectorcall(M(method)->im_func, stack.data(), static_cast<std::size_t>(nargs + 1), kwnames);
}

Ref<> method_call(Object* method, Object* args, Object* kwargs)
{
    Ref<> full = tuple_new(tuple_size(args) + 1);
    if (!full) return nullptr;
    tuple_set_item(full.get(), 0, new_ref(M(method)->im_self).release());
    for (Py_ssize_t i = 0; i < tuple_size(args); i++) tuple_set_item(full.get(), i + 1, new_ref(tuple_item(args, i)).release());
    return object_call(M(method)->im_func, full.get(), kwargs);
}

void method_dealloc(Object* op)
{
    if (M(op)->im_weakreflist) object_clear_weakrefs(op);
    clear_ref(M(op)->im_func);
    clear_ref(M(op)->im_self);
    object_dealloc_memory(op);
}

int method_traverse(Object* op, visitproc visit, void* arg)
{
    if (int r = visit(M(op)->im_func, arg)) return r;
    return visit(M(op)->im_self, arg);
}

Ref<> method_repr(Object* op)
{
    Ref<> name;
    if (object_lookup_attr(M(op)->im_func, intern_id("__qualname__"), &name) < 0) return nullptr;
    if (!name && object_lookup_attr(M(op)->im_func, intern_id("__name__"), &name) < 0) return nullptr;
    Ref<> self_repr = object_repr(M(op)->im_self);
    if (!self_repr) return nullptr;
    if (name && unicode_check(name.get())) return unicode_from_format("<bound method %U of %U>", name.get(), self_repr.get());
    return unicode_from_format("<bound method ? of %U>", self_repr.get());
}

Ref<> method_richcompare(Object* a, Object* b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(a) != &Method_Type || Py_TYPE(b) != &Method_Type)
        return not_implemented_ref();
    int eq = object_rich_compare_bool(M(a)->im_func, M(b)->im_func, Py_EQ);
    if (eq < 0) return nullptr;
    eq = eq && M(a)->im_self == M(b)->im_self;  // 3.8+: identity of self
    return bool_from_long(op == Py_EQ ? eq : !eq);
}

Py_hash_t method_hash(Object* op)
{
    Py_hash_t x = hash_pointer(M(op)->im_self);
    Py_hash_t y = object_hash(M(op)->im_func);
    if (y == -1) return -1;
    x ^= y;
    return x == -1 ? -2 : x;
}

// Attributes not found on the method come from the function (__name__, __doc__...).
Ref<> method_getattro(Object* op, Object* name)
{
    if (Object* descr = type_lookup(Py_TYPE(op), name)) {
        Ref<> keep = new_ref(descr);
        if (descrgetfunc f = Py_TYPE(descr)->tp_descr_get) return f(descr, op, Py_TYPE(op));
        return keep;
    }
    return object_get_attr(M(op)->im_func, name);
}

Ref<> method_get_func(Object* op, void*) { return new_ref(M(op)->im_func); }
Ref<> method_get_self(Object* op, void*) { return new_ref(M(op)->im_self); }
// The function's docstring, not the method type's (method_get_doc).
Ref<> method_get_doc(Object* op, void*) { return object_get_attr(M(op)->im_func, intern_id("__doc__")); }
GetSetDef method_getsets[] = {
    {"__doc__", method_get_doc, nullptr, nullptr, nullptr},
    {"__func__", method_get_func, nullptr, "the function (or other callable) implementing a method", nullptr},
    {"__self__", method_get_self, nullptr, "the instance to which a method is bound", nullptr},
    {},
};

Ref<> method_tp_new(TypeObject*, Object* args, Object* kwds)
{
    if (!check_no_kwargs("method", kwds)) return nullptr;
    if (!check_positional("method", tuple_size(args), 2, 2)) return nullptr;
    Object* func = tuple_item(args, 0);
    Object* self = tuple_item(args, 1);
    if (!callable_check(func)) return format_error(Exc_TypeError, "first argument must be callable");
    if (self == Py_None()) return format_error(Exc_TypeError, "instance must not be None");
    return method_new(func, self);
}

}  // namespace

TypeObject Method_Type = [] {
    TypeObject t = static_type("method", sizeof(MethodObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
                               "method(function, instance, /)\n--\n\nCreate a bound instance method object.");
    t.tp_dealloc = method_dealloc;
    t.tp_vectorcall_offset = offsetof(MethodObject, vectorcall);
    t.tp_weaklistoffset = offsetof(MethodObject, im_weakreflist);
    t.tp_repr = method_repr;
    t.tp_hash = method_hash;
    t.tp_call = method_call;
    t.tp_getattro = method_getattro;
    t.tp_traverse = method_traverse;
    t.tp_richcompare = method_richcompare;
    t.tp_getset = method_getsets;
    t.tp_new = method_tp_new;
    return t;
}();

Ref<> method_new(Object* func, Object* self)
{
    Ref<MethodObject> m = object_new<MethodObject>(&Method_Type);
    if (!m) return nullptr;
    m->im_func = new_ref(func).release();
    m->im_self = new_ref(self).release();
    m->vectorcall = method_vectorcall;
    return m;
}

SuperNoArgsHook super_no_args_hook = nullptr;  // set by the vm, used by super_init

// --- property -----------------------------------------------------------------------

namespace {

struct PropertyObject : Object {
    Object* prop_get;  // owned or null
    Object* prop_set;
    Object* prop_del;
    Object* prop_doc;
    Object* prop_name;  // set by __set_name__ when the class is created
};

PropertyObject* P(Object* o) { return static_cast<PropertyObject*>(o); }

void property_dealloc(Object* op)
{
    clear_ref(P(op)->prop_get);
    clear_ref(P(op)->prop_set);
    clear_ref(P(op)->prop_del);
    clear_ref(P(op)->prop_doc);
    clear_ref(P(op)->prop_name);
    object_dealloc_memory(op);
}

int property_traverse(Object* op, visitproc visit, void* arg)
{
    for (Object* o : {P(op)->prop_get, P(op)->prop_set, P(op)->prop_del, P(op)->prop_doc, P(op)->prop_name})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

// property_clear: CPython clears only the doc, the one field a cycle is
// likely to run through (a docstring object referring back to its class);
// the accessors stay callable until the property dies.
int property_clear(Object* op)
{
    clear_ref(P(op)->prop_doc);
    return 0;
}

// "property 'x' of 'C' object has no getter" (3.11 names the property).
std::nullptr_t property_missing(Object* self, Object* obj, const char* what)
{
    if (P(self)->prop_name)
        return format_error(Exc_AttributeError, "property %R of '%.100s' object has no %s", P(self)->prop_name,
                            type_short_name(Py_TYPE(obj)), what);
    return format_error(Exc_AttributeError, "property of '%.100s' object has no %s", type_short_name(Py_TYPE(obj)), what);
}

Ref<> property_descr_get(Object* self, Object* obj, Object*)
{
    if (!obj || obj == Py_None()) return new_ref(self);
    if (!P(self)->prop_get) return property_missing(self, obj, "getter");
    return call_one_arg(P(self)->prop_get, obj);
}

int property_descr_set(Object* self, Object* obj, Object* value)
{
    Object* func = value ? P(self)->prop_set : P(self)->prop_del;
    if (!func) {
        property_missing(self, obj, value ? "setter" : "deleter");
        return -1;
    }
    Ref<> r = value ? call_function_objargs(func, {obj, value}) : call_one_arg(func, obj);
    return r ? 0 : -1;
}

int property_init(Object* self, Object* args, Object* kwds)
{
    Object* out[4] = {};
    Ref<> names, stack;
    Py_ssize_t nargs = tuple_size(args);
    std::vector<Object*> argv(&static_cast<TupleObject*>(args)->ob_item[0], &static_cast<TupleObject*>(args)->ob_item[0] + nargs);
    if (kwds && dict_size(kwds)) {
        names = tuple_new(dict_size(kwds));
        if (!names) return -1;
        Py_ssize_t pos = 0, j = 0;
        Object *k, *v;
        while (dict_next(kwds, &pos, &k, &v)) {
            argv.push_back(v);
            tuple_set_item(names.get(), j++, new_ref(k).release());
        }
    }
    if (!parse_args_fastkw("property", argv.data(), nargs, names.get(), {"fget", "fset", "fdel", "doc"}, 0, out)) return -1;
    auto field = [](Object* v) { return v && v != Py_None() ? new_ref(v).release() : nullptr; };
    set_ref(P(self)->prop_get, field(out[0]));
    set_ref(P(self)->prop_set, field(out[1]));
    set_ref(P(self)->prop_del, field(out[2]));
    Ref<> doc = out[3] && out[3] != Py_None() ? new_ref(out[3]) : nullptr;
    if (!doc && P(self)->prop_get) {
        // The getter's docstring becomes the property's.
        if (object_lookup_attr(P(self)->prop_get, intern_id("__doc__"), &doc) < 0) error_clear();
    }
    set_ref(P(self)->prop_doc, doc.release());
    return 0;
}

// property.getter/setter/deleter: a copy with one accessor replaced.
Ref<> property_copy(Object* self, Object* get, Object* set, Object* del)
{
    PropertyObject* p = P(self);
    Ref<> args = tuple_pack({get ? get : (p->prop_get ? p->prop_get : Py_None()),
                             set ? set : (p->prop_set ? p->prop_set : Py_None()),
                             del ? del : (p->prop_del ? p->prop_del : Py_None()),
                             p->prop_doc ? p->prop_doc : Py_None()});
    if (!args) return nullptr;
    return object_call(Py_TYPE(self), args.get(), nullptr);
}
Ref<> property_getter(Object* self, Object* f) { return property_copy(self, f, nullptr, nullptr); }
Ref<> property_setter(Object* self, Object* f) { return property_copy(self, nullptr, f, nullptr); }
Ref<> property_deleter(Object* self, Object* f) { return property_copy(self, nullptr, nullptr, f); }

Ref<> property_set_name(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("__set_name__", nargs, 2, 2)) return nullptr;
    set_ref(P(self)->prop_name, new_ref(args[1]).release());
    return none_ref();
}

MethodDef property_methods[] = {
    method_fast("__set_name__", property_set_name, "Method to set name of a property."),
    method_o("getter", property_getter, "Descriptor to obtain a copy of the property with a different getter."),
    method_o("setter", property_setter, "Descriptor to obtain a copy of the property with a different setter."),
    method_o("deleter", property_deleter, "Descriptor to obtain a copy of the property with a different deleter."),
    {},
};

MemberDef property_members[] = {
    {"fget", T_OBJECT, offsetof(PropertyObject, prop_get), READONLY, nullptr},
    {"fset", T_OBJECT, offsetof(PropertyObject, prop_set), READONLY, nullptr},
    {"fdel", T_OBJECT, offsetof(PropertyObject, prop_del), READONLY, nullptr},
    {"__doc__", T_OBJECT, offsetof(PropertyObject, prop_doc), 0, nullptr},
    {},
};

// abc.abstractmethod marks functions; a property over one is abstract too.
Ref<> property_get_isabstractmethod(Object* self, void*)
{
    for (Object* f : {P(self)->prop_get, P(self)->prop_set, P(self)->prop_del}) {
        int r = object_is_abstract(f);
        if (r < 0) return nullptr;
        if (r) return new_ref(Py_True());
    }
    return new_ref(Py_False());
}

GetSetDef property_getsets[] = {
    {"__isabstractmethod__", property_get_isabstractmethod, nullptr, nullptr, nullptr},
    {},
};

// --- super -----------------------------------------------------------------------------

struct SuperObject : Object {
    TypeObject* type;      // the class super() was called in (owned)
    Object* obj;           // the instance or subclass (owned), or null when unbound
    TypeObject* obj_type;  // type(obj) or obj itself for classes (owned)
};

SuperObject* SU(Object* o) { return static_cast<SuperObject*>(o); }

void super_dealloc(Object* op)
{
    xdecref(SU(op)->type);
    clear_ref(SU(op)->obj);
    xdecref(SU(op)->obj_type);
    object_dealloc_memory(op);
}

int super_traverse(Object* op, visitproc visit, void* arg)
{
    for (Object* o : {static_cast<Object*>(SU(op)->type), SU(op)->obj, static_cast<Object*>(SU(op)->obj_type)})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

// super_getattro: look the name up in the MRO of obj_type *after* type.
Ref<> super_getattro(Object* self, Object* name)
{
    SuperObject* su = SU(self);
    if (su->obj_type && !(unicode_check(name) && unicode_equal_to_ascii(name, "__class__"))) {
        Object* mro = su->obj_type->tp_mro;
        Py_ssize_t n = tuple_size(mro), i = 0;
        while (i + 1 < n && tuple_item(mro, i) != su->type) i++;
        for (i++; i < n; i++) {
            auto* t = static_cast<TypeObject*>(tuple_item(mro, i));
            Object* res = dict_get_item_with_error(t->tp_dict, name);
            if (!res) {
                if (error_occurred()) return nullptr;
                continue;
            }
            Ref<> keep = new_ref(res);
            if (descrgetfunc f = Py_TYPE(res)->tp_descr_get)
                return f(res, su->obj == static_cast<Object*>(su->obj_type) ? nullptr : su->obj, su->obj_type);
            return keep;
        }
    }
    return object_generic_get_attr(self, name);
}

// super_descr_get: an unbound super (super(C)) stored as a class attribute
// binds to the instance it is read through, like super(C, obj).
Ref<> super_descr_get(Object* self, Object* obj, Object*)
{
    SuperObject* su = SU(self);
    if (!obj || obj == Py_None() || su->obj) return new_ref(self);
    return call_function_objargs(Py_TYPE(self), {su->type, obj});
}

Ref<> super_repr(Object* self)
{
    SuperObject* su = SU(self);
    const char* tname = su->type ? su->type->tp_name : "NULL";
    if (su->obj_type) return unicode_from_format("<super: <class '%s'>, <%s object>>", tname, su->obj_type->tp_name);
    return unicode_from_format("<super: <class '%s'>, NULL>", tname);
}

int super_init(Object* self, Object* args, Object* kwds)
{
    if (!check_no_kwargs("super", kwds)) return -1;
    Py_ssize_t n = tuple_size(args);
    Ref<> implicit;
    if (n == 0) {
        // super() without arguments: __class__ and the first argument come
        // from the running frame, which only the vm can read.
        if (!super_no_args_hook) {
            set_error(Exc_RuntimeError, "super(): no arguments");
            return -1;
        }
        implicit = super_no_args_hook();
        if (!implicit) return -1;
        args = implicit.get();
        n = tuple_size(args);
    }
    if (!check_positional("super", n, 1, 2)) return -1;
    Object* type = tuple_item(args, 0);
    if (!type_check(type)) {
        format_error(Exc_TypeError, "super() argument 1 must be a type, not %.200s", Py_TYPE(type)->tp_name);
        return -1;
    }
    Object* obj = n == 2 && tuple_item(args, 1) != Py_None() ? tuple_item(args, 1) : nullptr;
    TypeObject* obj_type = nullptr;
    if (obj) {
        // supercheck: an instance of type, or a subclass of it.
        if (type_check(obj) && type_is_subtype(static_cast<TypeObject*>(obj), static_cast<TypeObject*>(type)))
            obj_type = static_cast<TypeObject*>(obj);
        else if (object_type_check(obj, static_cast<TypeObject*>(type)))
            obj_type = Py_TYPE(obj);
        else {
            set_error(Exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
            return -1;
        }
    }
    SuperObject* su = SU(self);
    xdecref(su->type);
    su->type = static_cast<TypeObject*>(new_ref(type).release());
    set_ref(su->obj, new_ref(obj).release());
    xdecref(su->obj_type);
    su->obj_type = obj_type ? static_cast<TypeObject*>(new_ref<Object>(obj_type).release()) : nullptr;
    return 0;
}

Ref<> super_get_thisclass(Object* self, void*) { return SU(self)->type ? new_ref<Object>(SU(self)->type) : none_ref(); }
Ref<> super_get_self(Object* self, void*) { return SU(self)->obj ? new_ref(SU(self)->obj) : none_ref(); }
Ref<> super_get_self_class(Object* self, void*)
{
    return SU(self)->obj_type ? new_ref<Object>(SU(self)->obj_type) : none_ref();
}
GetSetDef super_getsets[] = {
    {"__thisclass__", super_get_thisclass, nullptr, "the class invoking super()", nullptr},
    {"__self__", super_get_self, nullptr, "the instance invoking super(); may be None", nullptr},
    {"__self_class__", super_get_self_class, nullptr, "the type of the instance invoking super(); may be None", nullptr},
    {},
};

}  // namespace

TypeObject Property_Type = [] {
    TypeObject t = static_type("property", sizeof(PropertyObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
                               "property(fget=None, fset=None, fdel=None, doc=None)\n--\n\nProperty attribute.");
    t.tp_dealloc = property_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = property_traverse;
    t.tp_clear = property_clear;
    t.tp_methods = property_methods;
    t.tp_members = property_members;
    t.tp_getset = property_getsets;
    t.tp_descr_get = property_descr_get;
    t.tp_descr_set = property_descr_set;
    t.tp_init = property_init;
    t.tp_new = [](TypeObject* type, Object*, Object*) { return object_generic_alloc(type, 0); };
    return t;
}();

TypeObject Super_Type = [] {
    TypeObject t = static_type("super", sizeof(SuperObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
                               "super() -> same as super(__class__, <first argument>)");
    t.tp_dealloc = super_dealloc;
    t.tp_repr = super_repr;
    t.tp_getattro = super_getattro;
    t.tp_descr_get = super_descr_get;
    t.tp_traverse = super_traverse;
    t.tp_getset = super_getsets;
    t.tp_init = super_init;
    t.tp_new = [](TypeObject* type, Object*, Object*) { return object_generic_alloc(type, 0); };
    return t;
}();

}  // namespace minipy::runtime
