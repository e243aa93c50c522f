// listobject.cpp: the list type.
// Mirrors CPython 3.11 Objects/listobject.c (the sort is in listsort.cpp).
// Book chapter 11.
//
// ob_item is a separately allocated array of `allocated` slots of which the
// first ob_size hold owned references. Growth over-allocates like CPython's
// list_resize (new_allocated ~ size + size/8 + 6, rounded to 4) so that
// appends are amortized O(1).
#include "minipy/runtime/listobject.h"

#include <algorithm>
#include <cstring>
#include <vector>

#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/sliceobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "pycore_runtime.h"

namespace minipy::runtime {

namespace {

ListObject* L(Object* o) { return static_cast<ListObject*>(o); }

int list_resize(ListObject* self, Py_ssize_t newsize)
{
    Py_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        self->ob_size = newsize;
        return 0;
    }
    std::size_t new_allocated = (static_cast<std::size_t>(newsize) + (static_cast<std::size_t>(newsize) >> 3) + 6) & ~std::size_t{3};
    if (newsize - self->ob_size > static_cast<Py_ssize_t>(new_allocated - static_cast<std::size_t>(newsize)))
        new_allocated = (static_cast<std::size_t>(newsize) + 3) & ~std::size_t{3};
    if (newsize == 0) new_allocated = 0;
    if (new_allocated > static_cast<std::size_t>(PTRDIFF_MAX) / sizeof(Object*)) {
        error_no_memory();
        return -1;
    }
    auto* items = static_cast<Object**>(memory::mem_realloc(self->ob_item, new_allocated * sizeof(Object*)));
    if (!items && new_allocated) {
        error_no_memory();
        return -1;
    }
    self->ob_item = new_allocated ? items : nullptr;
    if (!new_allocated) memory::mem_free(items);
    self->ob_size = newsize;
    self->allocated = static_cast<Py_ssize_t>(new_allocated);
    return 0;
}

}  // namespace

Ref<> list_new(Py_ssize_t size)
{
    if (size < 0) return error_bad_internal_call();
    Ref<ListObject> op = object_new<ListObject>(&List_Type);
    if (!op) return nullptr;
    if (size > 0) {
        op->ob_item = static_cast<Object**>(memory::mem_malloc(static_cast<std::size_t>(size) * sizeof(Object*)));
        if (!op->ob_item) return error_no_memory();
        std::memset(op->ob_item, 0, static_cast<std::size_t>(size) * sizeof(Object*));
    }
    op->ob_size = size;
    op->allocated = size;
    return op;
}

int list_append(Object* op, Object* item)
{
    ListObject* self = L(op);
    Py_ssize_t n = self->ob_size;
    if (list_resize(self, n + 1) < 0) return -1;
    self->ob_item[n] = new_ref(item).release();
    return 0;
}

int list_insert(Object* op, Py_ssize_t where, Object* item)
{
    ListObject* self = L(op);
    Py_ssize_t n = self->ob_size;
    if (list_resize(self, n + 1) < 0) return -1;
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    std::memmove(&self->ob_item[where + 1], &self->ob_item[where], static_cast<std::size_t>(n - where) * sizeof(Object*));
    self->ob_item[where] = new_ref(item).release();
    return 0;
}

