// genericaliasobject.cpp: types.GenericAlias, what `list[int]` and every
// builtin container's __class_getitem__ return (PEP 585).
// Mirrors CPython 3.11 Objects/genericaliasobject.c. Book chapter 11.
//
// An alias is a thin wrapper around (origin, args): it forwards attribute
// lookups and calls to the origin (list[int].append is list.append,
// list[int]() is a list), and adds what typing needs: __origin__, __args__,
// __parameters__ (the type variables among the args, found by duck typing:
// anything with __typing_subst__), substitution alias[T] through them, and
// `|` into a types.UnionType. isinstance() against an alias is an error.
#include "minipy/runtime/genericaliasobject.h"

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/unionobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

GenericAliasObject* GA(Object* o) { return static_cast<GenericAliasObject*>(o); }

// Like _PyObject_LookupAttr, a missing attribute is not an error: 1 found,
// 0 missing, -1 error.
int lookup(Object* o, const char* name, Ref<>* out) { return object_lookup_attr(o, intern_id(name), out); }

}  // namespace

bool generic_alias_repr_item(Object* p, std::string* out)
{
    if (p == Py_Ellipsis()) {
        *out += "...";
        return true;
    }
    Ref<> qualname, module, tmp;
    int r = lookup(p, "__origin__", &tmp);
    if (r < 0) return false;
    bool use_repr = r > 0;
    if (use_repr) {
        // An alias itself (it has __origin__ and __args__) shows as its repr.
        r = lookup(p, "__args__", &tmp);
        if (r < 0) return false;
        use_repr = r > 0;
    }
    if (!use_repr) {
        r = lookup(p, "__qualname__", &qualname);
        if (r < 0) return false;
        use_repr = r == 0;
    }
    if (!use_repr) {
        r = lookup(p, "__module__", &module);
        if (r < 0) return false;
        use_repr = r == 0 || module.get() == Py_None();
    }
    if (use_repr) {
        Ref<> s = object_repr(p);
        if (!s) return false;
        *out += unicode_to_std(s.get());
        return true;
    }
    if (!unicode_check(module.get()) || !unicode_equal_to_ascii(module.get(), "builtins")) {
        Ref<> m = object_str(module.get());
        if (!m) return false;
        *out += unicode_to_std(m.get());
        *out += '.';
    }
    Ref<> q = object_str(qualname.get());
    if (!q) return false;
    *out += unicode_to_std(q.get());
    return true;
}

namespace {

// Appends the args, each through generic_alias_repr_item, joined by ", "
// (3.11 shows a list argument, Callable's [int, str], by its plain repr).
bool repr_items(Object* args, std::string* out)
{
    for (Py_ssize_t i = 0; i < tuple_size(args); i++) {
        if (i) *out += ", ";
        if (!generic_alias_repr_item(tuple_item(args, i), out)) return false;
    }
    return true;
}

Ref<> ga_repr(Object* self)
{
    std::string out = GA(self)->starred ? "*" : "";
    if (!generic_alias_repr_item(GA(self)->origin, &out)) return nullptr;
    out += '[';
    if (tuple_size(GA(self)->args) == 0) out += "()";
    else if (!repr_items(GA(self)->args, &out)) return nullptr;
    out += ']';
    return unicode_from_utf8(out);
}

// Index of item in a tuple by identity (tuple_index of genericaliasobject.c).
Py_ssize_t tuple_index(Object* t, Object* item)
{
    for (Py_ssize_t i = 0; i < tuple_size(t); i++)
        if (tuple_item(t, i) == item) return i;
    return -1;
}

}  // namespace

Ref<> make_parameters(Object* args)
{
    Ref<> params = list_new(0);
    if (!params) return nullptr;
    auto add = [&](Object* p) -> bool {
        for (Py_ssize_t k = 0; k < list_size(params.get()); k++)
            if (list_item(params.get(), k) == p) return true;
        return list_append(params.get(), p) == 0;
    };
    for (Py_ssize_t i = 0; i < tuple_size(args); i++) {
        Object* t = tuple_item(args, i);
        // A bare class is never a parameter, whatever its __parameters__ is.
        if (type_check(t)) continue;
        Ref<> subst;
        int r = lookup(t, "__typing_subst__", &subst);
        if (r < 0) return nullptr;
        if (r > 0) {
            if (!add(t)) return nullptr;
            continue;
        }
        Ref<> subparams;
        r = lookup(t, "__parameters__", &subparams);
        if (r < 0) return nullptr;
        if (r > 0 && tuple_check(subparams.get()))
            for (Py_ssize_t k = 0; k < tuple_size(subparams.get()); k++)
                if (!add(tuple_item(subparams.get(), k))) return nullptr;
    }
    return list_as_tuple(params.get());
}

