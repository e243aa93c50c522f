// listsort.cpp: list.sort(), a stable adaptive merge sort after Tim Peters'
// timsort. Mirrors CPython 3.11 Objects/listobject.c (list_sort_impl and
// Objects/listsort.txt). Book chapter 11.
//
// The algorithm:
//  1. Walk the array finding natural runs: non-descending, or strictly
//     descending (reversed in place; strictness keeps the sort stable).
//  2. Runs shorter than minrun (32..64, chosen so that len/minrun is close
//     to a power of two) are extended with binary insertion sort.
//  3. Runs are pushed on a stack and merged following the "powersort"
//     policy that CPython 3.11 adopted: each run boundary gets a power (the
//     depth of its midpoint in a perfect binary split of the array), and
//     runs are merged while the previous boundary is deeper.
//  4. A merge copies the shorter run to a temporary buffer and merges back.
// Differences from CPython: no galloping mode and no key pre-comparison
// specialisations (same results and comparisons' outcomes; more
// comparisons on highly structured data).
//
// Only `<` is used. A comparison that raises stops the sort with the list
// a permutation of its items; during the sort the list looks empty, and a
// mutation is reported as "list modified during sort".
#include <cstring>
#include <vector>

#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/listobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

struct SortState {
    Object** keys;    // what is compared
    Object** values;  // moved along with keys (== keys when no key function)
    Py_ssize_t n;
    bool failed = false;
};

struct Run {
    Py_ssize_t base, len;
    int power;
};

// ISLT: a < b, with errors remembered in the state.
int islt(SortState& ms, Object* a, Object* b)
{
    int k = object_rich_compare_bool(a, b, Py_LT);
    if (k < 0) ms.failed = true;
    return k;
}

void swap_items(SortState& ms, Py_ssize_t i, Py_ssize_t j)
{
    std::swap(ms.keys[i], ms.keys[j]);
    if (ms.values != ms.keys) std::swap(ms.values[i], ms.values[j]);
}

void reverse_slice(SortState& ms, Py_ssize_t lo, Py_ssize_t hi)
{
    for (--hi; lo < hi; lo++, hi--) swap_items(ms, lo, hi);
}

// Binary insertion sort of [lo, hi) where [lo, start) is already sorted.
void binarysort(SortState& ms, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t start)
{
    for (; start < hi && !ms.failed; start++) {
        Object* pivot = ms.keys[start];
        Object* pivot_value = ms.values[start];
        Py_ssize_t l = lo, r = start;
        // Invariant: keys[lo:l] <= pivot < keys[r:start]; equal keys go right (stable).
        while (l < r) {
            Py_ssize_t p = l + ((r - l) >> 1);
            int k = islt(ms, pivot, ms.keys[p]);
            if (k < 0) return;
            if (k) r = p;
            else l = p + 1;
        }
        std::memmove(&ms.keys[l + 1], &ms.keys[l], static_cast<std::size_t>(start - l) * sizeof(Object*));
        ms.keys[l] = pivot;
        if (ms.values != ms.keys) {
            std::memmove(&ms.values[l + 1], &ms.values[l], static_cast<std::size_t>(start - l) * sizeof(Object*));
            ms.values[l] = pivot_value;
        }
    }
}

// count_run: the length of the run starting at lo; descending runs are
// reversed so every run ends up ascending.
Py_ssize_t count_run(SortState& ms, Py_ssize_t lo, Py_ssize_t hi)
{
    if (lo + 1 == hi) return 1;
    int k = islt(ms, ms.keys[lo + 1], ms.keys[lo]);
    if (k < 0) return -1;
    Py_ssize_t n = 2;
    if (k) {
        for (; lo + n < hi; n++) {
            k = islt(ms, ms.keys[lo + n], ms.keys[lo + n - 1]);
            if (k < 0) return -1;
            if (!k) break;
        }
        reverse_slice(ms, lo, lo + n);
    } else {
        for (; lo + n < hi; n++) {
            k = islt(ms, ms.keys[lo + n], ms.keys[lo + n - 1]);
            if (k < 0) return -1;
            if (k) break;
        }
    }
    return n;
}

