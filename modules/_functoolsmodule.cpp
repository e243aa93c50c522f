// _functoolsmodule.cpp: the _functools module: reduce(), partial objects
// and cmp_to_key()'s KeyWrapper. Mirrors CPython 3.11
// Modules/_functoolsmodule.c (lru_cache's wrapper is minipy's Python in
// lib/functools.py). Book chapter 12, "The Standard Library".
//
// partial(func, *args, **kw) stores func, the args tuple and the keywords
// dict; calling it calls func(*args, *more, **{**kw, **more_kw}). A partial
// of an exact partial without an instance __dict__ is flattened into one
// partial of the inner function, as CPython does, so chains of partials
// cost one call.
#include <cstring>
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

// ===========================================================================
// reduce(function, iterable[, initial])

Ref<> functools_reduce(Object*, Object* args)
{
    Py_ssize_t n = tuple_size(args);
    if (n < 2) return format_error(Exc_TypeError, "reduce expected at least 2 arguments, got %zd", n);
    if (n > 3) return format_error(Exc_TypeError, "reduce expected at most 3 arguments, got %zd", n);
    Object* func = tuple_item(args, 0);
    Ref<> it = object_get_iter(tuple_item(args, 1));
    if (!it) {
        if (error_matches(Exc_TypeError)) {
            error_clear();
            set_error(Exc_TypeError, "reduce() arg 2 must support iteration");
        }
        return nullptr;
    }
    Ref<> result = n == 3 ? new_ref(tuple_item(args, 2)) : Ref<>();
    for (;;) {
        Ref<> item = iter_next(it.get());
        if (!item) {
            if (error_occurred()) return nullptr;
            break;
        }
        if (!result) {
            result = std::move(item);
            continue;
        }
        result = call_function_objargs(func, {result.get(), item.get()});
        if (!result) return nullptr;
    }
    if (!result) return format_error(Exc_TypeError, "reduce() of empty iterable with no initial value");
    return result;
}

// ===========================================================================
// partial

struct PartialObject : Object {
    Object* fn;    // owned, callable
    Object* args;  // owned tuple
    Object* kw;    // owned dict
    Object* dict;  // owned or null: the instance __dict__
    Object* weakreflist;  // weak references to this partial
    vectorcallfunc vectorcall;  // partial_vectorcall
};

extern TypeObject Partial_Type;

PartialObject* P(Object* op) { return static_cast<PartialObject*>(op); }

Ref<> partial_call(Object* self, Object* args, Object* kw);
Ref<> partial_vectorcall(Object* self, Object* const* args, std::size_t nargsf, Object* kwnames);

Ref<> partial_tp_new(TypeObject* type, Object* args, Object* kw)
{
    if (tuple_size(args) < 1) return format_error(Exc_TypeError, "type 'partial' takes at least one argument");
    Object* func = tuple_item(args, 0);
    Ref<> pargs, pkw;
    // Flatten partial(partial(f, a), b) into partial(f, a, b): any object
    // called through partial_call has a partial's layout (a subclass
    // without its own __call__); one with an instance __dict__ is kept.
    if (Py_TYPE(func)->tp_call == partial_call && !P(func)->dict) {
        pargs = new_ref(P(func)->args);
        pkw = new_ref(P(func)->kw);
        func = P(func)->fn;
    }
    if (!callable_check(func)) return format_error(Exc_TypeError, "the first argument must be callable");
    Ref<> rest = tuple_get_slice(args, 1, tuple_size(args));
    if (!rest) return nullptr;
    Ref<> all_args = pargs ? sequence_concat(pargs.get(), rest.get()) : std::move(rest);
    if (!all_args) return nullptr;
    Ref<> all_kw;
    if (pkw && dict_size(pkw.get()) > 0) {
        all_kw = dict_copy(pkw.get());
        if (!all_kw || (kw && dict_update(all_kw.get(), kw) < 0)) return nullptr;
    } else {
        all_kw = kw ? dict_copy(kw) : dict_new();
        if (!all_kw) return nullptr;
    }
    Ref<> self = steal_ref(object_alloc_raw(type, 0));
    if (!self) return nullptr;
    P(self.get())->fn = new_ref(func).release();
    P(self.get())->args = all_args.release();
    P(self.get())->kw = all_kw.release();
    P(self.get())->vectorcall = partial_vectorcall;
    return self;
}

