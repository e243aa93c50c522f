// obmalloc.cpp: pymalloc, the small-object allocator (arenas, pools, blocks).
// Mirrors the pymalloc core of CPython 3.11 Objects/obmalloc.c. Book chapter
// 9, "Memory Management". Read pymalloc_alloc and pymalloc_free first.
//
// Design notes
// ============
// Python programs allocate and free huge numbers of small objects (ints,
// floats, tuples, small lists and dicts, their item arrays). malloc is general and pays for it;
// pymalloc serves requests of 1..512 bytes from memory it carves itself:
//
//     the OS (mmap/munmap)
//       |  ARENA_SIZE (256 KiB) at a time
//       v
//     arenas ---- arena_object in `arenas`; usable ones on usable_arenas,
//       |         sorted by nfreepools (fullest first)
//       |  POOL_SIZE (4 KiB, one page) at a time
//       v
//     pools ----- one size class each; a pool_header at the start; partially
//       |         used ones on usedpools[class], empty ones on their arena's
//       |         freepools list, full ones on no list at all
//       |  INDEX2SIZE(class) bytes at a time
//       v
//     blocks ---- what object_malloc returns; a free block's first word links
//                 it into its pool's free list
//
//   request size   class  block size
//      1 ..  16      0        16
//     17 ..  32      1        32
//       ...
//    497 .. 512     31       512
//    0, or > 512    --     malloc (CPython: PyMem_RawMalloc)
//
// Invariants (checked by the unit tests through the statistics):
// - A pool is in exactly one state. "used": 0 < ref.count < NUMBLOCKS and it
//   is linked in usedpools[szidx]; "full": ref.count == NUMBLOCKS, freeblock
//   is NULL and it is on no list; "empty": ref.count == 0, it is on its
//   arena's freepools list and may be reused for any size class.
// - Blocks inside a pool are carved lazily: those below nextoffset have been
//   handed out at least once (they are either allocated or on the free
//   list); those from nextoffset up have never been touched, so a fresh pool
//   touches only the memory it has handed out (this matters with 3.11's
//   16 KiB pools, four pages each).
// - usable_arenas holds exactly the arenas with nfreepools > 0, ordered by
//   nfreepools ascending: allocation always takes pools from the fullest
//   arena, giving the emptier ones a chance to become wholly free. When one
//   does, it is munmap'ed, unless it is the last on the list (bpo-37257:
//   keeps a loop that allocates and frees one object from mapping and
//   unmapping an arena each time).
// - nfp2lasta[n] is the rightmost arena of usable_arenas with nfreepools
//   == n (or NULL), so restoring the order after a free is O(1).
// - Every mmap'ed arena is marked in the arena map (a radix tree over the
//   address space, see pycore_obmalloc.h), and nothing else is. That is how
//   free and realloc tell our blocks from malloc's (address_in_range)
//   without reading memory they do not own, which keeps ASan quiet.
//
// Not thread-safe: like CPython's, every caller must hold the GIL.
//
// AddressSanitizer sees arenas as plain mapped memory, so on its own it
// cannot catch an overflow from one arena block into the next or a use after
// free. In ASan builds pymalloc therefore tells it which bytes are handed
// out: while a block is allocated its requested bytes are addressable and
// its slack (up to the block size) is poisoned; free and never-carved
// blocks are poisoned whole. The free-list links live inside poisoned
// blocks and are only touched through next_free / set_next_free, which lift
// the poison for that one word. An arena is unpoisoned before munmap, so
// whatever is mapped there next starts clean. What ASan still cannot do
// inside arenas is what its own allocator adds: redzones between blocks (an
// overflow that skips a whole block lands in another live block) and a
// quarantine (a freed block is reused at once, so a late use of it hits the
// new owner). PYTHONMALLOC=malloc (or MINIPY_SYSTEM_MALLOC) gives ASan
// every block through its own allocator.
//
// LeakSanitizer looks for pointers to malloc'ed blocks in the stacks,
// globals and heap it knows; mmap'ed arenas are none of those. An object in
// an arena that owns a malloc'ed buffer (a big list's item array, a static
// type's dict table) would look leaked. So every arena is registered as a
// root region while it is mapped (__lsan_register_root_region): the suite
// runs under LSan with the arena allocator, and a malloc'ed block that
// nothing points to is still reported. Blocks inside arenas are not malloc
// blocks, so LSan never reports them: pymalloc's own block count does (the
// leak tests). Free blocks in an arena keep their old contents, so a stale
// pointer there can hide a leak of a malloc'ed block.
#include <sys/mman.h>