namespace {

// subs_tvars: obj[...] with its own parameters replaced by their values.
Ref<> subs_tvars(Object* obj, Object* params, Object* argitems)
{
    Ref<> subparams;
    int r = lookup(obj, "__parameters__", &subparams);
    if (r < 0) return nullptr;
    if (r == 0 || !tuple_check(subparams.get()) || tuple_size(subparams.get()) == 0) return new_ref(obj);
    Py_ssize_t n = tuple_size(subparams.get());
    Ref<> subargs = tuple_new(n);
    if (!subargs) return nullptr;
    for (Py_ssize_t i = 0; i < n; i++) {
        Object* arg = tuple_item(subparams.get(), i);
        Py_ssize_t iparam = tuple_index(params, arg);
        if (iparam >= 0) arg = tuple_item(argitems, iparam);
        tuple_set_item(subargs.get(), i, new_ref(arg).release());
    }
    return object_get_item(obj, n == 1 ? tuple_item(subargs.get(), 0) : subargs.get());
}

}  // namespace

Ref<> subs_parameters(Object* self, Object* args, Object* parameters, Object* item)
{
    Py_ssize_t nparams = tuple_size(parameters);
    if (nparams == 0) return format_error(Exc_TypeError, "%R is not a generic class", self);
    Ref<> argitems = tuple_check(item) ? new_ref(item) : tuple_pack({item});
    if (!argitems) return nullptr;
    Py_ssize_t nitems = tuple_size(argitems.get());
    if (nitems != nparams)
        return format_error(Exc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                            nitems > nparams ? "many" : "few", self, nitems, nparams);
    // Each parameter checks (and may convert) its value first.
    Ref<> values = tuple_new(nparams);
    if (!values) return nullptr;
    for (Py_ssize_t i = 0; i < nparams; i++) {
        Ref<> subst;
        int r = lookup(tuple_item(parameters, i), "__typing_subst__", &subst);
        if (r < 0) return nullptr;
        Ref<> v = r > 0 ? call_one_arg(subst.get(), tuple_item(argitems.get(), i)) : new_ref(tuple_item(argitems.get(), i));
        if (!v) return nullptr;
        tuple_set_item(values.get(), i, v.release());
    }
    Py_ssize_t n = tuple_size(args);
    Ref<> newargs = tuple_new(n);
    if (!newargs) return nullptr;
    for (Py_ssize_t i = 0; i < n; i++) {
        Object* arg = tuple_item(args, i);
        Ref<> value;
        Py_ssize_t iparam = type_check(arg) ? -1 : tuple_index(parameters, arg);
        if (type_check(arg)) value = new_ref(arg);
        else if (iparam >= 0) value = new_ref(tuple_item(values.get(), iparam));
        else value = subs_tvars(arg, parameters, values.get());
        if (!value) return nullptr;
        tuple_set_item(newargs.get(), i, value.release());
    }
    return newargs;
}

