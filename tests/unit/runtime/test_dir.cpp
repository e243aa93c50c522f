// test_dir.cpp: the attribute names of every core type against dir(T) in
// python3.11 (dir_names.inc, written by tools/gen_dir_names.py), so that
// missing methods are visible and counted. type.__dir__ is
// runtime/typeobject.cpp's. Book chapter 11.
//
// known_missing lists what minipy still lacks, type by type. The test
// fails when a name is missing that is not listed (a regression), when a
// listed name has arrived (shorten the list), or when minipy has a name
// python3.11 does not.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "minipy/runtime/bytearrayobject.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/classobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/rangeobject.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/sliceobject.h"
#include "runtime_test.h"

using namespace runtime_test;
using rt::Ref;

namespace {

struct DirNames {
    const char* type;
    const char* names;  // space-separated, sorted
};

#include "dir_names.inc"

// What minipy lacks today (see docs/chapters/objects.md).
const std::map<std::string, std::string> known_missing = {
#include "dir_known_missing.inc"
};

std::set<std::string> split(const std::string& text)
{
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.insert(w);
    return out;
}

rt::Object* core_type(std::string_view name)
{
    static const std::map<std::string_view, rt::TypeObject*> types = {
        {"object", &rt::BaseObject_Type}, {"type", &rt::Type_Type}, {"NoneType", &rt::None_Type},
        {"NotImplementedType", &rt::NotImplemented_Type}, {"ellipsis", &rt::Ellipsis_Type},
        {"bool", &rt::Bool_Type}, {"int", &rt::Long_Type}, {"float", &rt::Float_Type},
        {"complex", &rt::Complex_Type}, {"str", &rt::Unicode_Type}, {"bytes", &rt::Bytes_Type},
        {"bytearray", &rt::ByteArray_Type}, {"tuple", &rt::Tuple_Type}, {"list", &rt::List_Type},
        {"dict", &rt::Dict_Type}, {"set", &rt::Set_Type}, {"frozenset", &rt::FrozenSet_Type},
        {"range", &rt::Range_Type}, {"slice", &rt::Slice_Type}, {"code", &rt::Code_Type},
        {"property", &rt::Property_Type}, {"super", &rt::Super_Type}, {"method", &rt::Method_Type},
        {"staticmethod", &rt::StaticMethod_Type}, {"classmethod", &rt::ClassMethod_Type},
        {"dict_keys", &rt::DictKeys_Type}, {"dict_values", &rt::DictValues_Type},
        {"dict_items", &rt::DictItems_Type},
#define MINIPY_EXC(name, base, layout) {#name, rt::Exc_##name},
#include "minipy/runtime/exceptions.def"
#undef MINIPY_EXC
    };
    auto it = types.find(name);
    return it == types.end() ? nullptr : it->second;
}

std::string join(const std::set<std::string>& names)
{
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : " ") + n;
    return out;
}

}  // namespace

TEST_CASE("every core type has python3.11's attribute names (dir)")
{
    start();
    std::size_t total_missing = 0, total_names = 0;
    for (const DirNames& d : dir_names) {
        std::string type_name = d.type;
        CAPTURE(type_name);
        rt::Object* type = core_type(d.type);
        REQUIRE_MESSAGE(type, "no such type in minipy: ", d.type);
        // dir(T) is type(T).__dir__(T): type.__dir__ for all of these.
        Ref<> dir = rt::object_get_attr_string(&rt::Type_Type, "__dir__");
        REQUIRE(dir);
        Ref<> args = rt::tuple_pack({type});
        Ref<> names = rt::object_call(dir.get(), args.get(), nullptr);
        REQUIRE_MESSAGE(names, take_error());
        std::set<std::string> got;
        for (rt::Py_ssize_t i = 0; i < rt::list_size(names.get()); i++)
            got.insert(rt::unicode_to_std(rt::list_item(names.get(), i)));
        std::set<std::string> want = split(d.names), missing, extra;
        std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::inserter(missing, missing.end()));
        std::set_difference(got.begin(), got.end(), want.begin(), want.end(), std::inserter(extra, extra.end()));
        auto known = known_missing.find(d.type);
        std::string expected_missing = known == known_missing.end() ? "" : known->second;
        CHECK(join(missing) == expected_missing);
        CHECK(join(extra) == "");
        total_missing += missing.size();
        total_names += want.size();
    }
    MESSAGE(total_missing, " of ", total_names, " attribute names of ", std::size(dir_names),
            " core types are missing");
}

TEST_CASE("type.__subclasses__ lists a class made at run time until it is freed")
{
    start();
    auto subclasses = [](rt::Object* type) { return show(rt::call_method(type, "__subclasses__")); };
    CHECK(subclasses(&rt::Float_Type) == "[]");  // python3.11: float.__subclasses__() == []
    Ref<> name = str("F"), dict = rt::dict_new();
    Ref<> bases = rt::tuple_pack({&rt::Float_Type});
    Ref<> args = rt::tuple_pack({name.get(), bases.get(), dict.get()});
    Ref<> cls = rt::object_call(&rt::Type_Type, args.get(), nullptr);
    REQUIRE_MESSAGE(cls, take_error());
    CHECK(subclasses(&rt::Float_Type) == "[<class 'F'>]");
    // A class is a reference cycle (its MRO holds it) until issue 8's
    // collector: break it by hand, as the collector's tp_clear will.
    REQUIRE(rt::Py_TYPE(cls.get())->tp_clear(cls.get()) == 0);
    cls = nullptr;
    CHECK(subclasses(&rt::Float_Type) == "[]");
}
