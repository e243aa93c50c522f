// unionobject.cpp: types.UnionType, what `int | str` makes (PEP 604).
// Mirrors CPython 3.11 Objects/unionobject.c. Book chapter 11.
//
// Only types, None, GenericAlias and UnionType take part in `|`; anything
// else makes the operator return NotImplemented. The members are kept
// flattened (int | (str | bytes) has three), None is stored as NoneType,
// and duplicates are dropped (by identity; aliases by ==); a union of one
// member is that member. Unions compare and hash as the set of members.
// isinstance()/issubclass() take a union like a tuple of its members
// (abstract.cpp).
#include "minipy/runtime/unionobject.h"

#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

UnionObject* U(Object* o) { return static_cast<UnionObject*>(o); }
Object* none_type() { return reinterpret_cast<Object*>(&None_Type); }

bool is_unionable(Object* obj)
{
    return obj == Py_None() || type_check(obj) || generic_alias_check(obj) || union_check(obj);
}

// flatten_args + dedup_and_flatten_args.
Ref<> dedup_and_flatten_args(Object* args)
{
    Ref<> flat = list_new(0);
    if (!flat) return nullptr;
    for (Py_ssize_t i = 0; i < tuple_size(args); i++) {
        Object* arg = tuple_item(args, i);
        if (union_check(arg)) {
            for (Py_ssize_t k = 0; k < tuple_size(U(arg)->args); k++)
                if (list_append(flat.get(), tuple_item(U(arg)->args, k)) < 0) return nullptr;
        } else if (list_append(flat.get(), arg == Py_None() ? none_type() : arg) < 0) {
            return nullptr;
        }
    }
    Ref<> unique = list_new(0);
    if (!unique) return nullptr;
    for (Py_ssize_t i = 0; i < list_size(flat.get()); i++) {
        Object* a = list_item(flat.get(), i);
        bool duplicate = false;
        for (Py_ssize_t j = 0; j < list_size(unique.get()) && !duplicate; j++) {
            Object* b = list_item(unique.get(), j);
            if (generic_alias_check(a) && generic_alias_check(b)) {
                int eq = object_rich_compare_bool(a, b, Py_EQ);
                if (eq < 0) return nullptr;
                duplicate = eq;
            } else {
                duplicate = a == b;
            }
        }
        if (!duplicate && list_append(unique.get(), a) < 0) return nullptr;
    }
    return list_as_tuple(unique.get());
}

Ref<> make_union(Object* args)
{
    Ref<> members = dedup_and_flatten_args(args);
    if (!members) return nullptr;
    if (tuple_size(members.get()) == 1) return new_ref(tuple_item(members.get(), 0));
    Ref<UnionObject> u = object_new<UnionObject>(&Union_Type);
    if (!u) return nullptr;
    u->args = members.release();
    u->parameters = nullptr;
    return u;
}

Ref<> union_repr(Object* self)
{
    std::string out;
    Object* args = U(self)->args;
    for (Py_ssize_t i = 0; i < tuple_size(args); i++) {
        if (i) out += " | ";
        Object* p = tuple_item(args, i);
        if (p == none_type()) out += "None";
        else if (generic_alias_check(p)) {
            Ref<> r = object_repr(p);
            if (!r) return nullptr;
            out += unicode_to_std(r.get());
        } else if (!generic_alias_repr_item(p, &out)) {
            return nullptr;
        }
    }
    return unicode_from_utf8(out);
}

Ref<> union_richcompare(Object* a, Object* b, int op)
{
    if (!union_check(b) || (op != Py_EQ && op != Py_NE)) return not_implemented_ref();
    Ref<> sa = frozenset_new(U(a)->args);
    if (!sa) return nullptr;
    Ref<> sb = frozenset_new(U(b)->args);
    if (!sb) return nullptr;
    return object_rich_compare(sa.get(), sb.get(), op);
}

Py_hash_t union_hash(Object* self)
{
    Ref<> set = frozenset_new(U(self)->args);
    if (!set) return -1;
    return object_hash(set.get());
}

Object* union_parameters(Object* self)
{
    if (!U(self)->parameters) U(self)->parameters = make_parameters(U(self)->args).release();
    return U(self)->parameters;
}

// union[item]: substitute the type variables, then rebuild with `|`.
Ref<> union_getitem(Object* self, Object* item)
{
    Object* params = union_parameters(self);
    if (!params) return nullptr;
    Ref<> newargs = subs_parameters(self, U(self)->args, params, item);
    if (!newargs) return nullptr;
    Py_ssize_t n = tuple_size(newargs.get());
    if (n == 0) return make_union(newargs.get());
    Ref<> res = new_ref(tuple_item(newargs.get(), 0));
    for (Py_ssize_t i = 1; i < n; i++) {
        res = number_or(res.get(), tuple_item(newargs.get(), i));
        if (!res) return nullptr;
    }
    return res;
}

// __module__ is the type's ('types'), not looked up in an instance dict.
Ref<> union_getattro(Object* self, Object* name)
{
    if (unicode_check(name) && unicode_equal_to_ascii(name, "__module__"))
        return object_get_attr(reinterpret_cast<Object*>(Py_TYPE(self)), name);
    return object_generic_get_attr(self, name);
}

Ref<> union_get_parameters(Object* self, void*)
{
    Object* p = union_parameters(self);
    return p ? new_ref(p) : nullptr;
}

void union_dealloc(Object* self)
{
    clear_ref(U(self)->args);
    clear_ref(U(self)->parameters);
    object_dealloc_memory(self);
}

int union_traverse(Object* self, visitproc visit, void* arg)
{
    if (int r = visit(U(self)->args, arg)) return r;
    return U(self)->parameters ? visit(U(self)->parameters, arg) : 0;
}

MemberDef union_members[] = {
    {"__args__", T_OBJECT, offsetof(UnionObject, args), READONLY, nullptr},
    {},
};

GetSetDef union_getsets[] = {
    {"__parameters__", union_get_parameters, nullptr, "Type variables in the types.UnionType.", nullptr},
    {},
};

MappingMethods union_as_mapping = {nullptr, union_getitem, nullptr};
NumberMethods union_as_number = [] {
    NumberMethods nb{};
    nb.nb_or = union_type_or;
    return nb;
}();

}  // namespace

Ref<> union_type_or(Object* self, Object* other)
{
    if (!is_unionable(self) || !is_unionable(other)) return not_implemented_ref();
    Ref<> pair = tuple_pack({self, other});
    if (!pair) return nullptr;
    return make_union(pair.get());
}

TypeObject Union_Type = [] {
    TypeObject t = static_type("types.UnionType", sizeof(UnionObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
                               "Represent a PEP 604 union type\n\nE.g. for int | str");
    t.tp_dealloc = union_dealloc;
    t.tp_repr = union_repr;
    t.tp_as_number = &union_as_number;
    t.tp_as_mapping = &union_as_mapping;
    t.tp_hash = union_hash;
    t.tp_getattro = union_getattro;
    t.tp_traverse = union_traverse;
    t.tp_richcompare = union_richcompare;
    t.tp_members = union_members;
    t.tp_getset = union_getsets;
    return t;
}();

}  // namespace minipy::runtime
