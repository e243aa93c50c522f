// test_object_core.cpp: the object header, Ref<T>, type readiness, the MRO,
// attribute lookup and the error indicator (runtime/object.cpp,
// typeobject.cpp, errors.cpp, pystate.cpp). Book chapter 11.
#include "runtime_test.h"

#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/memory/gc_head.h"

#include <vector>

using namespace runtime_test;
using rt::Ref;

TEST_CASE("Ref<T> owns one reference: destruction, release, steal and new_ref")
{
    start();
    Ref<> s = str("a fresh string");
    rt::Object* raw = s.get();
    CHECK(rt::Py_REFCNT(raw) == 1);
    {
        Ref<> again = rt::new_ref(raw);
        CHECK(rt::Py_REFCNT(raw) == 2);
        Ref<> moved = std::move(again);
        CHECK(!again);
        CHECK(rt::Py_REFCNT(raw) == 2);
    }
    CHECK(rt::Py_REFCNT(raw) == 1);
    rt::Object* released = s.release();
    CHECK(!s);
    Ref<> back = rt::steal_ref(released);
    CHECK(rt::Py_REFCNT(raw) == 1);
}

TEST_CASE("the debug total reference count returns to its start")
{
    start();
#if MINIPY_REF_DEBUG
    auto work = [] {
        Ref<> l = rt::list_new(0);
        for (int i = 0; i < 100; i++) {
            Ref<> v = integer(1000 + i);
            REQUIRE(rt::list_append(l.get(), v.get()) == 0);
        }
        Ref<> t = rt::sequence_tuple(l.get());
        CHECK(rt::object_size(t.get()) == 100);
        CHECK(show(t).size() > 100);
    };
    work();  // warm-up: caches (interned names, the repr guard list) fill once
    rt::Py_ssize_t before = rt::get_ref_total();
    work();
    CHECK(rt::get_ref_total() == before);
#endif
}

TEST_CASE("static types are ready, with CPython's MRO and flags")
{
    start();
    CHECK(show(rt::object_get_attr_string(&rt::Bool_Type, "__mro__")) ==
          "(<class 'bool'>, <class 'int'>, <class 'object'>)");
    CHECK(show(rt::object_get_attr_string(rt::Exc_ExceptionGroup, "__mro__")) ==
          "(<class 'ExceptionGroup'>, <class 'BaseExceptionGroup'>, <class 'Exception'>, <class 'BaseException'>, "
          "<class 'object'>)");
    CHECK(show(rt::object_get_attr_string(rt::Exc_TabError, "__mro__")) ==
          "(<class 'TabError'>, <class 'IndentationError'>, <class 'SyntaxError'>, <class 'Exception'>, "
          "<class 'BaseException'>, <class 'object'>)");
    CHECK(rt::type_has_feature(&rt::Bool_Type, rt::Py_TPFLAGS_LONG_SUBCLASS));
    CHECK(rt::type_has_feature(rt::Exc_KeyError, rt::Py_TPFLAGS_BASE_EXC_SUBCLASS));
    CHECK(show(rt::object_get_attr_string(&rt::Long_Type, "__name__")) == "'int'");
    CHECK(rt::unicode_to_std(rt::object_repr(&rt::Type_Type).get()) == "<class 'type'>");
    CHECK(show(rt::call_one_arg(&rt::Type_Type, integer(3).get())) == "<class 'int'>");
}

