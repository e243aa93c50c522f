// test_obmalloc_debug.cpp: the debug hooks of PYTHONMALLOC=debug.
// Covers memory/obmalloc_debug.cpp. Book chapter 9.
//
// The reports are compared with what python3.11 itself prints for the same
// mistakes, made through ctypes under PYTHONMALLOC=debug (addresses aside).
// Fatal reports run in a forked child; the others use the failure hook.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "memory_test_util.h"
#include "minipy/config.h"

using namespace minipy::memory;
using minipy::memory::testing::AllocatorScope;

namespace {

struct Failure {
    int count = 0;
    std::string func, message, report;
};
Failure last_failure;

void record_failure(const char* func, const char* message, const char* report)
{
    last_failure.count++;
    last_failure.func = func;
    last_failure.message = message;
    last_failure.report = report;
}

// Installs record_failure for one test.
struct HookScope {
    DebugFailureHook previous;
    HookScope() : previous(set_debug_failure_hook(record_failure)) { last_failure = Failure{}; }
    ~HookScope() { set_debug_failure_hook(previous); }
};

// The mistakes, numbered as in the Python script below (DoubleFree is
// minipy's own: CPython 3.11 usually crashes on it).
enum class Mistake { Tail, Lead, Api, DoubleFree };

void make_mistake(Mistake m)
{
    auto* p = static_cast<unsigned char*>(object_malloc(10));
    switch (m) {
    case Mistake::Tail: p[10] = 0; object_free(p); break;
    case Mistake::Lead: p[-1] = 0; object_free(p); break;
    case Mistake::Api: mem_free(p); break;
    case Mistake::DoubleFree: object_free(p); object_free(p); break;
    }
}

// Runs make_mistake in a child with stderr captured; returns that text and
// the wait status.
std::string stderr_of_child(Mistake m, int* status)
{
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    std::fflush(nullptr);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 2);
        // The test runner's crash handlers must not see the expected abort.
        std::signal(SIGABRT, SIG_DFL);
        std::signal(SIGSEGV, SIG_DFL);
        make_mistake(m);
        _exit(0);  // not reached if the hooks work
    }
    close(fds[1]);
    std::string out;
    char buf[512];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, std::size_t(n));
    close(fds[0]);
    waitpid(pid, status, 0);
    return out;
}

// The same mistake made by python3.11 through ctypes.
std::string stderr_of_cpython(Mistake m)
{
    const char* script =
        "import ctypes, sys\n"
        "api = ctypes.pythonapi\n"
        "api.PyObject_Malloc.restype = ctypes.c_void_p\n"
        "api.PyObject_Malloc.argtypes = [ctypes.c_size_t]\n"
        "api.PyObject_Free.argtypes = [ctypes.c_void_p]\n"
        "api.PyMem_Free.argtypes = [ctypes.c_void_p]\n"
        "p = api.PyObject_Malloc(10)\n"
        "m = sys.argv[1]\n"
        "if m == '0': ctypes.memset(p + 10, 0, 1); api.PyObject_Free(p)\n"
        "if m == '1': ctypes.memset(p - 1, 0, 1); api.PyObject_Free(p)\n"
        "if m == '2': api.PyMem_Free(p)\n";
    std::ostringstream cmd;
    cmd << "PYTHONMALLOC=debug " << MINIPY_REFERENCE_PYTHON << " -c \"" << script << "\" "
        << int(m) << " 2>&1";
    return minipy::memory::testing::run_command(cmd.str());
}

// Keeps the dump and the "Fatal Python error" line; drops addresses, the
// tracemalloc hint (minipy has no tracemalloc) and CPython's runtime state
// and traceback after the fatal line.
std::string normalize_report(const std::string& text)
{
    static const std::regex address("(p|tail)=0x[0-9a-f]+");
    std::istringstream in(text);
    std::string line, out;
    while (std::getline(in, line)) {
        if (line.rfind("Enable tracemalloc", 0) == 0) continue;
        if (line.empty()) continue;
        out += std::regex_replace(line, address, "$1=ADDR") + "\n";
        if (line.rfind("Fatal Python error:", 0) == 0) break;
    }
    return out;
}

}  // namespace

TEST_CASE("debug hooks: fatal reports read like CPython 3.11's and abort")
{
    AllocatorScope scope("debug");
    REQUIRE(scope.ok());
    for (Mistake m : {Mistake::Tail, Mistake::Lead, Mistake::Api}) {
        CAPTURE(int(m));
        int status = 0;
        const std::string ours = stderr_of_child(m, &status);
        CHECK(WIFSIGNALED(status));
        if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == SIGABRT);
        const std::string reference = normalize_report(stderr_of_cpython(m));
        REQUIRE(reference.find("Fatal Python error:") != std::string::npos);
        CHECK(normalize_report(ours) == reference);
    }
}

