// test_codegen.cpp: the code generator (compiler/compile.cpp, codegen_*.cpp)
// with the flowgraph and assembler behind it, against python3.11: every
// file of tests/compiler/cases/codegen/ is compiled by both, and the code
// objects are compared field by field and instruction by instruction
// (tests/unit/compiler/codegen_reference.py prints python3.11's side), as
// are the SyntaxErrors the code generator raises. Book chapter 7.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "minipy/compiler/compile.h"
#include "minipy/config.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/bytesobject.h"
#include "minipy/runtime/codeobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/opcode.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/setobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "symtable_test_util.h"

namespace {

using namespace minipy;
using namespace minipy::runtime;

std::string str_of(Object* o)
{
    Py_ssize_t n = 0;
    const char* p = unicode_as_utf8(o, &n);
    return p ? std::string(p, static_cast<std::size_t>(n)) : std::string("<?>");
}

std::string repr_of(Object* o)
{
    Ref<> r = object_repr(o);
    if (!r) {
        error_clear();
        return "<repr failed>";
    }
    return str_of(r.get());
}

std::string const_repr(Object* c)
{
    if (code_check(c)) return "<code " + str_of(static_cast<CodeObject*>(c)->co_qualname) + ">";
    if (Py_TYPE(c) == &FrozenSet_Type) {
        std::vector<std::string> items;
        Ref<> it = object_get_iter(c);
        while (it) {
            Ref<> item = iter_next(it.get());
            if (!item) break;
            items.push_back(const_repr(item.get()));
        }
        error_clear();
        std::sort(items.begin(), items.end());
        std::string s = "frozenset({";
        for (std::size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + items[i];
        return s + "})";
    }
    if (tuple_check_exact(c)) {
        std::string s = "(";
        for (Py_ssize_t i = 0; i < tuple_size(c); ++i) s += (i ? ", " : "") + const_repr(tuple_item(c, i));
        return s + (tuple_size(c) == 1 ? ",)" : ")");
    }
    return repr_of(c);
}

std::string hex_of(Object* bytes)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (unsigned char ch : bytes_view(bytes)) {
        s += digits[ch >> 4];
        s += digits[ch & 15];
    }
    return s;
}

std::string names_of(Object* tuple)
{
    std::string s;
    for (Py_ssize_t i = 0; i < tuple_size(tuple); ++i) s += (i ? " " : "") + str_of(tuple_item(tuple, i));
    return s;
}

void dump(CodeObject* co, std::vector<std::string>* out)
{
    char head[512];
    std::snprintf(head, sizeof head,
                  " name=%s firstlineno=%d argcount=%d posonly=%d kwonly=%d flags=%d stacksize=%d nlocals=%d",
                  str_of(co->co_name).c_str(), co->co_firstlineno, co->co_argcount, co->co_posonlyargcount,
                  co->co_kwonlyargcount, co->co_flags, co->co_stacksize, co->co_nlocals);
    out->push_back("code " + str_of(co->co_qualname) + head);
    out->push_back("  names: " + names_of(co->co_names));
    Ref<> varnames = code_get_varnames(co);
    Ref<> cellvars = code_get_cellvars(co);
    Ref<> freevars = code_get_freevars(co);
    out->push_back("  varnames: " + names_of(varnames.get()));
    out->push_back("  cellvars: " + names_of(cellvars.get()));
    out->push_back("  freevars: " + names_of(freevars.get()));
    for (Py_ssize_t i = 0; i < tuple_size(co->co_consts); ++i) {
        out->push_back("  const " + std::to_string(i) + ": " + const_repr(tuple_item(co->co_consts, i)));
    }
    Ref<> code = code_get_code(co);
    std::string_view bytes = bytes_view(code.get());
    // co_positions(): one (line, end_line, col, end_col) per code unit, in
    // one pass (addr2location per instruction would be quadratic).
    std::vector<std::array<int, 4>> positions;
    Ref<> iter = call_method(co, "co_positions");
    while (iter) {
        Ref<> item = iter_next(iter.get());
        if (!item) break;
        std::array<int, 4> pos{-1, -1, -1, -1};
        for (Py_ssize_t k = 0; k < 4 && k < tuple_size(item.get()); ++k) {
            Object* v = tuple_item(item.get(), k);
            if (v != Py_None()) pos[static_cast<std::size_t>(k)] = static_cast<int>(long_as_long_long(v));
        }
        positions.push_back(pos);
    }
    error_clear();
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        int op = static_cast<unsigned char>(bytes[i]);
        int arg = static_cast<unsigned char>(bytes[i + 1]);
        if (op == 0) continue;
        const char* name = opcode_name(op);
        std::array<int, 4> p{-1, -1, -1, -1};
        if (i / 2 < positions.size()) p = positions[i / 2];
        char pos[96];
        std::snprintf(pos, sizeof pos, " (%d, %d, %d, %d)", p[0], p[1], p[2], p[3]);
        out->push_back("  " + std::to_string(i) + " " + (name ? name : "<" + std::to_string(op) + ">") + " " +
                       std::to_string(arg) + pos);
    }
    out->push_back("  linetable: " + hex_of(co->co_linetable));
    out->push_back("  exceptiontable: " + hex_of(co->co_exceptiontable));
    for (Py_ssize_t i = 0; i < tuple_size(co->co_consts); ++i) {
        Object* c = tuple_item(co->co_consts, i);
        if (code_check(c)) dump(static_cast<CodeObject*>(c), out);
    }
}

