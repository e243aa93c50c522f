// test_weakref.cpp: the C++ interface of runtime/weakrefobject.cpp that
// deallocators and the cycle collector rely on (weakrefobject.h): the
// order of a referent's list, sharing of the callback-less references,
// weakref_clear_ref keeping the callback, object_clear_weakrefs calling
// callbacks newest first and keeping a pending exception. The expected
// orders are CPython 3.11's (Objects/weakrefobject.c; checked with
// python3.11 -c "import weakref; ..." on a set referent). Book chapter 9.
#include "runtime_test.h"

#include <vector>

#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/weakrefobject.h"

using namespace runtime_test;
using rt::Object;
using rt::Ref;
using rt::WeakReference;

namespace {

// Each callback call records (callback tag, the weakref it was given).
struct Call {
    long long tag;
    Object* wr;
};
std::vector<Call> calls;

Ref<> record(Object* self, Object* wr)
{
    calls.push_back({rt::long_small_value(self), wr});
    if (rt::long_small_value(self) < 0) return rt::format_error(rt::Exc_ValueError, "callback failed");
    return rt::none_ref();
}

rt::MethodDef record_def = rt::method_o("record", record);

Ref<> callback(long long tag)
{
    Ref<> t = integer(tag);
    return rt::cfunction_new(&record_def, t.get());
}

// The list of op, head first.
std::vector<Object*> weaklist(Object* op)
{
    std::vector<Object*> out;
    for (auto* wr = static_cast<WeakReference*>(*rt::object_weaklist_ptr(op)); wr; wr = wr->wr_next) out.push_back(wr);
    return out;
}

}  // namespace

TEST_CASE("weakref: shared basic references and the order of the list")
{
    start();
    Ref<> s = rt::set_new(nullptr);
    REQUIRE(s);
    Ref<> cb1 = callback(1), cb2 = callback(2);
    Ref<> with1 = rt::weakref_new_ref(s.get(), cb1.get());
    Ref<> proxy = rt::weakref_new_proxy(s.get(), nullptr);
    Ref<> basic = rt::weakref_new_ref(s.get(), nullptr);
    Ref<> with2 = rt::weakref_new_ref(s.get(), cb2.get());
    REQUIRE((with1 && proxy && basic && with2));
    CHECK(rt::weakref_new_ref(s.get(), nullptr).get() == basic.get());
    CHECK(rt::weakref_new_ref(s.get(), rt::Py_None()).get() == basic.get());
    CHECK(rt::weakref_new_proxy(s.get(), nullptr).get() == proxy.get());
    // The basic ref, the basic proxy, then the others newest first.
    CHECK(weaklist(s.get()) == std::vector<Object*>{basic.get(), proxy.get(), with2.get(), with1.get()});
    CHECK(rt::weakref_get_weakref_count(static_cast<WeakReference*>(*rt::object_weaklist_ptr(s.get()))) == 4);
    CHECK(rt::weakref_get_object(with1.get()) == s.get());
    // A reference that dies leaves the list.
    with2.reset();
    CHECK(weaklist(s.get()) == std::vector<Object*>{basic.get(), proxy.get(), with1.get()});
}

TEST_CASE("weakref: weakref_clear_ref unlinks without calling and keeps the callback")
{
    start();
    calls.clear();
    Ref<> s = rt::set_new(nullptr);
    Ref<> cb = callback(7);
    Ref<> wr = rt::weakref_new_ref(s.get(), cb.get());
    REQUIRE(wr);
    rt::weakref_clear_ref(wr.get());
    CHECK(rt::weakref_get_object(wr.get()) == rt::Py_None());
    CHECK(static_cast<WeakReference*>(wr.get())->wr_callback == cb.get());
    CHECK(*rt::object_weaklist_ptr(s.get()) == nullptr);
    CHECK(calls.empty());
    // What the collector does next for a reachable weakref.
    rt::weakref_handle_callback(wr.get(), cb.get());
    REQUIRE(calls.size() == 1);
    CHECK(calls[0].tag == 7);
    CHECK(calls[0].wr == wr.get());
    s.reset();  // the referent dies with an empty list: no second call
    CHECK(calls.size() == 1);
}

TEST_CASE("weakref: the referent's death calls the callbacks newest first")
{
    start();
    calls.clear();
    Ref<> s = rt::set_new(nullptr);
    Ref<> cb1 = callback(1), cb2 = callback(2), bad = callback(-3);
    Ref<> r1 = rt::weakref_new_ref(s.get(), cb1.get());
    Ref<> r2 = rt::weakref_new_ref(s.get(), bad.get());
    Ref<> r3 = rt::weakref_new_ref(s.get(), cb2.get());
    Ref<> basic = rt::weakref_new_ref(s.get(), nullptr);
    // A reference dropped before the referent dies is never called.
    Ref<> gone = rt::weakref_new_ref(s.get(), cb1.get());
    gone.reset();
    // A pending exception survives the callbacks (PyErr_Fetch/Restore).
    rt::set_error(rt::Exc_KeyError, "pending");
    s.reset();
    CHECK(take_error() == "KeyError: 'pending'");
    REQUIRE(calls.size() == 3);
    CHECK(calls[0].tag == 2);
    CHECK(calls[0].wr == r3.get());
    CHECK(calls[1].tag == -3);  // raised: reported as unraisable, the next one still runs
    CHECK(calls[2].tag == 1);
    CHECK(calls[2].wr == r1.get());
    for (Object* wr : {r1.get(), r2.get(), r3.get(), basic.get()}) {
        CHECK(rt::weakref_get_object(wr) == rt::Py_None());
        CHECK(static_cast<WeakReference*>(wr)->wr_callback == nullptr);
    }
}

TEST_CASE("weakref: types without a weak list refuse, as CPython words it")
{
    start();
    Ref<> i = integer(5);
    CHECK(rt::object_weaklist_ptr(i.get()) == nullptr);
    CHECK(show(rt::weakref_new_ref(i.get(), nullptr)) == "TypeError: cannot create weak reference to 'int' object");
    Ref<> t = rt::tuple_new(0);
    CHECK(show(rt::weakref_new_proxy(t.get(), nullptr)) ==
          "TypeError: cannot create weak reference to 'tuple' object");
    Ref<> s = rt::frozenset_new(nullptr);
    Ref<> wr = rt::weakref_new_ref(s.get(), nullptr);
    REQUIRE(wr);
    CHECK(show(rt::weakref_new_ref(wr.get(), nullptr)) ==
          "TypeError: cannot create weak reference to 'weakref.ReferenceType' object");
}