TEST_CASE("debug hooks: writes past the end and before the start are caught")
{
    AllocatorScope scope("debug");
    REQUIRE(scope.ok());
    HookScope hook;
    for (std::size_t n : {1, 10, 24, 512, 2000}) {
        CAPTURE(n);
        auto* p = static_cast<unsigned char*>(object_malloc(n));
        p[n] = 'x';
        object_free(p);
        CHECK(last_failure.count == 1);
        CHECK(last_failure.func == "_PyMem_DebugRawFree");
        CHECK(last_failure.message == "bad trailing pad byte");
        CHECK(last_failure.report.find("at tail+0: 0x78 *** OUCH") != std::string::npos);
        p[n] = 0xfd;  // repair, then the free goes through
        object_free(p);
        CHECK(last_failure.count == 1);

        p = static_cast<unsigned char*>(object_malloc(n));
        p[-3] = 0;
        auto* q = object_realloc(p, n + 1);
        CHECK(q == nullptr);
        CHECK(last_failure.count == 2);
        CHECK(last_failure.func == "_PyMem_DebugRawRealloc");
        CHECK(last_failure.message == "bad leading pad byte");
        CHECK(last_failure.report.find("at p-3: 0x00 *** OUCH") != std::string::npos);
        p[-3] = 0xfd;
        object_free(p);
        last_failure = Failure{};
    }
    CHECK(get_allocated_blocks() == 0);
}

TEST_CASE("debug hooks: freeing with the other API is caught")
{
    AllocatorScope scope("debug");
    REQUIRE(scope.ok());
    HookScope hook;
    void* o = object_malloc(30);
    mem_free(o);
    CHECK(last_failure.message == "bad ID: Allocated using API 'o', verified using API 'm'");
    object_free(o);
    void* m = mem_malloc(30);
    object_free(m);
    CHECK(last_failure.message == "bad ID: Allocated using API 'm', verified using API 'o'");
    mem_free(m);
    CHECK(last_failure.count == 2);
}

TEST_CASE("debug hooks: fill patterns for new and freed memory, guards kept by realloc")
{
    AllocatorScope scope("debug");
    REQUIRE(scope.ok());
    HookScope hook;
    auto* p = static_cast<unsigned char*>(object_malloc(40));
    for (int i = 0; i < 40; ++i) REQUIRE(p[i] == 0xCD);  // CLEANBYTE
    std::memset(p, 7, 40);
    p = static_cast<unsigned char*>(object_realloc(p, 100));
    REQUIRE(p != nullptr);
    for (int i = 0; i < 40; ++i) REQUIRE(p[i] == 7);
    for (int i = 40; i < 100; ++i) REQUIRE(p[i] == 0xCD);
    p[100] = 0;  // past the new end
    object_free(p);
    CHECK(last_failure.message == "bad trailing pad byte");
    p[100] = 0xfd;
    object_free(p);

    auto* z = static_cast<unsigned char*>(object_calloc(5, 8));
    for (int i = 0; i < 40; ++i) REQUIRE(z[i] == 0);
    object_free(z);
    CHECK(last_failure.count == 1);

    if (current_allocator() == Allocator::Debug && !MINIPY_TEST_ASAN) {
        // Over pymalloc the freed block stays in its pool, so its bytes can
        // be looked at: DEADBYTE everywhere but the free-list link. (Under
        // ASan pymalloc poisons freed blocks, so reading them is an error:
        // test_obmalloc.cpp checks that instead.)
        auto* d = static_cast<unsigned char*>(object_malloc(32));
        object_free(d);
        for (int i = 0; i < 32; ++i) REQUIRE(d[i] == 0xDD);
    }
}

TEST_CASE("debug hooks: a double free is reported as such (over pymalloc)")
{
    AllocatorScope scope("pymalloc_debug");
    if (!scope.ok()) return;  // MINIPY_SYSTEM_MALLOC: malloc reports it itself
    HookScope hook;
    void* p = object_malloc(24);
    object_free(p);
    CHECK(last_failure.count == 0);
    object_free(p);
    CHECK(last_failure.count == 1);
    CHECK(last_failure.func == "_PyMem_DebugRawFree");
    CHECK(last_failure.message.find("double free") != std::string::npos);
    CHECK(last_failure.report.find("already freed") != std::string::npos);
    CHECK(get_allocated_blocks() == 0);
}

TEST_CASE("debug hooks: malloc_debug wraps malloc with the same guards")
{
    AllocatorScope scope("malloc_debug");
    REQUIRE(scope.ok());
    CHECK(std::string(current_allocator_name()) == "malloc_debug");
    HookScope hook;
    auto* p = static_cast<unsigned char*>(mem_malloc(700));
    for (int i = 0; i < 700; ++i) REQUIRE(p[i] == 0xCD);
    p[700] = 1;
    mem_free(p);
    CHECK(last_failure.message == "bad trailing pad byte");
    p[700] = 0xfd;
    mem_free(p);
    CHECK(get_allocated_blocks() == 0);  // pymalloc is not in use
}

TEST_CASE("debug hooks: a double free is a fatal error under either allocator")
{
    for (const char* name : {"pymalloc_debug", "malloc_debug"}) {
        AllocatorScope scope(name);
        if (!scope.ok()) continue;
        CAPTURE(std::string(name));
        int status = 0;
        const std::string out = stderr_of_child(Mistake::DoubleFree, &status);
        CHECK_FALSE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
        // The hooks name it; under ASan, reading a header malloc already
        // took back is reported by ASan first.
        const bool named = out.find("double free") != std::string::npos ||
                           out.find("heap-use-after-free") != std::string::npos;
        CHECK_MESSAGE(named, out);
    }
}
