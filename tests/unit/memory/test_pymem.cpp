// test_pymem.cpp: the allocation funnel under whichever allocator runs the
// tests, the PYTHONMALLOC names, and the statistics.
// Covers memory/pymem.cpp and memory/obmalloc_stats.cpp. Book chapter 9.
//
// Like python3.11, this binary reads PYTHONMALLOC at start-up, so CTest runs
// it once per allocator (tests/memory/CMakeLists.txt): the funnel tests
// below then run on pymalloc, on malloc (where ASan sees every block) and
// under the debug hooks.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <regex>
#include <sstream>
#include <vector>

#include "memory_test_util.h"
#include "minipy/config.h"

using namespace minipy::memory;
using minipy::memory::testing::AllocatorScope;
using minipy::memory::testing::small_blocks_in_use;
using minipy::memory::testing::stats_text;

namespace {

// Before main, as CPython's preconfig does: PYTHONMALLOC picks the allocator.
const bool env_allocator_ok = [] {
    const char* name = std::getenv("PYTHONMALLOC");
    return name == nullptr || *name == '\0' || set_allocator_by_name(name);
}();

}  // namespace

TEST_CASE("PYTHONMALLOC names: CPython 3.11's, and nothing else")
{
    CHECK(env_allocator_ok);
    const std::string start = current_allocator_name();
    {
        AllocatorScope scope("malloc");
        CHECK(scope.ok());
        CHECK(current_allocator() == Allocator::Malloc);
        CHECK(std::string(current_allocator_name()) == "malloc");
    }
    {
        AllocatorScope scope("default");
        CHECK(scope.ok());
        CHECK(std::string(current_allocator_name()) ==
              (MINIPY_SYSTEM_MALLOC ? "malloc" : "pymalloc"));
    }
    {
        AllocatorScope scope("debug");
        CHECK(scope.ok());
        CHECK(std::string(current_allocator_name()) ==
              (MINIPY_SYSTEM_MALLOC ? "malloc_debug" : "pymalloc_debug"));
    }
    for (const char* bad : {"bogus", "MALLOC", "", "malloc ", "pymalloc-debug"}) {
        CAPTURE(bad);
        CHECK_FALSE(set_allocator_by_name(bad));
    }
    CHECK(set_allocator_by_name("pymalloc") == !MINIPY_SYSTEM_MALLOC);
    CHECK(set_allocator_by_name(start.c_str()));
    CHECK(std::string(current_allocator_name()) == start);

    // python3.11 agrees on which names are valid.
    for (const char* name : {"malloc", "debug", "pymalloc", "malloc_debug", "bogus", "MALLOC"}) {
        std::ostringstream cmd;
        cmd << "PYTHONMALLOC=" << name << " " << MINIPY_REFERENCE_PYTHON
            << " -c pass >/dev/null 2>&1 && echo ok";
        bool cpython_accepts = minipy::memory::testing::run_command(cmd.str()) == "ok\n";
        // A MINIPY_SYSTEM_MALLOC build is a CPython built --without-pymalloc.
        if (MINIPY_SYSTEM_MALLOC && std::strncmp(name, "pymalloc", 8) == 0) cpython_accepts = false;
        AllocatorScope scope(name);
        CHECK_MESSAGE(scope.ok() == cpython_accepts, std::string(name));
    }
}

