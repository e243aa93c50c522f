// test_obmalloc.cpp: pymalloc's arenas, pools and blocks, seen through the
// funnel and the statistics. Covers memory/obmalloc.cpp. Book chapter 9.
//
// The rules checked here are CPython 3.11's (Objects/obmalloc.c): requests
// of 1..512 bytes are rounded up to a multiple of 16 and served from pools
// of one size class; 0 and larger requests go to malloc; a freed block is
// the next one handed out (LIFO free list); arenas are given back when all
// their pools are empty, except the last usable one.
#include <doctest/doctest.h>
#include <sys/mman.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <set>
#include <unistd.h>
#include <vector>

#include "memory_test_util.h"

using namespace minipy::memory;
using minipy::memory::testing::AllocatorScope;
using minipy::memory::testing::small_blocks_in_use;

namespace {

// CPython's rounding: (n + 15) / 16 * 16 for 1 <= n <= 512.
std::size_t cpython_block_size(std::size_t n) { return (n + 15) / 16 * 16; }

bool page_is_mapped(const void* p)
{
    const long page = sysconf(_SC_PAGESIZE);
    auto addr = reinterpret_cast<std::uintptr_t>(p) & ~std::uintptr_t(page - 1);
    unsigned char vec = 0;
    return mincore(reinterpret_cast<void*>(addr), std::size_t(page), &vec) == 0 || errno != ENOMEM;
}

// Blocks per pool of the class serving `size` bytes: one pool's worth of
// blocks in use plus available, read from the statistics.
std::size_t blocks_per_pool(std::size_t size)
{
    void* p = object_malloc(size);
    const MallocStats s = get_malloc_stats();
    const SizeClassStats& c = s.classes[cpython_block_size(size) / 16 - 1];
    const std::size_t per_pool = (c.blocks_in_use + c.avail_blocks) / c.num_pools;
    object_free(p);
    return per_pool;
}

}  // namespace

TEST_CASE("pymalloc: requests are rounded to 16-byte size classes up to 512 bytes")
{
    AllocatorScope scope("pymalloc");
    if (!scope.ok()) return;  // a MINIPY_SYSTEM_MALLOC build has no pymalloc
    const MallocStats start = get_malloc_stats();
    REQUIRE(start.pymalloc_enabled);
    CHECK(start.small_request_threshold == 512);
    REQUIRE(start.classes.size() == 32);
    for (std::size_t i = 0; i < start.classes.size(); ++i) CHECK(start.classes[i].size == 16 * (i + 1));

    for (std::size_t n = 1; n <= 512; ++n) {
        void* p = object_malloc(n);
        REQUIRE(p != nullptr);
        CHECK(reinterpret_cast<std::uintptr_t>(p) % 16 == 0);
        std::memset(p, 0xab, n);
        const MallocStats now = get_malloc_stats();
        const std::size_t cls = cpython_block_size(n) / 16 - 1;
        for (std::size_t i = 0; i < now.classes.size(); ++i) {
            const std::size_t expected = start.classes[i].blocks_in_use + (i == cls ? 1 : 0);
            if (now.classes[i].blocks_in_use != expected) {
                FAIL_CHECK("request of " << n << " bytes counted in class " << i);
            }
        }
        CHECK(now.raw_allocated_blocks == start.raw_allocated_blocks);
        object_free(p);
    }

    // Two blocks taken in a row from a fresh pool are adjacent: the distance
    // is the block size.
    // (One request size per class: a pool that served the class before keeps
    // its old free list, in LIFO order, hence the absolute distance.)
    for (std::size_t n : {1, 17, 100, 250, 512}) {
        const std::size_t per_pool = blocks_per_pool(n);
        std::vector<char*> blocks;
        for (std::size_t i = 0; i < per_pool + 2; ++i) blocks.push_back(static_cast<char*>(object_malloc(n)));
        // The last two came from a pool started within this loop.
        const std::ptrdiff_t distance = blocks[per_pool + 1] - blocks[per_pool];
        CHECK(std::size_t(distance < 0 ? -distance : distance) == cpython_block_size(n));
        for (char* b : blocks) object_free(b);
    }

    // 0 and more than 512 bytes go to malloc.
    for (std::size_t n : {0, 513, 4096, 1 << 20}) {
        void* p = object_malloc(n);
        REQUIRE(p != nullptr);
        const MallocStats now = get_malloc_stats();
        CHECK(now.raw_allocated_blocks == start.raw_allocated_blocks + 1);
        CHECK(small_blocks_in_use(now) == small_blocks_in_use(start));
        object_free(p);
    }
    CHECK(get_malloc_stats().raw_allocated_blocks == start.raw_allocated_blocks);
}

