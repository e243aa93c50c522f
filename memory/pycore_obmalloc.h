// pycore_obmalloc.h: the small-object allocator's private structures.
//
// Mirrors the "pymalloc" section of CPython 3.11 Objects/obmalloc.c (3.12
// moved these same definitions to Include/internal/pycore_obmalloc.h, hence
// the name). Book chapter 9, "Memory Management". Private to the memory
// stage: higher layers see only minipy/memory/obmalloc.h.
//
// The sizes below are the classic ones the book describes (256 KiB arenas of
// 4 KiB pools). CPython 3.11's default 64-bit build uses 1 MiB arenas of
// 16 KiB pools instead (USE_LARGE_ARENAS / USE_LARGE_POOLS, switched on by
// WITH_PYMALLOC_RADIX_TREE); set ARENA_BITS = 20 and POOL_BITS = 14 to get
// that picture: every other constant is derived.
#pragma once

#include <cstddef>
#include <cstdint>

namespace minipy::memory::pymalloc {

using block = std::uint8_t;
using uint = unsigned int;

// --- Size classes -------------------------------------------------------
// Requests are rounded up to a multiple of ALIGNMENT; class i serves blocks
// of INDEX2SIZE(i) = (i + 1) * ALIGNMENT bytes. 16-byte alignment is what
// malloc guarantees on x86-64, and what objects holding long double need.
inline constexpr uint ALIGNMENT = 16;
inline constexpr uint ALIGNMENT_SHIFT = 4;
static_assert(ALIGNMENT == 1u << ALIGNMENT_SHIFT);

// Requests above this go to malloc (CPython: SMALL_REQUEST_THRESHOLD).
inline constexpr uint SMALL_REQUEST_THRESHOLD = 512;
inline constexpr uint NB_SMALL_SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;

constexpr uint INDEX2SIZE(uint szidx) { return (szidx + 1) << ALIGNMENT_SHIFT; }
// For 1 <= nbytes <= SMALL_REQUEST_THRESHOLD.
constexpr uint SIZE2INDEX(std::size_t nbytes) { return uint((nbytes - 1) >> ALIGNMENT_SHIFT); }

// --- Arenas and pools ---------------------------------------------------
inline constexpr uint ARENA_BITS = 18;  // 256 KiB
inline constexpr std::size_t ARENA_SIZE = std::size_t{1} << ARENA_BITS;
inline constexpr std::size_t ARENA_SIZE_MASK = ARENA_SIZE - 1;
inline constexpr uint POOL_BITS = 12;  // 4 KiB, one page
inline constexpr std::size_t POOL_SIZE = std::size_t{1} << POOL_BITS;
inline constexpr std::size_t POOL_SIZE_MASK = POOL_SIZE - 1;
inline constexpr uint MAX_POOLS_IN_ARENA = uint(ARENA_SIZE / POOL_SIZE);
// The radix tree stores offsets inside an arena in int32_t.
static_assert(ARENA_BITS < 32, "arena size must be < 2^32");
static_assert(POOL_BITS < ARENA_BITS);

// How many arena_objects the first growth of `arenas` makes (CPython: 16).
inline constexpr uint INITIAL_ARENA_OBJECTS = 16;

// szidx of a pool carved from an arena but never used: matches no class, so
// the "same size class as last time" shortcut never fires for it.
inline constexpr uint DUMMY_SIZE_IDX = 0xffff;

// The header at the start of every pool (CPython: struct pool_header).
struct pool_header {
    union {
        block* _padding;
        uint count;  // number of allocated blocks in this pool
    } ref{nullptr};
    block* freeblock = nullptr;       // head of the pool's free list (NULL: full)
    pool_header* nextpool = nullptr;  // used list / arena's freepools list
    pool_header* prevpool = nullptr;  // used list only
    uint arenaindex = 0;              // index into `arenas` of the owning arena
    uint szidx = 0;                   // size class of the blocks
    uint nextoffset = 0;              // byte offset of the next never-used block
    uint maxnextoffset = 0;           // largest valid nextoffset
};
using poolp = pool_header*;

// Blocks start at the first ALIGNMENT boundary after the header.
inline constexpr std::size_t POOL_OVERHEAD =
    (sizeof(pool_header) + (ALIGNMENT - 1)) & ~std::size_t{ALIGNMENT - 1};

constexpr uint NUMBLOCKS(uint szidx) { return uint((POOL_SIZE - POOL_OVERHEAD) / INDEX2SIZE(szidx)); }

// The pool containing an arena block: pools are POOL_SIZE aligned.
inline poolp POOL_ADDR(const void* p)
{
    return reinterpret_cast<poolp>(reinterpret_cast<std::uintptr_t>(p) & ~std::uintptr_t{POOL_SIZE_MASK});
}

// One per arena, kept in the resizable vector `arenas` (CPython: struct
// arena_object). Slots whose address is 0 are on the unused_arena_objects
// list and own no memory.
struct arena_object {
    std::uintptr_t address;   // the mmap'ed memory, or 0
    block* pool_address;      // next never-carved pool
    uint nfreepools;          // pools available: carvable + on freepools
    uint ntotalpools;         // pools in the arena (one less if unaligned)
    pool_header* freepools;   // singly linked list of empty pools
    arena_object* nextarena;  // usable_arenas (doubly) or unused (singly)
    arena_object* prevarena;
};

// --- The arena map: a radix tree over addresses ------------------------
// CPython 3.11's WITH_PYMALLOC_RADIX_TREE. A 48-bit address space (x86-64
// and AArch64 user space) minus the ARENA_BITS offset is split into three
// indexes: root -> mid -> bot. A leaf entry describes one ARENA_SIZE-aligned
// chunk of the address space; because mmap only guarantees page alignment,
// an arena straddles two chunks, so each leaf records where an arena starts
// in its chunk (tail_hi) and where one ends (tail_lo). 3.11 indexes all 64
// bits (a 256 KiB root); ignoring the top 16, as 3.12 does, keeps the root
// at 8 KiB. An address whose top bits are set is simply never ours.
inline constexpr uint ADDRESS_BITS = 48;
inline constexpr uint INTERIOR_BITS = (ADDRESS_BITS - ARENA_BITS + 2) / 3;
inline constexpr uint MAP_TOP_BITS = INTERIOR_BITS;
inline constexpr uint MAP_MID_BITS = INTERIOR_BITS;
inline constexpr uint MAP_BOT_BITS = ADDRESS_BITS - ARENA_BITS - 2 * INTERIOR_BITS;
inline constexpr std::size_t MAP_TOP_LENGTH = std::size_t{1} << MAP_TOP_BITS;
inline constexpr std::size_t MAP_MID_LENGTH = std::size_t{1} << MAP_MID_BITS;
inline constexpr std::size_t MAP_BOT_LENGTH = std::size_t{1} << MAP_BOT_BITS;
inline constexpr uint MAP_BOT_SHIFT = ARENA_BITS;
inline constexpr uint MAP_MID_SHIFT = MAP_BOT_BITS + MAP_BOT_SHIFT;
inline constexpr uint MAP_TOP_SHIFT = MAP_MID_BITS + MAP_MID_SHIFT;

struct arena_coverage_t {
    std::int32_t tail_hi;  // an arena starts at this offset of the chunk (-1: at 0)
    std::int32_t tail_lo;  // an arena that began in the previous chunk ends here
};
struct arena_map_bot_t {
    arena_coverage_t arenas[MAP_BOT_LENGTH];
};
struct arena_map_mid_t {
    arena_map_bot_t* ptrs[MAP_MID_LENGTH];
};
struct arena_map_top_t {
    arena_map_mid_t* ptrs[MAP_TOP_LENGTH];
};

// --- The allocator's state (CPython: the file-scope statics) -----------
struct State {
    // usedpools[i] heads the circular doubly linked list of partially used
    // pools of class i. CPython saves memory with fake headers made of two
    // pointers (the PTA macro); in C++ that pun is undefined, so the heads
    // here are real pool_header sentinels pointing to themselves when empty.
    pool_header usedpools[NB_SMALL_SIZE_CLASSES];

