// obmalloc.cpp: the allocation funnel (see obmalloc.h).
// Mirrors CPython 3.11 Objects/obmalloc.c. Book chapter 9.
//
// For now every request goes to malloc (the PYTHONMALLOC=malloc picture);
// the arena -> pool -> block allocator of issue 4 replaces this file.
#include "minipy/memory/obmalloc.h"

#include <cstdlib>
#include <cstring>

#include "minipy/config.h"

namespace minipy::memory {

namespace {
Allocator active = Allocator::Malloc;
}

void* object_malloc(std::size_t size) { return std::malloc(size ? size : 1); }

void* object_calloc(std::size_t count, std::size_t size)
{
    return std::calloc(count ? count : 1, size ? size : 1);
}

void* object_realloc(void* block, std::size_t size) { return std::realloc(block, size ? size : 1); }

void object_free(void* block) { std::free(block); }

void* mem_malloc(std::size_t size) { return object_malloc(size); }
void* mem_realloc(void* block, std::size_t size) { return object_realloc(block, size); }
void mem_free(void* block) { object_free(block); }

bool set_allocator_by_name(const char* name)
{
    if (std::strcmp(name, "malloc") == 0 || std::strcmp(name, "pymalloc") == 0 ||
        std::strcmp(name, "default") == 0) {
        active = Allocator::Malloc;
        return true;
    }
    return false;
}

Allocator current_allocator() { return active; }

void debug_malloc_stats(std::FILE* out)
{
    std::fputs("Small block threshold = 512, in 32 size classes.\n"
               "(every block comes from malloc: the arena allocator is not built yet)\n",
               out);
}

}  // namespace minipy::memory
