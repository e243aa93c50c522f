// test_code.cpp: code objects as the compiler will build them
// (runtime/codeobject.cpp). The expectations are python3.11's for
//     def f(a, b, /, c, *args, d, **kw):
//         x = 1
//         def g():
//             return x + a
//         return g
// compiled in 'mod.py' (f's co_code, co_linetable and flags are copied from
// python3.11's compile()). Book chapters 7 and 11.
#include <string>
#include <vector>

#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/complexobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/setobject.h"
#include "runtime_test.h"

using namespace runtime_test;
using rt::Ref;

namespace {

Ref<> names(std::initializer_list<const char*> list)
{
    Ref<> t = rt::tuple_new(static_cast<rt::Py_ssize_t>(list.size()));
    rt::Py_ssize_t i = 0;
    for (const char* n : list) rt::tuple_set_item(t.get(), i++, rt::unicode_intern_from_string(n).release());
    return t;
}

Ref<> bytes(std::string_view b) { return rt::bytes_from_view(b); }

struct FCode {
    Ref<> filename = str("mod.py"), name = str("f"), qualname = str("f");
    Ref<> code = bytes(std::string_view(
        "\x87\x00\x87\x07\x97\x00\x64\x01\x8a\x07\x88\x00\x88\x07\x66\x02\x64\x02\x84\x08\x7d\x06\x7c\x06\x53\x00", 26));
    Ref<> linetable = bytes(std::string_view(
        "\xf8\xf8\x80\x00\xd8\x08\x09\x80\x41\xf0\x02\x01\x05\x15\xf0\x00\x01\x05\x15\xf0\x00\x01\x05\x15"
        "\xf0\x00\x01\x05\x15\xf0\x00\x01\x05\x15\xf0\x00\x01\x05\x15\xe0\x0b\x0c\x80\x48", 44));
    Ref<> consts = rt::tuple_pack({rt::Py_None(), integer(1).get()});
    Ref<> no_names = rt::tuple_new(0);
    Ref<> localsplus = names({"a", "b", "c", "d", "args", "kw", "g", "x"});
    Ref<> kinds = bytes(std::string_view("\x60\x20\x20\x20\x20\x20\x20\x40", 8));
    Ref<> exceptiontable = bytes("");

    rt::CodeConstructor con() const
    {
        rt::CodeConstructor c;
        c.filename = filename.get();
        c.name = name.get();
        c.qualname = qualname.get();
        c.flags = rt::CO_OPTIMIZED | rt::CO_NEWLOCALS | rt::CO_VARARGS | rt::CO_VARKEYWORDS;
        c.code = code.get();
        c.firstlineno = 1;
        c.linetable = linetable.get();
        c.consts = consts.get();
        c.names = no_names.get();
        c.localsplusnames = localsplus.get();
        c.localspluskinds = kinds.get();
        c.argcount = 3;
        c.posonlyargcount = 2;
        c.kwonlyargcount = 1;
        c.stacksize = 2;
        c.exceptiontable = exceptiontable.get();
        return c;
    }
};

std::string attr(rt::Object* co, const char* name) { return show(rt::object_get_attr_string(co, name)); }

}  // namespace

TEST_CASE("code objects expose 3.11's co_* fields")
{
    start();
    FCode f;
    Ref<> co = rt::code_new(f.con());
    REQUIRE_MESSAGE(co, take_error());
    CHECK(attr(co.get(), "co_argcount") == "3");
    CHECK(attr(co.get(), "co_posonlyargcount") == "2");
    CHECK(attr(co.get(), "co_kwonlyargcount") == "1");
    CHECK(attr(co.get(), "co_nlocals") == "7");
    CHECK(attr(co.get(), "co_varnames") == "('a', 'b', 'c', 'd', 'args', 'kw', 'g')");
    CHECK(attr(co.get(), "co_cellvars") == "('a', 'x')");
    CHECK(attr(co.get(), "co_freevars") == "()");
    CHECK(attr(co.get(), "co_flags") == "15");
    CHECK(attr(co.get(), "co_firstlineno") == "1");
    CHECK(attr(co.get(), "co_name") == "'f'");
    CHECK(attr(co.get(), "co_qualname") == "'f'");
    CHECK(attr(co.get(), "co_filename") == "'mod.py'");
    CHECK(attr(co.get(), "co_stacksize") == "2");
    CHECK(attr(co.get(), "co_names") == "()");
    CHECK(attr(co.get(), "co_consts") == "(None, 1)");
    CHECK(attr(co.get(), "co_code") ==
          "b'\\x87\\x00\\x87\\x07\\x97\\x00d\\x01\\x8a\\x07\\x88\\x00\\x88\\x07f\\x02d\\x02\\x84\\x08}\\x06|\\x06S\\x00'");
    CHECK(attr(co.get(), "co_exceptiontable") == "b''");
    auto* code = static_cast<rt::CodeObject*>(co.get());
    CHECK(code->co_nlocalsplus == 8);
    CHECK(code->co_ncellvars == 2);
    CHECK(code->co_nplaincellvars == 1);
    CHECK(code->co_nfreevars == 0);
    CHECK(rt::Py_SIZE(code) == 13);  // code units
    std::string repr = show(rt::object_repr(co.get()));
    CHECK(repr.rfind("'<code object f at 0x", 0) == 0);
    CHECK(repr.find(", file \"mod.py\", line 1>'") != std::string::npos);
    CHECK(show(rt::object_set_attr_string(co.get(), "co_name", str("h").get()) < 0 ? nullptr : rt::none_ref()) ==
          "AttributeError: readonly attribute");
}

