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

namespace minipy::memory {

// PyObject_Malloc family: small blocks come from the arena allocator.
[[nodiscard]] void* object_malloc(std::size_t size);
[[nodiscard]] void* object_calloc(std::size_t count, std::size_t size);
[[nodiscard]] void* object_realloc(void* block, std::size_t size);
void object_free(void* block);

// PyMem_Malloc family: interpreter buffers (same allocator in 3.11).
[[nodiscard]] void* mem_malloc(std::size_t size);
[[nodiscard]] void* mem_realloc(void* block, std::size_t size);
void mem_free(void* block);

// The allocators PYTHONMALLOC can name.
enum class Allocator { Pymalloc, Malloc, Debug };

// Chooses the allocator; call once at start-up, before the first
// allocation. Returns false for a name PYTHONMALLOC does not accept.
bool set_allocator_by_name(const char* name);
Allocator current_allocator();

// sys._debugmallocstats(): the arena/pool/size-class picture.
void debug_malloc_stats(std::FILE* out);

}  // namespace minipy::memory
