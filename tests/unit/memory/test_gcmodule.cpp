// test_gcmodule.cpp: the cycle collector alone, on toy objects.
// Covers memory/gcmodule.cpp (update_refs -> subtract_refs ->
// move_unreachable, finalizers and resurrection, tp_clear, generations,
// freeze) without the object model: the toy objects below reach the
// collector through the same hooks runtime installs. Book chapter 9.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "minipy/memory/gc.h"
#include "minipy/memory/obmalloc.h"

using namespace minipy::memory;

namespace {

// A toy container: a refcount and owned references to other toys.
struct Toy {
    std::ptrdiff_t refcnt = 1;
    std::vector<Toy*> refs;
    bool has_finalizer = false;
    int finalized = 0;
    Toy* resurrect_into = nullptr;  // the finalizer stores itself here
    std::string name;
};

// A GC head right in front of the toy, as object_alloc_sized lays it out.
struct ToyBlock {
    GCHead head;
    Toy toy;
};
static_assert(offsetof(ToyBlock, toy) == sizeof(GCHead));

std::vector<std::string> freed;

void toy_decref(Toy* t);

void toy_dealloc(Toy* t)
{
    gc_unlink(t);  // untrack + uncount, as dealloc()/PyObject_GC_Del do
    freed.push_back(t->name);
    std::vector<Toy*> refs;
    refs.swap(t->refs);
    ToyBlock* b = reinterpret_cast<ToyBlock*>(gc_head_of(t));
    b->toy.~Toy();
    object_free(b);
    for (Toy* r : refs) toy_decref(r);
}

void toy_decref(Toy* t)
{
    if (--t->refcnt == 0) toy_dealloc(t);
}

Toy* new_toy(const std::string& name)
{
    void* mem = object_malloc(sizeof(ToyBlock));
    REQUIRE(mem != nullptr);
    std::memset(mem, 0, sizeof(ToyBlock));
    auto* b = static_cast<ToyBlock*>(mem);
    new (&b->toy) Toy();
    b->toy.name = name;
    gc_link();
    gc_track(&b->toy);
    return &b->toy;
}

void link(Toy* from, Toy* to)
{
    from->refs.push_back(to);
    to->refcnt++;
}

struct ToyHooks {
    GCObjectHooks saved;
    ToyHooks()
    {
        saved = gc_object_hooks;
        GCObjectHooks h;
        h.traverse = [](void* op, gc_visitproc visit, void* arg) {
            for (Toy* r : static_cast<Toy*>(op)->refs)
                if (int rc = visit(r, arg)) return rc;
            return 0;
        };
        h.clear = [](void* op) {
            auto* t = static_cast<Toy*>(op);
            std::vector<Toy*> refs;
            refs.swap(t->refs);
            for (Toy* r : refs) toy_decref(r);
            return 0;
        };
        h.has_finalizer = [](void* op) { return static_cast<Toy*>(op)->has_finalizer; };
        h.finalize = [](void* op) {
            auto* t = static_cast<Toy*>(op);
            t->finalized++;
            if (t->resurrect_into) link(t->resurrect_into, t);
        };
        h.is_gc = [](void*) { return true; };
        h.refcount = [](void* op) { return static_cast<Toy*>(op)->refcnt; };
        h.incref = [](void* op) { static_cast<Toy*>(op)->refcnt++; };
        h.decref = [](void* op) { toy_decref(static_cast<Toy*>(op)); };
        gc_object_hooks = h;
        gc_state().enabled = false;  // only explicit collections in these tests
        (void)gc_collect(2);
        freed.clear();
    }
    ~ToyHooks()
    {
        gc_object_hooks = saved;
        gc_state().enabled = true;
    }
};

}  // namespace

TEST_CASE("a cycle with an outside reference survives; dropped, it is collected")
{
    ToyHooks hooks;
    Toy* a = new_toy("a");
    Toy* b = new_toy("b");
    link(a, b);
    link(b, a);
    toy_decref(b);  // b is now held by a only; a by b and by us
    CHECK(gc_collect(0) == 0);
    CHECK(freed.empty());
    CHECK(gc_generation_size(1) == 2);  // survivors moved up one generation
    toy_decref(a);                        // only the cycle holds them
    CHECK(freed.empty());                 // refcounting alone cannot free them
    CHECK(gc_collect(0) == 0);            // they are in generation 1 now
    CHECK(gc_collect(1) == 2);
    std::sort(freed.begin(), freed.end());
    CHECK(freed == std::vector<std::string>{"a", "b"});
}

TEST_CASE("what a root reaches is kept, whatever the list order")
{
    ToyHooks hooks;
    // c -> d -> e -> c is a cycle reachable from r (allocated last, so the
    // scan meets c, d, e with gc_refs 0 first and must move them back).
    Toy* c = new_toy("c");
    Toy* d = new_toy("d");
    Toy* e = new_toy("e");
    Toy* r = new_toy("r");
    link(c, d);
    link(d, e);
    link(e, c);
    link(r, c);
    toy_decref(c);
    toy_decref(d);
    toy_decref(e);
    CHECK(gc_collect(2) == 0);
    CHECK(freed.empty());
    toy_decref(r);  // r dies by refcount; the ring is garbage now
    CHECK(freed == std::vector<std::string>{"r"});
    CHECK(gc_collect(2) == 3);
    CHECK(freed.size() == 4);
}

TEST_CASE("finalizers run once; a resurrected cycle survives, then dies without a second finalizer")
{
    ToyHooks hooks;
    Toy* keeper = new_toy("keeper");
    Toy* p = new_toy("p");
    Toy* q = new_toy("q");
    link(p, q);
    link(q, p);
    p->has_finalizer = true;
    p->resurrect_into = keeper;
    toy_decref(p);
    toy_decref(q);
    CHECK(gc_collect(2) == 0);  // resurrected: nothing freed
    CHECK(p->finalized == 1);
    CHECK(gc_is_finalized(p));
    CHECK(freed.empty());
    // The keeper lets go: the cycle is garbage again; no second finalizer.
    p->resurrect_into = nullptr;
    keeper->refs.clear();
    toy_decref(p);
    CHECK(gc_collect(2) == 2);
    CHECK(std::count(freed.begin(), freed.end(), "p") == 1);
    toy_decref(keeper);
}

TEST_CASE("a million cyclic toys are all freed: the allocator is back where it started")
{
    ToyHooks hooks;
    gc_state().enabled = true;  // automatic collections at the threshold
    std::ptrdiff_t before = gc_generation_size(-1);
    const std::size_t blocks_before = get_allocated_blocks();
    for (int i = 0; i < 1000000; i++) {
        Toy* a = new_toy("");
        Toy* b = new_toy("");
        link(a, b);
        link(b, a);
        toy_decref(a);
        toy_decref(b);
    }
    (void)gc_collect(2);
    CHECK(freed.size() == 2000000);
    CHECK(gc_generation_size(-1) == before);
    CHECK(get_allocated_blocks() == blocks_before);
    CHECK(gc_state().generations[0].count == 0);
    CHECK(gc_state().generation_stats[0].collections > 1000);  // automatic ones ran
}

TEST_CASE("freeze moves everything to the permanent generation, out of reach")
{
    ToyHooks hooks;
    Toy* a = new_toy("a");
    link(a, a);
    toy_decref(a);
    gc_freeze();
    CHECK(gc_get_freeze_count() >= 1);
    CHECK(gc_collect(2) == 0);  // frozen garbage is not examined
    gc_unfreeze();
    CHECK(gc_get_freeze_count() == 0);
    CHECK(gc_collect(2) == 1);
}