TEST_CASE("pymalloc: a freed block is the next one handed out (LIFO free list)")
{
    AllocatorScope scope("pymalloc");
    if (!scope.ok()) return;
    void* a = object_malloc(40);
    void* b = object_malloc(40);
    void* c = object_malloc(40);
    CHECK(a != b);
    CHECK(b != c);
    object_free(b);
    void* d = object_malloc(33);  // same class (48 bytes)
    CHECK(d == b);
    object_free(a);
    object_free(d);
    // The most recently freed first.
    CHECK(object_malloc(48) == d);
    CHECK(object_malloc(48) == a);
    object_free(a);
    object_free(c);
    object_free(d);
    // mem_* shares the allocator in 3.11.
    void* m = mem_malloc(40);
    mem_free(m);
    void* o = object_malloc(40);
    CHECK(o == m);
    object_free(o);
}

TEST_CASE("pymalloc: pools move between used, full and empty")
{
    AllocatorScope scope("pymalloc");
    if (!scope.ok()) return;
    const std::size_t size = 512;
    const std::size_t per_pool = blocks_per_pool(size);
    REQUIRE(per_pool > 1);
    // A block of another class pins the current arena, so emptying the test
    // pool cannot release the arena with it.
    void* pin = object_malloc(16);
    const MallocStats start = get_malloc_stats();
    const SizeClassStats c0 = start.classes[size / 16 - 1];

    std::vector<void*> blocks;
    blocks.push_back(object_malloc(size));
    MallocStats s = get_malloc_stats();
    CHECK(s.classes[size / 16 - 1].num_pools == c0.num_pools + 1);
    CHECK(s.used_pools == start.used_pools + 1);
    // The pool came from an arena's empty list or was carved fresh.
    const std::size_t empty_after_first = s.empty_pools;

    while (blocks.size() < per_pool) blocks.push_back(object_malloc(size));
    s = get_malloc_stats();
    CHECK(s.full_pools == start.full_pools + 1);  // every block taken: full
    CHECK(s.used_pools == start.used_pools);
    CHECK(s.classes[size / 16 - 1].avail_blocks == c0.avail_blocks);

    object_free(blocks.back());  // full -> used
    blocks.pop_back();
    s = get_malloc_stats();
    CHECK(s.full_pools == start.full_pools);
    CHECK(s.used_pools == start.used_pools + 1);

    const std::size_t unused_before = s.unused_pools;
    for (void* b : blocks) object_free(b);  // used -> empty
    s = get_malloc_stats();
    CHECK(s.used_pools == start.used_pools);
    CHECK(s.classes[size / 16 - 1].num_pools == c0.num_pools);
    CHECK(s.empty_pools == empty_after_first + 1);
    CHECK(s.unused_pools == unused_before + 1);

    // An empty pool serves any class next: no new pool is carved.
    void* other = object_malloc(100);
    s = get_malloc_stats();
    CHECK(s.empty_pools == empty_after_first);
    CHECK(s.unused_pools == unused_before);
    object_free(other);
    object_free(pin);
}

TEST_CASE("pymalloc: arenas are returned to the OS when all their pools are free")
{
    AllocatorScope scope("pymalloc");
    if (!scope.ok()) return;
    const MallocStats start = get_malloc_stats();
    REQUIRE(start.arena_size > 0);
    // Enough 512-byte blocks for several arenas.
    const std::size_t count = 6 * start.arena_size / 512;
    std::vector<void*> blocks(count);
    for (void*& b : blocks) b = object_malloc(512);
    const MallocStats full = get_malloc_stats();
    CHECK(full.arenas_allocated_current >= start.arenas_allocated_current + 5);
    CHECK(full.arenas_highwater_mark >= full.arenas_allocated_current);
    CHECK(full.arenas_allocated_total - start.arenas_allocated_total ==
          full.arenas_allocated_current - start.arenas_allocated_current);
    // One block per arena, to look at its pages after the release.
    std::vector<void*> probes;
    for (std::size_t i = 0; i < count; i += count / 6) probes.push_back(blocks[i]);

    for (void* b : blocks) object_free(b);
    const MallocStats end = get_malloc_stats();
    // All released but one: CPython keeps the last usable arena (bpo-37257).
    CHECK(end.arenas_allocated_current <= 1);
    CHECK(end.arenas_reclaimed - start.arenas_reclaimed >=
          full.arenas_allocated_current - 1 - start.arenas_allocated_current);
    CHECK(end.arenas_highwater_mark == full.arenas_highwater_mark);
    CHECK(small_blocks_in_use(end) == 0);
    std::size_t unmapped = 0;
    for (void* p : probes) unmapped += page_is_mapped(p) ? 0 : 1;
    CHECK(unmapped >= probes.size() - 1);
}

