// test_exercise.cpp: the check of chapter 9's exercise (docs/chapters/memory.md):
// count the pools allocate_from_new_pool takes from an arena's list of empty
// pools, as MallocStats::pools_reused, and print it in debug_malloc_stats as
// "# pools reused from empty lists". Book chapter 9.
//
// Skipped in normal runs: minipy's own allocator does not have the counter.
// docs/chapters/exercises/memory/check.sh runs it with --no-skip, where it
// fails until the exercise is solved.
#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "memory_test_util.h"

using namespace minipy::memory;
using minipy::memory::testing::AllocatorScope;

namespace {

template <typename Stats>
constexpr bool solved = requires(const Stats& s) { s.pools_reused; };

template <typename Stats>
void check_pools_reused()
{
    if constexpr (solved<Stats>) {
        AllocatorScope scope("pymalloc");
        REQUIRE(scope.ok());
        auto reused = [] {
            const Stats s = get_malloc_stats();
            return std::size_t(s.pools_reused);
        };
        void* pin = object_malloc(16);  // keeps the arena mapped
        // Fill one pool of 512-byte blocks and empty it: it goes to the
        // arena's list of empty pools.
        std::vector<void*> blocks;
        const std::size_t start_pools = get_malloc_stats().classes[31].num_pools;
        while (get_malloc_stats().classes[31].num_pools == start_pools ||
               get_malloc_stats().classes[31].avail_blocks != 0) {
            blocks.push_back(object_malloc(512));
        }
        for (void* b : blocks) object_free(b);
        const std::size_t before = reused();

        void* a = object_malloc(300);  // a new pool: the empty one is reused
        CHECK(reused() == before + 1);
        void* b = object_malloc(300);  // same pool, no new pool at all
        CHECK(reused() == before + 1);

        // The statistics print it, in printone's columns.
        const std::string text = minipy::memory::testing::stats_text();
        std::ostringstream expected;
        expected << "# pools reused from empty lists";
        std::string line;
        std::istringstream in(text);
        bool found = false;
        while (std::getline(in, line)) {
            if (line.rfind(expected.str(), 0) != 0) continue;
            found = true;
            CHECK(line.size() == 57);
            CHECK(line.find('=') == 35);
            std::string digits;
            for (char c : line.substr(36)) {
                if (c >= '0' && c <= '9') digits += c;
            }
            CHECK(digits == std::to_string(before + 1));
        }
        CHECK_MESSAGE(found, "no '# pools reused from empty lists' line in debug_malloc_stats");
        object_free(a);
        object_free(b);
        object_free(pin);
    } else {
        FAIL("MallocStats has no pools_reused field yet: the exercise is not solved");
    }
}

}  // namespace

TEST_CASE("exercise ch09: pools reused from empty lists" * doctest::skip(!solved<MallocStats>))
{
    check_pools_reused<MallocStats>();
}