TEST_CASE("funnel: blocks are distinct, aligned, writable, and keep their data")
{
    std::vector<unsigned char*> blocks;
    for (std::size_t n = 0; n < 2000; n += 7) {
        auto* p = static_cast<unsigned char*>(n % 2 ? object_malloc(n) : mem_malloc(n));
        REQUIRE(p != nullptr);
        CHECK(reinterpret_cast<std::uintptr_t>(p) % 16 == 0);
        std::memset(p, int(n & 0xff), n);
        blocks.push_back(p);
    }
    std::vector<unsigned char*> sorted = blocks;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const std::size_t n = i * 7;
        for (std::size_t j = 0; j < n; ++j) REQUIRE(blocks[i][j] == (n & 0xff));
        n % 2 ? object_free(blocks[i]) : mem_free(blocks[i]);
    }
    object_free(nullptr);
    mem_free(nullptr);
    auto* c = static_cast<unsigned char*>(mem_calloc(3, 100));
    REQUIRE(c != nullptr);
    for (int i = 0; i < 300; ++i) REQUIRE(c[i] == 0);
    c = static_cast<unsigned char*>(mem_realloc(c, 5000));
    REQUIRE(c != nullptr);
    for (int i = 0; i < 300; ++i) REQUIRE(c[i] == 0);
    mem_free(c);
    CHECK(get_allocated_blocks() == 0);
}

TEST_CASE("funnel: a million allocate/free cycles bring the statistics back to the start")
{
    // Warm up once: the last arena stays mapped after everything is freed
    // (bpo-37257), so the start picture already has it.
    object_free(object_malloc(8));
    const MallocStats start = get_malloc_stats();
    const std::size_t start_blocks = get_allocated_blocks();
    struct Slot {
        void* p = nullptr;
        bool object_api = false;  // freed with the API that allocated it
    };
    std::mt19937 rng(20261126);
    std::vector<Slot> live(4096);
    std::uniform_int_distribution<std::size_t> pick(0, live.size() - 1);
    std::uniform_int_distribution<std::size_t> small(1, 512);
    std::uniform_int_distribution<std::size_t> large(513, 4000);
    std::size_t peak_arenas = 0;
    for (int i = 0; i < 1000000; ++i) {
        Slot& s = live[pick(rng)];
        if (s.p != nullptr) s.object_api ? object_free(s.p) : mem_free(s.p);
        const std::size_t n = i % 50 == 0 ? large(rng) : small(rng);
        s.object_api = (i & 1) != 0;
        s.p = s.object_api ? object_malloc(n) : mem_malloc(n);
        REQUIRE(s.p != nullptr);
        static_cast<unsigned char*>(s.p)[n - 1] = 1;
        if (i % 65536 == 0) {
            peak_arenas = std::max(peak_arenas, get_malloc_stats().arenas_allocated_current);
        }
    }
    for (Slot& s : live) {
        if (s.p != nullptr) s.object_api ? object_free(s.p) : mem_free(s.p);
    }
    const MallocStats end = get_malloc_stats();
    CHECK(get_allocated_blocks() == start_blocks);
    CHECK(end.pymalloc_enabled == start.pymalloc_enabled);
    REQUIRE(end.classes.size() == start.classes.size());
    for (std::size_t i = 0; i < end.classes.size(); ++i) {
        CAPTURE(i);
        CHECK(end.classes[i].num_pools == start.classes[i].num_pools);
        CHECK(end.classes[i].blocks_in_use == start.classes[i].blocks_in_use);
        CHECK(end.classes[i].avail_blocks == start.classes[i].avail_blocks);
    }
    CHECK(end.raw_allocated_blocks == start.raw_allocated_blocks);
    CHECK(end.arenas_allocated_current == start.arenas_allocated_current);
    CHECK(end.bytes_in_allocated_blocks == start.bytes_in_allocated_blocks);
    CHECK(end.used_pools == start.used_pools);
    CHECK(end.full_pools == start.full_pools);
    if (end.pymalloc_enabled) {
        CHECK(peak_arenas > start.arenas_allocated_current);
        CHECK(end.arenas_reclaimed > start.arenas_reclaimed);
        CHECK(end.unused_pools * end.pool_size + end.bytes_lost_to_arena_alignment ==
              end.arenas_allocated_current * end.arena_size);
    }
}

