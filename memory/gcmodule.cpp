// gcmodule.cpp: the cycle collector (generational, trial deletion).
// Mirrors CPython 3.11 Modules/gcmodule.c (the algorithm; the `gc` module's
// functions are in modules/gcmodule.cpp). Book chapter 9, "Garbage
// collection".
//
// Design notes
// ------------
// Read gc_collect_main first: it is the whole collection in order, and
// every other function is one of its steps.
//
// Reference counting frees everything except cycles. A container (an
// object whose type has Py_TPFLAGS_HAVE_GC) carries a GCHead in front of it
// (gc_head.h) and, while "tracked", sits in one of three generation lists.
// New containers enter generation 0; survivors of a collection move one
// generation up. A collection of generation g also takes every younger one.
//
//  * When: generation 0's count is allocations minus deallocations of GC
//    objects; above its threshold (700) an allocation collects. Generation
//    1 and 2's counts are the collections of the younger generation since
//    their own last one (thresholds 10, 10). A full collection (gen 2) also
//    needs long_lived_pending > long_lived_total / 4, so a program with a
//    big live heap does not pay quadratic time (gc_collect_generations).
//  * Which objects are garbage (deduce_unreachable): every refcount counts
//    references from outside the generation plus references from inside.
//    update_refs copies ob_refcnt into gc_refs, subtract_refs removes every
//    reference found by tp_traverse from objects of the generation. What is
//    left (> 0) is referenced from outside: a root. move_unreachable then
//    moves everything not reachable from a root to the `unreachable` list.
//  * While collecting, _gc_prev holds gc_refs (above two flag bits) instead
//    of a pointer, so the list is singly linked until move_unreachable
//    restores the prev pointers. PREV_MASK_COLLECTING marks objects of the
//    generation being collected; NEXT_MASK_UNREACHABLE marks members of the
//    tentatively unreachable list (the low bit of _gc_next).
//  * Unreachable objects are then (1) cleared of weak references, calling
//    callbacks of weakrefs that are themselves reachable (handle_weakrefs);
//    (2) finalized once (PEP 442, finalize_garbage); (3) checked again,
//    since a finalizer may have resurrected some (handle_resurrected_
//    objects re-runs deduce_unreachable on them); (4) broken with tp_clear
//    (delete_garbage), which lets reference counting free them.
//  * Objects with a legacy tp_del, and everything reachable from them, are
//    uncollectable: they go to gc.garbage. DEBUG_SAVEALL sends all garbage
//    there instead of clearing it.
//
// The memory layer cannot see object types: traversal, clearing,
// finalizers, weakrefs, gc.callbacks and gc.garbage are reached through the
// hooks of gc_head.h, installed by runtime.
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "minipy/config.h"
#include "minipy/memory/gc.h"