TEST_CASE("pymalloc: realloc across the small/large boundary keeps the data")
{
    AllocatorScope scope("pymalloc");
    if (!scope.ok()) return;
    const MallocStats start = get_malloc_stats();
    auto* p = static_cast<unsigned char*>(object_malloc(100));
    for (int i = 0; i < 100; ++i) p[i] = static_cast<unsigned char>(i);

    // Growing within the block's class keeps it in place (112 bytes).
    CHECK(object_realloc(p, 112) == p);
    // Shrinking by less than a quarter keeps it too; by more, it moves.
    CHECK(object_realloc(p, 90) == p);
    auto* q = static_cast<unsigned char*>(object_realloc(p, 50));
    REQUIRE(q != nullptr);
    CHECK(q != p);
    for (int i = 0; i < 50; ++i) CHECK(q[i] == i);

    // Small -> large: the block moves to malloc.
    auto* big = static_cast<unsigned char*>(object_realloc(q, 1000));
    REQUIRE(big != nullptr);
    for (int i = 0; i < 50; ++i) CHECK(big[i] == i);
    MallocStats s = get_malloc_stats();
    CHECK(s.raw_allocated_blocks == start.raw_allocated_blocks + 1);
    CHECK(small_blocks_in_use(s) == small_blocks_in_use(start));

    // Large -> small: malloc keeps it (copying would cost more than it saves).
    auto* back = static_cast<unsigned char*>(object_realloc(big, 40));
    REQUIRE(back != nullptr);
    for (int i = 0; i < 40; ++i) CHECK(back[i] == i);
    s = get_malloc_stats();
    CHECK(s.raw_allocated_blocks == start.raw_allocated_blocks + 1);
    object_free(back);

    // realloc(nullptr, n) is malloc; realloc(p, 0) returns a usable block.
    void* r = object_realloc(nullptr, 24);
    REQUIRE(r != nullptr);
    void* z = object_realloc(r, 0);
    CHECK(z != nullptr);
    object_free(z);
    s = get_malloc_stats();
    CHECK(s.raw_allocated_blocks == start.raw_allocated_blocks);
    CHECK(small_blocks_in_use(s) == small_blocks_in_use(start));
}

TEST_CASE("pymalloc: calloc zeroes small and large blocks, and refuses overflow")
{
    AllocatorScope scope("pymalloc");
    if (!scope.ok()) return;
    // Dirty a block first so the zeroing is not free.
    void* dirty = object_malloc(64);
    std::memset(dirty, 0xee, 64);
    object_free(dirty);
    for (std::size_t n : {1, 4, 16, 300}) {
        auto* p = static_cast<unsigned char*>(object_calloc(n, 4));
        REQUIRE(p != nullptr);
        for (std::size_t i = 0; i < n * 4; ++i) REQUIRE(p[i] == 0);
        object_free(p);
    }
    CHECK(object_calloc(SIZE_MAX / 2, 3) == nullptr);
    void* zero = object_calloc(0, 0);
    CHECK(zero != nullptr);
    object_free(zero);
}

TEST_CASE("pymalloc: the arena map tells arena blocks from malloc blocks")
{
    AllocatorScope scope("pymalloc");
    if (!scope.ok()) return;
    // Frees of blocks from malloc, and of small blocks next to them in the
    // address space, each go back where they came from (no crash, no ASan
    // report), and the counts stay exact.
    std::vector<void*> mixed;
    for (int i = 0; i < 2000; ++i) mixed.push_back(object_malloc(i % 3 == 0 ? 600 + i : 8 + i % 500));
    const MallocStats s = get_malloc_stats();
    CHECK(s.raw_allocated_blocks >= 666);
    for (void* p : mixed) object_free(p);
    const MallocStats e = get_malloc_stats();
    CHECK(small_blocks_in_use(e) == 0);
    CHECK(e.raw_allocated_blocks == 0);
    CHECK(get_allocated_blocks() == 0);
}

#if MINIPY_TEST_ASAN
#include <sanitizer/asan_interface.h>
#include <sys/wait.h>

#include <csignal>

