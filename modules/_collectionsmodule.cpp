// _collectionsmodule.cpp: the _collections module: deque, defaultdict,
// _count_elements (Counter's inner loop) and _tuplegetter (namedtuple's
// field descriptors). Mirrors CPython 3.11 Modules/_collectionsmodule.c.
// Book chapter 12, "The Standard Library".
//
// Design notes
// ------------
// * deque: CPython links fixed blocks of 64 slots; minipy keeps one ring
//   buffer of 2**k slots (head index + size), which gives the same O(1)
//   appends and pops at both ends and O(1) indexing. Item i lives at
//   ring[(head + i) & (capacity - 1)].
// * deque.state counts the mutations that move items (appends, pops,
//   rotations, clears, inserts, deletions; not item assignment or
//   reverse()). An iterator remembers the state it started with and
//   raises "deque mutated during iteration" when it changed; count(),
//   index() and `in` check it after each comparison, because a comparison
//   runs Python code that may change the deque.
// * Invariant for every mutation: the ring is consistent before any
//   reference is dropped, as a decref may run a __del__ that touches the
//   deque again.
// * maxlen < 0 means unbounded. A bounded deque that is full drops an item
//   from the opposite end on every append.
// * defaultdict is a static subclass of dict adding default_factory; dict's
//   subscript calls __missing__ on subclasses (runtime/dictobject.cpp).
#include <cstring>
#include <limits>
#include <vector>

#include "minipy/memory/obmalloc.h"
#include "minipy/runtime/abstract.h"
#include "minipy/runtime/boolobject.h"
#include "minipy/runtime/descrobject.h"
#include "minipy/runtime/dictobject.h"
#include "minipy/runtime/genericaliasobject.h"
#include "minipy/runtime/listobject.h"
#include "minipy/runtime/longobject.h"
#include "minipy/runtime/moduleobject.h"
#include "minipy/runtime/tupleobject.h"
#include "minipy/runtime/typeobject.h"
#include "minipy/runtime/unicodeobject.h"
#include "minipy/runtime/weakrefobject.h"

