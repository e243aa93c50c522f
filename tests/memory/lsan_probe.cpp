// lsan_probe.cpp: shows that LeakSanitizer works with the arena allocator
// (memory/obmalloc.cpp registers arenas as LSan root regions). Book ch. 9.
//
//   lsan_probe held    a malloc'ed block whose only pointer lives inside a
//                      pymalloc arena block: reachable, LSan stays quiet
//                      (exit 0). Without the root regions it was reported.
//   lsan_probe leaked  the same, then the arena block forgets the pointer:
//                      LSan reports the block and the exit status is
//                      non-zero (a CTest test that is expected to fail).
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "minipy/memory/obmalloc.h"

namespace {

// Kept out of line so that no copy of the malloc'ed pointer stays in this
// frame's registers or stack slots once it returns.
[[gnu::noinline]] void** hide_in_arena(bool forget)
{
    auto** holder = static_cast<void**>(minipy::memory::object_malloc(sizeof(void*)));  // an arena block
    void* big = std::malloc(4096);                                                       // a malloc block
    std::memset(big, 0x5a, 4096);
    *holder = big;
    if (forget) *holder = nullptr;  // the leak: nothing points to big any more
    return holder;
}

// Overwrites the stack below the caller, where old copies could linger.
[[gnu::noinline]] void scrub_stack()
{
    volatile char buffer[16384];
    for (std::size_t i = 0; i < sizeof buffer; i++) buffer[i] = 0;
}

}  // namespace

// Where the arena block is kept until exit (a global, so it is not a leak).
void** g_holder = nullptr;

int main(int argc, char** argv)
{
    if (argc != 2) return 2;
    if (!minipy::memory::set_allocator_by_name("pymalloc")) return 2;
    g_holder = hide_in_arena(std::string_view(argv[1]) == "leaked");
    scrub_stack();
    return 0;  // LSan checks at exit
}