TEST_CASE("generic attribute lookup finds methods, slot wrappers and getsets")
{
    start();
    Ref<> s = str("abc");
    CHECK(method(s.get(), "upper") == "'ABC'");
    CHECK(show(rt::object_get_attr_string(s.get(), "nope")) == "AttributeError: 'str' object has no attribute 'nope'");
    Ref<> five = integer(5);
    CHECK(method(five.get(), "__add__", {integer(2).get()}) == "7");
    CHECK(method(five.get(), "__radd__", {integer(2).get()}) == "7");
    CHECK(method(five.get(), "__add__", {str("x").get()}) == "NotImplemented");
    CHECK(show(rt::object_get_attr_string(five.get(), "real")) == "5");
    CHECK(show(rt::object_set_attr_string(five.get(), "real", five.get()) < 0 ? nullptr : rt::none_ref()) ==
          "AttributeError: attribute 'real' of 'int' objects is not writable");
    CHECK(show(rt::object_set_attr_string(five.get(), "spam", five.get()) < 0 ? nullptr : rt::none_ref()) ==
          "AttributeError: 'int' object has no attribute 'spam'");
    CHECK(show(rt::object_get_attr_string(&rt::Long_Type, "bit_length")) == "<method 'bit_length' of 'int' objects>");
    CHECK(show(rt::object_get_attr_string(&rt::Long_Type, "__add__")) == "<slot wrapper '__add__' of 'int' objects>");
    CHECK(show(rt::object_get_attr_string(&rt::Long_Type, "__hash__")) == "<slot wrapper '__hash__' of 'int' objects>");
    CHECK(show(rt::object_get_attr_string(&rt::List_Type, "__hash__")) == "None");
    CHECK(show(rt::object_set_attr_string(&rt::Long_Type, "x", five.get()) < 0 ? nullptr : rt::none_ref()) ==
          "TypeError: cannot set 'x' attribute of immutable type 'int'");
    CHECK(show(rt::object_get_attr_string(&rt::Long_Type, "nope")) ==
          "AttributeError: type object 'int' has no attribute 'nope'");
}

TEST_CASE("rich comparison falls back to identity and reports unorderable types")
{
    start();
    Ref<> a = integer(1), s = str("x");
    CHECK(show(rt::object_rich_compare(a.get(), s.get(), rt::Py_EQ)) == "False");
    CHECK(show(rt::object_rich_compare(a.get(), s.get(), rt::Py_NE)) == "True");
    CHECK(show(rt::object_rich_compare(a.get(), s.get(), rt::Py_LT)) ==
          "TypeError: '<' not supported between instances of 'int' and 'str'");
    CHECK(show(rt::object_rich_compare(a.get(), flt(1.0).get(), rt::Py_EQ)) == "True");
}

TEST_CASE("the error indicator: set, fetch, restore, matches, chaining")
{
    start();
    CHECK(!rt::error_occurred());
    rt::format_error(rt::Exc_ValueError, "bad value %d for %s (%R)", 42, "spam", str("é").get());
    CHECK(rt::error_occurred() == rt::Exc_ValueError);
    CHECK(rt::error_matches(rt::Exc_Exception));
    CHECK(!rt::error_matches(rt::Exc_TypeError));
    Ref<> t, v, tb;
    rt::fetch_error(&t, &v, &tb);
    CHECK(!rt::error_occurred());
    CHECK(show(v) == "ValueError(\"bad value 42 for spam ('é')\")");
    rt::restore_error(std::move(t), std::move(v), std::move(tb));
    CHECK(take_error() == "ValueError: bad value 42 for spam ('é')");

    // An exception raised while another is handled gets it as __context__.
    rt::set_error(rt::Exc_KeyError, "first");
    Ref<> first = rt::fetch_exception();
    rt::ThreadState* ts = rt::thread_state_get();
    ts->exc_info->exc_value = first.get();
    rt::set_error(rt::Exc_TypeError, "second");
    ts->exc_info->exc_value = nullptr;
    Ref<> second = rt::fetch_exception();
    CHECK(show(rt::object_get_attr_string(second.get(), "__context__")) == "KeyError('first')");
    CHECK(show(rt::object_get_attr_string(second.get(), "__suppress_context__")) == "False");
}

