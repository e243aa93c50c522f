// memory_test_util.h: helpers shared by the memory stage's unit tests.
// Book chapter 9. Only the stage's public header is used, so a learner's
// rebuilt memory stage is checked by the same tests.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "minipy/memory/obmalloc.h"

// Whether this test binary runs under AddressSanitizer.
#if defined(__SANITIZE_ADDRESS__)
#define MINIPY_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MINIPY_TEST_ASAN 1
#endif
#endif
#ifndef MINIPY_TEST_ASAN
#define MINIPY_TEST_ASAN 0
#endif

namespace minipy::memory::testing {

// Switches to an allocator for one test and back to the one chosen at
// start-up (PYTHONMALLOC, see test_pymem.cpp) afterwards. Every block the
// test allocates must be freed before the scope ends: switching with live
// blocks is a fatal error. `ok` is false when this build does not offer the
// allocator (pymalloc names in a MINIPY_SYSTEM_MALLOC build).
class AllocatorScope {
public:
    explicit AllocatorScope(const char* name)
        : previous_(current_allocator_name()), ok_(set_allocator_by_name(name))
    {
    }
    ~AllocatorScope() { (void)set_allocator_by_name(previous_.c_str()); }
    AllocatorScope(const AllocatorScope&) = delete;
    AllocatorScope& operator=(const AllocatorScope&) = delete;
    bool ok() const { return ok_; }

private:
    std::string previous_;
    bool ok_;
};

// The total of blocks in use over all size classes.
inline std::size_t small_blocks_in_use(const MallocStats& s)
{
    std::size_t n = 0;
    for (const SizeClassStats& c : s.classes) n += c.blocks_in_use;
    return n;
}

// Everything debug_malloc_stats prints, as a string.
inline std::string stats_text()
{
    std::FILE* f = std::tmpfile();
    if (f == nullptr) return {};
    debug_malloc_stats(f);
    std::string text;
    std::rewind(f);
    char buf[512];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    std::fclose(f);
    return text;
}

// Runs a shell command and returns its standard output.
inline std::string run_command(const std::string& command)
{
    std::string out;
    std::FILE* p = popen(command.c_str(), "r");
    if (p == nullptr) return out;
    char buf[512];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    return out;
}

}  // namespace minipy::memory::testing