int list_extend(Object* op, Object* iterable)
{
    // Exact types only, as list_extend in Objects/listobject.c: a subclass
    // may override __iter__, which the copy of its items would bypass.
    // (op itself: l.extend(l) of a subclass copies too, as CPython does.)
    bool is_list = list_check_exact(iterable) || iterable == op;
    if (is_list || tuple_check_exact(iterable)) {
        // Snapshot first: l.extend(l) must not see its own growth.
        Py_ssize_t n = is_list ? list_size(iterable) : tuple_size(iterable);
        std::vector<Object*> items(static_cast<std::size_t>(n));
        for (Py_ssize_t i = 0; i < n; i++)
            items[static_cast<std::size_t>(i)] = is_list ? list_item(iterable, i) : tuple_item(iterable, i);
        Py_ssize_t m = list_size(op);
        if (list_resize(L(op), m + n) < 0) return -1;
        for (Py_ssize_t i = 0; i < n; i++) L(op)->ob_item[m + i] = new_ref(items[static_cast<std::size_t>(i)]).release();
        return 0;
    }
    // The iterator first, then the length hint, as CPython's list_extend
    // (a user-defined __iter__ and __len__ see that order); the hint only
    // sizes the array, but its errors propagate.
    Ref<> it = object_get_iter(iterable);
    if (!it) return -1;
    Py_ssize_t hint = object_length_hint(iterable, 8);
    if (hint < 0) return -1;
    Py_ssize_t m = list_size(op);
    if (hint > 0 && m < PTRDIFF_MAX - hint) {
        // Grow the array now (sys.getsizeof sees it, as in CPython), keep the size.
        if (list_resize(L(op), m + hint) < 0) return -1;
        L(op)->ob_size = m;
    }
    ListObject* self = L(op);
    for (;;) {
        Ref<> item = iter_next(it.get());
        if (!item) break;
        if (self->ob_size < self->allocated) self->ob_item[self->ob_size++] = item.release();
        else if (list_append(op, item.get()) < 0) return -1;
    }
    if (error_occurred()) return -1;
    // Give back what the guess over-reserved (list_resize keeps the array
    // when at least half of it is used).
    return self->ob_size < self->allocated ? list_resize(self, self->ob_size) : 0;
}

Ref<> list_as_tuple(Object* op) { return tuple_from_array(L(op)->ob_item, list_size(op)); }

int list_reverse(Object* op)
{
    ListObject* self = L(op);
    for (Py_ssize_t i = 0, j = self->ob_size - 1; i < j; i++, j--) std::swap(self->ob_item[i], self->ob_item[j]);
    return 0;
}