    constexpr State()
    {
        for (pool_header& head : usedpools) head.nextpool = head.prevpool = &head;
    }

    arena_object* arenas = nullptr;     // CPython: allarenas
    uint maxarenas = 0;                 // slots in `arenas`
    arena_object* unused_arena_objects = nullptr;
    arena_object* usable_arenas = nullptr;
    // nfp2lasta[n] is the last arena in usable_arenas with nfreepools == n,
    // so an arena that gains a free pool moves in O(1).
    arena_object* nfp2lasta[MAX_POOLS_IN_ARENA + 1] = {};

    std::size_t narenas_currently_allocated = 0;
    std::size_t ntimes_arena_allocated = 0;
    std::size_t narenas_highwater = 0;
    // Blocks handed out by the object allocator that are too big for a
    // pool (CPython: raw_allocated_blocks); feeds get_allocated_blocks().
    std::size_t raw_allocated_blocks = 0;

    arena_map_top_t arena_map_root = {};
    std::size_t arena_map_mid_count = 0;
    std::size_t arena_map_bot_count = 0;
};

// The one allocator state (CPython keeps it in _PyRuntime). Not thread-safe:
// like CPython's, every caller holds the GIL.
State& state();

// The core operations. pymalloc_alloc returns nullptr when the request is
// not for a small block (0 or > SMALL_REQUEST_THRESHOLD) or memory is out;
// pymalloc_free / pymalloc_realloc return false when p is not an arena block.
[[nodiscard]] void* pymalloc_alloc(std::size_t nbytes);
[[nodiscard]] bool pymalloc_free(void* p);
[[nodiscard]] bool pymalloc_realloc(void** newptr_p, void* p, std::size_t nbytes);
[[nodiscard]] bool address_in_range(const void* p);

// The object domain with pymalloc behind it: small blocks from arenas, the
// rest from malloc (CPython: _PyObject_Malloc & co.).
[[nodiscard]] void* object_pymalloc_malloc(std::size_t nbytes);
[[nodiscard]] void* object_pymalloc_calloc(std::size_t nelem, std::size_t elsize);
[[nodiscard]] void* object_pymalloc_realloc(void* p, std::size_t nbytes);
void object_pymalloc_free(void* p);

}  // namespace minipy::memory::pymalloc
