// test_structseq.cpp: struct sequence types (runtime/structseq.cpp). The
// two descriptions copy the shapes of time.struct_time (hidden fields) and
// os.stat_result (unnamed fields); every expected string is what
// python3.11 prints for the same operation on those types, e.g.
//   python3.11 -c "import os; print(repr(os.stat_result(range(10))))"
// Book chapter 11.
#include "runtime_test.h"

#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/structseq.h"

using namespace runtime_test;
using rt::Ref;

namespace {

const rt::StructSequenceField time_fields[] = {
    {"tm_year", "year, for example, 1993"}, {"tm_mon", nullptr},   {"tm_mday", nullptr},
    {"tm_hour", nullptr},                   {"tm_min", nullptr},   {"tm_sec", nullptr},
    {"tm_wday", nullptr},                   {"tm_yday", nullptr},  {"tm_isdst", nullptr},
    {"tm_zone", nullptr},                   {"tm_gmtoff", nullptr}, {},
};
const rt::StructSequenceDesc time_desc = {"time.struct_time", "The time value.", time_fields, 9};

const rt::StructSequenceField stat_fields[] = {
    {"st_mode", nullptr},  {"st_ino", nullptr},      {"st_dev", nullptr},      {"st_nlink", nullptr},
    {"st_uid", nullptr},   {"st_gid", nullptr},      {"st_size", nullptr},     {rt::structseq_unnamed_field, nullptr},
    {rt::structseq_unnamed_field, nullptr},          {rt::structseq_unnamed_field, nullptr},
    {"st_atime", nullptr}, {"st_mtime", nullptr},    {"st_ctime", nullptr},    {"st_atime_ns", nullptr},
    {"st_mtime_ns", nullptr}, {"st_ctime_ns", nullptr}, {"st_blksize", nullptr}, {"st_blocks", nullptr},
    {"st_rdev", nullptr},  {},
};
const rt::StructSequenceDesc stat_desc = {"os.stat_result", "stat_result", stat_fields, 10};

std::string call(rt::Object* type, std::initializer_list<rt::Object*> args)
{
    Ref<> t = rt::tuple_pack(args);
    return show(rt::object_call(type, t.get(), nullptr));
}

Ref<> range_tuple(long long n)
{
    Ref<> t = rt::tuple_new(n);
    for (long long i = 0; i < n; i++) rt::tuple_set_item(t.get(), i, integer(i).release());
    return t;
}

}  // namespace

