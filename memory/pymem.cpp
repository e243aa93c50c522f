// pymem.cpp: the allocation funnel and the choice of allocator (PYTHONMALLOC).
// Mirrors the allocator-table part of CPython 3.11 Objects/obmalloc.c
// (_PyMem, _PyObject, _PyMem_SetupAllocators, _PyMem_GetAllocatorName,
// _PyMem_GetCurrentAllocatorName). Book chapter 9, "Memory Management".
//
// Each domain (mem_*, object_*) calls through a PyMemAllocatorEx table, so
// choosing an allocator is filling two tables:
//
//   PYTHONMALLOC     mem / object tables
//   pymalloc         pymalloc (small blocks in arenas, the rest malloc)
//   malloc           malloc
//   pymalloc_debug   debug hooks ('m' / 'o') around pymalloc   ("debug")
//   malloc_debug     debug hooks ('m' / 'o') around malloc
//   default          pymalloc, or malloc when built with MINIPY_SYSTEM_MALLOC
//
// A build with MINIPY_SYSTEM_MALLOC is CPython's --without-pymalloc: the
// pymalloc names are unknown there and "debug" means malloc_debug.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "minipy/config.h"
#include "minipy/memory/obmalloc.h"
#include "pycore_obmalloc.h"
#include "pycore_pymem.h"