namespace minipy::modules {

using namespace runtime;

namespace {

constexpr Py_ssize_t PY_SSIZE_T_MAX_VALUE = std::numeric_limits<Py_ssize_t>::max();

// _PyType_Name: tp_name after its last dot ("collections.deque" -> "deque").
const char* type_short_name_public(const TypeObject* type)
{
    const char* dot = std::strrchr(type->tp_name, '.');
    return dot ? dot + 1 : type->tp_name;
}

Object* id(const char* name)
{
    // An interned str kept for the process (module-level names are few).
    Ref<> s = unicode_intern_from_string(name);
    return s.release();
}

// ===========================================================================
// deque

struct DequeObject : Object {
    Object** ring;        // mem_malloc'd, capacity slots; null while empty
    Py_ssize_t capacity;  // 0 or a power of two
    Py_ssize_t head;      // ring index of item 0
    Py_ssize_t size;
    Py_ssize_t maxlen;    // -1: unbounded
    std::size_t state;    // mutation counter (see the design notes)
    Object* weakreflist;  // weak references to this deque
};

extern TypeObject Deque_Type;
extern TypeObject DequeIter_Type;
extern TypeObject DequeRevIter_Type;

DequeObject* D(Object* op) { return static_cast<DequeObject*>(op); }

Object*& deque_slot(DequeObject* d, Py_ssize_t i) { return d->ring[(d->head + i) & (d->capacity - 1)]; }

[[nodiscard]] bool deque_reserve(DequeObject* d, Py_ssize_t needed)
{
    if (needed <= d->capacity) return true;
    Py_ssize_t cap = d->capacity ? d->capacity : 8;
    while (cap < needed) cap *= 2;
    auto* ring = static_cast<Object**>(memory::mem_malloc(static_cast<std::size_t>(cap) * sizeof(Object*)));
    if (!ring) {
        error_no_memory();
        return false;
    }
    for (Py_ssize_t i = 0; i < d->size; i++) ring[i] = deque_slot(d, i);
    memory::mem_free(d->ring);
    d->ring = ring;
    d->capacity = cap;
    d->head = 0;
    return true;
}

// Removes and returns the first or last item (size > 0), without touching
// state: the callers decide how the mutation counts.
Ref<> deque_take_left(DequeObject* d)
{
    Object* item = d->ring[d->head];
    d->head = (d->head + 1) & (d->capacity - 1);
    d->size--;
    return steal_ref(item);
}
Ref<> deque_take_right(DequeObject* d)
{
    Object* item = deque_slot(d, d->size - 1);
    d->size--;
    return steal_ref(item);
}

// deque_append_internal / deque_appendleft_internal: item is stolen.
[[nodiscard]] int deque_push_right(DequeObject* d, Ref<> item)
{
    if (!deque_reserve(d, d->size + 1)) return -1;
    d->size++;
    deque_slot(d, d->size - 1) = item.release();
    d->state++;
    if (d->maxlen >= 0 && d->size > d->maxlen) {
        Ref<> dropped = deque_take_left(d);  // dropped after the ring is consistent
    }
    return 0;
}
[[nodiscard]] int deque_push_left(DequeObject* d, Ref<> item)
{
    if (!deque_reserve(d, d->size + 1)) return -1;
    d->head = (d->head - 1) & (d->capacity - 1);
    d->ring[d->head] = item.release();
    d->size++;
    d->state++;
    if (d->maxlen >= 0 && d->size > d->maxlen) {
        Ref<> dropped = deque_take_right(d);
    }
    return 0;
}

void deque_clear_items(DequeObject* d)
{
    Object** ring = d->ring;
    Py_ssize_t cap = d->capacity, head = d->head, n = d->size;
    d->ring = nullptr;
    d->capacity = d->head = d->size = 0;
    d->state++;
    for (Py_ssize_t i = 0; i < n; i++) decref(ring[(head + i) & (cap - 1)]);
    memory::mem_free(ring);
}

Ref<> deque_tp_new(TypeObject* type, Object*, Object*)
{
    Ref<> self = steal_ref(object_alloc_raw(type, 0));
    if (!self) return nullptr;
    D(self.get())->maxlen = -1;
    return self;
}

void deque_dealloc(Object* op)
{
    if (D(op)->weakreflist) object_clear_weakrefs(op);
    deque_clear_items(D(op));
    object_dealloc_memory(op);
}

int deque_traverse(Object* op, visitproc visit, void* arg)
{
    DequeObject* d = D(op);
    for (Py_ssize_t i = 0; i < d->size; i++)
        if (int r = visit(deque_slot(d, i), arg)) return r;
    return 0;
}

int deque_tp_clear(Object* op)
{
    deque_clear_items(D(op));
    return 0;
}

// Drains an iterator without keeping its items (extending a deque with
// maxlen=0 still consumes the iterable, as CPython's consume_iterator).
[[nodiscard]] int consume_iterator(Object* it)
{
    for (;;) {
        Ref<> item = iter_next(it);
        if (!item) return error_occurred() ? -1 : 0;
    }
}

[[nodiscard]] int deque_extend_impl(DequeObject* d, Object* iterable, bool left)
{
    // Extending a deque with itself iterates over a snapshot.
    Ref<> snapshot;
    if (iterable == d) {
        snapshot = sequence_list(iterable);
        if (!snapshot) return -1;
        iterable = snapshot.get();
    }
    Ref<> it = object_get_iter(iterable);
    if (!it) return -1;
    if (d->maxlen == 0) return consume_iterator(it.get());
    for (;;) {
        Ref<> item = iter_next(it.get());
        if (!item) return error_occurred() ? -1 : 0;
        if ((left ? deque_push_left(d, std::move(item)) : deque_push_right(d, std::move(item))) < 0) return -1;
    }
}

Ref<> deque_append(Object* self, Object* item)
{
    if (deque_push_right(D(self), new_ref(item)) < 0) return nullptr;
    return none_ref();
}
Ref<> deque_appendleft(Object* self, Object* item)
{
    if (deque_push_left(D(self), new_ref(item)) < 0) return nullptr;
    return none_ref();
}
Ref<> deque_extend(Object* self, Object* iterable)
{
    if (deque_extend_impl(D(self), iterable, false) < 0) return nullptr;
    return none_ref();
}
Ref<> deque_extendleft(Object* self, Object* iterable)
{
    if (deque_extend_impl(D(self), iterable, true) < 0) return nullptr;
    return none_ref();
}

Ref<> deque_pop(Object* self, Object*)
{
    DequeObject* d = D(self);
    if (d->size == 0) return format_error(Exc_IndexError, "pop from an empty deque");
    d->state++;
    return deque_take_right(d);
}
Ref<> deque_popleft(Object* self, Object*)
{
    DequeObject* d = D(self);
    if (d->size == 0) return format_error(Exc_IndexError, "pop from an empty deque");
    d->state++;
    return deque_take_left(d);
}

Ref<> deque_clear_method(Object* self, Object*)
{
    deque_clear_items(D(self));
    return none_ref();
}

// _deque_rotate: n > 0 moves the last n items to the front.
void deque_rotate_impl(DequeObject* d, Py_ssize_t n)
{
    Py_ssize_t len = d->size;
    if (len <= 1) return;
    Py_ssize_t half = len >> 1;
    if (n > half || n < -half) {
        n %= len;
        if (n > half) n -= len;
        else if (n < -half) n += len;
    }
    d->state++;
    if (n == 0) return;
    Py_ssize_t mask = d->capacity - 1;
    if (len == d->capacity) {  // full ring: rotating is moving the head
        d->head = (d->head - n) & mask;
        return;
    }
    for (; n > 0; n--) {  // last item becomes the first
        Object* item = deque_slot(d, len - 1);
        d->head = (d->head - 1) & mask;
        d->ring[d->head] = item;
    }
    for (; n < 0; n++) {  // first item becomes the last
        Object* item = d->ring[d->head];
        d->head = (d->head + 1) & mask;
        deque_slot(d, len - 1) = item;
    }
}

Ref<> deque_rotate(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("rotate", nargs, 0, 1)) return nullptr;
    Py_ssize_t n = 1;
    if (nargs == 1) {
        if (!index_check(args[0]))
            return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                Py_TYPE(args[0])->tp_name);
        n = number_as_ssize_t(args[0], Exc_OverflowError);
        if (n == -1 && error_occurred()) return nullptr;
    }
    deque_rotate_impl(D(self), n);
    return none_ref();
}

Ref<> deque_reverse(Object* self, Object*)
{
    DequeObject* d = D(self);
    for (Py_ssize_t i = 0, j = d->size - 1; i < j; i++, j--) std::swap(deque_slot(d, i), deque_slot(d, j));
    return none_ref();
}

// The comparison loop of count/index/remove/`in`: compares items
// [start, stop) with value; returns the index of the first equal one, -1
// when none, -2 on error. A mutation during a comparison raises exc.
Py_ssize_t deque_find(DequeObject* d, Object* value, Py_ssize_t start, Py_ssize_t stop, TypeObject* exc)
{
    std::size_t start_state = d->state;
    for (Py_ssize_t i = start; i < stop && i < d->size; i++) {
        Ref<> item = new_ref(deque_slot(d, i));
        int cmp = object_rich_compare_bool(item.get(), value, Py_EQ);
        if (cmp < 0) return -2;
        if (start_state != d->state) {
            set_error(exc, "deque mutated during iteration");
            return -2;
        }
        if (cmp > 0) return i;
    }
    return -1;
}