namespace {

// Drops all items (list_clear): the array is detached first so that
// destructors running during the decrefs see an empty list.
void list_clear_items(ListObject* self)
{
    Object** items = self->ob_item;
    Py_ssize_t n = self->ob_size;
    self->ob_item = nullptr;
    self->ob_size = 0;
    self->allocated = 0;
    for (Py_ssize_t i = n; --i >= 0;) xdecref(items[i]);
    memory::mem_free(items);
}

void list_dealloc(Object* op)
{
    list_clear_items(L(op));
    object_dealloc_memory(op);
}

int list_traverse(Object* op, visitproc visit, void* arg)
{
    ListObject* self = L(op);
    for (Py_ssize_t i = self->ob_size; --i >= 0;)
        if (self->ob_item[i])
            if (int r = visit(self->ob_item[i], arg)) return r;
    return 0;
}

int list_tp_clear(Object* op)
{
    list_clear_items(L(op));
    return 0;
}

Ref<> list_repr(Object* op)
{
    if (list_size(op) == 0) return unicode_from_string("[]");
    int status = repr_enter(op);
    if (status != 0) return status > 0 ? unicode_from_string("[...]") : nullptr;
    UnicodeWriter w;
    w.write_char('[');
    // The list may change while items are repr'd: re-read the size each time.
    for (Py_ssize_t i = 0; i < list_size(op); i++) {
        if (i > 0) w.write_ascii(", ");
        Ref<> item = new_ref(list_item(op, i));
        Ref<> r = object_repr(item.get());
        if (!r) {
            repr_leave(op);
            return nullptr;
        }
        w.write_str(r.get());
    }
    w.write_char(']');
    repr_leave(op);
    return w.finish();
}

Py_ssize_t list_length(Object* op) { return list_size(op); }

int list_contains(Object* op, Object* el)
{
    for (Py_ssize_t i = 0; i < list_size(op); i++) {
        Ref<> item = new_ref(list_item(op, i));
        int cmp = object_rich_compare_bool(item.get(), el, Py_EQ);
        if (cmp != 0) return cmp;
    }
    return 0;
}

Ref<> list_sq_item(Object* op, Py_ssize_t i)
{
    if (i < 0 || i >= list_size(op)) return format_error(Exc_IndexError, "list index out of range");
    return new_ref(list_item(op, i));
}

Ref<> list_concat(Object* a, Object* b)
{
    if (!list_check(b))
        return format_error(Exc_TypeError, "can only concatenate list (not \"%.200s\") to list", Py_TYPE(b)->tp_name);
    Py_ssize_t na = list_size(a), nb = list_size(b);
    Ref<> res = list_new(na + nb);
    if (!res) return nullptr;
    for (Py_ssize_t i = 0; i < na; i++) list_set_item(res.get(), i, new_ref(list_item(a, i)).release());
    for (Py_ssize_t i = 0; i < nb; i++) list_set_item(res.get(), na + i, new_ref(list_item(b, i)).release());
    return res;
}

Ref<> list_repeat(Object* a, Py_ssize_t n)
{
    Py_ssize_t size = list_size(a);
    if (n <= 0 || size == 0) return list_new(0);
    if (n > PTRDIFF_MAX / size) return error_no_memory();
    Ref<> res = list_new(size * n);
    if (!res) return nullptr;
    for (Py_ssize_t j = 0, k = 0; j < n; j++)
        for (Py_ssize_t i = 0; i < size; i++) list_set_item(res.get(), k++, new_ref(list_item(a, i)).release());
    return res;
}

Ref<> list_inplace_concat(Object* self, Object* other)
{
    if (list_extend(self, other) < 0) return nullptr;
    return new_ref(self);
}

Ref<> list_inplace_repeat(Object* self, Py_ssize_t n)
{
    Py_ssize_t size = list_size(self);
    if (size == 0 || n == 1) return new_ref(self);
    if (n < 1) {
        list_clear_items(L(self));
        return new_ref(self);
    }
    if (size > PTRDIFF_MAX / n) return error_no_memory();
    if (list_resize(L(self), size * n) < 0) return nullptr;
    Object** items = L(self)->ob_item;
    for (Py_ssize_t j = 1; j < n; j++)
        for (Py_ssize_t i = 0; i < size; i++) items[j * size + i] = new_ref(items[i]).release();
    return new_ref(self);
}

int list_ass_item(Object* op, Py_ssize_t i, Object* v)
{
    ListObject* self = L(op);
    if (i < 0 || i >= self->ob_size) {
        set_error(Exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (!v) {
        Object* old = self->ob_item[i];
        std::memmove(&self->ob_item[i], &self->ob_item[i + 1], static_cast<std::size_t>(self->ob_size - i - 1) * sizeof(Object*));
        list_resize(self, self->ob_size - 1);
        decref(old);
        return 0;
    }
    set_ref(self->ob_item[i], new_ref(v).release());
    return 0;
}

// a[ilow:ihigh] = v (v null: delete); v is any iterable.
int list_ass_slice(ListObject* a, Py_ssize_t ilow, Py_ssize_t ihigh, Object* v)
{
    std::vector<Object*> items;
    Ref<> seq;
    if (v) {
        seq = v == a ? list_as_tuple(v) : sequence_tuple(v);
        if (!seq) {
            if (error_matches(Exc_TypeError)) {
                error_clear();
                set_error(Exc_TypeError, "can only assign an iterable");
            }
            return -1;
        }
        for (Py_ssize_t i = 0; i < tuple_size(seq.get()); i++) items.push_back(tuple_item(seq.get(), i));
    }
    ilow = std::clamp<Py_ssize_t>(ilow, 0, a->ob_size);
    ihigh = std::clamp<Py_ssize_t>(ihigh, ilow, a->ob_size);
    Py_ssize_t norig = ihigh - ilow, n = static_cast<Py_ssize_t>(items.size()), d = n - norig;
    std::vector<Object*> recycle(a->ob_item + ilow, a->ob_item + ihigh);
    Py_ssize_t old_size = a->ob_size;
    if (d < 0) {
        std::memmove(&a->ob_item[ihigh + d], &a->ob_item[ihigh], static_cast<std::size_t>(old_size - ihigh) * sizeof(Object*));
        list_resize(a, old_size + d);
    } else if (d > 0) {
        if (list_resize(a, old_size + d) < 0) return -1;
        std::memmove(&a->ob_item[ihigh + d], &a->ob_item[ihigh], static_cast<std::size_t>(old_size - ihigh) * sizeof(Object*));
    }
    for (Py_ssize_t k = 0; k < n; k++) a->ob_item[ilow + k] = new_ref(items[static_cast<std::size_t>(k)]).release();
    for (Object* o : recycle) decref(o);
    return 0;
}

Ref<> list_subscript(Object* op, Object* item)
{
    if (index_check(item)) {
        Py_ssize_t i = number_as_ssize_t(item, Exc_IndexError);
        if (i == -1 && error_occurred()) return nullptr;
        if (i < 0) i += list_size(op);
        return list_sq_item(op, i);
    }
    if (slice_check(item)) {
        Py_ssize_t start, stop, step;
        if (slice_unpack(item, &start, &stop, &step) < 0) return nullptr;
        Py_ssize_t len = slice_adjust_indices(list_size(op), &start, &stop, step);
        Ref<> res = list_new(std::max<Py_ssize_t>(len, 0));
        if (!res) return nullptr;
        for (Py_ssize_t cur = start, i = 0; i < len; cur += step, i++)
            list_set_item(res.get(), i, new_ref(list_item(op, cur)).release());
        return res;
    }
    return format_error(Exc_TypeError, "list indices must be integers or slices, not %.200s", Py_TYPE(item)->tp_name);
}

int list_ass_subscript(Object* op, Object* item, Object* value)
{
    ListObject* self = L(op);
    if (index_check(item)) {
        Py_ssize_t i = number_as_ssize_t(item, Exc_IndexError);
        if (i == -1 && error_occurred()) return -1;
        if (i < 0) i += self->ob_size;
        return list_ass_item(op, i, value);
    }
    if (!slice_check(item)) {
        format_error(Exc_TypeError, "list indices must be integers or slices, not %.200s", Py_TYPE(item)->tp_name);
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (slice_unpack(item, &start, &stop, &step) < 0) return -1;
    Py_ssize_t slicelength = slice_adjust_indices(self->ob_size, &start, &stop, step);
    if (step == 1) return list_ass_slice(self, start, stop, value);
    if (!value) {
        if (slicelength <= 0) return 0;
        // Mark the doomed indices, then compact the survivors in order.
        std::vector<bool> doomed(static_cast<std::size_t>(self->ob_size), false);
        for (Py_ssize_t i = 0, cur = start; i < slicelength; i++, cur += step) doomed[static_cast<std::size_t>(cur)] = true;
        std::vector<Object*> garbage;
        Py_ssize_t k = 0;
        for (Py_ssize_t i = 0; i < self->ob_size; i++) {
            if (doomed[static_cast<std::size_t>(i)]) garbage.push_back(self->ob_item[i]);
            else self->ob_item[k++] = self->ob_item[i];
        }
        list_resize(self, k);
        for (Object* o : garbage) decref(o);
        return 0;
    }
    Ref<> seq = sequence_tuple(value);
    if (!seq) {
        if (error_matches(Exc_TypeError)) {
            error_clear();
            set_error(Exc_TypeError, "must assign iterable to extended slice");
        }
        return -1;
    }
    if (tuple_size(seq.get()) != slicelength) {
        format_error(Exc_ValueError, "attempt to assign sequence of size %zd to extended slice of size %zd",
                     tuple_size(seq.get()), slicelength);
        return -1;
    }
    for (Py_ssize_t i = 0, cur = start; i < slicelength; i++, cur += step)
        set_ref(self->ob_item[cur], new_ref(tuple_item(seq.get(), i)).release());
    return 0;
}

Ref<> list_richcompare(Object* v, Object* w, int op)
{
    if (!list_check(v) || !list_check(w)) return not_implemented_ref();
    if (list_size(v) != list_size(w) && (op == Py_EQ || op == Py_NE)) return bool_from_long(op == Py_NE);
    Py_ssize_t i;
    for (i = 0; i < list_size(v) && i < list_size(w); i++) {
        Ref<> vitem = new_ref(list_item(v, i)), witem = new_ref(list_item(w, i));
        if (vitem.get() == witem.get()) continue;
        int k = object_rich_compare_bool(vitem.get(), witem.get(), Py_EQ);
        if (k < 0) return nullptr;
        if (!k) break;
    }
    if (i >= list_size(v) || i >= list_size(w)) {
        Py_ssize_t vs = list_size(v), ws = list_size(w);
        bool r = op == Py_LT ? vs < ws : op == Py_LE ? vs <= ws : op == Py_EQ ? vs == ws : op == Py_NE ? vs != ws : op == Py_GT ? vs > ws : vs >= ws;
        return bool_from_long(r);
    }
    if (op == Py_EQ) return new_ref(Py_False());
    if (op == Py_NE) return new_ref(Py_True());
    Ref<> vitem = new_ref(list_item(v, i)), witem = new_ref(list_item(w, i));
    return object_rich_compare(vitem.get(), witem.get(), op);
}

// --- Methods ------------------------------------------------------------------

Ref<> list_append_method(Object* self, Object* item)
{
    if (list_append(self, item) < 0) return nullptr;
    return none_ref();
}

Ref<> list_extend_method(Object* self, Object* iterable)
{
    if (list_extend(self, iterable) < 0) return nullptr;
    return none_ref();
}

Ref<> list_insert_method(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("insert", nargs, 2, 2)) return nullptr;
    Py_ssize_t where = number_as_ssize_t(args[0], Exc_OverflowError);
    if (where == -1 && error_occurred()) return nullptr;
    if (list_insert(self, where, args[1]) < 0) return nullptr;
    return none_ref();
}

Ref<> list_pop(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("pop", nargs, 0, 1)) return nullptr;
    Py_ssize_t i = -1;
    if (nargs == 1) {
        i = number_as_ssize_t(args[0], Exc_OverflowError);
        if (i == -1 && error_occurred()) return nullptr;
    }
    Py_ssize_t n = list_size(self);
    if (n == 0) return format_error(Exc_IndexError, "pop from empty list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) return format_error(Exc_IndexError, "pop index out of range");
    Ref<> v = new_ref(list_item(self, i));
    if (list_ass_item(self, i, nullptr) < 0) return nullptr;
    return v;
}

Ref<> list_remove(Object* self, Object* value)
{
    for (Py_ssize_t i = 0; i < list_size(self); i++) {
        Ref<> item = new_ref(list_item(self, i));
        int cmp = object_rich_compare_bool(item.get(), value, Py_EQ);
        if (cmp > 0) {
            if (list_ass_item(self, i, nullptr) < 0) return nullptr;
            return none_ref();
        }
        if (cmp < 0) return nullptr;
    }
    return format_error(Exc_ValueError, "list.remove(x): x not in list");
}

Ref<> list_index(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("index", nargs, 1, 3)) return nullptr;
    Py_ssize_t start = 0, stop = PTRDIFF_MAX;
    if (nargs >= 2 && !eval_slice_index(args[1], &start)) return nullptr;
    if (nargs >= 3 && !eval_slice_index(args[2], &stop)) return nullptr;
    if (start < 0) start = std::max<Py_ssize_t>(start + list_size(self), 0);
    if (stop < 0) stop = std::max<Py_ssize_t>(stop + list_size(self), 0);
    for (Py_ssize_t i = start; i < stop && i < list_size(self); i++) {
        Ref<> item = new_ref(list_item(self, i));
        int cmp = object_rich_compare_bool(item.get(), args[0], Py_EQ);
        if (cmp > 0) return long_from_ssize_t(i);
        if (cmp < 0) return nullptr;
    }
    return format_error(Exc_ValueError, "%R is not in list", args[0]);
}

Ref<> list_count(Object* self, Object* value)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < list_size(self); i++) {
        Ref<> item = new_ref(list_item(self, i));
        int cmp = object_rich_compare_bool(item.get(), value, Py_EQ);
        if (cmp < 0) return nullptr;
        count += cmp;
    }
    return long_from_ssize_t(count);
}