namespace {

Object* ga_parameters(Object* self)
{
    if (!GA(self)->parameters) GA(self)->parameters = make_parameters(GA(self)->args).release();
    return GA(self)->parameters;
}

Ref<> ga_new_starred(Object* origin, Object* args, bool starred)
{
    Ref<> r = generic_alias_new(origin, args);
    if (r) GA(r.get())->starred = starred;
    return r;
}

// alias[item]: substitution of the alias's type variables.
Ref<> ga_getitem(Object* self, Object* item)
{
    Object* params = ga_parameters(self);
    if (!params) return nullptr;
    Ref<> newargs = subs_parameters(self, GA(self)->args, params, item);
    if (!newargs) return nullptr;
    return ga_new_starred(GA(self)->origin, newargs.get(), GA(self)->starred);
}

// Attributes are the origin's except for these, which are the alias's own.
constexpr const char* attr_exceptions[] = {
    "__class__",   "__origin__", "__args__",    "__unpacked__",  "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__",
};

Ref<> ga_getattro(Object* self, Object* name)
{
    if (unicode_check(name)) {
        bool own = false;
        for (const char* e : attr_exceptions) own |= unicode_equal_to_ascii(name, e);
        if (!own) return object_get_attr(GA(self)->origin, name);
    }
    return object_generic_get_attr(self, name);
}

Ref<> ga_richcompare(Object* a, Object* b, int op)
{
    if (!generic_alias_check(b) || (op != Py_EQ && op != Py_NE)) return not_implemented_ref();
    if (GA(a)->starred != GA(b)->starred) return bool_from_long(op == Py_NE);
    int eq = object_rich_compare_bool(GA(a)->origin, GA(b)->origin, Py_EQ);
    if (eq < 0) return nullptr;
    if (eq) {
        eq = object_rich_compare_bool(GA(a)->args, GA(b)->args, Py_EQ);
        if (eq < 0) return nullptr;
    }
    return bool_from_long(op == Py_EQ ? eq : !eq);
}

Py_hash_t ga_hash(Object* self)
{
    Py_hash_t h0 = object_hash(GA(self)->origin);
    if (h0 == -1) return -1;
    Py_hash_t h1 = object_hash(GA(self)->args);
    if (h1 == -1) return -1;
    Py_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

// alias(...) calls the origin, then tries to record the alias on the
// result as __orig_class__ (objects that refuse attributes are fine).
Ref<> ga_call(Object* self, Object* args, Object* kwds)
{
    Ref<> obj = object_call(GA(self)->origin, args, kwds);
    if (!obj) return nullptr;
    if (object_set_attr(obj.get(), intern_id("__orig_class__"), self) < 0) {
        if (!error_matches(Exc_AttributeError) && !error_matches(Exc_TypeError)) return nullptr;
        error_clear();
    }
    return obj;
}

Ref<> ga_mro_entries(Object* self, Object*) { return tuple_pack({GA(self)->origin}); }
Ref<> ga_instancecheck(Object*, Object*)
{
    return format_error(Exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}
Ref<> ga_subclasscheck(Object*, Object*)
{
    return format_error(Exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

// Pickling: GenericAlias(origin, args). (CPython pickles a starred alias
// as next(iter(alias)); builtins.next is above the runtime layer, so that
// case is refused here.)
Ref<> ga_reduce(Object* self, Object*)
{
    if (GA(self)->starred) return format_error(Exc_TypeError, "cannot pickle a starred alias");
    Ref<> args = tuple_pack({GA(self)->origin, GA(self)->args});
    if (!args) return nullptr;
    return tuple_pack({reinterpret_cast<Object*>(Py_TYPE(self)), args.get()});
}

// dir(alias): the origin's names plus the alias's own attributes.
Ref<> ga_dir(Object* self, Object*)
{
    // dir(origin): type(origin).__dir__(origin), sorted (PyObject_Dir).
    Object* origin = GA(self)->origin;
    Object* dir = type_lookup(Py_TYPE(origin), intern_id("__dir__"));
    if (!dir) return format_error(Exc_TypeError, "object does not provide __dir__");
    Ref<> keep = new_ref(dir);
    Ref<> names = call_function_objargs(dir, {origin});
    if (!names) return nullptr;
    Ref<> list = sequence_list(names.get());
    if (!list || list_sort(list.get()) < 0) return nullptr;
    for (const char* e : attr_exceptions) {
        Ref<> name = unicode_from_string(e);
        if (!name) return nullptr;
        int has = sequence_contains(list.get(), name.get());
        if (has < 0 || (!has && list_append(list.get(), name.get()) < 0)) return nullptr;
    }
    return list;
}

Ref<> ga_get_parameters(Object* self, void*)
{
    Object* p = ga_parameters(self);
    return p ? new_ref(p) : nullptr;
}
Ref<> ga_get_unpacked_tuple_args(Object* self, void*)
{
    if (GA(self)->starred && GA(self)->origin == reinterpret_cast<Object*>(&Tuple_Type)) return new_ref(GA(self)->args);
    return none_ref();
}

// iter(alias) yields the starred alias once: `*tuple[int, str]`.
Ref<> ga_iter(Object* self)
{
    Ref<> starred = ga_new_starred(GA(self)->origin, GA(self)->args, true);
    if (!starred) return nullptr;
    Ref<> one = tuple_pack({starred.get()});
    return one ? object_get_iter(one.get()) : nullptr;
}

Ref<> ga_or(Object* a, Object* b) { return union_type_or(a, b); }

void ga_dealloc(Object* self)
{
    clear_ref(GA(self)->origin);
    clear_ref(GA(self)->args);
    clear_ref(GA(self)->parameters);
    object_dealloc_memory(self);
}

int ga_traverse(Object* self, visitproc visit, void* arg)
{
    for (Object* o : {GA(self)->origin, GA(self)->args, GA(self)->parameters})
        if (o) {
            if (int r = visit(o, arg)) return r;
        }
    return 0;
}

Ref<> ga_tp_new(TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs("GenericAlias", kwds)) return nullptr;
    if (!check_positional("GenericAlias", tuple_size(args), 2, 2)) return nullptr;
    Ref<> self = steal_ref(object_alloc_raw(type, 0));
    if (!self) return nullptr;
    Object* a = tuple_item(args, 1);
    Ref<> t = tuple_check(a) ? new_ref(a) : tuple_pack({a});
    if (!t) return nullptr;
    GA(self.get())->origin = new_ref(tuple_item(args, 0)).release();
    GA(self.get())->args = t.release();
    return self;
}

MethodDef ga_methods[] = {
    method_o("__mro_entries__", ga_mro_entries),
    method_o("__instancecheck__", ga_instancecheck),
    method_o("__subclasscheck__", ga_subclasscheck),
    method_noargs("__reduce__", ga_reduce),
    method_noargs("__dir__", ga_dir),
    {},
};

MemberDef ga_members[] = {
    {"__origin__", T_OBJECT, offsetof(GenericAliasObject, origin), READONLY, nullptr},
    {"__args__", T_OBJECT, offsetof(GenericAliasObject, args), READONLY, nullptr},
    {"__unpacked__", T_BOOL, offsetof(GenericAliasObject, starred), READONLY, nullptr},
    {},
};

GetSetDef ga_getsets[] = {
    {"__parameters__", ga_get_parameters, nullptr, "Type variables in the GenericAlias.", nullptr},
    {"__typing_unpacked_tuple_args__", ga_get_unpacked_tuple_args, nullptr, nullptr, nullptr},
    {},
};

MappingMethods ga_as_mapping = {nullptr, ga_getitem, nullptr};
NumberMethods ga_as_number = [] {
    NumberMethods nb{};
    nb.nb_or = ga_or;
    return nb;
}();

}  // namespace

TypeObject GenericAlias_Type = [] {
    TypeObject t = static_type("types.GenericAlias", sizeof(GenericAliasObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
                               "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and "
                               "t.__args__ is (int,).");
    t.tp_dealloc = ga_dealloc;
    t.tp_repr = ga_repr;
    t.tp_as_number = &ga_as_number;
    t.tp_as_mapping = &ga_as_mapping;
    t.tp_hash = ga_hash;
    t.tp_call = ga_call;
    t.tp_getattro = ga_getattro;
    t.tp_traverse = ga_traverse;
    t.tp_richcompare = ga_richcompare;
    t.tp_iter = ga_iter;
    t.tp_methods = ga_methods;
    t.tp_members = ga_members;
    t.tp_getset = ga_getsets;
    t.tp_new = ga_tp_new;
    return t;
}();

Ref<> generic_alias_new(Object* origin, Object* args)
{
    Ref<> t = tuple_check(args) ? new_ref(args) : tuple_pack({args});
    if (!t) return nullptr;
    Ref<GenericAliasObject> ga = object_new<GenericAliasObject>(&GenericAlias_Type);
    if (!ga) return nullptr;
    ga->origin = new_ref(origin).release();
    ga->args = t.release();
    ga->parameters = nullptr;
    ga->starred = false;
    return ga;
}

Ref<> generic_alias_class_getitem(Object* cls, Object* item) { return generic_alias_new(cls, item); }

}  // namespace minipy::runtime