TEST_CASE("code objects compare like CPython's: by value, constants by type")
{
    start();
    FCode f;
    Ref<> a = rt::code_new(f.con()), b = rt::code_new(f.con());
    REQUIRE(a);
    REQUIRE(b);
    CHECK(show(rt::object_rich_compare(a.get(), b.get(), rt::Py_EQ)) == "True");
    CHECK(rt::object_hash(a.get()) == rt::object_hash(b.get()));
    // 1 and 1.0 (and True) are equal values but different constants.
    FCode g;
    g.consts = rt::tuple_pack({rt::Py_None(), flt(1.0).get()});
    Ref<> c = rt::code_new(g.con());
    CHECK(show(rt::object_rich_compare(a.get(), c.get(), rt::Py_EQ)) == "False");
    FCode h;
    h.consts = rt::tuple_pack({rt::Py_None(), rt::Py_True()});
    Ref<> d = rt::code_new(h.con());
    CHECK(show(rt::object_rich_compare(a.get(), d.get(), rt::Py_EQ)) == "False");
    // 0.0 and -0.0 are different constants too.
    FCode z1, z2;
    z1.consts = rt::tuple_pack({flt(0.0).get()});
    z2.consts = rt::tuple_pack({flt(-0.0).get()});
    CHECK(show(rt::object_rich_compare(rt::code_new(z1.con()).get(), rt::code_new(z2.con()).get(), rt::Py_EQ)) ==
          "False");
    FCode other;
    other.name = str("g");
    CHECK(show(rt::object_rich_compare(a.get(), rt::code_new(other.con()).get(), rt::Py_NE)) == "True");
}

TEST_CASE("code_new rejects inconsistent input")
{
    start();
    FCode odd;
    odd.code = bytes("abc");
    CHECK(show(rt::code_new(odd.con())) == "ValueError: code: co_code is malformed");
    FCode few;
    few.kinds = bytes(std::string_view("\x20\x20\x40\x40\x40\x40\x40\x40", 8));
    CHECK(show(rt::code_new(few.con())) == "ValueError: code: co_varnames is too small");
    FCode bad;
    rt::CodeConstructor c = bad.con();
    c.names = integer(3).get();
    CHECK(show(rt::code_new(c)) == "SystemError: bad argument to internal function");
}

TEST_CASE("code_constant_key keeps 0, 0.0, -0.0, False, 0j, -0j and their containers apart")
{
    start();
    // Equal under ==, distinct as constants; the reprs of the keys are
    // checked against _PyCode_ConstantKey in runtime_cases.inc.
    std::vector<Ref<>> values;
    values.push_back(integer(0LL));
    values.push_back(flt(0.0));
    values.push_back(flt(-0.0));
    values.push_back(rt::new_ref(rt::Py_False()));
    values.push_back(rt::complex_from_doubles(0.0, 0.0));
    values.push_back(rt::complex_from_doubles(-0.0, -0.0));
    values.push_back(rt::complex_from_doubles(-0.0, 0.0));
    values.push_back(rt::complex_from_doubles(0.0, -0.0));
    const std::size_t scalars = values.size();
    for (std::size_t i = 0; i < scalars; i++) {
        values.push_back(rt::tuple_pack({values[i].get()}));
        Ref<> one = rt::tuple_pack({values[i].get()});
        values.push_back(rt::frozenset_new(one.get()));
    }
    Ref<> table = rt::dict_new();
    for (Ref<>& v : values) {
        Ref<> key = rt::code_constant_key(v.get());
        REQUIRE_MESSAGE(key, take_error());
        REQUIRE(rt::dict_set_item(table.get(), key.get(), v.get()) == 0);
        // The same value again finds its own entry.
        Ref<> again = rt::code_constant_key(v.get());
        CHECK(rt::object_rich_compare_bool(again.get(), key.get(), rt::Py_EQ) == 1);
    }
    CHECK(rt::dict_size(table.get()) == static_cast<rt::Py_ssize_t>(values.size()));
    // Other objects are keyed by identity: (id(obj), obj).
    Ref<> l1 = rt::list_new(0), l2 = rt::list_new(0);
    Ref<> k1 = rt::code_constant_key(l1.get()), k2 = rt::code_constant_key(l2.get());
    CHECK(rt::tuple_item(k1.get(), 1) == l1.get());
    CHECK(rt::object_rich_compare_bool(k1.get(), k2.get(), rt::Py_EQ) == 0);
}

