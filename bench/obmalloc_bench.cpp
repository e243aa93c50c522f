// obmalloc_bench.cpp: pymalloc against glibc malloc on allocation-heavy
// patterns, timed in one run. Mirrors nothing in CPython; it measures
// memory/obmalloc.cpp (book chapter 9, "Memory Management").
//
// Both allocators are driven through the same funnel (object_malloc /
// object_free, switched with set_allocator_by_name), so the numbers compare
// the allocators, not the call paths. The request sizes follow a rough
// picture of a Python heap: mostly 16..64 bytes (ints, floats, small tuples,
// list and dict headers), a tail up to 512, and a few big buffers.
//
// Patterns:
//   lifo     allocate 1,000 blocks, free them newest first (temporaries in
//            an expression, a frame's locals)
//   fifo     allocate 1,000 blocks, free them oldest first (a queue)
//   random   10,000 live blocks, each step frees a random one and allocates
//            a new one in its place (a long-running program's churn)
//   bulk     allocate 1,000,000 blocks, then free them all (building and
//            dropping a big list of objects: arenas grow and are released)
//
// Build with the release preset and run:
//   cmake --preset release && cmake --build build/release --target obmalloc_bench
//   build/release/bench/obmalloc_bench [repeats]
// The fault columns count minor page faults per run: the cost of touching
// freshly mapped pages, which pymalloc pays again each time it has given an
// arena back to the OS.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <sys/resource.h>

#include "minipy/memory/obmalloc.h"

namespace {

using namespace minipy::memory;

// xorshift64*: deterministic, the same sequence for both allocators.
struct Rng {
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    std::uint64_t next()
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return state * 2685821657736338717ull;
    }
};

std::size_t python_like_size(Rng& rng)
{
    const std::uint64_t r = rng.next() % 100;
    if (r < 70) return 16 + rng.next() % 49;    // 16..64
    if (r < 97) return 65 + rng.next() % 448;   // 65..512
    return 513 + rng.next() % 3584;             // big: malloc either way
}

// Touches the block like an object initializer would (header words).
inline void touch(void* p, std::size_t n)
{
    auto* b = static_cast<unsigned char*>(p);
    b[0] = 1;
    b[n - 1] = 2;
}

struct Workload {
    std::vector<std::size_t> sizes;   // request sizes, used round-robin
    std::vector<std::uint32_t> picks; // slots for the random pattern
};

Workload make_workload()
{
    Workload w;
    Rng rng;
    w.sizes.resize(1 << 20);
    for (std::size_t& s : w.sizes) s = python_like_size(rng);
    w.picks.resize(1 << 20);
    for (std::uint32_t& p : w.picks) p = std::uint32_t(rng.next() % 10000);
    return w;
}

// Each pattern returns how many allocate+free pairs it did.
std::size_t run_lifo(const Workload& w, std::vector<void*>& v)
{
    std::size_t k = 0, pairs = 0;
    for (int round = 0; round < 2000; ++round) {
        for (std::size_t i = 0; i < 1000; ++i, ++k) {
            const std::size_t n = w.sizes[k & (w.sizes.size() - 1)];
            v[i] = object_malloc(n);
            touch(v[i], n);
        }
        for (std::size_t i = 1000; i-- > 0;) object_free(v[i]);
        pairs += 1000;
    }
    return pairs;
}

std::size_t run_fifo(const Workload& w, std::vector<void*>& v)
{
    std::size_t k = 0, pairs = 0;
    for (int round = 0; round < 2000; ++round) {
        for (std::size_t i = 0; i < 1000; ++i, ++k) {
            const std::size_t n = w.sizes[k & (w.sizes.size() - 1)];
            v[i] = object_malloc(n);
            touch(v[i], n);
        }
        for (std::size_t i = 0; i < 1000; ++i) object_free(v[i]);
        pairs += 1000;
    }
    return pairs;
}

std::size_t run_random(const Workload& w, std::vector<void*>& v)
{
    for (std::size_t i = 0; i < 10000; ++i) {
        const std::size_t n = w.sizes[i];
        v[i] = object_malloc(n);
        touch(v[i], n);
    }
    const std::size_t steps = 2000000;
    for (std::size_t k = 0; k < steps; ++k) {
        const std::uint32_t slot = w.picks[k & (w.picks.size() - 1)];
        object_free(v[slot]);
        const std::size_t n = w.sizes[(k + 10000) & (w.sizes.size() - 1)];
        v[slot] = object_malloc(n);
        touch(v[slot], n);
    }
    for (std::size_t i = 0; i < 10000; ++i) object_free(v[i]);
    return steps + 10000;
}

std::size_t run_bulk(const Workload& w, std::vector<void*>& v)
{
    std::size_t pairs = 0;
    for (int round = 0; round < 2; ++round) {
        for (std::size_t i = 0; i < v.size(); ++i) {
            const std::size_t n = w.sizes[i & (w.sizes.size() - 1)];
            v[i] = object_malloc(n);
            touch(v[i], n);
        }
        for (void* p : v) object_free(p);
        pairs += v.size();
    }
    return pairs;
}

struct Pattern {
    const char* name;
    std::size_t (*run)(const Workload&, std::vector<void*>&);
};

long minor_faults()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

struct Timing {
    double ns_per_pair;  // best of the runs
    double faults;       // minor page faults per run (first touches of fresh pages)
};

Timing time_pattern(const Pattern& p, const char* allocator, const Workload& w, int repeats)
{
    if (!set_allocator_by_name(allocator)) {
        std::fprintf(stderr, "obmalloc_bench: this build has no '%s' allocator\n", allocator);
        std::exit(2);
    }
    std::vector<void*> v(1000000, nullptr);
    double best = 1e30;
    const long faults_before = minor_faults();
    for (int r = 0; r < repeats; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::size_t pairs = p.run(w, v);
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double, std::nano>(t1 - t0).count() / double(pairs));
    }
    return {best, double(minor_faults() - faults_before) / repeats};
}

}  // namespace

int main(int argc, char** argv)
{
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    const Workload w = make_workload();
    const Pattern patterns[] = {
        {"lifo", run_lifo}, {"fifo", run_fifo}, {"random", run_random}, {"bulk", run_bulk}};
    std::printf("obmalloc_bench: ns per allocate+free pair, best of %d (sizes: 70%% 16-64 B, "
                "27%% 65-512 B, 3%% 513-4096 B)\n",
                repeats);
    std::printf("%-8s %12s %12s %16s %16s %14s\n", "pattern", "pymalloc", "malloc",
                "malloc/pymalloc", "pymalloc faults", "malloc faults");
    double log_sum = 0;
    for (const Pattern& p : patterns) {
        const Timing py = time_pattern(p, "pymalloc", w, repeats);
        const Timing sys = time_pattern(p, "malloc", w, repeats);
        const double ratio = sys.ns_per_pair / py.ns_per_pair;
        std::printf("%-8s %12.2f %12.2f %16.2f %16.0f %14.0f\n", p.name, py.ns_per_pair,
                    sys.ns_per_pair, ratio, py.faults, sys.faults);
        log_sum += std::log(ratio);
    }
    std::printf("geometric mean of malloc/pymalloc: %.2f\n",
                std::exp(log_sum / double(std::size(patterns))));
    return 0;
}