Ref<> deque_count(Object* self, Object* value)
{
    DequeObject* d = D(self);
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0;;) {
        Py_ssize_t found = deque_find(d, value, i, d->size, Exc_RuntimeError);
        if (found == -2) return nullptr;
        if (found == -1) break;
        count++;
        i = found + 1;
    }
    return long_from_ssize_t(count);
}

int deque_contains(Object* self, Object* value)
{
    Py_ssize_t found = deque_find(D(self), value, 0, D(self)->size, Exc_RuntimeError);
    return found == -2 ? -1 : found >= 0;
}

// _PyEval_SliceIndexNotNone for index()'s start and stop.
[[nodiscard]] bool slice_index(Object* v, Py_ssize_t* out)
{
    if (!index_check(v)) {
        set_error(Exc_TypeError, "slice indices must be integers or have an __index__ method");
        return false;
    }
    Py_ssize_t x = number_as_ssize_t(v, nullptr);
    if (x == -1 && error_occurred()) return false;
    *out = x;
    return true;
}

Ref<> deque_index(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("index", nargs, 1, 3)) return nullptr;
    DequeObject* d = D(self);
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX_VALUE;
    if (nargs > 1 && !slice_index(args[1], &start)) return nullptr;
    if (nargs > 2 && !slice_index(args[2], &stop)) return nullptr;
    Py_ssize_t n = d->size;
    if (start < 0) {
        start += n;
        if (start < 0) start = 0;
    }
    if (stop < 0) {
        stop += n;
        if (stop < 0) stop = 0;
    }
    if (stop > n) stop = n;
    if (start > stop) start = stop;
    Py_ssize_t found = deque_find(d, args[0], start, stop, Exc_RuntimeError);
    if (found == -2) return nullptr;
    if (found == -1) return format_error(Exc_ValueError, "%R is not in deque", args[0]);
    return long_from_ssize_t(found);
}

// Removes item i (0 <= i < size), closing the gap from the nearer end.
void deque_del_item(DequeObject* d, Py_ssize_t i)
{
    Object* item = deque_slot(d, i);
    if (i < d->size / 2) {
        for (Py_ssize_t k = i; k > 0; k--) deque_slot(d, k) = deque_slot(d, k - 1);
        d->head = (d->head + 1) & (d->capacity - 1);
    } else {
        for (Py_ssize_t k = i; k < d->size - 1; k++) deque_slot(d, k) = deque_slot(d, k + 1);
    }
    d->size--;
    d->state++;
    decref(item);
}

Ref<> deque_remove(Object* self, Object* value)
{
    DequeObject* d = D(self);
    Py_ssize_t found = deque_find(d, value, 0, d->size, Exc_IndexError);
    if (found == -2) return nullptr;
    if (found == -1) return format_error(Exc_ValueError, "%R is not in deque", value);
    deque_del_item(d, found);
    return none_ref();
}

Ref<> deque_insert(Object* self, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("insert", nargs, 2, 2)) return nullptr;
    DequeObject* d = D(self);
    if (!index_check(args[0]))
        return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                            Py_TYPE(args[0])->tp_name);
    Py_ssize_t i = number_as_ssize_t(args[0], Exc_OverflowError);
    if (i == -1 && error_occurred()) return nullptr;
    if (d->maxlen == d->size) return format_error(Exc_IndexError, "deque already at its maximum size");
    Py_ssize_t n = d->size;
    if (i < 0) {
        i += n;
        if (i < 0) i = 0;
    }
    if (i > n) i = n;
    if (!deque_reserve(d, n + 1)) return nullptr;
    d->size++;
    for (Py_ssize_t k = n; k > i; k--) deque_slot(d, k) = deque_slot(d, k - 1);
    deque_slot(d, i) = new_ref(args[1]).release();
    d->state++;
    return none_ref();
}

Py_ssize_t deque_length(Object* self) { return D(self)->size; }

Ref<> deque_item(Object* self, Py_ssize_t i)
{
    DequeObject* d = D(self);
    if (i < 0 || i >= d->size) return format_error(Exc_IndexError, "deque index out of range");
    return new_ref(deque_slot(d, i));
}

int deque_ass_item(Object* self, Py_ssize_t i, Object* value)
{
    DequeObject* d = D(self);
    if (i < 0 || i >= d->size) {
        set_error(Exc_IndexError, "deque index out of range");
        return -1;
    }
    if (!value) {
        deque_del_item(d, i);
        return 0;
    }
    Object*& slot = deque_slot(d, i);
    Object* old = slot;
    slot = new_ref(value).release();
    decref(old);
    return 0;
}

// A new deque like self (same type and maxlen) holding iterable's items:
// deque_copy's rule, calling a subclass so that its __init__ runs.
Ref<> deque_new_like(Object* self, Object* iterable)
{
    DequeObject* d = D(self);
    if (Py_TYPE(self) == &Deque_Type) {
        Ref<> result = deque_tp_new(&Deque_Type, nullptr, nullptr);
        if (!result) return nullptr;
        D(result.get())->maxlen = d->maxlen;
        if (deque_extend_impl(D(result.get()), iterable, false) < 0) return nullptr;
        return result;
    }
    if (d->maxlen < 0) return call_one_arg(reinterpret_cast<Object*>(Py_TYPE(self)), iterable);
    Ref<> maxlen = long_from_ssize_t(d->maxlen);
    if (!maxlen) return nullptr;
    return call_function_objargs(reinterpret_cast<Object*>(Py_TYPE(self)), {iterable, maxlen.get()});
}

