// test_leaks.cpp: creating and dropping a million objects of each built-in
// type leaves the total reference count (debug builds) and the allocator's
// block count (under pymalloc: the test_runtime_pymalloc run) where they
// started. Covers the tp_dealloc of every type in runtime/. Book ch. 9, 11.
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/rangeobject.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/unionobject.h"
#include "runtime_test.h"

using namespace runtime_test;
using rt::Ref;

namespace {

// A million per type (the number) in optimized builds; debug and
// sanitizer builds default to 100,000 to keep the suite quick (a million
// there takes minutes). MINIPY_LEAK_OBJECTS overrides both.
int object_count()
{
    if (const char* env = std::getenv("MINIPY_LEAK_OBJECTS")) return std::atoi(env);
#if defined(NDEBUG)
    return 1000000;
#else
    return 100000;
#endif
}

struct Counts {
    rt::Py_ssize_t refs;
    std::size_t blocks;
    bool operator==(const Counts&) const = default;
};

Counts counts() { return {rt::get_ref_total(), minipy::memory::get_allocated_blocks()}; }

// Runs make() kObjects times, dropping each result; checks the balance.
void churn(const char* what, const std::function<Ref<>(int)>& make)
{
    CAPTURE(what);
    // Warm-up: caches (interned names, freelists, the empty singletons) fill once.
    for (int i = 0; i < 100; i++) REQUIRE(make(i));
    Counts before = counts();
    const int n = object_count();
    for (int i = 0; i < n; i++) {
        Ref<> obj = make(i);
        if (!obj) FAIL(what, ": ", take_error());
    }
    Counts after = counts();
    CHECK(after.refs == before.refs);
    CHECK(after.blocks == before.blocks);
}

}  // namespace

TEST_CASE("a million objects of each type come and go without leaking")
{
    start();
    Ref<> big = integer("123456789012345678901234567890");
    churn("int", [&](int i) { return rt::number_add(big.get(), integer(i).get()); });
    churn("float", [](int i) { return flt(i * 0.5); });
    churn("complex", [](int i) { return rt::complex_from_doubles(i, -i); });
    churn("str", [](int i) { return rt::unicode_from_format("item %d \xc3\xa9", i); });
    churn("bytes", [](int i) { return rt::bytes_from_view(std::to_string(i)); });
    churn("bytearray", [](int i) {
        Ref<> b = rt::bytearray_from_view(std::to_string(i));
        return b ? rt::call_method(b.get(), "append", {integer(65).get()}) : b;
    });
    churn("tuple", [](int i) { return rt::tuple_pack({integer(i).get(), rt::Py_None()}); });
    churn("list", [](int i) {
        Ref<> l = rt::list_new(0);
        for (int k = 0; k < 3; k++)
            if (rt::list_append(l.get(), integer(i + k).get()) < 0) return Ref<>();
        return l;
    });
    churn("dict", [](int i) {
        Ref<> d = rt::dict_new();
        if (rt::dict_set_item(d.get(), str("k").get(), integer(i).get()) < 0) return Ref<>();
        return d;
    });
    churn("set", [](int i) {
        Ref<> s = rt::set_new(nullptr);
        if (rt::set_add(s.get(), integer(i).get()) < 0) return Ref<>();
        return s;
    });
    churn("frozenset", [](int i) { return rt::frozenset_new(rt::tuple_pack({integer(i).get()}).get()); });
    churn("range", [](int i) { return rt::range_new(integer(0LL).get(), integer(i).get(), integer(1LL).get()); });
    churn("slice", [](int i) { return rt::slice_new(integer(i).get(), nullptr, nullptr); });
    churn("exception", [](int i) {
        Ref<> args = rt::tuple_pack({integer(i).get()});
        return rt::object_call(rt::Exc_KeyError, args.get(), nullptr);
    });
    churn("bound method", [&](int) { return rt::object_get_attr_string(big.get(), "bit_length"); });
    churn("iterator", [&](int i) { return rt::object_get_iter(rt::tuple_pack({integer(i).get()}).get()); });
    // Session 3's objects: GenericAlias, UnionType, and both printf engines.
    churn("GenericAlias", [&](int i) {
        Ref<> args = rt::tuple_pack({&rt::Long_Type, integer(i).get()});
        return args ? rt::generic_alias_new(&rt::List_Type, args.get()) : args;
    });
    churn("UnionType", [&](int i) {
        Ref<> alias = rt::generic_alias_new(&rt::List_Type, integer(i).get());
        return alias ? rt::union_type_or(alias.get(), rt::Py_None()) : alias;
    });
    Ref<> bfmt = rt::bytes_from_view("%s|%5d|%.2f"), sfmt = str("%r|%-4x|%e");
    churn("bytes % args", [&](int i) {
        Ref<> b = rt::bytes_from_view(std::to_string(i));
        Ref<> args = rt::tuple_pack({b.get(), integer(i).get(), flt(i * 0.25).get()});
        return rt::number_remainder(bfmt.get(), args.get());
    });
    churn("str % args", [&](int i) {
        Ref<> args = rt::tuple_pack({str("x").get(), integer(i).get(), flt(i * 0.25).get()});
        return rt::number_remainder(sfmt.get(), args.get());
    });
}
