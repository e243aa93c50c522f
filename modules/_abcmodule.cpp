// _abcmodule.cpp: the _abc module, the native half of abc.ABCMeta:
// abstract-method bookkeeping, virtual subclass registration and the
// cached isinstance/issubclass answers. Mirrors CPython 3.11
// Modules/_abc.c. Book chapter 12, "The Standard Library".
//
// Design notes
// ------------
// * Each ABC holds an _abc_data object as cls._abc_impl with three sets of
//   classes: the registry (virtual subclasses), the cache (classes known to
//   be subclasses) and the negative cache (known not to be). CPython keeps
//   weak references in them; minipy keeps the classes themselves, so a
//   class tested against an ABC lives as long as the ABC (the sets are
//   traversed, so the cycle collector sees the references).
// * One process-wide counter, the cache token, grows with every
//   registration on any ABC. A negative cache filled under an older token
//   is dropped before it is trusted: a registration anywhere can turn a
//   "no" into a "yes". Positive answers never expire.
// * __abc_tpflags__ in a class body (collections.abc's Sequence and
//   Mapping) sets Py_TPFLAGS_SEQUENCE/MAPPING on the ABC, which subclasses
//   inherit; registering a class with such an ABC sets the flag on the
//   class and its subclasses (not on immutable types). These flags are what
//   `match` sequence and mapping patterns test.
#include <vector>

#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

unsigned long long abc_invalidation_counter = 0;

constexpr unsigned long COLLECTION_FLAGS = Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING;

struct AbcDataObject : Object {
    Object* registry;        // set of classes, owned
    Object* cache;           // set of classes, owned
    Object* negative_cache;  // set of classes, owned
    unsigned long long negative_cache_version;
};

extern TypeObject AbcData_Type;

AbcDataObject* A(Object* op) { return static_cast<AbcDataObject*>(op); }

Ref<> abc_data_new(TypeObject* type, Object*, Object*)
{
    Ref<> self = steal_ref(object_alloc_raw(type, 0));
    if (!self) return nullptr;
    AbcDataObject* d = A(self.get());
    Ref<> r = set_new(nullptr), c = set_new(nullptr), n = set_new(nullptr);
    if (!r || !c || !n) return nullptr;
    d->registry = r.release();
    d->cache = c.release();
    d->negative_cache = n.release();
    d->negative_cache_version = abc_invalidation_counter;
    return self;
}

void abc_data_dealloc(Object* op)
{
    clear_ref(A(op)->registry);
    clear_ref(A(op)->cache);
    clear_ref(A(op)->negative_cache);
    object_dealloc_memory(op);
}

int abc_data_traverse(Object* op, visitproc visit, void* arg)
{
    for (Object* o : {A(op)->registry, A(op)->cache, A(op)->negative_cache})
        if (o)
            if (int r = visit(o, arg)) return r;
    return 0;
}

int abc_data_clear(Object* op)
{
    clear_ref(A(op)->registry);
    clear_ref(A(op)->cache);
    clear_ref(A(op)->negative_cache);
    return 0;
}

