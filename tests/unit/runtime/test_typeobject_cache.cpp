// test_typeobject_cache.cpp: the method cache behind type_lookup
// (_PyType_Lookup) and its invalidation by type_modified (PyType_Modified)
// through version tags (runtime/typeobject.cpp). Book chapter 11.
//
// What python3.11 would print is obvious here (a class attribute read after
// an assignment sees the new value); what these tests add over the vm
// programs (cls_method_cache.py) is that the cache is really used: repeated
// lookups are hits, and a change to a base drops the subclasses' tags.
#include "runtime_test.h"

#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/typeobject.h"

using namespace runtime_test;
using rt::Ref;

namespace {

// type(name, bases, {attr: value}) through the runtime alone.
Ref<> make_class(const char* name, std::initializer_list<rt::Object*> bases, const char* attr, rt::Object* value)
{
    Ref<> ns = rt::dict_new();
    REQUIRE(ns);
    if (attr) REQUIRE(rt::dict_set_item_string(ns.get(), attr, value) == 0);
    Ref<> base_tuple = rt::tuple_new(static_cast<rt::Py_ssize_t>(bases.size()));
    rt::Py_ssize_t i = 0;
    for (rt::Object* b : bases) rt::tuple_set_item(base_tuple.get(), i++, rt::new_ref(b).release());
    Ref<> n = str(name);
    Ref<> args = rt::tuple_pack({n.get(), base_tuple.get(), ns.get()});
    Ref<> cls = rt::object_call(&rt::Type_Type, args.get(), nullptr);
    INFO(take_error());
    REQUIRE(cls);
    return cls;
}

bool has_valid_tag(rt::Object* t)
{
    return rt::type_has_feature(static_cast<rt::TypeObject*>(t), rt::Py_TPFLAGS_VALID_VERSION_TAG);
}

}  // namespace

TEST_CASE("repeated lookups of an interned name are answered by the cache")
{
    start();
    Ref<> one = integer(1);
    Ref<> base = make_class("CacheBase", {}, "attr", one.get());
    Ref<> derived = make_class("CacheDerived", {base.get()}, nullptr, nullptr);
    Ref<> name = rt::unicode_intern_from_string("attr");
    auto* d = static_cast<rt::TypeObject*>(derived.get());

    CHECK(rt::type_lookup(d, name.get()) == one.get());
    CHECK(has_valid_tag(derived.get()));
    CHECK(has_valid_tag(base.get()));  // bases are tagged before subclasses
    const auto before = rt::method_cache_stats();
    for (int i = 0; i < 10; i++) CHECK(rt::type_lookup(d, name.get()) == one.get());
    const auto after = rt::method_cache_stats();
    CHECK(after.hits - before.hits == 10);
    CHECK(after.misses == before.misses);
}

TEST_CASE("setting an attribute on a base invalidates its subclasses' entries")
{
    start();
    Ref<> one = integer(1), two = integer(2);
    Ref<> base = make_class("ModBase", {}, "attr", one.get());
    Ref<> mid = make_class("ModMid", {base.get()}, nullptr, nullptr);
    Ref<> leaf = make_class("ModLeaf", {mid.get()}, nullptr, nullptr);
    Ref<> name = rt::unicode_intern_from_string("attr");
    auto* l = static_cast<rt::TypeObject*>(leaf.get());

    CHECK(rt::type_lookup(l, name.get()) == one.get());
    const unsigned old_tag = l->tp_version_tag;
    REQUIRE(rt::object_set_attr(base.get(), name.get(), two.get()) == 0);
    CHECK_FALSE(has_valid_tag(base.get()));
    CHECK_FALSE(has_valid_tag(mid.get()));
    CHECK_FALSE(has_valid_tag(leaf.get()));
    CHECK(rt::type_lookup(l, name.get()) == two.get());
    CHECK(l->tp_version_tag != old_tag);  // tags are never reused

    // A shadowing entry in the middle class, then its removal.
    Ref<> three = integer(3);
    REQUIRE(rt::object_set_attr(mid.get(), name.get(), three.get()) == 0);
    CHECK(rt::type_lookup(l, name.get()) == three.get());
    CHECK(rt::type_lookup(static_cast<rt::TypeObject*>(base.get()), name.get()) == two.get());
    REQUIRE(rt::object_set_attr(mid.get(), name.get(), nullptr) == 0);
    CHECK(rt::type_lookup(l, name.get()) == two.get());
    REQUIRE(rt::object_set_attr(base.get(), name.get(), nullptr) == 0);
    CHECK(rt::type_lookup(l, name.get()) == nullptr);
    CHECK_FALSE(rt::error_occurred());
}

TEST_CASE("a modification elsewhere leaves unrelated classes' tags valid")
{
    start();
    Ref<> one = integer(1);
    Ref<> a = make_class("Unrelated1", {}, "attr", one.get());
    Ref<> b = make_class("Unrelated2", {}, "attr", one.get());
    Ref<> name = rt::unicode_intern_from_string("attr");
    CHECK(rt::type_lookup(static_cast<rt::TypeObject*>(a.get()), name.get()) == one.get());
    CHECK(rt::type_lookup(static_cast<rt::TypeObject*>(b.get()), name.get()) == one.get());
    Ref<> other = rt::unicode_intern_from_string("other");
    REQUIRE(rt::object_set_attr(a.get(), other.get(), one.get()) == 0);
    CHECK_FALSE(has_valid_tag(a.get()));
    CHECK(has_valid_tag(b.get()));
    const auto before = rt::method_cache_stats();
    CHECK(rt::type_lookup(static_cast<rt::TypeObject*>(b.get()), name.get()) == one.get());
    CHECK(rt::method_cache_stats().hits == before.hits + 1);
}

TEST_CASE("a pending exception survives a lookup, and non-interned names still resolve")
{
    start();
    Ref<> one = integer(1);
    Ref<> cls = make_class("Pending", {}, "attr", one.get());
    Ref<> name = str("attr");  // not interned: the lookup walks the MRO
    rt::set_error(rt::Exc_ValueError, "kept");
    CHECK(rt::type_lookup(static_cast<rt::TypeObject*>(cls.get()), name.get()) == one.get());
    CHECK(take_error() == "ValueError: kept");
}