void partial_dealloc(Object* op)
{
    PartialObject* p = P(op);
    if (p->weakreflist) object_clear_weakrefs(op);
    clear_ref(p->fn);
    clear_ref(p->args);
    clear_ref(p->kw);
    clear_ref(p->dict);
    object_dealloc_memory(op);
}

int partial_traverse(Object* op, visitproc visit, void* arg)
{
    PartialObject* p = P(op);
    for (Object* o : {p->fn, p->args, p->kw, p->dict})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

int partial_tp_clear(Object* op)
{
    PartialObject* p = P(op);
    clear_ref(p->fn);
    clear_ref(p->args);
    clear_ref(p->kw);
    clear_ref(p->dict);
    return 0;
}

Ref<> partial_call(Object* self, Object* args, Object* kw)
{
    PartialObject* p = P(self);
    if (!p->fn) return format_error(Exc_TypeError, "partial object is not initialized");
    Ref<> all_args = tuple_size(args) == 0 ? new_ref(p->args) : sequence_concat(p->args, args);
    if (!all_args) return nullptr;
    Ref<> all_kw;
    if (dict_size(p->kw) == 0) {
        all_kw = kw ? new_ref(kw) : Ref<>();
    } else {
        all_kw = dict_copy(p->kw);
        if (!all_kw || (kw && dict_update(all_kw.get(), kw) < 0)) return nullptr;
    }
    return object_call(p->fn, all_args.get(), all_kw.get());
}

// The vectorcall of a partial without stored keywords: the stored
// arguments are put in front of the call's on a stack array, and the
// call's keywords (kwnames and their values after the positionals) pass
// through unchanged. Stored keywords need merging into a dict, and a
// subclass may override __call__: those go through tp_call.
Ref<> partial_vectorcall(Object* self, Object* const* args, std::size_t nargsf, Object* kwnames)
{
    PartialObject* p = P(self);
    Py_ssize_t nargs = vectorcall_nargs(nargsf);
    Py_ssize_t nkw = kwnames ? tuple_size(kwnames) : 0;
    if (!p->fn || Py_TYPE(self)->tp_call != partial_call || dict_size(p->kw) != 0) {
        Ref<> tuple = tuple_from_array(args, nargs);
        Ref<> kwargs = nkw ? dict_new() : Ref<>();
        if (!tuple || (nkw && !kwargs)) return nullptr;
        for (Py_ssize_t i = 0; i < nkw; i++)
            if (dict_set_item(kwargs.get(), tuple_item(kwnames, i), args[nargs + i]) < 0) return nullptr;
        return Py_TYPE(self)->tp_call(self, tuple.get(), kwargs.get());
    }
    Py_ssize_t nstored = tuple_size(p->args);
    if (nstored == 0) return object_vectorcall(p->fn, args, static_cast<std::size_t>(nargs), kwnames);
    std::vector<Object*> stack(static_cast<std::size_t>(nstored + nargs + nkw));
    for (Py_ssize_t i = 0; i < nstored; i++) stack[static_cast<std::size_t>(i)] = tuple_item(p->args, i);
    for (Py_ssize_t i = 0; i < nargs + nkw; i++) stack[static_cast<std::size_t>(nstored + i)] = args[i];
    Ref<> fn = new_ref(p->fn);  // the call may replace p->fn (__setstate__)
    Ref<> stored = new_ref(p->args);
    return object_vectorcall(fn.get(), stack.data(), static_cast<std::size_t>(nstored + nargs), kwnames);
}

// functools.partial(<func>, arg, ..., key=value, ...); a partial reached
// again while its repr is computed prints "...".
Ref<> partial_repr(Object* self)
{
    int status = repr_enter(self);
    if (status != 0) return status > 0 ? unicode_from_string("...") : nullptr;
    PartialObject* p = P(self);
    Ref<> result;
    [&] {
        // The parts are held so that code run by a repr cannot free them.
        Ref<> fn = new_ref(p->fn);
        Ref<> args = new_ref(p->args);
        Ref<> kw = new_ref(p->kw);
        UnicodeWriter w;
        Ref<> fn_repr = object_repr(fn.get());
        if (!fn_repr) return;
        w.write_str(fn_repr.get());
        for (Py_ssize_t i = 0; i < tuple_size(args.get()); i++) {
            Ref<> r = object_repr(tuple_item(args.get(), i));
            if (!r) return;
            w.write_ascii(", ");
            w.write_str(r.get());
        }
        Py_ssize_t pos = 0;
        Object *key, *value;
        while (dict_next(kw.get(), &pos, &key, &value)) {
            Ref<> k = new_ref(key);
            Ref<> v = new_ref(value);
            Ref<> key_str = object_str(k.get());
            Ref<> r = key_str ? object_repr(v.get()) : Ref<>();
            if (!r) return;
            w.write_ascii(", ");
            w.write_str(key_str.get());
            w.write_char('=');
            w.write_str(r.get());
        }
        Ref<> arglist = w.finish();
        if (!arglist) return;
        // tp_name: "functools.partial" for partial itself, the bare class
        // name for a subclass (a heap type's tp_name).
        result = unicode_from_format("%s(%U)", Py_TYPE(self)->tp_name, arglist.get());
    }();
    repr_leave(self);
    return result;
}

Ref<> partial_reduce(Object* self, Object*)
{
    PartialObject* p = P(self);
    Ref<> ctor_args = tuple_pack({p->fn});
    if (!ctor_args) return nullptr;
    Object* dict = p->dict ? p->dict : Py_None();
    Ref<> state = tuple_pack({p->fn, p->args, p->kw, dict});
    if (!state) return nullptr;
    return tuple_pack({reinterpret_cast<Object*>(Py_TYPE(self)), ctor_args.get(), state.get()});
}

// __setstate__((func, args, kwds, dict)): pickle's way back.
Ref<> partial_setstate(Object* self, Object* state)
{
    if (!tuple_check(state) || tuple_size(state) != 4)
        return format_error(Exc_TypeError, "invalid partial state");
    Object* fn = tuple_item(state, 0);
    Object* fnargs = tuple_item(state, 1);
    Object* kw = tuple_item(state, 2);
    Object* dict = tuple_item(state, 3);
    if (!callable_check(fn) || !tuple_check(fnargs) || (kw != Py_None() && !dict_check(kw)))
        return format_error(Exc_TypeError, "invalid partial state");
    Ref<> new_args = tuple_check_exact(fnargs) ? new_ref(fnargs) : sequence_tuple(fnargs);
    if (!new_args) return nullptr;
    Ref<> new_kw = kw == Py_None() ? dict_new() : dict_check_exact(kw) ? new_ref(kw) : dict_copy(kw);
    if (!new_kw) return nullptr;
    PartialObject* p = P(self);
    set_ref(p->fn, new_ref(fn).release());
    set_ref(p->args, new_args.release());
    set_ref(p->kw, new_kw.release());
    set_ref(p->dict, dict == Py_None() ? nullptr : new_ref(dict).release());
    return none_ref();
}

Ref<> partial_get_dict(Object* self, void*)
{
    PartialObject* p = P(self);
    if (!p->dict) {
        p->dict = dict_new().release();
        if (!p->dict) return nullptr;
    }
    return new_ref(p->dict);
}

int partial_set_dict(Object* self, Object* value, void*)
{
    if (!value) {
        set_error(Exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!dict_check(value)) {
        format_error(Exc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'", Py_TYPE(value)->tp_name);
        return -1;
    }
    set_ref(P(self)->dict, new_ref(value).release());
    return 0;
}

MethodDef partial_methods[] = {
    method_noargs("__reduce__", partial_reduce),
    method_o("__setstate__", partial_setstate),
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    {},
};

MemberDef partial_members[] = {
    {"func", T_OBJECT, static_cast<Py_ssize_t>(offsetof(PartialObject, fn)), READONLY,
     "the function called"},
    {"args", T_OBJECT, static_cast<Py_ssize_t>(offsetof(PartialObject, args)), READONLY,
     "the leading positional arguments"},
    {"keywords", T_OBJECT, static_cast<Py_ssize_t>(offsetof(PartialObject, kw)), READONLY,
     "the default keyword arguments"},
    {},
};

GetSetDef partial_getset[] = {
    {"__dict__", partial_get_dict, partial_set_dict, nullptr, nullptr},
    {},
};

TypeObject Partial_Type = [] {
    TypeObject t = static_type("functools.partial", sizeof(PartialObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_VECTORCALL,
                               "partial(func, *args, **keywords) - a callable that calls func with\n"
                               "    these arguments and keywords before the ones it is given.\n");
    t.tp_dealloc = partial_dealloc;
    t.tp_repr = partial_repr;
    t.tp_call = partial_call;
    t.tp_getattro = object_generic_get_attr;
    t.tp_setattro = object_generic_set_attr;
    t.tp_traverse = partial_traverse;
    t.tp_clear = partial_tp_clear;
    t.tp_methods = partial_methods;
    t.tp_members = partial_members;
    t.tp_getset = partial_getset;
    t.tp_dictoffset = static_cast<Py_ssize_t>(offsetof(PartialObject, dict));
    t.tp_weaklistoffset = static_cast<Py_ssize_t>(offsetof(PartialObject, weakreflist));
    t.tp_vectorcall_offset = static_cast<Py_ssize_t>(offsetof(PartialObject, vectorcall));
    t.tp_new = partial_tp_new;
    return t;
}();

// ===========================================================================
// cmp_to_key: K(obj) wraps obj so that its comparisons call cmp(a, b) and
// compare the result with 0.

struct KeyObject : Object {
    Object* cmp;     // owned
    Object* object;  // owned; null in the K that cmp_to_key returns
};

extern TypeObject Key_Type;

KeyObject* K(Object* op) { return static_cast<KeyObject*>(op); }

Ref<> keyobject_make(Object* cmp, Object* object)
{
    Ref<KeyObject> k = object_new<KeyObject>(&Key_Type);
    if (!k) return nullptr;
    k->cmp = new_ref(cmp).release();
    k->object = object ? new_ref(object).release() : nullptr;
    return k;
}

void keyobject_dealloc(Object* op)
{
    clear_ref(K(op)->cmp);
    clear_ref(K(op)->object);
    object_dealloc_memory(op);
}

int keyobject_traverse(Object* op, visitproc visit, void* arg)
{
    for (Object* o : {K(op)->cmp, K(op)->object})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

int keyobject_tp_clear(Object* op)
{
    clear_ref(K(op)->cmp);
    clear_ref(K(op)->object);
    return 0;
}

Ref<> keyobject_call(Object* self, Object* args, Object* kw)
{
    Object* obj = nullptr;
    if (!parse_args_tuple_kw("K", args, kw, {"obj"}, 1, &obj)) return nullptr;
    return keyobject_make(K(self)->cmp, obj);
}

Ref<> keyobject_richcompare(Object* a, Object* b, int op)
{
    if (Py_TYPE(b) != &Key_Type) return format_error(Exc_TypeError, "other argument must be K instance");
    Object* x = K(a)->object;
    Object* y = K(b)->object;
    if (!x || !y) return format_error(Exc_AttributeError, "object");
    Ref<> res = call_function_objargs(K(a)->cmp, {x, y});
    if (!res) return nullptr;
    Ref<> zero = long_from_long(0);
    if (!zero) return nullptr;
    return object_rich_compare(res.get(), zero.get(), op);
}

MemberDef keyobject_members[] = {
    {"obj", T_OBJECT, static_cast<Py_ssize_t>(offsetof(KeyObject, object)), 0,
     "the wrapped value"},
    {},
};

TypeObject Key_Type = [] {
    TypeObject t = static_type("functools.KeyWrapper", sizeof(KeyObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = keyobject_dealloc;
    t.tp_call = keyobject_call;
    t.tp_hash = hash_not_implemented;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = keyobject_traverse;
    t.tp_clear = keyobject_tp_clear;
    t.tp_richcompare = keyobject_richcompare;
    t.tp_members = keyobject_members;
    return t;
}();

Ref<> functools_cmp_to_key(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    Object* mycmp = nullptr;
    if (!parse_args_fastkw("cmp_to_key", args, nargs, kwnames, {"mycmp"}, 1, &mycmp)) return nullptr;
    return keyobject_make(mycmp, nullptr);
}

MethodDef functools_methods[] = {
    method_varargs("reduce", functools_reduce,
                   "reduce(function, iterable[, initial]) -> value\n\n"
                   "Fold the items of iterable from the left with function(acc, item), starting\n"
                   "from initial when given (also the result for an empty iterable)."),
    method_fastkw("cmp_to_key", functools_cmp_to_key, "Convert a cmp= function into a key= function."),
    {},
};

}  // namespace

Ref<> functools_module_create()
{
    for (TypeObject* t : {&Partial_Type, &Key_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return nullptr;
    Ref<> mod = module_new("_functools");
    if (!mod || module_add_functions(mod.get(), functools_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("Tools that operate on functions.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    if (module_add_object(mod.get(), "partial", &Partial_Type) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