namespace minipy::memory {

namespace {

// PyMem_RawMalloc's behaviour: 0 bytes is 1 byte, so every success is a
// distinct pointer.
void* raw_malloc(void*, std::size_t size) { return std::malloc(size ? size : 1); }
void* raw_calloc(void*, std::size_t nelem, std::size_t elsize)
{
    if (nelem == 0 || elsize == 0) nelem = elsize = 1;
    return std::calloc(nelem, elsize);
}
void* raw_realloc(void*, void* ptr, std::size_t size) { return std::realloc(ptr, size ? size : 1); }
void raw_free(void*, void* ptr) { std::free(ptr); }

void* py_malloc(void*, std::size_t size) { return pymalloc::object_pymalloc_malloc(size); }
void* py_calloc(void*, std::size_t nelem, std::size_t elsize)
{
    return pymalloc::object_pymalloc_calloc(nelem, elsize);
}
void* py_realloc(void*, void* ptr, std::size_t size) { return pymalloc::object_pymalloc_realloc(ptr, size); }
void py_free(void*, void* ptr) { pymalloc::object_pymalloc_free(ptr); }

constexpr PyMemAllocatorEx MALLOC_ALLOC{nullptr, raw_malloc, raw_calloc, raw_realloc, raw_free};
constexpr PyMemAllocatorEx PYMALLOC_ALLOC{nullptr, py_malloc, py_calloc, py_realloc, py_free};

debug_alloc_api_t debug_mem{'m', PYMALLOC_ALLOC};
debug_alloc_api_t debug_obj{'o', PYMALLOC_ALLOC};

constexpr Allocator DEFAULT_ALLOCATOR = MINIPY_SYSTEM_MALLOC ? Allocator::Malloc : Allocator::Pymalloc;
constexpr const PyMemAllocatorEx& DEFAULT_ALLOC = MINIPY_SYSTEM_MALLOC ? MALLOC_ALLOC : PYMALLOC_ALLOC;

Allocator active = DEFAULT_ALLOCATOR;
PyMemAllocatorEx mem_domain = DEFAULT_ALLOC;
PyMemAllocatorEx obj_domain = DEFAULT_ALLOC;

// Blocks alive in either domain, whatever the allocator: switching while
// some are alive would hand them to an allocator that does not own them.
std::size_t live_blocks = 0;

void count_alloc(const void* p)
{
    if (p != nullptr) live_blocks++;
}

const char* allocator_name(Allocator a)
{
    switch (a) {
    case Allocator::Pymalloc: return "pymalloc";
    case Allocator::Malloc: return "malloc";
    case Allocator::Debug: return "pymalloc_debug";
    case Allocator::MallocDebug: return "malloc_debug";
    }
    return "?";
}

// CPython: _PyMem_GetAllocatorName. False for a name PYTHONMALLOC rejects.
bool allocator_from_name(const char* name, Allocator* out)
{
    struct Entry {
        const char* name;
        Allocator allocator;
    };
    static constexpr Entry table[] = {
#if MINIPY_SYSTEM_MALLOC
        {"default", Allocator::Malloc},
        {"debug", Allocator::MallocDebug},
#else
        {"default", Allocator::Pymalloc},
        {"debug", Allocator::Debug},
        {"pymalloc", Allocator::Pymalloc},
        {"pymalloc_debug", Allocator::Debug},
#endif
        {"malloc", Allocator::Malloc},
        {"malloc_debug", Allocator::MallocDebug},
    };
    for (const Entry& e : table) {
        if (std::strcmp(name, e.name) == 0) {
            *out = e.allocator;
            return true;
        }
    }
    return false;
}

}  // namespace

void funnel_block_kept() { live_blocks++; }

[[noreturn]] void fatal_error(const char* func, const char* message)
{
    std::fflush(stdout);
    std::fprintf(stderr, "Fatal Python error: %s: %s\n\n", func, message);
    std::fflush(stderr);
    std::abort();
}

void* object_malloc(std::size_t size)
{
    void* p = obj_domain.malloc(obj_domain.ctx, size);
    count_alloc(p);
    return p;
}

void* object_calloc(std::size_t count, std::size_t size)
{
    void* p = obj_domain.calloc(obj_domain.ctx, count, size);
    count_alloc(p);
    return p;
}

void* object_realloc(void* block, std::size_t size)
{
    void* p = obj_domain.realloc(obj_domain.ctx, block, size);
    if (block == nullptr) count_alloc(p);
    return p;
}

void object_free(void* block)
{
    if (block == nullptr) return;
    live_blocks--;
    obj_domain.free(obj_domain.ctx, block);
}

void* mem_malloc(std::size_t size)
{
    void* p = mem_domain.malloc(mem_domain.ctx, size);
    count_alloc(p);
    return p;
}

void* mem_calloc(std::size_t count, std::size_t size)
{
    void* p = mem_domain.calloc(mem_domain.ctx, count, size);
    count_alloc(p);
    return p;
}

void* mem_realloc(void* block, std::size_t size)
{
    void* p = mem_domain.realloc(mem_domain.ctx, block, size);
    if (block == nullptr) count_alloc(p);
    return p;
}

void mem_free(void* block)
{
    if (block == nullptr) return;
    live_blocks--;
    mem_domain.free(mem_domain.ctx, block);
}

bool set_allocator_by_name(const char* name)
{
    Allocator wanted;
    if (!allocator_from_name(name, &wanted)) return false;
    if (wanted == active) return true;
    if (live_blocks != 0) {
        char msg[160];
        std::snprintf(msg, sizeof msg, "cannot switch from %s to %s: %zu blocks are still allocated",
                      allocator_name(active), allocator_name(wanted), live_blocks);
        fatal_error("set_allocator_by_name", msg);
    }
    active = wanted;
    switch (wanted) {
    case Allocator::Pymalloc:
    case Allocator::Malloc:
        mem_domain = obj_domain = wanted == Allocator::Pymalloc ? PYMALLOC_ALLOC : MALLOC_ALLOC;
        break;
    case Allocator::Debug:
    case Allocator::MallocDebug: {
        const PyMemAllocatorEx& base = wanted == Allocator::Debug ? PYMALLOC_ALLOC : MALLOC_ALLOC;
        debug_mem.alloc = debug_obj.alloc = base;
        mem_domain = {&debug_mem, _PyMem_DebugMalloc, _PyMem_DebugCalloc, _PyMem_DebugRealloc,
                      _PyMem_DebugFree};
        obj_domain = {&debug_obj, _PyMem_DebugMalloc, _PyMem_DebugCalloc, _PyMem_DebugRealloc,
                      _PyMem_DebugFree};
        break;
    }
    }
    return true;
}

Allocator current_allocator() { return active; }

const char* current_allocator_name() { return allocator_name(active); }

bool pymalloc_in_use() { return active == Allocator::Pymalloc || active == Allocator::Debug; }

std::size_t get_allocated_blocks()
{
    if (!pymalloc_in_use()) return 0;
    const MallocStats stats = get_malloc_stats();
    std::size_t n = stats.raw_allocated_blocks;
    for (const SizeClassStats& c : stats.classes) n += c.blocks_in_use;
    return n;
}

}  // namespace minipy::memory