namespace minipy::memory {

namespace {

GCState state;
bool state_ready = false;

GCObjectHooks& hooks() { return gc_object_hooks; }

// --- GC head accessors (pycore_gc.h) ------------------------------------------

GCHead* GC_NEXT(GCHead* g) { return reinterpret_cast<GCHead*>(g->_gc_next); }
GCHead* GC_PREV(GCHead* g) { return reinterpret_cast<GCHead*>(g->_gc_prev & _PyGC_PREV_MASK); }
void set_next(GCHead* g, GCHead* next) { g->_gc_next = reinterpret_cast<std::uintptr_t>(next); }
// Keeps the two flag bits of _gc_prev.
void set_prev(GCHead* g, GCHead* prev)
{
    g->_gc_prev = (g->_gc_prev & ~_PyGC_PREV_MASK) | reinterpret_cast<std::uintptr_t>(prev);
}
void* FROM_GC(GCHead* g) { return gc_object_of(g); }
GCHead* AS_GC(void* op) { return gc_head_of(op); }

bool gc_is_collecting(GCHead* g) { return (g->_gc_prev & _PyGC_PREV_MASK_COLLECTING) != 0; }
void gc_clear_collecting(GCHead* g) { g->_gc_prev &= ~_PyGC_PREV_MASK_COLLECTING; }
std::ptrdiff_t gc_get_refs(GCHead* g) { return static_cast<std::ptrdiff_t>(g->_gc_prev >> _PyGC_PREV_SHIFT); }
void gc_set_refs(GCHead* g, std::ptrdiff_t refs)
{
    g->_gc_prev = (g->_gc_prev & ~_PyGC_PREV_MASK) | (static_cast<std::uintptr_t>(refs) << _PyGC_PREV_SHIFT);
}
// Starts a collection on g: gc_refs = refcount, COLLECTING set, FINALIZED kept.
void gc_reset_refs(GCHead* g, std::ptrdiff_t refs)
{
    g->_gc_prev = (g->_gc_prev & _PyGC_PREV_MASK_FINALIZED) | _PyGC_PREV_MASK_COLLECTING |
                  (static_cast<std::uintptr_t>(refs) << _PyGC_PREV_SHIFT);
}

// A broken invariant here means a tp_traverse reports a reference its object
// does not own (or a refcount is too low): freeing on would free live memory.
[[noreturn]] void gc_fatal(void* op, const char* what)
{
    const char* name = hooks().type_name ? hooks().type_name(op) : "?";
    std::fprintf(stderr, "Fatal Python error: gc: %s (object of type '%s' at %p)\n", what, name, op);
    std::fflush(stderr);
    std::abort();
}

void gc_decref(GCHead* g)
{
    if (gc_get_refs(g) <= 0) gc_fatal(FROM_GC(g), "refcount is too small (a tp_traverse visits a borrowed reference?)");
    g->_gc_prev -= std::uintptr_t{1} << _PyGC_PREV_SHIFT;
}

bool is_gc(void* op) { return hooks().is_gc(op); }

int traverse(void* op, gc_visitproc visit, void* arg) { return hooks().traverse(op, visit, arg); }

// --- Doubly linked lists of GC heads ----------------------------------------------

void gc_list_init(GCHead* list)
{
    list->_gc_prev = reinterpret_cast<std::uintptr_t>(list);
    list->_gc_next = reinterpret_cast<std::uintptr_t>(list);
}

bool gc_list_is_empty(GCHead* list) { return list->_gc_next == reinterpret_cast<std::uintptr_t>(list); }

// Appends node (not in any list) to the end of list.
void gc_list_append(GCHead* node, GCHead* list)
{
    GCHead* last = reinterpret_cast<GCHead*>(list->_gc_prev);
    set_prev(node, last);
    set_next(last, node);
    set_next(node, list);
    list->_gc_prev = reinterpret_cast<std::uintptr_t>(node);
}

// Unlinks node; it is then untracked (_gc_next == 0).
void gc_list_remove(GCHead* node)
{
    GCHead* prev = GC_PREV(node);
    GCHead* next = GC_NEXT(node);
    set_next(prev, next);
    set_prev(next, prev);
    node->_gc_next = 0;
}

// Moves node from whatever list it is in to the end of list.
void gc_list_move(GCHead* node, GCHead* list)
{
    GCHead* from_prev = GC_PREV(node);
    GCHead* from_next = GC_NEXT(node);
    set_next(from_prev, from_next);
    set_prev(from_next, from_prev);
    GCHead* to_prev = reinterpret_cast<GCHead*>(list->_gc_prev);
    set_prev(node, to_prev);
    set_next(to_prev, node);
    list->_gc_prev = reinterpret_cast<std::uintptr_t>(node);
    set_next(node, list);
}

// Appends the nodes of from to to; from is left empty.
void gc_list_merge(GCHead* from, GCHead* to)
{
    if (gc_list_is_empty(from)) return;
    GCHead* to_tail = GC_PREV(to);
    GCHead* from_head = GC_NEXT(from);
    GCHead* from_tail = GC_PREV(from);
    set_next(to_tail, from_head);
    set_prev(from_head, to_tail);
    set_next(from_tail, to);
    set_prev(to, from_tail);
    gc_list_init(from);
}

std::ptrdiff_t gc_list_size(GCHead* list)
{
    std::ptrdiff_t n = 0;
    for (GCHead* g = GC_NEXT(list); g != list; g = GC_NEXT(g)) n++;
    return n;
}

void gc_list_clear_collecting(GCHead* list)
{
    for (GCHead* g = GC_NEXT(list); g != list; g = GC_NEXT(g)) gc_clear_collecting(g);
}

GCHead* GEN_HEAD(int n) { return &state.generations[n].head; }

// --- Finding the unreachable objects ------------------------------------------------

// Step 1: gc_refs = ob_refcnt for every object of containers.
void update_refs(GCHead* containers)
{
    for (GCHead* g = GC_NEXT(containers); g != containers; g = GC_NEXT(g)) {
        std::ptrdiff_t rc = hooks().refcount(FROM_GC(g));
        // A tracked object with refcount 0 is being deallocated: its
        // tp_dealloc should have untracked it first.
        if (rc <= 0) gc_fatal(FROM_GC(g), "a tracked object has refcount 0");
        gc_reset_refs(g, rc);
    }
}

// Step 2's visitor: a reference from inside the generation is not a root.
int visit_decref(void* op, void*)
{
    if (is_gc(op)) {
        GCHead* g = AS_GC(op);
        // Objects outside the collected generations (older, untracked or
        // not being collected) keep their gc_refs meaning unset.
        if (gc_is_collecting(g)) gc_decref(g);
    }
    return 0;
}

// Step 2: subtract the internal references; gc_refs > 0 remain roots.
void subtract_refs(GCHead* containers)
{
    for (GCHead* g = GC_NEXT(containers); g != containers; g = GC_NEXT(g))
        (void)traverse(FROM_GC(g), visit_decref, nullptr);
}

// Step 3's visitor: op is reachable from an object known to be reachable.
int visit_reachable(void* op, void* arg)
{
    auto* reachable = static_cast<GCHead*>(arg);
    if (!is_gc(op)) return 0;
    GCHead* g = AS_GC(op);
    // Not in the generation being collected, or already scanned.
    if (!gc_is_collecting(g)) return 0;
    if (g->_gc_next & NEXT_MASK_UNREACHABLE) {
        // Tentatively unreachable so far: move it back to the end of the
        // young list, where move_unreachable's scan will reach it.
        GCHead* prev = GC_PREV(g);
        GCHead* next = reinterpret_cast<GCHead*>(g->_gc_next & ~NEXT_MASK_UNREACHABLE);
        prev->_gc_next = g->_gc_next;  // keeps NEXT_MASK_UNREACHABLE on prev
        set_prev(next, prev);
        gc_list_append(g, reachable);
        gc_set_refs(g, 1);
    }
    else if (gc_get_refs(g) == 0) {
        // Not scanned yet: mark it reachable; the scan will traverse it.
        gc_set_refs(g, 1);
    }
    // else: gc_refs > 0, already known reachable.
    return 0;
}

// Step 3: splits young into reachable (stays) and unreachable (moved).
// Objects are scanned in list order; one with gc_refs > 0 is reachable and
// marks what it references (visit_reachable). One with gc_refs == 0 is only
// tentatively unreachable: a later reachable object may still pull it back.
// Invariant after the scan: young holds exactly the objects reachable from
// the roots, with prev pointers and no COLLECTING flag; unreachable holds
// the rest, each with NEXT_MASK_UNREACHABLE and COLLECTING set.
void move_unreachable(GCHead* young, GCHead* unreachable)
{
    GCHead* prev = young;
    GCHead* g = GC_NEXT(young);
    while (g != young) {
        if (gc_get_refs(g)) {
            // visit_reachable may append to young (changing g->_gc_next
            // when g is young's last node): read the next node afterwards.
            (void)traverse(FROM_GC(g), visit_reachable, young);
            set_prev(g, prev);
            gc_clear_collecting(g);
            prev = g;
        }
        else {
            // Unlink from young (singly linked during the scan) and append
            // to unreachable, tagging every next pointer there.
            prev->_gc_next = g->_gc_next;
            GCHead* last = GC_PREV(unreachable);
            last->_gc_next = NEXT_MASK_UNREACHABLE | reinterpret_cast<std::uintptr_t>(g);
            set_prev(g, last);
            g->_gc_next = NEXT_MASK_UNREACHABLE | reinterpret_cast<std::uintptr_t>(unreachable);
            unreachable->_gc_prev = reinterpret_cast<std::uintptr_t>(g);
        }
        g = reinterpret_cast<GCHead*>(prev->_gc_next);
    }
    young->_gc_prev = reinterpret_cast<std::uintptr_t>(prev);
    // The head's next pointer picked up the tag above; untag it.
    unreachable->_gc_next &= ~NEXT_MASK_UNREACHABLE;
}

// Steps 1-3: base's unreachable objects move to unreachable (which keeps
// the NEXT_MASK_UNREACHABLE tags on its members).
void deduce_unreachable(GCHead* base, GCHead* unreachable)
{
    update_refs(base);
    subtract_refs(base);
    gc_list_init(unreachable);
    move_unreachable(base, unreachable);
}

void clear_unreachable_mask(GCHead* unreachable)
{
    GCHead* next;
    for (GCHead* g = GC_NEXT(unreachable); g != unreachable; g = next) {
        g->_gc_next &= ~NEXT_MASK_UNREACHABLE;
        next = GC_NEXT(g);
    }
}

// Tuples and dicts holding only atoms can never be part of a cycle.
void untrack_tuples(GCHead* head)
{
    if (!hooks().maybe_untrack_tuple) return;
    GCHead* next;
    for (GCHead* g = GC_NEXT(head); g != head; g = next) {
        next = GC_NEXT(g);
        hooks().maybe_untrack_tuple(FROM_GC(g));
    }
}

void untrack_dicts(GCHead* head)
{
    if (!hooks().maybe_untrack_dict) return;
    GCHead* next;
    for (GCHead* g = GC_NEXT(head); g != head; g = next) {
        next = GC_NEXT(g);
        hooks().maybe_untrack_dict(FROM_GC(g));
    }
}

// --- Legacy finalizers (tp_del): uncollectable ------------------------------------

bool has_legacy_finalizer(void* op) { return hooks().has_legacy_finalizer && hooks().has_legacy_finalizer(op); }

// Moves unreachable objects with tp_del to finalizers, and drops the
// NEXT_MASK_UNREACHABLE tags: unreachable becomes an ordinary list.
void move_legacy_finalizers(GCHead* unreachable, GCHead* finalizers)
{
    GCHead* next;
    for (GCHead* g = GC_NEXT(unreachable); g != unreachable; g = next) {
        g->_gc_next &= ~NEXT_MASK_UNREACHABLE;
        next = reinterpret_cast<GCHead*>(g->_gc_next);
        if (has_legacy_finalizer(FROM_GC(g))) {
            gc_clear_collecting(g);
            gc_list_move(g, finalizers);
        }
    }
}

int visit_move(void* op, void* arg)
{
    if (is_gc(op)) {
        GCHead* g = AS_GC(op);
        if (gc_is_collecting(g)) {
            gc_list_move(g, static_cast<GCHead*>(arg));
            gc_clear_collecting(g);
        }
    }
    return 0;
}

// Whatever a legacy finalizer can reach must stay alive too.
void move_legacy_finalizer_reachable(GCHead* finalizers)
{
    for (GCHead* g = GC_NEXT(finalizers); g != finalizers; g = GC_NEXT(g))
        (void)traverse(FROM_GC(g), visit_move, finalizers);
}

// The uncollectable objects go to gc.garbage, then to the old generation.
void handle_legacy_finalizers(GCHead* finalizers, GCHead* old)
{
    for (GCHead* g = GC_NEXT(finalizers); g != finalizers; g = GC_NEXT(g)) {
        void* op = FROM_GC(g);
        if ((state.debug & DEBUG_SAVEALL) || has_legacy_finalizer(op)) {
            if (!hooks().append_garbage || !hooks().append_garbage(op)) break;
        }
    }
    gc_list_merge(finalizers, old);
}

// --- Weak references ------------------------------------------------------------------

// Clears every weakref to an unreachable object before any finalizer or
// callback can run (a callback reaching trash through a live weakref could
// resurrect it, or see it after tp_clear). Callbacks run only for weakrefs
// that are themselves reachable: a weakref in the trash dies with it, and
// CPython never calls its callback. Returns the number of those reachable
// weakrefs that the callback's return freed (counted as collected).
std::ptrdiff_t handle_weakrefs(GCHead* unreachable, GCHead* old)
{
    auto& h = hooks();
    if (!h.weaklist_ptr || !h.weakref_clear_ref) return 0;
    GCHead wrcb_to_call;
    gc_list_init(&wrcb_to_call);
    std::ptrdiff_t num_freed = 0;

    GCHead* next;
    for (GCHead* g = GC_NEXT(unreachable); g != unreachable; g = next) {
        void* op = FROM_GC(g);
        next = GC_NEXT(g);
        // A weakref inside the trash is cleared too, so that its callback
        // cannot run during delete_garbage (bpo-38006).
        if (h.is_weakref && h.is_weakref(op)) h.weakref_clear_ref(op);
        void** wrlist = h.weaklist_ptr(op);
        if (!wrlist) continue;
        // weakref_clear_ref unlinks wr, so *wrlist advances each time.
        for (void* wr = *wrlist; wr; wr = *wrlist) {
            h.weakref_clear_ref(wr);
            if (!h.weakref_has_callback || !h.weakref_has_callback(wr)) continue;
            // A weakref in the trash itself: no callback.
            if (!is_gc(wr) || gc_is_collecting(AS_GC(wr)) || !gc_is_tracked(wr)) continue;
            // Keep wr alive until its callback has run.
            h.incref(wr);
            gc_list_move(AS_GC(wr), &wrcb_to_call);
        }
    }

    // Safe now: callbacks cannot reach unreachable objects any more.
    while (!gc_list_is_empty(&wrcb_to_call)) {
        GCHead* g = GC_NEXT(&wrcb_to_call);
        void* wr = FROM_GC(g);
        if (h.weakref_call_callback) h.weakref_call_callback(wr);
        h.decref(wr);
        if (GC_NEXT(&wrcb_to_call) == g) gc_list_move(g, old);  // still alive
        else num_freed++;
    }
    return num_freed;
}

// --- Finalizers (PEP 442) and clearing ----------------------------------------------

// Calls tp_finalize once per object (the FINALIZED bit survives
// resurrection, so a resurrected object's __del__ never runs again).
void finalize_garbage(GCHead* collectable)
{
    if (!hooks().has_finalizer || !hooks().finalize) return;
    GCHead seen;
    gc_list_init(&seen);
    // Objects move to seen one by one: a finalizer may free or untrack
    // others in the list, so never hold a pointer to the next one.
    while (!gc_list_is_empty(collectable)) {
        GCHead* g = GC_NEXT(collectable);
        void* op = FROM_GC(g);
        gc_list_move(g, &seen);
        if (!gc_is_finalized(op) && hooks().has_finalizer(op)) {
            gc_set_finalized(op);
            hooks().incref(op);
            hooks().finalize(op);
            hooks().decref(op);
        }
    }
    gc_list_merge(&seen, collectable);
}

// After finalizers ran, the objects still unreachable go to
// still_unreachable; resurrected ones (and what they reach) join old.
void handle_resurrected_objects(GCHead* unreachable, GCHead* still_unreachable, GCHead* old)
{
    // delete_garbage must not see stale flags on what turns out reachable.
    gc_list_clear_collecting(unreachable);
    GCHead* resurrected = unreachable;
    deduce_unreachable(resurrected, still_unreachable);
    clear_unreachable_mask(still_unreachable);
    gc_list_merge(resurrected, old);
}

// tp_clear on each object breaks its references; refcounting then frees
// the cycle. An object that survives its clear goes to old.
void delete_garbage(GCHead* collectable, GCHead* old)
{
    while (!gc_list_is_empty(collectable)) {
        GCHead* g = GC_NEXT(collectable);
        void* op = FROM_GC(g);
        if (hooks().refcount(op) <= 0) gc_fatal(op, "refcount is too small in delete_garbage");
        if (state.debug & DEBUG_SAVEALL) {
            if (hooks().append_garbage) (void)hooks().append_garbage(op);
        }
        else if (hooks().clear) {
            hooks().incref(op);
            (void)hooks().clear(op);
            hooks().decref(op);
        }
        if (GC_NEXT(collectable) == g) {
            // Still alive: it may die later.
            gc_clear_collecting(g);
            gc_list_move(g, old);
        }
    }
}

// --- Debug output ---------------------------------------------------------------------

void write_stderr(const std::string& s)
{
    if (hooks().write_stderr) hooks().write_stderr(s.c_str());
    else std::fputs(s.c_str(), stderr);
}

void debug_cycle(const char* msg, void* op)
{
    char buf[256];
    std::snprintf(buf, sizeof buf, "gc: %s <%s %p>\n", msg, hooks().type_name ? hooks().type_name(op) : "object", op);
    write_stderr(buf);
}

void show_stats_each_generations()
{
    std::string s = "gc: objects in each generation:";
    for (int i = 0; i < NUM_GENERATIONS; i++) s += " " + std::to_string(gc_list_size(GEN_HEAD(i)));
    s += "\ngc: objects in permanent generation: " + std::to_string(gc_list_size(&state.permanent_generation.head)) +
         "\n";
    write_stderr(s);
}

// --- The collection ----------------------------------------------------------------------

// The main function: collects `generation` and every younger one.
// Returns the number of unreachable objects found; *n_collected and
// *n_uncollectable split it.
std::ptrdiff_t gc_collect_main(int generation, std::ptrdiff_t* n_collected, std::ptrdiff_t* n_uncollectable,
                               bool nofail)
{
    std::ptrdiff_t m = 0;  // objects collected
    std::ptrdiff_t n = 0;  // objects uncollectable
    std::chrono::steady_clock::time_point t1{};
    if (state.debug & DEBUG_STATS) {
        write_stderr("gc: collecting generation " + std::to_string(generation) + "...\n");
        show_stats_each_generations();
        t1 = std::chrono::steady_clock::now();
    }

    // The next older generation counts this collection; the collected ones
    // start counting afresh.
    if (generation + 1 < NUM_GENERATIONS) state.generations[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++) state.generations[i].count = 0;

    // Younger generations are collected with this one.
    for (int i = 0; i < generation; i++) gc_list_merge(GEN_HEAD(i), GEN_HEAD(generation));

    GCHead* young = GEN_HEAD(generation);
    GCHead* old = generation < NUM_GENERATIONS - 1 ? GEN_HEAD(generation + 1) : young;

    GCHead unreachable;
    deduce_unreachable(young, &unreachable);

    untrack_tuples(young);
    // Survivors move one generation up.
    if (young != old) {
        if (generation == NUM_GENERATIONS - 2) state.long_lived_pending += gc_list_size(young);
        gc_list_merge(young, old);
    }
    else {
        // Dicts are untracked only in full collections: doing it in every
        // young collection would be quadratic while a big dict is built.
        untrack_dicts(young);
        state.long_lived_pending = 0;
        state.long_lived_total = gc_list_size(young);
    }

    // Unreachable objects with a legacy finalizer, and what they reach,
    // cannot be collected safely.
    GCHead finalizers;
    gc_list_init(&finalizers);
    move_legacy_finalizers(&unreachable, &finalizers);
    move_legacy_finalizer_reachable(&finalizers);

    if (state.debug & DEBUG_COLLECTABLE) {
        for (GCHead* g = GC_NEXT(&unreachable); g != &unreachable; g = GC_NEXT(g))
            debug_cycle("collectable", FROM_GC(g));
    }

    m += handle_weakrefs(&unreachable, old);

    finalize_garbage(&unreachable);

    GCHead final_unreachable;
    handle_resurrected_objects(&unreachable, &final_unreachable, old);

    m += gc_list_size(&final_unreachable);
    delete_garbage(&final_unreachable, old);

    for (GCHead* g = GC_NEXT(&finalizers); g != &finalizers; g = GC_NEXT(g)) {
        n++;
        if (state.debug & DEBUG_UNCOLLECTABLE) debug_cycle("uncollectable", FROM_GC(g));
    }
    if (state.debug & DEBUG_STATS) {
        double d = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
        char buf[160];
        std::snprintf(buf, sizeof buf, "gc: done, %td unreachable, %td uncollectable, %.4fs elapsed\n", n + m, n,
                      d);
        write_stderr(buf);
    }

    handle_legacy_finalizers(&finalizers, old);

    if (hooks().error_occurred && hooks().error_occurred()) {
        if (hooks().report_error) hooks().report_error();
        (void)nofail;  // report_error clears the indicator either way
    }

    if (n_collected) *n_collected = m;
    if (n_uncollectable) *n_uncollectable = n;
    GCGenerationStats& stats = state.generation_stats[generation];
    stats.collections++;
    stats.collected += m;
    stats.uncollectable += n;
    return n + m;
}

void invoke_gc_callback(const char* phase, int generation, std::ptrdiff_t collected, std::ptrdiff_t uncollectable)
{
    if (hooks().invoke_callbacks) hooks().invoke_callbacks(phase, generation, collected, uncollectable);
}

std::ptrdiff_t gc_collect_with_callback(int generation)
{
    invoke_gc_callback("start", generation, 0, 0);
    std::ptrdiff_t collected = 0, uncollectable = 0;
    std::ptrdiff_t result = gc_collect_main(generation, &collected, &uncollectable, false);
    invoke_gc_callback("stop", generation, collected, uncollectable);
    return result;
}

// The automatic collection: the oldest generation over its threshold.
// force_young (MINIPY_GC_STRESS) counts generation 0 as always over it.
std::ptrdiff_t gc_collect_generations(bool force_young)
{
    for (int i = NUM_GENERATIONS - 1; i >= 0; i--) {
        if (state.generations[i].count > state.generations[i].threshold || (i == 0 && force_young)) {
            // The long-lived heuristic: a full collection only when the
            // objects that reached the oldest generation since the last one
            // exceed 25% of those that survived it. Without it, a program
            // building a large structure would rescan it over and over.
            if (i == NUM_GENERATIONS - 1 && state.long_lived_pending < state.long_lived_total / 4) continue;
            return gc_collect_with_callback(i);
        }
    }
    return 0;
}

}  // namespace

GCState& gc_state()
{
    if (!state_ready) {
        state_ready = true;
        const int thresholds[NUM_GENERATIONS] = {700, 10, 10};
        for (int i = 0; i < NUM_GENERATIONS; i++) {
            gc_list_init(GEN_HEAD(i));
            state.generations[i].threshold = thresholds[i];
            state.generations[i].count = 0;
        }
        gc_list_init(&state.permanent_generation.head);
    }
    return state;
}

void gc_track(void* op)
{
    GCState& st = gc_state();
    GCHead* g = AS_GC(op);
    if (g->_gc_next != 0) gc_fatal(op, "object already tracked by the garbage collector");
    gc_list_append(g, &st.generations[0].head);
}

void gc_untrack(void* op)
{
    GCHead* g = AS_GC(op);
    if (g->_gc_next != 0) gc_list_remove(g);
}

void gc_link()
{
    GCState& st = gc_state();
    st.generations[0].count++;
    const bool due = MINIPY_GC_STRESS || st.generations[0].count > st.generations[0].threshold;
    if (due && st.enabled && st.generations[0].threshold && !st.collecting &&
        !(hooks().error_occurred && hooks().error_occurred()) && hooks().traverse) {
        st.collecting = true;
        (void)gc_collect_generations(MINIPY_GC_STRESS);
        st.collecting = false;
    }
}

void gc_unlink(void* op)
{
    GCState& st = gc_state();
    gc_untrack(op);
    if (st.generations[0].count > 0) st.generations[0].count--;
}

std::ptrdiff_t gc_collect(int generation)
{
    GCState& st = gc_state();
    if (st.collecting) return 0;  // already collecting: do nothing
    st.collecting = true;
    std::ptrdiff_t n = gc_collect_with_callback(generation);
    st.collecting = false;
    return n;
}

std::ptrdiff_t gc_collect_no_fail()
{
    GCState& st = gc_state();
    if (st.collecting || !hooks().traverse) return 0;
    st.collecting = true;
    // No callbacks here: they could resurrect modules being torn down.
    std::ptrdiff_t n = gc_collect_main(NUM_GENERATIONS - 1, nullptr, nullptr, true);
    st.collecting = false;
    return n;
}

int gc_for_each(int generation, int (*fn)(void* op, void* arg), void* arg)
{
    GCState& st = gc_state();
    auto walk = [&](GCHead* list) {
        GCHead* next;
        for (GCHead* g = GC_NEXT(list); g != list; g = next) {
            next = GC_NEXT(g);
            if (int r = fn(FROM_GC(g), arg)) return r;
        }
        return 0;
    };
    if (generation == NUM_GENERATIONS) return walk(&st.permanent_generation.head);
    if (generation >= 0) return walk(GEN_HEAD(generation));
    for (int i = 0; i < NUM_GENERATIONS; i++)
        if (int r = walk(GEN_HEAD(i))) return r;
    return 0;
}

std::ptrdiff_t gc_generation_size(int generation)
{
    GCState& st = gc_state();
    if (generation == NUM_GENERATIONS) return gc_list_size(&st.permanent_generation.head);
    if (generation >= 0) return gc_list_size(GEN_HEAD(generation));
    std::ptrdiff_t n = 0;
    for (int i = 0; i < NUM_GENERATIONS; i++) n += gc_list_size(GEN_HEAD(i));
    return n;
}

void gc_freeze()
{
    GCState& st = gc_state();
    for (int i = 0; i < NUM_GENERATIONS; i++) gc_list_merge(GEN_HEAD(i), &st.permanent_generation.head);
    st.generations[0].count = 0;
}

void gc_unfreeze()
{
    GCState& st = gc_state();
    gc_list_merge(&st.permanent_generation.head, GEN_HEAD(NUM_GENERATIONS - 1));
}

std::ptrdiff_t gc_get_freeze_count() { return gc_list_size(&gc_state().permanent_generation.head); }

}  // namespace minipy::memory
