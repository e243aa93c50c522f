// _bisectmodule.cpp: the _bisect module: binary search in a sorted
// sequence (bisect_left/bisect_right) and insertion keeping it sorted
// (insort_left/insort_right), with the optional key function of 3.10.
// Mirrors CPython 3.11 Modules/_bisectmodule.c. Book chapter 12.
//
// Only `<` is used: bisect_right finds the first index whose item is
// greater than x (x < item), bisect_left the first whose item is not less
// (not item < x). hi defaults to len(a) and is not clipped, as in CPython:
// an hi past the end makes a[mid] raise IndexError.
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

struct BisectArgs {
    Object* a = nullptr;
    Object* x = nullptr;
    Py_ssize_t lo = 0;
    Py_ssize_t hi = -1;  // -1: len(a)
    Object* key = nullptr;  // null or None: no key
};

// (a, x, lo=0, hi=None, *, key=None) with PyArg_ParseTupleAndKeywords's
// checks and words, which 3.11's _bisect still uses.
[[nodiscard]] bool parse_bisect_args(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames,
                                     BisectArgs* out)
{
    static const char* const names[] = {"a", "x", "lo", "hi", "key"};
    Object* slots[5] = {};
    Py_ssize_t nkw = kwnames ? tuple_size(kwnames) : 0;
    if (nargs > 4) {
        format_error(Exc_TypeError, "%s() takes at most 4 positional arguments (%zd given)", fname, nargs);
        return false;
    }
    if (nargs + nkw > 5) {
        format_error(Exc_TypeError, "%s() takes at most 5 arguments (%zd given)", fname, nargs + nkw);
        return false;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) slots[i] = args[i];
    for (Py_ssize_t k = 0; k < nkw; k++) {
        Object* name = tuple_item(kwnames, k);
        int slot = -1;
        for (int j = 0; j < 5; j++)
            if (unicode_equal_to_ascii(name, names[j])) slot = j;
        if (slot < 0) {
            format_error(Exc_TypeError, "'%U' is an invalid keyword argument for %s()", name, fname);
            return false;
        }
        if (slots[slot]) {
            format_error(Exc_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
                         names[slot], slot + 1);
            return false;
        }
        slots[slot] = args[nargs + k];
    }
    for (int j = 0; j < 2; j++)
        if (!slots[j]) {
            format_error(Exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname, names[j], j + 1);
            return false;
        }
    out->a = slots[0];
    out->x = slots[1];
    if (slots[2]) {
        if (!index_check(slots[2])) {
            format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(slots[2])->tp_name);
            return false;
        }
        out->lo = number_as_ssize_t(slots[2], Exc_OverflowError);
        if (out->lo == -1 && error_occurred()) return false;
    }
    if (slots[3] && slots[3] != Py_None()) {
        if (!index_check(slots[3])) {
            format_error(Exc_TypeError, "argument should be integer or None, not '%.200s'",
                         Py_TYPE(slots[3])->tp_name);
            return false;
        }
        out->hi = number_as_ssize_t(slots[3], Exc_OverflowError);
        if (out->hi == -1 && error_occurred()) return false;
    }
    out->key = slots[4] && slots[4] != Py_None() ? slots[4] : nullptr;
    return true;
}

// internal_bisect_right / internal_bisect_left: the index, or -1 on error.
Py_ssize_t bisect_internal(const BisectArgs& b, Object* x, bool right)
{
    Py_ssize_t lo = b.lo, hi = b.hi;
    if (lo < 0) {
        set_error(Exc_ValueError, "lo must be non-negative");
        return -1;
    }
    if (hi == -1) {
        hi = object_size(b.a);
        if (hi < 0) return -1;
    }
    while (lo < hi) {
        // lo + (hi - lo) / 2 cannot overflow, unlike (lo + hi) / 2.
        Py_ssize_t mid = lo + (hi - lo) / 2;
        Ref<> item = sequence_get_item(b.a, mid);
        if (!item) return -1;
        if (b.key) {
            item = call_one_arg(b.key, item.get());
            if (!item) return -1;
        }
        int res = right ? object_rich_compare_bool(x, item.get(), Py_LT)
                        : object_rich_compare_bool(item.get(), x, Py_LT);
        if (res < 0) return -1;
        if (right ? res : !res) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}

Ref<> bisect_impl(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames, bool right)
{
    BisectArgs b;
    if (!parse_bisect_args(fname, args, nargs, kwnames, &b)) return nullptr;
    Py_ssize_t index = bisect_internal(b, b.x, right);
    if (index < 0) return nullptr;
    return long_from_ssize_t(index);
}

// insort: the position is found with key(x); x itself is inserted, by
// list.insert for exact lists and a.insert(i, x) otherwise.
Ref<> insort_impl(const char* fname, Object* const* args, Py_ssize_t nargs, Object* kwnames, bool right)
{
    BisectArgs b;
    if (!parse_bisect_args(fname, args, nargs, kwnames, &b)) return nullptr;
    Ref<> key_x = b.key ? call_one_arg(b.key, b.x) : new_ref(b.x);
    if (!key_x) return nullptr;
    Py_ssize_t index = bisect_internal(b, key_x.get(), right);
    if (index < 0) return nullptr;
    if (list_check_exact(b.a)) {
        if (list_insert(b.a, index, b.x) < 0) return nullptr;
    } else {
        Ref<> i = long_from_ssize_t(index);
        if (!i) return nullptr;
        Ref<> r = call_method(b.a, "insert", {i.get(), b.x});
        if (!r) return nullptr;
    }
    return none_ref();
}

Ref<> bisect_right(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return bisect_impl("bisect_right", args, nargs, kwnames, true);
}
Ref<> bisect_left(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return bisect_impl("bisect_left", args, nargs, kwnames, false);
}
Ref<> insort_right(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return insort_impl("insort_right", args, nargs, kwnames, true);
}
Ref<> insort_left(Object*, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    return insort_impl("insort_left", args, nargs, kwnames, false);
}

MethodDef bisect_methods[] = {
    method_fastkw("bisect_right", bisect_right,
                  "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
                  "Items equal to x are kept to the left of the insertion point."),
    method_fastkw("insort_right", insort_right,
                  "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
                  "If x is already in a, insert it to the right of the rightmost x."),
    method_fastkw("bisect_left", bisect_left,
                  "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
                  "Items equal to x are kept to the right of the insertion point."),
    method_fastkw("insort_left", insort_left,
                  "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
                  "If x is already in a, insert it to the left of the leftmost x."),
    {},
};

}  // namespace

Ref<> bisect_module_create()
{
    Ref<> mod = module_new("_bisect");
    if (!mod || module_add_functions(mod.get(), bisect_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("Bisection algorithms.\n\n"
                                    "Binary search and sorted insertion for sequences kept in order.");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    return mod;
}

}  // namespace minipy::modules