TypeObject AbcData_Type = [] {
    TypeObject t = static_type("_abc._abc_data", sizeof(AbcDataObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
                               "The registry and caches of one ABC.");
    t.tp_dealloc = abc_data_dealloc;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = abc_data_traverse;
    t.tp_clear = abc_data_clear;
    t.tp_new = abc_data_new;
    return t;
}();

Object* impl_name()
{
    static Object* name = unicode_intern_from_string("_abc_impl").release();
    return name;
}

// _get_impl: cls._abc_impl, checked.
Ref<> get_impl(Object* self)
{
    Ref<> impl = object_get_attr(self, impl_name());
    if (!impl) return nullptr;
    if (Py_TYPE(impl.get()) != &AbcData_Type)
        return format_error(Exc_TypeError, "_abc_impl is set to a wrong type");
    return impl;
}

// A new empty set in *field (clearing without running code on the old
// set's items while it is still reachable).
[[nodiscard]] int reset_set(Object*& field)
{
    Ref<> fresh = set_new(nullptr);
    if (!fresh) return -1;
    set_ref(field, fresh.release());
    return 0;
}

// compute_abstract_methods: the names defined abstract here, and the
// abstract names of the bases that nothing concrete overrides.
[[nodiscard]] int compute_abstract_methods(Object* self)
{
    static Object* isabstract = unicode_intern_from_string("__isabstractmethod__").release();
    Ref<> abstracts = set_new(nullptr);
    if (!abstracts) return -1;
    auto is_abstract = [&](Object* value) -> int {
        Ref<> flag;
        int r = object_lookup_attr(value, isabstract, &flag);
        if (r <= 0) return r;
        return object_is_true(flag.get());
    };
    Ref<> ns = object_get_attr_string(self, "__dict__");
    if (!ns) return -1;
    Ref<> items = call_method(ns.get(), "items");
    if (!items) return -1;
    int r = for_each_item(items.get(), [&](Object* pair) -> int {
        if (!tuple_check(pair) || tuple_size(pair) != 2) {
            set_error(Exc_TypeError, "items() returned item which is not a 2-tuple");
            return -1;
        }
        int abstract = is_abstract(tuple_item(pair, 1));
        if (abstract < 0) return -1;
        return abstract ? set_add(abstracts.get(), tuple_item(pair, 0)) : 0;
    });
    if (r < 0) return -1;
    Ref<> bases = object_get_attr_string(self, "__bases__");
    if (!bases) return -1;
    if (!tuple_check(bases.get())) {
        set_error(Exc_TypeError, "__bases__ is not tuple");
        return -1;
    }
    static Object* abstractmethods = unicode_intern_from_string("__abstractmethods__").release();
    for (Py_ssize_t i = 0; i < tuple_size(bases.get()); i++) {
        Ref<> base_abstracts;
        if (object_lookup_attr(tuple_item(bases.get(), i), abstractmethods, &base_abstracts) < 0) return -1;
        if (!base_abstracts) continue;
        r = for_each_item(base_abstracts.get(), [&](Object* name) -> int {
            Ref<> value;
            int found = object_lookup_attr(self, name, &value);
            if (found <= 0) return found;
            int abstract = is_abstract(value.get());
            if (abstract < 0) return -1;
            return abstract ? set_add(abstracts.get(), name) : 0;
        });
        if (r < 0) return -1;
    }
    Ref<> frozen = frozenset_new(abstracts.get());
    if (!frozen) return -1;
    return object_set_attr(self, abstractmethods, frozen.get());
}

// _abc_init(cls): __abstractmethods__, the collection flags, _abc_impl.
Ref<> abc_init(Object*, Object* self)
{
    if (compute_abstract_methods(self) < 0) return nullptr;
    if (type_check(self)) {
        auto* cls = static_cast<TypeObject*>(self);
        static Object* tpflags = unicode_intern_from_string("__abc_tpflags__").release();
        Object* flags = dict_get_item_with_error(cls->tp_dict, tpflags);
        if (!flags && error_occurred()) return nullptr;
        if (flags) {
            if (long_check_exact(flags)) {
                long long val = long_as_long_long(flags);
                if (val == -1 && error_occurred()) return nullptr;
                auto bits = static_cast<unsigned long>(val);
                if ((bits & COLLECTION_FLAGS) == COLLECTION_FLAGS)
                    return format_error(Exc_TypeError,
                                        "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
                cls->tp_flags |= bits & COLLECTION_FLAGS;
            }
            if (dict_del_item(cls->tp_dict, tpflags) < 0) return nullptr;
            type_modified(cls);
        }
    }
    Ref<> data = abc_data_new(&AbcData_Type, nullptr, nullptr);
    if (!data || object_set_attr(self, impl_name(), data.get()) < 0) return nullptr;
    return none_ref();
}

// set_collection_flag_recursive: child and its subclasses become sequences
// (or mappings) for `match`, unless immutable or already so.
[[nodiscard]] int set_collection_flag_recursive(TypeObject* child, unsigned long flag)
{
    if (type_has_feature(child, Py_TPFLAGS_IMMUTABLETYPE) || (child->tp_flags & COLLECTION_FLAGS) == flag) return 0;
    child->tp_flags &= ~COLLECTION_FLAGS;
    child->tp_flags |= flag;
    Ref<> subclasses = call_method(child, "__subclasses__");
    if (!subclasses) return -1;
    for (Py_ssize_t i = 0; i < list_size(subclasses.get()); i++)
        if (set_collection_flag_recursive(static_cast<TypeObject*>(list_item(subclasses.get(), i)), flag) < 0)
            return -1;
    return 0;
}

Ref<> abc_register(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("_abc_register", nargs, 2, 2)) return nullptr;
    Object* self = args[0];
    Object* subclass = args[1];
    if (!type_check(subclass)) return format_error(Exc_TypeError, "Can only register classes");
    int result = object_is_subclass(subclass, self);
    if (result > 0) return new_ref(subclass);  // already a subclass
    if (result < 0) return nullptr;
    // Registering a superclass of the ABC would make a cycle in issubclass.
    result = object_is_subclass(self, subclass);
    if (result > 0) return format_error(Exc_RuntimeError, "Refusing to create an inheritance cycle");
    if (result < 0) return nullptr;
    Ref<> impl = get_impl(self);
    if (!impl || set_add(A(impl.get())->registry, subclass) < 0) return nullptr;
    abc_invalidation_counter++;
    if (type_check(self)) {
        unsigned long flag = static_cast<TypeObject*>(self)->tp_flags & COLLECTION_FLAGS;
        if (flag && set_collection_flag_recursive(static_cast<TypeObject*>(subclass), flag) < 0) return nullptr;
    }
    return new_ref(subclass);
}

Ref<> abc_instancecheck(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("_abc_instancecheck", nargs, 2, 2)) return nullptr;
    Object* self = args[0];
    Object* instance = args[1];
    Ref<> impl = get_impl(self);
    if (!impl) return nullptr;
    Ref<> subclass = object_get_attr_string(instance, "__class__");
    if (!subclass) return nullptr;
    int incache = set_contains(A(impl.get())->cache, subclass.get());
    if (incache < 0) return nullptr;
    if (incache > 0) return new_ref(Py_True());
    Object* subtype = reinterpret_cast<Object*>(Py_TYPE(instance));
    if (subtype == subclass.get()) {
        if (A(impl.get())->negative_cache_version == abc_invalidation_counter) {
            incache = set_contains(A(impl.get())->negative_cache, subclass.get());
            if (incache < 0) return nullptr;
            if (incache > 0) return new_ref(Py_False());
        }
        return call_method(self, "__subclasscheck__", {subclass.get()});
    }
    Ref<> result = call_method(self, "__subclasscheck__", {subclass.get()});
    if (!result) return nullptr;
    int truth = object_is_true(result.get());
    if (truth < 0) return nullptr;
    if (truth) return result;
    return call_method(self, "__subclasscheck__", {subtype});
}

