// obmalloc_stats.cpp: sys._debugmallocstats(), the arena/pool/size-class picture.
// Mirrors _PyObject_DebugMallocStats and printone of CPython 3.11
// Objects/obmalloc.c. Book chapter 9, "Memory Management".
//
// The walk visits every carved pool of every live arena, so it costs time
// proportional to the heap: meant for debugging and tests, not hot paths.
// Every byte of the mapped arenas is accounted for exactly once, which the
// "Total" line (always arenas * ARENA_SIZE) makes visible.
#include <cstring>

#include "minipy/memory/obmalloc.h"
#include "pycore_obmalloc.h"
#include "pycore_pymem.h"

namespace minipy::memory {

namespace {

using namespace pymalloc;

// One line: the label padded to 35 columns, '=', the value right-aligned in
// 21 columns with thousands separators. Returns the value, for totals.
std::size_t printone(std::FILE* out, const char* msg, std::size_t value)
{
    std::fputs(msg, out);
    for (std::size_t i = std::strlen(msg); i < 35; ++i) std::fputc(' ', out);
    std::fputc('=', out);
    char buf[32];
    int i = 21;
    buf[i--] = '\0';
    std::size_t v = value;
    int k = 3;
    do {
        buf[i--] = char('0' + v % 10);
        v /= 10;
        if (--k == 0 && v != 0 && i >= 0) {
            k = 3;
            buf[i--] = ',';
        }
    } while (v != 0 && i >= 0);
    while (i >= 0) buf[i--] = ' ';
    std::fputs(buf, out);
    std::fputc('\n', out);
    return value;
}

}  // namespace

MallocStats get_malloc_stats()
{
    MallocStats stats;
    if (!pymalloc_in_use()) return stats;
    const State& st = state();
    stats.pymalloc_enabled = true;
    stats.small_request_threshold = SMALL_REQUEST_THRESHOLD;
    stats.arena_size = ARENA_SIZE;
    stats.pool_size = POOL_SIZE;
    stats.classes.resize(NB_SMALL_SIZE_CLASSES);
    for (uint i = 0; i < NB_SMALL_SIZE_CLASSES; ++i) stats.classes[i].size = INDEX2SIZE(i);

    std::size_t narenas = 0;
    for (uint i = 0; i < st.maxarenas; ++i) {
        const arena_object& ao = st.arenas[i];
        if (ao.address == 0) continue;  // an unused arena_object
        narenas++;
        stats.unused_pools += ao.nfreepools;
        std::uintptr_t base = ao.address;
        if (base & POOL_SIZE_MASK) {
            // The partial pool in front of the first aligned one.
            stats.bytes_lost_to_arena_alignment += POOL_SIZE;
            base = (base & ~std::uintptr_t{POOL_SIZE_MASK}) + POOL_SIZE;
        }
        // Only pools below pool_address were ever carved.
        for (; base < reinterpret_cast<std::uintptr_t>(ao.pool_address); base += POOL_SIZE) {
            const auto* pool = reinterpret_cast<const pool_header*>(base);
            if (pool->ref.count == 0) {
                stats.empty_pools++;
                continue;
            }
            SizeClassStats& c = stats.classes[pool->szidx];
            c.num_pools++;
            c.blocks_in_use += pool->ref.count;
            c.avail_blocks += NUMBLOCKS(pool->szidx) - pool->ref.count;
            if (pool->ref.count == NUMBLOCKS(pool->szidx)) {
                stats.full_pools++;
            } else {
                stats.used_pools++;
            }
        }
    }
    for (const SizeClassStats& c : stats.classes) {
        stats.bytes_in_allocated_blocks += c.blocks_in_use * c.size;
        stats.bytes_in_available_blocks += c.avail_blocks * c.size;
        stats.bytes_lost_to_pool_headers += c.num_pools * POOL_OVERHEAD;
        stats.bytes_lost_to_quantization += c.num_pools * ((POOL_SIZE - POOL_OVERHEAD) % c.size);
    }
    stats.arenas_allocated_total = st.ntimes_arena_allocated;
    stats.arenas_allocated_current = narenas;
    stats.arenas_reclaimed = st.ntimes_arena_allocated - narenas;
    stats.arenas_highwater_mark = st.narenas_highwater;
    stats.arena_map_mid_nodes = st.arena_map_mid_count;
    stats.arena_map_bot_nodes = st.arena_map_bot_count;
    stats.arena_map_bytes = sizeof(arena_map_top_t) + st.arena_map_mid_count * sizeof(arena_map_mid_t) +
                            st.arena_map_bot_count * sizeof(arena_map_bot_t);
    stats.raw_allocated_blocks = st.raw_allocated_blocks;
    return stats;
}

void debug_malloc_stats(std::FILE* out)
{
    const MallocStats s = get_malloc_stats();
    if (!s.pymalloc_enabled) return;
    std::fprintf(out, "Small block threshold = %zu, in %zu size classes.\n",
                 s.small_request_threshold, s.classes.size());
    std::fputc('\n', out);
    std::fputs("class   size   num pools   blocks in use  avail blocks\n"
               "-----   ----   ---------   -------------  ------------\n",
               out);
    for (std::size_t i = 0; i < s.classes.size(); ++i) {
        const SizeClassStats& c = s.classes[i];
        if (c.num_pools == 0) continue;
        std::fprintf(out, "%5zu %6zu %11zu %15zu %13zu\n", i, c.size, c.num_pools, c.blocks_in_use,
                     c.avail_blocks);
    }
    std::fputc('\n', out);
    printone(out, "# arenas allocated total", s.arenas_allocated_total);
    printone(out, "# arenas reclaimed", s.arenas_reclaimed);
    printone(out, "# arenas highwater mark", s.arenas_highwater_mark);
    printone(out, "# arenas allocated current", s.arenas_allocated_current);
    char buf[128];
    std::snprintf(buf, sizeof buf, "%zu arenas * %zu bytes/arena", s.arenas_allocated_current,
                  s.arena_size);
    printone(out, buf, s.arenas_allocated_current * s.arena_size);
    std::fputc('\n', out);

    std::size_t total = printone(out, "# bytes in allocated blocks", s.bytes_in_allocated_blocks);
    total += printone(out, "# bytes in available blocks", s.bytes_in_available_blocks);
    std::snprintf(buf, sizeof buf, "%zu unused pools * %zu bytes", s.unused_pools, s.pool_size);
    total += printone(out, buf, s.unused_pools * s.pool_size);
    total += printone(out, "# bytes lost to pool headers", s.bytes_lost_to_pool_headers);
    total += printone(out, "# bytes lost to quantization", s.bytes_lost_to_quantization);
    total += printone(out, "# bytes lost to arena alignment", s.bytes_lost_to_arena_alignment);
    printone(out, "Total", total);

    std::fputs("\narena map counts\n", out);
    printone(out, "# arena map mid nodes", s.arena_map_mid_nodes);
    printone(out, "# arena map bot nodes", s.arena_map_bot_nodes);
    std::fputc('\n', out);
    total = printone(out, "# bytes lost to arena map root", sizeof(arena_map_top_t));
    total += printone(out, "# bytes lost to arena map mid",
                      s.arena_map_mid_nodes * sizeof(arena_map_mid_t));
    total += printone(out, "# bytes lost to arena map bot",
                      s.arena_map_bot_nodes * sizeof(arena_map_bot_t));
    printone(out, "Total", total);
}

}  // namespace minipy::memory