TEST_CASE("None, NotImplemented and Ellipsis")
{
    start();
    CHECK(show(rt::none_ref()) == "None");
    CHECK(show(rt::not_implemented_ref()) == "NotImplemented");
    CHECK(show(rt::new_ref(rt::Py_Ellipsis())) == "Ellipsis");
    CHECK(rt::object_is_true(rt::Py_None()) == 0);
    CHECK(show(rt::call_no_args(&rt::None_Type)) == "None");
    CHECK(show(rt::call_one_arg(&rt::None_Type, integer(1).get())) == "TypeError: NoneType takes no arguments");
    CHECK(show(rt::object_get_attr_string(rt::Py_None(), "__class__")) == "<class 'NoneType'>");
}

TEST_CASE("containers that contain themselves repr with ... (Py_ReprEnter)")
{
    start();
    Ref<> l = rt::list_new(0);
    REQUIRE(rt::list_append(l.get(), l.get()) == 0);
    REQUIRE(rt::list_append(l.get(), integer(1).get()) == 0);
    CHECK(rt::unicode_to_std(rt::object_repr(l.get()).get()) == "[[...], 1]");
    Ref<> d = rt::dict_new();
    REQUIRE(rt::dict_set_item(d.get(), str("me").get(), d.get()) == 0);
    REQUIRE(rt::dict_set_item(d.get(), str("l").get(), l.get()) == 0);
    CHECK(rt::unicode_to_std(rt::object_repr(d.get()).get()) == "{'me': {...}, 'l': [[...], 1]}");
    // Break the cycles by hand (the collector of issue 8 will do this).
    rt::dict_clear(d.get());
    REQUIRE(rt::sequence_set_item(l.get(), 0, rt::Py_None()) == 0);
}

TEST_CASE("the collector's hooks see an object's references through tp_traverse")
{
    start();
    auto& hooks = minipy::memory::gc_object_hooks;
    const bool installed = hooks.traverse != nullptr && hooks.is_gc != nullptr && hooks.refcount != nullptr;
    REQUIRE(installed);
    Ref<> a = integer(12345), b = str("x");
    Ref<> t = rt::tuple_pack({a.get(), b.get(), a.get()});
    std::vector<void*> seen;
    auto visit = [](void* obj, void* arg) {
        static_cast<std::vector<void*>*>(arg)->push_back(obj);
        return 0;
    };
    CHECK(hooks.traverse(t.get(), visit, &seen) == 0);
    CHECK(seen == std::vector<void*>{a.get(), b.get(), a.get()});
    CHECK(hooks.is_gc(t.get()));
    CHECK(!hooks.is_gc(a.get()));
    CHECK(hooks.refcount(b.get()) == rt::Py_REFCNT(b.get()));
}

TEST_CASE("-X showrefcount's summary has CPython's debug-build form")
{
    start();
    std::string s = rt::refcount_summary();
#if MINIPY_REF_DEBUG
    CHECK(s.rfind("[", 0) == 0);
    CHECK(s.find(" refs, ") != std::string::npos);
    CHECK(s.find(" blocks]") == s.size() - 8);
#else
    CHECK(s.empty());
#endif
}

TEST_CASE("type.__dict__ is a read-only mappingproxy")
{
    start();
    Ref<> d = rt::object_get_attr_string(&rt::Long_Type, "__dict__");
    REQUIRE(d);
    CHECK(std::string(rt::Py_TYPE(d.get())->tp_name) == "mappingproxy");
    CHECK(show(rt::object_get_item(d.get(), str("bit_length").get())) == "<method 'bit_length' of 'int' objects>");
    CHECK(show(rt::object_get_item(d.get(), str("__add__").get())) == "<slot wrapper '__add__' of 'int' objects>");
    CHECK(rt::sequence_contains(d.get(), str("real").get()) == 1);
    CHECK(show(rt::object_set_item(d.get(), str("x").get(), integer(1).get()) < 0 ? nullptr : rt::none_ref()) ==
          "TypeError: 'mappingproxy' object does not support item assignment");
}