TEST_CASE("pymalloc under ASan: requested bytes addressable, slack and free blocks poisoned")
{
    AllocatorScope scope("pymalloc");
    if (!scope.ok()) return;
    auto* probe = static_cast<unsigned char*>(object_malloc(24));
    object_free(probe);
    if (!__asan_address_is_poisoned(probe)) {
        MESSAGE("this memory stage does not annotate arenas for ASan");
        return;
    }
    for (std::size_t n : {1, 8, 24, 100, 511}) {
        CAPTURE(n);
        auto* p = static_cast<unsigned char*>(object_malloc(n));
        CHECK(__asan_region_is_poisoned(p, n) == nullptr);
        if (n % 16 != 0) CHECK(__asan_address_is_poisoned(p + n));  // the slack
        auto* q = static_cast<unsigned char*>(object_realloc(p, n + n / 8));  // in place
        CHECK(__asan_region_is_poisoned(q, n + n / 8) == nullptr);
        object_free(q);
        CHECK(__asan_address_is_poisoned(q));
    }

    // A write one past the end of a 24-byte request is reported.
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    std::fflush(nullptr);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 2);
        std::signal(SIGABRT, SIG_DFL);
        std::signal(SIGSEGV, SIG_DFL);
        auto* volatile p = static_cast<unsigned char*>(object_malloc(24));
        p[24] = 1;
        _exit(0);
    }
    close(fds[1]);
    std::string out;
    char buf[512];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) out.append(buf, std::size_t(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    CHECK_FALSE((WIFEXITED(status) && WEXITSTATUS(status) == 0));
    CHECK(out.find("AddressSanitizer: use-after-poison") != std::string::npos);
}
#endif

TEST_CASE("pymalloc: new pools come from the fullest arena; an empty arena is kept only at the tail")
{
    AllocatorScope scope("pymalloc");
    if (!scope.ok()) return;
    // Fill three arenas with 512-byte blocks. While the class has no used
    // pool but the one being filled, each run of per_pool allocations is one
    // pool, and a new arena is mapped only when all the others are full, so
    // the arena count tells which arena each block lives in.
    const std::size_t per_pool = blocks_per_pool(512);
    std::vector<std::vector<void*>> arenas(1);
    std::size_t count = get_malloc_stats().arenas_allocated_current;
    while (arenas.size() <= 3) {
        void* p = object_malloc(512);
        const std::size_t now = get_malloc_stats().arenas_allocated_current;
        if (now != count && !arenas.back().empty()) arenas.emplace_back();
        count = now;
        arenas.back().push_back(p);
    }
    // arenas[0..2] are full; arenas[3] holds one block of a fourth arena.
    REQUIRE(arenas[0].size() % per_pool == 0);
    REQUIRE(arenas[1].size() == arenas[2].size());
    REQUIRE(arenas[0].size() >= 30 * per_pool);
    auto free_pools = [&](std::vector<void*>& blocks, std::size_t pools) {
        for (std::size_t i = 0; i < pools * per_pool; ++i) object_free(blocks[i]);
        blocks.erase(blocks.begin(), blocks.begin() + std::ptrdiff_t(pools * per_pool));
    };
    auto in_arena = [&](const std::vector<void*>& blocks, const void* p) {
        const auto [lo, hi] = std::minmax_element(blocks.begin(), blocks.end(),
                                                  [](void* a, void* b) { return a < b; });
        return p >= static_cast<const char*>(*lo) - 4 * 4096 &&
               p < static_cast<const char*>(*hi) + 4 * 4096;
    };
    free_pools(arenas[0], 30);  // arena 0: 30 free pools
    free_pools(arenas[1], 10);  // arena 1: 10 free pools
    // The usable list, fullest first: arena 1, arena 0, arena 3. Emptying
    // arena 3, the tail of the list, keeps it mapped (bpo-37257).
    const std::size_t mapped = get_malloc_stats().arenas_allocated_current;
    object_free(arenas[3][0]);
    arenas.pop_back();
    CHECK(get_malloc_stats().arenas_allocated_current == mapped);

    // A pool for another class comes from arena 1, the fullest usable one.
    void* p = object_malloc(256);
    CHECK(in_arena(arenas[1], p));
    CHECK_FALSE(in_arena(arenas[0], p));
    object_free(p);

    // Any other arena that empties has the wholly free arena 3 after it on
    // the list, so it goes back to the OS at once.
    free_pools(arenas[0], arenas[0].size() / per_pool);
    CHECK(get_malloc_stats().arenas_allocated_current == mapped - 1);
    free_pools(arenas[2], arenas[2].size() / per_pool);
    CHECK(get_malloc_stats().arenas_allocated_current == mapped - 2);
    free_pools(arenas[1], arenas[1].size() / per_pool);
    CHECK(get_malloc_stats().arenas_allocated_current == mapped - 3);
    CHECK(small_blocks_in_use(get_malloc_stats()) == 0);
}
