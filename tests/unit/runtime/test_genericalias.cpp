// test_genericalias.cpp: hashing of types.GenericAlias and types.UnionType
// (runtime/genericaliasobject.cpp, unionobject.cpp). Their reprs, equality,
// attributes and errors are in the generated case table (test_cases.cpp);
// hashes mix in type hashes, which are addresses, so the rules CPython 3.11
// uses are checked here instead: hash(origin) ^ hash(args) for an alias,
// hash(frozenset(args)) for a union. Book chapter 11.
#include "runtime_test.h"

#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unionobject.h"

using namespace runtime_test;
using rt::Ref;

TEST_CASE("GenericAlias and UnionType hash as CPython 3.11 does")
{
    start();
    rt::Object* list = &rt::List_Type;
    rt::Object* int_t = &rt::Long_Type;
    rt::Object* str_t = &rt::Unicode_Type;
    Ref<> alias = rt::generic_alias_new(list, int_t);
    REQUIRE_MESSAGE(alias, take_error());
    Ref<> args = rt::tuple_pack({int_t});
    rt::Py_hash_t want = rt::object_hash(list) ^ rt::object_hash(args.get());
    CHECK(rt::object_hash(alias.get()) == (want == -1 ? -2 : want));
    Ref<> again = rt::generic_alias_new(list, args.get());
    CHECK(rt::object_hash(alias.get()) == rt::object_hash(again.get()));

    Ref<> u1 = rt::union_type_or(int_t, str_t), u2 = rt::union_type_or(str_t, int_t);
    REQUIRE(rt::union_check(u1.get()));
    Ref<> members = rt::frozenset_new(rt::union_args(u1.get()));
    CHECK(rt::object_hash(u1.get()) == rt::object_hash(members.get()));
    CHECK(rt::object_hash(u1.get()) == rt::object_hash(u2.get()));
    // A union of one member is that member: int | int is int.
    Ref<> same = rt::union_type_or(int_t, int_t);
    CHECK(same.get() == int_t);
}