Ref<> deque_copy(Object* self, Object*) { return deque_new_like(self, self); }

Ref<> deque_concat(Object* self, Object* other)
{
    if (!object_type_check(other, &Deque_Type))
        return format_error(Exc_TypeError, "can only concatenate %.200s (not \"%.200s\") to %.200s",
                            type_short_name_public(Py_TYPE(self)), Py_TYPE(other)->tp_name,
                            type_short_name_public(Py_TYPE(self)));
    Ref<> result = deque_copy(self, nullptr);
    if (!result) return nullptr;
    if (deque_extend_impl(D(result.get()), other, false) < 0) return nullptr;
    return result;
}

Ref<> deque_inplace_concat(Object* self, Object* other)
{
    if (deque_extend_impl(D(self), other, false) < 0) return nullptr;
    return new_ref(self);
}

// d *= n: as if the original items were appended n - 1 more times, each
// append trimming a bounded deque; only the last maxlen of those appends
// can survive, so a bounded deque makes at most maxlen of them.
Ref<> deque_inplace_repeat(Object* self, Py_ssize_t n)
{
    DequeObject* d = D(self);
    if (n <= 0) {
        deque_clear_items(d);
        return new_ref(self);
    }
    Py_ssize_t size = d->size;
    if (size == 0 || n == 1) return new_ref(self);
    if (size > PY_SSIZE_T_MAX_VALUE / n) {
        if (d->maxlen < 0) return error_no_memory();
    }
    Py_ssize_t appended = size > PY_SSIZE_T_MAX_VALUE / (n - 1) ? PY_SSIZE_T_MAX_VALUE : size * (n - 1);
    Py_ssize_t first = 0;  // index in the stream of appended items
    if (d->maxlen >= 0 && appended > d->maxlen) first = appended - d->maxlen;
    std::vector<Ref<>> original;
    original.reserve(static_cast<std::size_t>(size));
    for (Py_ssize_t i = 0; i < size; i++) original.push_back(new_ref(deque_slot(d, i)));
    for (Py_ssize_t j = first; j < appended; j++)
        if (deque_push_right(d, original[static_cast<std::size_t>(j % size)]) < 0) return nullptr;
    return new_ref(self);
}

Ref<> deque_repeat(Object* self, Py_ssize_t n)
{
    Ref<> result = deque_copy(self, nullptr);
    if (!result) return nullptr;
    return deque_inplace_repeat(result.get(), n);
}

Ref<> deque_repr(Object* self)
{
    int status = repr_enter(self);
    if (status != 0) return status > 0 ? unicode_from_string("[...]") : nullptr;
    Ref<> list = sequence_list(self);
    Ref<> result;
    if (list) {
        const char* name = type_short_name_public(Py_TYPE(self));
        DequeObject* d = D(self);
        result = d->maxlen >= 0 ? unicode_from_format("%s(%R, maxlen=%zd)", name, list.get(), d->maxlen)
                                : unicode_from_format("%s(%R)", name, list.get());
    }
    repr_leave(self);
    return result;
}

Ref<> deque_richcompare(Object* v, Object* w, int op)
{
    if (!object_type_check(v, &Deque_Type) || !object_type_check(w, &Deque_Type)) return not_implemented_ref();
    DequeObject* a = D(v);
    DequeObject* b = D(w);
    if ((op == Py_EQ || op == Py_NE) && a->size != b->size) return new_ref(op == Py_EQ ? Py_True() : Py_False());
    // Find the first index where the items differ (compared as `==`).
    Py_ssize_t i = 0;
    for (; i < a->size && i < b->size; i++) {
        Ref<> x = new_ref(deque_slot(a, i));
        Ref<> y = new_ref(deque_slot(b, i));
        int eq = object_rich_compare_bool(x.get(), y.get(), Py_EQ);
        if (eq < 0) return nullptr;
        if (!eq) {
            if (op == Py_EQ) return new_ref(Py_False());
            if (op == Py_NE) return new_ref(Py_True());
            return object_rich_compare(x.get(), y.get(), op);
        }
    }
    Py_ssize_t la = a->size, lb = b->size;
    bool r = false;
    switch (op) {
    case Py_LT: r = la < lb; break;
    case Py_LE: r = la <= lb; break;
    case Py_EQ: r = la == lb; break;
    case Py_NE: r = la != lb; break;
    case Py_GT: r = la > lb; break;
    case Py_GE: r = la >= lb; break;
    default: break;
    }
    return new_ref(r ? Py_True() : Py_False());
}