TEST_CASE("struct sequence with hidden fields behaves as time.struct_time")
{
    start();
    Ref<rt::TypeObject> type = rt::structseq_new_type(&time_desc);
    REQUIRE_MESSAGE(type, take_error());
    rt::Object* tp = type.get();
    Ref<> r9 = range_tuple(9), r11 = range_tuple(11), r2 = range_tuple(2), r12 = range_tuple(12);
    CHECK(call(tp, {r11.get()}) ==
          "time.struct_time(tm_year=0, tm_mon=1, tm_mday=2, tm_hour=3, tm_min=4, tm_sec=5, tm_wday=6, "
          "tm_yday=7, tm_isdst=8)");
    CHECK(call(tp, {r2.get()}) == "TypeError: time.struct_time() takes an at least 9-sequence (2-sequence given)");
    CHECK(call(tp, {r12.get()}) == "TypeError: time.struct_time() takes an at most 11-sequence (12-sequence given)");
    Ref<> five = integer(5);
    CHECK(call(tp, {five.get()}) == "TypeError: constructor requires a sequence");
    CHECK(call(tp, {r9.get(), five.get()}) == "TypeError: time.struct_time() takes a dict as second arg, if any");
    CHECK(call(tp, {r9.get(), rt::Py_None()}) == "TypeError: time.struct_time() takes a dict as second arg, if any");
    CHECK(call(tp, {}) == "TypeError: structseq() missing required argument 'sequence' (pos 1)");
    CHECK(call(tp, {r9.get(), r9.get(), r9.get()}) == "TypeError: structseq() takes at most 2 arguments (3 given)");

    Ref<> d = rt::dict_new();
    Ref<> zone = str("UTC");
    REQUIRE(rt::dict_set_item_string(d.get(), "tm_zone", zone.get()) == 0);
    Ref<> t = rt::call_function_objargs(tp, {r9.get(), d.get()});
    REQUIRE_MESSAGE(t, take_error());
    CHECK(show(rt::object_get_attr_string(t.get(), "tm_zone")) == "'UTC'");
    CHECK(show(rt::object_get_attr_string(t.get(), "tm_gmtoff")) == "None");
    CHECK(rt::object_size(t.get()) == 9);
    CHECK(method(t.get(), "__reduce__").find("((0, 1, 2, 3, 4, 5, 6, 7, 8), {'tm_zone': 'UTC', 'tm_gmtoff': None})") !=
          std::string::npos);
    // Equal to (and hashed as) the tuple of its visible fields.
    CHECK(rt::object_rich_compare_bool(t.get(), r9.get(), rt::Py_EQ) == 1);
    CHECK(rt::object_hash(t.get()) == rt::object_hash(r9.get()));
    CHECK(show(rt::object_get_attr_string(tp, "n_fields")) == "11");
    CHECK(show(rt::object_get_attr_string(tp, "n_sequence_fields")) == "9");
    CHECK(show(rt::object_get_attr_string(tp, "n_unnamed_fields")) == "0");
    CHECK(show(rt::object_get_attr_string(tp, "__match_args__")) ==
          "('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')");
    CHECK(show(rt::object_get_attr_string(tp, "__module__")) == "'time'");
    CHECK(rt::object_set_attr_string(t.get(), "tm_year", five.get()) == -1);
    CHECK(take_error() == "AttributeError: readonly attribute");
}

TEST_CASE("struct sequence with unnamed fields behaves as os.stat_result")
{
    start();
    Ref<rt::TypeObject> type = rt::structseq_new_type(&stat_desc);
    REQUIRE_MESSAGE(type, take_error());
    Ref<> r10 = range_tuple(10);
    Ref<> t = rt::call_function_objargs(type.get(), {r10.get()});
    // CPython's repr names visible field i by tp_members[i], which skips the
    // unnamed fields: the integer times show as st_atime, st_mtime, st_ctime.
    CHECK(show(t) ==
          "os.stat_result(st_mode=0, st_ino=1, st_dev=2, st_nlink=3, st_uid=4, st_gid=5, st_size=6, "
          "st_atime=7, st_mtime=8, st_ctime=9)");
    CHECK(method(t.get(), "__reduce__").find(
              "{'st_atime': None, 'st_mtime': None, 'st_ctime': None, 'st_atime_ns': None, 'st_mtime_ns': None, "
              "'st_ctime_ns': None, 'st_blksize': None, 'st_blocks': None, 'st_rdev': None})") != std::string::npos);
    CHECK(show(rt::object_get_attr_string(type.get(), "n_unnamed_fields")) == "3");
    CHECK(show(rt::object_get_attr_string(type.get(), "__match_args__")) ==
          "('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size')");
}

TEST_CASE("a struct sequence type may refuse instantiation, as sys.version_info")
{
    start();
    static const rt::StructSequenceField fields[] = {{"major", nullptr}, {"minor", nullptr}, {}};
    static const rt::StructSequenceDesc desc = {"sys.version_info", nullptr, fields, 2};
    static rt::TypeObject type{};
    REQUIRE(rt::structseq_init_type(&type, &desc, rt::Py_TPFLAGS_DISALLOW_INSTANTIATION) == 0);
    Ref<> r2 = range_tuple(2);
    CHECK(call(&type, {r2.get()}) == "TypeError: cannot create 'sys.version_info' instances");
    Ref<> v = rt::structseq_new(&type);
    rt::structseq_set_item(v.get(), 0, integer(3).release());
    rt::structseq_set_item(v.get(), 1, integer(11).release());
    CHECK(show(v) == "sys.version_info(major=3, minor=11)");
}
