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

    // --- Used by gcmodule.cpp's collection steps (all may stay null in unit
    // tests of the memory stage; the collector then skips the step).
    // Whether op's type has tp_finalize (PEP 442) / a legacy tp_del.
    bool (*has_finalizer)(void* op) = nullptr;
    bool (*has_legacy_finalizer)(void* op) = nullptr;
    // _PyTuple_MaybeUntrack / _PyDict_MaybeUntrack: untrack op when it is an
    // exact tuple (dict) that holds only objects that cannot be in cycles.
    void (*maybe_untrack_tuple)(void* op) = nullptr;
    void (*maybe_untrack_dict)(void* op) = nullptr;
    // Weak references (handle_weakrefs): the address of op's weakref list
    // head (null when its type has none), whether op is a weakref, clearing
    // one without its callback, and calling its callback (errors reported
    // as unraisable).
    void** (*weaklist_ptr)(void* op) = nullptr;
    bool (*is_weakref)(void* op) = nullptr;
    void (*weakref_clear_ref)(void* wr) = nullptr;
    bool (*weakref_has_callback)(void* wr) = nullptr;
    void (*weakref_call_callback)(void* wr) = nullptr;
    // gc.callbacks with phase "start"/"stop", and gc.garbage.
    void (*invoke_callbacks)(const char* phase, int generation, std::ptrdiff_t collected,
                             std::ptrdiff_t uncollectable) = nullptr;
    bool (*append_garbage)(void* op) = nullptr;  // false: could not append
    // Whether an exception is set (no automatic collection then) and the
    // "in garbage collection" report of one left behind by a collection.
    bool (*error_occurred)() = nullptr;
    void (*report_error)() = nullptr;
    // The type name of op for the DEBUG_COLLECTABLE lines; sys.stderr.
    const char* (*type_name)(void* op) = nullptr;
    void (*write_stderr)(const char* text) = nullptr;
};

// Installed once by runtime (runtime::initialize); read by the collector.
inline GCObjectHooks gc_object_hooks{};

}  // namespace minipy::memory