TEST_CASE("code objects ignore inline caches and hash like python3.11")
{
    start();
    FCode f;
    f.consts = rt::tuple_pack({integer(1).get(), str("x").get()});
    Ref<> a = rt::code_new(f.con());
    REQUIRE(a);
    // PYTHONHASHSEED=0 python3.11: hash(f.__code__.replace(co_consts=(1, 'x')))
    CHECK(rt::object_hash(a.get()) == 2273894281988380648LL);
    FCode g;
    g.consts = rt::tuple_pack({integer(1).get(), str("x").get()});
    g.no_names = rt::tuple_pack({str("n").get()});
    g.exceptiontable = bytes("ab");
    Ref<> b = rt::code_new(g.con());
    REQUIRE(b);
    // ... .replace(co_names=('n',), co_exceptiontable=b'ab')
    CHECK(rt::object_hash(b.get()) == 9049199292463818738LL);
    // BINARY_OP (0x7a) with its one cache entry: a different cache content
    // or a specialized opcode (BINARY_OP_SUBTRACT_FLOAT, 14) is the same code;
    // a different oparg is not.
    auto with_code = [&](std::string_view units) {
        FCode c;
        c.code = bytes(units);
        return rt::code_new(c.con());
    };
    Ref<> base = with_code(std::string_view("\x97\x00\x7a\x00\x00\x00\x53\x00", 8));
    Ref<> cache = with_code(std::string_view("\x97\x00\x7a\x00\x05\x07\x53\x00", 8));
    Ref<> special = with_code(std::string_view("\x97\x00\x0e\x00\x00\x00\x53\x00", 8));
    Ref<> oparg = with_code(std::string_view("\x97\x00\x7a\x01\x00\x00\x53\x00", 8));
    REQUIRE(base);
    CHECK(rt::object_rich_compare_bool(base.get(), cache.get(), rt::Py_EQ) == 1);
    CHECK(rt::object_rich_compare_bool(base.get(), special.get(), rt::Py_EQ) == 1);
    CHECK(rt::object_rich_compare_bool(base.get(), oparg.get(), rt::Py_EQ) == 0);
    // co_qualname, co_filename and co_stacksize do not take part.
    FCode q;
    q.qualname = str("outer.<locals>.f");
    q.filename = str("other.py");
    rt::CodeConstructor qc = q.con();
    qc.stacksize = 9;
    Ref<> qa = rt::code_new(qc), fa = rt::code_new(FCode().con());
    CHECK(rt::object_rich_compare_bool(qa.get(), fa.get(), rt::Py_EQ) == 1);
}

TEST_CASE("the location table readers: addr2line, addr2location, stepping both ways")
{
    start();
    FCode f;
    Ref<> co = rt::code_new(f.con());
    REQUIRE(co);
    auto* code = static_cast<rt::CodeObject*>(co.get());
    // python3.11: list(f.__code__.co_positions()), None as -1.
    const int expected[13][4] = {{-1, -1, -1, -1}, {-1, -1, -1, -1}, {1, 1, 0, 0},   {2, 2, 8, 9},  {2, 2, 4, 5},
                                 {3, 4, 4, 20},    {3, 4, 4, 20},    {3, 4, 4, 20},  {3, 4, 4, 20}, {3, 4, 4, 20},
                                 {3, 4, 4, 20},    {5, 5, 11, 12},   {5, 5, 4, 12}};
    for (int unit = 0; unit < 13; unit++) {
        CAPTURE(unit);
        CHECK(rt::code_addr2line(code, unit * 2) == expected[unit][0]);
        int line, col, end_line, end_col;
        rt::code_addr2location(code, unit * 2, &line, &col, &end_line, &end_col);
        CHECK(line == expected[unit][0]);
        CHECK(end_line == expected[unit][1]);
        CHECK(col == expected[unit][2]);
        CHECK(end_col == expected[unit][3]);
    }
    CHECK(rt::code_addr2line(code, -1) == 1);  // co_firstlineno
    CHECK(rt::code_addr2line(code, 26) == -1);  // past the end
    // One cursor walked backwards (the tracer's pattern) agrees.
    rt::CodeAddressRange range;
    rt::code_init_address_range(code, &range);
    for (int unit = 12; unit >= 0; unit--) {
        CAPTURE(unit);
        CHECK(rt::code_check_line_number(unit * 2, &range) == expected[unit][0]);
        CHECK(range.ar_start == unit * 2);
    }
    CHECK(!rt::line_table_previous_address_range(&range));
}
