// _heapqmodule.cpp: the _heapq module: binary min-heaps kept in a list
// (heap[k] <= heap[2k+1] and heap[k] <= heap[2k+2]), plus the max-heap
// helpers lib/heapq.py uses for nlargest and merge(reverse=True).
// Mirrors CPython 3.11 Modules/_heapqmodule.c. Book chapter 12.
//
// The sifts compare items with `<` only, in the order heapq.py's pure
// Python version does, so a heap built here is item for item the heap
// CPython builds (tests/modules compares them). A comparison may run
// Python code that resizes the list: after each one the size is checked
// ("list changed size during iteration") and the item array re-read.
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

Object** items(Object* list) { return static_cast<ListObject*>(list)->ob_item; }

// Whether a < b, with both held across the comparison: 1, 0 or -1.
int less_than(Object* a, Object* b)
{
    Ref<> x = new_ref(a);
    Ref<> y = new_ref(b);
    return object_rich_compare_bool(x.get(), y.get(), Py_LT);
}

[[nodiscard]] bool size_unchanged(Object* heap, Py_ssize_t size)
{
    if (list_size(heap) == size) return true;
    set_error(Exc_RuntimeError, "list changed size during iteration");
    return false;
}

// _siftdown: moves the item at pos up towards startpos while it is smaller
// than its parent (for a max-heap: larger).
[[nodiscard]] int siftdown(Object* heap, Py_ssize_t startpos, Py_ssize_t pos, bool max)
{
    Py_ssize_t size = list_size(heap);
    if (pos >= size) {
        set_error(Exc_IndexError, "index out of range");
        return -1;
    }
    while (pos > startpos) {
        Py_ssize_t parentpos = (pos - 1) >> 1;
        Object** arr = items(heap);
        int cmp = max ? less_than(arr[parentpos], arr[pos]) : less_than(arr[pos], arr[parentpos]);
        if (cmp < 0 || !size_unchanged(heap, size)) return -1;
        if (cmp == 0) break;
        arr = items(heap);
        std::swap(arr[parentpos], arr[pos]);
        pos = parentpos;
    }
    return 0;
}

// _siftup: moves the smaller child (max-heap: larger) up into pos until a
// leaf is reached, then sifts the original item back down into place.
[[nodiscard]] int siftup(Object* heap, Py_ssize_t pos, bool max)
{
    Py_ssize_t endpos = list_size(heap);
    Py_ssize_t startpos = pos;
    if (pos >= endpos) {
        set_error(Exc_IndexError, "index out of range");
        return -1;
    }
    Py_ssize_t limit = endpos >> 1;  // the first position without children
    while (pos < limit) {
        Py_ssize_t childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            Object** arr = items(heap);
            int cmp = max ? less_than(arr[childpos + 1], arr[childpos]) : less_than(arr[childpos], arr[childpos + 1]);
            if (cmp < 0 || !size_unchanged(heap, endpos)) return -1;
            if (cmp == 0) childpos++;  // the right child is smaller (or equal)
        }
        Object** arr = items(heap);
        std::swap(arr[childpos], arr[pos]);
        pos = childpos;
    }
    return siftdown(heap, startpos, pos, max);
}

// Argument Clinic's words: "argument 1" for the two-argument functions,
// "argument" for the one-argument ones.
[[nodiscard]] bool check_list(const char* fname, Object* heap, bool only_arg = false)
{
    if (list_check(heap)) return true;
    format_error(Exc_TypeError, "%s() argument%s must be list, not %.200s", fname, only_arg ? "" : " 1",
                 Py_TYPE(heap)->tp_name);
    return false;
}

[[nodiscard]] bool check_args(const char* fname, Py_ssize_t nargs, Py_ssize_t n)
{
    if (nargs == n) return true;
    format_error(Exc_TypeError, "%s expected %zd argument%s, got %zd", fname, n, n == 1 ? "" : "s", nargs);
    return false;
}

Ref<> heappush(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_args("heappush", nargs, 2) || !check_list("heappush", args[0])) return nullptr;
    if (list_append(args[0], args[1]) < 0) return nullptr;
    if (siftdown(args[0], 0, list_size(args[0]) - 1, false) < 0) return nullptr;
    return none_ref();
}