// deque([iterable[, maxlen]]): PyArg_ParseTupleAndKeywords's rules and words.
int deque_init(Object* self, Object* args, Object* kwds)
{
    Object* parsed[2] = {nullptr, nullptr};
    static const char* const names[2] = {"iterable", "maxlen"};
    Py_ssize_t nargs = tuple_size(args);
    Py_ssize_t nkw = kwds ? dict_size(kwds) : 0;
    if (nargs + nkw > 2) {
        format_error(Exc_TypeError, "deque() takes at most 2 arguments (%zd given)", nargs + nkw);
        return -1;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) parsed[i] = tuple_item(args, i);
    if (kwds) {
        Py_ssize_t pos = 0;
        Object *key, *value;
        while (dict_next(kwds, &pos, &key, &value)) {
            int slot = -1;
            for (int k = 0; k < 2; k++)
                if (unicode_check(key) && unicode_equal_to_ascii(key, names[k])) slot = k;
            if (slot < 0) {
                format_error(Exc_TypeError, "'%U' is an invalid keyword argument for deque()", key);
                return -1;
            }
            if (parsed[slot]) {
                format_error(Exc_TypeError, "argument for deque() given by name ('%s') and position (%d)",
                             names[slot], slot + 1);
                return -1;
            }
            parsed[slot] = value;
        }
    }
    DequeObject* d = D(self);
    Py_ssize_t maxlen = -1;
    if (parsed[1] && parsed[1] != Py_None()) {
        if (!long_check(parsed[1])) {
            set_error(Exc_TypeError, "an integer is required");
            return -1;
        }
        maxlen = long_as_ssize_t(parsed[1]);
        if (maxlen == -1 && error_occurred()) return -1;
        if (maxlen < 0) {
            set_error(Exc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    if (d->size > 0) deque_clear_items(d);
    if (parsed[0]) return deque_extend_impl(d, parsed[0], false);
    return 0;
}

Ref<> deque_get_maxlen(Object* self, void*)
{
    if (D(self)->maxlen < 0) return none_ref();
    return long_from_ssize_t(D(self)->maxlen);
}

Ref<> deque_sizeof(Object* self, Object*)
{
    auto size = static_cast<Py_ssize_t>(Py_TYPE(self)->tp_basicsize) +
                D(self)->capacity * static_cast<Py_ssize_t>(sizeof(Object*));
    return long_from_ssize_t(size);
}

// __reduce__: (type, () or ((), maxlen), state, iterator over the items).
Ref<> deque_reduce(Object* self, Object*)
{
    Ref<> state;
    Object** dictptr = object_get_dict_ptr(self);
    if (dictptr && *dictptr && dict_size(*dictptr) > 0) state = new_ref(*dictptr);
    else state = none_ref();
    Ref<> it = object_get_iter(self);
    if (!it) return nullptr;
    Ref<> ctor_args;
    if (D(self)->maxlen < 0) {
        ctor_args = tuple_new(0);
    } else {
        Ref<> empty = tuple_new(0);
        Ref<> maxlen = long_from_ssize_t(D(self)->maxlen);
        if (!empty || !maxlen) return nullptr;
        ctor_args = tuple_pack({empty.get(), maxlen.get()});
    }
    if (!ctor_args) return nullptr;
    return tuple_pack({reinterpret_cast<Object*>(Py_TYPE(self)), ctor_args.get(), state.get(), it.get()});
}

// --- the iterators ------------------------------------------------------------

struct DequeIterObject : Object {
    Object* deque;       // owned
    Py_ssize_t index;    // the next item's position
    Py_ssize_t counter;  // items left
    std::size_t state;   // the deque's state when the iterator was made
};

Ref<> dequeiter_make(TypeObject* type, Object* deque)
{
    Ref<DequeIterObject> it = object_new<DequeIterObject>(type);
    if (!it) return nullptr;
    DequeObject* d = D(deque);
    it->deque = new_ref(deque).release();
    it->counter = d->size;
    it->index = type == &DequeIter_Type ? 0 : d->size - 1;
    it->state = d->state;
    return it;
}

Ref<> deque_iter(Object* self) { return dequeiter_make(&DequeIter_Type, self); }
Ref<> deque_reversed(Object* self, Object*) { return dequeiter_make(&DequeRevIter_Type, self); }

void dequeiter_dealloc(Object* op)
{
    clear_ref(static_cast<DequeIterObject*>(op)->deque);
    object_dealloc_memory(op);
}
int dequeiter_traverse(Object* op, visitproc visit, void* arg)
{
    Object* d = static_cast<DequeIterObject*>(op)->deque;
    return d ? visit(d, arg) : 0;
}

Ref<> dequeiter_next(Object* op)
{
    auto* it = static_cast<DequeIterObject*>(op);
    DequeObject* d = D(it->deque);
    if (it->state != d->state) {
        it->counter = 0;
        return format_error(Exc_RuntimeError, "deque mutated during iteration");
    }
    if (it->counter == 0) return nullptr;
    it->counter--;
    Object* item = deque_slot(d, it->index);
    it->index += Py_TYPE(op) == &DequeIter_Type ? 1 : -1;
    return new_ref(item);
}

Ref<> dequeiter_len(Object* op, Object*) { return long_from_ssize_t(static_cast<DequeIterObject*>(op)->counter); }

Ref<> dequeiter_reduce(Object* op, Object*)
{
    auto* it = static_cast<DequeIterObject*>(op);
    Ref<> done = long_from_ssize_t(D(it->deque)->size - it->counter);
    if (!done) return nullptr;
    Ref<> args = tuple_pack({it->deque, done.get()});
    if (!args) return nullptr;
    return tuple_pack({reinterpret_cast<Object*>(Py_TYPE(op)), args.get()});
}

// _deque_iterator(deque, index=0): the pickling constructor.
Ref<> dequeiter_tp_new(TypeObject* type, Object* args, Object* kwds)
{
    Object* parsed[2] = {nullptr, nullptr};
    if (!parse_args_tuple_kw(type->tp_name, args, kwds, {"", ""}, 1, parsed)) return nullptr;
    if (!object_type_check(parsed[0], &Deque_Type))
        return format_error(Exc_TypeError, "argument 1 must be collections.deque, not %.200s",
                            Py_TYPE(parsed[0])->tp_name);
    Ref<> it = dequeiter_make(type, parsed[0]);
    if (!it || !parsed[1]) return it;
    Py_ssize_t skip = number_as_ssize_t(parsed[1], Exc_OverflowError);
    if (skip == -1 && error_occurred()) return nullptr;
    for (Py_ssize_t i = 0; i < skip; i++) {
        Ref<> item = dequeiter_next(it.get());
        if (!item) {
            if (error_occurred()) return nullptr;
            break;
        }
    }
    return it;
}

MethodDef dequeiter_methods[] = {
    method_noargs("__length_hint__", dequeiter_len, "Private method returning an estimate of len(list(it))."),
    method_noargs("__reduce__", dequeiter_reduce, "Return state information for pickling."),
    {},
};

TypeObject dequeiter_type(const char* name)
{
    TypeObject t = static_type(name, sizeof(DequeIterObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = dequeiter_dealloc;
    t.tp_traverse = dequeiter_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_iter = object_self_iter;
    t.tp_iternext = dequeiter_next;
    t.tp_methods = dequeiter_methods;
    t.tp_new = dequeiter_tp_new;
    return t;
}

TypeObject DequeIter_Type = dequeiter_type("_collections._deque_iterator");
TypeObject DequeRevIter_Type = dequeiter_type("_collections._deque_reverse_iterator");

MethodDef deque_methods[] = {
    method_o("append", deque_append, "Add an element to the right side of the deque."),
    method_o("appendleft", deque_appendleft, "Add an element to the left side of the deque."),
    method_noargs("clear", deque_clear_method, "Remove all elements from the deque."),
    method_noargs("__copy__", deque_copy, "Return a shallow copy of a deque."),
    method_noargs("copy", deque_copy, "Return a shallow copy of a deque."),
    method_o("count", deque_count, "D.count(value) -- return number of occurrences of value"),
    method_o("extend", deque_extend, "Extend the right side of the deque with elements from the iterable"),
    method_o("extendleft", deque_extendleft, "Extend the left side of the deque with elements from the iterable"),
    method_fast("index", deque_index,
                "D.index(value, [start, [stop]]) -- return first index of value.\n"
                "Raises ValueError if the value is not present."),
    method_fast("insert", deque_insert, "D.insert(index, object) -- insert object before index"),
    method_noargs("pop", deque_pop, "Remove and return the rightmost element."),
    method_noargs("popleft", deque_popleft, "Remove and return the leftmost element."),
    method_noargs("__reduce__", deque_reduce, "Return state information for pickling."),
    method_o("remove", deque_remove, "D.remove(value) -- remove first occurrence of value."),
    method_noargs("__reversed__", deque_reversed, "D.__reversed__() -- return a reverse iterator over the deque"),
    method_noargs("reverse", deque_reverse, "D.reverse() -- reverse *IN PLACE*"),
    method_fast("rotate", deque_rotate, "Rotate the deque n steps to the right (default n=1).  If n is negative, "
                                        "rotates left."),
    method_noargs("__sizeof__", deque_sizeof, "D.__sizeof__() -- size of D in memory, in bytes"),
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    {},
};

GetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, nullptr, "maximum size of a deque or None if unbounded", nullptr},
    {},
};

SequenceMethods deque_as_sequence = [] {
    SequenceMethods sq{};
    sq.sq_length = deque_length;
    sq.sq_concat = deque_concat;
    sq.sq_repeat = deque_repeat;
    sq.sq_item = deque_item;
    sq.sq_ass_item = deque_ass_item;
    sq.sq_contains = deque_contains;
    sq.sq_inplace_concat = deque_inplace_concat;
    sq.sq_inplace_repeat = deque_inplace_repeat;
    return sq;
}();

TypeObject Deque_Type = [] {
    TypeObject t = static_type("collections.deque", sizeof(DequeObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE,
                               "deque([iterable[, maxlen]]) --> deque object\n\n"
                               "A list-like sequence optimized for data accesses near its endpoints.");
    t.tp_dealloc = deque_dealloc;
    t.tp_repr = deque_repr;
    t.tp_as_sequence = &deque_as_sequence;
    t.tp_hash = hash_not_implemented;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = deque_traverse;
    t.tp_clear = deque_tp_clear;
    t.tp_richcompare = deque_richcompare;
    t.tp_iter = deque_iter;
    t.tp_methods = deque_methods;
    t.tp_getset = deque_getset;
    t.tp_weaklistoffset = static_cast<Py_ssize_t>(offsetof(DequeObject, weakreflist));
    t.tp_init = deque_init;
    t.tp_new = deque_tp_new;
    return t;
}();

// ===========================================================================
// defaultdict

struct DefDictObject : DictObject {
    Object* default_factory;  // owned or null (None)
};

extern TypeObject DefDict_Type;

DefDictObject* DD(Object* op) { return static_cast<DefDictObject*>(op); }

Ref<> defdict_missing(Object* self, Object* key)
{
    Object* factory = DD(self)->default_factory;
    if (!factory || factory == Py_None()) {
        Ref<> tup = tuple_pack({key});
        if (tup) set_error_object(Exc_KeyError, tup.get());
        return nullptr;
    }
    Ref<> value = call_no_args(factory);
    if (!value) return nullptr;
    if (object_set_item(self, key, value.get()) < 0) return nullptr;
    return value;
}

// type(dd)(dd.default_factory, arg): copy() and `|` call the class, so a
// subclass with another constructor overrides them.
Ref<> defdict_new_like(Object* dd, Object* arg)
{
    Object* factory = DD(dd)->default_factory ? DD(dd)->default_factory : Py_None();
    return call_function_objargs(reinterpret_cast<Object*>(Py_TYPE(dd)), {factory, arg});
}

Ref<> defdict_copy(Object* self, Object*) { return defdict_new_like(self, self); }

Ref<> defdict_reduce(Object* self, Object*)
{
    Object* factory = DD(self)->default_factory;
    Ref<> args = factory && factory != Py_None() ? tuple_pack({factory}) : tuple_new(0);
    if (!args) return nullptr;
    Ref<> items = call_method(self, "items");
    if (!items) return nullptr;
    Ref<> it = object_get_iter(items.get());
    if (!it) return nullptr;
    return tuple_pack({reinterpret_cast<Object*>(Py_TYPE(self)), args.get(), Py_None(), Py_None(), it.get()});
}

Ref<> defdict_repr(Object* self)
{
    Ref<> base = Dict_Type.tp_repr(self);
    if (!base) return nullptr;
    Object* factory = DD(self)->default_factory;
    Ref<> factory_repr;
    if (!factory || factory == Py_None()) {
        factory_repr = unicode_from_string("None");
    } else {
        int status = repr_enter(factory);
        if (status < 0) return nullptr;
        if (status > 0) {
            factory_repr = unicode_from_string("...");
        } else {
            factory_repr = object_repr(factory);
            repr_leave(factory);
        }
    }
    if (!factory_repr) return nullptr;
    return unicode_from_format("%s(%U, %U)", type_short_name_public(Py_TYPE(self)), factory_repr.get(), base.get());
}

Ref<> defdict_or(Object* left, Object* right)
{
    Object* self = object_type_check(left, &DefDict_Type) ? left : right;
    Object* other = self == left ? right : left;
    if (!dict_check(other)) return not_implemented_ref();
    Ref<> result = defdict_new_like(self, left);
    if (!result) return nullptr;
    if (dict_update(result.get(), right) < 0) return nullptr;
    return result;
}

int defdict_init(Object* self, Object* args, Object* kwds)
{
    Object* factory = nullptr;
    Ref<> rest;
    if (tuple_size(args) > 0) {
        factory = tuple_item(args, 0);
        if (factory != Py_None() && !callable_check(factory)) {
            set_error(Exc_TypeError, "first argument must be callable or None");
            return -1;
        }
        rest = tuple_get_slice(args, 1, tuple_size(args));
    } else {
        rest = new_ref(args);
    }
    if (!rest) return -1;
    set_ref(DD(self)->default_factory, factory ? new_ref(factory).release() : nullptr);
    return Dict_Type.tp_init(self, rest.get(), kwds);
}

void defdict_dealloc(Object* op)
{
    clear_ref(DD(op)->default_factory);
    Dict_Type.tp_dealloc(op);
}

int defdict_traverse(Object* op, visitproc visit, void* arg)
{
    if (Object* f = DD(op)->default_factory)
        if (int r = visit(f, arg)) return r;
    return Dict_Type.tp_traverse(op, visit, arg);
}

int defdict_tp_clear(Object* op)
{
    clear_ref(DD(op)->default_factory);
    return Dict_Type.tp_clear ? Dict_Type.tp_clear(op) : 0;
}

MethodDef defdict_methods[] = {
    method_o("__missing__", defdict_missing,
             "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
             "  if self.default_factory is None: raise KeyError((key,))\n"
             "  self[key] = value = self.default_factory()\n"
             "  return value"),
    method_noargs("copy", defdict_copy, "D.copy() -> a shallow copy of D."),
    method_noargs("__copy__", defdict_copy, "D.copy() -> a shallow copy of D."),
    method_noargs("__reduce__", defdict_reduce, "Return state information for pickling."),
    method_o("__class_getitem__", generic_alias_class_getitem, "See PEP 585", METH_CLASS),
    {},
};

MemberDef defdict_members[] = {
    {"default_factory", T_OBJECT, static_cast<Py_ssize_t>(offsetof(DefDictObject, default_factory)), 0,
     "Factory for default value called by __missing__()."},
    {},
};

NumberMethods defdict_as_number = [] {
    NumberMethods nb{};
    nb.nb_or = defdict_or;
    return nb;
}();

TypeObject DefDict_Type = [] {
    TypeObject t = static_type(
        "collections.defaultdict", sizeof(DefDictObject), 0,
        Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DICT_SUBCLASS | Py_TPFLAGS_MAPPING,
        "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
        "The default factory is called without arguments to produce\n"
        "a new value when a key is not present, in __getitem__ only.\n"
        "A defaultdict compares equal to a dict with the same items.\n"
        "All remaining arguments are treated the same as if they were\n"
        "passed to the dict constructor, including keyword arguments.\n");
    t.tp_base = &Dict_Type;
    t.tp_dealloc = defdict_dealloc;
    t.tp_repr = defdict_repr;
    t.tp_as_number = &defdict_as_number;
    t.tp_getattro = object_generic_get_attr;
    t.tp_traverse = defdict_traverse;
    t.tp_clear = defdict_tp_clear;
    t.tp_methods = defdict_methods;
    t.tp_members = defdict_members;
    t.tp_init = defdict_init;
    return t;
}();

// ===========================================================================
// _tuplegetter: the descriptor namedtuple puts on each field name.

struct TupleGetterObject : Object {
    Py_ssize_t index;
    Object* doc;  // owned
};

extern TypeObject TupleGetter_Type;

Ref<> tuplegetter_tp_new(TypeObject* type, Object* args, Object* kwds)
{
    if (!check_no_kwargs("_tuplegetter", kwds)) return nullptr;
    if (tuple_size(args) != 2)
        return format_error(Exc_TypeError, "_tuplegetter expected 2 arguments, got %zd", tuple_size(args));
    Object* index = tuple_item(args, 0);
    if (!long_check(index))
        return format_error(Exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                            Py_TYPE(index)->tp_name);
    Py_ssize_t i = long_as_ssize_t(index);
    if (i == -1 && error_occurred()) return nullptr;
    Ref<TupleGetterObject> self = ref_cast<TupleGetterObject>(steal_ref(object_alloc_raw(type, 0)));
    if (!self) return nullptr;
    self->index = i;
    self->doc = new_ref(tuple_item(args, 1)).release();
    return self;
}

void tuplegetter_dealloc(Object* op)
{
    clear_ref(static_cast<TupleGetterObject*>(op)->doc);
    object_dealloc_memory(op);
}

int tuplegetter_traverse(Object* op, visitproc visit, void* arg)
{
    Object* doc = static_cast<TupleGetterObject*>(op)->doc;
    return doc ? visit(doc, arg) : 0;
}

Ref<> tuplegetter_descr_get(Object* self, Object* obj, Object*)
{
    if (!obj || obj == Py_None()) return new_ref(self);
    Py_ssize_t index = static_cast<TupleGetterObject*>(self)->index;
    if (!tuple_check(obj))
        return format_error(Exc_TypeError, "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                            index, Py_TYPE(obj)->tp_name);
    if (index < 0 || index >= tuple_size(obj)) return format_error(Exc_IndexError, "tuple index out of range");
    return new_ref(tuple_item(obj, index));
}

int tuplegetter_descr_set(Object*, Object*, Object* value)
{
    set_error(Exc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
    return -1;
}

Ref<> tuplegetter_reduce(Object* self, Object*)
{
    auto* tg = static_cast<TupleGetterObject*>(self);
    Ref<> index = long_from_ssize_t(tg->index);
    if (!index) return nullptr;
    Ref<> args = tuple_pack({index.get(), tg->doc});
    if (!args) return nullptr;
    return tuple_pack({reinterpret_cast<Object*>(Py_TYPE(self)), args.get()});
}

MethodDef tuplegetter_methods[] = {
    method_noargs("__reduce__", tuplegetter_reduce),
    {},
};

MemberDef tuplegetter_members[] = {
    {"__doc__", T_OBJECT, static_cast<Py_ssize_t>(offsetof(TupleGetterObject, doc)), 0, nullptr},
    {},
};

TypeObject TupleGetter_Type = [] {
    TypeObject t = static_type("_collections._tuplegetter", sizeof(TupleGetterObject), 0,
                               Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, nullptr);
    t.tp_dealloc = tuplegetter_dealloc;
    t.tp_traverse = tuplegetter_traverse;
    t.tp_getattro = object_generic_get_attr;
    t.tp_descr_get = tuplegetter_descr_get;
    t.tp_descr_set = tuplegetter_descr_set;
    t.tp_methods = tuplegetter_methods;
    t.tp_members = tuplegetter_members;
    t.tp_new = tuplegetter_tp_new;
    return t;
}();

// ===========================================================================
// _count_elements(mapping, iterable): Counter's loop, mapping[elem] =
// mapping.get(elem, 0) + 1, with a direct path when mapping's get and
// __setitem__ are dict's own.

Ref<> count_elements(Object*, Object* const* args, Py_ssize_t nargs)
{
    if (!check_positional("_count_elements", nargs, 2, 2)) return nullptr;
    Object* mapping = args[0];
    static Object* get_name = id("get");
    static Object* setitem_name = id("__setitem__");
    bool direct = dict_check(mapping) &&
                  type_lookup(Py_TYPE(mapping), get_name) == type_lookup(&Dict_Type, get_name) &&
                  type_lookup(Py_TYPE(mapping), setitem_name) == type_lookup(&Dict_Type, setitem_name);
    Ref<> one = long_from_long(1);
    Ref<> zero = long_from_long(0);
    if (!one || !zero) return nullptr;
    int r = for_each_item(args[1], [&](Object* elem) -> int {
        Ref<> old;
        if (direct) {
            Object* found = dict_get_item_with_error(mapping, elem);
            if (!found && error_occurred()) return -1;
            old = new_ref(found ? found : zero.get());
        } else {
            old = call_method(mapping, "get", {elem, zero.get()});
            if (!old) return -1;
        }
        Ref<> updated = number_add(old.get(), one.get());
        if (!updated) return -1;
        return direct ? dict_set_item(mapping, elem, updated.get()) : object_set_item(mapping, elem, updated.get());
    });
    if (r < 0) return nullptr;
    return none_ref();
}

MethodDef collections_methods[] = {
    method_fast("_count_elements", count_elements, "Count elements in the iterable, updating the mapping"),
    {},
};

}  // namespace

Ref<> collections_module_create()
{
    for (TypeObject* t : {&Deque_Type, &DequeIter_Type, &DequeRevIter_Type, &DefDict_Type, &TupleGetter_Type})
        if (!(t->tp_flags & Py_TPFLAGS_READY) && type_ready(t) < 0) return nullptr;
    Ref<> mod = module_new("_collections");
    if (!mod || module_add_functions(mod.get(), collections_methods) < 0) return nullptr;
    Ref<> doc = unicode_from_string("High performance data structures.\n"
                                    "- deque:        ordered collection accessible from endpoints only\n"
                                    "- defaultdict:  dict subclass with a default value factory\n");
    if (!doc || module_add_object(mod.get(), "__doc__", doc.get()) < 0) return nullptr;
    if (module_add_object(mod.get(), "deque", &Deque_Type) < 0 ||
        module_add_object(mod.get(), "defaultdict", &DefDict_Type) < 0 ||
        module_add_object(mod.get(), "_deque_iterator", &DequeIter_Type) < 0 ||
        module_add_object(mod.get(), "_deque_reverse_iterator", &DequeRevIter_Type) < 0 ||
        module_add_object(mod.get(), "_tuplegetter", &TupleGetter_Type) < 0)
        return nullptr;
    return mod;
}

}  // namespace minipy::modules