Ref<> list_reverse_method(Object* self, Object*)
{
    if (list_reverse(self) < 0) return nullptr;
    return none_ref();
}

Ref<> list_copy(Object* self, Object*)
{
    Ref<> res = list_new(list_size(self));
    if (!res) return nullptr;
    for (Py_ssize_t i = 0; i < list_size(self); i++) list_set_item(res.get(), i, new_ref(list_item(self, i)).release());
    return res;
}

Ref<> list_clear_method(Object* self, Object*)
{
    list_clear_items(L(self));
    return none_ref();
}

Ref<> list_sort_method(Object* self, Object* const* args, Py_ssize_t nargs, Object* kwnames)
{
    if (nargs > 0) return format_error(Exc_TypeError, "sort() takes no positional arguments");
    Object* out[2];
    if (!parse_args_fastkw("sort", args, nargs, kwnames, {"key", "reverse"}, 0, out)) return nullptr;
    int reverse = 0;
    if (out[1]) {
        if (!long_check(out[1])) {
            // reverse is parsed as an int ("i" converter) in CPython.
            return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer", Py_TYPE(out[1])->tp_name);
        }
        reverse = object_is_true(out[1]);
    }
    Object* key = out[0] == Py_None() ? nullptr : out[0];
    if (list_sort(self, key, reverse != 0) < 0) return nullptr;
    return none_ref();
}

