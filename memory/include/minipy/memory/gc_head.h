// gc_head.h: the header that precedes every object the cycle collector may
// track. Mirrors CPython 3.11 Include/internal/pycore_gc.h (PyGC_Head and its
// flag bits). Book chapter 9, "Garbage collection".
//
// Layout of a container allocation (the object pointer is what runtime sees):
//
//     [ GCHead: _gc_next | _gc_prev ][ ob_refcnt | ob_type | ...fields ]
//     ^ block from object_malloc      ^ Object*
//
// Both words are pointers into a doubly linked generation list, but their low
// bits are borrowed for flags because heads are at least 8-byte aligned:
//  - _gc_prev bit 0 (PREV_MASK_FINALIZED): tp_finalize already ran (PEP 442);
//  - _gc_prev bit 1 (PREV_MASK_COLLECTING): the object is in the generation
//    being collected; while collecting, the bits above the flags hold the
//    "gc_refs" copy of the refcount (update_refs/subtract_refs);
//  - _gc_next bit 0 (NEXT_MASK_UNREACHABLE): set by move_unreachable while
//    the object sits in the tentatively-unreachable list.
// An untracked object has _gc_next == 0.
//
// The memory layer sits below runtime and cannot know object types, so the
// collector reaches tp_traverse/tp_clear/tp_finalize and the refcount through
// the hooks in GCObjectHooks, which runtime installs at start-up.
#pragma once

#include <cstddef>
#include <cstdint>

namespace minipy::memory {

struct GCHead {
    std::uintptr_t _gc_next;  // next GCHead in the list, or 0 when untracked
    std::uintptr_t _gc_prev;  // previous GCHead, shifted flags in the low bits
};

inline constexpr std::uintptr_t _PyGC_PREV_MASK_FINALIZED = 1;
inline constexpr std::uintptr_t _PyGC_PREV_MASK_COLLECTING = 2;
inline constexpr int _PyGC_PREV_SHIFT = 2;
inline constexpr std::uintptr_t _PyGC_PREV_MASK = ~std::uintptr_t{0} << _PyGC_PREV_SHIFT;
inline constexpr std::uintptr_t NEXT_MASK_UNREACHABLE = 1;

// The object that follows a head, and the head in front of an object.
inline void* gc_object_of(GCHead* g) { return g + 1; }
inline GCHead* gc_head_of(void* op) { return static_cast<GCHead*>(op) - 1; }

inline bool gc_is_tracked(void* op) { return gc_head_of(op)->_gc_next != 0; }
inline bool gc_is_finalized(void* op)
{
    return (gc_head_of(op)->_gc_prev & _PyGC_PREV_MASK_FINALIZED) != 0;
}
inline void gc_set_finalized(void* op) { gc_head_of(op)->_gc_prev |= _PyGC_PREV_MASK_FINALIZED; }

// Callbacks the collector uses to see through objects (visitproc in CPython).
using gc_visitproc = int (*)(void* object, void* arg);

struct GCObjectHooks {
    // tp_traverse of op's type: calls visit on each object op references.
    int (*traverse)(void* op, gc_visitproc visit, void* arg) = nullptr;
    // tp_clear of op's type (breaks cycles); 0 on success.
    int (*clear)(void* op) = nullptr;
    // Runs tp_finalize when the type has one (PEP 442); not called twice.
    void (*finalize)(void* op) = nullptr;
    // Whether op takes part in collection (has a GC head and tp_is_gc says so).
    bool (*is_gc)(void* op) = nullptr;
    // Reads and writes the refcount word (ob_refcnt).
    std::ptrdiff_t (*refcount)(void* op) = nullptr;
    void (*incref)(void* op) = nullptr;
    void (*decref)(void* op) = nullptr;
};

// Installed once by runtime (runtime::initialize); read by the collector.
inline GCObjectHooks gc_object_hooks{};

}  // namespace minipy::memory