#include <cassert>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "pycore_obmalloc.h"
#include "pycore_pymem.h"

namespace minipy::memory::pymalloc {

namespace {

constinit State g_state;

// ---------------------------------------------------------------------
// AddressSanitizer annotations (no-ops in other builds), see the notes above.

#ifdef MINIPY_ASAN
inline void asan_poison(const void* p, std::size_t n) { __asan_poison_memory_region(p, n); }
inline void asan_unpoison(const void* p, std::size_t n) { __asan_unpoison_memory_region(p, n); }
#else
inline void asan_poison(const void*, std::size_t) {}
inline void asan_unpoison(const void*, std::size_t) {}
#endif

// The free-list link stored in the first word of a free block.
inline block* next_free(block* bp)
{
    asan_unpoison(bp, sizeof(block*));
    block* next = *reinterpret_cast<block**>(bp);
    asan_poison(bp, sizeof(block*));
    return next;
}

inline void set_next_free(block* bp, block* next)
{
    asan_unpoison(bp, sizeof(block*));
    *reinterpret_cast<block**>(bp) = next;
    asan_poison(bp, sizeof(block*));
}

// ---------------------------------------------------------------------
// The arena map (CPython: arena_map_get, arena_map_mark_used,
// arena_map_is_used). Nodes are created on demand with calloc and never
// freed: the address space has few distinct neighbourhoods, so the tree
// stays tiny (see "arena map counts" in debug_malloc_stats).

inline std::uintptr_t as_uint(const void* p) { return reinterpret_cast<std::uintptr_t>(p); }

inline std::size_t map_top_index(std::uintptr_t p) { return (p >> MAP_TOP_SHIFT) & (MAP_TOP_LENGTH - 1); }
inline std::size_t map_mid_index(std::uintptr_t p) { return (p >> MAP_MID_SHIFT) & (MAP_MID_LENGTH - 1); }
inline std::size_t map_bot_index(std::uintptr_t p) { return (p >> MAP_BOT_SHIFT) & (MAP_BOT_LENGTH - 1); }
inline bool high_bits_clear(std::uintptr_t p) { return (p >> ADDRESS_BITS) == 0; }

// The leaf covering p; with create, missing nodes are made (nullptr only if
// calloc fails).
arena_map_bot_t* arena_map_get(std::uintptr_t p, bool create)
{
    State& st = g_state;
    const std::size_t i1 = map_top_index(p);
    arena_map_mid_t* mid = st.arena_map_root.ptrs[i1];
    if (mid == nullptr) {
        if (!create) return nullptr;
        mid = static_cast<arena_map_mid_t*>(std::calloc(1, sizeof(arena_map_mid_t)));
        if (mid == nullptr) return nullptr;
        st.arena_map_root.ptrs[i1] = mid;
        st.arena_map_mid_count++;
    }
    const std::size_t i2 = map_mid_index(p);
    arena_map_bot_t* bot = mid->ptrs[i2];
    if (bot == nullptr) {
        if (!create) return nullptr;
        bot = static_cast<arena_map_bot_t*>(std::calloc(1, sizeof(arena_map_bot_t)));
        if (bot == nullptr) return nullptr;
        mid->ptrs[i2] = bot;
        st.arena_map_bot_count++;
    }
    return bot;
}

// Records (is_used) or forgets the arena [arena_base, arena_base+ARENA_SIZE).
// An unaligned arena starts in one chunk (tail_hi) and ends in the next
// (tail_lo); an aligned one fills its chunk, marked by tail_hi == -1.
bool arena_map_mark_used(std::uintptr_t arena_base, bool is_used)
{
    arena_map_bot_t* n_hi = arena_map_get(arena_base, is_used);
    if (n_hi == nullptr) {
        assert(is_used);  // forgetting: the node exists
        return false;
    }
    const std::size_t i3 = map_bot_index(arena_base);
    const auto tail = static_cast<std::int32_t>(arena_base & ARENA_SIZE_MASK);
    if (tail == 0) {
        n_hi->arenas[i3].tail_hi = is_used ? -1 : 0;
        return true;
    }
    n_hi->arenas[i3].tail_hi = is_used ? tail : 0;
    // The next chunk may hang under different root and mid nodes.
    const std::uintptr_t arena_base_next = arena_base + ARENA_SIZE;
    arena_map_bot_t* n_lo = arena_map_get(arena_base_next, is_used);
    if (n_lo == nullptr) {
        assert(is_used);
        n_hi->arenas[i3].tail_hi = 0;
        return false;
    }
    n_lo->arenas[map_bot_index(arena_base_next)].tail_lo = is_used ? tail : 0;
    return true;
}

bool arena_map_is_used(std::uintptr_t p)
{
    if (!high_bits_clear(p)) return false;
    const arena_map_bot_t* n = arena_map_get(p, false);
    if (n == nullptr) return false;
    const arena_coverage_t& c = n->arenas[map_bot_index(p)];
    const auto tail = static_cast<std::int32_t>(p & ARENA_SIZE_MASK);
    // Below tail_lo: the end of an arena that started in the previous chunk.
    // From tail_hi on: an arena starting in this chunk.
    return tail < c.tail_lo || (tail >= c.tail_hi && c.tail_hi != 0);
}

// ---------------------------------------------------------------------
// Arenas (CPython: _PyObject_ArenaMmap / _PyObject_ArenaMunmap, new_arena).

void* arena_alloc(std::size_t size)
{
    void* ptr = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (ptr == MAP_FAILED) return nullptr;
#ifdef MINIPY_ASAN
    __lsan_register_root_region(ptr, size);
#endif
    return ptr;
}

void arena_free(void* ptr, std::size_t size)
{
#ifdef MINIPY_ASAN
    __lsan_unregister_root_region(ptr, size);
#endif
    munmap(ptr, size);
}

// A fresh arena_object with ARENA_SIZE bytes mapped, or nullptr. Only called
// when usable_arenas is empty, so growing `arenas` (which moves it) cannot
// leave a dangling pointer behind in usable_arenas or nfp2lasta.
arena_object* new_arena()
{
    State& st = g_state;
    if (st.unused_arena_objects == nullptr) {
        const uint numarenas = st.maxarenas ? st.maxarenas << 1 : INITIAL_ARENA_OBJECTS;
        if (numarenas <= st.maxarenas) return nullptr;  // overflow
        void* grown = std::realloc(st.arenas, numarenas * sizeof(arena_object));
        if (grown == nullptr) return nullptr;
        st.arenas = static_cast<arena_object*>(grown);
        assert(st.usable_arenas == nullptr);
        for (uint i = st.maxarenas; i < numarenas; ++i) {
            st.arenas[i] = arena_object{};
            st.arenas[i].nextarena = i + 1 < numarenas ? &st.arenas[i + 1] : nullptr;
        }
        st.unused_arena_objects = &st.arenas[st.maxarenas];
        st.maxarenas = numarenas;
    }

    arena_object* arenaobj = st.unused_arena_objects;
    void* address = arena_alloc(ARENA_SIZE);
    if (address != nullptr &&
        (!high_bits_clear(as_uint(address) + ARENA_SIZE - 1) ||
         !arena_map_mark_used(as_uint(address), true))) {
        // Outside the mapped address range, or no memory for a tree node.
        arena_free(address, ARENA_SIZE);
        address = nullptr;
    }
    if (address == nullptr) return nullptr;  // arenaobj stays unused

    st.unused_arena_objects = arenaobj->nextarena;
    arenaobj->address = as_uint(address);
    st.narenas_currently_allocated++;
    st.ntimes_arena_allocated++;
    if (st.narenas_currently_allocated > st.narenas_highwater) {
        st.narenas_highwater = st.narenas_currently_allocated;
    }
    arenaobj->freepools = nullptr;
    arenaobj->pool_address = static_cast<block*>(address);
    arenaobj->nfreepools = MAX_POOLS_IN_ARENA;
    // Pools must be POOL_SIZE aligned; an unaligned arena loses one pool.
    const auto excess = uint(arenaobj->address & POOL_SIZE_MASK);
    if (excess != 0) {
        --arenaobj->nfreepools;
        arenaobj->pool_address += POOL_SIZE - excess;
    }
    arenaobj->ntotalpools = arenaobj->nfreepools;
    return arenaobj;
}

// ---------------------------------------------------------------------
// Allocation.

// The pool's free list ran dry: carve the next never-used block, or, when
// the pool has none left, unlink the now full pool from usedpools.
void pymalloc_pool_extend(poolp pool, uint size)
{
    if (pool->nextoffset <= pool->maxnextoffset) {
        pool->freeblock = reinterpret_cast<block*>(pool) + pool->nextoffset;
        pool->nextoffset += INDEX2SIZE(size);
        set_next_free(pool->freeblock, nullptr);
        return;
    }
    poolp next = pool->nextpool;
    poolp prev = pool->prevpool;
    next->prevpool = prev;
    prev->nextpool = next;
}

// usedpools[size] is empty: take a pool from the fullest usable arena (an
// empty one from its freepools list, else a never-used one) and return its
// first block.
block* allocate_from_new_pool(uint size)
{
    State& st = g_state;
    if (st.usable_arenas == nullptr) {
        st.usable_arenas = new_arena();
        if (st.usable_arenas == nullptr) return nullptr;
        st.usable_arenas->nextarena = st.usable_arenas->prevarena = nullptr;
        assert(st.nfp2lasta[st.usable_arenas->nfreepools] == nullptr);
        st.nfp2lasta[st.usable_arenas->nfreepools] = st.usable_arenas;
    }
    arena_object* ao = st.usable_arenas;
    assert(ao->address != 0 && ao->nfreepools > 0);

    // ao has the smallest nfreepools, so taking one pool keeps the list
    // sorted; only nfp2lasta needs fixing.
    if (st.nfp2lasta[ao->nfreepools] == ao) st.nfp2lasta[ao->nfreepools] = nullptr;
    if (ao->nfreepools > 1) {
        assert(st.nfp2lasta[ao->nfreepools - 1] == nullptr);
        st.nfp2lasta[ao->nfreepools - 1] = ao;
    }

    poolp pool = ao->freepools;
    if (pool != nullptr) {
        ao->freepools = pool->nextpool;
    } else {
        assert(ao->pool_address <= reinterpret_cast<block*>(ao->address) + ARENA_SIZE - POOL_SIZE);
        pool = reinterpret_cast<poolp>(ao->pool_address);
        pool->arenaindex = uint(ao - st.arenas);
        pool->szidx = DUMMY_SIZE_IDX;
        ao->pool_address += POOL_SIZE;
    }
    if (--ao->nfreepools == 0) {
        // Wholly allocated: off the usable list.
        assert(ao->freepools == nullptr);
        st.usable_arenas = ao->nextarena;
        if (st.usable_arenas != nullptr) st.usable_arenas->prevarena = nullptr;
    }

    // Front-link the pool into usedpools[size].
    poolp head = &st.usedpools[size];
    pool->nextpool = head->nextpool;
    pool->prevpool = head;
    head->nextpool->prevpool = pool;
    head->nextpool = pool;
    pool->ref.count = 1;

    if (pool->szidx == size) {
        // It last served this class: header and free list are still valid.
        block* bp = pool->freeblock;
        assert(bp != nullptr);
        pool->freeblock = next_free(bp);
        return bp;
    }
    // (Re)initialize: hand out the first block, put the second on the free
    // list, leave the rest to be carved lazily.
    pool->szidx = size;
    const uint bsize = INDEX2SIZE(size);
    block* bp = reinterpret_cast<block*>(pool) + POOL_OVERHEAD;
    pool->nextoffset = uint(POOL_OVERHEAD + (bsize << 1));
    pool->maxnextoffset = uint(POOL_SIZE - bsize);
    pool->freeblock = bp + bsize;
    asan_poison(bp, POOL_SIZE - POOL_OVERHEAD);  // every block is free for now
    set_next_free(pool->freeblock, nullptr);
    return bp;
}

// ---------------------------------------------------------------------
// Freeing.

// A full pool got a free block back: front-link it into usedpools, so the
// most recently used pools are filled first.
void insert_to_usedpool(poolp pool)
{
    poolp head = &g_state.usedpools[pool->szidx];
    pool->nextpool = head->nextpool;
    pool->prevpool = head;
    head->nextpool->prevpool = pool;
    head->nextpool = pool;
}

// A used pool became empty: move it to its arena's freepools, then keep the
// arena list sorted, or give the arena back to the OS when it is all free.
void insert_to_freepool(poolp pool)
{
    State& st = g_state;
    poolp next = pool->nextpool;
    poolp prev = pool->prevpool;
    next->prevpool = prev;
    prev->nextpool = next;

    arena_object* ao = &st.arenas[pool->arenaindex];
    pool->nextpool = ao->freepools;
    ao->freepools = pool;
    uint nf = ao->nfreepools;
    // If ao was the rightmost with nf free pools, its left neighbour (if it
    // has the same count) now is. nf == 0 arenas are not on the list.
    arena_object* lastnf = st.nfp2lasta[nf];
    assert((nf == 0 && lastnf == nullptr) ||
           (nf > 0 && lastnf != nullptr && lastnf->nfreepools == nf &&
            (lastnf->nextarena == nullptr || nf < lastnf->nextarena->nfreepools)));
    if (lastnf == ao) {
        arena_object* p = ao->prevarena;
        st.nfp2lasta[nf] = (p != nullptr && p->nfreepools == nf) ? p : nullptr;
    }
    ao->nfreepools = ++nf;

    // Case 1: the arena is wholly free and not the last usable one: unlink
    // it, forget it in the arena map and munmap it.
    if (nf == ao->ntotalpools && ao->nextarena != nullptr) {
        if (ao->prevarena == nullptr) {
            st.usable_arenas = ao->nextarena;
        } else {
            ao->prevarena->nextarena = ao->nextarena;
        }
        ao->nextarena->prevarena = ao->prevarena;
        ao->nextarena = st.unused_arena_objects;
        st.unused_arena_objects = ao;
        arena_map_mark_used(ao->address, false);
        asan_unpoison(reinterpret_cast<void*>(ao->address), ARENA_SIZE);
        arena_free(reinterpret_cast<void*>(ao->address), ARENA_SIZE);
        ao->address = 0;
        st.narenas_currently_allocated--;
        return;
    }

    // Case 2: the arena was full, hence off the list; it has the fewest free
    // pools possible, so it goes to the front.
    if (nf == 1) {
        ao->nextarena = st.usable_arenas;
        ao->prevarena = nullptr;
        if (st.usable_arenas != nullptr) st.usable_arenas->prevarena = ao;
        st.usable_arenas = ao;
        if (st.nfp2lasta[1] == nullptr) st.nfp2lasta[1] = ao;
        return;
    }

    if (st.nfp2lasta[nf] == nullptr) st.nfp2lasta[nf] = ao;
    // Case 4: ao was the rightmost with nf - 1 free pools, so everything to
    // its right has at least nf: the order still holds.
    if (ao == lastnf) return;

    // Case 3: slide ao right, to just after lastnf (the last arena that
    // still has nf - 1 free pools).
    assert(ao->nextarena != nullptr);
    if (ao->prevarena != nullptr) {
        ao->prevarena->nextarena = ao->nextarena;
    } else {
        assert(st.usable_arenas == ao);
        st.usable_arenas = ao->nextarena;
    }
    ao->nextarena->prevarena = ao->prevarena;
    ao->prevarena = lastnf;
    ao->nextarena = lastnf->nextarena;
    if (ao->nextarena != nullptr) ao->nextarena->prevarena = ao;
    lastnf->nextarena = ao;
    assert(ao->nextarena == nullptr || ao->nfreepools <= ao->nextarena->nfreepools);
    assert(ao->prevarena->nfreepools < ao->nfreepools);
}

}  // namespace

State& state() { return g_state; }

bool address_in_range(const void* p) { return arena_map_is_used(as_uint(p)); }

void* pymalloc_alloc(std::size_t nbytes)
{
    // One unsigned comparison rejects both 0 and big requests.
    if (nbytes - 1 >= SMALL_REQUEST_THRESHOLD) return nullptr;
    const uint size = SIZE2INDEX(nbytes);
    poolp pool = g_state.usedpools[size].nextpool;
    block* bp;
    if (pool != &g_state.usedpools[size]) {
        // The common case: a used pool of this class has a free block.
        bp = pool->freeblock;
        assert(bp != nullptr);
        ++pool->ref.count;
        pool->freeblock = next_free(bp);
        if (pool->freeblock == nullptr) pymalloc_pool_extend(pool, size);
    } else {
        bp = allocate_from_new_pool(size);
    }
    if (bp != nullptr) asan_unpoison(bp, nbytes);
    return bp;
}

bool pymalloc_free(void* p)
{
    assert(p != nullptr);
    if (!address_in_range(p)) return false;
    poolp pool = POOL_ADDR(p);
    assert(pool->ref.count > 0);  // else the pool was already empty
#ifdef MINIPY_ASAN
    // A block's first byte is addressable exactly while it is allocated.
    if (__asan_address_is_poisoned(p)) {
        std::fprintf(stderr, "Fatal Python error: pymalloc_free: %p is not an allocated block "
                             "(double free?)\n", p);
        std::abort();
    }
#endif
    asan_poison(p, INDEX2SIZE(pool->szidx));
    block* lastfree = pool->freeblock;
    set_next_free(static_cast<block*>(p), lastfree);
    pool->freeblock = static_cast<block*>(p);
    pool->ref.count--;
    if (lastfree == nullptr) {
        // The pool was full, hence on no list.
        insert_to_usedpool(pool);
        return true;
    }
    if (pool->ref.count != 0) return true;
    insert_to_freepool(pool);
    return true;
}

bool pymalloc_realloc(void** newptr_p, void* p, std::size_t nbytes)
{
    assert(p != nullptr);
    if (!address_in_range(p)) return false;  // malloc's block: realloc it
    poolp pool = POOL_ADDR(p);
    const std::size_t block_size = INDEX2SIZE(pool->szidx);
    std::size_t size = block_size;
    if (nbytes <= size) {
        // Shrinking: stay in place unless at least a quarter would be wasted.
        if (4 * nbytes > 3 * size) {
            asan_poison(p, block_size);
            asan_unpoison(p, nbytes);
            *newptr_p = p;
            return true;
        }
        size = nbytes;
    }
    void* bp = object_pymalloc_malloc(nbytes);
    if (bp != nullptr) {
        asan_unpoison(p, block_size);  // the copy may read the old slack
        std::memcpy(bp, p, size);
        object_pymalloc_free(p);
    }
    *newptr_p = bp;
    return true;
}

// ---------------------------------------------------------------------
// The object domain on top of pymalloc (CPython: _PyObject_Malloc & co.).
// Size 0 and big requests fall through to malloc, with 0 turned into 1 as
// PyMem_RawMalloc does, so every successful call returns a unique pointer.

void* object_pymalloc_malloc(std::size_t nbytes)
{
    void* ptr = pymalloc_alloc(nbytes);
    if (ptr != nullptr) return ptr;
    ptr = std::malloc(nbytes ? nbytes : 1);
    if (ptr != nullptr) g_state.raw_allocated_blocks++;
    return ptr;
}

void* object_pymalloc_calloc(std::size_t nelem, std::size_t elsize)
{
    if (elsize != 0 && nelem > SIZE_MAX / elsize) return nullptr;
    const std::size_t nbytes = nelem * elsize;
    void* ptr = pymalloc_alloc(nbytes);
    if (ptr != nullptr) {
        std::memset(ptr, 0, nbytes);
        return ptr;
    }
    ptr = nbytes == 0 ? std::calloc(1, 1) : std::calloc(nelem, elsize);
    if (ptr != nullptr) g_state.raw_allocated_blocks++;
    return ptr;
}

void* object_pymalloc_realloc(void* p, std::size_t nbytes)
{
    if (p == nullptr) return object_pymalloc_malloc(nbytes);
    void* ptr;
    if (pymalloc_realloc(&ptr, p, nbytes)) return ptr;
    // A malloc block stays with malloc, even when it shrinks below 512: the
    // copy would cost more than the memory saved (CPython does the same).
    return std::realloc(p, nbytes ? nbytes : 1);
}

void object_pymalloc_free(void* p)
{
    if (p == nullptr) return;
    if (pymalloc_free(p)) return;
    g_state.raw_allocated_blocks--;
    std::free(p);
}

}  // namespace minipy::memory::pymalloc