// heappop: the last item replaces the root, which is returned.
Ref<> heappop_internal(const char* fname, Object* heap, bool max)
{
    if (!check_list(fname, heap, true)) return nullptr;
    Py_ssize_t n = list_size(heap);
    if (n == 0) return format_error(Exc_IndexError, "index out of range");
    auto* list = static_cast<ListObject*>(heap);
    Ref<> lastelt = steal_ref(list->ob_item[n - 1]);  // the list shrinks by one, keeping its storage
    list->ob_size = n - 1;
    if (n == 1) return lastelt;
    Ref<> returnitem = steal_ref(list->ob_item[0]);
    list->ob_item[0] = lastelt.release();
    if (siftup(heap, 0, max) < 0) return nullptr;
    return returnitem;
}

Ref<> heappop(Object*, Object* heap) { return heappop_internal("heappop", heap, false); }
Ref<> heappop_max(Object*, Object* heap) { return heappop_internal("_heappop_max", heap, true); }

// heapreplace: the new item replaces the root, which is returned.
Ref<> heapreplace_internal(const char* fname, Object* const* args, Py_ssize_t nargs, bool max)
{
    if (!check_args(fname, nargs, 2) || !check_list(fname, args[0])) return nullptr;
    Object* heap = args[0];
    if (list_size(heap) == 0) return format_error(Exc_IndexError, "index out of range");
    Ref<> returnitem = steal_ref(items(heap)[0]);
    items(heap)[0] = new_ref(args[1]).release();
    if (siftup(heap, 0, max) < 0) return nullptr;
    return returnitem;
}

Ref<> heapreplace(Object*, Object* const* args, Py_ssize_t nargs)
{
    return heapreplace_internal("heapreplace", args, nargs, false);
}
Ref<> heapreplace_max(Object*, Object* const* args, Py_ssize_t nargs)
{
    return heapreplace_internal("_heapreplace_max", args, nargs, true);
}

// heappushpop: item itself when it is not larger than the root, else the
// root (item taking its place).
Ref<> heappushpop(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_args("heappushpop", nargs, 2) || !check_list("heappushpop", args[0])) return nullptr;
    Object* heap = args[0];
    Object* item = args[1];
    if (list_size(heap) == 0) return new_ref(item);
    int cmp = less_than(items(heap)[0], item);
    if (cmp < 0) return nullptr;
    if (cmp == 0) return new_ref(item);
    if (list_size(heap) == 0) return format_error(Exc_IndexError, "index out of range");
    Ref<> returnitem = steal_ref(items(heap)[0]);
    items(heap)[0] = new_ref(item).release();
    if (siftup(heap, 0, false) < 0) return nullptr;
    return returnitem;
}

// heapify: sifts every node that has children, the last first (children
// are heaps before their parent is sifted).
Ref<> heapify_internal(const char* fname, Object* heap, bool max)
{
    if (!check_list(fname, heap, true)) return nullptr;
    for (Py_ssize_t i = (list_size(heap) >> 1) - 1; i >= 0; i--)
        if (siftup(heap, i, max) < 0) return nullptr;
    return none_ref();
}

Ref<> heapify(Object*, Object* heap) { return heapify_internal("heapify", heap, false); }
Ref<> heapify_max(Object*, Object* heap) { return heapify_internal("_heapify_max", heap, true); }

MethodDef heapq_methods[] = {
    method_fast("heappush", heappush, "Push item onto heap, maintaining the heap invariant."),
    method_fast("heappushpop", heappushpop,
                "Push item on the heap, then pop and return the smallest item from the heap."),
    method_o("heappop", heappop, "Pop the smallest item off the heap, maintaining the heap invariant."),
    method_fast("heapreplace", heapreplace, "Pop and return the current smallest value, and add the new item."),
    method_o("heapify", heapify, "Transform list into a heap, in-place, in O(len(heap)) time."),
    method_o("_heappop_max", heappop_max, "Maxheap variant of heappop."),
    method_fast("_heapreplace_max", heapreplace_max, "Maxheap variant of heapreplace."),
    method_o("_heapify_max", heapify_max, "Maxheap variant of heapify."),
    {},
};

}  // namespace

Ref<> heapq_module_create()
{
    Ref<> mod = module_new("_heapq");
    if (!mod || module_add_functions(mod.get(), heapq_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("Heap queue algorithm (a.k.a. priority queue): lists kept so that\n"
                                    "heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2] for all k.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    Ref<> about = unicode_from_string("Heap queues: see the heapq module's documentation.");
    if (!about || module_add_object(mod.get(), "__about__", about.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