// The ABC's answer to issubclass(subclass, self), remembered in a cache.
Ref<> remember(Object* set, Object* subclass, bool answer)
{
    if (set_add(set, subclass) < 0) return nullptr;
    return new_ref(answer ? Py_True() : Py_False());
}

Ref<> abc_subclasscheck(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("_abc_subclasscheck", nargs, 2, 2)) return nullptr;
    Object* self = args[0];
    Object* subclass = args[1];
    if (!type_check(subclass)) return format_error(Exc_TypeError, "issubclass() arg 1 must be a class");
    Ref<> impl_ref = get_impl(self);
    if (!impl_ref) return nullptr;
    AbcDataObject* impl = A(impl_ref.get());

    // 1. The positive cache.
    int incache = set_contains(impl->cache, subclass);
    if (incache < 0) return nullptr;
    if (incache > 0) return new_ref(Py_True());

    // 2. The negative cache, dropped when a registration made it stale.
    if (impl->negative_cache_version < abc_invalidation_counter) {
        if (reset_set(impl->negative_cache) < 0) return nullptr;
        impl->negative_cache_version = abc_invalidation_counter;
    } else {
        incache = set_contains(impl->negative_cache, subclass);
        if (incache < 0) return nullptr;
        if (incache > 0) return new_ref(Py_False());
    }

    // 3. The subclass hook.
    Ref<> ok = call_method(self, "__subclasshook__", {subclass});
    if (!ok) return nullptr;
    if (ok.get() == Py_True()) return remember(impl->cache, subclass, true);
    if (ok.get() == Py_False()) return remember(impl->negative_cache, subclass, false);
    if (ok.get() != Py_NotImplemented())
        return format_error(Exc_AssertionError, "__subclasshook__ must return either False, True, or NotImplemented");

    // 4. A real subclass: self is in its MRO.
    Object* mro = static_cast<TypeObject*>(subclass)->tp_mro;
    if (mro && tuple_check(mro))
        for (Py_ssize_t i = 0; i < tuple_size(mro); i++)
            if (tuple_item(mro, i) == self) return remember(impl->cache, subclass, true);

    // 5. A subclass of a registered class (recursively). The registry is
    // copied: the checks run Python code that may register more.
    std::vector<Ref<>> registered;
    Py_ssize_t pos = 0;
    Object* key;
    while (set_next(impl->registry, &pos, &key)) registered.push_back(new_ref(key));
    for (const Ref<>& rkey : registered) {
        int r = object_is_subclass(subclass, rkey.get());
        if (r < 0) return nullptr;
        if (r > 0) return remember(impl->cache, subclass, true);
    }

    // 6. A subclass of a subclass (recursively).
    Ref<> subclasses = call_method(self, "__subclasses__");
    if (!subclasses) return nullptr;
    if (!list_check(subclasses.get())) return format_error(Exc_TypeError, "__subclasses__() must return a list");
    for (Py_ssize_t i = 0; i < list_size(subclasses.get()); i++) {
        Ref<> scls = new_ref(list_item(subclasses.get(), i));
        int r = object_is_subclass(subclass, scls.get());
        if (r < 0) return nullptr;
        if (r > 0) return remember(impl->cache, subclass, true);
    }

    // 7. No.
    return remember(impl->negative_cache, subclass, false);
}