Ref<> list_sizeof(Object* self, Object*)
{
    return long_from_ssize_t(static_cast<Py_ssize_t>(sizeof(ListObject)) + L(self)->allocated * static_cast<Py_ssize_t>(sizeof(void*)));
}

Ref<> listiter_new(Object* seq, bool reversed);

Ref<> list_iter(Object* self) { return listiter_new(self, false); }
Ref<> list_reversed(Object* self, Object*) { return listiter_new(self, true); }

int list_init(Object* self, Object* args, Object* kwds)
{
    if (Py_TYPE(self) == &List_Type && !check_no_kwargs("list", kwds)) return -1;
    if (!check_positional("list", tuple_size(args), 0, 1)) return -1;
    list_clear_items(L(self));
    if (tuple_size(args) == 1) return list_extend(self, tuple_item(args, 0));
    return 0;
}

Ref<> list_tp_new(TypeObject* type, Object*, Object*) { return steal_ref(object_alloc_raw(type, 0)); }

MethodDef list_methods[] = {
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    method_noargs("__reversed__", list_reversed, "Return a reverse iterator over the list."),
    method_noargs("__sizeof__", list_sizeof, "Return the size of the list in memory, in bytes."),
    method_noargs("clear", list_clear_method, "Remove all items from list."),
    method_noargs("copy", list_copy, "Return a shallow copy of the list."),
    method_o("append", list_append_method, "Append object to the end of the list."),
    method_fast("insert", list_insert_method, "Insert object before index."),
    method_o("extend", list_extend_method, "Extend list by appending elements from the iterable."),
    method_fast("pop", list_pop, "Remove and return item at index (default last)."),
    method_o("remove", list_remove, "Remove first occurrence of value."),
    method_fast("index", list_index, "Return first index of value."),
    method_o("count", list_count, "Return number of occurrences of value."),
    method_noargs("reverse", list_reverse_method, "Reverse *IN PLACE*."),
    method_fastkw("sort", list_sort_method, "Sort the list in ascending order and return None."),
    {},
};

