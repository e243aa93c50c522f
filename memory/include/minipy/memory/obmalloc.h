// obmalloc.h: the memory stage's allocation funnel.
//
// Mirrors CPython 3.11 Include/cpython/pymem.h and Objects/obmalloc.c's
// public face: every object and every interpreter buffer is allocated here,
// never with new/malloc directly, so one switch (PYTHONMALLOC or the
// MINIPY_SYSTEM_MALLOC build option) can route everything to malloc for
// sanitizers and valgrind. Book chapter 9, "Memory Management".
#pragma once

#include <cstddef>
#include <cstdio>
#include <vector>

namespace minipy::memory {

// PyObject_Malloc family: small blocks come from the arena allocator.
[[nodiscard]] void* object_malloc(std::size_t size);
[[nodiscard]] void* object_calloc(std::size_t count, std::size_t size);
[[nodiscard]] void* object_realloc(void* block, std::size_t size);
void object_free(void* block);

// PyMem_Malloc family: interpreter buffers (same allocator in 3.11; the
// debug hooks still tell the two families apart, API 'm' versus 'o').
[[nodiscard]] void* mem_malloc(std::size_t size);
[[nodiscard]] void* mem_realloc(void* block, std::size_t size);
void mem_free(void* block);
[[nodiscard]] void* mem_calloc(std::size_t count, std::size_t size);

// The allocators PYTHONMALLOC can name. Debug is "debug"/"pymalloc_debug":
// the debug hooks on top of pymalloc; MallocDebug is "malloc_debug".
enum class Allocator { Pymalloc, Malloc, Debug, MallocDebug };

// Chooses the allocator by its PYTHONMALLOC name ("default", "pymalloc",
// "malloc", "debug", "pymalloc_debug", "malloc_debug"); call once at
// start-up, before the first allocation. Returns false for a name
// PYTHONMALLOC does not accept. With MINIPY_SYSTEM_MALLOC, the pymalloc
// names mean malloc (like a CPython built --without-pymalloc). Switching
// while blocks of the old allocator are alive is a fatal error (they could
// not be freed any more).
bool set_allocator_by_name(const char* name);
Allocator current_allocator();
// The PYTHONMALLOC name of the current allocator (CPython:
// _PyMem_GetCurrentAllocatorName), e.g. "pymalloc_debug".
const char* current_allocator_name();

// sys.getallocatedblocks(): blocks currently handed out by the object
// allocator when pymalloc is in use (small blocks plus the big ones it
// passed on to malloc), 0 under plain malloc (CPython:
// _Py_GetAllocatedBlocks).
std::size_t get_allocated_blocks();

// sys._debugmallocstats(): the arena/pool/size-class picture, in CPython
// 3.11's layout. Prints nothing unless pymalloc is in use, as CPython.
void debug_malloc_stats(std::FILE* out);

// The numbers debug_malloc_stats prints, for tests and tools.
struct SizeClassStats {
    std::size_t size = 0;           // block size of the class
    std::size_t num_pools = 0;      // pools in use (used or full)
    std::size_t blocks_in_use = 0;
    std::size_t avail_blocks = 0;   // free blocks in those pools
};

struct MallocStats {
    bool pymalloc_enabled = false;   // false: all fields below are zero
    std::size_t small_request_threshold = 0;
    std::size_t arena_size = 0;
    std::size_t pool_size = 0;
    std::vector<SizeClassStats> classes;  // one per size class

    std::size_t arenas_allocated_total = 0;    // ever mmap'ed
    std::size_t arenas_reclaimed = 0;          // munmap'ed again
    std::size_t arenas_highwater_mark = 0;
    std::size_t arenas_allocated_current = 0;

    std::size_t bytes_in_allocated_blocks = 0;
    std::size_t bytes_in_available_blocks = 0;
    std::size_t unused_pools = 0;              // empty or never-carved pools
    std::size_t bytes_lost_to_pool_headers = 0;
    std::size_t bytes_lost_to_quantization = 0;
    std::size_t bytes_lost_to_arena_alignment = 0;

    std::size_t arena_map_mid_nodes = 0;
    std::size_t arena_map_bot_nodes = 0;
    std::size_t arena_map_bytes = 0;           // root + mid + bot nodes

    std::size_t used_pools = 0;   // pools with 0 < count < capacity
    std::size_t full_pools = 0;   // pools with every block allocated
    std::size_t empty_pools = 0;  // carved pools with no block allocated
    std::size_t raw_allocated_blocks = 0;  // big object blocks sent to malloc
};

MallocStats get_malloc_stats();

// The debug hooks (PYTHONMALLOC=debug) call this on a corrupted or wrongly
// freed block instead of dumping it and aborting: `func` is CPython's name
// for the check ("_PyMem_DebugRawFree"), `message` the problem ("bad
// trailing pad byte"), `report` the text _PyObject_DebugDumpAddress would
// print. The faulty call is then abandoned (the block is not freed, realloc
// returns nullptr). For tests; nullptr restores the fatal error. Returns the
// previous hook.
using DebugFailureHook = void (*)(const char* func, const char* message, const char* report);
DebugFailureHook set_debug_failure_hook(DebugFailureHook hook);

}  // namespace minipy::memory