Ref<> get_cache_token(Object*, Object*) { return long_from_unsigned(abc_invalidation_counter); }

// _get_dump(cls): copies of (registry, cache, negative cache) and the
// negative cache's version, for ABCMeta._dump_registry.
Ref<> get_dump(Object*, Object* self)
{
    Ref<> impl = get_impl(self);
    if (!impl) return nullptr;
    Ref<> registry = set_new(A(impl.get())->registry);
    Ref<> cache = registry ? set_new(A(impl.get())->cache) : Ref<>();
    Ref<> negative = cache ? set_new(A(impl.get())->negative_cache) : Ref<>();
    Ref<> version = negative ? long_from_unsigned(A(impl.get())->negative_cache_version) : Ref<>();
    if (!version) return nullptr;
    return tuple_pack({registry.get(), cache.get(), negative.get(), version.get()});
}

Ref<> reset_registry(Object*, Object* self)
{
    Ref<> impl = get_impl(self);
    if (!impl || reset_set(A(impl.get())->registry) < 0) return nullptr;
    return none_ref();
}

Ref<> reset_caches(Object*, Object* self)
{
    Ref<> impl = get_impl(self);
    if (!impl || reset_set(A(impl.get())->cache) < 0 || reset_set(A(impl.get())->negative_cache) < 0) return nullptr;
    return none_ref();
}

MethodDef abc_methods[] = {
    method_noargs("get_cache_token", get_cache_token,
                  "The ABC cache token: changes with every register() on any ABC."),
    method_o("_abc_init", abc_init, "Set up a new ABC (abc.ABCMeta.__new__)."),
    method_fast("_abc_register", abc_register, "Register a virtual subclass (abc.ABCMeta.register)."),
    method_fast("_abc_instancecheck", abc_instancecheck, "isinstance() for ABCs (abc.ABCMeta.__instancecheck__)."),
    method_fast("_abc_subclasscheck", abc_subclasscheck, "issubclass() for ABCs (abc.ABCMeta.__subclasscheck__)."),
    method_o("_get_dump", get_dump, "(registry, cache, negative cache, its version) of an ABC, for debugging."),
    method_o("_reset_registry", reset_registry, "Forget an ABC's virtual subclasses."),
    method_o("_reset_caches", reset_caches, "Forget an ABC's cached answers."),
    {},
};

}  // namespace

Ref<> abc_module_create()
{
    if (!(AbcData_Type.tp_flags & Py_TPFLAGS_READY) && type_ready(&AbcData_Type) < 0) return nullptr;
    Ref<> mod = module_new("_abc");
    if (!mod || module_add_functions(mod.get(), abc_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("The native half of abc.ABCMeta.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    if (module_add_object(mod.get(), "_abc_data", &AbcData_Type) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