SequenceMethods list_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = list_length;
    sq.sq_concat = list_concat;
    sq.sq_repeat = list_repeat;
    sq.sq_item = list_sq_item;
    sq.sq_ass_item = list_ass_item;
    sq.sq_contains = list_contains;
    sq.sq_inplace_concat = list_inplace_concat;
    sq.sq_inplace_repeat = list_inplace_repeat;
    return sq;
}();
MappingMethods list_as_mapping = {list_length, list_subscript, list_ass_subscript};

// --- list_iterator and list_reverseiterator ------------------------------------

struct ListIterObject : Object {
    Py_ssize_t it_index;
    Object* it_seq;  // owned; null when exhausted
};

void listiter_dealloc(Object* op)
{
    clear_ref(static_cast<ListIterObject*>(op)->it_seq);
    object_dealloc_memory(op);
}
int listiter_traverse(Object* op, visitproc visit, void* arg)
{
    Object* s = static_cast<ListIterObject*>(op)->it_seq;
    return s ? visit(s, arg) : 0;
}
Ref<> listiter_next(Object* op)
{
    auto* it = static_cast<ListIterObject*>(op);
    if (!it->it_seq) return nullptr;
    if (it->it_index < list_size(it->it_seq)) return new_ref(list_item(it->it_seq, it->it_index++));
    clear_ref(it->it_seq);
    return nullptr;
}
Ref<> listreviter_next(Object* op)
{
    auto* it = static_cast<ListIterObject*>(op);
    if (!it->it_seq) return nullptr;
    if (it->it_index >= 0 && it->it_index < list_size(it->it_seq)) return new_ref(list_item(it->it_seq, it->it_index--));
    clear_ref(it->it_seq);
    return nullptr;
}
Ref<> listiter_len(Object* op, Object*)
{
    auto* it = static_cast<ListIterObject*>(op);
    if (!it->it_seq) return long_from_long(0);
    Py_ssize_t n = Py_TYPE(op) == &ListIter_Type ? list_size(it->it_seq) - it->it_index : it->it_index + 1;
    return long_from_ssize_t(std::max<Py_ssize_t>(n, 0));
}
// listiter_reduce_general: iter(list) or reversed(list) and the index;
// iter([]) once exhausted.
Ref<> listiter_reduce(Object* op, Object*)
{
    auto* it = static_cast<ListIterObject*>(op);
    bool forward = Py_TYPE(op) == &ListIter_Type;
    Object* make = eval_get_builtin(forward || !it->it_seq ? "iter" : "reversed");
    if (!make) return nullptr;
    if (!it->it_seq) {
        Ref<> empty = list_new(0);
        Ref<> args = empty ? tuple_pack({empty.get()}) : nullptr;
        return args ? tuple_pack({make, args.get()}) : nullptr;
    }
    Ref<> args = tuple_pack({it->it_seq});
    Ref<> index = long_from_ssize_t(it->it_index);
    if (!args || !index) return nullptr;
    return tuple_pack({make, args.get(), index.get()});
}
// __setstate__: the index clamped to the list ([0, len] going forward,
// [-1, len - 1] going backward: the ends mean exhausted).
Ref<> listiter_setstate(Object* op, Object* state)
{
    auto* it = static_cast<ListIterObject*>(op);
    if (!long_check(state)) return format_error(Exc_TypeError, "an integer is required");  // PyLong_AsSsize_t
    Py_ssize_t index = long_as_ssize_t(state);
    if (index == -1 && error_occurred()) return nullptr;
    if (it->it_seq) {
        Py_ssize_t n = list_size(it->it_seq);
        it->it_index = Py_TYPE(op) == &ListIter_Type ? std::clamp<Py_ssize_t>(index, 0, n)
                                                     : std::clamp<Py_ssize_t>(index, -1, n - 1);
    }
    return none_ref();
}
MethodDef listiter_methods[] = {
    method_noargs("__length_hint__", listiter_len, "Private method returning an estimate of len(list(it))."),
    method_noargs("__reduce__", listiter_reduce, "Return state information for pickling."),
    method_o("__setstate__", listiter_setstate, "Set state information for unpickling."),
    {},
};

