// test_frames.cpp: the vm's frame stack and exception unwinding, checked
// from the outside: programs compiled by minipy run through
// vm::eval_code_object, their `result` compared with what python3.11 gives
// for the same source (run at test time), and the frame stack, the
// recursion budget and the reference total checked to come back to where
// they started. Book chapter 8.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "doctest/doctest.h"
#include "minipy/compiler/compile.h"
#include "minipy/config.h"
#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/pyerrors.h"
#include "minipy/runtime/pystate.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/vm/ceval.h"
#include "minipy/vm/pythonrun.h"

using namespace minipy;
using runtime::Ref;

namespace {

// repr(result) after python3.11 runs source (via a temporary file).
std::string reference_result(const std::string& source)
{
    char path[] = "/tmp/minipy_vm_test_XXXXXX";
    int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    close(fd);
    {
        std::ofstream out(path);
        out << source << "\nprint(repr(result))\n";
    }
    std::string cmd = std::string(MINIPY_REFERENCE_PYTHON) + " " + path;
    std::FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::string text;
    std::array<char, 4096> buf;
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) text.append(buf.data(), n);
    pclose(p);
    std::remove(path);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

// repr(result) after minipy compiles and runs source; "<exception>" if it raised.
// Starts the vm once. The allocator as in the runtime's tests: malloc
// unless PYTHONMALLOC says otherwise, so that LeakSanitizer sees every block.
void start_vm()
{
    static const bool allocator_set = [] {
        const char* name = std::getenv("PYTHONMALLOC");
        return memory::set_allocator_by_name(name && *name ? name : "malloc");
    }();
    (void)allocator_set;
    REQUIRE(vm::initialize({"test_vm"}));
}

std::string minipy_result(const std::string& source)
{
    start_vm();
    Ref<> code = compiler::compile_source(source, "<test>", compiler::CompileMode::Exec);
    REQUIRE(code);
    Ref<> globals = runtime::dict_new();
    REQUIRE(globals);
    Ref<> r = vm::eval_code_object(code.get(), globals.get());
    if (!r) {
        runtime::error_clear();
        return "<exception>";
    }
    runtime::Object* result = runtime::dict_get_item_string(globals.get(), "result");
    REQUIRE(result != nullptr);
    Ref<> repr = runtime::object_repr(result);
    REQUIRE(repr);
    // Functions point back at their globals: clearing the namespace breaks
    // the cycles that the collector (issue 8) would otherwise have to.
    runtime::dict_clear(globals.get());
    return runtime::unicode_to_std(repr.get());
}

// Runs source in minipy and python3.11 and compares; the frame stack and
// the recursion budget must be back where they were.
void check_same_result(const std::string& source)
{
    start_vm();
    runtime::ThreadState* ts = runtime::thread_state_get();
    const int remaining = ts->recursion_remaining;
    const int depth = vm::frame_stack_stats().depth;
    std::string ours = minipy_result(source);
    CHECK(ours == reference_result(source));
    CHECK(vm::frame_stack_stats().depth == depth);
    CHECK(ts->recursion_remaining == remaining);
    CHECK(vm::frame_stack_stats().chunks <= 1);
}

}  // namespace

TEST_CASE("a RecursionError unwinds every frame of the recursion")
{
    check_same_result("def down(n):\n"
                      "    return down(n + 1)\n"
                      "try:\n"
                      "    down(0)\n"
                      "except RecursionError as e:\n"
                      "    result = str(e)\n");
}

TEST_CASE("deep recursion spills into new data-stack chunks and gives them back")
{
    // Each frame has 40 locals: 900 of them need more than one 16K-word chunk.
    std::string params;
    for (int i = 0; i < 40; i++) params += ", a" + std::to_string(i) + "=" + std::to_string(i);
    check_same_result("def deep(n" + params + "):\n"
                      "    if n == 0:\n"
                      "        return a39\n"
                      "    return 1 + deep(n - 1)\n"
                      "result = [deep(900), deep(10)]\n");
}

TEST_CASE("exceptions caught at every depth leave the value stacks balanced")
{
    check_same_result("log = []\n"
                      "def inner(i):\n"
                      "    try:\n"
                      "        if i % 3 == 0:\n"
                      "            raise ValueError(i)\n"
                      "        return [i, (i, [i])]\n"
                      "    finally:\n"
                      "        log.append(i)\n"
                      "def middle(i):\n"
                      "    return (1, 2, inner(i), 3)\n"
                      "caught = 0\n"
                      "for i in range(3000):\n"
                      "    try:\n"
                      "        x = [0, 1, middle(i)]\n"
                      "    except ValueError:\n"
                      "        caught += 1\n"
                      "result = (caught, len(log), sum(log))\n");
}

TEST_CASE("an exception collects one traceback entry per frame it leaves")
{
    check_same_result("def a(): b()\n"
                      "def b(): c()\n"
                      "def c(): {}['k']\n"
                      "try:\n"
                      "    a()\n"
                      "except KeyError as e:\n"
                      "    tb, lines = e.__traceback__, []\n"
                      "    while tb:\n"
                      "        lines.append((tb.tb_lineno, tb.tb_frame.f_code.co_name))\n"
                      "        tb = tb.tb_next\n"
                      "    result = lines\n");
}

TEST_CASE("a re-raised exception keeps the position where it was raised (lasti)")
{
    check_same_result("def f():\n"
                      "    try:\n"
                      "        1 / 0\n"
                      "    finally:\n"
                      "        pass\n"
                      "try:\n"
                      "    f()\n"
                      "except ZeroDivisionError as e:\n"
                      "    result = (e.__traceback__.tb_next.tb_lineno, e.__traceback__.tb_next.tb_lasti)\n");
}

TEST_CASE("generators keep their frame off the data stack between resumptions")
{
    check_same_result("def gen(n):\n"
                      "    for i in range(n):\n"
                      "        try:\n"
                      "            yield i\n"
                      "        except KeyError:\n"
                      "            yield -i\n"
                      "gens = [gen(5) for _ in range(100)]\n"
                      "firsts = [next(g) for g in gens]\n"
                      "thrown = [g.throw(KeyError) for g in gens[:10]]\n"
                      "result = (sum(firsts), thrown[:3], [list(g) for g in gens[:2]])\n");
}

#if MINIPY_REF_DEBUG
TEST_CASE("running and unwinding leaks no references")
{
    start_vm();
    const char* source = "def f(n):\n"
                         "    try:\n"
                         "        if n: raise KeyError(n)\n"
                         "    except KeyError as e:\n"
                         "        return [e, n]\n"
                         "    return None\n"
                         "result = [f(i) for i in range(200)]\n"
                         "result = len(result)\n";
    (void)minipy_result(source);  // interned names and caches settle
    const runtime::Py_ssize_t before = runtime::get_ref_total();
    (void)minipy_result(source);
    CHECK(runtime::get_ref_total() == before);
}
#endif