Py_ssize_t merge_compute_minrun(Py_ssize_t n)
{
    Py_ssize_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

// Merges the adjacent runs [a, a+na) and [a+na, a+na+nb).
void merge(SortState& ms, Py_ssize_t a, Py_ssize_t na, Py_ssize_t nb)
{
    std::vector<Object*> tmpk(ms.keys + a, ms.keys + a + na);
    std::vector<Object*> tmpv(ms.values + a, ms.values + a + na);
    Py_ssize_t i = 0, j = a + na, dest = a, jend = a + na + nb;
    while (i < na && j < jend) {
        // Take from the right run only when strictly smaller (stability).
        int k = islt(ms, ms.keys[j], tmpk[static_cast<std::size_t>(i)]);
        if (k < 0) break;
        if (k) {
            ms.keys[dest] = ms.keys[j];
            ms.values[dest] = ms.values[j];
            j++;
        } else {
            ms.keys[dest] = tmpk[static_cast<std::size_t>(i)];
            ms.values[dest] = tmpv[static_cast<std::size_t>(i)];
            i++;
        }
        dest++;
    }
    // Whatever is left of the left run fills the gap before the unmerged
    // part of the right run (also on error, so no item is lost).
    for (; i < na; i++, dest++) {
        ms.keys[dest] = tmpk[static_cast<std::size_t>(i)];
        ms.values[dest] = tmpv[static_cast<std::size_t>(i)];
    }
}

// powerloop: the power of the boundary between runs [s1, s1+n1) and
// [s1+n1, s1+n1+n2) in an array of n items.
int powerloop(Py_ssize_t s1, Py_ssize_t n1, Py_ssize_t n2, Py_ssize_t n)
{
    int result = 0;
    Py_ssize_t a = 2 * s1 + n1;  // 2 * midpoint of the first run
    Py_ssize_t b = a + n1 + n2;  // 2 * midpoint of the second run
    for (;;) {
        ++result;
        if (a >= n) {
            b -= n;
            a -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

void merge_at(SortState& ms, std::vector<Run>& stack, std::size_t i)
{
    Run& a = stack[i];
    Run& b = stack[i + 1];
    merge(ms, a.base, a.len, b.len);
    a.len += b.len;
    stack.erase(stack.begin() + static_cast<std::ptrdiff_t>(i) + 1);
}

}  // namespace

int list_sort(Object* op, Object* keyfunc, bool reverse)
{
    auto* self = static_cast<ListObject*>(op);
    // Detach the items: the list looks empty while user code runs.
    Object** saved_items = self->ob_item;
    Py_ssize_t saved_size = self->ob_size;
    Py_ssize_t saved_allocated = self->allocated;
    self->ob_item = nullptr;
    self->ob_size = 0;
    self->allocated = -1;  // marks "being sorted"

    std::vector<Object*> keys;
    bool key_error = false;
    if (keyfunc) {
        keys.reserve(static_cast<std::size_t>(saved_size));
        for (Py_ssize_t i = 0; i < saved_size; i++) {
            Ref<> k = call_one_arg(keyfunc, saved_items[i]);
            if (!k) {
                key_error = true;
                break;
            }
            keys.push_back(k.release());
        }
    }
    SortState ms{keyfunc ? keys.data() : saved_items, saved_items, saved_size};
    if (!key_error && saved_size > 1) {
        // Reversing first and last keeps equal items in their original
        // order for reverse=True.
        if (reverse) reverse_slice(ms, 0, saved_size);
        Py_ssize_t minrun = merge_compute_minrun(saved_size);
        std::vector<Run> stack;
        Py_ssize_t lo = 0, nremaining = saved_size;
        while (nremaining > 0 && !ms.failed) {
            Py_ssize_t n = count_run(ms, lo, lo + nremaining);
            if (n < 0) break;
            if (n < minrun) {
                Py_ssize_t force = std::min(nremaining, minrun);
                binarysort(ms, lo, lo + force, lo + n);
                if (ms.failed) break;
                n = force;
            }
            if (!stack.empty()) {
                Run& prev = stack.back();
                int power = powerloop(prev.base, prev.len, n, saved_size);
                while (stack.size() > 1 && stack[stack.size() - 2].power > power && !ms.failed)
                    merge_at(ms, stack, stack.size() - 2);
                stack.back().power = power;
            }
            stack.push_back({lo, n, 0});
            lo += n;
            nremaining -= n;
        }
        while (stack.size() > 1 && !ms.failed) merge_at(ms, stack, stack.size() - 2);
        if (reverse && !ms.failed) reverse_slice(ms, 0, saved_size);
    }
    for (Object* k : keys) decref(k);

    bool modified = self->allocated != -1 || self->ob_item != nullptr;
    // Put the items back; anything appended during the sort is dropped.
    Object** during = self->ob_item;
    Py_ssize_t during_size = self->ob_size;
    self->ob_item = saved_items;
    self->ob_size = saved_size;
    self->allocated = saved_allocated;
    for (Py_ssize_t i = 0; i < during_size; i++) xdecref(during[i]);
    memory::mem_free(during);
    if (key_error || ms.failed) return -1;
    if (modified) {
        set_error(Exc_ValueError, "list modified during sort");
        return -1;
    }
    return 0;
}

}  // namespace minipy::runtime