namespace {

// A line of the allocator part of sys._debugmallocstats() with its numbers
// blanked and its padding squeezed: what must be identical whatever the heap
// looks like. printone's lines ("label   =   value") keep their columns: the
// '=' at 35 and the value right-aligned to 57.
std::string shape_of(const std::string& line)
{
    static const std::regex number("[0-9][0-9,]*");
    static const std::regex spaces("  +");
    std::string shape = std::regex_replace(std::regex_replace(line, number, "N"), spaces, " ");
    if (line.find('=') != std::string::npos && line.rfind("Small block", 0) != 0) {
        shape += " @" + std::to_string(line.find('=')) + "/" + std::to_string(line.size());
    }
    return shape;
}

// The obmalloc part: from "Small block threshold" to the line before the
// free-list lines CPython's object types add.
std::vector<std::string> obmalloc_lines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    bool inside = false;
    while (std::getline(in, line)) {
        if (line.rfind("Small block threshold", 0) == 0) inside = true;
        if (!inside) continue;
        if (line.find(" free ") != std::string::npos) break;
        lines.push_back(line);
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

}  // namespace

TEST_CASE("debug_malloc_stats: CPython 3.11's layout, with numbers that add up")
{
    AllocatorScope scope("pymalloc");
    if (!scope.ok()) {
        CHECK(stats_text().empty());  // like CPython with PYTHONMALLOC=malloc
        return;
    }
    const std::vector<std::string> theirs = obmalloc_lines(minipy::memory::testing::run_command(
        std::string("env -u PYTHONMALLOC ") + MINIPY_REFERENCE_PYTHON +
        " -c 'import sys; sys._debugmallocstats()' 2>&1"));
    REQUIRE(theirs.size() > 10);
    std::vector<void*> blocks;
    for (int i = 0; i < 3000; ++i) blocks.push_back(object_malloc(1 + (i * 37) % 512));
    const std::vector<std::string> ours = obmalloc_lines(stats_text());
    CHECK(ours.size() > 10);
    // Same first line: same threshold and number of classes.
    CHECK(ours[0] == theirs[0]);
    // The table: same header, rows of the same width and shape (CPython's
    // own heap decides which classes have rows).
    std::vector<std::string> our_rest, their_rest;
    std::size_t our_rows = 0, their_rows = 0;
    auto split = [&](const std::vector<std::string>& lines, std::vector<std::string>& rest,
                     std::size_t& rows, std::size_t& row_width) {
        static const std::regex row(" *[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+");
        for (const std::string& l : lines) {
            // The chapter exercise's counter (test_exercise.cpp) is minipy's own.
            if (l.rfind("# pools reused from empty lists", 0) == 0) continue;
            if (std::regex_match(l, row)) {
                rows++;
                row_width = l.size();
            } else {
                rest.push_back(shape_of(l));
            }
        }
    };
    std::size_t our_width = 0, their_width = 0;
    split(ours, our_rest, our_rows, our_width);
    split(theirs, their_rest, their_rows, their_width);
    CHECK(our_rows > 0);
    CHECK(our_width == their_width);
    CHECK(our_rest == their_rest);

    // The numbers: the accounting covers the arenas exactly.
    const MallocStats s = get_malloc_stats();
    CHECK(s.bytes_in_allocated_blocks + s.bytes_in_available_blocks + s.unused_pools * s.pool_size +
              s.bytes_lost_to_pool_headers + s.bytes_lost_to_quantization +
              s.bytes_lost_to_arena_alignment ==
          s.arenas_allocated_current * s.arena_size);
    std::size_t expected_bytes = 0;
    for (int i = 0; i < 3000; ++i) expected_bytes += (1 + (i * 37) % 512 + 15) / 16 * 16;
    CHECK(s.bytes_in_allocated_blocks == expected_bytes);
    CHECK(small_blocks_in_use(s) == 3000);
    CHECK(get_allocated_blocks() == 3000);
    for (void* b : blocks) object_free(b);
    CHECK(get_allocated_blocks() == 0);
}