Ref<> listiter_new(Object* seq, bool reversed)
{
    Ref<ListIterObject> it = object_new<ListIterObject>(reversed ? &ListRevIter_Type : &ListIter_Type);
    if (!it) return nullptr;
    it->it_seq = new_ref(seq).release();
    it->it_index = reversed ? list_size(seq) - 1 : 0;
    return it;
}

TypeObject listiter_type(const char* name, iternextfunc next)
{
    TypeObject t = static_type(name, sizeof(ListIterObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC);
    t.tp_dealloc = listiter_dealloc;
    t.tp_traverse = listiter_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = next;
    t.tp_methods = listiter_methods;
    return t;
}

}  // namespace

TypeObject List_Type = [] {
    TypeObject t = static_type("list", sizeof(ListObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LIST_SUBCLASS |
                                   Py_TPFLAGS_SEQUENCE,
                               "list(iterable=(), /)\n--\n\nBuilt-in mutable sequence.");
    t.tp_dealloc = list_dealloc;
    t.tp_repr = list_repr;
    t.tp_as_sequence = &list_as_sequence;
    t.tp_as_mapping = &list_as_mapping;
    t.tp_hash = hash_not_implemented;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = list_traverse;
    t.tp_clear = list_tp_clear;
    t.tp_richcompare = list_richcompare;
    t.tp_iter = list_iter;
    t.tp_methods = list_methods;
    t.tp_init = list_init;
    t.tp_new = list_tp_new;
    return t;
}();

TypeObject ListIter_Type = listiter_type("list_iterator", listiter_next);
TypeObject ListRevIter_Type = listiter_type("list_reverseiterator", listreviter_next);

}  // namespace minipy::runtime