std::string read_file(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// minipy's side, in codegen_reference.py's format.
std::string minipy_dump(const std::string& path, compiler::CompileMode mode = compiler::CompileMode::Exec,
                        int optimize = 0)
{
    runtime::initialize();
    std::string source = read_file(path);
    Ref<> co = compiler::compile_source(source, path, mode, optimize);
    if (!co) {
        auto info = compiler::syntax_error_info();
        if (info) {
            error_clear();
            char buf[1024];
            std::snprintf(buf, sizeof buf, "error: %s: %s (%d, %d, %d, %d)\n", info->type_name(), info->msg.c_str(),
                          info->lineno, info->offset, info->end_lineno, info->end_offset);
            return buf;
        }
        Ref<> exc = fetch_exception();
        return "exception: " + (exc ? repr_of(exc.get()) : std::string("?")) + "\n";
    }
    std::vector<std::string> lines;
    dump(static_cast<CodeObject*>(co.get()), &lines);
    std::string s;
    for (const std::string& l : lines) s += l + "\n";
    return s;
}

std::string reference_dump(const std::string& path, const char* mode = "exec", int optimize = 0)
{
    auto r = symtable_test::run(std::string(MINIPY_REFERENCE_PYTHON) + " '" MINIPY_SOURCE_DIR
                                "/tests/unit/compiler/codegen_reference.py' '" + path + "' " +
                                std::to_string(optimize) + " " + mode);
    return r.out;
}

// The first differing line with a little context, for a readable failure.
std::string first_difference(const std::string& want, const std::string& got)
{
    std::vector<std::string> a, b;
    std::stringstream sa(want), sb(got);
    for (std::string l; std::getline(sa, l);) a.push_back(l);
    for (std::string l; std::getline(sb, l);) b.push_back(l);
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    std::string s;
    std::size_t from = i >= 6 ? i - 6 : 0;
    for (std::size_t k = from; k < i; ++k) s += "   " + a[k] + "\n";
    for (std::size_t k = i; k < std::min(a.size(), i + 4); ++k) s += " - " + a[k] + "\n";
    for (std::size_t k = i; k < std::min(b.size(), i + 4); ++k) s += " + " + b[k] + "\n";
    return s;
}

std::vector<std::string> case_files()
{
    std::vector<std::string> files;
    const std::string dir = MINIPY_SOURCE_DIR "/tests/compiler/cases/codegen";
    if (!std::filesystem::exists(dir)) return files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".py") files.push_back(entry.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

// Corpus mode (tests/compiler/codegen_corpus.py): with MINIPY_CODEGEN_LIST
// naming a file of paths and MINIPY_CODEGEN_DIR a directory, writes
// minipy's dump of the i-th path to DIR/i.txt. Does nothing otherwise.
TEST_CASE("codegen: corpus dump (driven by tests/compiler/codegen_corpus.py)" * doctest::test_suite("ch07"))
{
    const char* list = std::getenv("MINIPY_CODEGEN_LIST");
    const char* dir = std::getenv("MINIPY_CODEGEN_DIR");
    if (list == nullptr || dir == nullptr) return;
    std::ifstream paths(list);
    int index = 0;
    for (std::string path; std::getline(paths, path); ++index) {
        std::ofstream(std::string(dir) + "/" + std::to_string(index) + ".txt", std::ios::binary) << minipy_dump(path);
    }
}

TEST_CASE("codegen: every case file compiles to python3.11's code objects" * doctest::test_suite("ch07"))
{
    if (std::getenv("MINIPY_CODEGEN_LIST")) return;  // corpus mode
    const char* only = std::getenv("MINIPY_CODEGEN_CASE");  // one file, for debugging
    std::vector<std::string> files = only ? std::vector<std::string>{only} : case_files();
    REQUIRE(!files.empty());
    int identical = 0;
    for (const std::string& path : files) {
        std::string want = reference_dump(path);
        std::string got = minipy_dump(path);
        if (const char* out = std::getenv("MINIPY_CODEGEN_OUT")) {  // full dump, for debugging
            std::ofstream(out, std::ios::binary) << got;
        }
        if (want == got) {
            ++identical;
            continue;
        }
        FAIL_CHECK(path << " differs from python3.11 (- python3.11, + minipy):\n" << first_difference(want, got));
    }
    MESSAGE(identical << "/" << files.size() << " case files identical");
}

TEST_CASE("codegen: eval and single modes, and -O/-OO, as compile() does" * doctest::test_suite("ch07"))
{
    if (std::getenv("MINIPY_CODEGEN_LIST")) return;  // corpus mode
    struct Case {
        const char* source;
        compiler::CompileMode mode;
        const char* mode_name;
        int optimize;
    };
    const char* docs = "\"\"\"doc\"\"\"\nassert x, 'm'\ndef f():\n    'd'\n    assert y\nclass C:\n    'c'\n";
    const Case cases[] = {
        {"a + b * f(c)\n", compiler::CompileMode::Eval, "eval", 0},
        {"[x for x in y if x]\n", compiler::CompileMode::Eval, "eval", 0},
        {"lambda: (yield)\n", compiler::CompileMode::Eval, "eval", 0},
        {"x = 1\n", compiler::CompileMode::Single, "single", 0},
        {"f(x)\n", compiler::CompileMode::Single, "single", 0},
        {"x; f(x)\n", compiler::CompileMode::Single, "single", 0},
        {docs, compiler::CompileMode::Exec, "exec", 1},
        {docs, compiler::CompileMode::Exec, "exec", 2},
        {"if __debug__:\n    x\n", compiler::CompileMode::Exec, "exec", 1},
    };
    int n = 0;
    for (const Case& c : cases) {
        const std::string path =
            "/tmp/minipy_codegen_mode_" + std::to_string(getpid()) + "_" + std::to_string(n++) + ".py";
        std::ofstream(path, std::ios::binary) << c.source;
        std::string want = reference_dump(path, c.mode_name, c.optimize);
        std::string got = minipy_dump(path, c.mode, c.optimize);
        std::remove(path.c_str());
        if (want != got) {
            FAIL_CHECK(std::string(c.mode_name) << " -O" << c.optimize << " of " << std::string(c.source)
                                               << " (- python3.11, + minipy):\n"
                                   << first_difference(want, got));
        }
    }
}
