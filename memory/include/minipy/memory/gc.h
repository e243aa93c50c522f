// gc.h: the cycle collector's interface: the generations, tracking, and the
// entry points behind the gc module. Mirrors CPython 3.11
// Include/internal/pycore_gc.h (struct _gc_runtime_state) and the exported
// part of Modules/gcmodule.c. Book chapter 9, "Garbage collection".
//
// The algorithm is in memory/gcmodule.cpp (read gc_collect_main first).
// runtime wraps tracking as object_gc_track & co. in objimpl.h; the gc
// module (modules/gcmodule.cpp) is a thin layer over gc_collect and GCState.
#pragma once

#include <cstddef>

#include "minipy/memory/gc_head.h"

namespace minipy::memory {

inline constexpr int NUM_GENERATIONS = 3;

// gc.DEBUG_* flags (gc.set_debug).
enum : int {
    DEBUG_STATS = 1 << 0,          // statistics on stderr at each collection
    DEBUG_COLLECTABLE = 1 << 1,    // print collectable objects
    DEBUG_UNCOLLECTABLE = 1 << 2,  // print uncollectable objects
    DEBUG_SAVEALL = 1 << 5,        // save all garbage in gc.garbage
    DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL,
};

// One generation: a circular list of GC heads with a dummy head.
//  count: for generation 0, allocations minus deallocations of GC objects
//  since its last collection; for older ones, collections of the next
//  younger generation since their own last collection.
struct GCGeneration {
    GCHead head;
    int threshold;
    int count;
};

// What gc.get_stats() reports per generation.
struct GCGenerationStats {
    std::ptrdiff_t collections = 0;
    std::ptrdiff_t collected = 0;
    std::ptrdiff_t uncollectable = 0;
};

// struct _gc_runtime_state: one per interpreter (minipy has one).
struct GCState {
    bool enabled = true;
    int debug = 0;
    GCGeneration generations[NUM_GENERATIONS];
    GCGeneration permanent_generation;  // gc.freeze() moves everything here
    GCGenerationStats generation_stats[NUM_GENERATIONS];
    bool collecting = false;  // true while a collection runs: no recursion
    // The long-lived-objects heuristic (see gc_collect_generations): objects
    // that survived the last full collection, and objects that reached the
    // oldest generation since.
    std::ptrdiff_t long_lived_total = 0;
    std::ptrdiff_t long_lived_pending = 0;
};

// The collector's state, its list heads initialised on first use.
GCState& gc_state();

// _PyObject_GC_TRACK: links op (untracked) into generation 0.
void gc_track(void* op);
// _PyObject_GC_UNTRACK: unlinks op; does nothing when op is not tracked.
void gc_untrack(void* op);
// _PyObject_GC_Link: counts a newly allocated (untracked) GC object and runs
// the automatic collection when generation 0 is over its threshold (or at
// every allocation when built with MINIPY_GC_STRESS).
void gc_link();
// The collector's part of PyObject_GC_Del: untracks op and uncounts it.
void gc_unlink(void* op);

// gc.collect(generation): a collection with gc.callbacks around it. Returns
// the number of unreachable objects found (collected + uncollectable), or 0
// when a collection is already running.
std::ptrdiff_t gc_collect(int generation);
// _PyGC_CollectNoFail: a full collection at shutdown; errors are cleared.
std::ptrdiff_t gc_collect_no_fail();

// Objects of one generation (0..2), of all three (-1), or of the permanent
// one (NUM_GENERATIONS), for gc.get_objects / gc.get_referrers. The callback
// returns non-zero to stop the walk (that value is returned).
int gc_for_each(int generation, int (*fn)(void* op, void* arg), void* arg);
std::ptrdiff_t gc_generation_size(int generation);  // same numbering

// gc.freeze / gc.unfreeze / gc.get_freeze_count.
void gc_freeze();
void gc_unfreeze();
std::ptrdiff_t gc_get_freeze_count();

}  // namespace minipy::memory
