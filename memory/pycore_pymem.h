// pycore_pymem.h: the allocator tables behind the funnel, and the debug hooks.
//
// Mirrors CPython 3.11 Include/cpython/pymem.h (PyMemAllocatorEx) and
// Include/internal/pycore_pymem.h (the debug hook context). Book chapter 9.
// Private to the memory stage.
#pragma once

#include <cstddef>

// MINIPY_ASAN: built with AddressSanitizer, whose interface pymalloc uses
// to annotate arenas (obmalloc.cpp: poisoning, LeakSanitizer root regions)
// and the debug hooks to recognize a freed block (obmalloc_debug.cpp).
#if defined(__SANITIZE_ADDRESS__)
#define MINIPY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MINIPY_ASAN 1
#endif
#endif
#ifdef MINIPY_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/lsan_interface.h>
#endif

namespace minipy::memory {

// One allocator: four functions sharing a context pointer (CPython:
// PyMemAllocatorEx). Each domain (mem, object) has its own table, so a hook
// can wrap one domain without the other.
struct PyMemAllocatorEx {
    void* ctx;
    void* (*malloc)(void* ctx, std::size_t size);
    void* (*calloc)(void* ctx, std::size_t nelem, std::size_t elsize);
    void* (*realloc)(void* ctx, void* ptr, std::size_t new_size);
    void (*free)(void* ctx, void* ptr);
};

// The context of a debug hook: which API it guards ('m' for mem_*, 'o' for
// object_*) and the allocator it wraps (CPython: debug_alloc_api_t).
struct debug_alloc_api_t {
    char api_id;
    PyMemAllocatorEx alloc;
};

// The debug hooks, installed as a domain's functions with a
// debug_alloc_api_t as ctx (CPython: _PyMem_DebugMalloc & co.).
void* _PyMem_DebugMalloc(void* ctx, std::size_t nbytes);
void* _PyMem_DebugCalloc(void* ctx, std::size_t nelem, std::size_t elsize);
void* _PyMem_DebugRealloc(void* ctx, void* p, std::size_t nbytes);
void _PyMem_DebugFree(void* ctx, void* p);

// True when the current allocator is pymalloc, with or without debug hooks.
bool pymalloc_in_use();

// The funnel counts blocks alive in either domain; a debug hook that
// refuses to free a corrupted block (under a test's failure hook) tells it
// the block is still there.
void funnel_block_kept();

// Prints "Fatal Python error: func: message" and aborts (CPython:
// _Py_FatalErrorFunc; the runtime's richer one is not reachable from here).
[[noreturn]] void fatal_error(const char* func, const char* message);

}  // namespace minipy::memory
